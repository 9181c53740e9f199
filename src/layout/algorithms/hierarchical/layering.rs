//! Layer assignment: longest path from the sources, then each node moved within the layers its
//! arcs allow towards the side where most of its arcs are (a few sweeps of the move that network
//! simplex makes), which shortens long arcs. Nodes that only have undirected cooperations take
//! the median layer of their neighbours.

use std::collections::VecDeque;

use super::acyclic::csr;

/// Sweeps of the shortening moves; each sweep is O(n + m) and most graphs stop changing after
/// two or three.
const BALANCE_SWEEPS: usize = 8;

/// The layer of every node of `0..n`, numbered from 0 without gaps. `arcs` (from, to) must not
/// form a cycle and `topological` lists the nodes so that every arc goes forwards; each arc's
/// `to` ends up in a deeper layer than its `from`. `undirected` cooperations place the nodes
/// that have no arc. O((n + m) · sweeps).
pub(super) fn layers(n: usize, arcs: &[(u32, u32)], topological: &[usize], undirected: &[(u32, u32)]) -> Vec<u32> {
    let (succ_start, succ) = csr(n, arcs.iter().copied());
    let (pred_start, pred) = csr(n, arcs.iter().map(|&(a, b)| (b, a)));
    let row = |start: &[u32], values: &'_ [u32], i: usize| -> Vec<usize> {
        let range = start.get(i).copied().unwrap_or(0) as usize..start.get(i + 1).copied().unwrap_or(0) as usize;
        values.get(range).unwrap_or_default().iter().map(|&v| v as usize).collect()
    };
    let mut layer = vec![0i64; n];
    for &v in topological {
        let here = layer.get(v).copied().unwrap_or(0);
        for w in row(&succ_start, &succ, v) {
            if let Some(l) = layer.get_mut(w) {
                *l = (*l).max(here + 1);
            }
        }
    }
    for _ in 0..BALANCE_SWEEPS {
        let mut moved = false;
        for &v in topological {
            let preds = row(&pred_start, &pred, v);
            let succs = row(&succ_start, &succ, v);
            let lowest = preds.iter().filter_map(|&u| layer.get(u)).max().map(|l| l + 1);
            let highest = succs.iter().filter_map(|&w| layer.get(w)).min().map(|l| l - 1);
            let target = match (preds.len().cmp(&succs.len()), lowest, highest) {
                (std::cmp::Ordering::Greater, Some(low), _) => low,
                (std::cmp::Ordering::Less, _, Some(high)) => high,
                _ => continue,
            };
            if let Some(l) = layer.get_mut(v)
                && *l != target
            {
                *l = target;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    place_unconstrained(n, arcs, undirected, &mut layer);
    compress(&layer)
}

/// Gives each node without arcs the median layer of its neighbours placed before it, spreading
/// out from the nodes with arcs (breadth first); nodes reached from none stay in layer 0.
fn place_unconstrained(n: usize, arcs: &[(u32, u32)], undirected: &[(u32, u32)], layer: &mut [i64]) {
    let mut placed = vec![false; n];
    for &(a, b) in arcs {
        for v in [a, b] {
            if let Some(p) = placed.get_mut(v as usize) {
                *p = true;
            }
        }
    }
    let (start, neighbours) = csr(n, undirected.iter().flat_map(|&(a, b)| [(a, b), (b, a)]));
    let row = |i: usize| {
        let range = start.get(i).copied().unwrap_or(0) as usize..start.get(i + 1).copied().unwrap_or(0) as usize;
        neighbours.get(range).unwrap_or_default()
    };
    let mut queue: VecDeque<usize> = (0..n).filter(|&v| placed.get(v).copied().unwrap_or(false)).collect();
    while let Some(v) = queue.pop_front() {
        for &w in row(v) {
            let w = w as usize;
            if placed.get(w).copied().unwrap_or(true) {
                continue;
            }
            let mut around: Vec<i64> = row(w)
                .iter()
                .filter(|&&u| placed.get(u as usize).copied().unwrap_or(false))
                .filter_map(|&u| layer.get(u as usize).copied())
                .collect();
            around.sort_unstable();
            if let (Some(median), Some(slot)) = (around.get(around.len() / 2).copied(), layer.get_mut(w)) {
                *slot = median;
            }
            if let Some(p) = placed.get_mut(w) {
                *p = true;
            }
            queue.push_back(w);
        }
    }
}

/// Renumbers layers 0, 1, 2 … in order, leaving out layers no node is in.
fn compress(layer: &[i64]) -> Vec<u32> {
    let mut used: Vec<i64> = layer.to_vec();
    used.sort_unstable();
    used.dedup();
    layer.iter().map(|l| used.binary_search(l).unwrap_or(0) as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_arc_points_to_a_deeper_layer() {
        let arcs = [(0, 1), (1, 2), (0, 3), (3, 2), (4, 2)];
        let layer = layers(5, &arcs, &[0, 4, 1, 3, 2], &[]);
        for (a, b) in arcs {
            assert!(layer[a as usize] < layer[b as usize], "{a} → {b}: {layer:?}");
        }
    }

    #[test]
    fn a_lone_source_moves_down_next_to_its_target() {
        // 0 → 1 → 2 → 3, and 4 → 3: longest path puts 4 at the top, three layers above 3.
        let arcs = [(0, 1), (1, 2), (2, 3), (4, 3)];
        let layer = layers(5, &arcs, &[0, 4, 1, 2, 3], &[]);
        assert_eq!(layer[4] + 1, layer[3], "{layer:?}");
    }

    #[test]
    fn undirected_neighbours_share_a_layer() {
        let layer = layers(3, &[(0, 1)], &[0, 1, 2], &[(1, 2)]);
        assert_eq!(layer, vec![0, 1, 1]);
    }
}
