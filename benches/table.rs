//! The data table at 10k and 100k actors (Barabási–Albert, m = 3, seed 42, every actor placed so
//! no layout runs): what a header click, a filter and a bulk edit of 10,000 rows cost. The UI
//! thread takes the texts a query compares from the graph (`*_keys`) and hands them to a worker
//! that filters and sorts (`*_order`); a bulk edit builds one edit of 10,000 changed actors and
//! applies it to the document (history, layout and drawing scene kept in step), then the table
//! gathers its columns and the keys of its order again (`refresh_after_edit`). Run:
//! `cargo bench --bench table`.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::model::{ActorId, KnowledgeGraph};
use kgx::state::document::Document;
use kgx::state::table::edits::set_many;
use kgx::state::table::query::{actor_keys, order};
use kgx::state::table::{Column, Field, Query, TableKind, TableView};

/// A graph of `size` actors, each with a position and a `budget` attribute.
fn graph(size: usize) -> KnowledgeGraph {
    let mut graph = to_knowledge_graph(&barabasi_albert(size, 3, 42), "bench", 42);
    let ids: Vec<ActorId> = graph.actors().map(|a| a.id().clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        if let Some(actor) = graph.actor_mut(id) {
            actor.position = Some([(i % 1000) as f32 * 10.0, (i / 1000) as f32 * 10.0]);
            actor.set_attribute("budget", ((i * 7919) % 100_003).to_string());
        }
    }
    graph
}

fn table(c: &mut Criterion) {
    let mut group = c.benchmark_group("table");
    group.sample_size(10);
    for size in [10_000usize, 100_000] {
        let graph = graph(size);
        let cancel = kgx::analysis::progress::Progress::new();
        let mut by_label = Query::default();
        by_label.sort_by(&Column::Field(Field::Label));
        let mut by_budget = Query::default();
        by_budget.sort_by(&Column::Attribute("budget".to_owned()));
        let mut filtered = Query::default();
        filtered.set_filter(&Column::Field(Field::Label), "actor 12");
        for (name, query) in [("sort_label", &by_label), ("sort_budget", &by_budget), ("filter_label", &filtered)] {
            group.bench_with_input(BenchmarkId::new(format!("{name}_keys"), size), &size, |b, _| {
                b.iter(|| actor_keys(&graph, query))
            });
            group.bench_with_input(BenchmarkId::new(format!("{name}_order"), size), &size, |b, _| {
                b.iter_batched(
                    || actor_keys(&graph, query),
                    |keys| order(keys, query, &cancel),
                    criterion::BatchSize::LargeInput,
                )
            });
        }

        // A bulk edit of 10,000 rows: the kind of every selected actor, one undo step.
        let rows: Vec<String> = graph.actors().take(10_000).map(|a| a.id().to_string()).collect();
        let mut doc = Document::new(graph.clone(), None);
        let kinds = ["Company", "Hospital"];
        let mut round = 0usize;
        group.bench_with_input(BenchmarkId::new("bulk_kind_10k_rows", size), &size, |b, _| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    round += 1;
                    let kind = kinds[round % 2];
                    let started = Instant::now();
                    let edit = set_many(&doc.graph, TableKind::Actors, &rows, &Column::Field(Field::Kind), kind);
                    if let Ok(Some(edit)) = edit {
                        let _ = doc.apply_content_edit(edit, None);
                    }
                    spent += started.elapsed();
                }
                spent
            })
        });
        // The table's work in the frame after an edit, sorted by name: the columns again here, the
        // keys and the order on a worker.
        let mut view = TableView::default();
        view.actors.query = by_label.clone();
        let mut revision = 1_000_000u64;
        group.bench_with_input(BenchmarkId::new("refresh_after_edit", size), &size, |b, _| {
            b.iter(|| {
                revision += 1;
                view.refresh(&doc.graph, revision)
            })
        });
        view.wait();
    }
    group.finish();
}

criterion_group!(benches, table);
criterion_main!(benches);
