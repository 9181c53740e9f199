//! `kgx render`: the graph as an SVG, PNG or PDF picture.

use std::path::Path;
use std::process::ExitCode;

use crate::analysis::progress::Progress;
use crate::io::formats::{ReadOptions, format_to_read, read_file};
use crate::io::write_atomic;
use crate::render::{PictureFormat, RenderOptions, render};

/// Draws `file` (any format kgx reads) into `output` as `options` say, at `scale` PNG pixels per
/// picture pixel; the picture's format comes from the output's extension.
pub(super) fn run(file: &Path, output: &Path, options: &RenderOptions, scale: f32) -> ExitCode {
    let (width, height) = (options.width, options.height);
    let Some(format) = PictureFormat::from_path(output) else {
        eprintln!("{}: kgx renders SVG, PNG and PDF pictures; name the output .svg, .png or .pdf", output.display());
        return ExitCode::from(2);
    };
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
    let read = format_to_read(file, None)
        .and_then(|f| read_file(file, f, ReadOptions::default(), &Progress::new()))
        .map_err(|e| e.to_string());
    let graph = match read {
        Ok(read) => read.graph,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match render(&graph, options, format, scale) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: {error}", output.display());
            return ExitCode::FAILURE;
        }
    };
    match write_atomic(output, |w| w.write_all(&bytes)) {
        Ok(()) => {
            let pixels = if format == PictureFormat::Png { scale } else { 1.0 };
            println!(
                "{}: {} actors, {} cooperations, {}×{}",
                output.display(),
                graph.actor_count(),
                graph.cooperation_count(),
                (width * pixels).round(),
                (height * pixels).round()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: cannot write: {error}", output.display());
            ExitCode::FAILURE
        }
    }
}
