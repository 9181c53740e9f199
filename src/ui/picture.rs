//! The "Export picture" window.

use egui::{Context, DragValue, TextEdit};

use crate::state::command::{Command, PictureCommand};
use crate::state::picture::PictureState;

/// Draws the picture window, if open.
pub fn picture_ui(ctx: &Context, state: &mut PictureState, commands: &mut Vec<Command>) {
    let PictureState::Form(form, job) = state else { return };
    let mut open = true;
    egui::Window::new("Export picture").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("Picture file");
            ui.add(
                TextEdit::singleline(&mut form.path).desired_width(320.0).hint_text("/path/to/picture.png, .svg or .pdf"),
            )
                .labelled_by(label.id);
            if ui.button("Browse…").clicked() {
                commands.push(Command::Picture(PictureCommand::Browse));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Width");
            ui.add(DragValue::new(&mut form.width).range(100.0..=20_000.0).suffix(" px")).labelled_by(label.id);
            let label = ui.label("Height");
            ui.add(DragValue::new(&mut form.height).range(100.0..=20_000.0).suffix(" px")).labelled_by(label.id);
            let label = ui.label("PNG scale");
            ui.add(DragValue::new(&mut form.scale).range(0.1..=8.0).speed(0.1).suffix("×")).labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            ui.radio_value(&mut form.current_view, false, "Whole graph");
            ui.radio_value(&mut form.current_view, true, "Current view");
            ui.checkbox(&mut form.legend, "Legend");
            ui.checkbox(&mut form.title, "Title");
        });
        ui.horizontal(|ui| {
            ui.label("Theme");
            for theme in crate::draw::Theme::ALL {
                let name = if theme == crate::draw::Theme::Light { "Light (print)" } else { "Dark" };
                ui.radio_value(&mut form.theme, theme, name);
            }
        });
        ui.label(egui::RichText::new("SVG keeps labels as text (for Inkscape and browsers); PNG is the same drawing in pixels; PDF is vector with the fonts embedded. Hidden kinds stay hidden.").weak());
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            if job.is_some() {
                ui.spinner();
                ui.label("Drawing…");
            } else if ui.button("Export").clicked() {
                commands.push(Command::Picture(PictureCommand::Write));
            }
            if ui.button("Close").clicked() {
                commands.push(Command::Picture(PictureCommand::Close));
            }
        });
    });
    if !open {
        commands.push(Command::Picture(PictureCommand::Close));
    }
}
