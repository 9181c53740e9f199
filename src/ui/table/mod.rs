//! The data table: actors and cooperations in two tables, one column per field and per
//! attribute, sorted by a header click and filtered per column, edited in place, rows selected
//! with the canvas (click, Shift-click, Ctrl-click) and changed in bulk, columns added, renamed
//! or deleted, rows copied and pasted as CSV. It draws and reports commands; the rules are in
//! [`crate::state::table`].

mod attributes;
mod bulk;
mod grid;
mod paste;
mod picking;

use egui::Ui;

use crate::state::command::Command;
use crate::state::document::Document;
use crate::state::selection::Selection;
use crate::state::table::{Column, TableKind, TableView};

/// A cell being edited: its row (by id), its column and the text typed so far.
#[derive(Clone, Debug, PartialEq)]
struct CellEditor {
    table: TableKind,
    row: String,
    column: Column,
    text: String,
    /// Whether the field still has to take the keyboard focus.
    focus: bool,
}

/// What the data table keeps between frames: its view (tables, queries, orders) and its forms.
#[derive(Debug, Default)]
pub struct TablePanel {
    /// The open table, each table's query and order.
    pub view: TableView,
    editing: Option<CellEditor>,
    /// The row a Shift-click selects from (the last plain or Ctrl-clicked row), by id.
    anchor: Option<String>,
    bulk: bulk::BulkForm,
    attributes: attributes::AttributeForm,
    paste: paste::PasteForm,
    /// The cooperation the canvas had selected last frame, to follow its changes.
    canvas_cooperation: Option<crate::model::CooperationId>,
}

impl TablePanel {
    /// Pasted rows were applied: the paste field empties.
    pub fn pasted(&mut self) {
        self.paste = paste::PasteForm::default();
    }

    /// Pasted rows were refused: the form shows why (naming the row) and keeps the text.
    pub fn paste_refused(&mut self, message: String) {
        self.paste.error = Some(message);
    }
}

/// Draws the data table: the table tabs and tools, then the open table.
pub fn table_panel_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    panel: &mut TablePanel,
    commands: &mut Vec<Command>,
) {
    picking::follow_canvas(selection, panel);
    ui.horizontal(|ui| {
        for (table, name, count) in [
            (TableKind::Actors, "Actors", doc.graph.actor_count()),
            (TableKind::Cooperations, "Cooperations", doc.graph.cooperation_count()),
        ] {
            let text = format!("{name} ({})", crate::words::thousands(count));
            let tab = ui.selectable_label(panel.view.tab == table, text);
            grid::name_widget(ui, &tab, &format!("{name} table"));
            if tab.clicked() {
                panel.view.tab = table;
                panel.anchor = None;
                panel.editing = None;
            }
        }
        ui.separator();
        let (shown, total) = match panel.view.tab {
            TableKind::Actors => (panel.view.actors.order.rows().len(), doc.graph.actor_count()),
            TableKind::Cooperations => (panel.view.cooperations.order.rows().len(), doc.graph.cooperation_count()),
        };
        if shown != total {
            ui.label(format!("{} of {} shown", crate::words::thousands(shown), crate::words::thousands(total)));
        }
        if panel.view.is_ordering() {
            ui.spinner();
            ui.label("Sorting…");
        }
    });
    bulk::bulk_ui(ui, selection, panel, commands);
    ui.horizontal(|ui| {
        attributes::attributes_ui(ui, panel, commands);
        if panel.view.tab == TableKind::Actors {
            ui.separator();
            paste::paste_ui(ui, &mut panel.paste, commands);
        }
    });
    if let Some(error) = &panel.paste.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.separator();
    grid::grid_ui(ui, doc, selection, panel, commands);
}
