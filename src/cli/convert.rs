//! `kgx convert`: from any format kgx reads to any it writes, formats from the file extensions
//! or `--from`/`--to`, as the format registry ([`crate::io::formats`]) says; a CSV node table and
//! edge table can be read together, and repeated edges merged.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::progress::Progress;
use crate::io::formats::{
    Format, FormatId, ReadOptions, format_to_read, format_to_write, merge_note, read_file, write_file,
};
use crate::io::import::{ParallelRule, import_csv_pair};
use crate::model::KnowledgeGraph;

/// Reads the input (one file, or a node table and an edge table), as `from` or as its name says.
///
/// # Errors
/// A message naming the file, and where in it for invalid content.
pub(super) fn read(inputs: &[PathBuf], from: Option<FormatId>) -> Result<KnowledgeGraph, String> {
    read_with(inputs, from, ParallelRule::None)
}

/// As [`read`], merging repeated edges by `rule`; the importer's notes go to standard error.
fn read_with(inputs: &[PathBuf], from: Option<FormatId>, rule: ParallelRule) -> Result<KnowledgeGraph, String> {
    let (graph, notes, input) = match inputs {
        [input] => {
            let format = format_to_read(input, from.map(FormatId::format)).map_err(|e| e.to_string())?;
            let read = read_file(input, format, ReadOptions { merge_parallel: rule }, &Progress::new())
                .map_err(|e| e.to_string())?;
            (read.graph, read.notes, input)
        }
        [nodes, edges] => {
            let imported = import_csv_pair(nodes, edges).map_err(|e| e.to_string())?;
            let mut graph = imported.graph;
            let mut notes = imported.notes;
            notes.extend(merge_note(&mut graph, rule));
            (graph, notes, edges)
        }
        _ => return Err("give one input file, or a node table and an edge table (nodes.csv edges.csv)".to_owned()),
    };
    for note in &notes {
        eprintln!("{}: {note}", input.display());
    }
    Ok(graph)
}

/// Writes `graph` to `output`, as `to` or as its name says; the files written go to standard
/// output when there are several (CSV tables).
///
/// # Errors
/// A message naming the file.
pub(super) fn write(graph: &KnowledgeGraph, output: &Path, to: Option<FormatId>) -> Result<(), String> {
    let format = format_to_write(output, to.map(FormatId::format)).map_err(|e| e.to_string())?;
    write_as(graph, output, format)
}

/// Writes `graph` to `output` in `format`.
///
/// # Errors
/// A message naming the file.
pub(super) fn write_as(graph: &KnowledgeGraph, output: &Path, format: &Format) -> Result<(), String> {
    let files = write_file(graph, output, format).map_err(|e| e.to_string())?;
    if files.len() > 1 {
        for file in &files {
            println!("{}: written", file.display());
        }
    }
    Ok(())
}

/// Reports a write: what was written, or why not; the exit code.
pub(super) fn report(graph: &KnowledgeGraph, output: &Path, written: Result<(), String>) -> ExitCode {
    match written {
        Ok(()) => {
            println!(
                "{}: wrote {} actors and {} cooperations",
                output.display(),
                graph.actor_count(),
                graph.cooperation_count()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

pub(super) fn run(
    inputs: &[PathBuf],
    output: &Path,
    from: Option<FormatId>,
    to: Option<FormatId>,
    rule: ParallelRule,
) -> ExitCode {
    let graph = match read_with(inputs, from, rule) {
        Ok(graph) => graph,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let written = write(&graph, output, to);
    report(&graph, output, written)
}
