//! Article extraction throughput: the issue asks for at least 1 MB of text per second. Texts are
//! the bundled article and the test articles repeated to 1 MB and to 8 MB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kgx::extract::{Gazetteer, SourceMeta, extract};

fn corpus(bytes: usize) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut articles: Vec<String> = std::fs::read_dir(format!("{root}/tests/articles"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    articles.sort();
    if let Ok(seed) = std::fs::read_to_string(format!("{root}/../shared/seeds/covid19-cooperation-article.txt")) {
        articles.push(seed);
    }
    let mut text = String::new();
    while text.len() < bytes {
        for article in &articles {
            text.push_str(article);
            text.push('\n');
        }
    }
    text
}

fn extraction(c: &mut Criterion) {
    let gazetteer = Gazetteer::builtin();
    let source = SourceMeta::default();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for megabytes in [1usize, 8] {
        let text = corpus(megabytes << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{megabytes} MB of news text"), |b| {
            b.iter(|| extract(&text, &gazetteer, &source).map(|e| e.actors.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
