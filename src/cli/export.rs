//! `kgx export`: GraphML or node-link JSON.

use std::path::Path;
use std::process::ExitCode;

use super::ExportTarget;
use crate::io::export::{ExportFormat, export};
use crate::io::{load_file, write_atomic};

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
    };
    let text = export(&graph, format);
    match write_atomic(output, |w| w.write_all(text.as_bytes())) {
        Ok(()) => {
            println!(
                "{}: wrote {} actors and {} cooperations",
                output.display(),
                graph.actor_count(),
                graph.cooperation_count()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: cannot write: {error}", output.display());
            ExitCode::FAILURE
        }
    }
}
