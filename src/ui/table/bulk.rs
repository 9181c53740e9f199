//! The tools over the selected rows: select every row shown, set one column of them all (kind,
//! an attribute, colour, size, shape …) as one undo step, copy them as CSV, delete them.

use egui::Ui;

use super::grid::name_widget;
use super::{TablePanel, picking};
use crate::model::{ActorKind, CooperationKind, Kind, NodeShape};
use crate::state::command::{Command, SelectCommand, TableCommand};
use crate::state::selection::Selection;
use crate::state::table::{Column, Field, TableKind};

/// The bulk edit's choices: which column, and the value for every selected row.
#[derive(Clone, Debug, Default)]
pub(super) struct BulkForm {
    column: Option<Column>,
    value: String,
}

/// The row of tools over the selected rows.
pub(super) fn bulk_ui(ui: &mut Ui, selection: &Selection, panel: &mut TablePanel, commands: &mut Vec<Command>) {
    let table = panel.view.tab;
    let count = picking::picked_count(panel, selection);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Select shown rows").on_hover_text("Select every row the filters show").clicked() {
            select_shown(panel, commands);
        }
        ui.label(format!("{} selected", crate::words::thousands(count)));
        let any = count > 0;
        let copy = ui.add_enabled(any, egui::Button::new("Copy as CSV"));
        if copy.on_hover_text("Copy the selected rows, a header row first, to the clipboard").clicked() {
            commands.push(Command::Table(TableCommand::Copy { table, rows: shown_order(panel, selection) }));
        }
        let delete = ui.add_enabled(any, egui::Button::new("Delete rows"));
        if delete.on_hover_text("Delete the selected rows as one undo step").clicked() {
            commands
                .push(Command::Table(TableCommand::DeleteRows { table, rows: picking::picked_rows(panel, selection) }));
        }
        ui.separator();
        let columns: Vec<Column> = match table {
            TableKind::Actors => panel.view.actors.columns().to_vec(),
            TableKind::Cooperations => panel.view.cooperations.columns().to_vec(),
        };
        let editable: Vec<Column> =
            columns.into_iter().filter(|c| c.is_editable(table) && *c != Column::Field(Field::Id)).collect();
        let form = &mut panel.bulk;
        if form.column.as_ref().is_none_or(|c| !editable.contains(c)) {
            form.column = Some(Column::Field(Field::Kind));
            form.value.clear();
        }
        let chosen = form.column.clone().unwrap_or(Column::Field(Field::Kind));
        // Reads as a sentence: "Set [kind] to [Country] [Apply to 3 actors]".
        ui.label("Set");
        let column_choice = egui::ComboBox::from_id_salt("bulk column")
            .selected_text(chosen.header(table))
            .show_ui(ui, |ui| {
                for column in &editable {
                    if ui.selectable_label(*column == chosen, column.header(table)).clicked() && *column != chosen {
                        form.column = Some(column.clone());
                        form.value.clear();
                    }
                }
            })
            .response;
        name_widget(ui, &column_choice, "Column to set");
        column_choice.on_hover_text("The column to set in every selected row");
        ui.label("to");
        // The choice may have changed just now.
        let chosen = form.column.clone().unwrap_or(Column::Field(Field::Kind));
        value_ui(ui, table, &chosen, &mut form.value);
        let apply = ui.add_enabled(any, egui::Button::new(format!("Apply to {}", table.rows(count))));
        name_widget(ui, &apply, "Apply to selected rows");
        let apply = apply.on_disabled_hover_text("Select rows first: click, Ctrl+click, Shift+click");
        if apply.on_hover_text("One undo step; an empty value clears the column").clicked() {
            let text = form.value.clone();
            let rows = picking::picked_rows(panel, selection);
            commands.push(Command::Table(TableCommand::SetMany { table, rows, column: chosen, text }));
        }
    });
}

/// The value field: a choice of names for kinds and shapes, text for the rest.
fn value_ui(ui: &mut Ui, table: TableKind, column: &Column, value: &mut String) {
    // Kinds by the words the legend uses ("Government agency"); cells read both those and the
    // file's names.
    let names: Vec<String> = match (column, table) {
        (Column::Field(Field::Kind), TableKind::Actors) => ActorKind::ALL.iter().map(|k| k.label()).collect(),
        (Column::Field(Field::Kind), TableKind::Cooperations) => {
            CooperationKind::ALL.iter().map(|k| k.label()).collect()
        }
        (Column::Field(Field::Shape), _) => NodeShape::ALL.iter().map(|k| k.name().to_owned()).collect(),
        (Column::Field(Field::Pinned | Field::Directed), _) => vec!["true".to_owned(), "false".to_owned()],
        _ => Vec::new(),
    };
    if names.is_empty() {
        let hint = match column {
            Column::Field(Field::Color) => "#rrggbb, empty: the kind's",
            Column::Field(Field::Size | Field::Width) => "a number, empty: the rule's",
            _ => "value",
        };
        let response = ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(140.0));
        name_widget(ui, &response, "Value for selected rows");
        return;
    }
    let kinds_own_shape = matches!(column, Column::Field(Field::Shape)) && value.is_empty();
    if !kinds_own_shape && !names.contains(value) {
        names.first().cloned().unwrap_or_default().clone_into(value);
    }
    let shown = if value.is_empty() { "(the kind's)" } else { value.as_str() };
    let response = egui::ComboBox::from_id_salt("bulk value")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if matches!(column, Column::Field(Field::Shape))
                && ui.selectable_label(value.is_empty(), "(the kind's)").clicked()
            {
                value.clear();
            }
            for name in names {
                if ui.selectable_label(*value == name, &name).clicked() {
                    *value = name;
                }
            }
        })
        .response;
    name_widget(ui, &response, "Value for selected rows");
}

/// Selects every row the filters show.
fn select_shown(panel: &mut TablePanel, commands: &mut Vec<Command>) {
    match panel.view.tab {
        TableKind::Actors => {
            let ids = panel.view.actors.order.rows().to_vec();
            commands.push(Command::Select(SelectCommand::Actors(ids)));
        }
        TableKind::Cooperations => {
            panel.view.picked_cooperations = panel.view.cooperations.order.rows().iter().cloned().collect();
        }
    }
}

/// The picked rows in the order the table shows them (what a copy gives). O(rows shown).
fn shown_order(panel: &TablePanel, selection: &Selection) -> Vec<String> {
    let picked = picking::picked_rows(panel, selection);
    let picked: std::collections::HashSet<&str> = picked.iter().map(String::as_str).collect();
    let shown: Vec<String> = match panel.view.tab {
        TableKind::Actors => panel.view.actors.order.rows().iter().map(ToString::to_string).collect(),
        TableKind::Cooperations => panel.view.cooperations.order.rows().iter().map(ToString::to_string).collect(),
    };
    shown.into_iter().filter(|id| picked.contains(id.as_str())).collect()
}
