//! [`Selection`]: which actors or which cooperation the user has picked. View state, never saved.

use std::collections::BTreeSet;

use crate::model::{ActorId, CooperationId, KnowledgeGraph};

/// The selected actors, or one selected cooperation (selecting one clears the other).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    actors: BTreeSet<ActorId>,
    cooperation: Option<CooperationId>,
}

impl Selection {
    /// Selected actors in id order.
    pub fn actors(&self) -> impl Iterator<Item = &ActorId> {
        self.actors.iter()
    }

    /// Number of selected actors.
    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    /// The one selected actor, if exactly one is selected.
    pub fn single_actor(&self) -> Option<&ActorId> {
        if self.actors.len() == 1 { self.actors.iter().next() } else { None }
    }

    /// The selected cooperation.
    pub fn cooperation(&self) -> Option<&CooperationId> {
        self.cooperation.as_ref()
    }

    /// Whether the actor is selected.
    pub fn contains(&self, id: &ActorId) -> bool {
        self.actors.contains(id)
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.cooperation.is_none()
    }

    /// Selects exactly these actors.
    pub fn set_actors(&mut self, ids: impl IntoIterator<Item = ActorId>) {
        self.cooperation = None;
        self.actors = ids.into_iter().collect();
    }

    /// Adds actors to the selection.
    pub fn add_actors(&mut self, ids: impl IntoIterator<Item = ActorId>) {
        self.cooperation = None;
        self.actors.extend(ids);
    }

    /// Adds or removes one actor.
    pub fn toggle(&mut self, id: ActorId) {
        self.cooperation = None;
        if !self.actors.remove(&id) {
            self.actors.insert(id);
        }
    }

    /// Selects one cooperation.
    pub fn set_cooperation(&mut self, id: CooperationId) {
        self.actors.clear();
        self.cooperation = Some(id);
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.actors.clear();
        self.cooperation = None;
    }

    /// Drops ids that no longer exist (after undo, delete or open).
    pub fn retain_existing(&mut self, graph: &KnowledgeGraph) {
        self.actors.retain(|id| graph.contains_actor(id));
        if self.cooperation.as_ref().is_some_and(|c| graph.cooperation(c).is_none()) {
            self.cooperation = None;
        }
    }
}
