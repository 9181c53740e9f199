//! The in-memory model: actors, cooperations, sources and the graph that keeps them consistent.
//! Knows nothing of files or windows.

mod actor;
mod cooperation;
mod date;
mod error;
mod force;
mod graph;
mod ids;
mod kinds;
mod mapping;
mod source;
mod style;

pub use actor::{Actor, Attribute, MAX_COORDINATE};
pub use cooperation::{Cooperation, Evidence};
pub use date::{DateError, DateSpan, PartialDate};
pub use error::ModelError;
pub use force::{ForceSettingError, ForceSettings, MAX_FORCE_SETTING, check_gravity, check_scaling};
pub use graph::{CooperationRef, KnowledgeGraph, Metadata, RemovedActor, RemovedCooperation};
pub use ids::{ActorId, CooperationId, SourceId};
pub use kinds::{ActorKind, CooperationKind, Kind, NodeShape};
pub use mapping::{ColorMapping, StyleMapping};
pub use source::Source;
pub use style::{ActorStyle, CooperationStyle, MAX_STYLE_SIZE, Rgb, StyleError, check_size, color_hex, parse_color};

#[cfg(test)]
mod tests;
