//! Betweenness, PageRank and Louvain on Barabási–Albert graphs (m = 3, seed 42) of 10k and 100k
//! actors. Run: `cargo bench --bench analysis`. Betweenness is exact at 10k and estimated from
//! 1,000 sampled sources at 100k.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kgx::analysis::centrality::{betweenness, pagerank};
use kgx::analysis::community::louvain;
use kgx::analysis::network::Network;
use kgx::analysis::progress::Progress;
use kgx::generate::barabasi_albert;

fn analyses(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    for size in [10_000usize, 100_000] {
        let list = barabasi_albert(size, 3, 42);
        let edges: Vec<(u32, u32, f64)> = list.edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        let net = Network::from_edges(size, &edges);
        let progress = Progress::new();
        group.bench_with_input(BenchmarkId::new("pagerank", size), &size, |b, _| {
            b.iter(|| pagerank(&net, 0.85, &progress))
        });
        group.bench_with_input(BenchmarkId::new("louvain", size), &size, |b, _| b.iter(|| louvain(&net, &progress)));
        group.bench_with_input(BenchmarkId::new("betweenness", size), &size, |b, _| {
            b.iter(|| betweenness(&net, &progress))
        });
    }
    group.finish();
}

criterion_group!(benches, analyses);
criterion_main!(benches);
