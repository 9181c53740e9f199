//! `kgx recover`: list the recovery files autosave left, or write one out as a graph file.

use std::path::Path;
use std::process::ExitCode;

use super::plural;
use crate::io::recovery::{self, RecoveryFile, recovery_dir};
use crate::io::{load_file, save_file};

pub(super) fn run(file: Option<&Path>, output: Option<&Path>, list: bool) -> ExitCode {
    match (file, output) {
        (Some(file), Some(output)) => write_out(file, output),
        (None, None) if list => list_files(),
        _ => {
            eprintln!("kgx recover: give --list, or a recovery FILE with -o OUT");
            ExitCode::from(2)
        }
    }
}

fn list_files() -> ExitCode {
    let Some(dir) = recovery_dir() else {
        eprintln!("kgx recover: this system has no data folder (set {})", recovery::RECOVERY_DIR_VAR);
        return ExitCode::FAILURE;
    };
    let files = recovery::list(&dir);
    if files.is_empty() {
        println!("No recovery files in {}", dir.display());
        return ExitCode::SUCCESS;
    }
    println!("{} in {}:", plural(files.len(), "recovery file"), dir.display());
    for file in &files {
        print_file(file);
    }
    ExitCode::SUCCESS
}

fn print_file(file: &RecoveryFile) {
    let header = &file.header;
    let document =
        header.document.as_ref().map_or_else(|| format!("{} (never saved)", header.name), |d| d.display().to_string());
    let state = if file.owner_running() {
        "its window is still open"
    } else if file.is_newer_than_document() {
        "unsaved work, offered at the next start"
    } else {
        "older than its document"
    };
    println!("{}", file.path.display());
    println!(
        "    document: {document}\n    saved:    {}\n    counts:   {}, {}\n    state:    {state}",
        file.saved_at_text(),
        plural(header.actors, "actor"),
        plural(header.cooperations, "cooperation"),
    );
}

fn write_out(file: &Path, output: &Path) -> ExitCode {
    let graph = match load_file(file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match save_file(&graph, output) {
        Ok(()) => {
            println!(
                "{}: wrote {} and {}",
                output.display(),
                plural(graph.actor_count(), "actor"),
                plural(graph.cooperation_count(), "cooperation")
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
