//! [`Network`]: a compact, undirected view of a graph for the analyses — nodes numbered
//! `0..n` in storage order, each neighbour list with the edge's weight and cooperation index.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::model::KnowledgeGraph;

/// One end of an edge as seen from a node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// The neighbour.
    pub to: u32,
    /// The cooperation's weight.
    pub weight: f64,
    /// The cooperation.
    pub edge: EdgeIndex,
    /// Whether the cooperation is directed away from this node (`false` for the target end of a
    /// directed cooperation; `true` both ways for an undirected one).
    pub outgoing: bool,
}

/// Adjacency of a graph numbered densely. Self-loops appear once in their node's list; parallel
/// cooperations appear once each.
#[derive(Clone, Debug, Default)]
pub struct Network {
    /// Storage index of each node.
    pub nodes: Vec<NodeIndex>,
    offsets: Vec<u32>,
    links: Vec<Link>,
    dense: Vec<u32>,
    simple_offsets: Vec<u32>,
    simple: Vec<u32>,
}

impl Network {
    /// Builds the view of `graph`. O(n + m).
    pub fn new(graph: &KnowledgeGraph) -> Self {
        Self::with_edges(graph, |_| true)
    }

    /// Builds the view of `graph` keeping only the cooperations `keep` accepts. O(n + m).
    pub fn with_edges(graph: &KnowledgeGraph, keep: impl Fn(EdgeIndex) -> bool) -> Self {
        let g = graph.petgraph();
        let nodes: Vec<NodeIndex> = g.node_indices().collect();
        let mut dense = vec![u32::MAX; g.node_bound()];
        for (i, n) in nodes.iter().enumerate() {
            dense[n.index()] = i as u32;
        }
        let mut rows: Vec<Vec<Link>> = vec![Vec::new(); nodes.len()];
        for e in g.edge_references().filter(|e| keep(e.id())) {
            let (a, b) = (dense[e.source().index()], dense[e.target().index()]);
            let cooperation = e.weight();
            rows[a as usize].push(Link { to: b, weight: cooperation.weight, edge: e.id(), outgoing: true });
            if a != b {
                let outgoing = !cooperation.directed;
                rows[b as usize].push(Link { to: a, weight: cooperation.weight, edge: e.id(), outgoing });
            }
        }
        Self::from_rows(nodes, dense, rows)
    }

    fn from_rows(nodes: Vec<NodeIndex>, dense: Vec<u32>, rows: Vec<Vec<Link>>) -> Self {
        let mut offsets = Vec::with_capacity(nodes.len() + 1);
        let mut links = Vec::new();
        let mut simple_offsets = Vec::with_capacity(nodes.len() + 1);
        let mut simple = Vec::new();
        offsets.push(0);
        simple_offsets.push(0);
        for (i, row) in rows.into_iter().enumerate() {
            let mut neighbours: Vec<u32> = row.iter().map(|l| l.to).filter(|&t| t as usize != i).collect();
            neighbours.sort_unstable();
            neighbours.dedup();
            simple.extend(neighbours);
            simple_offsets.push(simple.len() as u32);
            links.extend(row);
            offsets.push(links.len() as u32);
        }
        Self { nodes, offsets, links, dense, simple_offsets, simple }
    }

    /// Builds a network from an edge list over `0..n` (tests, benchmarks, other tools' data).
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Self {
        let mut rows: Vec<Vec<Link>> = vec![Vec::new(); n];
        for (k, &(a, b, weight)) in edges.iter().enumerate() {
            let edge = EdgeIndex::new(k);
            rows[a as usize].push(Link { to: b, weight, edge, outgoing: true });
            if a != b {
                rows[b as usize].push(Link { to: a, weight, edge, outgoing: true });
            }
        }
        Self::from_rows((0..n).map(NodeIndex::new).collect(), (0..n as u32).collect(), rows)
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The links of node `i`.
    pub fn links(&self, i: usize) -> &[Link] {
        &self.links[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The distinct neighbours of node `i`, without itself, in increasing order: the simple
    /// graph that path counting and betweenness see (parallel cooperations count once).
    pub fn neighbours(&self, i: usize) -> &[u32] {
        &self.simple[self.simple_offsets[i] as usize..self.simple_offsets[i + 1] as usize]
    }

    /// The dense number of a storage index.
    pub fn dense(&self, node: NodeIndex) -> Option<usize> {
        self.dense.get(node.index()).filter(|d| **d != u32::MAX).map(|d| *d as usize)
    }

    /// Number of cooperations touching node `i`; a self-loop counts twice.
    pub fn degree(&self, i: usize) -> usize {
        self.links(i).iter().map(|l| if l.to as usize == i { 2 } else { 1 }).sum()
    }

    /// Sum of the weights of the cooperations touching node `i`; a self-loop counts twice.
    pub fn weighted_degree(&self, i: usize) -> f64 {
        self.links(i).iter().map(|l| if l.to as usize == i { 2.0 * l.weight } else { l.weight }).sum()
    }
}
