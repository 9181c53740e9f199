//! `kgx check`: validate files and print every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::io::load_file;

pub(super) fn run(files: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match load_file(file) {
            Ok(graph) => println!(
                "{}: ok ({})",
                file.display(),
                super::counts(graph.actor_count(), graph.cooperation_count(), graph.sources().count())
            ),
            Err(error) => {
                failed += 1;
                eprintln!("{error}");
                let count = error.problem_count();
                eprintln!("{}: {count} problem{}", file.display(), if count == 1 { "" } else { "s" });
            }
        }
    }
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
