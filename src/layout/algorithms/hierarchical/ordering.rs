//! The layered graph (long cooperations broken by dummy vertices, one per layer crossed) and
//! crossing reduction: barycenter sweeps down and up, then swaps of neighbours that cross less
//! the other way round ("transpose"), keeping the order with fewest crossings.
//! Crossings are counted with the accumulator method of Barth, Jünger and Mutzel (2004).

use super::acyclic::csr;
use crate::analysis::progress::{Cancelled, Progress};

/// A graph whose every segment joins two neighbouring layers. Vertices `0..real` are actors;
/// the rest are dummies on long cooperations.
pub(super) struct Layered {
    /// Number of real vertices.
    pub real: usize,
    /// Each layer's vertices, left to right.
    pub layers: Vec<Vec<u32>>,
    up_start: Vec<u32>,
    up: Vec<u32>,
    down_start: Vec<u32>,
    down: Vec<u32>,
}

impl Layered {
    /// Builds the layered graph of `real` vertices in `layer` with `segments` (upper, lower) of
    /// any length: each is cut into one segment per pair of neighbouring layers, and repeated
    /// ones are kept once. Layers start ordered by vertex number. O(n + m + dummies).
    pub fn new(layer: &[u32], segments: &[(u32, u32)]) -> Self {
        let real = layer.len();
        let mut layer_of: Vec<u32> = layer.to_vec();
        let mut pairs: Vec<(u32, u32)> = segments
            .iter()
            .filter(|&&(a, b)| layer.get(a as usize).zip(layer.get(b as usize)).is_some_and(|(la, lb)| la < lb))
            .copied()
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut short: Vec<(u32, u32)> = Vec::with_capacity(pairs.len());
        for (a, b) in pairs {
            let (top, bottom) =
                (layer.get(a as usize).copied().unwrap_or(0), layer.get(b as usize).copied().unwrap_or(0));
            let mut previous = a;
            for l in (top + 1)..bottom {
                let dummy = layer_of.len() as u32;
                layer_of.push(l);
                short.push((previous, dummy));
                previous = dummy;
            }
            short.push((previous, b));
        }
        let count = layer_of.len();
        let (down_start, down) = csr(count, short.iter().copied());
        let (up_start, up) = csr(count, short.iter().map(|&(a, b)| (b, a)));
        let depth = layer_of.iter().copied().max().map_or(0, |l| l as usize + 1);
        let mut layers = vec![Vec::new(); depth];
        for (v, l) in layer_of.iter().enumerate() {
            if let Some(row) = layers.get_mut(*l as usize) {
                row.push(v as u32);
            }
        }
        Self { real, layers, up_start, up, down_start, down }
    }

    /// Number of vertices, dummies included.
    pub fn vertex_count(&self) -> usize {
        self.up_start.len().saturating_sub(1)
    }

    /// Vertex `v`'s neighbours in the layer above.
    pub fn above(&self, v: usize) -> &[u32] {
        row(&self.up_start, &self.up, v)
    }

    /// Vertex `v`'s neighbours in the layer below.
    pub fn below(&self, v: usize) -> &[u32] {
        row(&self.down_start, &self.down, v)
    }

    /// Crossings between all pairs of neighbouring layers, counted in parallel (the sum does not
    /// depend on the thread count). O(m log n).
    pub fn crossings(&self) -> u64 {
        use rayon::prelude::*;
        let mut position = vec![0u32; self.vertex_count()];
        for layer in &self.layers {
            for (k, &v) in layer.iter().enumerate() {
                if let Some(p) = position.get_mut(v as usize) {
                    *p = k as u32;
                }
            }
        }
        self.layers
            .par_windows(2)
            .map(|pair| match pair {
                [upper, lower] => self.crossings_between(upper, lower.len(), &position),
                _ => 0,
            })
            .sum()
    }

    /// Crossings of the segments from `upper` down to a layer of `lower_len` vertices.
    fn crossings_between(&self, upper: &[u32], lower_len: usize, position: &[u32]) -> u64 {
        // Segments sorted by upper then lower end; crossings are the inversions of the lower
        // ends, counted in a Fenwick tree.
        let mut tree = vec![0u32; lower_len + 1];
        let mut crossings = 0u64;
        let mut seen = 0u64;
        let mut ends: Vec<u32> = Vec::new();
        for &u in upper {
            ends.clear();
            ends.extend(self.below(u as usize).iter().filter_map(|&w| position.get(w as usize)));
            ends.sort_unstable();
            // Segments of earlier upper vertices whose lower end is right of p cross this one
            // (segments sharing an end do not cross).
            for &p in &ends {
                let mut at_or_left = 0u64;
                let mut i = p as usize + 1;
                while i > 0 {
                    at_or_left += u64::from(tree.get(i).copied().unwrap_or(0));
                    i &= i - 1;
                }
                crossings += seen - at_or_left;
            }
            for &p in &ends {
                let mut i = p as usize + 1;
                while i <= lower_len {
                    if let Some(t) = tree.get_mut(i) {
                        *t += 1;
                    }
                    i += i & i.wrapping_neg();
                }
            }
            seen += ends.len() as u64;
        }
        crossings
    }

    /// Reorders the layers to cross fewer segments: `passes` rounds of a barycenter sweep down
    /// and one up and a transpose, stopping early after two rounds that gain less than 1%;
    /// keeps the best order seen (the first order included). Returns the crossings before and after.
    /// O(passes · m log n).
    ///
    /// # Errors
    /// [`Cancelled`] once `progress` is cancelled.
    pub fn reduce_crossings(&mut self, passes: usize, progress: &Progress) -> Result<(u64, u64), Cancelled> {
        let before = self.crossings();
        let mut best = (before, self.layers.clone());
        let mut idle = 0;
        for _ in 0..passes {
            if best.0 == 0 || idle >= 2 {
                break;
            }
            progress.check()?;
            self.sweep(true);
            self.sweep(false);
            self.transpose();
            let now = self.crossings();
            // A round that removes less than 1% of the crossings left counts as idle: on large
            // graphs later rounds gain a fraction of a percent each.
            if now < best.0 {
                idle = if (best.0 - now) * 100 >= best.0 { 0 } else { idle + 1 };
                best = (now, self.layers.clone());
            } else {
                idle += 1;
            }
        }
        self.layers = best.1;
        Ok((before, best.0))
    }

    /// One sweep: each layer sorted by the mean position of its neighbours in the layer before
    /// (above when going down); a vertex without such neighbours keeps its position.
    fn sweep(&mut self, downwards: bool) {
        let mut position = vec![0f64; self.vertex_count()];
        for layer in &self.layers {
            for (k, &v) in layer.iter().enumerate() {
                if let Some(p) = position.get_mut(v as usize) {
                    *p = k as f64;
                }
            }
        }
        let depth = self.layers.len();
        let order: Vec<usize> =
            if downwards { (1..depth).collect() } else { (0..depth.saturating_sub(1)).rev().collect() };
        for l in order {
            let Some(layer) = self.layers.get(l) else { continue };
            let mut keyed: Vec<(f64, f64, u32)> = layer
                .iter()
                .map(|&v| {
                    let fixed = if downwards { self.above(v as usize) } else { self.below(v as usize) };
                    let own = position.get(v as usize).copied().unwrap_or(0.0);
                    let sum: f64 = fixed.iter().filter_map(|&u| position.get(u as usize)).sum();
                    let barycenter = if fixed.is_empty() { own } else { sum / fixed.len() as f64 };
                    (barycenter, own, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for (k, (_, _, v)) in keyed.iter().enumerate() {
                if let Some(p) = position.get_mut(*v as usize) {
                    *p = k as f64;
                }
            }
            if let Some(layer) = self.layers.get_mut(l) {
                *layer = keyed.into_iter().map(|(_, _, v)| v).collect();
            }
        }
    }
}

impl Layered {
    /// Swaps neighbours in a layer wherever they cross fewer segments (to the layers above and
    /// below) the other way round, until no swap helps (at most a few rounds). Each round is
    /// O(m log m).
    fn transpose(&mut self) {
        let mut position = vec![0u32; self.vertex_count()];
        for layer in &self.layers {
            for (k, &v) in layer.iter().enumerate() {
                if let Some(p) = position.get_mut(v as usize) {
                    *p = k as u32;
                }
            }
        }
        let mut scratch = [Vec::new(), Vec::new()];
        for _ in 0..4 {
            let mut swapped = false;
            for l in 0..self.layers.len() {
                let width = self.layers.get(l).map_or(0, Vec::len);
                for k in 0..width.saturating_sub(1) {
                    let Some(&[u, v]) = self.layers.get(l).and_then(|row| row.get(k..k + 2)) else { continue };
                    let (u, v) = (u as usize, v as usize);
                    let mut as_is = 0u64;
                    let mut turned = 0u64;
                    for (a, b) in [(self.above(u), self.above(v)), (self.below(u), self.below(v))] {
                        let (x, y) = pair_crossings(a, b, &position, &mut scratch);
                        as_is += x;
                        turned += y;
                    }
                    if turned < as_is
                        && let Some(row) = self.layers.get_mut(l)
                    {
                        row.swap(k, k + 1);
                        if let Some(p) = position.get_mut(u) {
                            *p += 1;
                        }
                        if let Some(p) = position.get_mut(v) {
                            *p -= 1;
                        }
                        swapped = true;
                    }
                }
            }
            if !swapped {
                break;
            }
        }
    }
}

/// Crossings between the segments of two neighbouring vertices to one other layer (their
/// neighbours there are `left` and `right`): with the first left of the second, and the other
/// way round. `scratch` holds two buffers reused from call to call. O(d log d).
fn pair_crossings(left: &[u32], right: &[u32], position: &[u32], scratch: &mut [Vec<u32>; 2]) -> (u64, u64) {
    let at = |w: &u32| position.get(*w as usize).copied().unwrap_or(0);
    // Most vertices are dummies with one segment each way.
    if let ([l], [r]) = (left, right) {
        let (a, b) = (at(l), at(r));
        return (u64::from(a > b), u64::from(a < b));
    }
    if left.is_empty() || right.is_empty() {
        return (0, 0);
    }
    let [a, b] = scratch;
    for (buffer, ends) in [(&mut *a, left), (&mut *b, right)] {
        buffer.clear();
        buffer.extend(ends.iter().map(at));
        buffer.sort_unstable();
    }
    // As is: pairs with a > b; turned: pairs with a < b.
    let (mut as_is, mut turned) = (0u64, 0u64);
    let (mut below, mut not_above) = (0usize, 0usize);
    for &x in a.iter() {
        while b.get(below).is_some_and(|&y| y < x) {
            below += 1;
        }
        while b.get(not_above).is_some_and(|&y| y <= x) {
            not_above += 1;
        }
        as_is += below as u64;
        turned += (b.len() - not_above) as u64;
    }
    (as_is, turned)
}

fn row<'a>(start: &[u32], values: &'a [u32], v: usize) -> &'a [u32] {
    let range = start.get(v).copied().unwrap_or(0) as usize..start.get(v + 1).copied().unwrap_or(0) as usize;
    values.get(range).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_crossed_segments_count_once_and_uncross() {
        // 0 and 1 above, 2 and 3 below: 0–3 and 1–2 cross.
        let mut layered = Layered::new(&[0, 0, 1, 1], &[(0, 3), (1, 2)]);
        assert_eq!(layered.crossings(), 1);
        assert_eq!(layered.reduce_crossings(4, &Progress::new()), Ok((1, 0)));
    }

    #[test]
    fn long_segments_get_one_dummy_per_layer_crossed() {
        let layered = Layered::new(&[0, 1, 3], &[(0, 1), (0, 2)]);
        assert_eq!(layered.vertex_count(), 5, "two dummies on 0 → 2");
        assert_eq!(layered.layers.len(), 4);
    }

    #[test]
    fn complete_bipartite_crossings_match_the_formula() {
        // K(3,3) in any order has 3·3·2·2/4 = 9 crossings.
        let segments: Vec<(u32, u32)> = (0..3).flat_map(|a| (3..6).map(move |b| (a, b))).collect();
        let layered = Layered::new(&[0, 0, 0, 1, 1, 1], &segments);
        assert_eq!(layered.crossings(), 9);
    }
}
