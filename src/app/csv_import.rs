//! Opening or merging a CSV file goes through the column dialog first.

use std::path::Path;

use super::KgxApp;
use super::files::Dialog;
use crate::io::MAX_FILE_BYTES;
use crate::io::import::{csv_preview, import_csv_mapped};
use crate::state::command::Command;
use crate::state::csv_import::{CsvForm, CsvPurpose, signature};
use crate::state::merge::{MergeState, ReadJob};

/// Rows the column dialog shows.
const PREVIEW_ROWS: usize = 8;

impl KgxApp {
    /// Reads the CSV's first rows and opens the column dialog; a file that cannot be read is an
    /// error dialog, the open graph untouched.
    pub(super) fn ask_csv_mapping(&mut self, path: &Path, purpose: CsvPurpose) {
        let bytes = match std::fs::metadata(path) {
            Ok(meta) if meta.len() > MAX_FILE_BYTES => {
                Err(format!("{}: {} bytes is larger than kgx reads", path.display(), meta.len()))
            }
            _ => std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display())),
        };
        let result = bytes
            .and_then(|bytes| csv_preview(&bytes, path, PREVIEW_ROWS).map(|p| (bytes, p)).map_err(|e| e.to_string()));
        match result {
            Ok((bytes, preview)) => {
                self.csv = Some(Box::new(CsvForm::new(path.to_owned(), bytes, preview, purpose, &self.csv_mappings)));
            }
            Err(message) => {
                let lines = message.lines().map(str::to_owned).collect();
                self.dialog = Dialog::Error { title: format!("Cannot import {}", path.display()), lines };
            }
        }
    }

    pub(super) fn run_csv_command(&mut self, command: Command) {
        match command {
            Command::ImportCsv => {
                let Some(form) = self.csv.as_mut() else { return };
                let (path, purpose) = (form.path.clone(), form.purpose);
                if form.remember {
                    self.csv_mappings.insert(signature(&form.preview.headers), form.fields.clone());
                }
                match purpose {
                    CsvPurpose::Open => match import_csv_mapped(&form.bytes, &path, &form.fields) {
                        Ok(imported) => {
                            self.csv = None;
                            self.open_imported(&path, imported);
                        }
                        Err(error) => form.error = Some(error.to_string()),
                    },
                    CsvPurpose::Merge => {
                        let (bytes, fields) = (std::mem::take(&mut form.bytes), form.fields.clone());
                        self.csv = None;
                        let reading = path.clone();
                        self.merge = MergeState::Reading(ReadJob::spawn(path, move || {
                            import_csv_mapped(&bytes, &reading, &fields)
                                .map(|i| (i.graph, i.notes))
                                .map_err(|e| e.to_string())
                        }));
                    }
                }
            }
            Command::CloseCsv => self.csv = None,
            _ => {}
        }
    }
}
