//! [`Document`]: one open graph with its file, undo history, live layout and drawing scene, kept
//! in step with each other.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::{Edit, History};
use crate::io::{FileStamp, SaveError, save_file};
use crate::layout::{LayoutParams, LayoutState, LiveLayout};
use crate::model::{ActorId, KnowledgeGraph, ModelError};
use crate::state::scene::Scene;

/// Seed of the layout's random placement: a file always opens to the same picture.
pub const LAYOUT_SEED: u64 = 42;

/// A revision number never used before in this process, so a cache keyed by revision can never
/// mistake one document for another.
fn next_revision() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// A node drag under way: what to put back if it is cancelled, and the picture before it.
#[derive(Clone, Debug)]
struct DragSession {
    actor: ActorId,
    origin: [f32; 2],
    was_pinned: bool,
    /// Every engine node's position when the drag began.
    picture: Vec<[f32; 2]>,
    /// The graph's structure version then: engine nodes mean the same actors while it holds.
    structure: u64,
}

/// An open graph and everything derived from it.
pub struct Document {
    /// The graph. Change it only through [`Document::apply`], undo and redo.
    pub graph: KnowledgeGraph,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// Undo and redo.
    pub history: History,
    /// The live layout, running on its own thread.
    pub layout: LiveLayout,
    /// What the canvas draws.
    pub scene: Scene,
    /// Whether the user paused the layout.
    layout_paused: bool,
    /// The name shown while there is no file ("Untitled").
    pub untitled_name: String,
    /// Changes whenever the graph changes (edit, undo, redo), and differs between documents, so
    /// views can cache what they derive from it.
    pub revision: u64,
    /// The file on disk as it was when opened or last saved (or acknowledged as changed).
    disk: Option<FileStamp>,
    drag: Option<DragSession>,
    /// When the layout last started moving, and how long its last run took to settle.
    layout_started: Option<std::time::Instant>,
    last_settle: Option<std::time::Duration>,
    layout_structure: u64,
    /// The knowledge base the graph was opened from or last published to (never saved to
    /// files; credentials stay in the environment).
    pub origin: Option<crate::state::kb::KbOrigin>,
}

impl Document {
    /// Opens `graph` (from `path`, if any): builds its layout (saved positions are kept) and scene,
    /// and stamps the file so later changes by other programs are noticed.
    pub fn new(graph: KnowledgeGraph, path: Option<PathBuf>) -> Self {
        let layout = LiveLayout::new(&graph, LayoutParams::default(), LAYOUT_SEED);
        let scene = Scene::build(&graph, &layout);
        let layout_structure = graph.structure_version();
        let disk = path.as_deref().and_then(|p| FileStamp::read(p).ok());
        Self {
            graph,
            path,
            history: History::new(),
            layout,
            scene,
            layout_paused: false,
            untitled_name: "Untitled".to_owned(),
            revision: next_revision(),
            disk,
            drag: None,
            layout_started: None,
            last_settle: None,
            layout_structure,
            origin: None,
        }
    }

    /// The file name, or [`Document::untitled_name`].
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| self.untitled_name.clone(), |n| n.to_string_lossy().into_owned())
    }

    /// Whether there are changes since the last save or open.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Whether the document's file was changed (or removed, or created) by someone else since it
    /// was opened, saved or the change acknowledged. Reads the file only if its size or time
    /// changed.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.disk) {
            (Some(path), Some(stamp)) => stamp.differs_from_disk(path),
            (Some(path), None) => path.exists(),
            (None, _) => false,
        }
    }

    /// Takes the file as it is now as the one this document knows ("keep mine").
    pub fn acknowledge_disk(&mut self) {
        self.disk = self.path.as_deref().and_then(|p| FileStamp::read(p).ok());
    }

    /// Applies an edit through the history and brings layout and scene up to date. A drag under
    /// way is cancelled first.
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply(&mut self, edit: Edit, coalesce: Option<&str>) -> Result<(), ModelError> {
        self.cancel_drag();
        self.capture_positions();
        let result = self.history.apply(&mut self.graph, edit, coalesce);
        self.sync(false);
        result
    }

    /// Applies an edit of content (label, kind, attributes, pin …) made from a copy of an actor
    /// taken earlier: any position in it is replaced by where the actor is now, so the edit never
    /// moves an actor back to where the layout had it when the copy was taken.
    ///
    /// # Errors
    /// As [`Document::apply`].
    pub fn apply_content_edit(&mut self, mut edit: Edit, coalesce: Option<&str>) -> Result<(), ModelError> {
        self.cancel_drag();
        self.capture_positions();
        keep_current_positions(&self.graph, &mut edit);
        let result = self.history.apply(&mut self.graph, edit, coalesce);
        self.sync(false);
        result
    }

    /// Replaces the graph with `graph` as read from the document's file again, as one undoable
    /// step, and takes the file as known.
    ///
    /// # Errors
    /// As [`Document::apply`].
    pub fn reload(&mut self, graph: KnowledgeGraph) -> Result<(), ModelError> {
        self.apply(Edit::ReplaceGraph(Box::new(graph)), None)?;
        self.acknowledge_disk();
        Ok(())
    }

    /// Undoes the last step; returns its description. Undoing a drag puts the whole picture back
    /// as it was, without waking the layout.
    ///
    /// # Errors
    /// The step could not be undone (see [`History::undo`]).
    pub fn undo(&mut self) -> Result<Option<String>, ModelError> {
        self.cancel_drag();
        self.capture_positions();
        let picture = self.history.next_undo().is_some_and(|edits| edits.iter().any(Edit::moves_picture));
        let result = self.history.undo(&mut self.graph);
        self.sync(picture);
        result
    }

    /// Redoes the last undone step; returns its description.
    ///
    /// # Errors
    /// As [`Document::undo`].
    pub fn redo(&mut self) -> Result<Option<String>, ModelError> {
        self.cancel_drag();
        self.capture_positions();
        let picture = self.history.next_redo().is_some_and(|edits| edits.iter().any(Edit::moves_picture));
        let result = self.history.redo(&mut self.graph);
        self.sync(picture);
        result
    }

    /// Copies the layout's current positions into the actors, so edits, saves and rebuilds start
    /// from what is on screen. Positions are view state mirrored into the document: this is not
    /// an edit.
    pub fn capture_positions(&mut self) {
        self.layout.write_positions(&mut self.graph);
    }

    /// After a change: rebuild the layout if actors or cooperations came or went (new actors are
    /// placed near their neighbours), else carry moved or (un)pinned actors into the engine;
    /// rebuild the scene. Moved actors wake the layout, unless a whole picture was restored.
    fn sync(&mut self, restoring_picture: bool) {
        if self.graph.structure_version() != self.layout_structure {
            let params = self.layout.engine().params().clone();
            self.layout = LiveLayout::new(&self.graph, params, LAYOUT_SEED);
            self.layout.set_paused(self.layout_paused);
            self.layout_structure = self.graph.structure_version();
            // Let the picture adapt to the new structure (it starts from the current positions).
            self.layout.reheat();
        } else {
            let mut moved = false;
            for i in 0..self.layout.engine().node_count() {
                let Some(actor) = self.layout.node_index(i).and_then(|n| self.graph.actor_at(n)) else { continue };
                let (position, pinned) = (actor.position, actor.pinned);
                if let Some(p) = position
                    && p != self.layout.engine().position(i)
                {
                    self.layout.set_position(i, p);
                    moved = true;
                }
                if pinned != self.layout.engine().is_pinned(i) {
                    self.layout.set_pinned(i, pinned);
                    moved = true;
                }
            }
            if moved && !restoring_picture {
                self.layout.reheat();
            }
        }
        self.scene = Scene::build(&self.graph, &self.layout);
        self.revision = next_revision();
    }

    /// Takes the newest positions from the layout thread (never waits for it). Returns whether
    /// the layout is still moving. When it settles, positions are captured.
    pub fn refresh_layout(&mut self) -> bool {
        let was_running = self.layout.engine().state() == LayoutState::Running;
        let running = self.layout.refresh();
        if running && self.layout_started.is_none() {
            self.layout_started = Some(std::time::Instant::now());
        }
        if was_running && !running {
            self.capture_positions();
            self.last_settle = self.layout_started.take().map(|t| t.elapsed());
        }
        running && !self.layout_paused
    }

    /// How long the layout's last run took to settle, as the window saw it.
    pub fn last_settle(&self) -> Option<std::time::Duration> {
        self.last_settle
    }

    /// Whether the user paused the layout.
    pub fn layout_paused(&self) -> bool {
        self.layout_paused
    }

    /// Pauses (true) or resumes the layout; a paused layout moves nothing.
    pub fn set_layout_paused(&mut self, paused: bool) {
        self.layout_paused = paused;
        self.layout.set_paused(paused);
    }

    /// Whether the layout is moving (running and not paused).
    pub fn layout_running(&self) -> bool {
        !self.layout_paused && self.layout.engine().state() == LayoutState::Running
    }

    /// Makes the layout keep room for labels of these sizes (layout units, by engine node); a
    /// resting layout makes it at once, a running one as it settles, a paused one once resumed.
    pub fn make_room_for_labels(&mut self, boxes: Vec<[f32; 2]>) {
        self.layout.set_label_boxes(Some(boxes));
        // A paused layout moves nothing; the room is made when it runs again.
        if self.layout.engine().state() == LayoutState::Settled && !self.layout_paused {
            self.layout.remove_overlaps();
        }
    }

    /// Gives the layout the drawn disc sizes (by degree or by a metric), so no two drawn discs
    /// overlap. Returns whether anything changed.
    pub fn set_node_radii(&mut self, radii: &[f32]) -> bool {
        if self.layout.engine().radii() == radii {
            return false;
        }
        self.layout.set_radii(radii);
        if self.layout.engine().state() == LayoutState::Settled && !self.layout_paused {
            self.layout.remove_overlaps();
        }
        true
    }

    /// The engine node of an actor, if it is in the graph.
    pub fn engine_node_of(&self, id: &ActorId) -> Option<usize> {
        self.graph.node_index(id).and_then(|n| self.layout.engine_node(n))
    }

    /// The actor drawn as engine node `node`, if any.
    pub fn actor_id_at(&self, node: usize) -> Option<&ActorId> {
        self.layout.node_index(node).and_then(|n| self.graph.actor_at(n)).map(|a| a.id())
    }

    /// The actor being dragged, if a drag is under way.
    pub fn dragged_actor(&self) -> Option<&ActorId> {
        self.drag.as_ref().map(|d| &d.actor)
    }

    /// Starts dragging an actor: remembers where it and every other actor are, to put them back on
    /// undo. Returns false (and starts nothing) if the actor is not in the graph.
    pub fn begin_drag(&mut self, actor: &ActorId) -> bool {
        self.cancel_drag();
        let Some(node) = self.engine_node_of(actor) else { return false };
        let engine = self.layout.engine();
        self.drag = Some(DragSession {
            actor: actor.clone(),
            origin: engine.position(node),
            was_pinned: engine.is_pinned(node),
            picture: (0..engine.node_count()).map(|i| engine.position(i)).collect(),
            structure: self.graph.structure_version(),
        });
        true
    }

    /// Moves the dragged actor and keeps the layout running around it. Ignored unless `actor` is
    /// the one being dragged.
    pub fn drag_to(&mut self, actor: &ActorId, to: [f32; 2]) {
        if self.dragged_actor() != Some(actor) {
            return;
        }
        let Some(node) = self.engine_node_of(actor) else { return };
        self.layout.set_position(node, to);
        self.layout.set_pinned(node, true);
        self.layout.reheat();
    }

    /// Abandons a drag under way: the actor goes back where it was, with its old pin. The others
    /// stay where the layout took them (nothing was recorded).
    pub fn cancel_drag(&mut self) {
        let Some(drag) = self.drag.take() else { return };
        if drag.structure != self.graph.structure_version() {
            return;
        }
        if let Some(node) = self.engine_node_of(&drag.actor) {
            self.layout.set_position(node, drag.origin);
            self.layout.set_pinned(node, drag.was_pinned);
        }
    }

    /// Ends a drag as one undoable edit: the actor is pinned where it was dropped, and every other
    /// actor keeps the place the layout gave it; undo puts the whole picture back as it was when
    /// the drag began. The edit holds every actor's position (O(n) in the history per drag).
    /// Does nothing unless `actor` is being dragged.
    ///
    /// # Errors
    /// The edit's error (not expected: a change to the graph cancels the drag first).
    pub fn end_drag(&mut self, actor: &ActorId) -> Result<(), ModelError> {
        let Some(drag) = self.drag.take_if(|d| d.actor == *actor) else { return Ok(()) };
        if drag.structure != self.graph.structure_version() {
            return Ok(());
        }
        let engine = self.layout.engine();
        let mut moves = Vec::new();
        // The graph is set to the picture before the drag, so the edit's inverse records it.
        // Every actor is in the edit, not only those moved so far: the layout keeps flowing
        // after the drop, and undo puts all of it back.
        for (i, before) in drag.picture.iter().enumerate() {
            let now = engine.position(i);
            let Some(actor) = self.layout.node_index(i).and_then(|n| self.graph.actor_at_mut(n)) else { continue };
            actor.position = Some(*before);
            actor.pinned = engine.is_pinned(i);
            if *actor.id() != drag.actor {
                moves.push((actor.id().clone(), Some(now)));
            }
        }
        let Some(node) = self.engine_node_of(&drag.actor) else { return Ok(()) };
        let target = self.layout.engine().position(node);
        let Some(dragged) = self.graph.actor_mut(&drag.actor) else { return Ok(()) };
        dragged.pinned = drag.was_pinned;
        let mut moved = dragged.clone();
        moved.position = Some(target);
        moved.pinned = true;
        let edit = Edit::Batch(vec![Edit::SetPositions(moves), Edit::SetActor(moved)]);
        let result = self.history.apply(&mut self.graph, edit, None);
        self.sync(false);
        result
    }

    /// Saves to `path` (atomically) and makes it the document's file. Undo history is kept.
    ///
    /// # Errors
    /// [`SaveError`]; the document is then unchanged and still dirty.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        self.capture_positions();
        save_file(&self.graph, path)?;
        self.path = Some(path.to_owned());
        self.history.mark_saved();
        self.acknowledge_disk();
        Ok(())
    }
}

/// Sets the position of every actor an edit replaces whole to where the actor is in `graph` now.
fn keep_current_positions(graph: &KnowledgeGraph, edit: &mut Edit) {
    match edit {
        Edit::SetActor(actor) => {
            if let Some(current) = graph.actor(actor.id()) {
                actor.position = current.position;
            }
        }
        Edit::Batch(edits) => edits.iter_mut().for_each(|e| keep_current_positions(graph, e)),
        _ => {}
    }
}
