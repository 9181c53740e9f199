//! [`Document`]: one open graph with its file, undo history, live layout and drawing scene, kept
//! in step with each other.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::{Edit, History};
use crate::io::{FileStamp, SaveError, save_file};
use crate::layout::{GraphLayout, LayoutParams, LayoutState, LiveLayout};
use crate::model::{ActorId, KnowledgeGraph, ModelError};
use crate::state::scene::Scene;

pub use crate::layout::LAYOUT_SEED;

/// A revision number never used before in this process, so a cache keyed by revision can never
/// mistake one document for another.
fn next_revision() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// A node drag under way: what to put back if it is cancelled.
#[derive(Clone, Debug)]
struct DragSession {
    actor: ActorId,
    origin: [f32; 2],
    was_pinned: bool,
    /// The dragged actor's neighbours (engine nodes), which follow it.
    followers: Vec<usize>,
    /// The graph's structure version then: engine nodes mean the same actors while it holds.
    structure: u64,
}

/// Where the moves the layout makes are recorded, until the next change.
///
/// The graph holds the picture as last recorded; the layout holds the picture on screen. What
/// differs between them are moves not yet recorded, and [`Document::capture_positions`] records
/// them here.
#[derive(Clone, Debug, PartialEq)]
enum Motion {
    /// Written into the graph without an undo step: the first picture of a document.
    Unrecorded,
    /// Into the history step with this revision, as part of it: new actors finding their place
    /// after the edit that added them, neighbours following a drag, a re-run layout.
    Step(u64),
    /// Into a new step of its own with this description (a re-run layout); `Step` once made.
    NewStep(String),
}

/// An open graph and everything derived from it.
pub struct Document {
    /// The graph. Change it only through [`Document::apply`], undo and redo.
    pub graph: std::sync::Arc<KnowledgeGraph>,
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
    /// Where the layout's moves are recorded.
    motion: Motion,
    /// What a full run makes room for as it ends (label sizes on screen and the viewport), kept
    /// to give every new layout.
    label_room: Option<crate::layout::LabelRoom>,
    /// When the layout last started moving, and how long its last run took to settle.
    layout_started: Option<std::time::Instant>,
    last_settle: Option<std::time::Duration>,
    layout_structure: u64,
    /// The layout's picture (its serial) last recorded at rest.
    recorded_serial: u64,
    /// Actors added by hand since the document was last saved (their ids are still placeholders
    /// like `new-actor` and follow their name until the file holds them).
    unsaved_new: std::collections::HashSet<ActorId>,
    /// The knowledge base the graph was opened from or last published to (never saved to
    /// files; credentials stay in the environment).
    pub origin: Option<crate::state::kb::KbOrigin>,
}

impl Document {
    /// Opens `graph` (from `path`, if any): builds its layout (saved positions are kept) and scene,
    /// and stamps the file so later changes by other programs are noticed.
    pub fn new(graph: KnowledgeGraph, path: Option<PathBuf>) -> Self {
        let disk = path.as_deref().and_then(|p| FileStamp::read(p).ok());
        Self::with_stamp(graph, path, disk)
    }

    /// A document for `graph` read from `path`, whose file was stamped `disk` while it was read
    /// (so the file is not read again to stamp it).
    pub fn with_stamp(graph: KnowledgeGraph, path: Option<PathBuf>, disk: Option<FileStamp>) -> Self {
        let layout = LiveLayout::new(&graph, LayoutParams::with_settings(&graph.metadata.force), LAYOUT_SEED);
        let scene = Scene::build(&graph, &layout);
        let layout_structure = graph.structure_version();
        Self {
            graph: std::sync::Arc::new(graph),
            path,
            history: History::new(),
            layout,
            scene,
            layout_paused: false,
            untitled_name: "Untitled".to_owned(),
            revision: next_revision(),
            disk,
            drag: None,
            motion: Motion::Unrecorded,
            label_room: None,
            layout_started: None,
            last_settle: None,
            layout_structure,
            recorded_serial: 0,
            unsaved_new: std::collections::HashSet::new(),
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

    /// Applies an edit through the history and brings layout and scene up to date. Nothing the
    /// edit did not touch moves: new actors without a position are placed near their neighbours
    /// and only they settle (with [`Metadata::auto_layout`](crate::model::Metadata) on, the whole
    /// layout reflows instead); their moves become part of the edit's undo step. A drag under way
    /// is cancelled first.
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply(&mut self, edit: Edit, coalesce: Option<&str>) -> Result<(), ModelError> {
        self.begin_change();
        let result = self.history.apply(std::sync::Arc::make_mut(&mut self.graph), edit, coalesce);
        self.sync_after_edit();
        result
    }

    /// As [`Document::apply`], with the undo step named `description` ("change force settings").
    ///
    /// # Errors
    /// As [`Document::apply`].
    pub fn apply_named(&mut self, edit: Edit, description: &str) -> Result<(), ModelError> {
        self.begin_change();
        let result = self.history.apply_named(std::sync::Arc::make_mut(&mut self.graph), edit, description);
        self.sync_after_edit();
        result
    }

    /// Applies an edit of content (label, kind, attributes, pin …) made from a copy of an actor
    /// taken earlier: any position in it is replaced by where the actor is now, so the edit never
    /// moves an actor back to where the layout had it when the copy was taken.
    ///
    /// # Errors
    /// As [`Document::apply`].
    pub fn apply_content_edit(&mut self, mut edit: Edit, coalesce: Option<&str>) -> Result<(), ModelError> {
        self.begin_change();
        keep_current_positions(&self.graph, &mut edit);
        let result = self.history.apply(std::sync::Arc::make_mut(&mut self.graph), edit, coalesce);
        self.sync_after_edit();
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

    /// As [`Document::reload`], with `path` (where `graph` was read) as the document's file.
    ///
    /// # Errors
    /// As [`Document::apply`].
    pub fn reload_from(&mut self, graph: KnowledgeGraph, path: &Path) -> Result<(), ModelError> {
        self.path = Some(path.to_owned());
        self.reload(graph)
    }

    /// Undoes the last step; returns its description. The picture goes back to what it was
    /// before the step, moves the layout made after it included, and nothing else moves.
    ///
    /// # Errors
    /// The step could not be undone (see [`History::undo`]).
    pub fn undo(&mut self) -> Result<Option<String>, ModelError> {
        self.begin_change();
        let result = self.history.undo(std::sync::Arc::make_mut(&mut self.graph));
        self.sync_restored();
        result
    }

    /// Redoes the last undone step; returns its description. The picture becomes the one the
    /// step left, moves the layout made after it included.
    ///
    /// # Errors
    /// As [`Document::undo`].
    pub fn redo(&mut self) -> Result<Option<String>, ModelError> {
        self.begin_change();
        let result = self.history.redo(std::sync::Arc::make_mut(&mut self.graph));
        self.sync_restored();
        result
    }

    /// Lays the graph out again as one undoable step: from the picture on screen (`fresh` false:
    /// the layout refines what is there) or from scratch (`fresh`: as if no actor had a place;
    /// pinned actors keep theirs). Undo puts the picture back.
    pub fn rerun_layout(&mut self, fresh: bool) {
        self.begin_change();
        self.layout_paused = false;
        if fresh {
            let params = self.layout_params();
            self.start_layout(LiveLayout::start(GraphLayout::fresh(&self.graph, params, LAYOUT_SEED)));
        } else {
            self.layout.set_paused(false);
            self.layout.reheat();
        }
        let what = if fresh { "lay out from scratch" } else { "re-run layout" };
        self.motion = Motion::NewStep(what.to_owned());
    }

    /// Puts the actors where a layout beyond force placed them (`moves`: new positions by id;
    /// actors gone or pinned since are skipped), as one undoable step named `description`. The
    /// force layout stops and the picture is left alone afterwards: automatic layout is turned
    /// off in the same step (undo turns it back on). Undo puts the previous picture back.
    /// Returns how many actors moved. O(n).
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn arrange(&mut self, moves: &[(ActorId, [f32; 2])], description: &str) -> Result<usize, ModelError> {
        self.begin_change();
        self.layout.stop();
        let moves: Vec<(ActorId, Option<[f32; 2]>)> = moves
            .iter()
            .filter(|(id, to)| self.graph.actor(id).is_some_and(|a| !a.pinned && a.position != Some(*to)))
            .map(|(id, to)| (id.clone(), Some(*to)))
            .collect();
        let moved = moves.len();
        if moved == 0 && !self.graph.metadata.auto_layout {
            return Ok(0);
        }
        let mut edits = vec![Edit::SetPositions(moves)];
        if self.graph.metadata.auto_layout {
            let metadata = crate::model::Metadata { auto_layout: false, ..self.graph.metadata.clone() };
            edits.push(Edit::SetMetadata(metadata));
        }
        let result =
            self.history.apply_named(std::sync::Arc::make_mut(&mut self.graph), Edit::Batch(edits), description);
        self.sync_restored();
        result.map(|()| moved)
    }

    /// Records the layout's moves since the last change in the document (see [`Motion`]): into
    /// the step that caused them, or, for the first picture of a document, directly. Saves,
    /// exports and edits start from what is on screen; a drag under way is left out until it
    /// ends. O(n).
    pub fn capture_positions(&mut self) {
        // A drag under way is recorded as one step when it ends (or put back if cancelled).
        if self.drag.is_some() {
            return;
        }
        // Which actors the layout moved, by index (no ids, no lookups: at a million actors this
        // runs in the frame that saves).
        let engine = self.layout.engine();
        let moved: Vec<(petgraph::stable_graph::NodeIndex, [f32; 2])> = (0..engine.node_count())
            .filter_map(|i| {
                let node = self.layout.node_index(i)?;
                let now = engine.position(i);
                (self.graph.actor_at(node)?.position != Some(now)).then_some((node, now))
            })
            .collect();
        if moved.is_empty() {
            return;
        }
        let graph = std::sync::Arc::make_mut(&mut self.graph);
        let recording = match &self.motion {
            Motion::Unrecorded => None,
            Motion::Step(revision) => Some(Ok(*revision)),
            Motion::NewStep(description) => Some(Err(description.clone())),
        };
        let Some(recording) = recording else {
            // The first picture of a document: written, not recorded.
            for (node, now) in moved {
                if let Some(actor) = graph.actor_at_mut(node) {
                    actor.position = Some(now);
                }
            }
            return;
        };
        // Written by index; the step keeps where they were, by id.
        let mut previous = Vec::with_capacity(moved.len());
        for (node, now) in moved {
            if let Some(actor) = graph.actor_at_mut(node) {
                previous.push((actor.id().clone(), actor.position.replace(now)));
            }
        }
        let inverse = Edit::SetPositions(previous);
        match recording {
            // Not the newest step any more: the picture simply is so.
            Ok(revision) => _ = self.history.amend_applied(revision, inverse),
            Err(description) => {
                self.history.push_applied(inverse, &description);
                if let Some(revision) = self.history.top_revision() {
                    self.motion = Motion::Step(revision);
                }
            }
        }
    }

    /// Before any change: a drag under way is cancelled, the layout's moves so far are recorded
    /// where they belong, and a local run (new actors settling, neighbours following) stops
    /// where it is, so it never moves anything on behalf of a step that is no longer the newest.
    /// A full run (a fresh layout, a re-run) goes on, unrecorded.
    fn begin_change(&mut self) {
        self.cancel_drag();
        self.capture_positions();
        if self.layout.engine().state() == LayoutState::Running && !self.layout.engine().is_full_run() {
            self.layout.stop();
        }
        self.motion = Motion::Unrecorded;
    }

    /// After an edit: a new layout if actors or cooperations came or went (keeping every
    /// position; new actors settle, the rest held — or the whole layout reflows with automatic
    /// layout on), else moved or (un)pinned actors carried into the layout; a new scene. The
    /// layout's moves from here belong to the edit's step.
    fn sync_after_edit(&mut self) {
        if self.graph.structure_version() != self.layout_structure || self.force_settings_changed() {
            let params = self.layout_params();
            self.start_layout(LiveLayout::new(&self.graph, params, LAYOUT_SEED));
            if self.graph.metadata.auto_layout {
                self.layout.reheat();
            }
        } else {
            self.push_positions_into_layout();
        }
        if self.layout.engine().state() == LayoutState::Running
            && let Some(revision) = self.history.top_revision()
        {
            self.motion = Motion::Step(revision);
        }
        self.rebuild_scene();
    }

    /// After undo or redo: the graph holds the picture of that state; the layout shows it as it
    /// is, without moving.
    fn sync_restored(&mut self) {
        if self.graph.structure_version() != self.layout_structure || self.force_settings_changed() {
            let params = self.layout_params();
            self.start_layout(LiveLayout::new(&self.graph, params, LAYOUT_SEED));
        } else {
            self.push_positions_into_layout();
        }
        self.rebuild_scene();
    }

    /// Whether the document's force settings differ from those the layout runs with (an edit,
    /// undo or redo changed them).
    fn force_settings_changed(&self) -> bool {
        self.layout.engine().params().settings() != self.graph.metadata.force
    }

    /// The layout's parameters: those it runs with, with the document's force settings.
    fn layout_params(&self) -> LayoutParams {
        let settings = self.graph.metadata.force;
        LayoutParams {
            scaling_ratio: settings.scaling,
            gravity: settings.gravity,
            lin_log: settings.lin_log,
            prevent_overlap: settings.prevent_overlap,
            ..self.layout.engine().params().clone()
        }
    }

    /// Replaces the layout (a new structure, or a fresh start), keeping the pause, the label
    /// room and the structure it was built for.
    fn start_layout(&mut self, layout: LiveLayout) {
        // The old layout's thread finishes its iteration before it stops (a second or more at a
        // million actors): it is let go on a worker, not waited for here.
        crate::state::job::drop_in_background(std::mem::replace(&mut self.layout, layout));
        self.layout.set_paused(self.layout_paused);
        if let Some(room) = &self.label_room {
            self.layout.set_label_room(Some(room.clone()));
        }
        self.layout_structure = self.graph.structure_version();
        self.recorded_serial = u64::MAX;
    }

    /// Carries positions and pins that the graph has and the layout does not show into it.
    fn push_positions_into_layout(&mut self) {
        for i in 0..self.layout.engine().node_count() {
            let Some(actor) = self.layout.node_index(i).and_then(|n| self.graph.actor_at(n)) else { continue };
            let (position, pinned) = (actor.position, actor.pinned);
            if let Some(p) = position
                && p != self.layout.engine().position(i)
            {
                self.layout.set_position(i, p);
            }
            if pinned != self.layout.engine().is_pinned(i) {
                self.layout.set_pinned(i, pinned);
            }
        }
    }

    fn rebuild_scene(&mut self) {
        self.scene = Scene::build(&self.graph, &self.layout);
        self.revision = next_revision();
    }

    /// Takes the newest positions from the layout thread (never waits for it). Returns whether
    /// the layout is still moving. When it settles, its moves are recorded.
    pub fn refresh_layout(&mut self) -> bool {
        let running = self.layout.refresh();
        if running && self.layout_started.is_none() {
            self.layout_started = Some(std::time::Instant::now());
        }
        // At rest with positions not seen at rest before: record them (once per picture).
        let serial = self.layout.engine().serial();
        if !running && self.layout.engine().is_up_to_date() && serial != self.recorded_serial {
            self.recorded_serial = serial;
            self.capture_positions();
            if let Some(started) = self.layout_started.take() {
                self.last_settle = Some(started.elapsed());
            }
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

    /// Sets what a full run makes room for as it ends: each label's size on screen (by engine
    /// node) and the viewport the picture is fitted to. A picture the user has is never moved for
    /// it; labels that do not fit are placed around their nodes instead.
    pub fn set_label_room(&mut self, room: crate::layout::LabelRoom) {
        if self.label_room.as_ref() != Some(&room) {
            self.layout.set_label_room(Some(room.clone()));
            self.label_room = Some(room);
        }
    }

    /// What a full run makes room for, as last set.
    pub fn label_room(&self) -> Option<&crate::layout::LabelRoom> {
        self.label_room.as_ref()
    }

    /// Gives the layout the drawn disc sizes (by degree, by a metric, or the actors' own), which
    /// its next run keeps apart. Nothing moves now. Returns whether anything changed.
    pub fn set_node_radii(&mut self, radii: &[f32]) -> bool {
        if self.layout.engine().radii() == radii {
            return false;
        }
        self.layout.set_radii(radii);
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

    /// Remembers that `actor` was just added by hand: until the document is saved, its id follows
    /// its name (see [`Document::name_new_actor`]).
    pub fn note_new_actor(&mut self, actor: ActorId) {
        self.unsaved_new.insert(actor);
    }

    /// Gives an actor added by hand since the last save an id made from its name ("World Bank"
    /// → `world-bank`), as part of the undo step that named it (`coalesce`: that step's key).
    /// Returns the new id, or `None` when nothing changed (not such an actor, or its name makes
    /// no id, or the id already fits).
    pub fn name_new_actor(&mut self, actor: &ActorId, coalesce: Option<&str>) -> Option<ActorId> {
        if !self.unsaved_new.contains(actor) {
            return None;
        }
        let slug = slug(&self.graph.actor(actor)?.label);
        let numbered = |id: &str| id.strip_prefix(&format!("{slug}-")).is_some_and(|n| n.parse::<u32>().is_ok());
        if slug.is_empty() || actor.as_str() == slug || numbered(actor.as_str()) {
            return None;
        }
        let to = self.graph.fresh_actor_id(&slug);
        self.apply(Edit::RenameActor { from: actor.clone(), to: to.clone() }, coalesce).ok()?;
        self.unsaved_new.remove(actor);
        self.unsaved_new.insert(to.clone());
        Some(to)
    }

    /// The actor being dragged, if a drag is under way.
    pub fn dragged_actor(&self) -> Option<&ActorId> {
        self.drag.as_ref().map(|d| &d.actor)
    }

    /// Starts dragging an actor: remembers where it is, to put it back if the drag is cancelled.
    /// Returns false (and starts nothing) if the actor is not in the graph.
    pub fn begin_drag(&mut self, actor: &ActorId) -> bool {
        self.begin_change();
        let Some(node) = self.engine_node_of(actor) else { return false };
        let engine = self.layout.engine();
        let followers = self.scene.neighbours(node).iter().map(|&j| j as usize).filter(|&j| j != node).collect();
        self.drag = Some(DragSession {
            actor: actor.clone(),
            origin: engine.position(node),
            was_pinned: engine.is_pinned(node),
            followers,
            structure: self.graph.structure_version(),
        });
        true
    }

    /// Moves the dragged actor; unless the layout is paused, its neighbours follow it (and
    /// nothing else moves). Ignored unless `actor` is the one being dragged.
    pub fn drag_to(&mut self, actor: &ActorId, to: [f32; 2]) {
        let Some(drag) = self.drag.as_ref().filter(|d| d.actor == *actor) else { return };
        let followers = drag.followers.clone();
        let Some(node) = self.engine_node_of(actor) else { return };
        self.layout.set_position(node, to);
        self.layout.set_pinned(node, true);
        if !self.layout_paused {
            self.layout.settle_only(followers);
        }
    }

    /// Abandons a drag under way: the actor goes back where it was, with its old pin, and so do
    /// the neighbours that followed it.
    pub fn cancel_drag(&mut self) {
        let Some(drag) = self.drag.take() else { return };
        if drag.structure != self.graph.structure_version() {
            return;
        }
        if let Some(node) = self.engine_node_of(&drag.actor) {
            self.layout.set_position(node, drag.origin);
            self.layout.set_pinned(node, drag.was_pinned);
        }
        if self.layout.engine().state() == LayoutState::Running {
            self.layout.stop();
        }
        // The graph still holds the picture from before the drag.
        self.push_positions_into_layout();
    }

    /// Ends a drag as one undoable edit: the actor is pinned where it was dropped, and the
    /// neighbours that followed it keep their new places; undo puts all of them back. The step
    /// holds only what moved. Does nothing unless `actor` is being dragged.
    ///
    /// # Errors
    /// The edit's error (not expected: a change to the graph cancels the drag first).
    pub fn end_drag(&mut self, actor: &ActorId) -> Result<(), ModelError> {
        let Some(drag) = self.drag.take_if(|d| d.actor == *actor) else { return Ok(()) };
        if drag.structure != self.graph.structure_version() {
            return Ok(());
        }
        let Some(node) = self.engine_node_of(&drag.actor) else { return Ok(()) };
        let target = self.layout.engine().position(node);
        let Some(mut moved) = self.graph.actor(&drag.actor).cloned() else { return Ok(()) };
        moved.position = Some(target);
        moved.pinned = true;
        // The followers' moves so far, and those still to come, join this step.
        let description = format!("move actor \"{}\"", moved.label);
        let result =
            self.history.apply_named(std::sync::Arc::make_mut(&mut self.graph), Edit::SetActor(moved), &description);
        if let Some(revision) = self.history.top_revision() {
            self.motion = Motion::Step(revision);
        }
        if self.layout.engine().state() != LayoutState::Running {
            self.capture_positions();
        }
        self.rebuild_scene();
        result
    }

    /// Saves to `path` (atomically) and makes it the document's file. Undo history is kept.
    ///
    /// # Errors
    /// [`SaveError`]; the document is then unchanged and still dirty.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        let snapshot = self.snapshot_for_save();
        save_file(&snapshot.graph, path)?;
        self.saved(path, snapshot.revision, FileStamp::read(path).ok());
        Ok(())
    }

    /// What a save writes: the graph as it is now, positions included, shared with the writer
    /// rather than copied (an edit made while it writes copies the graph then), and the revision
    /// it is. O(n) for the positions; no copy of the graph.
    pub fn snapshot_for_save(&mut self) -> SaveSnapshot {
        self.capture_positions();
        SaveSnapshot { graph: std::sync::Arc::clone(&self.graph), revision: self.history.revision() }
    }

    /// Records that `path` now holds the document as it was at `revision` (a
    /// [`SaveSnapshot`]'s), stamped `stamp` as the writer left it: it counts as saved unless it
    /// was edited since, and it is the document's file from now on. O(1): the stamp is taken
    /// where the file was written.
    pub fn saved(&mut self, path: &Path, revision: u64, stamp: Option<FileStamp>) {
        if self.history.revision() == revision {
            self.unsaved_new.clear();
        }
        self.path = Some(path.to_owned());
        self.history.mark_saved_at(revision);
        self.disk = stamp;
    }
}

/// The graph as a save writes it, and the document's revision it is.
#[derive(Clone, Debug)]
pub struct SaveSnapshot {
    /// The graph, positions included.
    pub graph: std::sync::Arc<KnowledgeGraph>,
    /// The history's revision at the time ([`History::revision`]).
    pub revision: u64,
}

/// An id made from a name: lower case letters and digits, words joined by "-", at most 48
/// characters ("World Health Organization (UN)" → `world-health-organization-un`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 48 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
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
