//! Errors of graph operations.

use super::ids::{ActorId, CooperationId, SourceId};

/// Why a graph operation was refused. The graph is unchanged whenever one is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// An actor with this id already exists.
    #[error("an actor with id \"{0}\" already exists")]
    DuplicateActor(ActorId),
    /// A cooperation with this id already exists.
    #[error("a cooperation with id \"{0}\" already exists")]
    DuplicateCooperation(CooperationId),
    /// A source with this id already exists.
    #[error("a source with id \"{0}\" already exists")]
    DuplicateSource(SourceId),
    /// No actor has this id.
    #[error("there is no actor with id \"{0}\"")]
    UnknownActor(ActorId),
    /// No cooperation has this id.
    #[error("there is no cooperation with id \"{0}\"")]
    UnknownCooperation(CooperationId),
    /// Evidence cites a source that is not declared.
    #[error("there is no source with id \"{0}\"")]
    UnknownSource(SourceId),
    /// A source is still cited by evidence and cannot be removed.
    #[error("source \"{0}\" is still cited by {1} piece(s) of evidence")]
    SourceInUse(SourceId, usize),
    /// An id is empty.
    #[error("ids must not be empty")]
    EmptyId,
}
