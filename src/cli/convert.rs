//! `kgx convert`: from a kgx graph, GraphML, GEXF or CSV (an edge list, a node table, or both) to
//! a kgx graph, GraphML or node-link JSON, formats from the file extensions.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::GraphFormat;
use crate::io::export::{ExportFormat, export, to_csv_tables};
use crate::io::import::{ImportFormat, Imported, import_bytes, import_csv_pair, import_file};
use crate::io::{load_file, save_file, write_atomic};
use crate::model::KnowledgeGraph;

pub(super) fn read(inputs: &[PathBuf], from: Option<GraphFormat>) -> Result<KnowledgeGraph, String> {
    let report = |imported: Imported, input: &Path| {
        for note in &imported.notes {
            eprintln!("{}: {note}", input.display());
        }
        imported.graph
    };
    let input = match inputs {
        [input] => input,
        [nodes, edges] => {
            let imported = import_csv_pair(nodes, edges).map_err(|e| e.to_string())?;
            return Ok(report(imported, edges));
        }
        _ => return Err("give one input file, or a node table and an edge table (nodes.csv edges.csv)".to_owned()),
    };
    let rdf = match from {
        Some(GraphFormat::Ttl) => Some(crate::io::rdf::RdfFormat::Turtle),
        Some(GraphFormat::Jsonld) => Some(crate::io::rdf::RdfFormat::JsonLd),
        Some(_) => None,
        None => crate::io::rdf::RdfFormat::from_path(input),
    };
    if let Some(format) = rdf {
        let bytes = std::fs::read(input).map_err(|e| format!("{}: cannot read: {e}", input.display()))?;
        return crate::io::rdf::from_rdf(&bytes, input, format).map_err(|e| e.to_string());
    }
    let forced = match from {
        Some(GraphFormat::Ron) => return load_file(input).map_err(|e| e.to_string()),
        Some(GraphFormat::Ttl | GraphFormat::Jsonld) => None,
        Some(GraphFormat::Graphml) => Some(ImportFormat::GraphMl),
        Some(GraphFormat::Gexf) => Some(ImportFormat::Gexf),
        Some(GraphFormat::Json) => Some(ImportFormat::NodeLinkJson),
        Some(GraphFormat::Csv) => Some(ImportFormat::Csv),
        None => None,
    };
    if let Some(format) = forced {
        let bytes = std::fs::read(input).map_err(|e| format!("{}: cannot read: {e}", input.display()))?;
        let imported = import_bytes(&bytes, input, format).map_err(|e| e.to_string())?;
        return Ok(report(imported, input));
    }
    if ImportFormat::from_path(input).is_some() {
        let imported = import_file(input).map_err(|e| e.to_string())?;
        Ok(report(imported, input))
    } else if input.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
        load_file(input).map_err(|e| e.to_string())
    } else {
        Err(format!("{}: unknown input format; kgx converts .ron, .graphml, .gexf and .csv files", input.display()))
    }
}

pub(super) fn write(graph: &KnowledgeGraph, output: &Path, to: Option<GraphFormat>) -> Result<(), String> {
    let extension = match to {
        Some(format) => format.extension().to_owned(),
        None => output.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase(),
    };
    let format = match extension.as_str() {
        "ron" => return save_file(graph, output).map_err(|e| e.to_string()),
        "graphml" => ExportFormat::GraphMl,
        "json" => ExportFormat::NodeLinkJson,
        "gexf" => ExportFormat::Gexf,
        "ttl" | "turtle" | "jsonld" => {
            let text = if extension == "jsonld" {
                crate::io::rdf::to_jsonld(graph, crate::io::rdf::DEFAULT_BASE)
            } else {
                crate::io::rdf::to_turtle(graph, crate::io::rdf::DEFAULT_BASE)
            };
            return write_atomic(output, |w| w.write_all(text.as_bytes()))
                .map_err(|e| format!("{}: cannot write: {e}", output.display()));
        }
        "csv" => {
            // Two tables beside each other: NAME.nodes.csv and NAME.edges.csv.
            let (nodes, edges) = to_csv_tables(graph);
            for (table, text) in [("nodes", nodes), ("edges", edges)] {
                let path = output.with_extension(format!("{table}.csv"));
                write_atomic(&path, |w| w.write_all(text.as_bytes()))
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
                println!("{}: the {table} table", path.display());
            }
            return Ok(());
        }
        _ => {
            return Err(format!(
                "{}: unknown output format; kgx writes .ron, .graphml, .gexf, .json (node-link) and .csv (two tables) files",
                output.display()
            ));
        }
    };
    write_export(graph, format, output)
}

/// Writes `graph` in an export format to `output` (atomically).
///
/// # Errors
/// A message naming the file.
pub(super) fn write_export(graph: &KnowledgeGraph, format: ExportFormat, output: &Path) -> Result<(), String> {
    let text = export(graph, format);
    write_atomic(output, |w| w.write_all(text.as_bytes()))
        .map_err(|e| format!("{}: cannot write: {e}", output.display()))
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

pub(super) fn run(inputs: &[PathBuf], output: &Path, from: Option<GraphFormat>, to: Option<GraphFormat>) -> ExitCode {
    let graph = match read(inputs, from) {
        Ok(graph) => graph,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let written = write(&graph, output, to);
    report(&graph, output, written)
}
