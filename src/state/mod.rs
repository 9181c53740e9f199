//! The window's state, shared by the shell ([`crate::app`]) and the panels ([`crate::ui`]):
//! the open document, the selection, the exploration state, the drawing data kept in step with
//! the graph, and the commands panels hand back. The panels read it and return commands; only
//! the app changes it. Neither layer imports the other.

pub mod actions;
pub mod arrange;
pub mod command;
pub mod csv_import;
pub mod document;
pub mod explore;
pub mod job;
pub mod kb;
pub mod merge;
pub mod picture;
pub mod review;
pub mod scene;
pub mod selection;
pub mod table;
