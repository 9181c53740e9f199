//! Summary statistics of a graph: counts by kind, connected components, best-connected actors.

use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::Serialize;

use crate::model::{ActorKind, CooperationKind, Kind, KnowledgeGraph};

/// A count of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// The kind's name.
    pub kind: &'static str,
    /// How many elements have it.
    pub count: usize,
}

/// An actor and its degree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorDegree {
    /// The actor's id.
    pub id: String,
    /// The actor's label.
    pub label: String,
    /// Number of cooperations touching it (a self-loop counts twice).
    pub degree: usize,
}

/// What `kgx stats` reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GraphStats {
    /// Number of actors.
    pub actors: usize,
    /// Number of cooperations.
    pub cooperations: usize,
    /// Number of sources.
    pub sources: usize,
    /// Actors per kind, every kind listed, in kind order.
    pub actors_by_kind: Vec<KindCount>,
    /// Cooperations per kind, every kind listed, in kind order.
    pub cooperations_by_kind: Vec<KindCount>,
    /// Number of weakly connected components (isolated actors count as one each).
    pub components: usize,
    /// Size of each component, largest first.
    pub component_sizes: Vec<usize>,
    /// Actors with the highest degree, highest first, ties by id.
    pub top_actors: Vec<ActorDegree>,
}

/// Computes the summary of a graph, listing the `top` highest-degree actors. O((n + m) α(n)
/// + n log n).
pub fn graph_stats(graph: &KnowledgeGraph, top: usize) -> GraphStats {
    let mut actors_by_kind: Vec<KindCount> =
        ActorKind::ALL.iter().map(|k| KindCount { kind: k.name(), count: 0 }).collect();
    for actor in graph.actors() {
        actors_by_kind[actor.kind.index()].count += 1;
    }
    let mut cooperations_by_kind: Vec<KindCount> =
        CooperationKind::ALL.iter().map(|k| KindCount { kind: k.name(), count: 0 }).collect();
    for c in graph.cooperations() {
        cooperations_by_kind[c.cooperation.kind.index()].count += 1;
    }
    let component_sizes = component_sizes(graph);
    let mut degrees: Vec<ActorDegree> = graph
        .petgraph()
        .node_indices()
        .filter_map(|n| {
            let actor = graph.actor_at(n)?;
            Some(ActorDegree { id: actor.id().to_string(), label: actor.label.clone(), degree: degree(graph, n) })
        })
        .collect();
    degrees.sort_by(|a, b| b.degree.cmp(&a.degree).then_with(|| a.id.cmp(&b.id)));
    degrees.truncate(top);
    GraphStats {
        actors: graph.actor_count(),
        cooperations: graph.cooperation_count(),
        sources: graph.sources().count(),
        actors_by_kind,
        cooperations_by_kind,
        components: component_sizes.len(),
        component_sizes,
        top_actors: degrees,
    }
}

/// Number of cooperations touching the node, in either direction; a self-loop counts twice.
fn degree(graph: &KnowledgeGraph, node: petgraph::stable_graph::NodeIndex) -> usize {
    let g = graph.petgraph();
    g.edges_directed(node, petgraph::Direction::Outgoing).count()
        + g.edges_directed(node, petgraph::Direction::Incoming).count()
}

/// Sizes of the weakly connected components, largest first. Union–find, O((n + m) α(n)).
pub fn component_sizes(graph: &KnowledgeGraph) -> Vec<usize> {
    let g = graph.petgraph();
    let mut parent: Vec<usize> = (0..g.node_bound()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for edge in g.edge_references() {
        let a = find(&mut parent, edge.source().index());
        let b = find(&mut parent, edge.target().index());
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut sizes = vec![0usize; g.node_bound()];
    for node in g.node_indices() {
        let root = find(&mut parent, node.index());
        sizes[root] += 1;
    }
    let mut sizes: Vec<usize> = sizes.into_iter().filter(|s| *s > 0).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Cooperation};

    #[test]
    fn counts_kinds_components_and_degrees() {
        let mut g = KnowledgeGraph::new();
        for (id, kind) in
            [("a", ActorKind::Country), ("b", ActorKind::Company), ("c", ActorKind::Company), ("d", ActorKind::Media)]
        {
            g.add_actor(Actor::new(id, id.to_uppercase(), kind)).unwrap();
        }
        g.add_cooperation(&"a".into(), &"b".into(), Cooperation::new("1", CooperationKind::Supply)).unwrap();
        g.add_cooperation(&"c".into(), &"b".into(), Cooperation::new("2", CooperationKind::Supply)).unwrap();
        let stats = graph_stats(&g, 2);
        assert_eq!(stats.actors_by_kind[ActorKind::Company.index()].count, 2);
        assert_eq!(stats.cooperations_by_kind[CooperationKind::Supply.index()].count, 2);
        assert_eq!(stats.component_sizes, [3, 1]);
        assert_eq!(stats.top_actors[0].id, "b");
        assert_eq!(stats.top_actors[0].degree, 2);
        assert_eq!(stats.top_actors[1].id, "a");
    }

    #[test]
    fn components_ignore_removed_slots() {
        let mut g = KnowledgeGraph::new();
        for id in ["a", "b", "c"] {
            g.add_actor(Actor::new(id, id, ActorKind::Other)).unwrap();
        }
        g.remove_actor(&"b".into()).unwrap();
        assert_eq!(component_sizes(&g), [1, 1]);
    }
}
