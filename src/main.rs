//! The `kgx` binary: the explorer window, or a headless subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kgx::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => run_window(cli.file),
    }
}

/// Without the `gui` feature there is no window to open.
#[cfg(not(feature = "gui"))]
fn run_window(_file: Option<PathBuf>) -> ExitCode {
    eprintln!("kgx: this build has no window (built without the `gui` feature); see kgx --help");
    ExitCode::from(2)
}

/// Opens the explorer window on `file`, or on the bundled graph.
#[cfg(feature = "gui")]
fn run_window(file: Option<PathBuf>) -> ExitCode {
    use kgx::app::{AppOptions, KgxApp};
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("kgx")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let app_options = AppOptions {
        file,
        native_dialogs: true,
        recovery_dir: kgx::io::recovery::recovery_dir(),
        ..AppOptions::default()
    };
    let result = eframe::run_native(
        "kgx",
        options,
        Box::new(move |cc| Ok(Box::new(KgxApp::new(cc, app_options)) as Box<dyn eframe::App>)),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kgx: cannot open the window: {error}");
            eprintln!("(the subcommands work without a display: kgx --help)");
            ExitCode::FAILURE
        }
    }
}
