//! Style by attribute, in the Legend tab: colour by a category attribute (a palette) or a
//! number attribute (a ranking scale), size by a number attribute, shape by a category
//! attribute, and whether actors' own styles come first — each change one undoable step saved
//! with the graph — and the legend of what is mapped.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::theme::rgb;
use crate::draw::mapping::{MappingLegend, UNMAPPED, number, ranking_color};
use crate::model::{ColorMapping, Kind, StyleMapping};
use crate::state::command::{Command, EditCommand};
use crate::state::document::Document;

/// The graph's attribute names, each with whether all its values are numbers, cached until the
/// document changes.
#[derive(Clone, Debug, Default)]
pub struct MappingState {
    attributes: Option<(u64, Vec<(String, bool)>)>,
}

impl MappingState {
    /// The attribute names (sorted) and whether each holds only numbers. O(n · attributes)
    /// when the document changed, else free.
    fn attributes(&mut self, doc: &Document) -> &[(String, bool)] {
        if self.attributes.as_ref().is_none_or(|(revision, _)| *revision != doc.revision) {
            let mut seen: std::collections::BTreeMap<&str, bool> = std::collections::BTreeMap::new();
            for actor in doc.graph.actors() {
                for attribute in &actor.attributes {
                    let numeric = attribute.value.trim().is_empty() || number(&attribute.value).is_some();
                    let entry = seen.entry(attribute.key.as_str()).or_insert(true);
                    *entry &= numeric;
                }
            }
            let names = seen.into_iter().map(|(name, numeric)| (name.to_owned(), numeric)).collect();
            self.attributes = Some((doc.revision, names));
        }
        self.attributes.as_ref().map_or(&[], |(_, names)| names.as_slice())
    }
}

/// A drop-down with an accessible name; picking an entry returns its value.
fn choice<T: Clone + PartialEq>(ui: &mut Ui, label: &str, current: &T, entries: &[(String, T)]) -> Option<T> {
    let shown = entries.iter().find(|(_, v)| v == current).map_or_else(String::new, |(text, _)| text.clone());
    let mut picked = None;
    ui.horizontal(|ui| {
        ui.label(format!("{label}:"));
        egui::ComboBox::from_id_salt(("style by attribute", label))
            .selected_text(shown)
            .width(150.0)
            .show_ui(ui, |ui| {
                for (text, value) in entries {
                    if ui.selectable_label(value == current, text).clicked() && value != current {
                        picked = Some(value.clone());
                    }
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    });
    picked
}

/// Shows the Style by attribute controls and the legend of what is mapped.
pub fn mapping_ui(ui: &mut Ui, doc: &Document, state: &mut MappingState, commands: &mut Vec<Command>) {
    let current = &doc.graph.metadata.style;
    egui::CollapsingHeader::new("Style by attribute").default_open(!current.is_empty()).show(ui, |ui| {
        let attributes = state.attributes(doc).to_vec();
        if attributes.is_empty() {
            ui.label("No actor has attributes to style by.");
            return;
        }
        let mut colors = vec![("kind".to_owned(), None)];
        for (name, numeric) in &attributes {
            colors.push((name.clone(), Some(ColorMapping::Category(name.clone()))));
            if *numeric {
                colors.push((format!("{name} (ranking)"), Some(ColorMapping::Number(name.clone()))));
            }
        }
        let mut next = current.clone();
        if let Some(color) = choice(ui, "Colour by", &current.color, &colors) {
            next.color = color;
        }
        let mut sizes = vec![("degree".to_owned(), None)];
        sizes.extend(attributes.iter().filter(|(_, numeric)| *numeric).map(|(n, _)| (n.clone(), Some(n.clone()))));
        if let Some(size) = choice(ui, "Size by", &current.size, &sizes) {
            next.size = size;
        }
        let mut shapes = vec![("kind".to_owned(), None)];
        shapes.extend(attributes.iter().map(|(n, _)| (n.clone(), Some(n.clone()))));
        if let Some(shape) = choice(ui, "Shape by", &current.shape, &shapes) {
            next.shape = shape;
        }
        ui.checkbox(&mut next.own_styles_first, "Own styles first").on_hover_text(
            "On: an actor's own colour, size or shape (from an import or the inspector) wins over these mappings",
        );
        if next != *current {
            commands.push(Command::Edit(EditCommand::StyleMapping(next)));
        }
    });
    legend_ui(ui, &doc.scene.mapping_legend, current);
}

fn swatch(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
    ui.painter().circle_filled(rect.center(), 6.0, color);
}

/// The legend of the mappings: the palette's values with counts, the ranking scale's ends, the
/// size range, the shapes' values.
fn legend_ui(ui: &mut Ui, legend: &MappingLegend, mapping: &StyleMapping) {
    if legend.is_empty() {
        return;
    }
    if let Some(colors) = &legend.color_categories {
        ui.label(RichText::new(format!("Colour: {}", colors.attribute)).strong());
        for (value, color, count) in &colors.values {
            ui.horizontal(|ui| {
                swatch(ui, rgb(*color));
                ui.label(format!("{value} ({count})"));
            });
        }
        if colors.rest > 0 {
            ui.horizontal(|ui| {
                swatch(ui, rgb(UNMAPPED));
                ui.label(format!("other values ({})", colors.rest));
            });
        }
    }
    if let Some((attribute, min, max, count)) = &legend.color_range {
        ui.label(RichText::new(format!("Colour: {attribute} ({count} actors)")).strong());
        ui.horizontal(|ui| {
            ui.label(format!("{min}"));
            let (rect, _) = ui.allocate_exact_size(vec2(100.0, 10.0), Sense::hover());
            for k in 0..20 {
                let x0 = rect.left() + rect.width() * k as f32 / 20.0;
                let part = egui::Rect::from_min_size(egui::pos2(x0, rect.top()), vec2(rect.width() / 20.0 + 0.5, 10.0));
                ui.painter().rect_filled(part, 0.0, rgb(ranking_color((k as f32 / 19.0).sqrt())));
            }
            ui.label(format!("{max}"));
        });
    }
    if let Some((attribute, min, max, count)) = &legend.size_range {
        ui.label(RichText::new(format!("Size: {attribute} ({count} actors)")).strong());
        ui.label(format!("smallest disc {min}, largest {max}"));
    }
    if let Some(shapes) = &legend.shapes {
        ui.label(RichText::new(format!("Shape: {}", shapes.attribute)).strong());
        for (value, shape, count) in &shapes.values {
            ui.label(format!("{}: {value} ({count})", shape.label()));
        }
        if shapes.rest > 0 {
            ui.label(format!("kind's shape: other values ({})", shapes.rest));
        }
    }
    if mapping.own_styles_first {
        ui.label(RichText::new("Actors with their own look keep it.").weak());
    }
}
