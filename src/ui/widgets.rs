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
    choice_with(ui, label, current, options, name, |_| None)
}

/// A combo box of kinds: each option with its colour swatch beside its name (the closed box
/// shows the chosen one's colour too); returns the newly chosen one.
pub fn kind_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    current: T,
    options: &[T],
    name: impl Fn(T) -> String,
    color: impl Fn(T) -> egui::Color32,
) -> Option<T> {
    choice_with(ui, label, current, options, name, |k| Some(color(k)))
}

fn choice_with<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    current: T,
    options: &[T],
    name: impl Fn(T) -> String,
    color: impl Fn(T) -> Option<egui::Color32>,
) -> Option<T> {
    let mut chosen = None;
    // As wide as the row allows (the label keeps its room, with slack so the panel never grows
    // frame after frame), long names shortened with "…".
    let label_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(label.to_owned(), egui::TextStyle::Body.resolve(ui.style()), egui::Color32::WHITE).size().x
    });
    let width = (ui.available_width() - label_width - 3.0 * ui.spacing().item_spacing.x - 12.0).clamp(80.0, 260.0);
    ui.scope(|ui| {
        ui.set_max_width(width + label_width + 2.0 * ui.spacing().item_spacing.x);
        let mut combo = egui::ComboBox::from_label(label).selected_text(name(current)).width(width).truncate();
        if let Some(fill) = color(current) {
            // The chosen kind's colour beside the box's arrow.
            combo = combo.icon(move |ui, rect, visuals, _open| {
                let swatch = egui::Rect::from_center_size(
                    rect.center() - egui::vec2(rect.width() + 2.0, 0.0),
                    egui::vec2(9.0, 9.0),
                );
                ui.painter().rect_filled(swatch, 2.0, fill);
                let arrow = rect.shrink(rect.width() * 0.2);
                ui.painter().add(egui::Shape::convex_polygon(
                    vec![arrow.left_top(), arrow.right_top(), arrow.center_bottom()],
                    visuals.fg_stroke.color,
                    egui::Stroke::NONE,
                ));
            });
        }
        combo.show_ui(ui, |ui| {
            for &option in options {
                let selected = option == current;
                let response = ui
                    .horizontal(|ui| {
                        if let Some(fill) = color(option) {
                            let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            ui.painter().rect_filled(swatch, 2.0, fill);
                        }
                        ui.selectable_label(selected, name(option))
                    })
                    .inner;
                if response.clicked() && !selected {
                    chosen = Some(option);
                }
            }
        });
    });
    chosen
}

/// The options of a combo box, the current one marked; returns the one newly chosen.
pub fn option_list<T: Copy + PartialEq>(
    ui: &mut Ui,
    current: T,
    options: &[T],
    name: &impl Fn(T) -> String,
) -> Option<T> {
    let mut chosen = None;
    for &option in options {
        if ui.selectable_label(option == current, name(option)).clicked() && option != current {
            chosen = Some(option);
        }
    }
    chosen
}
