//! The force-directed layout: ForceAtlas2 with Barnes–Hut repulsion, parallel over cores, as a
//! pure engine over flat arrays (no egui). Used by the window and by `kgx layout`.
//!
//! - [`LayoutEngine`] steps positions and tells when they have settled.
//! - [`GraphLayout`] ties an engine to a [`crate::model::KnowledgeGraph`].
//! - [`LiveLayout`] runs a graph's engine on its own thread for the window.
//! - [`LayoutParams`] holds every parameter with its documented default.
//! - [`algorithms`] holds the layouts beyond force: circular, hierarchical, geographic, grid.

pub mod algorithms;
mod csr;
mod engine;
pub mod fit;
pub mod forces;
mod graph_layout;
mod live;
mod multilevel;
mod overlap;
mod params;
pub mod quadtree;

pub use csr::Csr;
pub use engine::{LabelRoom, LayoutEngine, LayoutState};
pub use graph_layout::GraphLayout;
pub use live::{LayoutView, LiveLayout, Waker};
pub use overlap::LABEL_ROOM_LIMIT;
pub use params::{LAYOUT_SEED, LayoutParams, node_radius};

#[cfg(test)]
mod tests;
