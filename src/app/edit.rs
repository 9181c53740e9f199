//! Edits, undo and redo, and the selection: what the Edit menu, the inspector, the canvas's
//! gestures and their shortcuts ask for.

use super::KgxApp;
use crate::edit::Edit;
use crate::model::{Actor, ActorKind, Cooperation, CooperationKind};
use crate::state::command::{EditCommand, SelectCommand};
use crate::ui::inspector::new_actor_label;
use crate::words::counted as count_of;

impl KgxApp {
    /// Carries out an edit command.
    pub(super) fn run_edit(&mut self, command: EditCommand) {
        match command {
            EditCommand::StyleMapping(style) => {
                if style != self.doc.graph.metadata.style {
                    let metadata = crate::model::Metadata { style, ..self.doc.graph.metadata.clone() };
                    let result = self.doc.apply_named(Edit::SetMetadata(metadata), "change style mapping");
                    self.after_edit(result);
                }
            }
            EditCommand::Apply { edit, coalesce } => {
                let result = self.doc.apply_content_edit(edit, coalesce.as_deref());
                self.after_edit(result);
            }
            EditCommand::Seal => {
                self.name_new_actor();
                self.doc.history.seal();
            }
            EditCommand::Undo => {
                match self.doc.undo() {
                    Ok(Some(what)) => self.set_status(format!("Undid {what}")),
                    Ok(None) => self.set_status("Nothing to undo"),
                    Err(error) => self.set_status(format!("Cannot undo: {error}")),
                }
                self.selection.retain_existing(&self.doc.graph);
            }
            EditCommand::Redo => {
                match self.doc.redo() {
                    Ok(Some(what)) => self.set_status(format!("Redid {what}")),
                    Ok(None) => self.set_status("Nothing to redo"),
                    Err(error) => self.set_status(format!("Cannot redo: {error}")),
                }
                self.selection.retain_existing(&self.doc.graph);
            }
            EditCommand::AddActor => {
                let c = self.canvas.camera.center;
                self.run_edit(EditCommand::AddActorAt([c.x, c.y]));
            }
            EditCommand::AddActorAt(position) => {
                let (id, label) = new_actor_label(&self.doc);
                let mut actor = Actor::new(id.clone(), label, ActorKind::Other);
                actor.position = Some(position);
                // Typing its name right away joins this step (the label's key): one undo takes
                // the named actor away.
                let naming = format!("label:{id}");
                if self.apply(Edit::AddActor(actor), Some(&naming)) {
                    self.doc.note_new_actor(id.clone());
                    self.selection.set_actors([id]);
                    self.panels.inspector.focus_label = true;
                    self.set_status("Added an actor: type its name");
                }
            }
            EditCommand::Connect { from, to } => {
                let id = self.doc.graph.fresh_cooperation_id(&format!("{from}-{to}"));
                let cooperation = Cooperation::new(id.clone(), CooperationKind::Other);
                if self.apply(Edit::AddCooperation { from, to, cooperation }, None) {
                    self.selection.set_cooperation(id);
                    self.set_status("Connected: choose its kind and evidence in the inspector");
                }
            }
            EditCommand::ConnectSelected => {
                let ids: Vec<_> = self.selection.actors().cloned().collect();
                if let [from, to] = ids.as_slice() {
                    self.run_edit(EditCommand::Connect { from: from.clone(), to: to.clone() });
                } else {
                    self.set_status("Select exactly two actors to connect them");
                }
            }
            EditCommand::DeleteSelection => self.delete_selection(),
            EditCommand::PinSelection(pin) => self.pin_selection(pin),
        }
    }

    /// Carries out a selection command.
    pub(super) fn run_select(&mut self, command: SelectCommand) {
        match command {
            SelectCommand::Actors(ids) => self.selection.set_actors(ids),
            SelectCommand::Add(ids) => self.selection.add_actors(ids),
            SelectCommand::Toggle(id) => self.selection.toggle(id),
            SelectCommand::Cooperation(id) => self.selection.set_cooperation(id),
            SelectCommand::Clear => self.selection.clear(),
            SelectCommand::All => {
                let ids = self
                    .doc
                    .graph
                    .petgraph()
                    .node_indices()
                    .filter(|n| self.styling.visibility.actor(n.index()))
                    .filter_map(|n| self.doc.graph.actor_at(n).map(|a| a.id().clone()))
                    .collect::<Vec<_>>();
                self.selection.set_actors(ids);
            }
        }
    }

    /// A new actor that was just named gets an id from its name (before its first save), in the
    /// undo step of its naming; the selection follows it.
    pub(super) fn name_new_actor(&mut self) {
        let Some(id) = self.selection.single_actor().cloned() else { return };
        let key = format!("label:{id}");
        if let Some(named) = self.doc.name_new_actor(&id, Some(&key)) {
            self.selection.set_actors([named]);
        }
    }

    /// Pins (or releases) the selected actors where they are, as one undoable step.
    fn pin_selection(&mut self, pin: bool) {
        let edits: Vec<Edit> = self
            .selection
            .actors()
            .filter_map(|id| self.doc.graph.actor(id))
            .filter(|a| a.pinned != pin)
            .map(|a| {
                let mut changed = a.clone();
                changed.pinned = pin;
                if let Some(node) = self.doc.engine_node_of(a.id()) {
                    changed.position = Some(self.doc.layout.engine().position(node));
                }
                Edit::SetActor(changed)
            })
            .collect();
        if !edits.is_empty() {
            let count = edits.len();
            if self.apply(Edit::Batch(edits), None) {
                let verb = if pin { "Pinned" } else { "Released" };
                self.set_status(format!("{verb} {}", count_of(count, "actor", "actors")));
            }
        }
    }

    fn delete_selection(&mut self) {
        if let Some(c) = self.selection.cooperation().cloned() {
            if self.apply(Edit::RemoveCooperation(c), None) {
                self.selection.clear();
                self.set_status("Deleted the cooperation (Ctrl+Z brings it back)");
            }
            return;
        }
        let ids: Vec<_> = self.selection.actors().cloned().collect();
        if ids.is_empty() {
            return;
        }
        let count = ids.len();
        let edit = Edit::Batch(ids.into_iter().map(Edit::RemoveActor).collect());
        if self.apply(edit, None) {
            self.selection.clear();
            self.set_status(format!(
                "Deleted {} and their cooperations (Ctrl+Z brings them back)",
                count_of(count, "actor", "actors")
            ));
        }
    }
}
