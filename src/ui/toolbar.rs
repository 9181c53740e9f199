//! The menu bar and toolbar at the top, and the status bar at the bottom.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::paint::{DrawOn, ViewOptions};
use super::styling::Styling;
use crate::state::actions::Action;
use crate::state::command::{
    ArticleCommand, Command, EditCommand, FileCommand, KbCommand, LayoutCommand, MergeCommand, PictureCommand,
};
use crate::state::document::Document;
use crate::state::selection::Selection;

/// A menu entry for an action: its label and first key, from the action table; pushes its
/// command when clicked (and closes the menu).
fn action_button(ui: &mut Ui, enabled: bool, action: Action, commands: &mut Vec<Command>) -> egui::Response {
    let response = ui.add_enabled(enabled, egui::Button::new(action.menu_text()));
    if response.clicked()
        && let Some(command) = action.command()
    {
        commands.push(command);
        ui.close();
    }
    response
}

/// A toolbar button for an action: its label, its keys in the hover text.
fn tool_button(ui: &mut Ui, enabled: bool, label: &str, hint: &str, action: Action, commands: &mut Vec<Command>) {
    let keys = action.keys_text(false);
    let hint = if keys.is_empty() { hint.to_owned() } else { format!("{hint} ({keys})") };
    if ui.add_enabled(enabled, egui::Button::new(label)).on_hover_text(hint).clicked()
        && let Some(command) = action.command()
    {
        commands.push(command);
    }
}

/// Shows the menu bar with the toolbar buttons.
pub fn menu_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    options: &mut ViewOptions,
    recent: &[PathBuf],
    (side_panel, inspector, table): (bool, bool, bool),
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button(ui, true, Action::New, commands);
            action_button(ui, true, Action::Open, commands)
                .on_hover_text("kgx graphs, GraphML, GEXF, CSV, node-link JSON, Turtle and JSON-LD; other tools' files open as a new, unsaved graph");
            if ui
                .button("Import into this graph…")
                .on_hover_text("Adds another graph file's actors and cooperations; you choose which look-alike actors are the same")
                .clicked()
            {
                commands.push(Command::Merge(MergeCommand::Show(None)));
            }
            if ui
                .button("Import article…")
                .on_hover_text(
                    "Propose actors and cooperations from a news text, to review before they enter the graph",
                )
                .clicked()
            {
                commands.push(Command::Article(ArticleCommand::Show));
            }
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::File(FileCommand::Open(Some(path.clone()))));
                    }
                }
            });
            action_button(ui, true, Action::Save, commands);
            action_button(ui, true, Action::SaveAs, commands);
            if ui.button("Export as GraphML, GEXF, JSON, CSV or RDF…").clicked() {
                commands.push(Command::File(FileCommand::Export(None)));
            }
            if ui.button("Export picture…").on_hover_text("SVG, PNG or PDF, as the canvas draws it").clicked() {
                commands.push(Command::Picture(PictureCommand::Show));
            }
            if ui.button("Knowledge base…").on_hover_text("Open from or publish to a SPARQL endpoint").clicked() {
                commands.push(Command::Kb(KbCommand::Show));
            }
            ui.separator();
            if ui.button("Recover unsaved work…").clicked() {
                commands.push(Command::File(FileCommand::ShowRecovery));
            }
            ui.separator();
            action_button(ui, true, Action::Quit, commands);
        });
        ui.menu_button("Edit", |ui| {
            let undo = doc.history.undo_description().map_or("Undo".to_owned(), |d| format!("Undo {d}"));
            let undo_keys = Action::Undo.keys_text(false);
            if ui.add_enabled(doc.history.can_undo(), egui::Button::new(format!("{undo}  ({undo_keys})"))).clicked() {
                commands.push(Command::Edit(EditCommand::Undo));
            }
            let redo = doc.history.redo_description().map_or("Redo".to_owned(), |d| format!("Redo {d}"));
            let redo_keys = Action::Redo.keys_text(false);
            if ui.add_enabled(doc.history.can_redo(), egui::Button::new(format!("{redo}  ({redo_keys})"))).clicked() {
                commands.push(Command::Edit(EditCommand::Redo));
            }
            ui.separator();
            action_button(ui, true, Action::AddActor, commands);
            action_button(ui, selection.actor_count() == 2, Action::Connect, commands);
            action_button(ui, !selection.is_empty(), Action::Delete, commands);
            action_button(ui, selection.actor_count() > 0, Action::Pin, commands);
            action_button(ui, selection.actor_count() > 0, Action::Unpin, commands);
            action_button(ui, true, Action::SelectAll, commands);
        });
        ui.menu_button("View", |ui| {
            action_button(ui, true, Action::Fit, commands);
            action_button(ui, true, Action::Search, commands);
            ui.separator();
            for (shown, action) in [
                (side_panel, Action::ToggleSidePanel),
                (inspector, Action::ToggleInspector),
                (table, Action::ToggleTable),
            ] {
                if ui.selectable_label(shown, action.menu_text()).clicked()
                    && let Some(command) = action.command()
                {
                    commands.push(command);
                }
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
            for choice in crate::state::arrange::LayoutChoice::ALL {
                let text = if choice == crate::state::arrange::LayoutChoice::Force {
                    "ForceAtlas2 settings…".to_owned()
                } else {
                    format!("{}…", choice.name())
                };
                if ui.button(text).on_hover_text(choice.hint()).clicked() {
                    commands.push(Command::Layout(LayoutCommand::ShowArrange(choice)));
                    ui.close();
                }
            }
            ui.separator();
            let paused = doc.layout_paused();
            let text = if paused { "Resume layout" } else { "Pause layout" };
            let keys = Action::PauseLayout.keys_text(false);
            if ui.button(format!("{text}  ({keys})")).clicked() {
                commands.push(Command::Layout(LayoutCommand::Pause(!paused)));
            }
        });
        ui.separator();
        tool_button(ui, doc.history.can_undo(), "Undo", "Undo the last change", Action::Undo, commands);
        tool_button(ui, doc.history.can_redo(), "Redo", "Redo what was undone", Action::Redo, commands);
        tool_button(ui, true, "Add actor", "Add an actor (or double-click the canvas)", Action::AddActor, commands);
        let connect = "Connect the two selected actors (or Ctrl-drag between them)";
        tool_button(ui, selection.actor_count() == 2, "Connect", connect, Action::Connect, commands);
        tool_button(ui, true, "Fit", "Show the whole graph", Action::Fit, commands);
        let paused = doc.layout_paused();
        tool_button(
            ui,
            true,
            if paused { "Resume layout" } else { "Pause layout" },
            "Pause or resume the live layout",
            Action::PauseLayout,
            commands,
        );
        ui.menu_button("Re-run layout", |ui| layout_choices_ui(ui, doc, commands));
    });
}

/// The layout choices, in the Layout menu and under the toolbar's Re-run layout: refine the
/// picture, start from scratch, and whether changes reflow the whole picture.
fn layout_choices_ui(ui: &mut Ui, doc: &Document, commands: &mut Vec<Command>) {
    action_button(ui, true, Action::RerunLayout, commands).on_hover_text(
        "Every actor that is not pinned moves, starting from where it is (Ctrl+Z puts the picture back)",
    );
    action_button(ui, true, Action::LayoutFromScratch, commands)
        .on_hover_text("Forget the picture and lay the graph out anew; pinned actors stay (Ctrl+Z puts it back)");
    let mut automatic = doc.graph.metadata.auto_layout;
    if ui
        .checkbox(&mut automatic, "Lay out automatically after changes")
        .on_hover_text(
            "On: each new actor or cooperation reflows the whole picture. Off: the picture stays, and only new actors find their place. Saved with the graph.",
        )
        .changed()
    {
        commands.push(Command::Layout(LayoutCommand::Automatic(automatic)));
    }
}

/// Shows the status bar: counts, what the layout is doing, the offer to fit the view when part
/// of the picture is out of it, and the last message (shortened to the bar, whole on hover).
pub fn status_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    styling: &Styling,
    message: &str,
    picture_outside: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let (actors, cooperations) = (doc.graph.actor_count(), doc.graph.cooperation_count());
        let visibility = &styling.visibility;
        let (shown_actors, shown_cooperations) = (visibility.shown_actors, visibility.shown_cooperations);
        if (shown_actors, shown_cooperations) == (actors, cooperations) || visibility.actors.is_empty() {
            ui.label(format!("{} · {}", crate::words::actors(actors), crate::words::cooperations(cooperations)));
        } else {
            ui.label(format!(
                "Showing {shown_actors} of {} · {shown_cooperations} of {}",
                crate::words::actors(actors),
                crate::words::cooperations(cooperations)
            ));
        }
        ui.separator();
        ui.label(layout_state(doc));
        if picture_outside {
            ui.separator();
            let text = format!(
                "Part of the graph is out of view: Fit ({})",
                crate::state::actions::Action::Fit.keys_text(false)
            );
            if ui.button(text).clicked() {
                commands.push(Command::View(crate::state::command::ViewCommand::Fit));
            }
        }
        if !message.is_empty() {
            ui.separator();
            ui.add(egui::Label::new(RichText::new(message).italics()).truncate()).on_hover_text(message);
        }
    });
}

/// What the layout is doing, in words: moving everything, placing new actors, following a drag,
/// paused, or at rest (with how long it took when that was a while).
fn layout_state(doc: &Document) -> String {
    let engine = doc.layout.engine();
    if doc.layout_paused() {
        "layout paused".to_owned()
    } else if doc.layout_running() && engine.is_full_run() {
        format!("laying out… iteration {}", engine.iteration())
    } else if doc.layout_running() && doc.dragged_actor().is_some() {
        "neighbours follow the drag".to_owned()
    } else if doc.layout_running() {
        "placing new actors…".to_owned()
    } else if !engine.is_up_to_date() {
        // Something was asked of the layout and its answer is not on screen yet.
        "laying out…".to_owned()
    } else {
        match doc.last_settle().filter(|took| took.as_secs_f64() >= 2.0) {
            Some(took) => format!("layout settled in {:.1} s", took.as_secs_f64()),
            None => "layout settled".to_owned(),
        }
    }
}
