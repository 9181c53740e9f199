//! The drawing rules every picture of a graph follows, with no egui: which labels show and where
//! ([`labels`]), how cooperations are drawn ([`edges`]: lines, curves, bundles, loops), and the
//! colours of each theme ([`theme`]), and what each actor and cooperation looks like ([`looks`]). The canvas (`ui::paint`, `ui::gpu`) and the SVG, PNG and
//! PDF pictures (`render`) are two painters over these same decisions, so they cannot disagree.

pub mod edges;
pub mod labels;
pub mod looks;
pub mod mapping;
pub mod raster;
pub mod theme;

pub use theme::{Palette, Theme};
