//! The menu bar and toolbar at the top, and the status bar at the bottom.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::paint::{DrawOn, ViewOptions};
use super::styling::Styling;
use crate::state::command::Command;
use crate::state::document::Document;
use crate::state::selection::Selection;

/// Shows the menu bar with the toolbar buttons.
pub fn menu_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    options: &mut ViewOptions,
    recent: &[PathBuf],
    (side_panel, inspector): (bool, bool),
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("New  (Ctrl+N)").clicked() {
                commands.push(Command::New);
            }
            if ui.button("Open…  (Ctrl+O)").clicked() {
                commands.push(Command::Open(None));
            }
            if ui.button("Import GraphML, GEXF or CSV…").on_hover_text("Opens it as a new, unsaved kgx graph").clicked()
            {
                commands.push(Command::Open(None));
            }
            if ui
                .button("Import into this graph…")
                .on_hover_text("Adds another graph file's actors and cooperations; you choose which look-alike actors are the same")
                .clicked()
            {
                commands.push(Command::ImportInto(None));
            }
            if ui
                .button("Import article…")
                .on_hover_text(
                    "Propose actors and cooperations from a news text, to review before they enter the graph",
                )
                .clicked()
            {
                commands.push(Command::ImportArticle);
            }
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::Open(Some(path.clone())));
                    }
                }
            });
            if ui.button("Save  (Ctrl+S)").clicked() {
                commands.push(Command::Save);
            }
            if ui.button("Save as…  (Ctrl+Shift+S)").clicked() {
                commands.push(Command::SaveAs(None));
            }
            if ui.button("Export as GraphML, GEXF, JSON, CSV or RDF…").clicked() {
                commands.push(Command::Export(None));
            }
            if ui.button("Export picture…").on_hover_text("SVG or PNG, as the canvas draws it").clicked() {
                commands.push(Command::ExportPicture);
            }
            if ui.button("Knowledge base…").on_hover_text("Open from or publish to a SPARQL endpoint").clicked() {
                commands.push(Command::ShowKb);
            }
            ui.separator();
            if ui.button("Recover unsaved work…").clicked() {
                commands.push(Command::ShowRecovery);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = doc.history.undo_description().map_or("Undo".to_owned(), |d| format!("Undo {d}"));
            if ui.add_enabled(doc.history.can_undo(), egui::Button::new(format!("{undo}  (Ctrl+Z)"))).clicked() {
                commands.push(Command::Undo);
            }
            let redo = doc.history.redo_description().map_or("Redo".to_owned(), |d| format!("Redo {d}"));
            if ui.add_enabled(doc.history.can_redo(), egui::Button::new(format!("{redo}  (Ctrl+Shift+Z)"))).clicked() {
                commands.push(Command::Redo);
            }
            ui.separator();
            if ui.button("Add actor").clicked() {
                commands.push(Command::AddActor);
            }
            if ui.add_enabled(selection.actor_count() == 2, egui::Button::new("Connect selected")).clicked() {
                commands.push(Command::ConnectSelected);
            }
            if ui.add_enabled(!selection.is_empty(), egui::Button::new("Delete selected  (Del)")).clicked() {
                commands.push(Command::DeleteSelection);
            }
            if ui.button("Select all  (Ctrl+A)").clicked() {
                commands.push(Command::SelectAll);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Fit to view  (F)").clicked() {
                commands.push(Command::FitView);
            }
            ui.separator();
            if ui.selectable_label(side_panel, "Side panel  (Ctrl+B)").clicked() {
                commands.push(Command::ToggleSidePanel);
            }
            if ui.selectable_label(inspector, "Inspector  (Ctrl+I)").clicked() {
                commands.push(Command::ToggleInspector);
            }
            ui.separator();
            ui.checkbox(&mut options.size_by_degree, "Node size by degree");
            ui.checkbox(&mut options.show_labels, "Labels");
            ui.checkbox(&mut options.width_by_sources, "Line width by number of sources");
            ui.separator();
            ui.label("Theme");
            ui.radio_value(&mut options.theme, crate::draw::Theme::Dark, "Dark");
            ui.radio_value(&mut options.theme, crate::draw::Theme::Light, "Light");
            ui.separator();
            ui.label("Draw nodes and lines with");
            ui.radio_value(&mut options.draw_on, DrawOn::Auto, "the GPU for large graphs");
            ui.radio_value(&mut options.draw_on, DrawOn::Gpu, "the GPU always");
            ui.radio_value(&mut options.draw_on, DrawOn::Cpu, "the CPU");
        });
        ui.menu_button("Layout", |ui| {
            layout_choices_ui(ui, doc, commands);
            ui.separator();
            let paused = doc.layout_paused();
            if ui.button(if paused { "Resume layout  (Space)" } else { "Pause layout  (Space)" }).clicked() {
                commands.push(Command::PauseLayout(!paused));
            }
        });
        ui.separator();
        if ui.add_enabled(doc.history.can_undo(), egui::Button::new("Undo")).clicked() {
            commands.push(Command::Undo);
        }
        if ui.add_enabled(doc.history.can_redo(), egui::Button::new("Redo")).clicked() {
            commands.push(Command::Redo);
        }
        if ui.button("Add actor").on_hover_text("Add an actor (or double-click the canvas)").clicked() {
            commands.push(Command::AddActor);
        }
        if ui
            .add_enabled(selection.actor_count() == 2, egui::Button::new("Connect"))
            .on_hover_text("Connect the two selected actors (or Ctrl-drag between them)")
            .clicked()
        {
            commands.push(Command::ConnectSelected);
        }
        if ui.button("Fit").on_hover_text("Show the whole graph (F)").clicked() {
            commands.push(Command::FitView);
        }
        let paused = doc.layout_paused();
        if ui
            .button(if paused { "Resume layout" } else { "Pause layout" })
            .on_hover_text("Pause or resume the live layout (Space)")
            .clicked()
        {
            commands.push(Command::PauseLayout(!paused));
        }
        ui.menu_button("Re-run layout", |ui| layout_choices_ui(ui, doc, commands));
    });
}

/// The layout choices, in the Layout menu and under the toolbar's Re-run layout: refine the
/// picture, start from scratch, and whether changes reflow the whole picture.
fn layout_choices_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    if ui
        .button("Re-run from this picture")
        .on_hover_text("Every actor that is not pinned moves, starting from where it is (Ctrl+Z puts the picture back)")
        .clicked()
    {
        commands.push(Command::RerunLayout { fresh: false });
        ui.close();
    }
    if ui
        .button("Lay out from scratch")
        .on_hover_text("Forget the picture and lay the graph out anew; pinned actors stay (Ctrl+Z puts it back)")
        .clicked()
    {
        commands.push(Command::RerunLayout { fresh: true });
        ui.close();
    }
    let mut automatic = doc.graph.metadata.auto_layout;
    if ui
        .checkbox(&mut automatic, "Lay out automatically after changes")
        .on_hover_text(
            "On: each new actor or cooperation reflows the whole picture. Off: the picture stays, and only new actors find their place. Saved with the graph.",
        )
        .changed()
    {
        commands.push(Command::SetAutoLayout(automatic));
    }
}

/// Shows the status bar: counts, layout state and the last message.
pub fn status_bar_ui(ui: &mut Ui, doc: &Document, styling: &Styling, message: &str) {
    ui.horizontal(|ui| {
        let (actors, cooperations) = (doc.graph.actor_count(), doc.graph.cooperation_count());
        let visibility = &styling.visibility;
        let (shown_actors, shown_cooperations) = (visibility.shown_actors, visibility.shown_cooperations);
        if (shown_actors, shown_cooperations) == (actors, cooperations) || visibility.actors.is_empty() {
            ui.label(format!("{actors} actors · {cooperations} cooperations"));
        } else {
            ui.label(format!(
                "Showing {shown_actors} of {actors} actors · {shown_cooperations} of {cooperations} cooperations"
            ));
        }
        ui.separator();
        let engine = doc.layout.engine();
        let state = if doc.layout_paused() {
            "layout paused".to_owned()
        } else if doc.layout_running() {
            format!("laying out… iteration {}", engine.iteration())
        } else {
            // How long it took matters on graphs where it takes a while.
            match doc.last_settle().filter(|took| took.as_secs_f64() >= 2.0) {
                Some(took) => format!("layout settled in {:.1} s", took.as_secs_f64()),
                None => "layout settled".to_owned(),
            }
        };
        ui.label(state);
        if !message.is_empty() {
            ui.separator();
            ui.label(RichText::new(message).italics());
        }
    });
}
