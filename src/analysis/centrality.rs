//! Centrality: degree, weighted degree, betweenness (Brandes) and PageRank.

use rayon::prelude::*;

use super::network::Network;
use super::progress::{Cancelled, Progress};

/// Above this many nodes betweenness is estimated from a sample of sources (exact below).
pub const EXACT_BETWEENNESS_LIMIT: usize = 20_000;
/// Sources sampled for estimated betweenness.
pub const BETWEENNESS_SAMPLES: usize = 1_000;

/// Degree of every node (self-loops count twice).
pub fn degrees(net: &Network) -> Vec<f64> {
    (0..net.len()).map(|i| net.degree(i) as f64).collect()
}

/// Weighted degree (strength) of every node.
pub fn weighted_degrees(net: &Network) -> Vec<f64> {
    (0..net.len()).map(|i| net.weighted_degree(i)).collect()
}

/// Betweenness centrality of every node, over unweighted shortest paths of the simple
/// undirected graph, normalised like networkx (`2 / ((n − 1)(n − 2))` per pair of endpoints).
///
/// Exact (Brandes, O(n·m)) up to [`EXACT_BETWEENNESS_LIMIT`] nodes; beyond, estimated from
/// [`BETWEENNESS_SAMPLES`] evenly spread sources and scaled up. Parallel over sources and
/// deterministic: sources are summed in a fixed order whatever the thread count.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub fn betweenness(net: &Network, progress: &Progress) -> Result<Vec<f64>, Cancelled> {
    let n = net.len();
    let sources: Vec<u32> = if n <= EXACT_BETWEENNESS_LIMIT {
        (0..n as u32).collect()
    } else {
        (0..BETWEENNESS_SAMPLES).map(|k| (k * n / BETWEENNESS_SAMPLES) as u32).collect()
    };
    progress.start(sources.len());
    let mut total = vec![0.0f64; n];
    const CHUNK: usize = 32;
    let wave = CHUNK * rayon::current_num_threads().max(1) * 2;
    for wave_sources in sources.chunks(wave) {
        progress.check()?;
        let partials: Vec<Vec<f64>> = wave_sources
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut state = BrandesState::new(n);
                let mut partial = vec![0.0f64; n];
                for &s in chunk {
                    if progress.is_cancelled() {
                        break;
                    }
                    state.accumulate(net, s as usize, &mut partial);
                    progress.advance(1);
                }
                partial
            })
            .collect();
        progress.check()?;
        for partial in partials {
            for (t, p) in total.iter_mut().zip(partial) {
                *t += p;
            }
        }
    }
    if n > 2 {
        let sample_scale = n as f64 / sources.len() as f64;
        let scale = sample_scale / ((n - 1) as f64 * (n - 2) as f64);
        total.iter_mut().for_each(|b| *b *= scale);
    }
    Ok(total)
}

/// Scratch arrays for one Brandes source, reused across sources.
struct BrandesState {
    sigma: Vec<f64>,
    dist: Vec<i32>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

impl BrandesState {
    fn new(n: usize) -> Self {
        Self { sigma: vec![0.0; n], dist: vec![-1; n], delta: vec![0.0; n], order: Vec::with_capacity(n) }
    }

    /// Adds the dependencies of source `s` into `into`. O(n + m).
    fn accumulate(&mut self, net: &Network, s: usize, into: &mut [f64]) {
        for &v in &self.order {
            self.sigma[v as usize] = 0.0;
            self.dist[v as usize] = -1;
            self.delta[v as usize] = 0.0;
        }
        self.order.clear();
        self.sigma[s] = 1.0;
        self.dist[s] = 0;
        self.order.push(s as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            for &w in net.neighbours(v) {
                let w = w as usize;
                if self.dist[w] < 0 {
                    self.dist[w] = self.dist[v] + 1;
                    self.order.push(w as u32);
                }
                if self.dist[w] == self.dist[v] + 1 {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        for k in (0..self.order.len()).rev() {
            let w = self.order[k] as usize;
            for &v in net.neighbours(w) {
                let v = v as usize;
                if self.dist[v] == self.dist[w] - 1 {
                    self.delta[v] += self.sigma[v] / self.sigma[w] * (1.0 + self.delta[w]);
                }
            }
            if w != s {
                into[w] += self.delta[w];
            }
        }
    }
}

/// PageRank with damping `alpha` (0.85 is usual) on the undirected weighted graph, by power
/// iteration until the summed change is below `1e-10·n` (at most 200 iterations). Nodes without
/// cooperations spread their rank evenly. O(m) per iteration.
///
/// # Errors
/// [`Cancelled`] if `progress` was cancelled.
pub fn pagerank(net: &Network, alpha: f64, progress: &Progress) -> Result<Vec<f64>, Cancelled> {
    let n = net.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    const MAX_ITERATIONS: usize = 200;
    progress.start(MAX_ITERATIONS);
    let strength: Vec<f64> = (0..n).map(|i| net.links(i).iter().map(|l| l.weight).sum::<f64>()).collect();
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        progress.check()?;
        let dangling: f64 = (0..n).filter(|&i| strength[i] <= 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        next.par_iter_mut().enumerate().with_min_len(1024).for_each(|(v, out)| {
            // Undirected: rank flows in along every link of v, from the neighbour's share.
            let inflow: f64 = net
                .links(v)
                .iter()
                .map(|l| {
                    if strength[l.to as usize] > 0.0 {
                        rank[l.to as usize] * l.weight / strength[l.to as usize]
                    } else {
                        0.0
                    }
                })
                .sum();
            *out = base + alpha * inflow;
        });
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        progress.advance(1);
        if change < 1e-10 * n as f64 {
            break;
        }
    }
    Ok(rank)
}
