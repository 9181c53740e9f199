//! [`LayoutEngine`]: the ForceAtlas2 state machine over flat arrays.

use std::sync::Arc;

use rayon::prelude::*;

use super::csr::Csr;
use super::fit::{Viewport, fit};
use super::forces::{attraction_and_gravity, repulsion_barnes_hut, repulsion_exact};
use super::multilevel::multilevel_positions;
use super::overlap::{LABEL_ROOM_LIMIT, OverlapGrid, separate_boxes};
use super::params::{LayoutParams, node_radius};
use super::quadtree::QuadTree;
use crate::rng::SplitMix64;

/// While cooling, overlaps are removed once every this many iterations.
const OVERLAP_EVERY: u64 = 4;

/// Whether the layout still moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutState {
    /// Nodes are still moving noticeably: keep stepping (and repainting).
    Running,
    /// Movement fell below the tolerance (or the iteration cap was reached): stop stepping.
    Settled,
}

/// A ForceAtlas2 layout of `n` nodes: positions, the adjacency, and the adaptive-speed state.
///
/// Deterministic: the same input, parameters and seed give the same positions bit for bit,
/// whatever the number of threads. Steady-state iterations allocate nothing.
pub struct LayoutEngine {
    params: LayoutParams,
    x: Vec<f32>,
    y: Vec<f32>,
    mass: Vec<f32>,
    radius: Vec<f32>,
    /// Width and height of each node's label in layout units, when the layout makes room for
    /// labels (small graphs).
    labels: Option<Vec<[f32; 2]>>,
    pinned: Vec<bool>,
    /// Nodes the current run holds still: not pinned by the user, but not part of this run (a
    /// local run moves only new actors, or a dragged actor's neighbours).
    held: Vec<bool>,
    /// Pinned or held: what steps and overlap passes leave where it is.
    fixed: Vec<bool>,
    /// The current run moves every free node (a fresh layout or one the user asked for), so it
    /// may end by making room for labels; a local run never does.
    full_run: bool,
    /// Label sizes on screen and the viewport the picture is fitted to, for the room a full run
    /// makes for labels as it ends.
    label_room: Option<LabelRoom>,
    /// A full run settled before its label room was known: making room is still owed.
    room_owed: bool,
    /// The run started with no node placed (a layout from scratch): as it ends, the picture is
    /// turned so its long side lies along the screen's.
    from_scratch: bool,
    csr: Csr,
    fx: Vec<f32>,
    fy: Vec<f32>,
    old_fx: Vec<f32>,
    old_fy: Vec<f32>,
    sorted_fx: Vec<f32>,
    sorted_fy: Vec<f32>,
    per_node: Vec<f32>,
    per_node_b: Vec<f32>,
    tree: QuadTree,
    overlap: OverlapGrid,
    speed: f32,
    /// Multiplies every step once cooling has begun; decays towards 0 so the layout settles.
    temperature: f32,
    cooling: bool,
    /// Cooling faster than usual: the layout started from a multilevel start, whose shape is
    /// already right, so it only polishes.
    polishing: bool,
    speed_efficiency: f32,
    iteration: u64,
    since_reheat: u64,
    calm_streak: u32,
    last_movement: f32,
    state: LayoutState,
    pool: Option<Arc<rayon::ThreadPool>>,
    /// Set when every node was placed at random on a graph large enough for a multilevel start:
    /// the first step then computes it (so that, in the window, it runs on the layout's thread).
    multilevel_seed: Option<u64>,
}

impl LayoutEngine {
    /// A layout of `node_count` nodes joined by weighted `edges` (from, to, weight; direction is
    /// ignored). Every node starts unplaced: call [`Self::set_position`] for known positions, then
    /// [`Self::place_unpositioned`]. O(n + m).
    pub fn new(node_count: usize, edges: &[(u32, u32, f32)], params: LayoutParams) -> Self {
        let csr = Csr::new(node_count, edges.iter().copied());
        let mass: Vec<f32> = (0..node_count).map(|i| csr.degree(i) as f32 + 1.0).collect();
        let radius: Vec<f32> = (0..node_count).map(|i| node_radius(csr.degree(i))).collect();
        let zeros = vec![0.0f32; node_count];
        Self {
            params,
            x: zeros.clone(),
            y: zeros.clone(),
            mass,
            radius,
            labels: None,
            pinned: vec![false; node_count],
            held: vec![false; node_count],
            fixed: vec![false; node_count],
            full_run: true,
            label_room: None,
            room_owed: false,
            from_scratch: false,
            csr,
            fx: zeros.clone(),
            fy: zeros.clone(),
            old_fx: zeros.clone(),
            old_fy: zeros.clone(),
            sorted_fx: zeros.clone(),
            sorted_fy: zeros.clone(),
            per_node: zeros.clone(),
            per_node_b: zeros,
            tree: QuadTree::default(),
            overlap: OverlapGrid::default(),
            speed: 1.0,
            temperature: 1.0,
            cooling: false,
            polishing: false,
            speed_efficiency: 1.0,
            iteration: 0,
            since_reheat: 0,
            calm_streak: 0,
            last_movement: f32::INFINITY,
            state: LayoutState::Running,
            pool: None,
            multilevel_seed: None,
        }
    }

    /// Runs the layout on a private pool of `threads` threads instead of rayon's global pool.
    ///
    /// # Errors
    /// The thread pool could not be created; the engine keeps its previous pool.
    pub fn set_threads(&mut self, threads: usize) -> Result<(), rayon::ThreadPoolBuildError> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build()?;
        self.pool = Some(Arc::new(pool));
        Ok(())
    }

    /// Runs the layout on a thread pool shared with another engine.
    pub fn use_pool(&mut self, pool: Arc<rayon::ThreadPool>) {
        self.pool = Some(pool);
    }

    /// Places every node not in `known`: near the mean of its placed neighbours, or at random
    /// in a disc sized to the graph. Deterministic for a given `seed`. When no node is known and
    /// the graph has at least [`LayoutParams::multilevel_above`] nodes, the first step replaces
    /// this start with a multilevel one.
    pub fn place_unpositioned(&mut self, known: &[bool], seed: u64) {
        let n = self.node_count();
        let none_known = !known.iter().any(|&k| k);
        self.multilevel_seed = (none_known && n >= self.params.multilevel_above).then_some(seed);
        self.from_scratch = none_known;
        let mut rng = SplitMix64::new(seed);
        let mut placed: Vec<bool> = (0..n).map(|i| known.get(i).copied().unwrap_or(false)).collect();
        let disc = 20.0 * (n as f64).sqrt().max(1.0);
        let (cx, cy) = centroid(&self.x, &self.y, &placed);
        // Two passes: nodes next to placed ones first, then the rest at random.
        for i in 0..n {
            if placed[i] {
                continue;
            }
            let (targets, _) = self.csr.row(i);
            let anchors: Vec<usize> = targets.iter().map(|&j| j as usize).filter(|&j| placed[j]).collect();
            let angle = rng.next_f64() * std::f64::consts::TAU;
            if anchors.is_empty() {
                let r = disc * rng.next_f64().sqrt();
                self.x[i] = (cx + r * angle.cos()) as f32;
                self.y[i] = (cy + r * angle.sin()) as f32;
            } else {
                let mx = anchors.iter().map(|&j| f64::from(self.x[j])).sum::<f64>() / anchors.len() as f64;
                let my = anchors.iter().map(|&j| f64::from(self.y[j])).sum::<f64>() / anchors.len() as f64;
                let r = 3.0 * f64::from(self.radius[i]);
                self.x[i] = (mx + r * angle.cos()) as f32;
                self.y[i] = (my + r * angle.sin()) as f32;
            }
            placed[i] = true;
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.x.len()
    }

    /// The parameters in use.
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Position of node `i`.
    pub fn position(&self, i: usize) -> [f32; 2] {
        [self.x[i], self.y[i]]
    }

    /// All x coordinates, by node.
    pub fn xs(&self) -> &[f32] {
        &self.x
    }

    /// All y coordinates, by node.
    pub fn ys(&self) -> &[f32] {
        &self.y
    }

    /// Every node's disc radius in layout units.
    pub fn radii(&self) -> &[f32] {
        &self.radius
    }

    /// The disc radius of node `i` in layout units.
    pub fn radius(&self, i: usize) -> f32 {
        self.radius[i]
    }

    /// Moves node `i` (e.g. while the user drags it). Non-finite positions are ignored.
    pub fn set_position(&mut self, i: usize, [x, y]: [f32; 2]) {
        if x.is_finite() && y.is_finite() && i < self.x.len() {
            self.x[i] = x;
            self.y[i] = y;
        }
    }

    /// Pins or releases node `i`. A pinned node never moves but still pushes and pulls others.
    pub fn set_pinned(&mut self, i: usize, pinned: bool) {
        if let Some(p) = self.pinned.get_mut(i) {
            *p = pinned;
            self.fixed[i] = pinned || self.held[i];
        }
    }

    /// Whether node `i` is pinned.
    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    /// Running or settled.
    pub fn state(&self) -> LayoutState {
        self.state
    }

    /// Iterations done since creation.
    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// Mean step of a free node in the last iteration, as a fraction of the layout's radius.
    pub fn last_movement(&self) -> f32 {
        self.last_movement
    }

    /// Declares the current positions final (e.g. all were loaded from a file): the layout stays
    /// still until [`Self::reheat`].
    pub fn mark_settled(&mut self) {
        self.state = LayoutState::Settled;
    }

    /// Wakes the whole layout (every node that is not pinned moves), at a gentle speed so the
    /// picture does not jump: what "Re-run layout" and automatic layout do. Such a run ends by
    /// making room for labels, when label sizes are known.
    pub fn reheat(&mut self) {
        self.set_held(|_| false);
        self.full_run = true;
        self.restart();
    }

    /// Runs the layout for `free` nodes only, every other node held where it is: new actors find
    /// their place near their neighbours, a dragged actor's neighbours follow it, and nothing
    /// else in the picture moves. Settled at once when no free node can move.
    pub fn settle_only(&mut self, free: &[usize]) {
        let mut is_free = vec![false; self.node_count()];
        for &i in free {
            if let Some(f) = is_free.get_mut(i) {
                *f = true;
            }
        }
        self.set_held(|i| !is_free[i]);
        self.full_run = false;
        self.room_owed = false;
        self.restart();
        if self.fixed.iter().all(|f| *f) {
            self.state = LayoutState::Settled;
        }
    }

    /// Stops the layout where it is (an undo put a picture back; a new edit began).
    pub fn stop(&mut self) {
        self.set_held(|_| false);
        self.full_run = false;
        self.room_owed = false;
        self.state = LayoutState::Settled;
    }

    /// Whether node `i` is held still by the current run.
    pub fn is_held(&self, i: usize) -> bool {
        self.held.get(i).copied().unwrap_or(false)
    }

    fn set_held(&mut self, held: impl Fn(usize) -> bool) {
        for i in 0..self.held.len() {
            self.held[i] = held(i);
            self.fixed[i] = self.pinned[i] || self.held[i];
        }
    }

    /// Sets the label sizes on screen and the viewport that a full run makes room for as it
    /// ends; `None` stops making room. Ignored unless there is one size per node and the graph
    /// has at most [`LABEL_ROOM_LIMIT`] nodes.
    pub fn set_label_room(&mut self, room: Option<LabelRoom>) {
        self.label_room = room.filter(|r| r.sizes.len() == self.node_count() && r.sizes.len() <= LABEL_ROOM_LIMIT);
        // Label sizes are measured once a frame is drawn; a small graph may have settled before.
        if self.room_owed && self.state == LayoutState::Settled && self.label_room.is_some() {
            self.make_label_room();
        }
    }

    /// Whether this run may move every free node and make room for labels as it ends.
    pub fn is_full_run(&self) -> bool {
        self.full_run
    }

    fn restart(&mut self) {
        self.state = LayoutState::Running;
        self.calm_streak = 0;
        self.since_reheat = 0;
        self.temperature = 1.0;
        self.cooling = false;
        self.polishing = false;
        self.speed = self.speed.min(1.0);
        self.speed_efficiency = 1.0;
        self.old_fx.iter_mut().for_each(|f| *f = 0.0);
        self.old_fy.iter_mut().for_each(|f| *f = 0.0);
    }

    /// Runs one iteration and returns the state after it. A settled layout does not move.
    /// O(n log n + m) with Barnes–Hut, O(n² + m) below [`LayoutParams::exact_below`].
    pub fn step(&mut self) -> LayoutState {
        if self.state == LayoutState::Settled || self.x.is_empty() {
            self.state = LayoutState::Settled;
            return self.state;
        }
        match self.pool.clone() {
            Some(pool) => pool.install(|| self.iterate()),
            None => self.iterate(),
        }
        self.state
    }

    /// Runs up to `n` iterations, stopping early once settled.
    pub fn step_n(&mut self, n: u64) -> LayoutState {
        for _ in 0..n {
            if self.step() == LayoutState::Settled {
                break;
            }
        }
        self.state
    }

    /// Steps until settled (at most [`LayoutParams::max_iterations`] after the last reheat).
    pub fn run_until_settled(&mut self) -> LayoutState {
        while self.step() == LayoutState::Running {}
        self.state
    }

    fn iterate(&mut self) {
        if let Some(seed) = self.multilevel_seed.take()
            && let Some((x, y)) = multilevel_positions(&self.csr, &self.params, seed, self.pool.as_ref())
        {
            self.cooling = true;
            self.polishing = true;
            for i in 0..self.x.len() {
                if !self.fixed[i] {
                    self.x[i] = x[i];
                    self.y[i] = y[i];
                }
            }
            // The shape is formed: turn it now, before it is shown, not as it comes to rest.
            if std::mem::take(&mut self.from_scratch) {
                self.turn_to_landscape();
            }
        }
        let n = self.x.len();
        self.fx.iter_mut().for_each(|f| *f = 0.0);
        self.fy.iter_mut().for_each(|f| *f = 0.0);

        if n <= self.params.exact_below.max(1) {
            repulsion_exact(&self.x, &self.y, &self.mass, &self.params, &mut self.fx, &mut self.fy);
        } else {
            self.tree.rebuild(&self.x, &self.y, &self.mass, &self.radius);
            repulsion_barnes_hut(&self.tree, &self.params, &mut self.sorted_fx, &mut self.sorted_fy);
            for (s, &i) in self.tree.index.iter().enumerate() {
                self.fx[i as usize] = self.sorted_fx[s];
                self.fy[i as usize] = self.sorted_fy[s];
            }
        }
        attraction_and_gravity(
            &self.x,
            &self.y,
            &self.mass,
            &self.radius,
            &self.csr,
            &self.params,
            &mut self.fx,
            &mut self.fy,
        );
        self.apply_forces();
        // While cooling, remove overlaps every few iterations; the final pass at settling
        // removes what is left. Every iteration would double the cost on large graphs.
        if self.removes_overlaps() && self.cooling && self.since_reheat.is_multiple_of(OVERLAP_EVERY) {
            self.separate_once();
        }
        std::mem::swap(&mut self.fx, &mut self.old_fx);
        std::mem::swap(&mut self.fy, &mut self.old_fy);
        self.iteration += 1;
        self.since_reheat += 1;
        self.update_state();
    }

    /// FA2's adaptive speed: per-node swinging (change of force direction) slows a node down,
    /// global traction speeds everyone up, so the layout converges instead of jittering.
    fn apply_forces(&mut self) {
        let (fx, fy, ofx, ofy) = (&self.fx, &self.fy, &self.old_fx, &self.old_fy);
        let (mass, pinned) = (&self.mass, &self.fixed);
        // Per-node swinging and traction, then summed in order: deterministic for any thread count.
        (&mut self.per_node, &mut self.per_node_b).into_par_iter().enumerate().with_min_len(1024).for_each(
            |(i, (swing, traction))| {
                let finite = fx[i].is_finite() && fy[i].is_finite();
                if pinned[i] || !finite {
                    *swing = 0.0;
                    *traction = 0.0;
                } else {
                    *swing = mass[i] * ((ofx[i] - fx[i]).powi(2) + (ofy[i] - fy[i]).powi(2)).sqrt();
                    *traction = mass[i] * 0.5 * ((ofx[i] + fx[i]).powi(2) + (ofy[i] + fy[i]).powi(2)).sqrt();
                }
            },
        );
        let total_swinging: f64 = self.per_node.iter().map(|&v| f64::from(v)).sum();
        let total_traction: f64 = self.per_node_b.iter().map(|&v| f64::from(v)).sum();
        self.adjust_speed(total_swinging, total_traction);

        let (fx, fy, pinned) = (&self.fx, &self.fy, &self.fixed);
        let speed = self.speed * self.temperature;
        let max_step = self.params.max_step_factor;
        let (x, y, radius) = (&mut self.x, &mut self.y, &self.radius);
        let swing = &self.per_node;
        // Reuse the traction buffer for each node's step length.
        (x, y, &mut self.per_node_b).into_par_iter().enumerate().with_min_len(1024).for_each(|(i, (xi, yi, moved))| {
            *moved = 0.0;
            let (dx, dy) = (fx[i], fy[i]);
            if pinned[i] || !(dx.is_finite() && dy.is_finite()) {
                return;
            }
            let mut factor = speed / (1.0 + (speed * swing[i]).sqrt());
            // Cap a single step to a few node radii: stops overlap pushes from flinging nodes.
            let force = (dx * dx + dy * dy).sqrt();
            let limit = max_step * radius[i];
            if force * factor > limit {
                factor = limit / force;
            }
            *xi += dx * factor;
            *yi += dy * factor;
            *moved = force * factor;
        });
    }

    fn adjust_speed(&mut self, total_swinging: f64, total_traction: f64) {
        let n = self.x.len().max(1) as f64;
        let jitter = f64::from(self.params.jitter_tolerance);
        let estimated_optimal = 0.05 * n.sqrt();
        let min_jt = estimated_optimal.sqrt();
        let max_jt: f64 = 10.0;
        let mut jt = jitter * min_jt.max(max_jt.min(estimated_optimal * total_traction / (n * n)));
        let min_efficiency = 0.05;
        let mut efficiency = f64::from(self.speed_efficiency);
        if total_traction > 0.0 && total_swinging / total_traction > 2.0 {
            if efficiency > min_efficiency {
                efficiency *= 0.5;
            }
            jt = jt.max(jitter);
        }
        let speed = f64::from(self.speed);
        let target = if total_swinging > 0.0 { jt * efficiency * total_traction / total_swinging } else { speed };
        if total_swinging > jt * total_traction {
            if efficiency > min_efficiency {
                efficiency *= 0.7;
            }
        } else if speed < 1000.0 {
            efficiency *= 1.3;
        }
        let max_rise = 0.5;
        let mut new_speed = speed + (target - speed).min(max_rise * speed);
        // While cooling, traction may not speed the layout up again: that would undo the
        // cooling and keep a formed layout jittering for hundreds of iterations.
        if self.cooling {
            new_speed = new_speed.min(speed);
        }
        self.speed_efficiency = efficiency as f32;
        self.speed = if new_speed.is_finite() && new_speed > 0.0 { new_speed as f32 } else { 1.0 };
    }

    /// Compares the mean step with the layout's radius to decide whether it has settled.
    fn update_state(&mut self) {
        let free = self.fixed.iter().filter(|p| !**p).count();
        if free == 0 {
            self.settle();
            return;
        }
        let moved: f64 = self.per_node_b.iter().map(|&v| f64::from(v)).sum::<f64>() / free as f64;
        let spread = spread(&self.x, &self.y).max(1e-6);
        self.last_movement = (moved / spread) as f32;
        if self.last_movement < self.params.settle_tolerance {
            self.calm_streak += 1;
        } else {
            self.calm_streak = 0;
        }
        // Cooling: once the shape has formed, damp every step a little more each iteration, so
        // the layout comes to rest instead of drifting and jittering for thousands of iterations.
        if self.last_movement < self.params.cooling_start {
            self.cooling = true;
        }
        if self.cooling {
            let rate = if self.polishing { self.params.polish_cooling_rate } else { self.params.cooling_rate };
            self.temperature *= rate;
        }
        if self.calm_streak >= self.params.calm_iterations || self.since_reheat >= self.params.max_iterations {
            self.settle();
        }
    }

    /// Whether overlap prevention is on and the graph is small enough for it.
    fn removes_overlaps(&self) -> bool {
        self.params.removes_overlaps(self.x.len())
    }

    /// Marks the layout settled, first removing any overlap left (when overlap prevention is on)
    /// and, at the end of a full run, making room for labels. Held nodes are then released.
    fn settle(&mut self) {
        if std::mem::take(&mut self.from_scratch) && self.full_run {
            self.turn_to_landscape();
        }
        self.remove_overlaps();
        if self.full_run {
            self.make_label_room();
        }
        self.state = LayoutState::Settled;
        self.set_held(|_| false);
    }

    /// Turns a layout made from scratch (no pinned node) about its centre so that its longest
    /// extent lies horizontal, as screens and pages are wider than tall: a force layout's
    /// orientation is arbitrary, and a tall picture would use a third of the screen.
    fn turn_to_landscape(&mut self) {
        let n = self.x.len();
        if n < 3 || self.pinned.iter().any(|p| *p) {
            return;
        }
        let mean = |v: &[f32]| v.iter().map(|&a| f64::from(a)).sum::<f64>() / n as f64;
        let (cx, cy) = (mean(&self.x), mean(&self.y));
        let (mut sxx, mut syy, mut sxy) = (0.0f64, 0.0f64, 0.0f64);
        for i in 0..n {
            let (dx, dy) = (f64::from(self.x[i]) - cx, f64::from(self.y[i]) - cy);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        // The principal axis's angle; turning by its opposite lays that axis horizontal.
        let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
        let (sin, cos) = (-angle).sin_cos();
        for i in 0..n {
            let (dx, dy) = (f64::from(self.x[i]) - cx, f64::from(self.y[i]) - cy);
            self.x[i] = (cx + dx * cos - dy * sin) as f32;
            self.y[i] = (cy + dx * sin + dy * cos) as f32;
        }
    }

    /// Makes room for every label at the zoom that fits the picture into the label room's
    /// viewport. Making room spreads the picture, which lowers that zoom and grows the labels in
    /// layout units, so this repeats a few rounds until the boxes stop growing.
    fn make_label_room(&mut self) {
        const ROUNDS: usize = 4;
        let Some(room) = self.label_room.clone() else {
            self.room_owed = true;
            return;
        };
        self.room_owed = false;
        if !self.removes_overlaps() {
            return;
        }
        for _ in 0..ROUNDS {
            let Some((zoom, _)) = fit(&self.x, &self.y, &self.radius, Some(&room.sizes), room.viewport, |_| true)
            else {
                return;
            };
            // A little more than the label itself, so neighbouring labels do not touch.
            let boxes: Vec<[f32; 2]> =
                room.sizes.iter().map(|[w, h]| [(w + 6.0) / zoom, (h + super::fit::LABEL_GAP + 2.0) / zoom]).collect();
            let grows = self.labels.as_ref().is_none_or(|old| {
                old.len() != boxes.len()
                    || old.iter().zip(&boxes).any(|(a, b)| b[0] > a[0] * 1.03 || b[1] > a[1] * 1.03)
            });
            self.labels = Some(boxes);
            if !grows {
                break;
            }
            self.remove_overlaps();
        }
    }

    /// One pass of overlap removal: label boxes when set, else discs. Returns the overlaps found.
    fn separate_once(&mut self) -> usize {
        let widen = self.widen_labels();
        match &self.labels {
            Some(labels) => separate_boxes(&mut self.x, &mut self.y, &self.radius, labels, &self.fixed, widen),
            None => self.overlap.separate(&mut self.x, &mut self.y, &self.radius, &self.fixed),
        }
    }

    /// How much making room for labels favours moving nodes sideways: as much as the picture is
    /// taller, for its width, than the screen the label room was measured on (1 to 4).
    fn widen_labels(&self) -> f32 {
        let Some(room) = &self.label_room else { return 1.0 };
        let screen = room.viewport.size[0] / room.viewport.size[1].max(1.0);
        let span = |v: &[f32]| v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min);
        let picture = span(&self.x) / span(&self.y).max(1e-3);
        (screen / picture.max(1e-3)).clamp(1.0, 4.0)
    }

    /// Removes overlaps now (up to 200 passes) without running the forces, when overlap
    /// prevention is on; held and pinned nodes stay where they are.
    pub fn remove_overlaps(&mut self) {
        if self.removes_overlaps() {
            for _ in 0..200 {
                if self.separate_once() == 0 {
                    break;
                }
            }
        }
    }

    /// Makes room for labels: `labels[i]` is the width and height (layout units) of node `i`'s
    /// label, centred under its disc, which overlap prevention then keeps clear like the disc.
    /// `None`, a wrong length or a graph over [`LABEL_ROOM_LIMIT`] nodes keeps discs only.
    pub fn set_label_boxes(&mut self, labels: Option<Vec<[f32; 2]>>) {
        self.labels = labels.filter(|l| l.len() == self.x.len() && l.len() <= LABEL_ROOM_LIMIT);
    }

    /// The label boxes the layout keeps clear, if any.
    pub fn label_boxes(&self) -> Option<&[[f32; 2]]> {
        self.labels.as_deref()
    }

    /// Sets every node's disc radius (e.g. sized by a metric), so overlap prevention keeps the
    /// drawn discs apart. Ignored unless there is one finite, positive radius per node.
    pub fn set_radii(&mut self, radii: &[f32]) {
        if radii.len() == self.radius.len() && radii.iter().all(|r| r.is_finite() && *r > 0.0) {
            self.radius.copy_from_slice(radii);
        }
    }
}

/// What a full run makes room for as it ends: each node's label size on screen (points) and the
/// viewport the picture is fitted into.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRoom {
    /// Width and height of each node's label on screen, by engine node.
    pub sizes: Vec<[f32; 2]>,
    /// The screen area the picture is fitted to.
    pub viewport: Viewport,
}

/// Root-mean-square distance of the points from their centroid: the layout's radius.
fn spread(x: &[f32], y: &[f32]) -> f64 {
    let n = x.len().max(1) as f64;
    let cx = x.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let cy = y.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let squares: f64 = x.iter().zip(y).map(|(&a, &b)| (f64::from(a) - cx).powi(2) + (f64::from(b) - cy).powi(2)).sum();
    (squares / n).sqrt()
}

/// Mean position of the nodes flagged in `which`, or the origin if none is.
fn centroid(x: &[f32], y: &[f32], which: &[bool]) -> (f64, f64) {
    let (mut sx, mut sy, mut count) = (0.0f64, 0.0f64, 0usize);
    for i in 0..x.len() {
        if which[i] {
            sx += f64::from(x[i]);
            sy += f64::from(y[i]);
            count += 1;
        }
    }
    if count == 0 { (0.0, 0.0) } else { (sx / count as f64, sy / count as f64) }
}
