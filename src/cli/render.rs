//! `kgx render`: the graph as an SVG picture.

use std::path::Path;
use std::process::ExitCode;

use crate::io::import::{ImportFormat, import_file};
use crate::io::{load_file, write_atomic};
use crate::render::{RenderOptions, to_svg};

pub(super) fn run(file: &Path, output: &Path, width: f32, height: f32, legend: bool) -> ExitCode {
    if !output.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg")) {
        eprintln!("{}: kgx renders SVG pictures; name the output .svg", output.display());
        return ExitCode::from(2);
    }
    if !(width.is_finite()
        && height.is_finite()
        && (100.0..=20_000.0).contains(&width)
        && (100.0..=20_000.0).contains(&height))
    {
        eprintln!("kgx render: --width and --height take 100 to 20000 pixels");
        return ExitCode::from(2);
    }
    let graph = if ImportFormat::from_path(file).is_some() {
        import_file(file).map(|imported| imported.graph).map_err(|e| e.to_string())
    } else {
        load_file(file).map_err(|e| e.to_string())
    };
    let graph = match graph {
        Ok(graph) => graph,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let svg = to_svg(&graph, &RenderOptions { width, height, legend, title: true });
    match write_atomic(output, |w| w.write_all(svg.as_bytes())) {
        Ok(()) => {
            println!(
                "{}: {} actors, {} cooperations, {width}×{height}",
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
