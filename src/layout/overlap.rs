//! Overlap removal: pushes apart any two nodes whose discs overlap, by moving positions directly
//! (like d3's collide force) rather than by a stiff force that would make the layout jitter.

use rayon::prelude::*;

/// A uniform grid over the nodes, rebuilt on each pass without allocating in steady state.
#[derive(Clone, Debug, Default)]
pub struct OverlapGrid {
    /// (cell key << 32 | node), sorted.
    entries: Vec<u64>,
    shift_x: Vec<f32>,
    shift_y: Vec<f32>,
}

/// Cell keys pack a 16-bit row and column, row first, so a row's cells are adjacent in key
/// order. Coordinates are clamped to the grid (a far outlier shares an edge cell; that costs a
/// few extra distance checks, never a missed overlap).
fn cell_key(cx: i64, cy: i64) -> u64 {
    let clamp = |v: i64| (v + (1 << 15)).clamp(0, 0xFFFF) as u64;
    (clamp(cy) << 16) | clamp(cx)
}

impl OverlapGrid {
    /// One relaxation pass: every overlapping pair moves apart by the overlap (each unpinned node
    /// takes its share). Returns how many overlapping pairs were found (each pair counted once
    /// per node that sees it). O(n log n).
    pub fn separate(&mut self, x: &mut [f32], y: &mut [f32], radius: &[f32], pinned: &[bool]) -> usize {
        let n = x.len();
        if n < 2 {
            return 0;
        }
        let max_radius = radius.iter().copied().fold(0.0f32, f32::max).max(1e-3);
        let cell = 2.0 * max_radius;
        let cell_of = |v: f32| (v / cell).floor() as i64;
        self.entries.clear();
        self.entries.extend((0..n).map(|i| (cell_key(cell_of(x[i]), cell_of(y[i])) << 32) | i as u64));
        self.entries.par_sort_unstable();
        self.shift_x.resize(n, 0.0);
        self.shift_y.resize(n, 0.0);
        let entries = &self.entries;
        let (xs, ys) = (&*x, &*y);
        let overlaps: usize = (&mut self.shift_x, &mut self.shift_y)
            .into_par_iter()
            .enumerate()
            .with_min_len(512)
            .map(|(i, (sx, sy))| {
                *sx = 0.0;
                *sy = 0.0;
                if pinned[i] {
                    return 0;
                }
                let (cx, cy) = (cell_of(xs[i]), cell_of(ys[i]));
                let mut found = 0;
                for gy in cy - 1..=cy + 1 {
                    // Keys run along rows, so the three cells of a row are one contiguous run.
                    let (first, last) = (cell_key(cx - 1, gy), cell_key(cx + 1, gy));
                    let start = entries.partition_point(|e| (e >> 32) < first);
                    for e in &entries[start..] {
                        let key = e >> 32;
                        if key > last {
                            break;
                        }
                        let j = (e & 0xFFFF_FFFF) as usize;
                        if j == i {
                            continue;
                        }
                        let (dx, dy) = (xs[i] - xs[j], ys[i] - ys[j]);
                        let min_distance = radius[i] + radius[j];
                        let d2 = dx * dx + dy * dy;
                        if d2 >= min_distance * min_distance {
                            continue;
                        }
                        found += 1;
                        let d = d2.sqrt();
                        // The pinned partner does not move, so this node takes the whole overlap.
                        let share = if pinned[j] { 1.0 } else { 0.5 };
                        let push = (min_distance - d) * share;
                        let (ux, uy) = if d > 1e-6 { (dx / d, dy / d) } else { tie_direction(i, j) };
                        *sx += ux * push;
                        *sy += uy * push;
                    }
                }
                found
            })
            .sum();
        for i in 0..n {
            x[i] += self.shift_x[i];
            y[i] += self.shift_y[i];
        }
        overlaps
    }
}

/// Most nodes whose label boxes are kept apart (every pair is compared, O(n²)); larger graphs
/// keep only their discs apart.
pub const LABEL_ROOM_LIMIT: usize = 300;

/// A node's footprint with its label centred below it: half the width, and how far it reaches
/// above and below the node's centre, in layout units.
fn footprint(radius: f32, label: [f32; 2]) -> (f32, f32, f32) {
    let [width, height] = label;
    (radius.max(width / 2.0), radius, radius + height)
}

/// One relaxation pass over footprints that include each node's label (`labels[i]` = width and
/// height of node `i`'s label, centred under its disc): any two that overlap move apart along the
/// axis where they overlap least, like Gephi's Label Adjust. `widen` (1 or more) favours moving
/// sideways: a pair moves apart horizontally while its horizontal overlap is under `widen` times
/// its vertical one, so a picture taller than the screen it is shown on grows wider rather than
/// into a column. Returns how many overlapping pairs were found. O(n²): for graphs up to
/// [`LABEL_ROOM_LIMIT`] nodes.
pub fn separate_boxes(
    x: &mut [f32],
    y: &mut [f32],
    radius: &[f32],
    labels: &[[f32; 2]],
    pinned: &[bool],
    widen: f32,
) -> usize {
    let n = x.len().min(labels.len()).min(radius.len()).min(pinned.len());
    let mut shifts = vec![(0.0f32, 0.0f32); n];
    let mut found = 0;
    for i in 0..n {
        let (half_i, up_i, down_i) = footprint(radius[i], labels[i]);
        for j in i + 1..n {
            let (half_j, up_j, down_j) = footprint(radius[j], labels[j]);
            let (dx, dy) = (x[i] - x[j], y[i] - y[j]);
            let overlap_x = half_i + half_j - dx.abs();
            // i below j (dy > 0): i's top meets j's bottom; else the other way round.
            let overlap_y = if dy >= 0.0 { up_i + down_j - dy } else { down_i + up_j + dy };
            if overlap_x <= 0.0 || overlap_y <= 0.0 {
                continue;
            }
            found += 1;
            let (ux, uy) = if dx == 0.0 && dy == 0.0 { tie_direction(i, j) } else { (dx.signum(), dy.signum()) };
            let (push_x, push_y) =
                if overlap_x < overlap_y * widen { (ux * overlap_x, 0.0) } else { (0.0, uy * overlap_y) };
            let (share_i, share_j) = match (pinned[i], pinned[j]) {
                (true, true) => (0.0, 0.0),
                (true, false) => (0.0, 1.0),
                (false, true) => (1.0, 0.0),
                (false, false) => (0.5, 0.5),
            };
            shifts[i].0 += push_x * share_i;
            shifts[i].1 += push_y * share_i;
            shifts[j].0 -= push_x * share_j;
            shifts[j].1 -= push_y * share_j;
        }
    }
    for (i, (sx, sy)) in shifts.into_iter().enumerate() {
        x[i] += sx;
        y[i] += sy;
    }
    found
}

/// A deterministic direction for coincident nodes, opposite for the two of a pair.
fn tie_direction(i: usize, j: usize) -> (f32, f32) {
    let (a, b) = (i.min(j) as u64, i.max(j) as u64);
    let h = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    let angle = (h >> 40) as f32 * (std::f32::consts::TAU / (1u64 << 24) as f32);
    let sign = if i < j { 1.0 } else { -1.0 };
    (angle.cos() * sign, angle.sin() * sign)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_boxes_end_apart_and_wide_labels_spread_sideways() {
        // Three nodes on a row with labels much wider than their discs.
        let mut x = vec![0.0, 10.0, 20.0];
        let mut y = vec![0.0, 0.0, 0.0];
        let radius = vec![5.0; 3];
        let labels = vec![[60.0, 12.0]; 3];
        let pinned = vec![false; 3];
        for _ in 0..200 {
            if separate_boxes(&mut x, &mut y, &radius, &labels, &pinned, 1.0) == 0 {
                break;
            }
        }
        assert_eq!(separate_boxes(&mut x, &mut y, &radius, &labels, &pinned, 1.0), 0, "no overlap left");
        for i in 0..3 {
            for j in i + 1..3 {
                let apart_x = (x[i] - x[j]).abs() >= 60.0 - 1e-3;
                let apart_y = (y[i] - y[j]).abs() >= 5.0 + 17.0 - 1e-3;
                assert!(apart_x || apart_y, "{i} and {j} still overlap");
            }
        }
    }

    #[test]
    fn overlapping_discs_end_apart_and_pinned_ones_stay() {
        let mut x = vec![0.0, 1.0, 1.0, 50.0];
        let mut y = vec![0.0, 0.0, 0.0, 0.0];
        let radius = vec![5.0; 4];
        let pinned = vec![true, false, false, false];
        let mut grid = OverlapGrid::default();
        for _ in 0..50 {
            grid.separate(&mut x, &mut y, &radius, &pinned);
        }
        assert_eq!((x[0], y[0]), (0.0, 0.0));
        for i in 0..4 {
            for j in i + 1..4 {
                let d = ((x[i] - x[j]).powi(2) + (y[i] - y[j]).powi(2)).sqrt();
                assert!(d >= 9.99, "{i} and {j} overlap: {d}");
            }
        }
    }
}
