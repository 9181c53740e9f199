//! `kgx layout`: run the force-directed layout headless and save the positions.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::io::{load_file, save_file};
use crate::layout::{GraphLayout, LayoutParams, LayoutState};

pub(super) struct Options {
    pub file: PathBuf,
    pub output: PathBuf,
    pub iterations: Option<u64>,
    pub seed: u64,
    pub theta: f32,
    pub threads: Option<usize>,
    pub fresh: bool,
    pub plain: bool,
}

pub(super) fn run(options: &Options) -> ExitCode {
    let mut graph = match load_file(&options.file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if !(0.0..=2.0).contains(&options.theta) {
        eprintln!("--theta {} is outside 0 … 2", options.theta);
        return ExitCode::from(2);
    }
    if options.fresh {
        for index in graph.petgraph().node_indices().collect::<Vec<_>>() {
            if let Some(actor) = graph.actor_at_mut(index).filter(|a| !a.pinned) {
                actor.position = None;
            }
        }
    }
    let mut params = LayoutParams { theta: options.theta, ..LayoutParams::default() };
    if options.plain {
        params.multilevel_above = usize::MAX;
    }
    if let Some(iterations) = options.iterations {
        // Exactly this many iterations: no early settling.
        params.max_iterations = iterations;
        params.settle_tolerance = 0.0;
    }
    let mut layout = GraphLayout::new(&graph, params, options.seed);
    // Asked for a layout: every actor that is not pinned moves, starting from the picture the
    // file has (or from scratch with --fresh).
    layout.engine_mut().reheat();
    if let Some(threads) = options.threads {
        match layout.engine_mut().set_threads(threads) {
            Ok(()) => {}
            Err(error) => {
                eprintln!("cannot start {threads} threads: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let started = Instant::now();
    let engine = layout.engine_mut();
    let state = if options.iterations == Some(0) { engine.state() } else { engine.run_until_settled() };
    let elapsed = started.elapsed();
    layout.write_positions(&mut graph);
    if let Err(error) = save_file(&graph, &options.output) {
        eprintln!("{error}");
        return ExitCode::FAILURE;
    }
    println!(
        "{}: {} iterations in {:.2} s ({}), {} actors",
        options.output.display(),
        layout.engine().iteration(),
        elapsed.as_secs_f64(),
        match (options.iterations, state) {
            (Some(_), _) => "as asked",
            (None, LayoutState::Settled) => "settled",
            (None, LayoutState::Running) => "still moving",
        },
        graph.actor_count()
    );
    ExitCode::SUCCESS
}
