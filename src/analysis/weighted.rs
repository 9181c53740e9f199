//! [`WeightedGraph`]: the compact weighted graph that community detection coarsens level by
//! level — parallel cooperations merged into one weighted link, self-loops kept apart.

use rayon::prelude::*;

use super::network::Network;

/// An undirected weighted graph over `0..len()` in compressed rows. A node's `degree` is the
/// weight of its links plus its `self_weight` (a self-loop of weight w counts 2w, as in the
/// modularity of [`super::community::modularity`]); the sum of all degrees is twice the total
/// weight.
#[derive(Clone, Debug, Default)]
pub(crate) struct WeightedGraph {
    offsets: Vec<usize>,
    /// (neighbour, weight) of every node's links, node after node.
    links: Vec<(u32, f64)>,
    /// Weight inside each node (self-loops twice, and at coarser levels the links inside the
    /// group the node stands for, seen from both ends).
    pub self_weight: Vec<f64>,
    /// Weighted degree of each node, self weight included.
    pub degree: Vec<f64>,
    /// Sum of all degrees (twice the total weight).
    pub total: f64,
}

impl WeightedGraph {
    /// The weighted view of `net`: each pair of neighbours linked once, with the summed weight of
    /// their cooperations. O(n + m log d).
    pub fn from_network(net: &Network) -> Self {
        let rows: Vec<(Vec<(u32, f64)>, f64)> = (0..net.len())
            .into_par_iter()
            .map(|v| {
                let mut self_weight = 0.0;
                let mut row: Vec<(u32, f64)> = Vec::with_capacity(net.links(v).len());
                for link in net.links(v) {
                    if link.to as usize == v {
                        self_weight += 2.0 * link.weight;
                    } else {
                        row.push((link.to, link.weight));
                    }
                }
                (merge_row(row), self_weight)
            })
            .collect();
        Self::from_rows(rows)
    }

    fn from_rows(rows: Vec<(Vec<(u32, f64)>, f64)>) -> Self {
        let mut offsets = Vec::with_capacity(rows.len() + 1);
        offsets.push(0);
        let count: usize = rows.iter().map(|(row, _)| row.len()).sum();
        let mut links = Vec::with_capacity(count);
        let mut self_weight = Vec::with_capacity(rows.len());
        let mut degree = Vec::with_capacity(rows.len());
        for (row, inside) in rows {
            degree.push(inside + row.iter().map(|(_, w)| w).sum::<f64>());
            links.extend(row);
            offsets.push(links.len());
            self_weight.push(inside);
        }
        let total = degree.iter().sum();
        Self { offsets, links, self_weight, degree, total }
    }

    /// Number of links, each counted from both ends.
    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.degree.len()
    }

    /// The neighbours of `v` (never `v` itself) with the weight of the link to each.
    #[inline]
    pub fn links(&self, v: usize) -> &[(u32, f64)] {
        &self.links[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The graph with one node per group: `group[v]` (dense, `0..groups`) is the node that `v`
    /// becomes. Links inside a group become its self weight. O(n + m), parallel over blocks of
    /// groups; a group's links to other groups keep the order in which they are first met.
    pub fn aggregate(&self, group: &[u32], groups: usize) -> Self {
        let members = Grouping::new(group, groups);
        // Blocks of groups, each with one dense scratch row (cheap next to the work per block).
        let block = groups.div_ceil(4 * rayon::current_num_threads()).max(1024);
        let starts: Vec<usize> = (0..groups).step_by(block).collect();
        let blocks: Vec<Block> = starts
            .into_par_iter()
            .map(|start| {
                let end = (start + block).min(groups);
                let mut out = Block::default();
                let mut weight_to = vec![0.0f64; groups];
                let mut touched: Vec<u32> = Vec::new();
                for g in start..end {
                    let mut inside = 0.0;
                    let mut degree = 0.0;
                    for &v in members.members(g) {
                        let v = v as usize;
                        inside += self.self_weight[v];
                        degree += self.degree[v];
                        for &(u, w) in self.links(v) {
                            let gu = group[u as usize];
                            if gu as usize == g {
                                inside += w;
                            } else {
                                if weight_to[gu as usize] == 0.0 {
                                    touched.push(gu);
                                }
                                weight_to[gu as usize] += w;
                            }
                        }
                    }
                    out.links.extend(touched.drain(..).map(|t| (t, std::mem::take(&mut weight_to[t as usize]))));
                    out.ends.push(out.links.len());
                    out.self_weight.push(inside);
                    out.degree.push(degree);
                }
                out
            })
            .collect();
        let count: usize = blocks.iter().map(|b| b.links.len()).sum();
        let mut graph = Self {
            offsets: Vec::with_capacity(groups + 1),
            links: Vec::with_capacity(count),
            self_weight: Vec::with_capacity(groups),
            degree: Vec::with_capacity(groups),
            total: self.total,
        };
        graph.offsets.push(0);
        for b in blocks {
            let base = graph.links.len();
            graph.offsets.extend(b.ends.iter().map(|e| base + e));
            graph.links.extend(b.links);
            graph.self_weight.extend(b.self_weight);
            graph.degree.extend(b.degree);
        }
        graph
    }
}

/// Part of an aggregated graph built by one thread: rows of consecutive groups.
#[derive(Default)]
struct Block {
    links: Vec<(u32, f64)>,
    ends: Vec<usize>,
    self_weight: Vec<f64>,
    degree: Vec<f64>,
}

/// Sorts a row by neighbour and sums the weights of repeated neighbours.
fn merge_row(mut row: Vec<(u32, f64)>) -> Vec<(u32, f64)> {
    row.sort_unstable_by_key(|(t, _)| *t);
    let mut merged: Vec<(u32, f64)> = Vec::with_capacity(row.len());
    for (t, w) in row {
        match merged.last_mut() {
            Some((last, sum)) if *last == t => *sum += w,
            _ => merged.push((t, w)),
        }
    }
    merged
}

/// The members of each group of a partition, in increasing node order (a counting sort).
pub(crate) struct Grouping {
    offsets: Vec<usize>,
    nodes: Vec<u32>,
}

impl Grouping {
    /// Groups the nodes by `group[v]`, which must be below `groups`. O(n + groups).
    pub fn new(group: &[u32], groups: usize) -> Self {
        let mut offsets = vec![0usize; groups + 1];
        for &g in group {
            offsets[g as usize + 1] += 1;
        }
        for g in 0..groups {
            offsets[g + 1] += offsets[g];
        }
        let mut next = offsets.clone();
        let mut nodes = vec![0u32; group.len()];
        for (v, &g) in group.iter().enumerate() {
            nodes[next[g as usize]] = v as u32;
            next[g as usize] += 1;
        }
        Self { offsets, nodes }
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The members of group `g`.
    pub fn members(&self, g: usize) -> &[u32] {
        &self.nodes[self.offsets[g]..self.offsets[g + 1]]
    }
}

/// Renumbers labels densely (`0..count`) in order of first appearance; returns the count.
pub(crate) fn renumber(labels: &mut [u32]) -> usize {
    let bound = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut new = vec![u32::MAX; bound];
    let mut count = 0u32;
    for label in labels.iter_mut() {
        let slot = &mut new[*label as usize];
        if *slot == u32::MAX {
            *slot = count;
            count += 1;
        }
        *label = *slot;
    }
    count as usize
}
