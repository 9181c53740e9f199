//! Keyboard shortcuts. Document shortcuts use Ctrl (⌘ on macOS); single keys act on the canvas
//! only while no text field has focus.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::KgxApp;
use super::command::Command;
use super::selection::Selection;
use crate::model::ActorId;

/// Turns shortcut presses into commands.
pub(super) fn collect(ctx: &egui::Context, commands: &mut Vec<Command>, selection: &Selection) {
    let typing = ctx.text_edit_focused();
    let shortcut =
        |modifiers: Modifiers, key: Key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)));
    let command_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    if shortcut(Modifiers::COMMAND, Key::N) {
        commands.push(Command::New);
    }
    if shortcut(Modifiers::COMMAND, Key::O) {
        commands.push(Command::Open(None));
    }
    if shortcut(command_shift, Key::S) {
        commands.push(Command::SaveAs(None));
    }
    if shortcut(Modifiers::COMMAND, Key::S) {
        commands.push(Command::Save);
    }
    if shortcut(Modifiers::COMMAND, Key::F) {
        commands.push(Command::FocusSearch);
    }
    if shortcut(Modifiers::COMMAND, Key::B) {
        commands.push(Command::ToggleSidePanel);
    }
    if shortcut(Modifiers::COMMAND, Key::I) {
        commands.push(Command::ToggleInspector);
    }
    if typing {
        // Text fields keep Ctrl+Z, Delete and the arrows for themselves.
        return;
    }
    if shortcut(command_shift, Key::Z) || shortcut(Modifiers::COMMAND, Key::Y) {
        commands.push(Command::Redo);
    }
    if shortcut(Modifiers::COMMAND, Key::Z) {
        commands.push(Command::Undo);
    }
    if shortcut(Modifiers::COMMAND, Key::A) {
        commands.push(Command::SelectAll);
    }
    if shortcut(Modifiers::NONE, Key::Delete) || shortcut(Modifiers::NONE, Key::Backspace) {
        commands.push(Command::DeleteSelection);
    }
    if ctx.input(|i| i.key_pressed(Key::Escape)) && egui::Popup::is_any_open(ctx) {
        // Escape closes an open menu first; the selection stays.
        egui::Popup::close_all(ctx);
        ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
    }
    if shortcut(Modifiers::NONE, Key::Escape) {
        commands.push(Command::ClearSelection);
    }
    if shortcut(Modifiers::NONE, Key::F) || shortcut(Modifiers::NONE, Key::Home) {
        commands.push(Command::FitView);
    }
    // Shifted first: egui matches a shortcut without Shift also when Shift is held.
    if shortcut(Modifiers::SHIFT, Key::P) {
        commands.push(Command::PinSelection(false));
    }
    if shortcut(Modifiers::NONE, Key::P) {
        commands.push(Command::PinSelection(true));
    }
    if shortcut(Modifiers::NONE, Key::Space) {
        commands.push(Command::ToggleLayoutPause);
    }
    if shortcut(Modifiers::NONE, Key::C) && selection.actor_count() == 2 {
        commands.push(Command::ConnectSelected);
    }
}

/// Camera keys (arrows pan, +/− zoom) and Tab / Shift+Tab to walk through the actors.
pub(super) fn navigate(ctx: &egui::Context, app: &mut KgxApp) {
    if ctx.text_edit_focused() {
        return;
    }
    let step = 80.0;
    let pans = [
        (Key::ArrowLeft, [step, 0.0]),
        (Key::ArrowRight, [-step, 0.0]),
        (Key::ArrowUp, [0.0, step]),
        (Key::ArrowDown, [0.0, -step]),
    ];
    for (key, [dx, dy]) in pans {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            app.canvas.camera.pan(egui::vec2(dx, dy));
            app.canvas.stop_following();
        }
    }
    let viewport = app.canvas.viewport;
    for (key, factor) in [(Key::Plus, 1.25), (Key::Equals, 1.25), (Key::Minus, 0.8)] {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            app.canvas.camera.zoom_at(viewport, viewport.center(), factor);
            app.canvas.stop_following();
        }
    }
    // Shift+Tab first: a plain Tab shortcut would also match it.
    let backward = ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
    let forward = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab));
    if (forward || backward)
        && let Some(id) = next_actor(app, forward)
    {
        app.push(Command::FocusActor(id));
    }
}

/// The actor after (or before) the selected one in label order, wrapping around.
fn next_actor(app: &KgxApp, forward: bool) -> Option<ActorId> {
    let graph = &app.doc.graph;
    let mut actors: Vec<_> = graph
        .petgraph()
        .node_indices()
        .filter(|n| app.styling.visibility.actor(n.index()))
        .filter_map(|n| graph.actor_at(n))
        .collect();
    if actors.is_empty() {
        return None;
    }
    actors.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase()).then(a.id().cmp(b.id())));
    let current = app.selection.single_actor().and_then(|id| actors.iter().position(|a| a.id() == id));
    let index = match (current, forward) {
        (None, true) => 0,
        (None, false) => actors.len() - 1,
        (Some(i), true) => (i + 1) % actors.len(),
        (Some(i), false) => (i + actors.len() - 1) % actors.len(),
    };
    Some(actors[index].id().clone())
}
