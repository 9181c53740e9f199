//! The "Import into this graph" review: which incoming actors are actors the graph has.

use egui::{Context, RichText, ScrollArea};

use crate::io::import::ParallelRule;
use crate::state::command::{Command, MergeCommand};
use crate::state::document::Document;
use crate::state::merge::MergeState;

/// Draws the import-into window, if open.
pub fn merge_ui(ctx: &Context, state: &mut MergeState, doc: &Document, commands: &mut Vec<Command>) {
    let mut open = true;
    match state {
        MergeState::Closed => return,
        MergeState::Reading(job) => {
            egui::Window::new("Import into this graph").open(&mut open).collapsible(false).show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Reading {} …", job.path.display()));
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::Merge(MergeCommand::Close));
                    }
                });
            });
        }
        MergeState::Review(review) => {
            egui::Window::new(format!("Import {} into this graph", review.name))
                .open(&mut open)
                .collapsible(false)
                .default_width(620.0)
                .show(ctx, |ui| {
                    let (actors, cooperations) = (review.incoming.actor_count(), review.incoming.cooperation_count());
                    ui.label(format!("{actors} actors and {cooperations} cooperations to add."));
                    for note in &review.notes {
                        ui.label(RichText::new(note).weak());
                    }
                    if review.repeats.any() {
                        ui.label(format!("{}.", review.repeats.describe(("cooperation", "cooperations"))));
                        parallel_rule_ui(ui, "Repeated pairs", &mut review.merge_parallel);
                    }
                    if review.look_alikes.is_empty() {
                        ui.label("None of them looks like an actor this graph has: all are added as new actors.");
                    } else {
                        ui.label(format!(
                            "{} look like actors this graph has (same name or alias, ignoring case, accents and punctuation). Ticked ones are merged: their names become aliases and their cooperations join the existing actor. Untick any that differ.",
                            review.look_alikes.len()
                        ));
                        ui.horizontal(|ui| {
                            if ui.button("Merge all").clicked() {
                                review.look_alikes.iter_mut().for_each(|(_, on)| *on = true);
                            }
                            if ui.button("Keep all separate").clicked() {
                                review.look_alikes.iter_mut().for_each(|(_, on)| *on = false);
                            }
                        });
                        ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                            for (alike, on) in &mut review.look_alikes {
                                let incoming = review.incoming.actor(&alike.incoming).map_or(alike.incoming.as_str(), |a| a.label.as_str());
                                let existing = doc.graph.actor(&alike.existing).map_or(alike.existing.as_str(), |a| a.label.as_str());
                                ui.checkbox(on, format!("Merge “{incoming}” into “{existing}”"));
                            }
                        });
                    }
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui.button("Import").clicked() {
                            commands.push(Command::Merge(MergeCommand::Apply));
                        }
                        if ui.button("Cancel").clicked() {
                            commands.push(Command::Merge(MergeCommand::Close));
                        }
                    });
                });
        }
    }
    if !open {
        commands.push(Command::Merge(MergeCommand::Close));
    }
}

/// A chooser of what to do with repeated pairs, named `name` for screen readers and tests.
pub fn parallel_rule_ui(ui: &mut egui::Ui, name: &str, rule: &mut ParallelRule) {
    ui.horizontal(|ui| {
        ui.label(format!("{name}:"));
        egui::ComboBox::from_id_salt(("parallel rule", name))
            .selected_text(rule.label())
            .show_ui(ui, |ui| {
                for option in ParallelRule::ALL {
                    ui.selectable_value(rule, option, option.label());
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
    });
}
