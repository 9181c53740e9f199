//! The CSV column dialog: a preview of the first rows and what each column is, remembered for
//! the next file with the same columns; how often the table repeats its pairs (counted on a
//! worker thread whenever the columns that say it change) and what to do with repeated rows.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::io::import::{CsvField, CsvPreview, ParallelRule, Repeats, csv_repeats};
use crate::state::job::{Job, Polled};

/// What the CSV is opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvPurpose {
    /// As a new document.
    Open,
    /// Merged into the open graph (after the look-alike review).
    Merge,
}

/// The columns that decide which rows repeat a pair: source, target and direction.
pub type PairColumns = [Option<usize>; 3];

/// The pair columns of a mapping, if it maps a source and a target.
pub fn pair_columns(fields: &[CsvField]) -> Option<PairColumns> {
    let column = |wanted: CsvField| fields.iter().position(|f| *f == wanted);
    let columns = [column(CsvField::Source), column(CsvField::Target), column(CsvField::Direction)];
    (columns[0].is_some() && columns[1].is_some()).then_some(columns)
}

/// Repeated pairs being counted on a worker thread.
#[derive(Debug)]
pub struct RepeatCount {
    /// The columns counted by.
    pub columns: PairColumns,
    job: Job<Result<Repeats, String>>,
}

/// The dialog's state.
#[derive(Debug)]
pub struct CsvForm {
    /// The file.
    pub path: PathBuf,
    /// Its bytes, read once (shared with the workers that count and import).
    pub bytes: Arc<Vec<u8>>,
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
    /// How often the table repeats its pairs, and the columns that was counted by.
    pub repeats: Option<(PairColumns, Repeats)>,
    /// A count in progress.
    pub counting: Option<RepeatCount>,
    /// What to do with rows that repeat a pair.
    pub merge_parallel: ParallelRule,
    /// Whether the person chose `merge_parallel` (else a count that finds repeats proposes
    /// adding their weights).
    pub rule_chosen: bool,
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
        Self {
            path,
            bytes: Arc::new(bytes),
            preview,
            fields,
            remember: true,
            purpose,
            error: None,
            repeats: None,
            counting: None,
            merge_parallel: ParallelRule::None,
            rule_chosen: false,
        }
    }

    /// The repeats counted for the current mapping, once known.
    pub fn current_repeats(&self) -> Option<Repeats> {
        let columns = pair_columns(&self.fields)?;
        self.repeats.filter(|(counted, _)| *counted == columns).map(|(_, repeats)| repeats)
    }

    /// Keeps the count in step with the mapping: takes a finished count (proposing to add the
    /// weights of repeated rows unless the person chose otherwise) and starts one on a worker
    /// thread when the pair columns changed. Returns whether a count is running. Cheap per frame.
    pub fn keep_count(&mut self) -> bool {
        if let Some(count) = &self.counting {
            match count.job.poll() {
                Polled::Running => {}
                Polled::Done(result) => {
                    let columns = count.columns;
                    self.counting = None;
                    // A table that cannot be read this way says so when imported; nothing repeats.
                    let repeats = result.unwrap_or_default();
                    self.repeats = Some((columns, repeats));
                    if !self.rule_chosen {
                        self.merge_parallel = if repeats.any() { ParallelRule::Sum } else { ParallelRule::None };
                    }
                }
                Polled::Lost => self.counting = None,
            }
        }
        let Some(columns) = pair_columns(&self.fields) else { return self.counting.is_some() };
        let counted = self.repeats.is_some_and(|(counted, _)| counted == columns);
        let in_flight = self.counting.as_ref().is_some_and(|c| c.columns == columns);
        if !counted && !in_flight {
            let (bytes, path, fields) = (Arc::clone(&self.bytes), self.path.clone(), self.fields.clone());
            let job = Job::start("Counting repeated rows", move |_| {
                csv_repeats(&bytes, &path, &fields).map_err(|e| e.to_string())
            });
            self.counting = Some(RepeatCount { columns, job });
        }
        self.counting.is_some()
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
        /// The reading: the bytes and their preview, or the problem.
        job: Job<Result<(Vec<u8>, CsvPreview), String>>,
    },
    /// Importing the mapped table as a new document.
    Import {
        /// The file.
        path: PathBuf,
        /// The import: the graph, or the problem.
        job: Job<Result<crate::io::import::Imported, String>>,
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
