//! `kgx fmt`: rewrite files in canonical form, or check that they are.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::io::{load_file, save_file, to_ron_string};

pub(super) fn run(files: &[PathBuf], check_only: bool) -> ExitCode {
    let mut failed = false;
    for file in files {
        let graph = match load_file(file) {
            Ok(graph) => graph,
            Err(error) => {
                eprintln!("{error}");
                failed = true;
                continue;
            }
        };
        let canonical = match to_ron_string(&graph) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{}: cannot encode the graph: {message}", file.display());
                failed = true;
                continue;
            }
        };
        // The file was just read successfully, so it exists and is text.
        let current = std::fs::read_to_string(file).unwrap_or_default();
        if current == canonical {
            continue;
        }
        if check_only {
            eprintln!("{}: not in canonical form (run `kgx fmt {}`)", file.display(), file.display());
            failed = true;
        } else if let Err(error) = save_file(&graph, file) {
            eprintln!("{error}");
            failed = true;
        } else {
            println!("{}: formatted", file.display());
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
