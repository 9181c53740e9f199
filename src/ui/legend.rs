//! The left panel: a legend of actor and cooperation kinds (colour, shape, count, show/hide)
//! and a filterable list of actors to select from.

use egui::{Color32, RichText, ScrollArea, Sense, Ui, vec2};

use super::paint::ViewOptions;
use super::theme;
use crate::analysis::similarity::edit_distance;
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::selection::Selection;
use crate::model::{Actor, ActorKind, CooperationKind, Kind};

/// Text typed into the actor list's filter.
#[derive(Clone, Debug, Default)]
pub struct LegendState {
    /// The filter text.
    pub filter: String,
}

/// Shows the legend and the actor list.
pub fn legend_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    options: &mut ViewOptions,
    state: &mut LegendState,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new("Actors").strong());
    for kind in ActorKind::ALL {
        let count = doc.scene.actor_kind_counts[*kind as usize];
        if count == 0 {
            continue;
        }
        ui.horizontal(|ui| {
            swatch(ui, theme::actor_color(*kind), true);
            let shown = &mut options.actor_kinds[*kind as usize];
            ui.checkbox(shown, format!("{} ({count})", kind.name()))
                .on_hover_text(format!("Show or hide {} actors", kind.name()));
        });
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Cooperations").strong());
    for kind in CooperationKind::ALL {
        let count = doc.scene.cooperation_kind_counts[*kind as usize];
        if count == 0 {
            continue;
        }
        ui.horizontal(|ui| {
            swatch(ui, theme::cooperation_color(*kind), false);
            let shown = &mut options.cooperation_kinds[*kind as usize];
            ui.checkbox(shown, format!("{} ({count})", kind.name()))
                .on_hover_text(format!("Show or hide {} cooperations", kind.name()));
        });
    }
    ui.separator();
    actor_list_ui(ui, doc, selection, state, commands);
}

/// A colour sample: a disc for actor kinds, a bar for cooperation kinds.
fn swatch(ui: &mut Ui, color: Color32, disc: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
    if disc {
        ui.painter().circle_filled(rect.center(), 6.0, color);
    } else {
        ui.painter().rect_filled(rect.shrink2(vec2(0.0, 5.0)), 1.0, color);
    }
}

/// Whether an actor matches the filter: label, alias or id contains it, or the label is within
/// a typo of it.
fn matches(actor: &Actor, filter: &str) -> bool {
    let needle = filter.to_lowercase();
    let contains = |text: &str| text.to_lowercase().contains(&needle);
    contains(&actor.label)
        || contains(actor.id().as_str())
        || actor.aliases.iter().any(|a| contains(a))
        || (needle.chars().count() >= 4 && edit_distance(&actor.label, filter) <= 1)
}

fn actor_list_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    state: &mut LegendState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Find actor");
        ui.add(
            egui::TextEdit::singleline(&mut state.filter).hint_text("name, alias or id").desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    let mut actors: Vec<&Actor> = if state.filter.trim().is_empty() {
        doc.graph.actors().collect()
    } else {
        doc.graph.actors().filter(|a| matches(a, state.filter.trim())).collect()
    };
    actors.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase()).then(a.id().cmp(b.id())));
    ui.label(RichText::new(format!("{} actor{}", actors.len(), if actors.len() == 1 { "" } else { "s" })).weak());
    let row_height = ui.spacing().interact_size.y;
    ScrollArea::vertical().id_salt("actor list").auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        actors.len(),
        |ui, rows| {
            for actor in &actors[rows] {
                ui.horizontal(|ui| {
                    swatch(ui, theme::actor_color(actor.kind), true);
                    let selected = selection.contains(actor.id());
                    if ui.selectable_label(selected, &actor.label).clicked() {
                        commands.push(Command::FocusActor(actor.id().clone()));
                    }
                });
            }
        },
    );
}
