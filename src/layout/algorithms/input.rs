//! [`Input`]: a graph as the algorithms read it — actors numbered densely in id order (so the
//! result does not depend on storage order), their disc radii, their pinned places and their
//! cooperations.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::layout::node_radius;
use crate::model::{Actor, KnowledgeGraph};

/// One cooperation between two actors, by dense number.
#[derive(Clone, Copy, Debug)]
pub(super) struct Link {
    /// The actor it goes from.
    pub from: u32,
    /// The actor it goes to.
    pub to: u32,
    /// Whether it has a direction.
    pub directed: bool,
    /// Its weight (finite, ≥ 0).
    pub weight: f64,
    /// The cooperation.
    pub edge: EdgeIndex,
}

/// The graph prepared for a layout. Actor `i` is the `i`-th by id.
pub(super) struct Input<'g> {
    /// The graph.
    pub graph: &'g KnowledgeGraph,
    /// Actors in id order.
    pub actors: Vec<&'g Actor>,
    /// Each actor's disc radius: its own size, else by its degree (as the canvas draws it).
    pub radius: Vec<f32>,
    /// Where each pinned actor stays (pinned actors without a position are free).
    pub fixed: Vec<Option<[f32; 2]>>,
    /// Every cooperation but self-loops, by actor numbers and then id (whatever the storage
    /// order).
    pub links: Vec<Link>,
    offsets: Vec<u32>,
    neighbours: Vec<u32>,
}

impl<'g> Input<'g> {
    /// Prepares `graph`. O(n log n + m).
    pub fn new(graph: &'g KnowledgeGraph) -> Self {
        let g = graph.petgraph();
        let mut order: Vec<NodeIndex> = g.node_indices().collect();
        order.sort_by(|a, b| {
            let id = |n: &NodeIndex| graph.actor_at(*n).map(|actor| actor.id().as_str());
            id(a).cmp(&id(b))
        });
        let mut dense = vec![u32::MAX; g.node_bound()];
        let mut actors = Vec::with_capacity(order.len());
        for node in order {
            if let (Some(actor), Some(slot)) = (graph.actor_at(node), dense.get_mut(node.index())) {
                *slot = actors.len() as u32;
                actors.push(actor);
            }
        }
        let number = |node: NodeIndex| dense.get(node.index()).copied().filter(|d| *d != u32::MAX);
        let mut degree = vec![0usize; actors.len()];
        let mut links = Vec::with_capacity(g.edge_count());
        for edge in g.edge_references() {
            let (Some(from), Some(to)) = (number(edge.source()), number(edge.target())) else { continue };
            for end in [from, to] {
                if let Some(d) = degree.get_mut(end as usize) {
                    *d += 1;
                }
            }
            if from != to {
                links.push(Link {
                    from,
                    to,
                    directed: edge.weight().directed,
                    weight: edge.weight().weight,
                    edge: edge.id(),
                });
            }
        }
        links.sort_by(|a, b| {
            let id = |l: &Link| g.edge_weight(l.edge).map(|c| c.id().as_str());
            (a.from, a.to).cmp(&(b.from, b.to)).then_with(|| id(a).cmp(&id(b)))
        });
        let radius =
            actors.iter().zip(&degree).map(|(actor, d)| actor.style.size.unwrap_or_else(|| node_radius(*d))).collect();
        let fixed = actors.iter().map(|actor| actor.position.filter(|_| actor.pinned)).collect();
        let (offsets, neighbours) = simple_adjacency(actors.len(), &links);
        Self { graph, actors, radius, fixed, links, offsets, neighbours }
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// The distinct neighbours of actor `i` (either direction), in increasing order.
    pub fn neighbours(&self, i: usize) -> &[u32] {
        let start = self.offsets.get(i).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(i + 1).copied().unwrap_or(0) as usize;
        self.neighbours.get(start..end).unwrap_or_default()
    }
}

/// CSR adjacency of the simple undirected graph under `links`.
fn simple_adjacency(n: usize, links: &[Link]) -> (Vec<u32>, Vec<u32>) {
    let mut rows: Vec<Vec<u32>> = vec![Vec::new(); n];
    for link in links {
        if let Some(row) = rows.get_mut(link.from as usize) {
            row.push(link.to);
        }
        if let Some(row) = rows.get_mut(link.to as usize) {
            row.push(link.from);
        }
    }
    let mut offsets = Vec::with_capacity(n + 1);
    let mut neighbours = Vec::new();
    offsets.push(0);
    for mut row in rows {
        row.sort_unstable();
        row.dedup();
        neighbours.extend(row);
        offsets.push(neighbours.len() as u32);
    }
    (offsets, neighbours)
}
