//! The one guard for replacing the open document: every path that would drop it — New, Open,
//! Open recent, a dropped file, a CSV or another tool's file, opening from a knowledge base,
//! Reload after another program changed the file, Restore from recovery, Quit — comes here, and
//! unsaved changes are asked about first. The document is swapped in this file alone
//! ([`KgxApp::install`] is private to it), so no path can skip the question.
//!
//! A recovery file stays until the person has chosen: "Don't save" removes it, Cancel keeps it,
//! Save replaces it with the saved file.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::KgxApp;
use super::document::Document;
use crate::model::KnowledgeGraph;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pending {
    /// Start an empty document.
    New,
    /// Open a file (or ask for one); it is read after the question.
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
    /// Open a recovery file as the document.
    Restore(PathBuf),
    /// Read this file again into the document (another program changed it).
    Reload(PathBuf),
    /// Put in the document already read that waits in [`KgxApp::ready`] (a file read on a worker
    /// thread, a graph from a knowledge base, an imported CSV).
    Ready,
}

impl Pending {
    /// What the question says the person is about to do: "before you …".
    pub(super) fn verb(&self, ready: Option<&Replacement>) -> String {
        match self {
            Pending::New => "start a new graph".to_owned(),
            Pending::Open(_) => "open another file".to_owned(),
            Pending::Quit => "quit".to_owned(),
            Pending::Restore(_) => "restore unsaved work".to_owned(),
            Pending::Reload(_) => "reload it from disk".to_owned(),
            Pending::Ready => ready.map_or_else(|| "open another graph".to_owned(), |r| format!("open {}", r.name)),
        }
    }
}

/// A document read and ready to replace the open one, with what to say and remember then.
pub(super) struct Replacement {
    /// The new document.
    pub doc: Document,
    /// How the question and the status line name it.
    pub name: String,
    /// The status line once it is open.
    pub status: String,
    /// The file to put first in the recent list, if any.
    pub recent: Option<PathBuf>,
}

impl KgxApp {
    /// Runs `pending` now, or first asks what to do with unsaved changes (Save, Don't save,
    /// Cancel). Every replacement of the document goes through here.
    pub(super) fn unless_dirty(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.files.dialog = super::files::Dialog::Confirm(pending);
        } else {
            self.proceed(pending, ctx);
        }
    }

    /// Offers a document that was read (on a worker thread, from a knowledge base) to replace the
    /// open one, through the guard: unsaved changes made meanwhile are asked about first.
    pub(super) fn offer_document(&mut self, replacement: Replacement, ctx: &egui::Context) {
        self.files.ready = Some(Box::new(replacement));
        // The person was asked before this file was chosen and gave the changes up: asked once,
        // not twice, unless they edited since.
        if self.files.given_up.take() == Some(self.doc.history.revision()) {
            self.proceed(Pending::Ready, ctx);
        } else {
            self.unless_dirty(Pending::Ready, ctx);
        }
    }

    /// The person answered "Don't save" to `pending`: the recovery file goes, then `pending` runs.
    pub(super) fn discard_and_proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        self.autosave.discard();
        if matches!(pending, Pending::Open(_)) {
            // The file is read first and offered through the guard when it is ready.
            self.files.given_up = Some(self.doc.history.revision());
        }
        self.proceed(pending, ctx);
    }

    /// The person cancelled `pending`: nothing changes, and a document waiting to come in is
    /// dropped (off the UI thread: it may be large).
    pub(super) fn cancel_pending(&mut self, pending: &Pending) {
        if *pending == Pending::Ready
            && let Some(ready) = self.files.ready.take()
        {
            let name = ready.name.clone();
            crate::state::job::drop_in_background(ready);
            self.set_status(format!("Kept the open graph; {name} was not opened"));
        }
    }

    /// Carries `pending` out: unsaved changes were saved, discarded, or there were none.
    pub(super) fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => {
                let doc = Document::new(KnowledgeGraph::new(), None);
                let status = "New graph: double-click the canvas to add an actor".to_owned();
                self.install(Replacement { doc, name: "a new graph".to_owned(), status, recent: None });
            }
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => self.ask_open_path(),
            Pending::Restore(path) => self.restore(&path),
            Pending::Reload(path) => self.reload(path),
            Pending::Ready => {
                if let Some(ready) = self.files.ready.take() {
                    self.install(*ready);
                }
            }
            Pending::Quit => {
                self.autosave.discard();
                self.autosave.flush();
                self.files.closing_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Makes `replacement` the document: the old one's recovery file goes (its changes were
    /// saved or given up), the view starts afresh.
    fn install(&mut self, replacement: Replacement) {
        let Replacement { doc, status, recent, .. } = replacement;
        self.files.given_up = None;
        self.autosave.discard();
        let old = std::mem::replace(&mut self.doc, doc);
        // Freeing a graph of a million actors takes a while: not on the UI thread.
        crate::state::job::drop_in_background(old);
        self.autosave.start_document(&self.doc);
        self.selection.clear();
        self.canvas.reset();
        self.options = crate::ui::paint::ViewOptions {
            theme: self.options.theme,
            draw_on: self.options.draw_on,
            ..Default::default()
        };
        self.explore.metrics.cancel();
        self.explore = super::explore::Explore::default();
        self.pacing.styled = false;
        if let Some(path) = recent {
            self.remember_recent(path);
        }
        self.set_status(status);
    }

    /// Opens a recovery file as the document: unsaved, named after its original file, and
    /// autosaved to the same recovery file until it is saved.
    fn restore(&mut self, path: &Path) {
        use crate::io::recovery::{read_header, utc_text};
        let header = read_header(path);
        match (crate::io::load_file(path), header) {
            (Ok(graph), Ok(header)) => {
                let mut doc = Document::new(graph, header.document.clone());
                doc.untitled_name.clone_from(&header.name);
                doc.history.mark_unsaved();
                let status =
                    format!("Restored unsaved work on {} (autosaved {})", header.name, utc_text(header.saved_at));
                self.install(Replacement { doc, name: header.name.clone(), status, recent: None });
                self.autosave.adopt(path.to_owned(), &self.doc);
            }
            (Err(error), _) => self.show_error(format!("Cannot restore {}", path.display()), &error.to_string()),
            (_, Err(error)) => self.show_error(format!("Cannot restore {}", path.display()), &error.to_string()),
        }
    }

    /// Reads the document's file `path` again into the open graph, as one undoable step (the
    /// version that was open stays in the history). If the person saved their version elsewhere
    /// first, the document is the reloaded file again.
    fn reload(&mut self, path: PathBuf) {
        match crate::io::load_file(&path) {
            Ok(graph) => match self.doc.reload_from(graph, &path) {
                Ok(()) => {
                    self.doc.history.mark_saved();
                    self.autosave.discard();
                    self.selection.retain_existing(&self.doc.graph);
                    self.set_status(format!("Reloaded {} (Ctrl+Z brings your version back)", path.display()));
                }
                Err(error) => self.set_status(format!("Not reloaded: {error}")),
            },
            Err(error) => self.show_error(format!("Cannot reload {}", path.display()), &error.to_string()),
        }
    }
}
