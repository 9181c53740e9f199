//! Shortest paths between two actors (by hops or by cooperation strength) and ego networks.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use petgraph::stable_graph::EdgeIndex;

use super::network::Network;

/// One shortest path: the nodes from start to end and the cooperation taken at each step.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    /// Nodes, start first.
    pub nodes: Vec<usize>,
    /// Cooperations, one per step.
    pub edges: Vec<EdgeIndex>,
    /// Total length: steps, or summed cost when measured by weight.
    pub length: f64,
}

/// How path length is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathMetric {
    /// Every cooperation is one step.
    Hops,
    /// A cooperation costs `1 / weight`: strong ties are short. Weight-0 cooperations are not used.
    Weight,
}

/// Every shortest path from `from` to `to` (up to `limit` of them, in a deterministic order),
/// following cooperations in either direction. Parallel cooperations give distinct paths.
/// Empty if `to` cannot be reached. O(m log n) plus the paths listed.
pub fn shortest_paths(net: &Network, from: usize, to: usize, metric: PathMetric, limit: usize) -> Vec<Path> {
    let n = net.len();
    if from >= n || to >= n || limit == 0 {
        return Vec::new();
    }
    if from == to {
        return vec![Path { nodes: vec![from], edges: Vec::new(), length: 0.0 }];
    }
    let cost = |weight: f64| match metric {
        PathMetric::Hops => Some(1.0),
        PathMetric::Weight if weight > 0.0 => Some(1.0 / weight),
        PathMetric::Weight => None,
    };
    // Dijkstra (equal costs make it a BFS), keeping every predecessor link on a shortest path.
    let mut dist = vec![f64::INFINITY; n];
    let mut preds: Vec<Vec<(u32, EdgeIndex)>> = vec![Vec::new(); n];
    let mut heap = BinaryHeap::new();
    dist[from] = 0.0;
    heap.push(Entry { dist: 0.0, node: from });
    while let Some(Entry { dist: d, node: v }) = heap.pop() {
        if d > dist[v] + 1e-12 {
            continue;
        }
        if v == to {
            break;
        }
        for link in net.links(v) {
            let w = link.to as usize;
            if w == v {
                continue;
            }
            let Some(c) = cost(link.weight) else { continue };
            let candidate = d + c;
            if candidate < dist[w] - 1e-9 {
                dist[w] = candidate;
                preds[w].clear();
                preds[w].push((v as u32, link.edge));
                heap.push(Entry { dist: candidate, node: w });
            } else if (candidate - dist[w]).abs() <= 1e-9 {
                preds[w].push((v as u32, link.edge));
            }
        }
    }
    if !dist[to].is_finite() {
        return Vec::new();
    }
    for p in preds.iter_mut() {
        p.sort_by_key(|(node, edge)| (*node, edge.index()));
    }
    // Walk back from the target through the predecessor DAG, depth first.
    let mut paths = Vec::new();
    let mut nodes = vec![to];
    let mut edges = Vec::new();
    collect(&preds, from, &mut nodes, &mut edges, &mut paths, limit, dist[to]);
    paths
}

fn collect(
    preds: &[Vec<(u32, EdgeIndex)>],
    from: usize,
    nodes: &mut Vec<usize>,
    edges: &mut Vec<EdgeIndex>,
    out: &mut Vec<Path>,
    limit: usize,
    length: f64,
) {
    if out.len() >= limit {
        return;
    }
    let here = *nodes.last().unwrap_or(&from);
    if here == from {
        let mut path_nodes = nodes.clone();
        path_nodes.reverse();
        let mut path_edges = edges.clone();
        path_edges.reverse();
        out.push(Path { nodes: path_nodes, edges: path_edges, length });
        return;
    }
    for &(p, e) in &preds[here] {
        nodes.push(p as usize);
        edges.push(e);
        collect(preds, from, nodes, edges, out, limit, length);
        nodes.pop();
        edges.pop();
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    dist: f64,
    node: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Min-heap on distance, then on node for determinism.
        other.dist.total_cmp(&self.dist).then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The nodes within `depth` steps of `centre` (the ego network), with their distance; `None`
/// for nodes further away. O(n + m).
pub fn ego_network(net: &Network, centre: usize, depth: usize) -> Vec<Option<u32>> {
    let mut distance = vec![None; net.len()];
    if centre >= net.len() {
        return distance;
    }
    distance[centre] = Some(0);
    let mut frontier = vec![centre];
    for d in 1..=depth as u32 {
        let mut next = Vec::new();
        for &v in &frontier {
            for &w in net.neighbours(v) {
                if distance[w as usize].is_none() {
                    distance[w as usize] = Some(d);
                    next.push(w as usize);
                }
            }
        }
        frontier = next;
    }
    distance
}
