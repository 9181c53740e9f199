//! The Layouts window: choose circular (by kind, community or an attribute), hierarchical,
//! geographic (which attributes hold latitude and longitude), grid (by kind or community) or
//! ForceAtlas2 (its settings, saved with the graph), then Run. While a layout is computed on its
//! worker thread the window shows its progress and Cancel.

use egui::{Context, RichText, Ui};

use crate::layout::algorithms::{GridGrouping, LATITUDE_NAMES, LONGITUDE_NAMES};
use crate::model::MAX_FORCE_SETTING;
use crate::state::arrange::{ArrangeForm, ArrangeJob, LayoutChoice, OrderBy};
use crate::state::command::{Command, LayoutCommand};
use crate::state::document::Document;

/// Shows the Layouts window while `form` is open.
pub fn arrange_ui(
    ctx: &Context,
    form: &mut Option<Box<ArrangeForm>>,
    job: Option<&ArrangeJob>,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    let Some(form) = form.as_mut() else { return };
    let mut open = true;
    egui::Window::new("Layouts").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.add_enabled_ui(job.is_none(), |ui| {
            ui.horizontal(|ui| {
                for choice in LayoutChoice::ALL {
                    ui.selectable_value(&mut form.choice, choice, choice.name()).on_hover_text(choice.hint());
                }
            });
            ui.separator();
            let names = form.attribute_names(&doc.graph, doc.revision);
            match form.choice {
                LayoutChoice::Circular => circular_ui(ui, form, &names),
                LayoutChoice::Hierarchical => {
                    ui.label("Layers from top to bottom along the direction of cooperations (donor to recipient), with few crossings. Cycles are broken by turning as few cooperations as possible.");
                }
                LayoutChoice::Geographic => geographic_ui(ui, form, &names),
                LayoutChoice::Grid => {
                    ui.label("One block of rows and columns per");
                    ui.radio_value(&mut form.grid, GridGrouping::Kind, "kind");
                    ui.radio_value(&mut form.grid, GridGrouping::Community, "community");
                }
                LayoutChoice::Force => force_ui(ui, form, doc, commands),
            }
            ui.label(RichText::new("Pinned actors stay where they are. Ctrl+Z puts the picture back.").weak());
        });
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.separator();
        ui.horizontal(|ui| match job {
            Some(job) => {
                let fraction = job.progress().fraction();
                if fraction > 0.0 {
                    ui.add(egui::ProgressBar::new(fraction).desired_width(200.0).show_percentage());
                } else {
                    ui.spinner();
                }
                ui.label(format!("Computing the {}…", job.description));
                if ui.button("Cancel").clicked() {
                    commands.push(Command::Layout(LayoutCommand::CancelArrange));
                }
            }
            None => {
                let run = if form.choice == LayoutChoice::Force { "Run from scratch" } else { "Run" };
                if ui.button(run).clicked() {
                    commands.push(Command::Layout(LayoutCommand::Arrange));
                }
                if ui.button("Close").clicked() {
                    commands.push(Command::Layout(LayoutCommand::CloseArrange));
                }
            }
        });
    });
    if !open {
        commands.push(Command::Layout(LayoutCommand::CloseArrange));
    }
}

/// A drop-down of attribute names with an accessible name; `none` (if any) is the empty choice.
fn attribute_choice(ui: &mut Ui, label: &str, value: &mut String, names: &[String], none: Option<&str>) {
    let shown = if value.is_empty() { none.unwrap_or("choose…").to_owned() } else { value.clone() };
    ui.horizontal(|ui| {
        ui.label(format!("{label}:"));
        egui::ComboBox::from_id_salt(("layout attribute", label))
            .selected_text(shown)
            .width(180.0)
            .show_ui(ui, |ui| {
                if let Some(none) = none {
                    ui.selectable_value(value, String::new(), none);
                }
                for name in names {
                    ui.selectable_value(value, name.clone(), name);
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    });
}

fn circular_ui(ui: &mut Ui, form: &mut ArrangeForm, names: &[String]) {
    ui.label("Actors on a circle (concentric circles above 500), ordered by");
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.order, OrderBy::Kind, "kind");
        ui.radio_value(&mut form.order, OrderBy::Community, "community");
        ui.radio_value(&mut form.order, OrderBy::Attribute, "an attribute");
    });
    if form.order == OrderBy::Attribute {
        if names.is_empty() {
            ui.label("No actor has attributes.");
        } else {
            attribute_choice(ui, "Order by attribute", &mut form.order_attribute, names, None);
            ui.label(RichText::new("Numbers in increasing order, then other values alphabetically.").weak());
        }
    }
}

fn geographic_ui(ui: &mut Ui, form: &mut ArrangeForm, names: &[String]) {
    ui.label("A map, north up, from latitude and longitude in decimal degrees.");
    let detect = |usual: &[&str]| format!("detect ({})", usual.join(", "));
    attribute_choice(ui, "Latitude", &mut form.latitude, names, Some(&detect(LATITUDE_NAMES)));
    attribute_choice(ui, "Longitude", &mut form.longitude, names, Some(&detect(LONGITUDE_NAMES)));
}

fn force_ui(ui: &mut Ui, form: &mut ArrangeForm, doc: &Document, commands: &mut Vec<Command>) {
    ui.label("ForceAtlas2's settings, saved with the graph:");
    egui::Grid::new("force settings").num_columns(2).show(ui, |ui| {
        let label = ui.label("Scaling");
        ui.add(egui::DragValue::new(&mut form.force.scaling).range(0.01..=MAX_FORCE_SETTING).speed(0.1))
            .labelled_by(label.id)
            .on_hover_text("Repulsion: larger spreads the picture");
        ui.end_row();
        let label = ui.label("Gravity");
        ui.add(egui::DragValue::new(&mut form.force.gravity).range(0.0..=MAX_FORCE_SETTING).speed(0.05))
            .labelled_by(label.id)
            .on_hover_text("Pull towards the centre that keeps separate parts together");
        ui.end_row();
    });
    ui.checkbox(&mut form.force.lin_log, "LinLog (tighter, more separate clusters)");
    ui.checkbox(&mut form.force.prevent_overlap, "Prevent overlap");
    ui.horizontal(|ui| {
        let changed = form.force != doc.graph.metadata.force;
        if ui.add_enabled(changed, egui::Button::new("Save settings")).clicked() {
            commands.push(Command::Layout(LayoutCommand::ForceSettings(form.force)));
        }
        if ui.add_enabled(changed, egui::Button::new("Revert")).clicked() {
            form.force = doc.graph.metadata.force;
        }
        if ui.button("Defaults").clicked() {
            form.force = crate::model::ForceSettings::DEFAULT;
        }
    });
}
