//! [`GraphLayout`]: a [`LayoutEngine`] over a [`KnowledgeGraph`], mapping actors to engine nodes.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::engine::LayoutEngine;
use super::params::LayoutParams;
use crate::model::KnowledgeGraph;

/// The layout of one graph: the engine plus the map between actors and engine nodes.
pub struct GraphLayout {
    engine: LayoutEngine,
    nodes: Vec<NodeIndex>,
    dense: Vec<u32>,
}

impl GraphLayout {
    /// Builds the layout of `graph`, keeping the picture it has. Actors with a saved position
    /// stay there, pinned actors stay pinned; the others are placed near their placed neighbours
    /// (or at random, by `seed`), and only they move when the engine runs. A graph where every
    /// actor has a position starts settled; one where none has starts a full run (a fresh
    /// layout). Cooperation weights enter the attraction; direction is ignored. O(n + m).
    pub fn new(graph: &KnowledgeGraph, params: LayoutParams, seed: u64) -> Self {
        Self::build(graph, params, seed, true)
    }

    /// Builds a layout of `graph` from scratch: every actor that is not pinned starts unplaced
    /// (as if it had no position), and the whole layout runs. O(n + m).
    pub fn fresh(graph: &KnowledgeGraph, params: LayoutParams, seed: u64) -> Self {
        Self::build(graph, params, seed, false)
    }

    fn build(graph: &KnowledgeGraph, params: LayoutParams, seed: u64, keep_positions: bool) -> Self {
        let g = graph.petgraph();
        let nodes: Vec<NodeIndex> = g.node_indices().collect();
        let mut dense = vec![u32::MAX; g.node_bound()];
        for (i, node) in nodes.iter().enumerate() {
            dense[node.index()] = i as u32;
        }
        let edges: Vec<(u32, u32, f32)> = g
            .edge_references()
            .map(|e| (dense[e.source().index()], dense[e.target().index()], e.weight().weight as f32))
            .collect();
        let mut engine = LayoutEngine::new(nodes.len(), &edges, params);
        let mut known = vec![false; nodes.len()];
        for (i, node) in nodes.iter().enumerate() {
            if let Some(actor) = graph.actor_at(*node) {
                if let Some(position) = actor.position.filter(|_| keep_positions || actor.pinned) {
                    engine.set_position(i, position);
                    known[i] = true;
                }
                engine.set_pinned(i, actor.pinned);
            }
        }
        engine.place_unpositioned(&known, seed);
        if keep_positions && known.iter().any(|k| *k) {
            // The picture is the user's: only what has no place yet moves.
            let new: Vec<usize> = (0..known.len()).filter(|&i| !known[i]).collect();
            engine.settle_only(&new);
        }
        Self { engine, nodes, dense }
    }

    /// The engine, to step it or read positions by engine node.
    pub fn engine(&self) -> &LayoutEngine {
        &self.engine
    }

    /// The engine, mutably.
    pub fn engine_mut(&mut self) -> &mut LayoutEngine {
        &mut self.engine
    }

    /// The actor storage index of engine node `i`.
    pub fn node_index(&self, i: usize) -> Option<NodeIndex> {
        self.nodes.get(i).copied()
    }

    /// The engine node of an actor, if it was in the graph when the layout was built.
    pub fn engine_node(&self, node: NodeIndex) -> Option<usize> {
        self.dense.get(node.index()).filter(|d| **d != u32::MAX).map(|d| *d as usize)
    }

    /// The engine and the actor ↔ node maps (storage index by node, node by storage index), to
    /// hand the engine to another owner (a worker thread).
    pub fn into_parts(self) -> (LayoutEngine, Vec<NodeIndex>, Vec<u32>) {
        (self.engine, self.nodes, self.dense)
    }

    /// Writes every node's position (and pinned flag) back into the graph's actors.
    pub fn write_positions(&self, graph: &mut KnowledgeGraph) {
        for (i, node) in self.nodes.iter().enumerate() {
            if let Some(actor) = graph.actor_at_mut(*node) {
                actor.position = Some(self.engine.position(i));
                actor.pinned = self.engine.is_pinned(i);
            }
        }
    }
}
