//! The forces of ForceAtlas2 as pure functions over flat arrays. Each adds into `fx`/`fy`.
//!
//! Units: positions in layout units; a node's mass is its degree + 1 (FA2), its radius comes
//! from [`super::node_radius`].

use rayon::prelude::*;

use super::csr::Csr;
use super::params::LayoutParams;
use super::quadtree::QuadTree;

/// Minimum work per rayon task, so that small graphs are not slowed by scheduling.
const MIN_CHUNK: usize = 256;

/// A fixed unit direction for two coincident points, different for each pair, so they separate
/// deterministically instead of producing NaN.
#[inline]
fn tie_break_direction(i: usize, j: usize) -> (f32, f32) {
    let h = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (j as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    let angle = (h >> 40) as f32 * (std::f32::consts::TAU / (1u64 << 24) as f32);
    (angle.cos(), angle.sin())
}

/// FA2 repulsion on point `i` from point `j` at offset (dx, dy) = pᵢ − pⱼ: magnitude
/// `kr·mᵢ·mⱼ / d`, pushing `i` away. Coincident points get a fixed per-pair direction.
#[inline]
fn pair_repulsion(i: usize, j: usize, dx: f32, dy: f32, kr_mm: f32) -> (f32, f32) {
    let d2 = dx * dx + dy * dy;
    if d2 > 1e-12 {
        let f = kr_mm / d2;
        (dx * f, dy * f)
    } else {
        // Coincident: a unit-distance push in a direction fixed for the pair, opposite for each.
        let (ux, uy) = tie_break_direction(i.min(j), i.max(j));
        let sign = if i < j { 1.0 } else { -1.0 };
        (ux * kr_mm * sign, uy * kr_mm * sign)
    }
}

/// Exact repulsion between all pairs. O(n²); used for small graphs and as the reference the
/// Barnes–Hut approximation is tested against.
pub fn repulsion_exact(x: &[f32], y: &[f32], mass: &[f32], params: &LayoutParams, fx: &mut [f32], fy: &mut [f32]) {
    let kr = params.scaling_ratio;
    (fx, fy).into_par_iter().enumerate().with_min_len(MIN_CHUNK).for_each(|(i, (fxi, fyi))| {
        let (mut ax, mut ay) = (0.0f32, 0.0f32);
        for j in 0..x.len() {
            if j != i {
                let (px, py) = pair_repulsion(i, j, x[i] - x[j], y[i] - y[j], kr * mass[i] * mass[j]);
                ax += px;
                ay += py;
            }
        }
        *fxi += ax;
        *fyi += ay;
    });
}

/// Barnes–Hut repulsion over a tree built from the same points. O(n log n). `sorted_fx` and
/// `sorted_fy` receive the force of each point in the tree's sorted order (overwritten).
pub fn repulsion_barnes_hut(tree: &QuadTree, params: &LayoutParams, sorted_fx: &mut [f32], sorted_fy: &mut [f32]) {
    let kr = params.scaling_ratio;
    let theta2 = params.theta * params.theta;
    let cells = &tree.cells;
    (sorted_fx, sorted_fy).into_par_iter().enumerate().with_min_len(MIN_CHUNK).for_each(|(s, (out_x, out_y))| {
        let (px, py, pm) = (tree.x[s], tree.y[s], tree.mass[s]);
        let s32 = s as u32;
        let (mut ax, mut ay) = (0.0f32, 0.0f32);
        let mut c = 0usize;
        while c < cells.len() {
            let cell = &cells[c];
            let dx = px - cell.cx;
            let dy = py - cell.cy;
            let d2 = dx * dx + dy * dy;
            let contains_self = cell.start <= s32 && s32 < cell.end;
            if !contains_self && cell.size * cell.size < theta2 * d2 {
                // Far enough: the whole cell acts as one body at its centre of mass.
                let f = kr * pm * cell.mass / d2.max(1e-12);
                ax += dx * f;
                ay += dy * f;
                c = cell.next as usize;
            } else if cell.leaf {
                for j in cell.start as usize..cell.end as usize {
                    if j != s {
                        let (fx, fy) = pair_repulsion(s, j, px - tree.x[j], py - tree.y[j], kr * pm * tree.mass[j]);
                        ax += fx;
                        ay += fy;
                    }
                }
                c = cell.next as usize;
            } else {
                c += 1;
            }
        }
        *out_x = ax;
        *out_y = ay;
    });
}

/// Attraction along edges (FA2: `−w^δ · d`, or `−w^δ · ln(1 + d)` in lin-log mode), plus
/// gravity towards the origin. Parallel per node over the CSR rows; no atomics. O(n + m).
#[allow(clippy::too_many_arguments)]
pub fn attraction_and_gravity(
    x: &[f32],
    y: &[f32],
    mass: &[f32],
    radius: &[f32],
    csr: &Csr,
    params: &LayoutParams,
    fx: &mut [f32],
    fy: &mut [f32],
) {
    let influence = params.edge_weight_influence;
    let gap_only = params.removes_overlaps(x.len());
    (fx, fy).into_par_iter().enumerate().with_min_len(MIN_CHUNK).for_each(|(i, (fxi, fyi))| {
        let (targets, weights) = csr.row(i);
        let hub_factor = if params.dissuade_hubs { 1.0 / mass[i] } else { 1.0 };
        let (mut ax, mut ay) = (0.0f32, 0.0f32);
        for (&j, &w) in targets.iter().zip(weights) {
            let j = j as usize;
            let dx = x[j] - x[i];
            let dy = y[j] - y[i];
            let d = (dx * dx + dy * dy).sqrt();
            let w = if influence == 0.0 {
                1.0
            } else if influence == 1.0 {
                w
            } else {
                w.powf(influence)
            };
            // With overlap prevention, attraction stops short of touching (a gap of one radius
            // keeps the edge between two neighbours visible).
            let distance = if gap_only { (d - 1.5 * (radius[i] + radius[j])).max(0.0) } else { d };
            if distance <= 0.0 || d <= 0.0 {
                continue;
            }
            // Scale of the unit vector (dx, dy) / d.
            let f = if params.lin_log { (1.0 + distance).ln() } else { distance } * w * hub_factor / d;
            ax += dx * f;
            ay += dy * f;
        }
        // Gravity: constant magnitude kg·m towards the origin, or growing with distance.
        let d = (x[i] * x[i] + y[i] * y[i]).sqrt();
        if d > 0.0 {
            let g = if params.strong_gravity { params.gravity * mass[i] } else { params.gravity * mass[i] / d };
            ax -= x[i] * g;
            ay -= y[i] * g;
        }
        *fxi += ax;
        *fyi += ay;
    });
}
