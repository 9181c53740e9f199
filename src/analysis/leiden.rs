//! Communities by the Leiden method (V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to
//! Leiden: guaranteeing well-connected communities", Scientific Reports 9, 2019).
//!
//! One iteration: move nodes between communities from a queue until no move gains (local
//! moving); split every community into well-connected sub-communities (refinement); merge each
//! sub-community into one node, starting the coarser graph from the communities before the
//! split (aggregation); repeat on the coarser graph until local moving changes nothing.
//! Iterations start again from the last partition until they stall. Louvain's weakness —
//! communities that fall apart into pieces joined only through other communities — cannot
//! happen: a node joins a sub-community only if it is linked to it, so every community found is
//! connected.

use rayon::prelude::*;

use super::progress::{Cancelled, Progress};
use super::weighted::{Grouping, WeightedGraph, renumber};
use crate::rng::SplitMix64;

/// Settings of [`super::community::leiden`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeidenParameters {
    /// Resolution γ of the modularity optimised, `Σ_c [L_c/m − γ (d_c/2m)²]`: above 1 more and
    /// smaller communities, below 1 fewer and larger. Positive (otherwise 1 is used).
    pub resolution: f64,
    /// Seed of the random visiting orders and refinement choices: the same seed gives the same
    /// communities, whatever the number of threads.
    pub seed: u64,
    /// Most iterations of one run; runs stop sooner when iterations stall, and big graphs get
    /// fewer (see [`WORK_BUDGET`]).
    pub max_iterations: usize,
}

impl Default for LeidenParameters {
    fn default() -> Self {
        Self { resolution: 1.0, seed: 42, max_iterations: 200 }
    }
}

/// Randomness of the refinement (θ in the paper; igraph's β): a node joins a sub-community
/// with probability ∝ exp(gain / θ), so with weights near 1 the best choice nearly always wins.
const RANDOMNESS: f64 = 0.01;

/// Smallest gain in quality, relative to the graph's total weight, that counts as a gain (keeps
/// rounding from moving nodes back and forth).
const RELATIVE_EPSILON: f64 = 1e-12;

/// The community of each node of `graph`, numbered from 0 by first appearance, found by the
/// Leiden method at `parameters.resolution`.
///
/// A run iterates from single nodes until the last [`STALL_WINDOW`] iterations together gained
/// less than [`STALL_GAIN`], or its iterations are used up: at most
/// `parameters.max_iterations`, and fewer on big graphs so that a run reads about
/// [`WORK_BUDGET`] links in all (at least 10 iterations). Small graphs get several runs from
/// different seeds instead (see [`runs_for`]), of at most [`SHARED_RUN_ITERATIONS`] each, in
/// parallel, and the best partition wins (the first on ties), so the result does not depend on
/// the number of threads. About O(m) per iteration. Reports the first run's iterations to
/// `progress`.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub(crate) fn leiden(
    graph: &WeightedGraph,
    parameters: &LeidenParameters,
    progress: &Progress,
) -> Result<Vec<u32>, Cancelled> {
    let n = graph.len();
    if graph.total <= 0.0 {
        return Ok((0..n as u32).collect());
    }
    let gamma =
        if parameters.resolution.is_finite() && parameters.resolution > 0.0 { parameters.resolution } else { 1.0 };
    let links = graph.link_count().max(1);
    let runs = runs_for(links);
    let budget = if runs > 1 { SHARED_RUN_ITERATIONS } else { (WORK_BUDGET / links).max(10) };
    let iterations = parameters.max_iterations.min(budget).max(1);
    progress.start(iterations);
    let results: Vec<Result<(Vec<u32>, f64), Cancelled>> = (0..runs)
        .into_par_iter()
        .map(|run_number| {
            let seed = parameters.seed.wrapping_add((run_number as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
            let reporter = (run_number == 0).then_some(progress);
            run(graph, gamma, seed, iterations, progress, reporter)
        })
        .collect();
    let mut best: Option<(Vec<u32>, f64)> = None;
    for result in results {
        let (membership, quality) = result?;
        if best.as_ref().is_none_or(|(_, b)| quality > *b) {
            best = Some((membership, quality));
        }
    }
    let mut membership = best.map_or_else(|| (0..n as u32).collect(), |(m, _)| m);
    renumber(&mut membership);
    Ok(membership)
}

/// A run stops when this many iterations together gained less than [`STALL_GAIN`].
pub const STALL_WINDOW: usize = 10;

/// See [`STALL_WINDOW`]. On graphs without strong communities (scale-free ones) iterations
/// keep gaining a little for a long time: at 100,000 actors about 0.00002 per iteration after
/// 60 iterations.
pub const STALL_GAIN: f64 = 1e-4;

/// Links (each counted from both ends) a run may read over all its iterations, about: 100
/// iterations at 100,000 actors of 3 cooperations each, 10 at a million.
pub const WORK_BUDGET: usize = 60_000_000;

/// Most iterations of each run when there are several: the best of four runs of 50 beats one
/// run of 200 on small graphs, whose results spread widely from seed to seed.
pub const SHARED_RUN_ITERATIONS: usize = 50;

/// Independent runs on a graph of `links` links (each counted from both ends): up to 4 on small
/// graphs, where runs are cheap and their results spread widely, 1 from 400,000 links.
pub fn runs_for(links: usize) -> usize {
    (400_000 / links.max(1)).clamp(1, 4)
}

/// One run: iterations from single nodes until they stall (see [`leiden`]). Returns the
/// partition and its quality.
fn run(
    graph: &WeightedGraph,
    gamma: f64,
    seed: u64,
    iterations: usize,
    cancel: &Progress,
    reporter: Option<&Progress>,
) -> Result<(Vec<u32>, f64), Cancelled> {
    let mut membership: Vec<u32> = (0..graph.len() as u32).collect();
    let mut quality = partition_quality(graph, &membership, gamma);
    // Quality after each iteration, for the stall window.
    let mut history: Vec<f64> = vec![quality];
    for iteration in 0..iterations {
        cancel.check()?;
        let seed = seed ^ (iteration as u64).wrapping_mul(0xA076_1D64_78BD_642F);
        let (next, next_quality) = one_iteration(graph, &membership, gamma, seed, cancel)?;
        if let Some(progress) = reporter {
            progress.advance(1);
        }
        if next_quality > quality {
            membership = next;
            quality = next_quality;
        }
        history.push(quality);
        let stalled = history.len() > STALL_WINDOW
            && history.get(history.len() - 1 - STALL_WINDOW).is_some_and(|&before| quality - before < STALL_GAIN);
        if stalled {
            break;
        }
    }
    Ok((membership, quality))
}

/// One Leiden iteration from `start` (a partition of `base`'s nodes); returns the new partition
/// and its quality.
fn one_iteration(
    base: &WeightedGraph,
    start: &[u32],
    gamma: f64,
    seed: u64,
    progress: &Progress,
) -> Result<(Vec<u32>, f64), Cancelled> {
    let mut rng = SplitMix64::new(seed);
    // The node of the current level each original node belongs to.
    let mut level_of: Vec<u32> = (0..base.len() as u32).collect();
    let mut community = start.to_vec();
    let mut coarse: Option<WeightedGraph> = None;
    let mut quality = 0.0;
    for depth in 0u64.. {
        let graph = coarse.as_ref().unwrap_or(base);
        let count = renumber(&mut community);
        move_nodes(graph, &mut community, count, gamma, &mut rng, progress)?;
        let count = renumber(&mut community);
        if count == graph.len() {
            // Every community is one node: its quality is read off the nodes.
            quality = partition_quality(graph, &community, gamma);
            break;
        }
        let level_seed = rng.next_u64() ^ depth;
        let mut refined = refine(graph, &community, count, gamma, level_seed);
        let mut groups = renumber(&mut refined);
        if groups == graph.len() {
            // Nothing merged inside any community: aggregate the communities themselves.
            refined.clone_from(&community);
            groups = count;
        }
        // The coarser graph starts from the communities as they were before refinement.
        let mut next = vec![0u32; groups];
        for (v, &r) in refined.iter().enumerate() {
            next[r as usize] = community[v];
        }
        for node in level_of.iter_mut() {
            *node = refined[*node as usize];
        }
        coarse = Some(graph.aggregate(&refined, groups));
        community = next;
    }
    Ok((level_of.iter().map(|&v| community[v as usize]).collect(), quality))
}

/// The state of the local moving phase: each node's community and each community's degree and
/// size.
struct Moving<'a> {
    graph: &'a WeightedGraph,
    community: &'a mut [u32],
    community_degree: Vec<f64>,
    size: Vec<u32>,
    gamma: f64,
    epsilon: f64,
}

impl Moving<'_> {
    /// The community that gains most for `v` (itself if none gains), with `weight_to` (all 0,
    /// left so) and `touched` as scratch; `None` stands for an empty community.
    fn best(&self, v: usize, weight_to: &mut [f64], touched: &mut Vec<u32>) -> Option<u32> {
        let k = self.graph.degree[v];
        let total = self.graph.total;
        let current = self.community[v] as usize;
        touched.clear();
        for &(u, w) in self.graph.links(v) {
            let c = self.community[u as usize] as usize;
            if weight_to[c] == 0.0 {
                touched.push(c as u32);
            }
            weight_to[c] += w;
        }
        // Gain of joining c (v taken out of its community first), up to terms shared by every
        // choice: w(v, c) − γ·d_c·k_v / 2m.
        let degree_without = |c: usize| self.community_degree[c] - if c == current { k } else { 0.0 };
        let gain = |c: usize, weight: f64| weight - self.gamma * degree_without(c) * k / total;
        let mut best = current;
        let mut best_gain = gain(current, weight_to[current]);
        for &c in touched.iter() {
            let g = gain(c as usize, weight_to[c as usize]);
            if g > best_gain + self.epsilon {
                best = c as usize;
                best_gain = g;
            }
        }
        for &c in touched.iter() {
            weight_to[c as usize] = 0.0;
        }
        weight_to[current] = 0.0;
        // Alone in an empty community the gain is 0.
        if best_gain < -self.epsilon && self.size[current] > 1 { None } else { Some(best as u32) }
    }
}

/// Rounds of local moving with fewer nodes than this are not first checked in parallel.
const PARALLEL_ROUND: usize = 4096;

/// Fast local moving: visits nodes from a queue (first in a random order), moves each to the
/// neighbouring community (or an empty one) that gains the most, and queues its neighbours
/// outside its new community. The queue is worked through in rounds: first every node of the
/// round is checked in parallel against the communities as they were when the round began
/// (most nodes stay), then, in the round's order, the nodes that want to move or whose
/// neighbours moved meanwhile are checked again and moved. The outcome does not depend on the
/// number of threads. Returns whether any node moved.
fn move_nodes(
    graph: &WeightedGraph,
    community: &mut [u32],
    count: usize,
    gamma: f64,
    rng: &mut SplitMix64,
    progress: &Progress,
) -> Result<bool, Cancelled> {
    let n = graph.len();
    // Community ids stay below n: a node leaving for an empty community takes a free id.
    let bound = n.max(count);
    let mut state = Moving {
        graph,
        community,
        community_degree: vec![0.0f64; bound],
        size: vec![0u32; bound],
        gamma,
        epsilon: RELATIVE_EPSILON * graph.total,
    };
    for (v, &c) in state.community.iter().enumerate() {
        state.community_degree[c as usize] += graph.degree[v];
        state.size[c as usize] += 1;
    }
    let mut empty: Vec<u32> = (0..bound as u32).rev().filter(|&c| state.size[c as usize] == 0).collect();
    let mut round: Vec<u32> = visiting_order(n, rng);
    // 0: not queued; 1: queued in this round; 2: queued, and a neighbour moved since.
    let mut queued = vec![1u8; n];
    let mut weight_to = vec![0.0f64; bound];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved_any = false;
    while !round.is_empty() {
        progress.check()?;
        // Small rounds are checked in order only: the first look is not worth its threads.
        let wants: Vec<bool> = if round.len() < PARALLEL_ROUND {
            vec![true; round.len()]
        } else {
            let frozen = &state;
            round
                .par_iter()
                .with_min_len(PARALLEL_ROUND / 4)
                .map_init(
                    || (vec![0.0f64; bound], Vec::new()),
                    |(weight_to, touched), &v| {
                        frozen.best(v as usize, weight_to, touched) != Some(frozen.community[v as usize])
                    },
                )
                .collect()
        };
        let mut next: Vec<u32> = Vec::new();
        for (&v, wants) in round.iter().zip(wants) {
            let v = v as usize;
            let dirty = queued[v] == 2;
            queued[v] = 0;
            if !(wants || dirty) {
                continue;
            }
            let current = state.community[v] as usize;
            // A community joined is never in `empty`: either a neighbour's, or taken from it.
            let Some(best) = state.best(v, &mut weight_to, &mut touched).or_else(|| empty.pop()) else { continue };
            let best = best as usize;
            if best == current {
                continue;
            }
            let k = graph.degree[v];
            state.community_degree[current] -= k;
            state.size[current] -= 1;
            if state.size[current] == 0 {
                empty.push(current as u32);
            }
            state.community_degree[best] += k;
            state.size[best] += 1;
            state.community[v] = best as u32;
            moved_any = true;
            for &(u, _) in graph.links(v) {
                let u = u as usize;
                match queued[u] {
                    0 if state.community[u] as usize != best => {
                        queued[u] = 3;
                        next.push(u as u32);
                    }
                    1 => queued[u] = 2,
                    _ => {}
                }
            }
        }
        // Nodes queued for the next round are ordinary queued nodes there.
        for &v in &next {
            queued[v as usize] = 1;
        }
        round = next;
    }
    Ok(moved_any)
}

/// The refinement: inside each community, starting from single nodes, each node that is still
/// alone and well connected to its community joins a well-connected sub-community it is linked
/// to, chosen at random favouring the best gain. Communities are refined in parallel, each with
/// its own random numbers from `seed` and its number, so the result does not depend on the
/// number of threads. Returns the sub-community of each node (labelled by one of its nodes).
fn refine(graph: &WeightedGraph, community: &[u32], count: usize, gamma: f64, seed: u64) -> Vec<u32> {
    let groups = Grouping::new(community, count);
    // Each node's place in its community's member list.
    let mut place = vec![0u32; graph.len()];
    for c in 0..groups.len() {
        for (i, &v) in groups.members(c).iter().enumerate() {
            place[v as usize] = i as u32;
        }
    }
    let parts: Vec<Vec<u32>> = (0..groups.len())
        .into_par_iter()
        .map_init(Scratch::default, |scratch, c| {
            let mut rng = SplitMix64::new(seed ^ (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let members = groups.members(c);
            if members.len() <= 1 {
                return vec![0; members.len()];
            }
            refine_community(graph, community, &place, members, c as u32, gamma, &mut rng, scratch)
        })
        .collect();
    let mut refined = vec![0u32; graph.len()];
    for (c, part) in parts.iter().enumerate() {
        let members = groups.members(c);
        for (&v, &p) in members.iter().zip(part) {
            refined[v as usize] = members[p as usize];
        }
    }
    refined
}

/// Working arrays of [`refine_community`], kept from one community to the next.
#[derive(Default)]
struct Scratch {
    offsets: Vec<usize>,
    inside: Vec<(u32, f64)>,
    part_degree: Vec<f64>,
    part_size: Vec<u32>,
    part_external: Vec<f64>,
    weight_to: Vec<f64>,
    touched: Vec<u32>,
    candidates: Vec<(u32, f64)>,
}

/// Refines one community; returns each member's sub-community as an index into `members`.
#[allow(clippy::too_many_arguments)] // The level's arrays, the community, and the scratch.
fn refine_community(
    graph: &WeightedGraph,
    community: &[u32],
    place: &[u32],
    members: &[u32],
    c: u32,
    gamma: f64,
    rng: &mut SplitMix64,
    scratch: &mut Scratch,
) -> Vec<u32> {
    let s = members.len();
    let mut part: Vec<u32> = (0..s as u32).collect();
    let total = graph.total;
    let community_degree: f64 = members.iter().map(|&v| graph.degree[v as usize]).sum();
    let Scratch { offsets, inside, part_degree, part_size, part_external, weight_to, touched, candidates } = scratch;
    // The links inside the community in local numbers (places in `members`), gathered once so
    // the rest works on small arrays.
    offsets.clear();
    inside.clear();
    offsets.push(0);
    for &v in members {
        let links = graph.links(v as usize).iter();
        inside.extend(links.filter(|(u, _)| community[*u as usize] == c).map(|&(u, w)| (place[u as usize], w)));
        offsets.push(inside.len());
    }
    // Per sub-community (indexed like `members`): degree, members, weight to the rest of the
    // community.
    part_degree.clear();
    part_degree.extend(members.iter().map(|&v| graph.degree[v as usize]));
    part_size.clear();
    part_size.resize(s, 1);
    part_external.clear();
    part_external.extend((0..s).map(|i| inside[offsets[i]..offsets[i + 1]].iter().map(|(_, w)| w).sum::<f64>()));
    weight_to.clear();
    weight_to.resize(s, 0.0);
    let well_connected =
        |external: f64, degree: f64| external >= gamma * degree * (community_degree - degree) / total - 1e-12 * total;
    for i in visiting_order(s, rng) {
        let i = i as usize;
        // Only nodes still alone move, and only if well connected to their community.
        if part_size[i] != 1 || part[i] as usize != i || !well_connected(part_external[i], part_degree[i]) {
            continue;
        }
        let k = part_degree[i];
        touched.clear();
        for &(j, w) in &inside[offsets[i]..offsets[i + 1]] {
            let p = part[j as usize] as usize;
            if weight_to[p] == 0.0 {
                touched.push(p as u32);
            }
            weight_to[p] += w;
        }
        // Staying alone gains 0; joining p gains w(v, p) − γ·d_p·k_v / 2m.
        candidates.clear();
        candidates.push((i as u32, 0.0));
        for &p in touched.iter() {
            let p = p as usize;
            if p == i || !well_connected(part_external[p], part_degree[p]) {
                continue;
            }
            let gain = weight_to[p] - gamma * part_degree[p] * k / total;
            if gain >= 0.0 {
                candidates.push((p as u32, gain));
            }
        }
        let chosen = choose(candidates, rng) as usize;
        if chosen != i {
            part_degree[chosen] += k;
            part_size[chosen] += 1;
            part_external[chosen] += part_external[i] - 2.0 * weight_to[chosen];
            part_size[i] = 0;
            part[i] = chosen as u32;
        }
        for &p in touched.iter() {
            weight_to[p as usize] = 0.0;
        }
    }
    // A node that stayed alone keeps itself; every other node points at the sub-community it
    // joined, which itself never moved after being joined.
    part
}

/// Picks a candidate with probability ∝ exp(gain / θ).
fn choose(candidates: &[(u32, f64)], rng: &mut SplitMix64) -> u32 {
    if let [(only, _)] = candidates {
        return *only;
    }
    let best = candidates.iter().map(|(_, g)| *g).fold(f64::NEG_INFINITY, f64::max);
    // Below e^-40 of the best a candidate cannot be drawn in practice; exp is costly.
    let weight = |g: f64| if g < best - 40.0 * RANDOMNESS { 0.0 } else { ((g - best) / RANDOMNESS).exp() };
    let sum: f64 = candidates.iter().map(|(_, g)| weight(*g)).sum();
    let mut pick = rng.next_f64() * sum;
    for &(p, g) in candidates {
        pick -= weight(g);
        if pick < 0.0 {
            return p;
        }
    }
    candidates.iter().rev().find(|(_, g)| *g == best).map_or(0, |(p, _)| *p)
}

/// Nodes visited together: a random order of blocks of this many consecutive nodes, each block
/// in order. As good as a random order of single nodes for the communities found, and much
/// faster: the data of neighbouring numbers is read together.
const VISIT_BLOCK: usize = 64;

/// The order in which nodes `0..n` are visited: blocks of [`VISIT_BLOCK`] in random order.
fn visiting_order(n: usize, rng: &mut SplitMix64) -> Vec<u32> {
    let blocks = shuffled(n.div_ceil(VISIT_BLOCK), rng);
    blocks
        .iter()
        .flat_map(|&b| (b as usize * VISIT_BLOCK..((b as usize + 1) * VISIT_BLOCK).min(n)).map(|v| v as u32))
        .collect()
}

/// `0..n` in a random order (Fisher–Yates).
fn shuffled(n: usize, rng: &mut SplitMix64) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    order
}

/// Modularity at resolution γ of a partition of `graph`'s nodes. O(n + m).
pub(crate) fn partition_quality(graph: &WeightedGraph, membership: &[u32], gamma: f64) -> f64 {
    if graph.total <= 0.0 {
        return 0.0;
    }
    let bound = membership.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut inside = vec![0.0f64; bound];
    let mut degree = vec![0.0f64; bound];
    for (v, &c) in membership.iter().enumerate() {
        let c = c as usize;
        degree[c] += graph.degree[v];
        inside[c] += graph.self_weight[v];
        for &(u, w) in graph.links(v) {
            if membership[u as usize] as usize == c {
                inside[c] += w;
            }
        }
    }
    let total = graph.total;
    inside.iter().zip(&degree).map(|(i, d)| i / total - gamma * (d / total).powi(2)).sum()
}
