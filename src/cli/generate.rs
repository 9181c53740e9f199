//! `kgx generate`: synthetic graphs.

use std::path::Path;
use std::process::ExitCode;

use super::GeneratorModel;
use crate::generate::{barabasi_albert, planted_partition, to_knowledge_graph};
use crate::io::save_file;

pub(super) fn run(
    model: GeneratorModel,
    nodes: usize,
    groups: usize,
    degree_in: f64,
    degree_out: f64,
    seed: u64,
    output: &Path,
) -> ExitCode {
    let (list, title) = match model {
        GeneratorModel::Ba => {
            (barabasi_albert(nodes, 3, seed), format!("Barabási–Albert m=3, {nodes} actors, seed {seed}"))
        }
        GeneratorModel::Planted => {
            let groups = groups.clamp(1, nodes.max(1));
            let group_size = (nodes / groups).max(1) as f64;
            let p_in = (degree_in / (group_size - 1.0).max(1.0)).clamp(0.0, 1.0);
            let p_out = (degree_out / (nodes as f64 - group_size).max(1.0)).clamp(0.0, 1.0);
            (
                planted_partition(nodes, groups, p_in, p_out, seed),
                format!("Planted partition, {groups} groups of {group_size}, seed {seed}"),
            )
        }
    };
    let graph = to_knowledge_graph(&list, &title, seed);
    match save_file(&graph, output) {
        Ok(()) => {
            println!(
                "{}: {} actors, {} cooperations",
                output.display(),
                graph.actor_count(),
                graph.cooperation_count()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
