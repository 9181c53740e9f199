//! File → Import into this graph…: read on a worker thread, review look-alike actors, merge as
//! one undoable step.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::KgxApp;
use super::files::{Dialog, PathPurpose};
use crate::state::command::MergeCommand;
use crate::state::merge::{MergeReview, MergeState, ReadJob};

impl KgxApp {
    pub(super) fn run_merge_command(&mut self, command: MergeCommand) {
        match command {
            MergeCommand::Show(Some(path)) => self.start_merge(path),
            MergeCommand::Show(None) => {
                if self.files.native_dialogs && super::files::native_dialogs_available() {
                    if let Some(path) =
                        super::files::open_filter(rfd::FileDialog::new().set_title("Import into this graph"))
                            .pick_file()
                    {
                        self.start_merge(path);
                    }
                } else {
                    self.files.dialog = Dialog::Path { purpose: PathPurpose::ImportInto, text: String::new() };
                }
            }
            MergeCommand::Apply => {
                let MergeState::Review(review) = &self.windows.merge else { return };
                let (edit, counts) = review.edit(&self.doc.graph);
                let name = review.name.clone();
                if self.apply(edit, None) {
                    self.windows.merge = MergeState::Closed;
                    self.set_status(format!(
                        "Imported {name}: {} added, {} merged into existing ones, {}, {} (Ctrl+Z takes it back)",
                        crate::words::actors(counts.actors),
                        crate::words::counted(counts.merged, "actor", "actors"),
                        crate::words::cooperations(counts.cooperations),
                        crate::words::counted(counts.sources, "source", "sources")
                    ));
                }
            }
            MergeCommand::Close => self.windows.merge = MergeState::Closed,
        }
    }

    fn start_merge(&mut self, path: PathBuf) {
        if super::files::needs_columns(&path) {
            self.ask_csv_mapping(&path, crate::state::csv_import::CsvPurpose::Merge);
            return;
        }
        self.windows.merge = MergeState::Reading(ReadJob::start(path));
    }

    /// Takes the read graph into the review, or its problem into an error dialog.
    pub(super) fn poll_merge(&mut self, ctx: &egui::Context) {
        let MergeState::Reading(job) = &self.windows.merge else { return };
        match job.poll() {
            None => ctx.request_repaint_after(Duration::from_millis(50)),
            Some(Ok((graph, notes))) => {
                let name =
                    job.path.file_name().map_or_else(|| "graph".to_owned(), |n| n.to_string_lossy().into_owned());
                let mut review = MergeReview::new(name, graph, &self.doc.graph, notes);
                if let Some(rule) = job.chosen_rule {
                    review.merge_parallel = rule;
                }
                self.windows.merge = MergeState::Review(Box::new(review));
            }
            Some(Err(message)) => {
                self.windows.merge = MergeState::Closed;
                let lines = message.lines().map(str::to_owned).collect();
                self.files.dialog = Dialog::Error { title: "Cannot import".to_owned(), lines };
            }
        }
    }

    /// The path dialog's answer for an import into this graph.
    pub(super) fn import_into_path(&mut self, path: &Path) {
        self.start_merge(path.to_owned());
    }
}
