//! `kgx stats`: a summary of a graph as a table or JSON.

use std::path::Path;
use std::process::ExitCode;

use crate::analysis::metrics::{MetricRow, Metrics};
use crate::analysis::progress::Progress;
use crate::analysis::stats::{GraphStats, KindCount, graph_stats};
use crate::io::load_file;

/// The metrics part of `stats --metrics --json`.
#[derive(serde::Serialize)]
struct MetricsReport {
    communities: usize,
    modularity: f64,
    betweenness_sampled: bool,
    actors: Vec<MetricRow>,
}

/// `stats --json` output: the summary, plus metrics when asked for.
#[derive(serde::Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    stats: &'a GraphStats,
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<MetricsReport>,
}

pub(super) fn run(file: &Path, json: bool, top: usize, with_metrics: bool) -> ExitCode {
    let graph = match load_file(file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let stats = graph_stats(&graph, top);
    let metrics = if with_metrics {
        match Metrics::compute(&graph, &Progress::new()) {
            Ok(m) => Some(m),
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    if json {
        let report = Report {
            stats: &stats,
            metrics: metrics.as_ref().map(|m| MetricsReport {
                communities: m.community_count,
                modularity: m.modularity,
                betweenness_sampled: m.betweenness_sampled,
                actors: m.rows(&graph),
            }),
        };
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("cannot encode statistics: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", render_table(&graph.metadata.title, file, &stats));
        if let Some(m) = &metrics {
            print!("{}", render_metrics(m, &graph, top));
        }
    }
    ExitCode::SUCCESS
}

fn render_metrics(metrics: &Metrics, graph: &crate::model::KnowledgeGraph, top: usize) -> String {
    let mut out = format!(
        "\nCommunities (Louvain): {}, modularity {:.4}{}\n\nTop actors by PageRank\n",
        metrics.community_count,
        metrics.modularity,
        if metrics.betweenness_sampled { "; betweenness estimated from sampled sources" } else { "" }
    );
    out.push_str(&format!(
        "  {:<44} {:>7} {:>9} {:>11} {:>9} {:>5} {:>5}\n",
        "actor", "degree", "weighted", "betweenness", "pagerank", "comp", "comm"
    ));
    for row in metrics.rows(graph).iter().take(top) {
        let label: String = row.label.chars().take(44).collect();
        out.push_str(&format!(
            "  {:<44} {:>7} {:>9.2} {:>11.5} {:>9.5} {:>5} {:>5}\n",
            label, row.degree, row.weighted_degree, row.betweenness, row.pagerank, row.component, row.community
        ));
    }
    out
}

fn render_table(title: &str, file: &Path, stats: &GraphStats) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{}{}\n",
        file.display(),
        if title.is_empty() { String::new() } else { format!(" — {title}") }
    ));
    let sizes: Vec<String> = stats.component_sizes.iter().map(usize::to_string).collect();
    out.push_str(&format!(
        "{}, {} (sizes {})\n",
        super::counts(stats.actors, stats.cooperations, stats.sources),
        super::plural(stats.components, "connected component"),
        sizes.join(", ")
    ));
    section(&mut out, "Actors by kind", &stats.actors_by_kind);
    section(&mut out, "Cooperations by kind", &stats.cooperations_by_kind);
    out.push_str("\nTop actors by degree\n");
    for (rank, actor) in stats.top_actors.iter().enumerate() {
        out.push_str(&format!("  {:>3}. {:<50} {:>6}  ({})\n", rank + 1, actor.label, actor.degree, actor.id));
    }
    out
}

fn section(out: &mut String, heading: &str, counts: &[KindCount]) {
    out.push_str(&format!("\n{heading}\n"));
    for count in counts.iter().filter(|c| c.count > 0) {
        out.push_str(&format!("  {:<28}{:>6}\n", count.kind, count.count));
    }
}
