//! Small labelled widgets shared by the panels; every input gets an accessible name.

use egui::{Response, TextEdit, Ui};

/// A text field with a visible label that is also its accessible name. Returns the field's
/// response (check `changed()` and `lost_focus()`).
pub fn labelled_text(ui: &mut Ui, label: &str, value: &mut String, multiline: bool) -> Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let edit = if multiline {
            TextEdit::multiline(value).desired_rows(3).desired_width(f32::INFINITY)
        } else {
            TextEdit::singleline(value).desired_width(f32::INFINITY)
        };
        ui.add(edit).labelled_by(label.id)
    })
    .inner
}

/// A combo box choosing one of `options` by name; returns the newly chosen one.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    current: T,
    options: &[T],
    name: impl Fn(T) -> String,
) -> Option<T> {
    let mut chosen = None;
    egui::ComboBox::from_label(label).selected_text(name(current)).show_ui(ui, |ui| {
        for &option in options {
            if ui.selectable_label(option == current, name(option)).clicked() && option != current {
                chosen = Some(option);
            }
        }
    });
    chosen
}
