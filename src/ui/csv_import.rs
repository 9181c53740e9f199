//! The CSV column dialog: the first rows, and a choice of field under each column.

use egui::{Context, RichText, ScrollArea};

use crate::io::import::CsvField;
use crate::state::command::{Command, CsvCommand};
use crate::state::csv_import::{CsvForm, CsvJob, CsvPurpose};

/// Draws the CSV column dialog, if open, or the progress of a CSV being read or imported.
pub fn csv_ui(ctx: &Context, form: &mut Option<Box<CsvForm>>, job: Option<&CsvJob>, commands: &mut Vec<Command>) {
    if let Some(job) = job {
        egui::Window::new("CSV").collapsible(false).show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Reading {} …", job.path().display()));
                if ui.button("Cancel").clicked() {
                    commands.push(Command::Csv(CsvCommand::Close));
                }
            });
        });
    }
    let Some(form) = form else { return };
    let mut open = true;
    let name = form.path.file_name().map_or_else(|| "CSV".to_owned(), |n| n.to_string_lossy().into_owned());
    egui::Window::new(format!("Columns of {name}")).open(&mut open).collapsible(false).default_width(760.0).show(ctx, |ui| {
        ui.label(format!(
            "{} rows. Say what each column is: an id (a table of actors) or a source and a target (a table of cooperations); other columns become attributes or are left out.",
            form.preview.row_count
        ));
        ScrollArea::both().max_height(300.0).show(ui, |ui| {
            egui::Grid::new("csv columns").striped(true).show(ui, |ui| {
                for header in &form.preview.headers {
                    ui.label(RichText::new(header).strong());
                }
                ui.end_row();
                for (k, header) in form.preview.headers.iter().enumerate() {
                    let Some(field) = form.fields.get_mut(k) else { continue };
                    let label = format!("Column {header} is");
                    egui::ComboBox::from_id_salt(("csv field", k))
                        .selected_text(field.label())
                        .width(130.0)
                        .show_ui(ui, |ui| {
                            for option in CsvField::ALL {
                                ui.selectable_value(field, option, option.label());
                            }
                        })
                        .response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label.clone()));
                }
                ui.end_row();
                for row in &form.preview.rows {
                    for cell in row {
                        let short: String = cell.chars().take(40).collect();
                        ui.label(if short.len() < cell.len() { format!("{short}…") } else { short });
                    }
                    ui.end_row();
                }
            });
        });
        repeats_ui(ui, form);
        ui.checkbox(&mut form.remember, "Remember for files with these columns");
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            let verb = match form.purpose {
                CsvPurpose::Open => "Import",
                CsvPurpose::Merge => "Continue",
            };
            if ui.button(verb).clicked() {
                commands.push(Command::Csv(CsvCommand::Import));
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::Csv(CsvCommand::Close));
            }
        });
    });
    if !open {
        commands.push(Command::Csv(CsvCommand::Close));
    }
}

/// How often the table repeats its pairs, and what to do with the repeated rows (merging, adding
/// their weights, is proposed when there are any).
fn repeats_ui(ui: &mut egui::Ui, form: &mut CsvForm) {
    if form.counting.is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Counting repeated pairs …");
        });
        return;
    }
    let Some(repeats) = form.current_repeats().filter(|r| r.any()) else { return };
    ui.label(format!("{}. Merge the repeated rows into one cooperation per pair?", repeats.describe(("row", "rows"))));
    let before = form.merge_parallel;
    crate::ui::merge::parallel_rule_ui(ui, "Repeated rows", &mut form.merge_parallel);
    if form.merge_parallel != before {
        form.rule_chosen = true;
    }
}
