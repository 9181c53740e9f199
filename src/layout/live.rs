//! [`LiveLayout`]: a [`GraphLayout`] whose engine runs on its own thread, continuously while it
//! moves, so the layout goes at the engine's speed rather than the window's frame rate.
//!
//! The window reads a [`LayoutView`], a copy of the newest published positions that it refreshes
//! each frame without waiting (the worker publishes after every iteration). Changes (a drag, a
//! pin, new radii, label boxes) go to the worker as messages and show in the view at once; a
//! published frame that predates a change is not taken, so a dragged node never jumps back.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use petgraph::stable_graph::NodeIndex;

use super::engine::{LabelRoom, LayoutEngine, LayoutState};
use super::graph_layout::GraphLayout;
use super::params::LayoutParams;
use crate::model::KnowledgeGraph;

/// Called (from the worker thread) when new positions are published: the window asks for a
/// repaint.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A change for the engine, applied by the worker between iterations.
#[derive(Clone, Debug)]
enum Change {
    Position(usize, [f32; 2]),
    Pinned(usize, bool),
    Reheat,
    SettleOnly(Vec<usize>),
    Stop,
    LabelRoom(Option<LabelRoom>),
    Radii(Vec<f32>),
}

/// What the window sends the worker.
#[derive(Default)]
struct Control {
    changes: Vec<Change>,
    /// Changes sent so far (the last one's number).
    sent: u64,
    paused: bool,
    stop: bool,
}

/// The newest positions the worker published.
#[derive(Default)]
struct Published {
    xs: Vec<f32>,
    ys: Vec<f32>,
    state: Option<LayoutState>,
    iteration: u64,
    /// The number of the last change applied before these positions were computed.
    applied: u64,
    /// Counts publications.
    serial: u64,
}

struct Shared {
    control: Mutex<Control>,
    wake: Condvar,
    engine: Mutex<LayoutEngine>,
    published: Mutex<Published>,
    waker: Mutex<Option<Waker>>,
}

/// Locks a mutex, going on with its data if a thread panicked while holding it (the data is
/// plain positions and flags, valid at any point).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The window's copy of the layout: the newest positions, plus the flags and sizes the window
/// itself sets. Read-only methods mirror [`LayoutEngine`]'s.
#[derive(Clone, Debug)]
pub struct LayoutView {
    xs: Vec<f32>,
    ys: Vec<f32>,
    radius: Vec<f32>,
    pinned: Vec<bool>,
    state: LayoutState,
    full_run: bool,
    iteration: u64,
    params: LayoutParams,
    serial: u64,
    sent: u64,
    /// The last change the shown positions include.
    applied: u64,
}

impl LayoutView {
    fn of(engine: &LayoutEngine) -> Self {
        let n = engine.node_count();
        Self {
            xs: engine.xs().to_vec(),
            ys: engine.ys().to_vec(),
            radius: engine.radii().to_vec(),
            pinned: (0..n).map(|i| engine.is_pinned(i)).collect(),
            state: engine.state(),
            full_run: engine.is_full_run(),
            iteration: engine.iteration(),
            params: engine.params().clone(),
            serial: 0,
            sent: 0,
            applied: 0,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.xs.len()
    }

    /// Position of node `i` (the origin for a node that does not exist).
    pub fn position(&self, i: usize) -> [f32; 2] {
        [self.xs.get(i).copied().unwrap_or(0.0), self.ys.get(i).copied().unwrap_or(0.0)]
    }

    /// Every node's x.
    pub fn xs(&self) -> &[f32] {
        &self.xs
    }

    /// Every node's y.
    pub fn ys(&self) -> &[f32] {
        &self.ys
    }

    /// Every node's disc radius in layout units.
    pub fn radii(&self) -> &[f32] {
        &self.radius
    }

    /// The disc radius of node `i` (0 for a node that does not exist).
    pub fn radius(&self, i: usize) -> f32 {
        self.radius.get(i).copied().unwrap_or(0.0)
    }

    /// Whether node `i` is pinned.
    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    /// Running or settled, as last published (or as just asked: a reheat runs at once).
    pub fn state(&self) -> LayoutState {
        self.state
    }

    /// Whether the current (or last) run moves every free node (a fresh layout, a re-run), not
    /// only new actors or a dragged actor's neighbours.
    pub fn is_full_run(&self) -> bool {
        self.full_run
    }

    /// Iterations done, as last published.
    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// The engine's parameters.
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Changes whenever new positions are taken from the worker, so a view can tell that the
    /// picture moved (also without the layout running: overlaps removed, room made for labels).
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Whether the shown positions include every change sent to the worker.
    pub fn is_up_to_date(&self) -> bool {
        self.applied >= self.sent
    }
}

/// A graph's layout, running on a worker thread. Dropping it stops the worker.
pub struct LiveLayout {
    nodes: Vec<NodeIndex>,
    dense: Vec<u32>,
    view: LayoutView,
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl LiveLayout {
    /// Builds the layout of `graph` (see [`GraphLayout::new`]) and starts its worker thread.
    pub fn new(graph: &KnowledgeGraph, params: LayoutParams, seed: u64) -> Self {
        Self::start(GraphLayout::new(graph, params, seed))
    }

    /// Starts a worker for an existing layout.
    pub fn start(layout: GraphLayout) -> Self {
        let (engine, nodes, dense) = layout.into_parts();
        let view = LayoutView::of(&engine);
        let shared = Arc::new(Shared {
            control: Mutex::new(Control::default()),
            wake: Condvar::new(),
            engine: Mutex::new(engine),
            published: Mutex::new(Published::default()),
            waker: Mutex::new(None),
        });
        let worker_shared = Arc::clone(&shared);
        let worker =
            std::thread::Builder::new().name("kgx layout".to_owned()).spawn(move || run_worker(&worker_shared)).ok();
        Self { nodes, dense, view, shared, worker }
    }

    /// The window's copy: newest positions, flags, sizes.
    pub fn engine(&self) -> &LayoutView {
        &self.view
    }

    /// The actor storage index of engine node `i`.
    pub fn node_index(&self, i: usize) -> Option<NodeIndex> {
        self.nodes.get(i).copied()
    }

    /// The engine node of an actor, if it was in the graph when the layout was built.
    pub fn engine_node(&self, node: NodeIndex) -> Option<usize> {
        self.dense.get(node.index()).filter(|d| **d != u32::MAX).map(|d| *d as usize)
    }

    /// Writes every node's position (and pinned flag) as shown into the graph's actors.
    pub fn write_positions(&self, graph: &mut KnowledgeGraph) {
        for (i, node) in self.nodes.iter().enumerate() {
            if let Some(actor) = graph.actor_at_mut(*node) {
                actor.position = Some(self.view.position(i));
                actor.pinned = self.view.is_pinned(i);
            }
        }
    }

    /// Asks for `waker` to be called whenever new positions are published.
    pub fn set_waker(&self, waker: Waker) {
        *lock(&self.shared.waker) = Some(waker);
    }

    /// Whether a waker is set.
    pub fn has_waker(&self) -> bool {
        lock(&self.shared.waker).is_some()
    }

    /// Takes the newest published positions, if any arrived that include every change sent.
    /// Never waits for the worker. Returns whether the layout is moving.
    pub fn refresh(&mut self) -> bool {
        if let Ok(published) = self.shared.published.try_lock()
            && published.serial != self.view.serial
            && published.applied >= self.view.sent
            && published.xs.len() == self.view.xs.len()
        {
            self.view.xs.copy_from_slice(&published.xs);
            self.view.ys.copy_from_slice(&published.ys);
            self.view.iteration = published.iteration;
            self.view.applied = published.applied;
            if let Some(state) = published.state {
                self.view.state = state;
            }
            self.view.serial = published.serial;
        }
        self.view.state == LayoutState::Running
    }

    /// Pauses (true) or resumes the worker; the view keeps its positions while paused.
    pub fn set_paused(&self, paused: bool) {
        lock(&self.shared.control).paused = paused;
        self.shared.wake.notify_all();
    }

    fn send(&mut self, change: Change) {
        let mut control = lock(&self.shared.control);
        control.changes.push(change);
        control.sent += 1;
        self.view.sent = control.sent;
        drop(control);
        self.shared.wake.notify_all();
    }

    /// Moves node `i` (ignored for a node that does not exist).
    pub fn set_position(&mut self, i: usize, position: [f32; 2]) {
        if i < self.view.node_count() {
            self.view.xs[i] = position[0];
            self.view.ys[i] = position[1];
            self.send(Change::Position(i, position));
        }
    }

    /// Pins or releases node `i`.
    pub fn set_pinned(&mut self, i: usize, pinned: bool) {
        if let Some(slot) = self.view.pinned.get_mut(i) {
            *slot = pinned;
            self.send(Change::Pinned(i, pinned));
        }
    }

    /// Runs the whole layout again from the current picture (see [`LayoutEngine::reheat`]).
    pub fn reheat(&mut self) {
        self.view.state = LayoutState::Running;
        self.view.full_run = true;
        self.send(Change::Reheat);
    }

    /// Runs the layout for `free` nodes only, holding every other (see
    /// [`LayoutEngine::settle_only`]).
    pub fn settle_only(&mut self, free: Vec<usize>) {
        if free.iter().any(|&i| i < self.view.node_count() && !self.view.is_pinned(i)) {
            self.view.state = LayoutState::Running;
        }
        self.view.full_run = false;
        self.send(Change::SettleOnly(free));
    }

    /// Stops the layout where it is.
    pub fn stop(&mut self) {
        self.view.state = LayoutState::Settled;
        self.view.full_run = false;
        self.send(Change::Stop);
    }

    /// Sets what a full run makes room for as it ends (see [`LayoutEngine::set_label_room`]).
    pub fn set_label_room(&mut self, room: Option<LabelRoom>) {
        self.send(Change::LabelRoom(room));
    }

    /// Sets every node's disc radius (see [`LayoutEngine::set_radii`]).
    pub fn set_radii(&mut self, radii: &[f32]) {
        if radii.len() == self.view.radius.len() && radii.iter().all(|r| r.is_finite() && *r > 0.0) {
            self.view.radius.copy_from_slice(radii);
            self.send(Change::Radii(radii.to_vec()));
        }
    }

    /// Runs the layout to rest now, on this thread (tests, benchmarks, a first picture), and
    /// takes the result into the view.
    pub fn settle_now(&mut self) {
        let changes = {
            let mut control = lock(&self.shared.control);
            (std::mem::take(&mut control.changes), control.sent)
        };
        let mut engine = lock(&self.shared.engine);
        for change in changes.0 {
            apply(&mut engine, change);
        }
        engine.run_until_settled();
        publish(&self.shared, &engine, changes.1);
        drop(engine);
        self.refresh();
    }
}

impl Drop for LiveLayout {
    fn drop(&mut self) {
        lock(&self.shared.control).stop = true;
        self.shared.wake.notify_all();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn apply(engine: &mut LayoutEngine, change: Change) {
    match change {
        Change::Position(i, p) if i < engine.node_count() => engine.set_position(i, p),
        Change::Pinned(i, pinned) if i < engine.node_count() => engine.set_pinned(i, pinned),
        Change::Reheat => engine.reheat(),
        Change::SettleOnly(free) => engine.settle_only(&free),
        Change::Stop => engine.stop(),
        Change::LabelRoom(room) => engine.set_label_room(room),
        Change::Radii(radii) => engine.set_radii(&radii),
        Change::Position(..) | Change::Pinned(..) => {}
    }
}

fn publish(shared: &Shared, engine: &LayoutEngine, applied: u64) {
    {
        let mut published = lock(&shared.published);
        published.xs.clear();
        published.xs.extend_from_slice(engine.xs());
        published.ys.clear();
        published.ys.extend_from_slice(engine.ys());
        published.state = Some(engine.state());
        published.iteration = engine.iteration();
        published.applied = applied;
        published.serial += 1;
    }
    let waker = lock(&shared.waker).clone();
    if let Some(waker) = waker {
        waker();
    }
}

/// The worker: applies changes, steps while the layout runs (one iteration at a time, so changes
/// are taken between iterations), publishes after each, and sleeps while settled or paused.
fn run_worker(shared: &Shared) {
    let mut running = lock(&shared.engine).state() == LayoutState::Running;
    loop {
        let (changes, sent) = {
            let mut control = lock(&shared.control);
            loop {
                if control.stop {
                    return;
                }
                if !control.changes.is_empty() || (running && !control.paused) {
                    break;
                }
                control = shared.wake.wait(control).unwrap_or_else(PoisonError::into_inner);
            }
            let paused = control.paused;
            (std::mem::take(&mut control.changes), (control.sent, paused))
        };
        let (sent, paused) = sent;
        let mut engine = lock(&shared.engine);
        let changed = !changes.is_empty();
        for change in changes {
            apply(&mut engine, change);
        }
        if engine.state() == LayoutState::Running && !paused {
            engine.step();
        }
        running = engine.state() == LayoutState::Running;
        if changed || !paused {
            publish(shared, &engine, sent);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::generate::{barabasi_albert, to_knowledge_graph};

    fn graph() -> KnowledgeGraph {
        to_knowledge_graph(&barabasi_albert(300, 3, 7), "t", 7)
    }

    fn wait_until_settled(layout: &mut LiveLayout) {
        let started = std::time::Instant::now();
        while layout.refresh() || layout.engine().state() != LayoutState::Settled {
            assert!(started.elapsed().as_secs() < 60, "the layout never settled");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }

    #[test]
    fn the_worker_settles_on_its_own_to_the_engines_picture() {
        let mut live = LiveLayout::new(&graph(), LayoutParams::default(), 42);
        assert_eq!(live.engine().state(), LayoutState::Running);
        wait_until_settled(&mut live);
        let mut alone = GraphLayout::new(&graph(), LayoutParams::default(), 42);
        alone.engine_mut().run_until_settled();
        assert_eq!(live.engine().xs(), alone.engine().xs(), "same input, same positions");
        assert_eq!(live.engine().iteration(), alone.engine().iteration());
    }

    #[test]
    fn a_change_shows_at_once_and_is_never_undone_by_an_older_frame() {
        let mut live = LiveLayout::new(&graph(), LayoutParams::default(), 42);
        live.settle_now();
        live.set_pinned(5, true);
        live.set_position(5, [1234.0, -56.0]);
        assert_eq!(live.engine().position(5), [1234.0, -56.0], "the view shows the change at once");
        live.reheat();
        wait_until_settled(&mut live);
        assert_eq!(live.engine().position(5), [1234.0, -56.0], "a pinned node stays where it was put");
        assert!(live.engine().is_pinned(5));
    }

    #[test]
    fn a_paused_layout_does_not_move() {
        let mut live = LiveLayout::new(&graph(), LayoutParams::default(), 42);
        live.set_paused(true);
        std::thread::sleep(std::time::Duration::from_millis(50));
        live.refresh();
        let at = live.engine().iteration();
        std::thread::sleep(std::time::Duration::from_millis(50));
        live.refresh();
        assert_eq!(live.engine().iteration(), at);
        live.set_paused(false);
        wait_until_settled(&mut live);
        assert!(live.engine().iteration() > at);
    }
}
