//! Synthetic graphs for benchmarks, tests and demos: Barabási–Albert (scale-free, like real
//! collaboration networks) and planted partition (known communities).

use crate::model::{Actor, ActorKind, Cooperation, CooperationKind, Kind, KnowledgeGraph};
use crate::rng::SplitMix64;

/// An edge list over nodes `0..node_count`: what the generators produce and the layout engine
/// consumes, without the weight of a full [`KnowledgeGraph`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgeList {
    /// Number of nodes.
    pub node_count: usize,
    /// Edges as (from, to) node numbers.
    pub edges: Vec<(u32, u32)>,
    /// For planted partitions, each node's group; empty otherwise.
    pub groups: Vec<u32>,
}

/// Barabási–Albert preferential attachment, as networkx's `barabasi_albert_graph`: a star of
/// `m + 1` nodes, then each new node links to `m` distinct existing nodes chosen with probability
/// proportional to their degree. `m·(n − m)` edges. O(n·m).
pub fn barabasi_albert(node_count: usize, m: usize, seed: u64) -> EdgeList {
    let mut rng = SplitMix64::new(seed);
    let m = m.max(1);
    let mut edges = Vec::with_capacity(node_count.saturating_sub(m) * m);
    if node_count <= m {
        return EdgeList { node_count, edges, groups: Vec::new() };
    }
    // Every edge end appears once in `ends`: sampling from it is sampling by degree.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * m * node_count);
    for leaf in 1..=m as u32 {
        edges.push((leaf, 0));
        ends.extend([leaf, 0]);
    }
    let mut targets = Vec::with_capacity(m);
    for source in (m + 1)..node_count {
        targets.clear();
        while targets.len() < m {
            let candidate = ends[rng.below(ends.len())];
            if !targets.contains(&candidate) {
                targets.push(candidate);
            }
        }
        for &target in &targets {
            edges.push((source as u32, target));
            ends.extend([source as u32, target]);
        }
    }
    EdgeList { node_count, edges, groups: Vec::new() }
}

/// Planted partition: `groups` groups of (nearly) equal size; each pair of nodes is linked with
/// probability `p_in` inside a group and `p_out` between groups. Sampled by geometric skips, so
/// the cost is O(n + m), not O(n²).
pub fn planted_partition(node_count: usize, groups: usize, p_in: f64, p_out: f64, seed: u64) -> EdgeList {
    let mut rng = SplitMix64::new(seed);
    let groups = groups.clamp(1, node_count.max(1));
    let group_of: Vec<u32> = (0..node_count).map(|i| (i * groups / node_count.max(1)) as u32).collect();
    let mut edges = Vec::new();
    // Walk all pairs i < j in row order, jumping by geometric gaps; the probability depends on
    // whether the pair is inside a group, so jump separately over the two kinds of pair.
    for i in 0..node_count {
        let group = group_of[i];
        let group_end = group_of.partition_point(|g| *g <= group);
        sample_row(&mut rng, i as u32, i + 1, group_end, p_in, &mut edges);
        sample_row(&mut rng, i as u32, group_end, node_count, p_out, &mut edges);
    }
    EdgeList { node_count, edges, groups: group_of }
}

/// Adds edges (i, j) for j in `start..end`, each with probability `p`, by geometric skipping.
fn sample_row(rng: &mut SplitMix64, i: u32, start: usize, end: usize, p: f64, edges: &mut Vec<(u32, u32)>) {
    if p <= 0.0 || start >= end {
        return;
    }
    if p >= 1.0 {
        edges.extend((start..end).map(|j| (i, j as u32)));
        return;
    }
    let log_q = (1.0 - p).ln();
    let mut j = start as f64 - 1.0;
    loop {
        let r = rng.next_f64();
        j += 1.0 + ((1.0 - r).ln() / log_q).floor();
        if j >= end as f64 {
            return;
        }
        edges.push((i, j as u32));
    }
}

/// Turns an edge list into a kgx graph: actors `n0…`, cooperations `e0…`. Kinds are drawn at
/// random so the canvas has colour; planted groups become the kind and a `group` attribute.
pub fn to_knowledge_graph(list: &EdgeList, title: &str, seed: u64) -> KnowledgeGraph {
    let mut rng = SplitMix64::new(seed ^ 0xA5A5_A5A5);
    let mut graph = KnowledgeGraph::new();
    graph.metadata.title = title.to_owned();
    for i in 0..list.node_count {
        let group = list.groups.get(i).copied();
        let kind = match group {
            Some(g) => ActorKind::ALL[g as usize % ActorKind::ALL.len()],
            None => ActorKind::ALL[rng.below(ActorKind::ALL.len())],
        };
        let mut actor = Actor::new(format!("n{i}"), format!("Actor {i}"), kind);
        if let Some(g) = group {
            actor.set_attribute("group", g.to_string());
        }
        // Ids are fresh and unique, so adding cannot fail.
        let _ = graph.add_actor(actor);
    }
    for (j, &(a, b)) in list.edges.iter().enumerate() {
        let kind = CooperationKind::ALL[rng.below(CooperationKind::ALL.len())];
        let _ = graph.add_cooperation(
            &format!("n{a}").into(),
            &format!("n{b}").into(),
            Cooperation::new(format!("e{j}"), kind),
        );
    }
    graph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn barabasi_albert_has_m_times_n_minus_m_edges_and_no_duplicates() {
        let list = barabasi_albert(1000, 3, 42);
        assert_eq!(list.edges.len(), 3 * 997);
        let mut seen = std::collections::HashSet::new();
        for &(a, b) in &list.edges {
            assert_ne!(a, b);
            assert!(seen.insert((a.min(b), a.max(b))));
        }
        assert_eq!(barabasi_albert(1000, 3, 42), list, "deterministic for a seed");
    }

    #[test]
    fn barabasi_albert_is_scale_free_enough_to_have_hubs() {
        let list = barabasi_albert(10_000, 3, 7);
        let mut degree = vec![0usize; 10_000];
        for &(a, b) in &list.edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        assert!(degree.iter().max().copied().unwrap_or(0) > 100);
    }

    #[test]
    fn planted_partition_density_matches_its_probabilities() {
        let list = planted_partition(2000, 8, 0.1, 0.002, 1);
        let same_group = |&&(a, b): &&(u32, u32)| list.groups[a as usize] == list.groups[b as usize];
        let inside = list.edges.iter().filter(same_group).count();
        let between = list.edges.len() - inside;
        // Expected: 8 · C(250, 2) · 0.1 = 24,900 inside; 2000 · 1750 / 2 · 0.002 = 3,500 between.
        assert!((23_900..25_900).contains(&inside), "{inside}");
        assert!((3_200..3_800).contains(&between), "{between}");
        assert!(list.edges.iter().all(|(a, b)| a < b));
    }
}
