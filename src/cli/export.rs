//! `kgx export`: GraphML or node-link JSON.

use std::path::Path;
use std::process::ExitCode;

use super::ExportTarget;
use crate::io::export::ExportFormat;
use crate::io::load_file;

pub(super) fn run(file: &Path, to: ExportTarget, output: &Path) -> ExitCode {
    let graph = match load_file(file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let format = match to {
        ExportTarget::Graphml => ExportFormat::GraphMl,
        ExportTarget::Json => ExportFormat::NodeLinkJson,
        ExportTarget::Gexf => ExportFormat::Gexf,
        ExportTarget::Turtle | ExportTarget::Jsonld => {
            let text = if to == ExportTarget::Turtle {
                crate::io::rdf::to_turtle(&graph, crate::io::rdf::DEFAULT_BASE)
            } else {
                crate::io::rdf::to_jsonld(&graph, crate::io::rdf::DEFAULT_BASE)
            };
            let written = crate::io::write_atomic(output, |w| w.write_all(text.as_bytes()))
                .map_err(|e| format!("{}: cannot write: {e}", output.display()));
            return super::convert::report(&graph, output, written);
        }
    };
    let written = super::convert::write_export(&graph, format, output);
    super::convert::report(&graph, output, written)
}
