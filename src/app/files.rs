//! New, Open, Save, Save As and Quit: native dialogs where available, a typed path otherwise,
//! and a confirmation before unsaved changes are dropped.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::KgxApp;
use super::command::Command;
use super::document::Document;
use crate::io::load_file;
use crate::model::KnowledgeGraph;
use crate::ui::dialogs::{ConfirmChoice, PathChoice, confirm_discard_ui, error_ui, path_prompt_ui};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pending {
    /// Start an empty document.
    New,
    /// Open a file (or ask for one).
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
}

impl Pending {
    fn verb(&self) -> &'static str {
        match self {
            Pending::New => "start a new graph",
            Pending::Open(_) => "open another file",
            Pending::Quit => "quit",
        }
    }
}

/// What a path prompt is for.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to it, then do the pending action, if any.
    SaveAs(Option<Pending>),
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
}

impl Dialog {
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Dialog::None => "none",
            Dialog::Confirm(_) => "confirm",
            Dialog::Path { .. } => "path",
            Dialog::Error { .. } => "error",
        }
    }
}

/// Whether the operating system's file dialogs can work here (Linux needs a session bus for
/// the desktop portal; without one, asking would fail silently).
fn native_dialogs_available() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

fn ron_filter(dialog: rfd::FileDialog) -> rfd::FileDialog {
    dialog.add_filter("kgx graph", &["ron"]).add_filter("All files", &["*"])
}

impl KgxApp {
    pub(super) fn run_file_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.unless_dirty(Pending::New, ctx),
            Command::Open(path) => self.unless_dirty(Pending::Open(path), ctx),
            Command::Save => match self.doc.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.ask_save_path(None),
            },
            Command::SaveAs(Some(path)) => {
                self.save_to(&path);
            }
            Command::SaveAs(None) => self.ask_save_path(None),
            Command::Quit => self.unless_dirty(Pending::Quit, ctx),
            _ => {}
        }
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    fn unless_dirty(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.dialog = Dialog::Confirm(pending);
        } else {
            self.proceed(pending, ctx);
        }
    }

    fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => {
                self.replace_document(Document::new(KnowledgeGraph::new(), None));
                self.set_status("New graph: double-click the canvas to add an actor");
            }
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => self.ask_open_path(),
            Pending::Quit => {
                self.closing_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn ask_open_path(&mut self) {
        if self.native_dialogs && native_dialogs_available() {
            if let Some(path) = ron_filter(rfd::FileDialog::new()).set_title("Open graph").pick_file() {
                self.open_path(&path);
            }
        } else {
            self.dialog = Dialog::Path { purpose: PathPurpose::Open, text: String::new() };
        }
    }

    fn ask_save_path(&mut self, then: Option<Pending>) {
        if self.native_dialogs && native_dialogs_available() {
            let name = self
                .doc
                .path
                .as_deref()
                .and_then(Path::file_name)
                .map_or_else(|| "graph.ron".to_owned(), |n| n.to_string_lossy().into_owned());
            if let Some(path) =
                ron_filter(rfd::FileDialog::new()).set_title("Save graph").set_file_name(name).save_file()
                && self.save_to(&path)
                && let Some(pending) = then
            {
                self.dialog = Dialog::None;
                self.pending_after_save = Some(pending);
            }
        } else {
            let text = self.doc.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
            self.dialog = Dialog::Path { purpose: PathPurpose::SaveAs(then), text };
        }
    }

    /// Opens a file; on failure shows every problem and keeps the current graph.
    pub(super) fn open_path(&mut self, path: &Path) {
        match load_file(path) {
            Ok(graph) => {
                let doc = Document::new(graph, Some(path.to_owned()));
                self.replace_document(doc);
                self.remember_recent(path.to_owned());
                self.set_status(format!("Opened {}", path.display()));
            }
            Err(error) => {
                let lines = error.to_string().lines().map(str::to_owned).collect();
                self.dialog = Dialog::Error { title: format!("Cannot open {}", path.display()), lines };
                self.set_status(format!("Could not open {}", path.display()));
            }
        }
    }

    /// Saves to `path`; on failure shows the error. Returns whether it saved.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember_recent(path.to_owned());
                self.set_status(format!("Saved {}", path.display()));
                true
            }
            Err(error) => {
                self.dialog = Dialog::Error { title: "Cannot save".to_owned(), lines: vec![error.to_string()] };
                false
            }
        }
    }

    /// Closing the window with unsaved changes asks first; dropped files are opened.
    pub(super) fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing_confirmed && self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Dialog::Confirm(Pending::Quit);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if let Some(path) = dropped.into_iter().find(|p| p.extension().is_some_and(|e| e == "ron")) {
            self.commands.push(Command::Open(Some(path)));
        }
        if let Some(pending) = self.pending_after_save.take() {
            self.proceed(pending, ctx);
        }
    }

    /// Shows the open dialog and acts on the answer.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        match &mut self.dialog {
            Dialog::None => {}
            Dialog::Confirm(pending) => {
                let pending = pending.clone();
                let name = self.doc.display_name();
                match confirm_discard_ui(ctx, &name, pending.verb()) {
                    Some(ConfirmChoice::Save) => {
                        self.dialog = Dialog::None;
                        match self.doc.path.clone() {
                            Some(path) => {
                                if self.save_to(&path) {
                                    self.proceed(pending, ctx);
                                }
                            }
                            None => self.ask_save_path(Some(pending)),
                        }
                    }
                    Some(ConfirmChoice::Discard) => {
                        self.dialog = Dialog::None;
                        self.proceed(pending, ctx);
                    }
                    Some(ConfirmChoice::Cancel) => self.dialog = Dialog::None,
                    None => {}
                }
            }
            Dialog::Path { purpose, text } => {
                let (title, verb) = match purpose {
                    PathPurpose::Open => ("Open graph", "Open"),
                    PathPurpose::SaveAs(_) => ("Save graph as", "Save"),
                };
                match path_prompt_ui(ctx, title, verb, text) {
                    Some(PathChoice::Accept(path)) => {
                        let purpose = purpose.clone();
                        self.dialog = Dialog::None;
                        let path = PathBuf::from(path);
                        match purpose {
                            PathPurpose::Open => self.open_path(&path),
                            PathPurpose::SaveAs(then) => {
                                if self.save_to(&path)
                                    && let Some(pending) = then
                                {
                                    self.proceed(pending, ctx);
                                }
                            }
                        }
                    }
                    Some(PathChoice::Cancel) => self.dialog = Dialog::None,
                    None => {}
                }
            }
            Dialog::Error { title, lines } => {
                if error_ui(ctx, title, lines) {
                    self.dialog = Dialog::None;
                }
            }
        }
    }
}
