//! [`Document`]: one open graph with its file, undo history, live layout and drawing scene, kept
//! in step with each other.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::edit::{Edit, History};
use crate::io::{SaveError, save_file};
use crate::layout::{GraphLayout, LayoutParams, LayoutState};
use crate::model::{KnowledgeGraph, ModelError};
use crate::ui::scene::Scene;

/// Seed of the layout's random placement: a file always opens to the same picture.
pub const LAYOUT_SEED: u64 = 42;

/// An open graph and everything derived from it.
pub struct Document {
    /// The graph. Change it only through [`Document::apply`], undo and redo.
    pub graph: KnowledgeGraph,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// Undo and redo.
    pub history: History,
    /// The live layout.
    pub layout: GraphLayout,
    /// What the canvas draws.
    pub scene: Scene,
    /// Whether the user paused the layout.
    pub layout_paused: bool,
    /// The name shown while there is no file ("Untitled").
    pub untitled_name: String,
    /// Changes whenever the graph changes (edit, undo, redo), so views can cache what they
    /// derive from it.
    pub revision: u64,
    layout_structure: u64,
}

impl Document {
    /// Opens `graph` (from `path`, if any): builds its layout (saved positions are kept) and scene.
    pub fn new(graph: KnowledgeGraph, path: Option<PathBuf>) -> Self {
        let layout = GraphLayout::new(&graph, LayoutParams::default(), LAYOUT_SEED);
        let scene = Scene::build(&graph, &layout);
        let layout_structure = graph.structure_version();
        Self {
            graph,
            path,
            history: History::new(),
            layout,
            scene,
            layout_paused: false,
            untitled_name: "Untitled".to_owned(),
            revision: 0,
            layout_structure,
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

    /// Applies an edit through the history and brings layout and scene up to date.
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply(&mut self, edit: Edit, coalesce: Option<&str>) -> Result<(), ModelError> {
        self.capture_positions();
        let result = self.history.apply(&mut self.graph, edit, coalesce);
        self.sync();
        result
    }

    /// Undoes the last step; returns its description.
    ///
    /// # Errors
    /// The step could not be undone (see [`History::undo`]).
    pub fn undo(&mut self) -> Result<Option<String>, ModelError> {
        self.capture_positions();
        let result = self.history.undo(&mut self.graph);
        self.sync();
        result
    }

    /// Redoes the last undone step; returns its description.
    ///
    /// # Errors
    /// As [`Document::undo`].
    pub fn redo(&mut self) -> Result<Option<String>, ModelError> {
        self.capture_positions();
        let result = self.history.redo(&mut self.graph);
        self.sync();
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
    /// rebuild the scene.
    fn sync(&mut self) {
        if self.graph.structure_version() != self.layout_structure {
            let params = self.layout.engine().params().clone();
            self.layout = GraphLayout::new(&self.graph, params, LAYOUT_SEED);
            self.layout_structure = self.graph.structure_version();
            // Let the picture adapt to the new structure (it starts from the current positions).
            self.layout.engine_mut().reheat();
        } else {
            let mut moved = false;
            for i in 0..self.layout.engine().node_count() {
                let Some(actor) = self.layout.node_index(i).and_then(|n| self.graph.actor_at(n)) else { continue };
                let (position, pinned) = (actor.position, actor.pinned);
                let engine = self.layout.engine_mut();
                if let Some(p) = position
                    && p != engine.position(i)
                {
                    engine.set_position(i, p);
                    moved = true;
                }
                if pinned != engine.is_pinned(i) {
                    engine.set_pinned(i, pinned);
                    moved = true;
                }
            }
            if moved {
                self.layout.engine_mut().reheat();
            }
        }
        self.scene = Scene::build(&self.graph, &self.layout);
        self.revision += 1;
    }

    /// Runs layout iterations for at most `budget` (at least one), unless paused or settled.
    /// Returns whether the layout is still moving. When it settles, positions are captured.
    pub fn step_layout(&mut self, budget: Duration) -> bool {
        if self.layout_paused || self.layout.engine().state() == LayoutState::Settled {
            return false;
        }
        let started = Instant::now();
        let engine = self.layout.engine_mut();
        while engine.step() == LayoutState::Running && started.elapsed() < budget {}
        let running = engine.state() == LayoutState::Running;
        if !running {
            self.capture_positions();
        }
        running
    }

    /// Whether the layout is moving (running and not paused).
    pub fn layout_running(&self) -> bool {
        !self.layout_paused && self.layout.engine().state() == LayoutState::Running
    }

    /// Moves a node while it is dragged and keeps the layout running around it.
    pub fn drag_node(&mut self, node: usize, to: [f32; 2]) {
        let engine = self.layout.engine_mut();
        engine.set_position(node, to);
        engine.set_pinned(node, true);
        engine.reheat();
    }

    /// Ends a node drag as one undoable edit: the actor moves to where the node now is and is
    /// pinned; undo returns it to `origin` with its old pin state.
    ///
    /// # Errors
    /// The node has no actor (it was deleted meanwhile).
    pub fn end_drag(&mut self, node: usize, origin: [f32; 2], was_pinned: bool) -> Result<(), ModelError> {
        let engine = self.layout.engine_mut();
        let target = engine.position(node);
        // Put the engine back as it was before the drag, so the edit's inverse records that.
        engine.set_position(node, origin);
        engine.set_pinned(node, was_pinned);
        let index = self.layout.node_index(node);
        let Some(mut actor) = index.and_then(|n| self.graph.actor_at(n)).cloned() else {
            return Err(ModelError::UnknownActor(crate::model::ActorId::new(format!("(layout node {node})"))));
        };
        actor.position = Some(target);
        actor.pinned = true;
        self.apply(Edit::SetActor(actor), None)
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
        Ok(())
    }
}
