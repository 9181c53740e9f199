//! The command line: headless subcommands over the same core the window uses.

mod check;
mod export;
mod format;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// kgx — explore who works with whom, and according to which source.
///
/// With no subcommand, opens the explorer window on FILE (or on the bundled seed graph).
#[derive(Debug, Parser)]
#[command(name = "kgx", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; omit it to open the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Graph file to open in the window.
    pub file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate graph files; prints every problem with file:line:column and exits 1 if any.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Counts by kind, connected components and the best-connected actors.
    Stats {
        /// The graph file.
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// How many top actors to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
    /// Rewrite graph files in kgx's canonical form (sorted by id, fixed layout), as the app saves
    /// them; with --check, only report files that are not canonical (exit 1).
    Fmt {
        /// Files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if a file would change.
        #[arg(long)]
        check: bool,
    },
    /// Write the graph in another format.
    Export {
        /// The graph file.
        file: PathBuf,
        /// Target format.
        #[arg(long = "to", value_enum)]
        to: ExportTarget,
        /// Output file; written atomically.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

/// "3 actors, 1 cooperation, 2 sources", for messages.
fn counts(actors: usize, cooperations: usize, sources: usize) -> String {
    format!("{}, {}, {}", plural(actors, "actor"), plural(cooperations, "cooperation"), plural(sources, "source"))
}

/// "1 actor", "2 actors".
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Export formats on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// GraphML (Gephi, yEd, networkx `read_graphml`).
    Graphml,
    /// Node-link JSON (networkx `node_link_graph`).
    Json,
}

/// Runs a subcommand and returns the process exit code: 0 on success, 1 when a file is invalid
/// or cannot be written.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { files } => check::run(&files),
        Command::Stats { file, json, top } => stats::run(&file, json, top),
        Command::Fmt { files, check } => format::run(&files, check),
        Command::Export { file, to, output } => export::run(&file, to, &output),
    }
}
