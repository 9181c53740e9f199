//! The data table: its panel in the frame, and what it asks for — cell edits, bulk edits,
//! attributes, deleting rows, CSV copy and paste — each change one undo step.

use egui::Panel;

use super::KgxApp;
use crate::edit::Edit;
use crate::state::command::TableCommand;
use crate::state::table::csv::{paste_actors, rows_to_csv};
use crate::state::table::edits::{self, TableError};
use crate::state::table::{Column, TableKind};

/// How often the panel looks for a worker's order while one is being made.
const ORDER_POLL: std::time::Duration = std::time::Duration::from_millis(30);

impl KgxApp {
    /// The data table as a resizable panel under the canvas; its order follows the document
    /// (made on a worker thread for large tables, the previous order showing meanwhile).
    pub(super) fn table_ui(&mut self, ui: &mut egui::Ui) {
        let view = &mut self.panels.table.view;
        view.refresh(&self.doc.graph, self.doc.revision);
        if view.is_ordering() {
            ui.ctx().request_repaint_after(ORDER_POLL);
        }
        Panel::bottom("data table").resizable(true).default_size(300.0).min_size(120.0).show(ui, |ui| {
            crate::ui::table::table_panel_ui(
                ui,
                &self.doc,
                &self.selection,
                &mut self.panels.table,
                &mut self.commands,
            );
        });
    }

    /// Carries out a data-table command.
    pub(super) fn run_table_command(&mut self, ctx: &egui::Context, command: TableCommand) {
        match command {
            TableCommand::Toggle => self.panels.show_table = !self.panels.show_table,
            TableCommand::SetCell { table, row, column, text } => {
                let result = edits::set_cell(&self.doc.graph, table, &row, &column, &text);
                let done = format!("Changed {} of {}", column.header(table), row_name(&self.doc.graph, table, &row));
                self.apply_table_edit(table, result, done);
            }
            TableCommand::SetMany { table, rows, column, text } => {
                let result = edits::set_many(&self.doc.graph, table, &rows, &column, &text);
                let done = format!("Set {} of {}", column.header(table), table.rows(rows.len()));
                self.apply_table_edit(table, result, done);
            }
            TableCommand::DeleteRows { table, rows } => {
                let done = format!("Deleted {} (Ctrl+Z brings them back)", table.rows(rows.len()));
                self.apply_table_edit(table, Ok(edits::delete_rows(&self.doc.graph, table, &rows)), done);
            }
            TableCommand::AddAttribute { table, key, default } => {
                let result = edits::add_attribute(&self.doc.graph, table, &key, &default);
                self.apply_table_edit(table, result, format!("Added the column \"{}\"", key.trim()));
            }
            TableCommand::RenameAttribute { table, from, to } => {
                let result = edits::rename_attribute(&self.doc.graph, table, &from, &to);
                self.apply_table_edit(table, result, format!("Renamed \"{from}\" to \"{}\"", to.trim()));
            }
            TableCommand::DeleteAttribute { table, key } => {
                let result = edits::delete_attribute(&self.doc.graph, table, &key);
                self.apply_table_edit(table, result, format!("Deleted the column \"{key}\" (Ctrl+Z brings it back)"));
            }
            TableCommand::Copy { table, rows } => {
                let columns: Vec<Column> = match table {
                    TableKind::Actors => self.panels.table.view.actors.columns().to_vec(),
                    TableKind::Cooperations => self.panels.table.view.cooperations.columns().to_vec(),
                };
                ctx.copy_text(rows_to_csv(&self.doc.graph, table, &rows, &columns));
                self.set_status(format!("Copied {} as CSV", table.rows(rows.len())));
            }
            TableCommand::Paste(text) => match paste_actors(&self.doc.graph, &text) {
                Ok(pasted) => {
                    let done = format!(
                        "Pasted: {} added, {} updated (Ctrl+Z undoes both)",
                        crate::words::actors(pasted.added),
                        pasted.updated
                    );
                    if self.apply(pasted.edit, None) {
                        self.panels.table.pasted();
                        self.set_status(done);
                    }
                }
                Err(error) => {
                    let message = format!("Not pasted: {error}. Nothing was changed.");
                    self.panels.table.paste_refused(message.clone());
                    self.set_status(message);
                }
            },
        }
    }

    /// Applies a table edit as one undo step (keeping where actors are), or says why not.
    fn apply_table_edit(&mut self, table: TableKind, result: Result<Option<Edit>, TableError>, done: String) {
        match result {
            Ok(Some(edit)) => {
                let applied = self.doc.apply_content_edit(edit, None);
                if self.after_edit(applied) {
                    self.set_status(done);
                }
            }
            Ok(None) => {}
            // The row by the name people know it by, not its id.
            Err(TableError::Cell { row, error }) => {
                self.set_status(format!("Not changed: {}: {error}", row_name(&self.doc.graph, table, &row)));
            }
            Err(TableError::Id { row, message }) => {
                self.set_status(format!("Not changed: {}: {message}", row_name(&self.doc.graph, table, &row)));
            }
            Err(error) => self.set_status(format!("Not changed: {error}")),
        }
    }
}

/// A row as the user knows it: an actor's label, or a cooperation's "From → To" in labels
/// ("–" when undirected)
/// (the id when the row is gone).
fn row_name(graph: &crate::model::KnowledgeGraph, table: TableKind, row: &str) -> String {
    let label = |id: &crate::model::ActorId| graph.actor(id).map_or_else(|| id.to_string(), |a| a.label.clone());
    match table {
        TableKind::Actors => {
            graph.actor(&crate::model::ActorId::new(row)).map_or_else(|| row.to_string(), |a| a.label.clone())
        }
        TableKind::Cooperations => graph.cooperation(&crate::model::CooperationId::new(row)).map_or_else(
            || row.to_string(),
            |c| {
                let arrow = if c.cooperation.directed { "→" } else { "–" };
                format!("{} {arrow} {}", label(c.from), label(c.to))
            },
        ),
    }
}
