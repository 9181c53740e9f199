//! A multilevel start for large layouts, as sfdp and OpenOrd do it: coarsen the graph by
//! matching neighbours into clusters, level after level; lay out the coarsest graph fully; then
//! place each finer level's nodes at their cluster's position (scaled up, with a little jitter)
//! and refine with a few ForceAtlas2 iterations. The finest level's positions are where the
//! caller's engine starts, so it only has to polish a shape that is already right.

use std::sync::Arc;

use super::csr::Csr;
use super::engine::{LayoutEngine, LayoutState};
use super::params::{LayoutParams, node_radius};
use crate::rng::SplitMix64;

/// Coarsening stops once a level has at most this many nodes.
const COARSEST: usize = 400;
/// ... or once a level keeps more than this fraction of the nodes of the one below.
const MIN_SHRINK: f64 = 0.85;
/// ... or after this many levels.
const MAX_LEVELS: usize = 40;
/// ForceAtlas2 iterations that refine each intermediate level after it is placed.
const REFINE_ITERATIONS: u64 = 30;

/// One coarsening step: which cluster of the coarser level each node joins.
struct Level {
    /// Cluster (coarse node) of each node of the finer level.
    cluster: Vec<u32>,
    /// Node count of the coarser level.
    coarse_count: usize,
    /// The coarser level's edges, each once, weights summed.
    coarse_edges: Vec<(u32, u32, f32)>,
}

/// Positions for every node of `csr` from a multilevel layout, or `None` when the graph does not
/// coarsen (tiny, or without edges): then the plain start is as good. Deterministic for `seed`.
pub(super) fn multilevel_positions(
    csr: &Csr,
    params: &LayoutParams,
    seed: u64,
    pool: Option<&Arc<rayon::ThreadPool>>,
) -> Option<(Vec<f32>, Vec<f32>)> {
    let node_count = csr.offsets.len().saturating_sub(1);
    let mut rng = SplitMix64::new(seed);
    let mut levels: Vec<Level> = Vec::new();
    let mut current: Option<Csr> = None;
    loop {
        let graph = current.as_ref().unwrap_or(csr);
        let count = graph.offsets.len().saturating_sub(1);
        if count <= COARSEST || levels.len() >= MAX_LEVELS {
            break;
        }
        let level = coarsen(graph, &mut rng);
        if level.coarse_count as f64 > MIN_SHRINK * count as f64 {
            break;
        }
        current = Some(Csr::new(level.coarse_count, level.coarse_edges.iter().copied()));
        levels.push(level);
    }
    let coarsest = levels.last()?;
    // Coarse levels never prevent overlaps (their discs stand for whole clusters).
    let coarse_params = LayoutParams { prevent_overlap: false, ..params.clone() };
    let mut engine = LayoutEngine::new(coarsest.coarse_count, &coarsest.coarse_edges, coarse_params.clone());
    share_pool(&mut engine, pool);
    engine.place_unpositioned(&[], rng.next_u64());
    engine.run_until_settled();
    let (mut xs, mut ys) = (engine.xs().to_vec(), engine.ys().to_vec());
    // Walk back down: each level's nodes start at their cluster, then refine.
    for (depth, level) in levels.iter().enumerate().rev() {
        let fine_count = level.cluster.len();
        let (fx, fy) = prolong(level, &xs, &ys, &mut rng);
        if depth == 0 {
            debug_assert_eq!(fine_count, node_count);
            return Some((fx, fy));
        }
        let Some(below) = levels.get(depth - 1) else { return Some((fx, fy)) };
        let mut engine = LayoutEngine::new(fine_count, &below.coarse_edges, coarse_params.clone());
        share_pool(&mut engine, pool);
        for (i, (&x, &y)) in fx.iter().zip(&fy).enumerate() {
            engine.set_position(i, [x, y]);
        }
        let _: LayoutState = engine.step_n(REFINE_ITERATIONS);
        xs = engine.xs().to_vec();
        ys = engine.ys().to_vec();
    }
    None
}

fn share_pool(engine: &mut LayoutEngine, pool: Option<&Arc<rayon::ThreadPool>>) {
    if let Some(pool) = pool {
        engine.use_pool(Arc::clone(pool));
    }
}

/// Places each node of the finer level at its cluster's position, scaled by the square root of
/// the growth in node count (a ForceAtlas2 layout's area grows with its node count), plus a
/// jitter of about one node radius so the members of a cluster can separate.
fn prolong(level: &Level, xs: &[f32], ys: &[f32], rng: &mut SplitMix64) -> (Vec<f32>, Vec<f32>) {
    let fine_count = level.cluster.len();
    let scale = (fine_count as f64 / level.coarse_count.max(1) as f64).sqrt() as f32;
    let jitter = node_radius(1);
    let mut fx = Vec::with_capacity(fine_count);
    let mut fy = Vec::with_capacity(fine_count);
    for &c in &level.cluster {
        let (x, y) = (xs.get(c as usize).copied().unwrap_or(0.0), ys.get(c as usize).copied().unwrap_or(0.0));
        let angle = rng.next_f64() * std::f64::consts::TAU;
        let r = f64::from(jitter) * rng.next_f64().sqrt();
        fx.push(x * scale + (r * angle.cos()) as f32);
        fy.push(y * scale + (r * angle.sin()) as f32);
    }
    (fx, fy)
}

/// One level of coarsening. Nodes, in random order, pair with their unmatched neighbour of
/// lowest degree (so hubs do not swallow their neighbourhoods); a node whose neighbours are all
/// taken joins the smallest of their clusters. Every node with a neighbour ends in a cluster of
/// two or more, so each level at least halves the connected nodes.
fn coarsen(graph: &Csr, rng: &mut SplitMix64) -> Level {
    let count = graph.offsets.len().saturating_sub(1);
    let mut order: Vec<u32> = (0..count as u32).collect();
    for i in (1..order.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    const FREE: u32 = u32::MAX;
    let mut cluster = vec![FREE; count];
    let mut sizes: Vec<u32> = Vec::new();
    for &u in &order {
        let u = u as usize;
        if cluster[u] != FREE {
            continue;
        }
        let (targets, _) = graph.row(u);
        let partner = targets
            .iter()
            .map(|&v| v as usize)
            .filter(|&v| v != u && cluster[v] == FREE)
            .min_by_key(|&v| (graph.degree(v), v));
        if let Some(v) = partner {
            let id = sizes.len() as u32;
            cluster[u] = id;
            cluster[v] = id;
            sizes.push(2);
        }
    }
    for &u in &order {
        let u = u as usize;
        if cluster[u] != FREE {
            continue;
        }
        let (targets, _) = graph.row(u);
        let joined =
            targets.iter().map(|&v| cluster[v as usize]).filter(|&c| c != FREE).min_by_key(|&c| (sizes[c as usize], c));
        match joined {
            Some(c) => {
                cluster[u] = c;
                sizes[c as usize] += 1;
            }
            None => {
                cluster[u] = sizes.len() as u32;
                sizes.push(1);
            }
        }
    }
    let coarse_count = sizes.len();
    // Each undirected edge once (the CSR holds both directions), between distinct clusters.
    let mut pairs: Vec<(u64, f32)> = Vec::with_capacity(graph.targets.len() / 2);
    for u in 0..count {
        let (targets, weights) = graph.row(u);
        for (&v, &w) in targets.iter().zip(weights) {
            let (a, b) = (cluster[u], cluster[v as usize]);
            if (u as u32) < v && a != b {
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                pairs.push(((u64::from(lo) << 32) | u64::from(hi), w));
            }
        }
    }
    pairs.sort_unstable_by_key(|&(key, _)| key);
    let mut coarse_edges: Vec<(u32, u32, f32)> = Vec::with_capacity(pairs.len());
    for (key, w) in pairs {
        let (a, b) = ((key >> 32) as u32, key as u32);
        match coarse_edges.last_mut() {
            Some(last) if last.0 == a && last.1 == b => last.2 += w,
            _ => coarse_edges.push((a, b, w)),
        }
    }
    Level { cluster, coarse_count, coarse_edges }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::barabasi_albert;

    fn csr_of(n: usize, edges: &[(u32, u32)]) -> Csr {
        Csr::new(n, edges.iter().map(|&(a, b)| (a, b, 1.0)))
    }

    #[test]
    fn coarsening_at_least_halves_a_connected_graph_and_keeps_its_edges_between_clusters() {
        let list = barabasi_albert(5000, 3, 7);
        let csr = csr_of(5000, &list.edges);
        let level = coarsen(&csr, &mut SplitMix64::new(1));
        assert!(level.coarse_count <= 2500, "{} clusters", level.coarse_count);
        assert!(level.cluster.iter().all(|&c| (c as usize) < level.coarse_count));
        // Every fine edge between two clusters is a coarse edge; weights add up to the fine ones.
        let between: usize =
            list.edges.iter().filter(|&&(a, b)| level.cluster[a as usize] != level.cluster[b as usize]).count();
        let weight: f32 = level.coarse_edges.iter().map(|e| e.2).sum();
        assert_eq!(weight as usize, between);
        assert!(level.coarse_edges.iter().all(|&(a, b, _)| a < b));
    }

    #[test]
    fn isolated_nodes_stay_alone_and_small_graphs_are_left_to_the_plain_start() {
        let csr = csr_of(10, &[(0, 1)]);
        let level = coarsen(&csr, &mut SplitMix64::new(1));
        assert_eq!(level.coarse_count, 9);
        assert!(multilevel_positions(&csr, &LayoutParams::default(), 1, None).is_none());
    }

    #[test]
    fn the_multilevel_start_is_deterministic_and_finite() {
        let list = barabasi_albert(3000, 3, 7);
        let csr = csr_of(3000, &list.edges);
        let one = multilevel_positions(&csr, &LayoutParams::default(), 5, None).unwrap();
        let two = multilevel_positions(&csr, &LayoutParams::default(), 5, None).unwrap();
        assert!(one == two);
        assert_eq!(one.0.len(), 3000);
        assert!(one.0.iter().chain(&one.1).all(|v| v.is_finite()));
    }
}
