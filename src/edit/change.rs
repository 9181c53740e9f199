//! [`Edit`]: one change to a [`KnowledgeGraph`] that knows how to undo itself.

use crate::model::{
    Actor, ActorId, Cooperation, CooperationId, KnowledgeGraph, Metadata, ModelError, RemovedActor, RemovedCooperation,
    Source, SourceId,
};

/// One change to the document. [`Edit::apply`] performs it and returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a new actor.
    AddActor(Actor),
    /// Remove an actor and its cooperations.
    RemoveActor(ActorId),
    /// Put back a removed actor with its cooperations (the inverse of [`Edit::RemoveActor`]).
    RestoreActor(RemovedActor),
    /// Replace every field of an actor but its id (label, kind, position, pins …).
    SetActor(Actor),
    /// Give an actor another id (a new actor named after its label before it is first saved).
    RenameActor {
        /// Its id now.
        from: ActorId,
        /// Its id after.
        to: ActorId,
    },
    /// Add a cooperation between two existing actors.
    AddCooperation {
        /// The actor it goes from.
        from: ActorId,
        /// The actor it goes to.
        to: ActorId,
        /// The cooperation.
        cooperation: Cooperation,
    },
    /// Remove a cooperation.
    RemoveCooperation(CooperationId),
    /// Replace every field of a cooperation but its id and actors, evidence included.
    SetCooperation(Cooperation),
    /// Declare a source.
    AddSource(Source),
    /// Remove a source no evidence cites.
    RemoveSource(SourceId),
    /// Replace a source's title, publisher, date and url.
    SetSource(Source),
    /// Replace the title and description.
    SetMetadata(Metadata),
    /// Move many actors at once (a whole picture, e.g. what the layout did during a drag); `None`
    /// forgets a position.
    SetPositions(Vec<(ActorId, Option<[f32; 2]>)>),
    /// Replace the whole graph (a reload from disk), as one step.
    ReplaceGraph(Box<KnowledgeGraph>),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit and returns its inverse.
    ///
    /// # Errors
    /// The [`ModelError`] of the first operation that fails (unknown or duplicate id, unknown
    /// source). The graph is then unchanged: a failing batch undoes what it had applied.
    pub fn apply(self, graph: &mut KnowledgeGraph) -> Result<Edit, ModelError> {
        match self {
            Edit::AddActor(actor) => {
                let id = actor.id().clone();
                graph.add_actor(actor)?;
                Ok(Edit::RemoveActor(id))
            }
            Edit::RemoveActor(id) => Ok(Edit::RestoreActor(graph.remove_actor(&id)?)),
            Edit::RestoreActor(removed) => {
                let id = removed.actor.id().clone();
                graph.restore_actor(removed)?;
                Ok(Edit::RemoveActor(id))
            }
            Edit::SetActor(actor) => {
                let slot = graph.actor_mut(actor.id()).ok_or_else(|| ModelError::UnknownActor(actor.id().clone()))?;
                Ok(Edit::SetActor(std::mem::replace(slot, actor)))
            }
            Edit::RenameActor { from, to } => {
                graph.rename_actor(&from, to.clone())?;
                Ok(Edit::RenameActor { from: to, to: from })
            }
            Edit::AddCooperation { from, to, cooperation } => {
                let id = cooperation.id().clone();
                graph.add_cooperation(&from, &to, cooperation)?;
                Ok(Edit::RemoveCooperation(id))
            }
            Edit::RemoveCooperation(id) => {
                let RemovedCooperation { from, to, cooperation } = graph.remove_cooperation(&id)?;
                Ok(Edit::AddCooperation { from, to, cooperation })
            }
            Edit::SetCooperation(cooperation) => set_cooperation(graph, cooperation),
            Edit::AddSource(source) => {
                let id = source.id().clone();
                graph.add_source(source)?;
                Ok(Edit::RemoveSource(id))
            }
            Edit::RemoveSource(id) => Ok(Edit::AddSource(graph.remove_source(&id)?)),
            Edit::SetSource(source) => {
                let slot =
                    graph.source_mut(source.id()).ok_or_else(|| ModelError::UnknownSource(source.id().clone()))?;
                Ok(Edit::SetSource(std::mem::replace(slot, source)))
            }
            Edit::SetMetadata(metadata) => Ok(Edit::SetMetadata(std::mem::replace(&mut graph.metadata, metadata))),
            Edit::SetPositions(moves) => set_positions(graph, moves),
            Edit::ReplaceGraph(other) => Ok(Edit::ReplaceGraph(Box::new(graph.replace_with(*other)))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(graph) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what this batch did, newest first.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(graph);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// A short description for the undo menu and status line, e.g. "rename actor".
    pub fn describe(&self) -> String {
        match self {
            Edit::AddActor(a) => format!("add actor \"{}\"", a.label),
            Edit::RemoveActor(id) => format!("delete actor {id}"),
            Edit::RestoreActor(r) => format!("restore actor \"{}\"", r.actor.label),
            Edit::SetActor(a) => format!("edit actor \"{}\"", a.label),
            Edit::RenameActor { to, .. } => format!("name actor {to}"),
            Edit::AddCooperation { from, to, .. } => format!("connect {from} to {to}"),
            Edit::RemoveCooperation(id) => format!("delete cooperation {id}"),
            Edit::SetCooperation(c) => format!("edit cooperation {}", c.id()),
            Edit::AddSource(s) => format!("add source \"{}\"", s.title),
            Edit::RemoveSource(id) => format!("delete source {id}"),
            Edit::SetSource(s) => format!("edit source \"{}\"", s.title),
            Edit::SetMetadata(_) => "edit title and description".to_owned(),
            Edit::SetPositions(moves) => format!("move {} actors", moves.len()),
            Edit::ReplaceGraph(_) => "reload from disk".to_owned(),
            Edit::Batch(edits) => match edits.as_slice() {
                [one] => one.describe(),
                [Edit::SetPositions(_), Edit::SetActor(a)] => format!("move actor \"{}\"", a.label),
                _ => format!("{} changes", edits.len()),
            },
        }
    }
}

impl Edit {
    /// Whether this edit moves a whole picture ([`Edit::SetPositions`], alone or in a batch):
    /// undoing it puts the layout back as it was rather than letting it flow again.
    pub fn moves_picture(&self) -> bool {
        match self {
            Edit::SetPositions(_) => true,
            Edit::Batch(edits) => edits.iter().any(Edit::moves_picture),
            _ => false,
        }
    }
}

/// Moves every named actor, or changes nothing if one of them is unknown.
fn set_positions(graph: &mut KnowledgeGraph, moves: Vec<(ActorId, Option<[f32; 2]>)>) -> Result<Edit, ModelError> {
    if let Some((missing, _)) = moves.iter().find(|(id, _)| !graph.contains_actor(id)) {
        return Err(ModelError::UnknownActor(missing.clone()));
    }
    let mut previous = Vec::with_capacity(moves.len());
    for (id, position) in moves {
        if let Some(actor) = graph.actor_mut(&id) {
            previous.push((id, std::mem::replace(&mut actor.position, position)));
        }
    }
    Ok(Edit::SetPositions(previous))
}

fn set_cooperation(graph: &mut KnowledgeGraph, new: Cooperation) -> Result<Edit, ModelError> {
    let id = new.id().clone();
    let old = graph.cooperation(&id).ok_or_else(|| ModelError::UnknownCooperation(id.clone()))?.cooperation.clone();
    // Evidence first: it is the only part that can be refused (an unknown source).
    graph.set_evidence(&id, new.evidence().to_vec())?;
    let slot = graph.cooperation_mut(&id).ok_or_else(|| ModelError::UnknownCooperation(id.clone()))?;
    slot.kind = new.kind;
    slot.directed = new.directed;
    slot.label = new.label;
    slot.date = new.date;
    slot.weight = new.weight;
    slot.attributes = new.attributes;
    slot.style = new.style;
    Ok(Edit::SetCooperation(old))
}
