//! Betweenness, PageRank, Leiden and Louvain on Barabási–Albert graphs (m = 3, seed 42) of 10k
//! and 100k actors, and search as the user types over 100k actors with made-up names. Run:
//! `cargo bench --bench analysis`. Betweenness is exact at 10k and estimated from 1,000 sampled
//! sources at 100k. Each community method prints the modularity it reached once per size
//! (`bench/communities.py` puts these next to igraph's).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kgx::analysis::centrality::{betweenness, pagerank};
use kgx::analysis::community::{leiden, louvain};
use kgx::analysis::leiden::LeidenParameters;
use kgx::analysis::network::Network;
use kgx::analysis::progress::Progress;
use kgx::analysis::search::SearchIndex;
use kgx::generate::barabasi_albert;
use kgx::model::{Actor, ActorKind, KnowledgeGraph};
use kgx::rng::SplitMix64;

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
        let parameters = LeidenParameters::default();
        if let Ok(found) = leiden(&net, &parameters, &progress) {
            eprintln!("leiden {size}: modularity {:.4}, {} communities", found.modularity, found.count);
        }
        group.bench_with_input(BenchmarkId::new("leiden", size), &size, |b, _| {
            b.iter(|| leiden(&net, &parameters, &progress))
        });
        if let Ok(found) = louvain(&net, &progress) {
            eprintln!("louvain {size}: modularity {:.4}, {} communities", found.modularity, found.count);
        }
        group.bench_with_input(BenchmarkId::new("louvain", size), &size, |b, _| b.iter(|| louvain(&net, &progress)));
        group.bench_with_input(BenchmarkId::new("betweenness", size), &size, |b, _| {
            b.iter(|| betweenness(&net, &progress))
        });
    }
    group.finish();
}

/// A made-up word of two to four syllables.
fn word(rng: &mut SplitMix64) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "mi", "sun", "ter", "va", "rin", "do", "pe", "shan", "tor", "gu", "li", "nem", "zo", "ha", "bar",
        "qi", "wen", "ro", "tal", "chi", "ma", "ven",
    ];
    let syllables = 2 + rng.below(3);
    (0..syllables).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect()
}

/// 100k actors named by two to four made-up words from a vocabulary of 20,000, a third with an
/// alias, each with a city among 500.
fn named_graph(size: usize) -> KnowledgeGraph {
    let mut rng = SplitMix64::new(7);
    let vocabulary: Vec<String> = (0..20_000).map(|_| word(&mut rng)).collect();
    let cities: Vec<String> = (0..500).map(|_| word(&mut rng)).collect();
    let mut graph = KnowledgeGraph::new();
    for i in 0..size {
        let words = 2 + rng.below(3);
        let label: Vec<&str> = (0..words).map(|_| vocabulary[rng.below(vocabulary.len())].as_str()).collect();
        let mut actor = Actor::new(format!("a{i}"), label.join(" "), ActorKind::ResearchInstitute);
        if rng.below(3) == 0 {
            actor.aliases.push(vocabulary[rng.below(vocabulary.len())].to_uppercase());
        }
        actor.set_attribute("city", cities[rng.below(cities.len())].clone());
        let _ = graph.add_actor(actor);
    }
    graph
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    let size = 100_000;
    let graph = named_graph(size);
    group.bench_function(BenchmarkId::new("index", size), |b| b.iter(|| SearchIndex::new(&graph)));
    let index = SearchIndex::new(&graph);
    // The words of an actor in the middle, in the other order and with a typo, as typed.
    let label = graph.actors().nth(size / 2).map(|a| a.label.clone()).unwrap_or_default();
    let words: Vec<&str> = label.split(' ').collect();
    let reversed = words.iter().rev().copied().collect::<Vec<_>>().join(" ");
    let mut typo: String = words.first().copied().unwrap_or_default().to_owned();
    typo.remove(1);
    for (name, query) in [
        ("three letters", words.first().map_or("", |w| &w[..3]).to_owned()),
        ("two words, other order", reversed),
        ("a typo", typo),
        ("no match", "xylophone marimba".to_owned()),
    ] {
        group.bench_function(BenchmarkId::new(name, size), |b| b.iter(|| index.search(&graph, &query, 50)));
    }
    group.finish();
}

criterion_group!(benches, analyses, search);
criterion_main!(benches);
