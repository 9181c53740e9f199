//! Opening or merging a CSV file goes through the column dialog first.

use std::path::Path;
use std::time::Duration;

use super::KgxApp;
use super::files::Dialog;
use crate::io::MAX_FILE_BYTES;
use crate::io::formats::merge_note;
use crate::io::import::{csv_preview, import_csv_mapped};
use crate::state::command::CsvCommand;
use crate::state::csv_import::{CsvForm, CsvJob, CsvPurpose, signature};
use crate::state::job::{Job, POLL_INTERVAL, Polled};
use crate::state::merge::{MergeState, ReadJob};

/// Rows the column dialog shows.
const PREVIEW_ROWS: usize = 8;

impl KgxApp {
    /// Reads the CSV and its first rows on a worker thread, then opens the column dialog; a
    /// file that cannot be read is an error dialog, the open graph untouched.
    pub(super) fn ask_csv_mapping(&mut self, path: &Path, purpose: CsvPurpose) {
        let reading = path.to_owned();
        let job = Job::start(format!("Reading {}", path.display()), move |_| {
            let bytes = match std::fs::metadata(&reading) {
                Ok(meta) if meta.len() > MAX_FILE_BYTES => {
                    Err(format!("{}: {} bytes is larger than kgx reads", reading.display(), meta.len()))
                }
                _ => std::fs::read(&reading).map_err(|e| format!("{}: cannot read: {e}", reading.display())),
            };
            bytes.and_then(|bytes| {
                csv_preview(&bytes, &reading, PREVIEW_ROWS).map(|p| (bytes, p)).map_err(|e| e.to_string())
            })
        });
        self.windows.csv_job = Some(CsvJob::Preview { path: path.to_owned(), purpose, job });
    }

    /// Takes a finished read or import: the dialog, the new document, or the problem; keeps the
    /// dialog's count of repeated pairs in step with its columns.
    pub(super) fn poll_csv(&mut self, ctx: &egui::Context) {
        if let Some(form) = self.windows.csv.as_mut()
            && form.keep_count()
        {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        let Some(job) = &self.windows.csv_job else { return };
        let failed = |app: &mut Self, path: &Path, message: String| {
            let lines = message.lines().map(str::to_owned).collect();
            app.files.dialog = Dialog::Error { title: format!("Cannot import {}", path.display()), lines };
        };
        match job {
            CsvJob::Preview { path, purpose, job } => match job.poll() {
                Polled::Running => ctx.request_repaint_after(POLL_INTERVAL),
                Polled::Lost => {
                    let path = path.clone();
                    self.windows.csv_job = None;
                    failed(self, &path, format!("{}: reading stopped", path.display()));
                }
                Polled::Done(result) => {
                    let (path, purpose) = (path.clone(), *purpose);
                    self.windows.csv_job = None;
                    match result {
                        Ok((bytes, preview)) => {
                            self.windows.csv =
                                Some(Box::new(CsvForm::new(path, bytes, preview, purpose, &self.files.csv_mappings)));
                        }
                        Err(message) => failed(self, &path, message),
                    }
                }
            },
            CsvJob::Import { path, job } => match job.poll() {
                Polled::Running => ctx.request_repaint_after(POLL_INTERVAL),
                Polled::Lost => {
                    let path = path.clone();
                    self.windows.csv_job = None;
                    failed(self, &path, format!("{}: importing stopped", path.display()));
                }
                Polled::Done(result) => {
                    let path = path.clone();
                    self.windows.csv_job = None;
                    match result {
                        Ok(imported) => self.open_imported(&path, imported, ctx),
                        Err(message) => failed(self, &path, message),
                    }
                }
            },
        }
    }

    pub(super) fn run_csv_command(&mut self, command: CsvCommand) {
        match command {
            CsvCommand::Import => {
                let Some(form) = self.windows.csv.as_mut() else { return };
                let (path, purpose, rule) = (form.path.clone(), form.purpose, form.merge_parallel);
                if form.remember {
                    self.files.csv_mappings.insert(signature(&form.preview.headers), form.fields.clone());
                }
                match purpose {
                    CsvPurpose::Open => {
                        // A mapping with no id and no source and target says so in the dialog.
                        if let Err(message) = crate::io::import::check_mapping(&form.fields) {
                            form.error = Some(message);
                            return;
                        }
                        let (bytes, fields) = (std::sync::Arc::clone(&form.bytes), form.fields.clone());
                        self.windows.csv = None;
                        let reading = path.clone();
                        let job = Job::start(format!("Importing {}", path.display()), move |_| {
                            let imported = import_csv_mapped(&bytes, &reading, &fields).map(|mut imported| {
                                imported.notes.extend(merge_note(&mut imported.graph, rule));
                                imported
                            });
                            imported.map_err(|e| e.to_string())
                        });
                        self.windows.csv_job = Some(CsvJob::Import { path, job });
                    }
                    CsvPurpose::Merge => {
                        let (bytes, fields) = (std::sync::Arc::clone(&form.bytes), form.fields.clone());
                        self.windows.csv = None;
                        let reading = path.clone();
                        let job = ReadJob::spawn(path, move || {
                            import_csv_mapped(&bytes, &reading, &fields)
                                .map(|mut i| {
                                    i.notes.extend(merge_note(&mut i.graph, rule));
                                    (i.graph, i.notes)
                                })
                                .map_err(|e| e.to_string())
                        });
                        // The dialog asked about repeated rows already: the review does not again.
                        self.windows.merge = MergeState::Reading(job.with_rule(rule));
                    }
                }
            }
            CsvCommand::Close => {
                // A read or import in flight is dropped with its result.
                self.windows.csv = None;
                self.windows.csv_job = None;
                self.files.given_up = None;
            }
        }
    }
}
