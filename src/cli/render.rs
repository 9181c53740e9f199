//! `kgx render`: the graph as an SVG or PNG picture.

use std::path::Path;
use std::process::ExitCode;

use crate::io::import::{ImportFormat, import_file};
use crate::io::{load_file, write_atomic};
use crate::render::{RenderOptions, svg_to_png, to_svg};

/// Draws `file` into `output` as `options` say, at `scale` PNG pixels per picture pixel.
pub(super) fn run(file: &Path, output: &Path, options: &RenderOptions, scale: f32) -> ExitCode {
    let (width, height) = (options.width, options.height);
    let extension = output.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    if extension != "svg" && extension != "png" {
        eprintln!("{}: kgx renders SVG and PNG pictures; name the output .svg or .png", output.display());
        return ExitCode::from(2);
    }
    if !(scale.is_finite() && (0.1..=8.0).contains(&scale)) {
        eprintln!("kgx render: --scale takes 0.1 to 8");
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
    let svg = to_svg(&graph, options);
    let bytes = if extension == "png" {
        match svg_to_png(&svg, width, height, scale) {
            Ok(png) => png,
            Err(error) => {
                eprintln!("{}: {error}", output.display());
                return ExitCode::FAILURE;
            }
        }
    } else {
        svg.into_bytes()
    };
    match write_atomic(output, |w| w.write_all(&bytes)) {
        Ok(()) => {
            println!(
                "{}: {} actors, {} cooperations, {}×{}",
                output.display(),
                graph.actor_count(),
                graph.cooperation_count(),
                (width * if extension == "png" { scale } else { 1.0 }).round(),
                (height * if extension == "png" { scale } else { 1.0 }).round()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: cannot write: {error}", output.display());
            ExitCode::FAILURE
        }
    }
}
