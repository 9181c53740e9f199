//! A flat Barnes–Hut quadtree, rebuilt every iteration without allocating.
//!
//! Points are sorted by a 32-bit Morton key, so every cell is a contiguous range of the sorted
//! points. Cells are stored in depth-first pre-order with a skip pointer to the next sibling
//! subtree, so traversal needs neither a stack nor recursion.

use rayon::prelude::*;

/// Most points a leaf holds before it is split (unless the depth limit is reached).
const LEAF_SIZE: usize = 8;
/// Morton keys have 16 bits per axis: 16 levels.
const MAX_LEVEL: u32 = 16;

/// One cell of the tree.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cell {
    /// Centre of mass, x.
    pub cx: f32,
    /// Centre of mass, y.
    pub cy: f32,
    /// Total mass of the points inside.
    pub mass: f32,
    /// Side length of the square the cell covers.
    pub size: f32,
    /// First sorted point inside.
    pub start: u32,
    /// One past the last sorted point inside.
    pub end: u32,
    /// Index of the cell after this one's subtree.
    pub next: u32,
    /// Whether the cell has no children (its points are visited one by one).
    pub leaf: bool,
}

/// The tree and the sorted copies of the point data it indexes.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    keys: Vec<u64>,
    /// Sorted point x.
    pub x: Vec<f32>,
    /// Sorted point y.
    pub y: Vec<f32>,
    /// Sorted point mass.
    pub mass: Vec<f32>,
    /// Sorted point radius.
    pub radius: Vec<f32>,
    /// Original index of each sorted point.
    pub index: Vec<u32>,
    /// Cells in pre-order; `cells[0]` is the root when there is at least one point.
    pub cells: Vec<Cell>,
}

impl QuadTree {
    /// Rebuilds the tree over the given points, reusing all buffers. O(n log n) for the sort,
    /// O(n) for the rest; the sort and copies run in parallel.
    pub fn rebuild(&mut self, x: &[f32], y: &[f32], mass: &[f32], radius: &[f32]) {
        let n = x.len();
        self.cells.clear();
        if n == 0 {
            return;
        }
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for i in 0..n {
            min_x = min_x.min(x[i]);
            max_x = max_x.max(x[i]);
            min_y = min_y.min(y[i]);
            max_y = max_y.max(y[i]);
        }
        let side = (max_x - min_x).max(max_y - min_y).max(1e-3) * 1.0001;
        let scale = 65535.0 / side;

        self.keys.resize(n, 0);
        self.keys.par_iter_mut().enumerate().with_min_len(4096).for_each(|(i, key)| {
            let qx = ((x[i] - min_x) * scale) as u32;
            let qy = ((y[i] - min_y) * scale) as u32;
            *key = (u64::from(morton(qx.min(65535), qy.min(65535))) << 32) | i as u64;
        });
        if n > 4096 {
            self.keys.par_sort_unstable();
        } else {
            self.keys.sort_unstable();
        }

        self.x.resize(n, 0.0);
        self.y.resize(n, 0.0);
        self.mass.resize(n, 0.0);
        self.radius.resize(n, 0.0);
        self.index.resize(n, 0);
        let keys = &self.keys;
        (&mut self.x, &mut self.y, &mut self.mass, &mut self.radius, &mut self.index)
            .into_par_iter()
            .enumerate()
            .with_min_len(4096)
            .for_each(|(s, (sx, sy, sm, sr, si))| {
                let i = (keys[s] & 0xFFFF_FFFF) as usize;
                *sx = x[i];
                *sy = y[i];
                *sm = mass[i];
                *sr = radius[i];
                *si = i as u32;
            });
        self.build(0, n, 0, side);
    }

    /// Appends the cell for sorted points `start..end` at `level` and its subtree; returns its
    /// index.
    fn build(&mut self, start: usize, end: usize, level: u32, size: f32) -> usize {
        let me = self.cells.len();
        self.cells.push(Cell { size, start: start as u32, end: end as u32, leaf: true, ..Cell::default() });
        if end - start > LEAF_SIZE && level < MAX_LEVEL {
            // Children are the runs of equal 2-bit digits at this level.
            let shift = 32 + 2 * (MAX_LEVEL - 1 - level);
            let (mut m, mut mx, mut my) = (0.0f32, 0.0f32, 0.0f32);
            let mut child_start = start;
            while child_start < end {
                let d = (self.keys[child_start] >> shift) & 3;
                let child_end = child_start + self.keys[child_start..end].partition_point(|k| (k >> shift) & 3 == d);
                let child_index = self.build(child_start, child_end, level + 1, size * 0.5);
                let child = self.cells[child_index];
                m += child.mass;
                mx += child.mass * child.cx;
                my += child.mass * child.cy;
                child_start = child_end;
            }
            self.cells[me].leaf = false;
            self.finish(me, m, mx, my);
            return me;
        }
        let (mut m, mut mx, mut my) = (0.0f32, 0.0f32, 0.0f32);
        for s in start..end {
            m += self.mass[s];
            mx += self.mass[s] * self.x[s];
            my += self.mass[s] * self.y[s];
        }
        self.finish(me, m, mx, my);
        me
    }

    /// Stores a cell's mass, centre of mass and skip pointer once its subtree is built.
    fn finish(&mut self, me: usize, m: f32, mx: f32, my: f32) {
        let next = self.cells.len() as u32;
        let cell = &mut self.cells[me];
        cell.mass = m;
        if m > 0.0 {
            cell.cx = mx / m;
            cell.cy = my / m;
        }
        cell.next = next;
    }
}

/// Interleaves the bits of two 16-bit numbers (x in even bits, y in odd bits).
fn morton(x: u32, y: u32) -> u32 {
    fn spread(mut v: u32) -> u32 {
        v &= 0xFFFF;
        v = (v | (v << 8)) & 0x00FF_00FF;
        v = (v | (v << 4)) & 0x0F0F_0F0F;
        v = (v | (v << 2)) & 0x3333_3333;
        v = (v | (v << 1)) & 0x5555_5555;
        v
    }
    spread(x) | (spread(y) << 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_covers_its_children_and_masses_add_up() {
        let n = 1000;
        let x: Vec<f32> = (0..n).map(|i| ((i * 7919) % 1000) as f32).collect();
        let y: Vec<f32> = (0..n).map(|i| ((i * 104_729) % 977) as f32).collect();
        let mass = vec![1.0; n];
        let mut tree = QuadTree::default();
        tree.rebuild(&x, &y, &mass, &mass);
        assert!((tree.cells[0].mass - n as f32).abs() < 1e-3);
        assert_eq!(tree.cells[0].next as usize, tree.cells.len());
        for (i, cell) in tree.cells.iter().enumerate() {
            if cell.leaf {
                assert!(cell.end - cell.start <= LEAF_SIZE as u32 || cell.size < 1.0);
            } else {
                // Children tile the parent's range in order.
                let mut child = i + 1;
                let mut covered = cell.start;
                while child < cell.next as usize {
                    assert_eq!(tree.cells[child].start, covered);
                    covered = tree.cells[child].end;
                    child = tree.cells[child].next as usize;
                }
                assert_eq!(covered, cell.end);
            }
        }
        let mut seen: Vec<u32> = tree.index.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..n as u32).collect::<Vec<_>>());
    }

    #[test]
    fn coincident_points_stop_at_the_depth_limit() {
        let x = vec![5.0; 100];
        let mut tree = QuadTree::default();
        tree.rebuild(&x, &x, &x, &x);
        assert!(tree.cells.len() <= 1 + 100 * MAX_LEVEL as usize);
        assert_eq!(tree.cells[0].end, 100);
    }
}
