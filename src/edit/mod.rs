//! Edits to the document as values: each applies to a graph and returns its inverse, so undo and
//! redo are free. [`History`] keeps the undo and redo stacks.

mod change;
mod history;
pub mod merge;
mod weight;

pub use change::Edit;
pub use history::History;

#[cfg(test)]
mod tests;
