//! [`Scene`]: what the canvas draws, derived from the graph once per change rather than per
//! frame: node kinds and degrees, edges with their lanes (parallel edges drawn apart),
//! adjacency for highlighting, and the order in which labels compete for space.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::draw::edges::{Lane, lanes};
use crate::draw::looks::edge_color;
use crate::layout::{Csr, LiveLayout};
use crate::model::{ActorKind, CooperationKind, Kind, KnowledgeGraph, NodeShape, Rgb};

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
    /// Its fill: its own colour, else its kind's.
    pub fill: Rgb,
    /// Its outline: its own shape, else its kind's.
    pub shape: NodeShape,
    /// Its own radius in layout units, if it has one.
    pub size: Option<f32>,
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
    /// How it is drawn among the cooperations between the same two actors: its own line or
    /// curve, the bundle of them all (with their count), or part of a bundle drawn by another.
    pub lane: Lane,
    /// Its colour: its own, else its kind's.
    pub color: Rgb,
    /// Its own line width, if it has one.
    pub width: Option<f32>,
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
    /// Actors per kind, by [`Kind::index`].
    pub actor_kind_counts: Vec<usize>,
    /// Actors not drawn in their kind's colour (their own colour, or one from a style mapping),
    /// so the legend can say that its kind colours are not the whole story.
    pub recoloured: usize,
    /// Cooperations per kind, by [`Kind::index`].
    pub cooperation_kind_counts: Vec<usize>,
    /// What the document's style mappings show in the legend.
    pub mapping_legend: crate::draw::mapping::MappingLegend,
}

impl Scene {
    /// Builds the scene of `graph` as laid out by `layout`. O(n log n + m).
    pub fn build(graph: &KnowledgeGraph, layout: &LiveLayout) -> Self {
        let engine = layout.engine();
        let n = engine.node_count();
        let mut nodes = Vec::with_capacity(n);
        let mut actor_kind_counts = vec![0usize; ActorKind::ALL.len()];
        let mut recoloured = 0usize;
        let looks = crate::draw::mapping::MappedLooks::of(graph);
        for i in 0..n {
            let index = layout.node_index(i).unwrap_or_default();
            let node = match graph.actor_at(index) {
                Some(a) => SceneNode {
                    index,
                    kind: a.kind,
                    degree: 0,
                    pinned: a.pinned,
                    fill: looks.fill(a),
                    shape: looks.shape(a),
                    size: looks.size(a),
                },
                None => SceneNode {
                    index,
                    kind: ActorKind::Other,
                    degree: 0,
                    pinned: false,
                    fill: ActorKind::Other.rgb(),
                    shape: ActorKind::Other.shape(),
                    size: None,
                },
            };
            if let Some(count) = actor_kind_counts.get_mut(node.kind.index()) {
                *count += 1;
            }
            // As `MappedLooks::recoloured`, from the fill just worked out.
            recoloured += usize::from(node.fill != node.kind.rgb());
            nodes.push(node);
        }
        let g = graph.petgraph();
        let mut edges = Vec::with_capacity(g.edge_count());
        let mut cooperation_kind_counts = vec![0usize; CooperationKind::ALL.len()];
        for edge in g.edge_references() {
            let (Some(from), Some(to)) = (layout.engine_node(edge.source()), layout.engine_node(edge.target())) else {
                continue;
            };
            let (from, to) = (from as u32, to as u32);
            let cooperation = edge.weight();
            if let Some(count) = cooperation_kind_counts.get_mut(cooperation.kind.index()) {
                *count += 1;
            }
            nodes[from as usize].degree += 1;
            nodes[to as usize].degree += 1;
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
                lane: Lane::Curve(0.0),
                color: edge_color(cooperation),
                width: cooperation.style.width,
            });
        }
        let ends: Vec<(u32, u32)> = edges.iter().map(|e| (e.from, e.to)).collect();
        for (edge, lane) in edges.iter_mut().zip(lanes(&ends)) {
            edge.lane = lane;
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
            recoloured,
            cooperation_kind_counts,
            mapping_legend: looks.legend(),
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
