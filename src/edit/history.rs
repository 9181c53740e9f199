//! [`History`]: undo and redo stacks of [`Edit`]s, with coalescing of related edits (typing into
//! one field) into one step, and tracking of the saved state.

use super::Edit;
use crate::model::{KnowledgeGraph, ModelError};

/// One undoable step: the edits that undo it, applied in order.
#[derive(Clone, Debug)]
struct Step {
    undo: Vec<Edit>,
    description: String,
    coalesce_key: Option<String>,
    revision: u64,
    /// About how many bytes its edits hold ([`Edit::weight`]).
    weight: usize,
}

/// How much memory the undo and redo stacks may hold together by default: the oldest steps are
/// forgotten beyond it (the newest step is always kept, however large).
pub const DEFAULT_BUDGET: usize = 512 * 1024 * 1024;

/// The undo and redo stacks of one document.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Coalescing is allowed onto the top step only until [`History::seal`] is called.
    sealed: bool,
    next_revision: u64,
    saved_revision: u64,
    /// The most bytes the steps may hold ([`DEFAULT_BUDGET`] unless set).
    budget: usize,
    /// Steps forgotten to keep to the budget.
    forgotten: usize,
    /// The revision of the state below the oldest undo step (0, the opened state, until steps
    /// are forgotten).
    floor_revision: u64,
}

impl Default for History {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            sealed: false,
            next_revision: 0,
            saved_revision: 0,
            budget: DEFAULT_BUDGET,
            forgotten: 0,
            floor_revision: 0,
        }
    }
}

impl History {
    /// An empty history whose current state counts as saved.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty history that keeps its steps within `bytes` (as [`Edit::weight`] counts).
    pub fn with_budget(bytes: usize) -> Self {
        Self { budget: bytes, ..Self::default() }
    }

    /// About how many bytes the undo and redo steps hold together.
    pub fn weight(&self) -> usize {
        self.undo.iter().chain(&self.redo).map(|s| s.weight).sum()
    }

    /// How many of the oldest steps were forgotten to keep to the budget.
    pub fn forgotten(&self) -> usize {
        self.forgotten
    }

    /// Forgets the oldest undo steps (then redo steps, farthest first) while the steps hold more
    /// than the budget; the newest undo step always stays. O(steps).
    fn keep_to_budget(&mut self) {
        let mut total = self.weight();
        let mut drop_undo = 0;
        while total > self.budget && drop_undo + 1 < self.undo.len() {
            total -= self.undo[drop_undo].weight;
            drop_undo += 1;
        }
        if drop_undo > 0 {
            // Undo now stops at the state the last forgotten step led to.
            self.floor_revision = self.undo[drop_undo - 1].revision;
            self.undo.drain(..drop_undo);
            self.forgotten += drop_undo;
        }
        // The redo stack's farthest step is its first.
        let mut drop_redo = 0;
        while total > self.budget && drop_redo < self.redo.len() {
            total -= self.redo[drop_redo].weight;
            drop_redo += 1;
        }
        if drop_redo > 0 {
            self.redo.drain(..drop_redo);
            self.forgotten += drop_redo;
        }
    }

    /// Applies `edit` as a new undoable step and clears the redo stack. If `coalesce_key` equals
    /// the key of the step on top (and the history was not sealed since), the edit joins that
    /// step: undo then reverts both at once.
    ///
    /// # Errors
    /// The edit's error; the graph and the history are then unchanged.
    pub fn apply(
        &mut self,
        graph: &mut KnowledgeGraph,
        edit: Edit,
        coalesce_key: Option<&str>,
    ) -> Result<(), ModelError> {
        let description = edit.describe();
        // A step that added an actor stays named after the add when the actor's naming joins it.
        let named = match &edit {
            Edit::SetActor(actor) => Some(actor.label.clone()),
            _ => None,
        };
        let inverse = edit.apply(graph)?;
        self.redo.clear();
        let joins = !self.sealed
            && coalesce_key.is_some()
            && self.undo.last().is_some_and(|top| top.coalesce_key.as_deref() == coalesce_key);
        if let (true, Some(top)) = (joins, self.undo.last_mut()) {
            // Undo the newest edit first, then the older ones. The step is named after its
            // result ("edit actor \"WHO (UN)\""), not after its first keystroke.
            let began_with_add = matches!(top.undo.last(), Some(Edit::RemoveActor(_)));
            let weight = inverse.weight();
            top.undo.insert(0, inverse);
            match (began_with_add, named) {
                (true, Some(label)) => top.description = format!("add actor \"{label}\""),
                (true, None) => {}
                (false, _) => top.description = description,
            }
            top.weight += weight;
        } else {
            self.push_step(inverse, description, coalesce_key.map(str::to_owned));
        }
        self.sealed = false;
        self.keep_to_budget();
        Ok(())
    }

    /// A new step on top, with the next revision.
    fn push_step(&mut self, inverse: Edit, description: String, coalesce_key: Option<String>) {
        self.next_revision += 1;
        let weight = inverse.weight();
        self.undo.push(Step { undo: vec![inverse], description, coalesce_key, revision: self.next_revision, weight });
    }

    /// Records a change already made to the graph (by someone who could make it faster than an
    /// [`Edit`] would, e.g. a million positions written by index) as a new step named
    /// `description`, given the edit that undoes it. Clears the redo stack, as
    /// [`History::apply`] does.
    pub fn push_applied(&mut self, inverse: Edit, description: &str) {
        self.redo.clear();
        self.push_step(inverse, description.to_owned(), None);
        self.sealed = false;
        self.keep_to_budget();
    }

    /// Adds a change already made to the graph to the newest step, if that step has `revision`,
    /// given the edit that undoes it (as [`History::amend`] does for an edit it applies).
    /// Returns false, and records nothing, when the newest step is another.
    pub fn amend_applied(&mut self, revision: u64, inverse: Edit) -> bool {
        match self.undo.last_mut() {
            Some(top) if top.revision == revision => {
                top.weight += inverse.weight();
                top.undo.insert(0, inverse);
                self.keep_to_budget();
                true
            }
            _ => false,
        }
    }

    /// Applies `edit` as a new undoable step named `description` (rather than after the edit):
    /// e.g. the positions a re-run layout gave, as "re-run layout".
    ///
    /// # Errors
    /// As [`History::apply`].
    pub fn apply_named(&mut self, graph: &mut KnowledgeGraph, edit: Edit, description: &str) -> Result<(), ModelError> {
        self.apply(graph, edit, None)?;
        if let Some(top) = self.undo.last_mut() {
            description.clone_into(&mut top.description);
        }
        Ok(())
    }

    /// Applies `edit` as part of the newest step, if that step has `revision`: undo then reverts
    /// it first, redo applies it last. This is how the moves the layout makes after an edit
    /// (new actors finding their place) or a drag (neighbours following) join the step that
    /// caused them. Returns false, and applies nothing, when the newest step is another.
    ///
    /// # Errors
    /// The edit's error; the graph and the history are then unchanged.
    pub fn amend(&mut self, graph: &mut KnowledgeGraph, revision: u64, edit: Edit) -> Result<bool, ModelError> {
        if self.top_revision() != Some(revision) {
            return Ok(false);
        }
        let inverse = edit.apply(graph)?;
        Ok(self.amend_applied(revision, inverse))
    }

    /// The revision of the newest step (the one undo would revert), if any.
    pub fn top_revision(&self) -> Option<u64> {
        self.undo.last().map(|s| s.revision)
    }

    /// Ends coalescing: the next edit starts a new step even with the same key (e.g. when a text
    /// field loses focus).
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Undoes the newest step; returns its description, or `None` if there is nothing to undo.
    ///
    /// # Errors
    /// An edit of the step failed (the graph was changed outside the history); the step is
    /// dropped.
    pub fn undo(&mut self, graph: &mut KnowledgeGraph) -> Result<Option<String>, ModelError> {
        let result = Self::replay(graph, &mut self.undo, &mut self.redo);
        self.sealed = true;
        result
    }

    /// Redoes the newest undone step; returns its description, or `None` if there is none.
    ///
    /// # Errors
    /// As [`History::undo`].
    pub fn redo(&mut self, graph: &mut KnowledgeGraph) -> Result<Option<String>, ModelError> {
        let result = Self::replay(graph, &mut self.redo, &mut self.undo);
        self.sealed = true;
        result
    }

    /// Applies the newest step of `from` and pushes the step that reverts it onto `to`.
    fn replay(
        graph: &mut KnowledgeGraph,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> Result<Option<String>, ModelError> {
        let Some(step) = from.pop() else { return Ok(None) };
        let reverse = Self::run(graph, step)?;
        let description = reverse.description.clone();
        to.push(reverse);
        Ok(Some(description))
    }

    /// Applies a step's edits and returns the step that reverts them (same revision).
    fn run(graph: &mut KnowledgeGraph, step: Step) -> Result<Step, ModelError> {
        let inverse = Edit::Batch(step.undo).apply(graph)?;
        let Edit::Batch(edits) = inverse else { unreachable!("a batch inverts to a batch") };
        let weight = edits.iter().map(Edit::weight).sum();
        Ok(Step { undo: edits, description: step.description, coalesce_key: None, revision: step.revision, weight })
    }

    /// The edits that undo would apply (to tell what kind of step it is), if any.
    pub fn next_undo(&self) -> Option<&[Edit]> {
        self.undo.last().map(|s| s.undo.as_slice())
    }

    /// The edits that redo would apply, if any.
    pub fn next_redo(&self) -> Option<&[Edit]> {
        self.redo.last().map(|s| s.undo.as_slice())
    }

    /// Makes the current state count as unsaved (a document restored from a recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = u64::MAX;
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Description of the step undo would revert.
    pub fn undo_description(&self) -> Option<&str> {
        self.undo.last().map(|s| s.description.as_str())
    }

    /// Description of the step redo would re-apply.
    pub fn redo_description(&self) -> Option<&str> {
        self.redo.last().map(|s| s.description.as_str())
    }

    /// Records that the current state was saved (undo history is kept).
    pub fn mark_saved(&mut self) {
        self.mark_saved_at(self.current_revision());
    }

    /// Records that the state at `revision` (an earlier [`History::revision`]) was saved: a save
    /// that ran while editing went on leaves the document unsaved.
    pub fn mark_saved_at(&mut self, revision: u64) {
        self.saved_revision = revision;
        if revision == self.current_revision() {
            // The next edit starts a step of its own, so undoing it comes back to the saved state.
            self.sealed = true;
        }
    }

    /// The revision of the current state: it changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.current_revision()
    }

    /// Whether the document differs from what was last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.current_revision() != self.saved_revision
    }

    fn current_revision(&self) -> u64 {
        self.undo.last().map_or(self.floor_revision, |s| s.revision)
    }
}
