//! New, Open, Save, Save As and Quit: native dialogs where available, a typed path otherwise,
//! and a confirmation before unsaved changes are dropped.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::KgxApp;
use super::command::{Command, FileCommand};
use super::document::Document;
use super::guard::{Pending, Replacement};
use crate::io::formats::{self, Format, FormatOption, ReadOptions};
use crate::io::recovery::{self, RecoveryFile};
use crate::model::KnowledgeGraph;
use crate::state::job::{Job, POLL_INTERVAL, Polled};
use crate::ui::dialogs::{
    ConfirmChoice, DiskChoice, PathChoice, RecoveryChoice, changed_on_disk_ui, confirm_discard_ui, error_ui,
    path_prompt_ui, recovery_ui,
};

/// What a path prompt is for.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to it, then do the pending action, if any.
    SaveAs(Option<Pending>),
    /// Export to it, in the format its extension names.
    Export,
    /// Merge it into the open graph (after a review).
    ImportInto,
}

/// The modal dialog on screen, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum Dialog {
    /// None.
    #[default]
    None,
    /// "Save changes before …?"
    Confirm(Pending),
    /// A typed file path.
    Path { purpose: PathPurpose, text: String },
    /// An error, one line per problem.
    Error { title: String, lines: Vec<String> },
    /// Unsaved work of earlier windows, to restore or discard.
    Recover(Vec<RecoveryFile>),
    /// The document's file changed on disk; `saving`: found while saving to `path`, then do
    /// `then`.
    ChangedOnDisk { saving: Option<(PathBuf, Option<Pending>)> },
}

impl Dialog {
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Dialog::None => "none",
            Dialog::Confirm(_) => "confirm",
            Dialog::Path { .. } => "path",
            Dialog::Error { .. } => "error",
            Dialog::Recover(_) => "recover",
            Dialog::ChangedOnDisk { .. } => "changed on disk",
        }
    }
}

/// A file read for opening: kgx's own graph (keeps its path) or one imported from another tool
/// (a new, unsaved document).
pub(super) enum Opened {
    /// A kgx file, as a document whose scene and layout are already built (a million actors
    /// take seconds to set up, which must not freeze the window).
    Graph(Box<Document>),
    /// GraphML, GEXF, node-link JSON or RDF.
    Imported(Box<crate::io::import::Imported>),
}

/// A file being read on a worker thread: what the "Opening" window shows and cancels.
pub(super) struct OpeningFile {
    /// The file.
    pub path: std::path::PathBuf,
    /// The reading, with its progress (bytes read, for kgx files) and Cancel.
    pub job: Job<Result<Opened, String>>,
}

/// The document's graph being written to its file on a worker thread.
pub(super) struct SavingFile {
    /// The file.
    pub path: PathBuf,
    /// The document's revision that is being written: the one that counts as saved after.
    pub revision: u64,
    /// What to do once it is saved (quit, open another file …).
    pub then: Option<Pending>,
    /// The writing, and the written file's stamp (read there too: hashing a large file takes
    /// a while).
    pub job: Job<Result<Option<crate::io::FileStamp>, String>>,
}

/// An export being written on a worker thread.
pub(super) struct ExportingFile {
    /// The file.
    pub path: PathBuf,
    /// The writing: a status line, or the problems.
    pub job: Job<Result<String, Vec<String>>>,
}

/// Reads and checks a file to open, off the UI thread, in the format the registry finds for its
/// name (a name it does not know is read as a kgx file, whose errors say what is wrong). Reading a
/// kgx file reports to `progress` and stops when it is cancelled.
pub(super) fn read_for_opening(path: &Path, progress: &crate::analysis::progress::Progress) -> Result<Opened, String> {
    let format = Format::by_path(path).filter(|f| f.reads).unwrap_or(formats::FormatId::Kgx.format());
    let read = formats::read_file(path, format, ReadOptions::default(), progress).map_err(|e| e.to_string())?;
    if format.native {
        let stamp = read.stamp.or_else(|| crate::io::FileStamp::read(path).ok());
        Ok(Opened::Graph(Box::new(Document::with_stamp(read.graph, Some(path.to_owned()), stamp))))
    } else {
        Ok(Opened::Imported(Box::new(crate::io::import::Imported { graph: read.graph, notes: read.notes })))
    }
}

/// Whether the operating system's file dialogs can work here (Linux needs a session bus for
/// the desktop portal; without one, asking would fail silently).
pub(super) fn native_dialogs_available() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

fn ron_filter(dialog: rfd::FileDialog) -> rfd::FileDialog {
    dialog.add_filter("kgx graph", &["ron"]).add_filter("All files", &["*"])
}

/// A dialog's filters for `formats`: all of them together first, then one per format, then all
/// files.
fn format_filters<'a>(
    dialog: rfd::FileDialog,
    together: &str,
    formats: impl Iterator<Item = &'a Format> + Clone,
) -> rfd::FileDialog {
    let all = formats::extensions(formats.clone());
    let dialog = dialog.add_filter(together, &all);
    formats.fold(dialog, |dialog, f| dialog.add_filter(f.label(), f.extensions)).add_filter("All files", &["*"])
}

/// What the Open and Import into dialogs offer: every format kgx reads.
pub(super) fn open_filter(dialog: rfd::FileDialog) -> rfd::FileDialog {
    format_filters(dialog, "Graphs kgx reads", formats::readable())
}

/// What a typed-path dialog's title says is accepted: "Open graph: kgx graph (.ron), GraphML
/// (.graphml), … or JSON-LD (.jsonld)".
pub(super) fn accepted(verb: &str, formats: impl Iterator<Item = &'static Format>) -> String {
    format!("{verb}: {}", formats::list(formats))
}

/// An example path for the path field: one name, then every other extension the formats take,
/// e.g. "/path/to/graph.ron, .graphml, .gexf, .csv, …".
fn example_path<'a>(formats: impl Iterator<Item = &'a Format>) -> String {
    let extensions: Vec<&str> = formats.flat_map(|f| f.extensions.iter().copied()).collect();
    match extensions.split_first() {
        Some((first, rest)) if !rest.is_empty() => format!("/path/to/graph.{first} (or .{})", rest.join(", .")),
        Some((first, _)) => format!("/path/to/graph.{first}"),
        None => "/path/to/graph".to_owned(),
    }
}

/// Whether kgx opens files with this name (a format the registry says it reads): what dropped
/// files and the recent list are checked against.
pub(super) fn opens(path: &Path) -> bool {
    formats::opens(path)
}

/// Whether a file goes through the column dialog before it is read (CSV).
pub(super) fn needs_columns(path: &Path) -> bool {
    Format::by_path(path).is_some_and(|f| f.offers(FormatOption::ColumnMapping))
}

impl KgxApp {
    pub(super) fn run_file_command(&mut self, ctx: &egui::Context, command: FileCommand) {
        if matches!(command, FileCommand::Save | FileCommand::SaveAs(_)) {
            // A name still being typed counts: the file gets the new actor's id from it.
            self.name_new_actor();
        }
        match command {
            FileCommand::New => self.unless_dirty(Pending::New, ctx),
            FileCommand::Open(path) => self.unless_dirty(Pending::Open(path), ctx),
            FileCommand::Save => match self.doc.path.clone() {
                Some(path) => self.save_to(&path, None),
                None => self.ask_save_path(None),
            },
            FileCommand::SaveAs(Some(path)) => self.save_to(&path, None),
            FileCommand::SaveAs(None) => self.ask_save_path(None),
            FileCommand::Quit => self.unless_dirty(Pending::Quit, ctx),
            FileCommand::Restore(path) => self.unless_dirty(Pending::Restore(path), ctx),
            FileCommand::ShowRecovery => self.offer_recovery(true),
            FileCommand::CheckDisk => self.check_disk(),
            FileCommand::Export(Some(path)) => self.export_to(&path),
            FileCommand::Export(None) => self.ask_export_path(),
        }
    }

    pub(super) fn ask_open_path(&mut self) {
        if self.files.native_dialogs && native_dialogs_available() {
            if let Some(path) = open_filter(rfd::FileDialog::new()).set_title("Open graph").pick_file() {
                self.open_path(&path);
            }
        } else {
            self.files.dialog = Dialog::Path { purpose: PathPurpose::Open, text: String::new() };
        }
    }

    fn ask_save_path(&mut self, then: Option<Pending>) {
        if self.files.native_dialogs && native_dialogs_available() {
            let name = self
                .doc
                .path
                .as_deref()
                .and_then(Path::file_name)
                .map_or_else(|| "graph.ron".to_owned(), |n| n.to_string_lossy().into_owned());
            if let Some(path) =
                ron_filter(rfd::FileDialog::new()).set_title("Save graph").set_file_name(name).save_file()
            {
                self.files.dialog = Dialog::None;
                self.save_to(&path, then);
            }
        } else {
            let text = self.doc.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
            self.files.dialog = Dialog::Path { purpose: PathPurpose::SaveAs(then), text };
        }
    }

    /// Opens a file; on failure shows every problem and keeps the current graph.
    /// Opens a file on a worker thread (a CSV goes through its column dialog); the outcome
    /// arrives in [`KgxApp::poll_open`]. On failure the open graph stays as it was.
    pub(super) fn open_path(&mut self, path: &Path) {
        if needs_columns(path) {
            self.ask_csv_mapping(path, crate::state::csv_import::CsvPurpose::Open);
            return;
        }
        let reading = path.to_owned();
        let job =
            Job::start(format!("Opening {}", path.display()), move |progress| read_for_opening(&reading, progress));
        self.files.opening = Some(OpeningFile { path: path.to_owned(), job });
    }

    /// Takes a finished open: the new document, or the located problems.
    pub(super) fn poll_open(&mut self, ctx: &egui::Context) {
        let Some(OpeningFile { path, job }) = &self.files.opening else { return };
        let result = match job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(POLL_INTERVAL);
                return;
            }
            Polled::Done(result) => result,
            Polled::Lost => Err(format!("{}: reading stopped", path.display())),
        };
        let path = path.clone();
        self.files.opening = None;
        self.finish_open(&path, result, ctx);
    }

    fn finish_open(&mut self, path: &Path, result: Result<Opened, String>, ctx: &egui::Context) {
        match result {
            Ok(Opened::Imported(imported)) => self.open_imported(path, *imported, ctx),
            Ok(Opened::Graph(doc)) => {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                let status = format!("Opened {}", path.display());
                self.offer_document(Replacement { doc: *doc, name, status, recent: Some(path.to_owned()) }, ctx);
            }
            Err(message) => {
                self.files.given_up = None;
                let lines = message.lines().map(str::to_owned).collect();
                self.files.dialog = Dialog::Error { title: format!("Cannot open {}", path.display()), lines };
                self.set_status(format!("Could not open {}", path.display()));
            }
        }
    }

    /// Asks where to export, with the operating system's dialog where there is one: one filter
    /// per format kgx writes (a save dialog takes the chosen filter's extension).
    fn ask_export_path(&mut self) {
        if self.files.native_dialogs && native_dialogs_available() {
            let dialog = formats::writable()
                .filter(|f| !f.native)
                .chain(formats::writable().filter(|f| f.native))
                .fold(rfd::FileDialog::new().set_title("Export graph"), |dialog, f| {
                    dialog.add_filter(f.label(), f.extensions)
                });
            if let Some(path) = dialog.save_file() {
                self.export_to(&path);
            }
        } else {
            self.files.dialog = Dialog::Path { purpose: PathPurpose::Export, text: String::new() };
        }
    }

    /// Writes the graph for other tools in the format `path`'s extension names (atomically). The
    /// document keeps its own file and stays as saved or unsaved as it was.
    fn export_to(&mut self, path: &Path) {
        let Some(kind) = Format::by_path(path).filter(|f| f.writes) else {
            let lines = vec![format!(
                "{}: choose a name ending in {}",
                path.display(),
                formats::list(formats::writable().filter(|f| !f.native))
            )];
            self.files.dialog = Dialog::Error { title: "Cannot export".to_owned(), lines };
            return;
        };
        // The copy is written on a worker thread: writing a large graph takes seconds.
        // The graph is shared with the worker, not copied: an edit meanwhile copies it then.
        self.doc.capture_positions();
        let graph = std::sync::Arc::clone(&self.doc.graph);
        let writing = path.to_owned();
        let job = Job::start(format!("Exporting {}", path.display()), move |_| write_export(&graph, &writing, kind));
        self.files.exporting = Some(ExportingFile { path: path.to_owned(), job });
        self.set_status(format!("Exporting {} …", path.display()));
    }

    /// Takes a finished export: its status line, or its error.
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(ExportingFile { path, job }) = &self.files.exporting else { return };
        let result = match job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(POLL_INTERVAL);
                return;
            }
            Polled::Done(result) => result,
            Polled::Lost => Err(vec![format!("{}: export stopped", path.display())]),
        };
        self.files.exporting = None;
        match result {
            Ok(status) => self.set_status(status),
            Err(lines) => self.files.dialog = Dialog::Error { title: "Cannot export".to_owned(), lines },
        }
    }

    /// Offers an imported graph as the document (through the guard): new and unsaved, so Save
    /// asks for a kgx file.
    pub(super) fn open_imported(&mut self, path: &Path, imported: crate::io::import::Imported, ctx: &egui::Context) {
        let name = path.file_name().map_or_else(|| "graph".to_owned(), |n| n.to_string_lossy().into_owned());
        let counts = format!(
            "{}, {}",
            crate::words::actors(imported.graph.actor_count()),
            crate::words::cooperations(imported.graph.cooperation_count())
        );
        let mut doc = Document::new(imported.graph, None);
        doc.untitled_name = format!("{name} (imported)");
        doc.history.mark_unsaved();
        let notes = if imported.notes.is_empty() { String::new() } else { format!("; {}", imported.notes.join("; ")) };
        let status = format!("Imported {}: {counts}{notes}", path.display());
        self.offer_document(Replacement { doc, name, status, recent: Some(path.to_owned()) }, ctx);
    }

    /// Saves to `path`, then does `then` (next frame). Saving over the document's own file after
    /// another program changed it asks first. On failure shows the error.
    pub(super) fn save_to(&mut self, path: &Path, then: Option<Pending>) {
        if self.doc.path.as_deref() == Some(path) && self.doc.changed_on_disk() {
            self.files.dialog = Dialog::ChangedOnDisk { saving: Some((path.to_owned(), then)) };
            return;
        }
        self.save_over(path, then);
    }

    /// Saves to `path` without asking, on a worker thread (writing a large graph takes seconds),
    /// then does `then` once the file is written ([`KgxApp::poll_save`]). The graph is shared
    /// with the writer, not copied; editing meanwhile goes on and leaves the document unsaved.
    fn save_over(&mut self, path: &Path, then: Option<Pending>) {
        if let Some(saving) = &self.files.saving {
            self.set_status(format!("Still saving {} …", saving.path.display()));
            return;
        }
        let snapshot = self.doc.snapshot_for_save();
        let writing = path.to_owned();
        let job = Job::start(format!("Saving {}", path.display()), move |_| {
            crate::io::save_file(&snapshot.graph, &writing).map_err(|e| e.to_string())?;
            Ok(crate::io::FileStamp::read(&writing).ok())
        });
        self.files.saving = Some(SavingFile { path: path.to_owned(), revision: snapshot.revision, then, job });
        self.set_status(format!("Saving {} …", path.display()));
    }

    /// Takes a finished save: the document counts as saved (as it was when the save began), and
    /// what waited for it goes ahead; or the error, and nothing goes ahead.
    pub(super) fn poll_save(&mut self, ctx: &egui::Context) {
        let Some(saving) = &self.files.saving else { return };
        let result = match saving.job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(POLL_INTERVAL);
                return;
            }
            Polled::Done(result) => result,
            Polled::Lost => Err(format!("{}: saving stopped", saving.path.display())),
        };
        let Some(SavingFile { path, revision, then, .. }) = self.files.saving.take() else { return };
        match result {
            Ok(stamp) => {
                self.doc.saved(&path, revision, stamp);
                if !self.doc.is_dirty() {
                    self.autosave.discard();
                }
                self.remember_recent(path.clone());
                self.set_status(format!("Saved {}", path.display()));
                self.files.pending_after_save = then;
                ctx.request_repaint();
            }
            Err(error) => {
                self.files.dialog = Dialog::Error { title: "Cannot save".to_owned(), lines: vec![error] };
            }
        }
    }

    /// Shows the unsaved work that windows which are gone left behind, if any (or says there is
    /// none, when `asked`).
    pub(super) fn offer_recovery(&mut self, asked: bool) {
        let Some(dir) = self.autosave.dir() else {
            if asked {
                self.set_status("Autosave is off: there is no recovery folder");
            }
            return;
        };
        let files: Vec<RecoveryFile> = recovery::list(dir).into_iter().filter(RecoveryFile::is_offered).collect();
        if !files.is_empty() {
            // What each one changed against its file is worked out on a worker thread (reading
            // both graphs takes a while when they are large), one job per file, each shown as it
            // arrives.
            let jobs = files
                .iter()
                .map(|f| {
                    let (path, document) = (f.path.clone(), f.header.document.clone());
                    Job::start(format!("Comparing {}", path.display()), move |_| {
                        let summary = match document.filter(|d| d.exists()) {
                            Some(document) => recovery::changes(&path, &document).map_or_else(
                                |e| {
                                    format!(
                                        "cannot compare with the file: {}",
                                        e.to_string().lines().next().unwrap_or("")
                                    )
                                },
                                |c| c.summary(),
                            ),
                            None => "never saved: everything in it is new".to_owned(),
                        };
                        (path, summary)
                    })
                })
                .collect();
            self.files.recovery_changes = (std::collections::HashMap::new(), jobs);
            self.files.dialog = Dialog::Recover(files);
        } else if asked {
            self.set_status(format!("No unsaved work to recover in {}", dir.display()));
        }
    }

    /// Shows an error dialog: a title and the message's lines (one per problem).
    pub(super) fn show_error(&mut self, title: String, message: &str) {
        self.files.dialog = Dialog::Error { title, lines: message.lines().map(str::to_owned).collect() };
    }

    /// Asks what to do if the document's file changed on disk since it was opened or saved.
    pub(super) fn check_disk(&mut self) {
        if self.files.dialog == Dialog::None && self.doc.changed_on_disk() {
            self.files.dialog = Dialog::ChangedOnDisk { saving: None };
        }
    }

    /// Closing the window with unsaved changes asks first; dropped files are opened; regaining
    /// focus checks the file on disk.
    pub(super) fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.files.closing_confirmed && self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.files.dialog = Dialog::Confirm(Pending::Quit);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if let Some(path) = dropped.into_iter().find(|p| opens(p)) {
            self.commands.push(Command::File(FileCommand::Open(Some(path))));
        }
        if let Some(pending) = self.files.pending_after_save.take() {
            self.proceed(pending, ctx);
        }
        // Coming back to the window is when a change made elsewhere (an editor, `git pull`) is
        // noticed; an idle window does not poll the disk.
        if ctx.input(|i| i.raw.events.iter().any(|e| matches!(e, egui::Event::WindowFocused(true)))) {
            self.check_disk();
        }
    }

    /// Shows the open dialog and acts on the answer.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let (known, jobs) = &mut self.files.recovery_changes;
        jobs.retain(|job| match job.poll() {
            Polled::Done((path, summary)) => {
                known.insert(path, summary);
                false
            }
            Polled::Lost => false,
            Polled::Running => true,
        });
        if !jobs.is_empty() {
            ctx.request_repaint_after(POLL_INTERVAL);
        }
        match &mut self.files.dialog {
            Dialog::None => {}
            Dialog::Confirm(pending) => {
                let pending = pending.clone();
                let name = self.doc.display_name();
                match confirm_discard_ui(ctx, &name, &pending.verb(self.files.ready.as_deref())) {
                    Some(ConfirmChoice::Save) => {
                        self.files.dialog = Dialog::None;
                        match (self.doc.path.clone(), &pending) {
                            // The file on disk is the other program's version: keep ours elsewhere.
                            (Some(_), Pending::Reload(_)) | (None, _) => self.ask_save_path(Some(pending)),
                            (Some(path), _) => self.save_to(&path, Some(pending)),
                        }
                    }
                    Some(ConfirmChoice::Discard) => {
                        self.files.dialog = Dialog::None;
                        self.discard_and_proceed(pending, ctx);
                    }
                    Some(ConfirmChoice::Cancel) => {
                        self.files.dialog = Dialog::None;
                        self.cancel_pending(&pending);
                    }
                    None => {}
                }
            }
            Dialog::Path { purpose, text } => {
                let (title, verb) = match purpose {
                    PathPurpose::Open => (accepted("Open graph", formats::readable()), "Open"),
                    PathPurpose::SaveAs(_) => ("Save graph as".to_owned(), "Save"),
                    PathPurpose::Export => (accepted("Export as", formats::writable().filter(|f| !f.native)), "Export"),
                    PathPurpose::ImportInto => (accepted("Import into this graph", formats::readable()), "Import"),
                };
                let example = match purpose {
                    PathPurpose::Open | PathPurpose::ImportInto => example_path(formats::readable()),
                    PathPurpose::SaveAs(_) => "/path/to/graph.ron".to_owned(),
                    PathPurpose::Export => example_path(formats::writable().filter(|f| !f.native)),
                };
                match path_prompt_ui(ctx, &title, verb, &example, text) {
                    Some(PathChoice::Accept(path)) => {
                        let purpose = purpose.clone();
                        self.files.dialog = Dialog::None;
                        let path = PathBuf::from(path);
                        match purpose {
                            PathPurpose::Open => self.open_path(&path),
                            PathPurpose::SaveAs(then) => self.save_to(&path, then),
                            PathPurpose::Export => self.export_to(&path),
                            PathPurpose::ImportInto => self.import_into_path(&path),
                        }
                    }
                    Some(PathChoice::Cancel) => {
                        self.files.dialog = Dialog::None;
                        self.files.given_up = None;
                    }
                    None => {}
                }
            }
            Dialog::Error { title, lines } => {
                if error_ui(ctx, title, lines) {
                    self.files.dialog = Dialog::None;
                }
            }
            Dialog::Recover(files) => match recovery_ui(ctx, files, &self.files.recovery_changes.0) {
                Some(RecoveryChoice::Restore(path)) => {
                    self.files.dialog = Dialog::None;
                    self.run_file_command(ctx, FileCommand::Restore(path));
                }
                Some(RecoveryChoice::Discard(path)) => {
                    files.retain(|f| f.path != path);
                    if files.is_empty() {
                        self.files.dialog = Dialog::None;
                    }
                    match recovery::remove(&path) {
                        Ok(()) => self.set_status(format!("Discarded {}", path.display())),
                        Err(error) => self.set_status(format!("Could not discard {}: {error}", path.display())),
                    }
                }
                Some(RecoveryChoice::Later) => self.files.dialog = Dialog::None,
                None => {}
            },
            Dialog::ChangedOnDisk { saving } => {
                let saving = saving.clone();
                let name = self.doc.display_name();
                let exists = self.doc.path.as_deref().is_some_and(Path::exists);
                match changed_on_disk_ui(ctx, &name, exists, saving.is_some()) {
                    Some(DiskChoice::Reload) => {
                        self.files.dialog = Dialog::None;
                        if let Some(path) = self.doc.path.clone() {
                            self.unless_dirty(Pending::Reload(path), ctx);
                        }
                    }
                    Some(DiskChoice::KeepMine) => {
                        self.files.dialog = Dialog::None;
                        self.doc.acknowledge_disk();
                        self.set_status(format!("Kept your version of {name}; saving will replace the file"));
                    }
                    Some(DiskChoice::Overwrite) => {
                        self.files.dialog = Dialog::None;
                        if let Some((path, then)) = saving {
                            self.save_over(&path, then);
                        }
                    }
                    Some(DiskChoice::Cancel) => self.files.dialog = Dialog::None,
                    None => {}
                }
            }
        }
    }
}

/// Writes `graph` for other tools (atomically) in `format`, off the UI thread; the status line
/// on success, the error's lines otherwise.
fn write_export(graph: &KnowledgeGraph, path: &Path, format: &Format) -> Result<String, Vec<String>> {
    let files = formats::write_file(graph, path, format).map_err(|error| vec![error.to_string()])?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    Ok(format!("Exported {}", names.join(" and ")))
}
