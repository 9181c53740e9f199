//! Connected components; communities by the Leiden method (the default) or the Louvain method,
//! and their modularity.

use super::leiden::{LeidenParameters, leiden as leiden_membership};
use super::network::Network;
use super::progress::{Cancelled, Progress};
use super::weighted::WeightedGraph;

/// The component number of every node (components numbered by their smallest node). O(n + m).
pub fn components(net: &Network) -> Vec<u32> {
    let n = net.len();
    let mut component = vec![u32::MAX; n];
    let mut stack = Vec::new();
    let mut next = 0u32;
    for start in 0..n {
        if component[start] != u32::MAX {
            continue;
        }
        component[start] = next;
        stack.push(start);
        while let Some(v) = stack.pop() {
            for &w in net.neighbours(v) {
                if component[w as usize] == u32::MAX {
                    component[w as usize] = next;
                    stack.push(w as usize);
                }
            }
        }
        next += 1;
    }
    component
}

/// How communities are found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CommunityMethod {
    /// Leiden (Traag, Waltman & van Eck 2019): every community connected, higher modularity.
    #[default]
    Leiden,
    /// Louvain (Blondel et al. 2008): the older method, one pass of greedy moves per level.
    Louvain,
}

impl CommunityMethod {
    /// Both methods, the default first.
    pub const ALL: [CommunityMethod; 2] = [CommunityMethod::Leiden, CommunityMethod::Louvain];

    /// Name shown in the window and printed by the command line.
    pub fn name(self) -> &'static str {
        match self {
            CommunityMethod::Leiden => "Leiden",
            CommunityMethod::Louvain => "Louvain",
        }
    }
}

/// What [`find_communities`] does: the method and the resolution of the modularity it
/// optimises.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommunitySettings {
    /// The method.
    pub method: CommunityMethod,
    /// Resolution γ (positive; 1 is the standard modularity): above 1 more and smaller
    /// communities, below 1 fewer and larger.
    pub resolution: f64,
    /// Seed of Leiden's random choices (Louvain has none).
    pub seed: u64,
}

impl Default for CommunitySettings {
    fn default() -> Self {
        Self { method: CommunityMethod::default(), resolution: 1.0, seed: LeidenParameters::default().seed }
    }
}

/// Communities of `net` as `settings` say. The modularity reported is the standard one
/// (resolution 1), whatever resolution the communities were found at.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub fn find_communities(
    net: &Network,
    settings: &CommunitySettings,
    progress: &Progress,
) -> Result<Communities, Cancelled> {
    match settings.method {
        CommunityMethod::Leiden => leiden(
            net,
            &LeidenParameters { resolution: settings.resolution, seed: settings.seed, ..LeidenParameters::default() },
            progress,
        ),
        CommunityMethod::Louvain => louvain_at(net, settings.resolution, progress),
    }
}

/// Communities by the Leiden method (see [`super::leiden`]): every community is connected, and
/// the modularity is usually higher than Louvain's. Deterministic for a seed, whatever the
/// number of threads. About O(m) per level, a few levels per iteration, a few iterations.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub fn leiden(net: &Network, parameters: &LeidenParameters, progress: &Progress) -> Result<Communities, Cancelled> {
    let graph = WeightedGraph::from_network(net);
    let membership = leiden_membership(&graph, parameters, progress)?;
    Ok(finish(net, membership))
}

/// A partition of the nodes into communities.
#[derive(Clone, Debug, PartialEq)]
pub struct Communities {
    /// Community of every node, numbered from 0 by first appearance.
    pub membership: Vec<u32>,
    /// Number of communities.
    pub count: usize,
    /// Newman–Girvan modularity of the partition (weighted, resolution 1).
    pub modularity: f64,
}

/// Modularity of a partition of the weighted undirected graph:
/// `Q = Σ_c [ L_c / m − (d_c / 2m)² ]`, with `L_c` the weight inside community c, `d_c` its total
/// degree and `m` the total weight. O(n + m).
pub fn modularity(net: &Network, membership: &[u32]) -> f64 {
    let communities = membership.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut inside = vec![0.0f64; communities];
    let mut degree = vec![0.0f64; communities];
    let mut total = 0.0f64;
    for v in 0..net.len() {
        let cv = membership[v] as usize;
        for link in net.links(v) {
            // Each undirected link is seen from both ends; a self-loop once but counts twice.
            let w = if link.to as usize == v { 2.0 * link.weight } else { link.weight };
            degree[cv] += w;
            total += w;
            if membership[link.to as usize] as usize == cv {
                inside[cv] += w;
            }
        }
    }
    if total <= 0.0 {
        return 0.0;
    }
    (0..communities).map(|c| inside[c] / total - (degree[c] / total).powi(2)).sum()
}

/// A weighted graph being coarsened by Louvain: adjacency lists with self-loop weight apart.
struct Level {
    adjacency: Vec<Vec<(u32, f64)>>,
    self_loops: Vec<f64>,
}

impl Level {
    fn from_network(net: &Network) -> Self {
        let n = net.len();
        let mut adjacency = vec![Vec::new(); n];
        let mut self_loops = vec![0.0; n];
        for (v, row) in adjacency.iter_mut().enumerate() {
            let mut merged: Vec<(u32, f64)> = Vec::new();
            for link in net.links(v) {
                if link.to as usize == v {
                    self_loops[v] += 2.0 * link.weight;
                } else {
                    merged.push((link.to, link.weight));
                }
            }
            merged.sort_by_key(|(t, _)| *t);
            for (t, w) in merged {
                match row.last_mut() {
                    Some((last, sum)) if *last == t => *sum += w,
                    _ => row.push((t, w)),
                }
            }
        }
        Self { adjacency, self_loops }
    }

    fn degree(&self, v: usize) -> f64 {
        self.self_loops[v] + self.adjacency[v].iter().map(|(_, w)| w).sum::<f64>()
    }
}

/// Communities by the Louvain method (Blondel et al. 2008) at resolution 1: move nodes to the
/// neighbouring community with the best modularity gain until none improves, merge communities
/// into nodes, repeat. Deterministic (nodes visited in order, ties keep the lower community).
/// About O(m) per pass.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub fn louvain(net: &Network, progress: &Progress) -> Result<Communities, Cancelled> {
    louvain_at(net, 1.0, progress)
}

/// As [`louvain`], optimising the modularity at `resolution` (positive; otherwise 1). The
/// modularity reported is the standard one.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub fn louvain_at(net: &Network, resolution: f64, progress: &Progress) -> Result<Communities, Cancelled> {
    let gamma = if resolution.is_finite() && resolution > 0.0 { resolution } else { 1.0 };
    let n = net.len();
    let mut membership: Vec<u32> = (0..n as u32).collect();
    let mut level = Level::from_network(net);
    let total: f64 = (0..level.adjacency.len()).map(|v| level.degree(v)).sum();
    progress.start(10);
    if total <= 0.0 {
        return Ok(finish(net, membership));
    }
    loop {
        progress.check()?;
        let (assignment, moved) = one_level(&level, total, gamma, progress)?;
        if !moved {
            break;
        }
        // Renumber communities densely and carry the assignment down to the original nodes.
        let mut renumber = vec![u32::MAX; assignment.len()];
        let mut count = 0u32;
        for &c in &assignment {
            if renumber[c as usize] == u32::MAX {
                renumber[c as usize] = count;
                count += 1;
            }
        }
        for m in membership.iter_mut() {
            *m = renumber[assignment[*m as usize] as usize];
        }
        level = aggregate(&level, &assignment, &renumber, count as usize);
        progress.advance(1);
        if count as usize == assignment.len() {
            break;
        }
    }
    Ok(finish(net, membership))
}

fn finish(net: &Network, membership: Vec<u32>) -> Communities {
    // Number communities by first appearance, so the output is stable.
    let mut renumber = vec![u32::MAX; membership.len()];
    let mut count = 0u32;
    let membership: Vec<u32> = membership
        .iter()
        .map(|&c| {
            if renumber[c as usize] == u32::MAX {
                renumber[c as usize] = count;
                count += 1;
            }
            renumber[c as usize]
        })
        .collect();
    let modularity = modularity(net, &membership);
    Communities { membership, count: count as usize, modularity }
}

/// The local moving phase on one level; returns each node's community and whether any moved.
fn one_level(level: &Level, total: f64, gamma: f64, progress: &Progress) -> Result<(Vec<u32>, bool), Cancelled> {
    let n = level.adjacency.len();
    let degree: Vec<f64> = (0..n).map(|v| level.degree(v)).collect();
    let mut community: Vec<u32> = (0..n as u32).collect();
    let mut community_degree = degree.clone();
    let mut weight_to = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved_any = false;
    for _sweep in 0..100 {
        progress.check()?;
        let mut moved = false;
        for v in 0..n {
            let current = community[v] as usize;
            touched.clear();
            for &(u, w) in &level.adjacency[v] {
                let c = community[u as usize] as usize;
                if weight_to[c] == 0.0 {
                    touched.push(c as u32);
                }
                weight_to[c] += w;
            }
            community_degree[current] -= degree[v];
            // Gain of joining c, up to terms shared by every choice: k_v,in(c) − γ·tot(c)·k_v / 2m.
            let gain = |c: usize, weight: f64| weight - gamma * community_degree[c] * degree[v] / total;
            let mut best = current;
            let mut best_gain = gain(current, weight_to[current]);
            for &c in &touched {
                let c = c as usize;
                let g = gain(c, weight_to[c]);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            community_degree[best] += degree[v];
            if best != current {
                community[v] = best as u32;
                moved = true;
                moved_any = true;
            }
            for &c in &touched {
                weight_to[c as usize] = 0.0;
            }
            weight_to[current] = 0.0;
        }
        if !moved {
            break;
        }
    }
    Ok((community, moved_any))
}

/// Merges each community into one node.
fn aggregate(level: &Level, assignment: &[u32], renumber: &[u32], count: usize) -> Level {
    let mut adjacency: Vec<Vec<(u32, f64)>> = vec![Vec::new(); count];
    let mut self_loops = vec![0.0; count];
    for v in 0..level.adjacency.len() {
        let cv = renumber[assignment[v] as usize] as usize;
        self_loops[cv] += level.self_loops[v];
        for &(u, w) in &level.adjacency[v] {
            let cu = renumber[assignment[u as usize] as usize] as usize;
            if cu == cv {
                self_loops[cv] += w;
            } else {
                adjacency[cv].push((cu as u32, w));
            }
        }
    }
    for row in adjacency.iter_mut() {
        row.sort_by_key(|(t, _)| *t);
        let mut merged: Vec<(u32, f64)> = Vec::with_capacity(row.len());
        for &(t, w) in row.iter() {
            match merged.last_mut() {
                Some((last, sum)) if *last == t => *sum += w,
                _ => merged.push((t, w)),
            }
        }
        *row = merged;
    }
    Level { adjacency, self_loops }
}
