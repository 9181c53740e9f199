//! `kgx layout`: lay a graph out headless — ForceAtlas2 (with the document's force settings, or
//! the ones given) or one of the layouts beyond force — and save the positions.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};

use crate::analysis::progress::Progress;
use crate::io::formats::{ReadOptions, format_to_read, read_file};
use crate::io::save_file;
use crate::layout::algorithms::{
    Algorithm, Arrangement, CircularOptions, CircularOrder, GeographicOptions, GridGrouping, GridOptions,
    HierarchicalOptions, Report, arrange,
};
use crate::layout::{GraphLayout, LayoutParams, LayoutState};
use crate::model::{ForceSettings, KnowledgeGraph, check_gravity, check_scaling};

/// The arguments of `kgx layout`.
#[derive(Debug, Args)]
pub struct LayoutArgs {
    /// The graph file (any format kgx reads).
    file: PathBuf,
    /// Output kgx graph file (may be FILE itself); written atomically.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Which layout.
    #[arg(long, value_enum, default_value = "force")]
    algorithm: LayoutAlgorithm,
    /// circular: the order around the circle: kind, community or attribute:NAME (numbers in
    /// increasing order, then other values alphabetically). Default: kind.
    #[arg(long, value_parser = parse_order)]
    order: Option<CircularOrder>,
    /// grid: one block per kind or per community. Default: kind.
    #[arg(long, value_enum)]
    group: Option<GridGroup>,
    /// geographic: the attribute holding the latitude. Default: latitude or lat.
    #[arg(long, value_name = "NAME")]
    latitude: Option<String>,
    /// geographic: the attribute holding the longitude. Default: longitude, lon, lng or long.
    #[arg(long, value_name = "NAME")]
    longitude: Option<String>,
    /// force: run exactly this many iterations.
    #[arg(long, conflicts_with = "until_settled")]
    iterations: Option<u64>,
    /// force: run until the layout settles (the default).
    #[arg(long)]
    until_settled: bool,
    /// force: seed for the placement of actors without a position.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// force: Barnes–Hut accuracy (0 exact … 1 fast; default 1).
    #[arg(long)]
    theta: Option<f32>,
    /// force: worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// force: forget saved positions and lay out from scratch (pinned actors keep theirs).
    #[arg(long)]
    fresh: bool,
    /// force: start actors without a position at random, not from the multilevel start
    /// (coarsen, lay out, refine), which settles large graphs two to three times sooner.
    #[arg(long)]
    plain: bool,
    /// force: repulsion (ForceAtlas2's scaling ratio, above 0; default 5); saved into OUT.
    #[arg(long)]
    scaling: Option<f32>,
    /// force: pull towards the centre (0 or more; default 2.5); saved into OUT.
    #[arg(long)]
    gravity: Option<f32>,
    /// force: logarithmic attraction, tighter clusters (`--lin-log=false` turns it off); saved
    /// into OUT.
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    lin_log: Option<bool>,
    /// force: let discs overlap (no overlap prevention); saved into OUT.
    #[arg(long, conflicts_with = "prevent_overlap")]
    no_overlap: bool,
    /// force: keep discs apart (the default), where FILE's settings turned it off; saved into OUT.
    #[arg(long)]
    prevent_overlap: bool,
}

/// The layouts `kgx layout` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutAlgorithm {
    /// ForceAtlas2 (the document's force settings).
    Force,
    /// Actors on a circle (concentric circles above 500), in an order (--order).
    Circular,
    /// Layers from top to bottom along directed cooperations.
    Hierarchical,
    /// A map from latitude and longitude attributes, north up.
    Geographic,
    /// A grid block per kind or community (--group).
    Grid,
}

/// What makes a grid block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GridGroup {
    /// One block per kind.
    Kind,
    /// One block per community (Leiden, as the Explore panel finds them).
    Community,
}

/// Reads `--order`: `kind`, `community` or `attribute:NAME`.
fn parse_order(text: &str) -> Result<CircularOrder, String> {
    match text {
        "kind" => Ok(CircularOrder::Kind),
        "community" => Ok(CircularOrder::Community),
        _ => match text.strip_prefix("attribute:") {
            Some(name) if !name.trim().is_empty() => Ok(CircularOrder::Attribute(name.trim().to_owned())),
            _ => Err("expected kind, community or attribute:NAME".to_owned()),
        },
    }
}

pub(super) fn run(args: &LayoutArgs) -> ExitCode {
    if let Err(message) = check_usage(args) {
        eprintln!("kgx layout: {message}");
        return ExitCode::from(2);
    }
    let read = format_to_read(&args.file, None)
        .and_then(|format| read_file(&args.file, format, ReadOptions::default(), &Progress::new()))
        .map_err(|e| e.to_string());
    let mut graph = match read {
        Ok(read) => read.graph,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let summary = match algorithm(args) {
        None => match force(args, &mut graph) {
            Ok(summary) => summary,
            Err(code) => return code,
        },
        Some(algorithm) => match beyond_force(&algorithm, &mut graph) {
            Ok(summary) => summary,
            Err(message) => {
                eprintln!("{}: {message}", args.file.display());
                return ExitCode::FAILURE;
            }
        },
    };
    if let Err(error) = save_file(&graph, &args.output) {
        eprintln!("{error}");
        return ExitCode::FAILURE;
    }
    println!("{}: {summary}, {} actors", args.output.display(), graph.actor_count());
    ExitCode::SUCCESS
}

/// Options that belong to another algorithm, and force settings out of range, are usage errors.
fn check_usage(args: &LayoutArgs) -> Result<(), String> {
    let force_only = [
        ("--iterations", args.iterations.is_some()),
        ("--until-settled", args.until_settled),
        ("--theta", args.theta.is_some()),
        ("--threads", args.threads.is_some()),
        ("--fresh", args.fresh),
        ("--plain", args.plain),
        ("--scaling", args.scaling.is_some()),
        ("--gravity", args.gravity.is_some()),
        ("--lin-log", args.lin_log.is_some()),
        ("--no-overlap", args.no_overlap),
        ("--prevent-overlap", args.prevent_overlap),
    ];
    let misplaced = |flag: &str, owner: &str| format!("{flag} is for --algorithm {owner}");
    if args.algorithm != LayoutAlgorithm::Force
        && let Some((flag, _)) = force_only.iter().find(|(_, given)| *given)
    {
        return Err(misplaced(flag, "force"));
    }
    if args.order.is_some() && args.algorithm != LayoutAlgorithm::Circular {
        return Err(misplaced("--order", "circular"));
    }
    if args.group.is_some() && args.algorithm != LayoutAlgorithm::Grid {
        return Err(misplaced("--group", "grid"));
    }
    for (flag, given) in [("--latitude", args.latitude.is_some()), ("--longitude", args.longitude.is_some())] {
        if given && args.algorithm != LayoutAlgorithm::Geographic {
            return Err(misplaced(flag, "geographic"));
        }
    }
    if let Some(theta) = args.theta
        && !(0.0..=2.0).contains(&theta)
    {
        return Err(format!("--theta {theta} is outside 0 … 2"));
    }
    if let Some(scaling) = args.scaling {
        check_scaling(scaling).map_err(|e| format!("--scaling: {e}"))?;
    }
    if let Some(gravity) = args.gravity {
        check_gravity(gravity).map_err(|e| format!("--gravity: {e}"))?;
    }
    Ok(())
}

/// The document's force settings with the command line's on top.
fn force_settings(args: &LayoutArgs, saved: ForceSettings) -> ForceSettings {
    ForceSettings {
        scaling: args.scaling.unwrap_or(saved.scaling),
        gravity: args.gravity.unwrap_or(saved.gravity),
        lin_log: args.lin_log.unwrap_or(saved.lin_log),
        prevent_overlap: match (args.no_overlap, args.prevent_overlap) {
            (true, _) => false,
            (_, true) => true,
            _ => saved.prevent_overlap,
        },
    }
}

/// ForceAtlas2 with the document's settings (as overridden), which are saved into the graph.
fn force(args: &LayoutArgs, graph: &mut KnowledgeGraph) -> Result<String, ExitCode> {
    graph.metadata.force = force_settings(args, graph.metadata.force);
    if args.fresh {
        for index in graph.petgraph().node_indices().collect::<Vec<_>>() {
            if let Some(actor) = graph.actor_at_mut(index).filter(|a| !a.pinned) {
                actor.position = None;
            }
        }
    }
    let mut params = LayoutParams::with_settings(&graph.metadata.force);
    params.theta = args.theta.unwrap_or(params.theta);
    if args.plain {
        params.multilevel_above = usize::MAX;
    }
    if let Some(iterations) = args.iterations {
        // Exactly this many iterations: no early settling.
        params.max_iterations = iterations;
        params.settle_tolerance = 0.0;
    }
    let mut layout = GraphLayout::new(graph, params, args.seed);
    // Asked for a layout: every actor that is not pinned moves, starting from the picture the
    // file has (or from scratch with --fresh).
    layout.engine_mut().reheat();
    if let Some(threads) = args.threads
        && let Err(error) = layout.engine_mut().set_threads(threads)
    {
        eprintln!("cannot start {threads} threads: {error}");
        return Err(ExitCode::FAILURE);
    }
    let started = Instant::now();
    let engine = layout.engine_mut();
    let state = if args.iterations == Some(0) { engine.state() } else { engine.run_until_settled() };
    let elapsed = started.elapsed();
    layout.write_positions(graph);
    Ok(format!(
        "{} iterations in {:.2} s ({})",
        layout.engine().iteration(),
        elapsed.as_secs_f64(),
        match (args.iterations, state) {
            (Some(_), _) => "as asked",
            (None, LayoutState::Settled) => "settled",
            (None, LayoutState::Running) => "still moving",
        }
    ))
}

/// The layout beyond force asked for, with its options; `None` for force.
fn algorithm(args: &LayoutArgs) -> Option<Algorithm> {
    Some(match args.algorithm {
        LayoutAlgorithm::Force => return None,
        LayoutAlgorithm::Circular => Algorithm::Circular(CircularOptions {
            order: args.order.clone().unwrap_or(CircularOrder::Kind),
            ..CircularOptions::default()
        }),
        LayoutAlgorithm::Hierarchical => Algorithm::Hierarchical(HierarchicalOptions::default()),
        LayoutAlgorithm::Geographic => Algorithm::Geographic(GeographicOptions {
            latitude: args.latitude.clone(),
            longitude: args.longitude.clone(),
            ..GeographicOptions::default()
        }),
        LayoutAlgorithm::Grid => Algorithm::Grid(GridOptions {
            grouping: match args.group {
                Some(GridGroup::Community) => GridGrouping::Community,
                Some(GridGroup::Kind) | None => GridGrouping::Kind,
            },
            ..GridOptions::default()
        }),
    })
}

/// Runs a layout beyond force on `graph`; its figures as a line.
fn beyond_force(algorithm: &Algorithm, graph: &mut KnowledgeGraph) -> Result<String, String> {
    let started = Instant::now();
    let arrangement = arrange(graph, algorithm, &Progress::new()).map_err(|e| e.to_string())?;
    let elapsed = started.elapsed().as_secs_f64();
    arrangement.apply(graph);
    Ok(format!("{} in {elapsed:.2} s", describe(&arrangement)))
}

/// The report of a run in a few words (and unreadable coordinates, one a line, on standard
/// error).
fn describe(arrangement: &Arrangement) -> String {
    match &arrangement.report {
        Report::Circular(report) => {
            let circles =
                if report.circles == 1 { "1 circle".to_owned() } else { format!("{} circles", report.circles) };
            format!("circular: {circles}, radius {:.0}", report.radius)
        }
        Report::Hierarchical(report) => format!(
            "hierarchical: {} layers, {} parts, {} cooperations reversed to break cycles, {} bends, crossings {} → {}",
            report.layers,
            report.parts,
            report.reversed.len(),
            report.dummies,
            report.crossings_before,
            report.crossings_after
        ),
        Report::Geographic(report) => {
            for problem in &report.problems {
                eprintln!("{problem}");
            }
            let mut words = format!("geographic: {} on the map", report.located);
            if report.beside_neighbours > 0 {
                words.push_str(&format!(", {} beside their neighbours", report.beside_neighbours));
            }
            if report.below_map > 0 {
                words.push_str(&format!(", {} below the map", report.below_map));
            }
            if !report.problems.is_empty() {
                words.push_str(&format!(", {} unreadable coordinates", report.problems.len()));
            }
            words
        }
        Report::Grid(report) => format!("grid: {} blocks", report.groups.len()),
    }
}
