//! Modal dialogs: confirm discarding unsaved changes, type a file path (when no native file
//! dialog is available), and show an error.

use egui::{Context, Id, Modal, RichText};

/// What the user answered in the unsaved-changes dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}

/// "Save changes to NAME before ACTION?" Returns the answer once given.
pub fn confirm_discard_ui(ctx: &Context, name: &str, action: &str) -> Option<ConfirmChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("confirm unsaved changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to {name} before you {action}?"));
        ui.label(RichText::new("Changes you don't save are lost.").weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(ConfirmChoice::Save);
            }
            if ui.button("Don't save").clicked() {
                choice = Some(ConfirmChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ConfirmChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(ConfirmChoice::Cancel);
    }
    choice
}

/// What the user did in the path dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathChoice {
    /// Use this path.
    Accept(String),
    /// Close the dialog.
    Cancel,
}

/// A dialog with a text field for a file path, used when no native file dialog is available.
/// `verb` names the button ("Open", "Save").
pub fn path_prompt_ui(ctx: &Context, title: &str, verb: &str, text: &mut String) -> Option<PathChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("path prompt")).show(ctx, |ui| {
        ui.heading(title);
        let label = ui.label("File path");
        let response = ui
            .add(egui::TextEdit::singleline(text).desired_width(420.0).hint_text("/path/to/graph.ron"))
            .labelled_by(label.id);
        if !response.has_focus() && text.is_empty() {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if (ui.button(verb).clicked() || entered) && !text.trim().is_empty() {
                choice = Some(PathChoice::Accept(text.trim().to_owned()));
            }
            if ui.button("Cancel").clicked() {
                choice = Some(PathChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(PathChoice::Cancel);
    }
    choice
}

/// Shows an error with one line per problem; returns true once dismissed.
pub fn error_ui(ctx: &Context, title: &str, lines: &[String]) -> bool {
    let mut dismissed = false;
    let modal = Modal::new(Id::unique("error")).show(ctx, |ui| {
        ui.heading(title);
        egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
            for line in lines {
                ui.label(RichText::new(line).monospace());
            }
        });
        ui.label(RichText::new("The open graph was not changed.").weak());
        if ui.button("OK").clicked() {
            dismissed = true;
        }
    });
    dismissed || modal.should_close()
}
