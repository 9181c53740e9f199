//! The `kgx` binary: the explorer window, or a headless subcommand.

use std::process::ExitCode;

use clap::Parser;
use kgx::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            eprintln!(
                "kgx: the explorer window is not part of this build yet; use a subcommand (kgx --help lists them)"
            );
            ExitCode::from(2)
        }
    }
}
