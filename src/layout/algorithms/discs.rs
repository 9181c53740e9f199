//! [`DiscIndex`]: a uniform grid over the actors' discs, to tell whether a disc touches another
//! and to find a free spot for one.

use std::collections::HashMap;

/// Discs by grid cell. The cell is as wide as the largest disc plus the gap, so a disc's
/// neighbours lie in the cells around its own.
pub(super) struct DiscIndex<'a> {
    cell: f32,
    reach: f32,
    gap: f32,
    radius: &'a [f32],
    cells: HashMap<(i64, i64), Vec<u32>>,
}

impl<'a> DiscIndex<'a> {
    /// An empty index for discs of these radii, kept `gap` apart.
    pub fn new(radius: &'a [f32], gap: f32) -> Self {
        let max_radius = radius.iter().copied().fold(0.0, f32::max);
        let cell = (2.0 * max_radius + gap).max(1.0);
        Self { cell, reach: max_radius + gap, gap, radius, cells: HashMap::new() }
    }

    fn key(&self, p: [f32; 2]) -> (i64, i64) {
        ((p[0] / self.cell).floor() as i64, (p[1] / self.cell).floor() as i64)
    }

    /// Adds disc `i` at `p`.
    pub fn insert(&mut self, i: usize, p: [f32; 2]) {
        let key = self.key(p);
        self.cells.entry(key).or_default().push(i as u32);
    }

    /// Takes disc `i` at `p` out.
    pub fn remove(&mut self, i: usize, p: [f32; 2]) {
        let key = self.key(p);
        if let Some(cell) = self.cells.get_mut(&key) {
            cell.retain(|&j| j as usize != i);
        }
    }

    /// The discs (other than `except`) that a disc of radius `r` at `p` comes within `gap` of.
    pub fn touching(&self, p: [f32; 2], r: f32, except: usize, at: &[[f32; 2]]) -> Vec<usize> {
        let reach = r + self.reach;
        let (x0, y0) = self.key([p[0] - reach, p[1] - reach]);
        let (x1, y1) = self.key([p[0] + reach, p[1] + reach]);
        let mut found = Vec::new();
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                let Some(cell) = self.cells.get(&(cx, cy)) else { continue };
                for &j in cell {
                    let j = j as usize;
                    let (Some(q), Some(rj)) = (at.get(j), self.radius.get(j)) else { continue };
                    let apart = r + rj + self.gap;
                    if j != except && (q[0] - p[0]).powi(2) + (q[1] - p[1]).powi(2) < apart * apart {
                        found.push(j);
                    }
                }
            }
        }
        found
    }

    /// The free spot nearest `p` (within a spiral search) for disc `i` of radius `r`: `p` itself
    /// if nothing is in the way.
    pub fn free_spot(&self, p: [f32; 2], r: f32, i: usize, at: &[[f32; 2]]) -> [f32; 2] {
        let step = (r + self.gap).max(0.5);
        for ring in 0..10_000u32 {
            let distance = step * ring as f32;
            let tries = if ring == 0 { 1 } else { 8 * ring };
            for k in 0..tries {
                let angle = std::f32::consts::TAU * k as f32 / tries as f32;
                let q = [p[0] + distance * angle.cos(), p[1] + distance * angle.sin()];
                if self.touching(q, r, i, at).is_empty() {
                    return q;
                }
            }
        }
        p
    }
}

/// Whether any two discs come closer than their radii (plus `gap`). O(n) expected.
pub(super) fn any_overlap(at: &[[f32; 2]], radius: &[f32], gap: f32) -> bool {
    let mut index = DiscIndex::new(radius, gap);
    for (i, p) in at.iter().enumerate() {
        let r = radius.get(i).copied().unwrap_or(0.0);
        if !index.touching(*p, r, i, at).is_empty() {
            return true;
        }
        index.insert(i, *p);
    }
    false
}
