//! The CSV column dialog: a preview of the first rows and what each column is, remembered for
//! the next file with the same columns.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::io::import::{CsvField, CsvPreview};

/// What the CSV is opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvPurpose {
    /// As a new document.
    Open,
    /// Merged into the open graph (after the look-alike review).
    Merge,
}

/// The dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvForm {
    /// The file.
    pub path: PathBuf,
    /// Its bytes, read once.
    pub bytes: Vec<u8>,
    /// Its first rows.
    pub preview: CsvPreview,
    /// What each column is, as chosen.
    pub fields: Vec<CsvField>,
    /// Remember the choice for files with these columns.
    pub remember: bool,
    /// Open or merge.
    pub purpose: CsvPurpose,
    /// The last problem.
    pub error: Option<String>,
}

/// The key remembered mappings are kept under: the column names, in order, ignoring case.
pub fn signature(headers: &[String]) -> String {
    headers.iter().map(|h| h.trim().to_lowercase()).collect::<Vec<_>>().join("\u{1f}")
}

impl CsvForm {
    /// A form on `preview`, with the remembered mapping for these columns if there is one, else
    /// the guesses.
    pub fn new(
        path: PathBuf,
        bytes: Vec<u8>,
        preview: CsvPreview,
        purpose: CsvPurpose,
        remembered: &HashMap<String, Vec<CsvField>>,
    ) -> Self {
        let fields = remembered
            .get(&signature(&preview.headers))
            .filter(|f| f.len() == preview.headers.len())
            .cloned()
            .unwrap_or_else(|| preview.fields.clone());
        Self { path, bytes, preview, fields, remember: true, purpose, error: None }
    }
}

/// Reading a CSV file, or importing it, on a worker thread.
#[derive(Debug)]
pub enum CsvJob {
    /// Reading the file and its first rows for the dialog.
    Preview {
        /// The file.
        path: PathBuf,
        /// Open or merge, once mapped.
        purpose: CsvPurpose,
        /// The bytes and their preview, or the problem.
        receiver: std::sync::mpsc::Receiver<Result<(Vec<u8>, CsvPreview), String>>,
    },
    /// Importing the mapped table as a new document.
    Import {
        /// The file.
        path: PathBuf,
        /// The graph, or the problem.
        receiver: std::sync::mpsc::Receiver<Result<crate::io::import::Imported, String>>,
    },
}

impl CsvJob {
    /// The file it reads.
    pub fn path(&self) -> &std::path::Path {
        match self {
            CsvJob::Preview { path, .. } | CsvJob::Import { path, .. } => path,
        }
    }
}
