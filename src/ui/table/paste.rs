//! Pasting CSV rows: a field to paste them into (a header row naming the columns, one of them
//! `id`) and a button that adds or updates the actors as one undo step.

use egui::Ui;

use super::grid::name_widget;
use crate::state::command::{Command, TableCommand};

/// The pasted text, and why it was refused last time.
#[derive(Clone, Debug, Default)]
pub(super) struct PasteForm {
    text: String,
    /// The last refusal, naming the row.
    pub(super) error: Option<String>,
}

/// The paste field and its button.
pub(super) fn paste_ui(ui: &mut Ui, form: &mut PasteForm, commands: &mut Vec<Command>) {
    let field = egui::TextEdit::multiline(&mut form.text)
        .hint_text("paste CSV: id,label,kind,…")
        .desired_rows(1)
        .desired_width(220.0);
    let response = ui.add(field);
    name_widget(ui, &response, "CSV rows");
    if response.changed() {
        form.error = None;
    }
    let paste = ui.add_enabled(!form.text.trim().is_empty(), egui::Button::new("Paste rows"));
    if paste.on_hover_text("Add actors with new ids, update those with known ids (one undo step)").clicked() {
        commands.push(Command::Table(TableCommand::Paste(form.text.clone())));
    }
}
