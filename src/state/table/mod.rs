//! The data table's state and rules, without egui: its columns (a field or an attribute each),
//! what a cell shows and how a typed value is written back ([`column`]), filtering and sorting
//! ([`query`], on a worker thread for large tables: [`order`]), the changes it makes as edits
//! ([`edits`]), CSV copy and paste ([`csv`]) and what the panel keeps between frames ([`view`]).

pub mod column;
pub mod csv;
pub mod edits;
pub mod order;
pub mod query;
pub mod view;

pub use column::{Column, Field, TableKind};
pub use query::Query;
pub use view::{TableRows, TableView};
