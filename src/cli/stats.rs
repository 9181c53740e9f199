//! `kgx stats`: a summary of a graph as a table or JSON.

use std::path::Path;
use std::process::ExitCode;

use crate::analysis::community::{CommunityMethod, CommunitySettings};
use crate::analysis::metrics::{MetricRow, Metrics};
use crate::analysis::progress::Progress;
use crate::analysis::stats::{GraphStats, KindCount, graph_stats};
use crate::io::load_file;

/// `--community`: how `stats --metrics` finds communities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CommunityChoice {
    /// Leiden: every community connected, the higher modularity (the default).
    Leiden,
    /// Louvain: the older method.
    Louvain,
}

/// The settings `--community` and `--resolution` ask for.
pub(super) fn community_settings(choice: CommunityChoice, resolution: f64) -> CommunitySettings {
    let method = match choice {
        CommunityChoice::Leiden => CommunityMethod::Leiden,
        CommunityChoice::Louvain => CommunityMethod::Louvain,
    };
    CommunitySettings { method, resolution, ..CommunitySettings::default() }
}

/// Reads `--resolution`: a positive, finite number.
///
/// # Errors
/// A message saying what is accepted.
pub(super) fn parse_resolution(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err(format!("expected a positive number such as 0.5, 1 or 2, not `{text}`")),
    }
}

/// The metrics part of `stats --metrics --json`.
#[derive(serde::Serialize)]
struct MetricsReport {
    communities: usize,
    /// The standard modularity (resolution 1) of the communities.
    modularity: f64,
    /// "leiden" or "louvain".
    community_method: String,
    /// The resolution the communities were found at.
    resolution: f64,
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

/// Prints the summary of `file`, and its metrics when `communities` says how to find
/// communities.
pub(super) fn run(file: &Path, json: bool, top: usize, communities: Option<CommunitySettings>) -> ExitCode {
    let graph = match load_file(file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let stats = graph_stats(&graph, top);
    let metrics = if let Some(settings) = communities {
        match Metrics::compute(&graph, &settings, &Progress::new()) {
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
                community_method: m.community_settings.method.name().to_lowercase(),
                resolution: m.community_settings.resolution,
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
    let settings = &metrics.community_settings;
    let method = if settings.resolution == 1.0 {
        settings.method.name().to_owned()
    } else {
        format!("{} at resolution {}", settings.method.name(), settings.resolution)
    };
    let mut out = format!(
        "\nCommunities ({method}): {}, modularity {:.4}{}{}\n\nTop actors by PageRank\n",
        metrics.community_count,
        metrics.modularity,
        if settings.resolution == 1.0 { "" } else { " (the standard modularity, at resolution 1)" },
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
