//! `kgx export`: a kgx graph in any format kgx writes (the format registry's names).

use std::path::Path;
use std::process::ExitCode;

use crate::io::formats::FormatId;
use crate::io::load_file;

pub(super) fn run(file: &Path, to: FormatId, output: &Path) -> ExitCode {
    let graph = match load_file(file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let written = super::convert::write_as(&graph, output, to.format());
    super::convert::report(&graph, output, written)
}
