//! Per-iteration time of the layout engine on Barabási–Albert graphs (m = 3, seed 42) of 1k, 10k
//! and 100k actors, with 1 and 2 threads. Run: `cargo bench --bench layout`.
//! Time to settle and peak memory: `cargo run --release -- bench-layout`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kgx::generate::barabasi_albert;
use kgx::layout::{LayoutEngine, LayoutParams};

fn layout_iteration(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_iteration");
    for size in [1_000usize, 10_000, 100_000] {
        let list = barabasi_albert(size, 3, 42);
        let edges: Vec<(u32, u32, f32)> = list.edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        group.sample_size(if size >= 100_000 { 10 } else { 30 });
        for threads in [1usize, 2] {
            // Never cool or settle: every measured iteration is a full running iteration.
            let params = LayoutParams {
                settle_tolerance: 0.0,
                cooling_start: 0.0,
                max_iterations: u64::MAX,
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

criterion_group!(benches, layout_iteration);
criterion_main!(benches);
