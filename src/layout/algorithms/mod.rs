//! Layouts beyond force: circular, hierarchical (layered), geographic and grid. Each is a pure
//! function of a [`KnowledgeGraph`] and its options that returns new positions (layout units,
//! y pointing down, as [`Actor::position`](crate::model::Actor)) for every actor that is free to
//! move; none of them uses randomness, so the same graph always gets the same picture.
//!
//! Pinned actors keep their place. Every algorithm lays out all actors, pinned ones included
//! (so their cooperations shape the picture), then moves the picture so the pinned actors'
//! places in it fall on where they are pinned (exactly, for one pinned actor); with nothing
//! pinned the picture is centred on the origin. Circular, hierarchical and grid layouts keep
//! every disc clear of the others: an actor whose disc would touch a pinned one moves to the
//! nearest free spot.
//!
//! [`arrange`] runs any of them; the window runs it on a worker thread with [`Progress`] and
//! turns the [`Arrangement`] into one undoable step.

mod circular;
mod discs;
mod geographic;
mod grid;
mod groups;
mod hierarchical;
mod input;
mod packing;
mod pinned;

use crate::analysis::progress::{Cancelled, Progress};
use crate::model::{ActorId, KnowledgeGraph};

pub use circular::{CircularOptions, CircularOrder, CircularReport, circular};
pub use geographic::{
    CoordinateProblem, GeographicOptions, GeographicReport, LATITUDE_NAMES, LONGITUDE_NAMES, geographic,
};
pub use grid::{GridGrouping, GridOptions, GridReport, GroupBlock, grid};
pub use hierarchical::{HierarchicalOptions, HierarchicalReport, hierarchical};

/// One of the layouts beyond force, with its options.
#[derive(Clone, Debug, PartialEq)]
pub enum Algorithm {
    /// Actors on a circle (or concentric circles), in an order.
    Circular(CircularOptions),
    /// Layers from top to bottom along the direction of cooperations.
    Hierarchical(HierarchicalOptions),
    /// Positions from latitude and longitude attributes.
    Geographic(GeographicOptions),
    /// A block of rows and columns per kind or community.
    Grid(GridOptions),
}

/// What an algorithm computed: new positions and what it has to say about them.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    /// The new position of every actor that is not pinned (an actor pinned without a position
    /// is placed too), sorted by id.
    pub positions: Vec<(ActorId, [f32; 2])>,
    /// Figures particular to the algorithm.
    pub report: Report,
}

/// Figures particular to one algorithm's run.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// See [`CircularReport`].
    Circular(CircularReport),
    /// See [`HierarchicalReport`].
    Hierarchical(HierarchicalReport),
    /// See [`GeographicReport`].
    Geographic(GeographicReport),
    /// See [`GridReport`].
    Grid(GridReport),
}

impl Arrangement {
    /// The positions as the window's whole-picture move takes them
    /// (`Edit::SetPositions`): every actor that moves, with its new place.
    pub fn moves(&self) -> Vec<(ActorId, Option<[f32; 2]>)> {
        self.positions.iter().map(|(id, position)| (id.clone(), Some(*position))).collect()
    }

    /// Writes the positions into `graph` (actors no longer there are skipped). O(n).
    pub fn apply(&self, graph: &mut KnowledgeGraph) {
        for (id, position) in &self.positions {
            if let Some(actor) = graph.actor_mut(id) {
                actor.position = Some(*position);
            }
        }
    }
}

/// Why an algorithm could not lay the graph out.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ArrangeError {
    /// The run was cancelled.
    #[error("the layout was cancelled")]
    Cancelled,
    /// No actor has both a latitude and a longitude that can be read.
    #[error(
        "no actor has a readable latitude and longitude (attributes named {} and {}, in decimal degrees){}",
        .latitude,
        .longitude,
        if *.unreadable > 0 { format!("; {} actors have values that cannot be read", .unreadable) } else { String::new() }
    )]
    NoCoordinates {
        /// The latitude attribute's names looked for ("latitude/lat").
        latitude: String,
        /// The longitude attribute's names looked for.
        longitude: String,
        /// Actors whose coordinates were given but could not be read.
        unreadable: usize,
    },
    /// No actor has the attribute the order was asked to follow.
    #[error("no actor has an attribute \"{name}\"{}", match .suggestion {
        Some(s) => format!("; did you mean \"{s}\"?"),
        None => String::new(),
    })]
    UnknownAttribute {
        /// The attribute asked for.
        name: String,
        /// The closest attribute name that actors have.
        suggestion: Option<String>,
    },
}

impl From<Cancelled> for ArrangeError {
    fn from(_: Cancelled) -> Self {
        ArrangeError::Cancelled
    }
}

/// Runs `algorithm` on `graph`. Progress is reported to `progress` (community detection, where
/// used, reports first, then the layout itself) and the run stops once it is cancelled. Cost:
/// O(n log n + m) for circular, grid and geographic (plus community detection when grouping by
/// community), about O((n + m + d) log n) per crossing-reduction pass for hierarchical, where
/// d is the number of layers long cooperations cross.
///
/// # Errors
/// [`ArrangeError::Cancelled`], and what each algorithm documents.
pub fn arrange(
    graph: &KnowledgeGraph,
    algorithm: &Algorithm,
    progress: &Progress,
) -> Result<Arrangement, ArrangeError> {
    match algorithm {
        Algorithm::Circular(options) => circular(graph, options, progress),
        Algorithm::Hierarchical(options) => hierarchical(graph, options, progress),
        Algorithm::Geographic(options) => geographic(graph, options, progress),
        Algorithm::Grid(options) => grid(graph, options, progress),
    }
}

#[cfg(test)]
mod tests;
