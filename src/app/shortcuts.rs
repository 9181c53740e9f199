//! Keyboard shortcuts, from the one table of actions ([`crate::state::actions`]): document keys
//! with Ctrl (⌘ on macOS) act anywhere; single keys and editing keys act only while the canvas
//! has the context — no text field has the focus and no dialog, window or menu is open.

use egui::{Key, Modifiers};

use super::KgxApp;
use crate::model::ActorId;
use crate::state::actions::{Action, KeyContext, pressed};
use crate::state::command::{Command, ViewCommand};

impl KgxApp {
    /// Whether the canvas has the keyboard's context: nothing else is taking keys.
    pub(super) fn canvas_has_context(&self, ctx: &egui::Context) -> bool {
        !ctx.text_edit_focused()
            && !egui::Popup::is_any_open(ctx)
            && self.dialog_kind() == "none"
            && !self.windows.article.is_open()
            && matches!(self.windows.picture, crate::state::picture::PictureState::Closed)
            && matches!(self.windows.merge, crate::state::merge::MergeState::Closed)
            && self.windows.csv.is_none()
            && self.windows.kb.is_none()
            && self.windows.link.is_none()
    }
}

/// Turns the keys pressed this frame into commands, and moves the camera for its keys.
pub(super) fn handle(ctx: &egui::Context, app: &mut KgxApp) {
    if ctx.input(|i| i.key_pressed(Key::Escape)) && egui::Popup::is_any_open(ctx) {
        // Escape closes an open menu first; the selection stays.
        egui::Popup::close_all(ctx);
        ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
    }
    let context = KeyContext {
        canvas: app.canvas_has_context(ctx),
        inspector: app.panels.inspector.has_focus && app.files.dialog.kind() == "none",
    };
    for action in pressed(ctx, context) {
        if let Some(command) = action.command() {
            app.push(command);
            continue;
        }
        let viewport = app.canvas.viewport;
        let step = 80.0;
        match action {
            Action::PanLeft => app.canvas.camera.pan(egui::vec2(step, 0.0)),
            Action::PanRight => app.canvas.camera.pan(egui::vec2(-step, 0.0)),
            Action::PanUp => app.canvas.camera.pan(egui::vec2(0.0, step)),
            Action::PanDown => app.canvas.camera.pan(egui::vec2(0.0, -step)),
            Action::ZoomIn => app.canvas.camera.zoom_at(viewport, viewport.center(), 1.25),
            Action::ZoomOut => app.canvas.camera.zoom_at(viewport, viewport.center(), 0.8),
            Action::NextActor | Action::PreviousActor => {
                if let Some(id) = next_actor(app, action == Action::NextActor) {
                    app.push(Command::View(ViewCommand::FocusActor(id)));
                }
                continue;
            }
            _ => continue,
        }
        app.canvas.stop_following();
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
