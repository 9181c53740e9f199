//! The camera, the panels, dragging actors and the layout: what the View and Layout menus, the
//! canvas's gestures and their shortcuts ask for.

use super::{KgxApp, LeftTab};
use crate::edit::Edit;
use crate::state::command::{DragCommand, LayoutCommand, ViewCommand};

impl KgxApp {
    /// Carries out a view command.
    pub(super) fn run_view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::FocusActor(id) => {
                if let Some(node) = self.doc.engine_node_of(&id) {
                    self.canvas.centre_on(&self.doc, node);
                }
                self.selection.set_actors([id]);
            }
            ViewCommand::Fit => self.canvas.fit_and_follow(&self.doc, &self.styling),
            ViewCommand::FocusSearch => {
                self.panels.show_side_panel = true;
                self.panels.tab = LeftTab::Legend;
                self.panels.legend.focus_search = true;
            }
            ViewCommand::ToggleSidePanel => self.panels.show_side_panel = !self.panels.show_side_panel,
            ViewCommand::ToggleInspector => self.panels.show_inspector = !self.panels.show_inspector,
        }
    }

    /// Carries out a drag gesture's step.
    pub(super) fn run_drag(&mut self, command: DragCommand) {
        match command {
            DragCommand::Begin(actor) => {
                self.doc.begin_drag(&actor);
            }
            DragCommand::Move { actor, to } => self.doc.drag_to(&actor, to),
            DragCommand::End(actor) => {
                if let Err(error) = self.doc.end_drag(&actor) {
                    self.set_status(format!("Not moved: {error}"));
                }
            }
        }
    }

    /// Carries out a layout command.
    pub(super) fn run_layout(&mut self, command: LayoutCommand) {
        match command {
            LayoutCommand::LabelRoom(room) => self.doc.set_label_room(room),
            LayoutCommand::Pause(paused) => self.doc.set_layout_paused(paused),
            LayoutCommand::TogglePause => self.doc.set_layout_paused(!self.doc.layout_paused()),
            LayoutCommand::Rerun { fresh } => {
                self.doc.rerun_layout(fresh);
                self.set_status(if fresh {
                    "Laying out from scratch (Ctrl+Z puts the picture back)"
                } else {
                    "Re-running the layout from this picture (Ctrl+Z puts it back)"
                });
            }
            LayoutCommand::ShowArrange(choice) => self.show_arrange(choice),
            LayoutCommand::Arrange => self.start_arrange(),
            LayoutCommand::CancelArrange => self.cancel_arrange(),
            LayoutCommand::CloseArrange => {
                self.cancel_arrange();
                self.windows.arrange = None;
            }
            LayoutCommand::ForceSettings(settings) => self.save_force_settings(settings),
            LayoutCommand::Automatic(on) => {
                let metadata = crate::model::Metadata { auto_layout: on, ..self.doc.graph.metadata.clone() };
                if self.apply(Edit::SetMetadata(metadata), None) {
                    self.set_status(if on {
                        "Automatic layout: each new actor or cooperation reflows the whole picture"
                    } else {
                        "The picture stays as it is: only new actors find their place"
                    });
                }
            }
        }
    }
}
