//! `kgx stats`: a summary of a graph as a table or JSON.

use std::path::Path;
use std::process::ExitCode;

use crate::analysis::stats::{GraphStats, KindCount, graph_stats};
use crate::io::load_file;

pub(super) fn run(file: &Path, json: bool, top: usize) -> ExitCode {
    let graph = match load_file(file) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let stats = graph_stats(&graph, top);
    if json {
        match serde_json::to_string_pretty(&stats) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("cannot encode statistics: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", render_table(&graph.metadata.title, file, &stats));
    }
    ExitCode::SUCCESS
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
