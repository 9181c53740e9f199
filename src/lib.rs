//! kgx: a knowledge-graph explorer for who cooperates with whom, and according to which source.
//!
//! The core — [`model`], [`io`], [`analysis`] — knows nothing of windows and is tested headless.
//! See `ARCHITECTURE.md` for the map of modules.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod draw;
pub mod edit;
pub mod extract;
pub mod generate;
pub mod io;
pub mod kb;
pub mod layout;
pub mod model;
pub mod render;
pub mod rng;
#[cfg(feature = "gui")]
pub mod state;
#[cfg(feature = "gui")]
pub mod ui;
pub mod words;
