//! Repeated edges: files (edge lists above all) that state one pair many times, merged into one
//! cooperation with a weight, as Gephi's importer offers. Undirected pairs are the same whichever
//! end comes first; directed ones only from → to; a directed and an undirected edge between the
//! same actors stay apart.

use std::collections::HashMap;

use crate::model::{ActorId, CooperationId, KnowledgeGraph};

/// What to do with edges that repeat a pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ParallelRule {
    /// One cooperation whose weight is the sum of the edges' weights.
    Sum,
    /// One cooperation whose weight is the number of edges.
    Count,
    /// The first edge only, as it is.
    First,
    /// Every edge stays a cooperation of its own.
    #[default]
    None,
}

impl ParallelRule {
    /// Every rule, in the order a chooser lists them.
    pub const ALL: [ParallelRule; 4] =
        [ParallelRule::Sum, ParallelRule::Count, ParallelRule::First, ParallelRule::None];

    /// Its name on the command line (`--merge-parallel sum`).
    pub fn name(self) -> &'static str {
        match self {
            ParallelRule::Sum => "sum",
            ParallelRule::Count => "count",
            ParallelRule::First => "first",
            ParallelRule::None => "none",
        }
    }

    /// What it does, for people.
    pub fn label(self) -> &'static str {
        match self {
            ParallelRule::Sum => "merge, adding their weights",
            ParallelRule::Count => "merge, weight = number of rows",
            ParallelRule::First => "keep the first of each pair",
            ParallelRule::None => "keep every row",
        }
    }

    /// The rule a name gives (`sum`, `count`, `first`, `none`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// How often a file repeats its pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repeats {
    /// Edges in all.
    pub edges: usize,
    /// Distinct pairs (as merging counts them).
    pub pairs: usize,
    /// Pairs stated more than once.
    pub repeated_pairs: usize,
    /// Edges beyond the first of their pair: what merging removes.
    pub extra_edges: usize,
    /// Edges from an actor to itself.
    pub self_loops: usize,
}

impl Repeats {
    /// Whether any pair is stated more than once.
    pub fn any(&self) -> bool {
        self.extra_edges > 0
    }

    /// One sentence for a dialog or a report, counting `what` (singular, plural): "7346 rows join
    /// only 246 pairs: 7100 rows repeat 156 pairs (343 rows are self-loops)".
    pub fn describe(&self, (one, many): (&str, &str)) -> String {
        let noun = |n: usize| if n == 1 { one } else { many };
        let pairs = |n: usize| if n == 1 { "pair" } else { "pairs" };
        format!(
            "{} {} join only {} {}: {} {} {} {} {} ({} {} {})",
            self.edges,
            noun(self.edges),
            self.pairs,
            pairs(self.pairs),
            self.extra_edges,
            noun(self.extra_edges),
            if self.extra_edges == 1 { "repeats" } else { "repeat" },
            self.repeated_pairs,
            pairs(self.repeated_pairs),
            self.self_loops,
            noun(self.self_loops),
            if self.self_loops == 1 { "is a self-loop" } else { "are self-loops" },
        )
    }
}

/// The merging key of an edge: its ends in order for a directed edge, sorted for an undirected
/// one, and whether it is directed.
fn key<'a>(from: &'a str, to: &'a str, directed: bool) -> (&'a str, &'a str, bool) {
    if directed || from <= to { (from, to, directed) } else { (to, from, directed) }
}

/// Counts repeated pairs among edges given as (from, to, directed). O(m).
pub fn count_repeats<'a>(edges: impl Iterator<Item = (&'a str, &'a str, bool)>) -> Repeats {
    let mut seen: HashMap<(&str, &str, bool), usize> = HashMap::new();
    let mut repeats = Repeats::default();
    for (from, to, directed) in edges {
        repeats.edges += 1;
        repeats.self_loops += usize::from(from == to);
        *seen.entry(key(from, to, directed)).or_default() += 1;
    }
    repeats.pairs = seen.len();
    repeats.repeated_pairs = seen.values().filter(|n| **n > 1).count();
    repeats.extra_edges = repeats.edges - repeats.pairs;
    repeats
}

/// How often `graph` repeats its pairs. O(m).
pub fn graph_repeats(graph: &KnowledgeGraph) -> Repeats {
    let edges: Vec<(&str, &str, bool)> =
        graph.cooperations().map(|c| (c.from.as_str(), c.to.as_str(), c.cooperation.directed)).collect();
    count_repeats(edges.into_iter())
}

/// Merges the cooperations of `graph` that repeat a pair by `rule`: the first of each pair (in
/// storage order, which for an imported graph is the file's order) stays, with the weight the
/// rule gives, and the others are removed. Returns what was found before merging (nothing changes
/// under [`ParallelRule::None`]). O(m).
pub fn merge_parallel(graph: &mut KnowledgeGraph, rule: ParallelRule) -> Repeats {
    let repeats = graph_repeats(graph);
    if rule == ParallelRule::None || !repeats.any() {
        return repeats;
    }
    // The first cooperation of each pair, and the weights and counts of its group.
    let mut groups: HashMap<(ActorId, ActorId, bool), (CooperationId, f64, usize)> = HashMap::new();
    let mut extra: Vec<CooperationId> = Vec::new();
    for c in graph.cooperations() {
        let (from, to, directed) = key(c.from.as_str(), c.to.as_str(), c.cooperation.directed);
        let group = groups.entry((ActorId::new(from), ActorId::new(to), directed));
        match group {
            std::collections::hash_map::Entry::Occupied(mut first) => {
                let (_, weight, count) = first.get_mut();
                *weight += c.cooperation.weight;
                *count += 1;
                extra.push(c.cooperation.id().clone());
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert((c.cooperation.id().clone(), c.cooperation.weight, 1));
            }
        }
    }
    for id in &extra {
        let _ = graph.remove_cooperation(id);
    }
    for (first, weight, count) in groups.into_values().filter(|(_, _, count)| *count > 1) {
        if let Some(cooperation) = graph.cooperation_mut(&first) {
            match rule {
                ParallelRule::Sum => cooperation.weight = weight,
                ParallelRule::Count => cooperation.weight = count as f64,
                ParallelRule::First | ParallelRule::None => {}
            }
        }
    }
    repeats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Cooperation, CooperationKind};

    fn graph(edges: &[(&str, &str, bool, f64)]) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        for id in ["a", "b", "c"] {
            graph.add_actor(Actor::new(id, id, ActorKind::Other)).expect("actor");
        }
        for (k, (from, to, directed, weight)) in edges.iter().enumerate() {
            let mut c = Cooperation::new(format!("e{k}"), CooperationKind::Other);
            c.directed = *directed;
            c.weight = *weight;
            graph.add_cooperation(&ActorId::new(*from), &ActorId::new(*to), c).expect("edge");
        }
        graph
    }

    fn weights(graph: &KnowledgeGraph) -> Vec<(String, f64)> {
        graph.cooperations_sorted().iter().map(|c| (c.cooperation.id().to_string(), c.cooperation.weight)).collect()
    }

    const EDGES: [(&str, &str, bool, f64); 6] = [
        ("a", "b", false, 2.0),
        ("b", "a", false, 3.0), // the same undirected pair
        ("a", "b", true, 1.0),  // directed: a pair of its own
        ("b", "a", true, 1.0),  // the other direction: another
        ("c", "c", true, 0.5),
        ("c", "c", true, 0.5),
    ];

    #[test]
    fn undirected_pairs_merge_in_either_order_and_directed_ones_by_direction() {
        let repeats = graph_repeats(&graph(&EDGES));
        assert_eq!(
            repeats,
            Repeats { edges: 6, pairs: 4, repeated_pairs: 2, extra_edges: 2, self_loops: 2 },
            "a–b twice, c→c twice"
        );
        let mut summed = graph(&EDGES);
        merge_parallel(&mut summed, ParallelRule::Sum);
        assert_eq!(
            weights(&summed),
            [("e0".to_owned(), 5.0), ("e2".to_owned(), 1.0), ("e3".to_owned(), 1.0), ("e4".to_owned(), 1.0)]
        );
        let mut counted = graph(&EDGES);
        merge_parallel(&mut counted, ParallelRule::Count);
        assert_eq!(weights(&counted)[0], ("e0".to_owned(), 2.0));
        let mut first = graph(&EDGES);
        merge_parallel(&mut first, ParallelRule::First);
        assert_eq!(weights(&first)[0], ("e0".to_owned(), 2.0));
        assert_eq!(first.cooperation_count(), 4);
        let mut kept = graph(&EDGES);
        merge_parallel(&mut kept, ParallelRule::None);
        assert_eq!(kept.cooperation_count(), 6);
    }

    #[test]
    fn repeats_are_described_in_words() {
        let many = Repeats { edges: 7346, pairs: 246, repeated_pairs: 156, extra_edges: 7100, self_loops: 343 };
        assert_eq!(
            many.describe(("row", "rows")),
            "7346 rows join only 246 pairs: 7100 rows repeat 156 pairs (343 rows are self-loops)"
        );
        let one = Repeats { edges: 3, pairs: 2, repeated_pairs: 1, extra_edges: 1, self_loops: 1 };
        assert_eq!(
            one.describe(("edge", "edges")),
            "3 edges join only 2 pairs: 1 edge repeats 1 pair (1 edge is a self-loop)"
        );
    }

    #[test]
    fn rules_have_names_for_the_command_line() {
        for rule in ParallelRule::ALL {
            assert_eq!(ParallelRule::from_name(rule.name()), Some(rule));
        }
        assert_eq!(ParallelRule::from_name("SUM"), Some(ParallelRule::Sum));
        assert_eq!(ParallelRule::from_name("mean"), None);
    }
}
