//! [`Scene`]: what the canvas draws, derived from the graph once per change rather than per
//! frame: node kinds and degrees, edges with their lanes (parallel edges drawn apart),
//! adjacency for highlighting, and the order in which labels compete for space.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::layout::{Csr, LiveLayout};
use crate::model::{ActorKind, CooperationKind, KnowledgeGraph};

/// An actor as the canvas needs it, indexed like the layout engine's nodes.
#[derive(Clone, Copy, Debug)]
pub struct SceneNode {
    /// The actor's storage index.
    pub index: NodeIndex,
    /// Its kind (colour, shape, legend filter).
    pub kind: ActorKind,
    /// Number of cooperations touching it.
    pub degree: u32,
    /// Whether it is pinned.
    pub pinned: bool,
}

/// A cooperation as the canvas needs it.
#[derive(Clone, Copy, Debug)]
pub struct SceneEdge {
    /// The cooperation's storage index.
    pub index: EdgeIndex,
    /// Engine node it goes from.
    pub from: u32,
    /// Engine node it goes to.
    pub to: u32,
    /// Its kind (colour, legend filter).
    pub kind: CooperationKind,
    /// Whether to draw an arrowhead.
    pub directed: bool,
    /// Weight (line width).
    pub weight: f32,
    /// Number of distinct sources its evidence cites.
    pub sources: u32,
    /// Sideways offset among parallel edges between the same two actors: 0 for a lone edge,
    /// ±0.5, ±1 … for bundles, so each is drawn as its own curve.
    pub lane: f32,
}

/// Drawing data for one graph and layout.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    /// By engine node.
    pub nodes: Vec<SceneNode>,
    /// Every cooperation.
    pub edges: Vec<SceneEdge>,
    /// Undirected adjacency by engine node, for neighbour highlighting.
    pub adjacency: Csr,
    /// Engine nodes from most to least important (degree), the order labels are placed in.
    pub label_order: Vec<u32>,
    /// Edges from most to least important (the degrees of their actors), the order in which a
    /// zoomed-out view of a huge graph spends its edge budget.
    pub edge_order: Vec<u32>,
    /// Scene edge of each cooperation, by storage index (`u32::MAX` for none).
    edge_slots: Vec<u32>,
    /// First and last day covered by the cooperations' dates, and how many are undated (for
    /// the timeline and date filters).
    pub dates: (Option<(i64, i64)>, usize),
    /// Actors per kind.
    pub actor_kind_counts: [usize; 12],
    /// Cooperations per kind.
    pub cooperation_kind_counts: [usize; 10],
}

impl Scene {
    /// Builds the scene of `graph` as laid out by `layout`. O(n log n + m).
    pub fn build(graph: &KnowledgeGraph, layout: &LiveLayout) -> Self {
        let engine = layout.engine();
        let n = engine.node_count();
        let mut nodes = Vec::with_capacity(n);
        let mut actor_kind_counts = [0usize; 12];
        for i in 0..n {
            let index = layout.node_index(i).unwrap_or_default();
            let (kind, pinned) = graph.actor_at(index).map_or((ActorKind::Other, false), |a| (a.kind, a.pinned));
            actor_kind_counts[kind as usize] += 1;
            nodes.push(SceneNode { index, kind, degree: 0, pinned });
        }
        let g = graph.petgraph();
        let mut edges = Vec::with_capacity(g.edge_count());
        let mut cooperation_kind_counts = [0usize; 10];
        // Each edge under its pair of actors (either direction), to find parallel cooperations.
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(g.edge_count());
        for edge in g.edge_references() {
            let (Some(from), Some(to)) = (layout.engine_node(edge.source()), layout.engine_node(edge.target())) else {
                continue;
            };
            let (from, to) = (from as u32, to as u32);
            let cooperation = edge.weight();
            cooperation_kind_counts[cooperation.kind as usize] += 1;
            nodes[from as usize].degree += 1;
            nodes[to as usize].degree += 1;
            pairs.push(((u64::from(from.min(to)) << 32) | u64::from(from.max(to)), edges.len() as u32));
            edges.push(SceneEdge {
                index: edge.id(),
                from,
                to,
                kind: cooperation.kind,
                directed: cooperation.directed,
                weight: cooperation.weight as f32,
                sources: {
                    let mut ids: Vec<&str> = cooperation.evidence().iter().map(|e| e.source.as_str()).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids.len() as u32
                },
                lane: 0.0,
            });
        }
        // Sorted by pair, then by edge: parallel cooperations sit together, in graph order.
        pairs.sort_unstable();
        for members in pairs.chunk_by(|a, b| a.0 == b.0).filter(|m| m.len() > 1) {
            let middle = (members.len() - 1) as f32 / 2.0;
            for (k, &(_, e)) in members.iter().enumerate() {
                if let Some(edge) = edges.get_mut(e as usize) {
                    // Lanes are measured from the lower-numbered actor, so reversed edges agree.
                    let flip = if edge.from <= edge.to { 1.0 } else { -1.0 };
                    edge.lane = (k as f32 - middle) * flip;
                }
            }
        }
        let adjacency = Csr::new(n, edges.iter().map(|e| (e.from, e.to, 1.0)));
        let mut label_order: Vec<u32> = (0..n as u32).collect();
        label_order.sort_by_key(|&i| std::cmp::Reverse(nodes[i as usize].degree));
        let mut edge_order: Vec<u32> = (0..edges.len() as u32).collect();
        let importance = |e: &u32| {
            let edge = &edges[*e as usize];
            nodes[edge.from as usize].degree.min(nodes[edge.to as usize].degree)
        };
        edge_order.sort_by_key(|e| std::cmp::Reverse(importance(e)));
        let mut edge_slots = vec![u32::MAX; petgraph::visit::EdgeIndexable::edge_bound(g)];
        for (k, edge) in edges.iter().enumerate() {
            edge_slots[edge.index.index()] = k as u32;
        }
        Self {
            nodes,
            edges,
            adjacency,
            label_order,
            edge_order,
            edge_slots,
            dates: crate::analysis::filter::date_extent(graph),
            actor_kind_counts,
            cooperation_kind_counts,
        }
    }

    /// The scene edge drawing a cooperation.
    pub fn scene_edge(&self, edge: EdgeIndex) -> Option<usize> {
        self.edge_slots.get(edge.index()).filter(|s| **s != u32::MAX).map(|s| *s as usize)
    }

    /// The engine nodes adjacent to `node`.
    pub fn neighbours(&self, node: usize) -> &[u32] {
        if node + 1 < self.adjacency.offsets.len() { self.adjacency.row(node).0 } else { &[] }
    }
}
