//! Per-iteration time of the layout engine on Barabási–Albert graphs (m = 3, seed 42) of 1k, 10k
//! and 100k actors, with 1 and 2 threads; and the time of each layout beyond force (circular,
//! hierarchical, geographic, grid) at 10k and 100k actors. Run: `cargo bench --bench layout`.
//! Time to settle and peak memory: `cargo run --release -- bench-layout`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kgx::analysis::progress::Progress;
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::layout::algorithms::{
    Algorithm, CircularOptions, CircularOrder, GeographicOptions, GridGrouping, GridOptions, HierarchicalOptions,
    arrange,
};
use kgx::layout::{LayoutEngine, LayoutParams};
use kgx::model::KnowledgeGraph;
use kgx::rng::SplitMix64;

fn layout_iteration(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_iteration");
    for size in [1_000usize, 10_000, 100_000] {
        let list = barabasi_albert(size, 3, 42);
        let edges: Vec<(u32, u32, f32)> = list.edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        group.sample_size(if size >= 100_000 { 10 } else { 30 });
        for threads in [1usize, 2] {
            // Never cool or settle: every measured iteration is a full running iteration. No
            // multilevel start either: its coarse layouts run until settled, which with these
            // parameters they never are (the set-up hung from 10k actors on).
            let params = LayoutParams {
                settle_tolerance: 0.0,
                cooling_start: 0.0,
                max_iterations: u64::MAX,
                multilevel_above: usize::MAX,
                ..LayoutParams::default()
            };
            let mut engine = LayoutEngine::new(size, &edges, params);
            if engine.set_threads(threads).is_err() {
                eprintln!("cannot start {threads} threads; skipped");
                continue;
            }
            engine.place_unpositioned(&[], 42);
            // Measure a layout in progress, past the first chaotic iterations.
            engine.step_n(20);
            group.bench_with_input(BenchmarkId::new(format!("{threads}-threads"), size), &size, |b, _| {
                b.iter(|| engine.step());
            });
        }
    }
    group.finish();
}

/// A Barabási–Albert graph whose actors carry a latitude and longitude within the contiguous USA.
fn graph_with_coordinates(size: usize) -> KnowledgeGraph {
    let mut graph = to_knowledge_graph(&barabasi_albert(size, 3, 42), "bench", 42);
    let mut rng = SplitMix64::new(7);
    let ids: Vec<_> = graph.actors().map(|a| a.id().clone()).collect();
    for id in ids {
        let (latitude, longitude) = (25.0 + 24.0 * rng.next_f64(), -124.0 + 57.0 * rng.next_f64());
        if let Some(actor) = graph.actor_mut(&id) {
            actor.set_attribute("latitude", format!("{latitude:.5}"));
            actor.set_attribute("longitude", format!("{longitude:.5}"));
        }
    }
    graph
}

fn layouts_beyond_force(c: &mut Criterion) {
    let mut group = c.benchmark_group("layouts_beyond_force");
    group.sample_size(10);
    for size in [10_000usize, 100_000] {
        let graph = graph_with_coordinates(size);
        let algorithms = [
            ("circular-kind", Algorithm::Circular(CircularOptions::default())),
            (
                "circular-community",
                Algorithm::Circular(CircularOptions { order: CircularOrder::Community, ..CircularOptions::default() }),
            ),
            ("hierarchical", Algorithm::Hierarchical(HierarchicalOptions::default())),
            ("geographic", Algorithm::Geographic(GeographicOptions::default())),
            ("grid-kind", Algorithm::Grid(GridOptions::default())),
            (
                "grid-community",
                Algorithm::Grid(GridOptions { grouping: GridGrouping::Community, ..GridOptions::default() }),
            ),
        ];
        for (name, algorithm) in &algorithms {
            group.bench_with_input(BenchmarkId::new(*name, size), &size, |b, _| {
                b.iter(|| arrange(&graph, algorithm, &Progress::new()));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, layout_iteration, layouts_beyond_force);
criterion_main!(benches);
