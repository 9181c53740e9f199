//! The column tools: add an attribute to every row (a new column, with a value for each row),
//! rename one, or delete one across the whole table — each one undo step.

use egui::Ui;

use super::TablePanel;
use super::grid::name_widget;
use crate::state::command::{Command, TableCommand};
use crate::state::table::Column;

/// What the column tools' fields hold.
#[derive(Clone, Debug, Default)]
pub(super) struct AttributeForm {
    /// The new column's name, or an attribute's new name.
    name: String,
    /// The new column's value in every row.
    value: String,
    /// The attribute to rename or delete.
    chosen: Option<String>,
}

/// The column tools of the open table.
pub(super) fn attributes_ui(ui: &mut Ui, panel: &mut TablePanel, commands: &mut Vec<Command>) {
    let table = panel.view.tab;
    let attributes: Vec<String> = match table {
        crate::state::table::TableKind::Actors => panel.view.actors.columns(),
        crate::state::table::TableKind::Cooperations => panel.view.cooperations.columns(),
    }
    .iter()
    .filter_map(|c| match c {
        Column::Attribute(key) => Some(key.clone()),
        Column::Field(_) => None,
    })
    .collect();
    let form = &mut panel.attributes;
    if form.chosen.as_ref().is_some_and(|c| !attributes.contains(c)) {
        form.chosen = None;
    }
    ui.label("Column");
    let name = ui.add(egui::TextEdit::singleline(&mut form.name).hint_text("name").desired_width(90.0));
    name_widget(ui, &name, "Column name");
    let value =
        ui.add(egui::TextEdit::singleline(&mut form.value).hint_text("value in every row").desired_width(110.0));
    name_widget(ui, &value, "Column value");
    if ui.button("Add column").on_hover_text("Give every row this attribute with this value").clicked() {
        commands.push(Command::Table(TableCommand::AddAttribute {
            table,
            key: form.name.clone(),
            default: form.value.clone(),
        }));
    }
    if attributes.is_empty() {
        return;
    }
    let chosen_text = form.chosen.clone().unwrap_or_else(|| "attribute…".to_owned());
    egui::ComboBox::from_label("Attribute").selected_text(chosen_text).show_ui(ui, |ui| {
        for key in &attributes {
            if ui.selectable_label(form.chosen.as_ref() == Some(key), key).clicked() {
                form.chosen = Some(key.clone());
            }
        }
    });
    let Some(chosen) = form.chosen.clone() else { return };
    let rename = ui.button("Rename to name").on_hover_text("Rename it in every row to the name typed");
    if rename.clicked() {
        commands.push(Command::Table(TableCommand::RenameAttribute {
            table,
            from: chosen.clone(),
            to: form.name.clone(),
        }));
    }
    if ui.button("Delete column").on_hover_text("Remove it from every row (Ctrl+Z brings it back)").clicked() {
        commands.push(Command::Table(TableCommand::DeleteAttribute { table, key: chosen }));
    }
}
