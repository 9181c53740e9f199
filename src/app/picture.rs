//! File → Export picture…: the graph as shown (live positions, hidden kinds left out), drawn
//! and written on a worker thread.

use std::path::Path;
use std::time::Duration;

use super::KgxApp;
use crate::model::KnowledgeGraph;
use crate::state::command::PictureCommand;
use crate::state::picture::{PictureForm, PictureJob, PictureState};

impl KgxApp {
    pub(super) fn run_picture_command(&mut self, command: PictureCommand) {
        match command {
            PictureCommand::Show => {
                if matches!(self.windows.picture, PictureState::Closed) {
                    // The picture has its own size (not the window's), so it labels the same
                    // actors whatever the window's width; the file goes where the last one went.
                    let mut form = PictureForm::default();
                    let stem =
                        self.doc.path.as_deref().and_then(Path::file_stem).map(|s| s.to_string_lossy().into_owned());
                    let name = format!("{}.png", stem.as_deref().unwrap_or("graph"));
                    form.path =
                        self.files.export_folder.as_ref().map_or(name.clone(), |d| d.join(&name).display().to_string());
                    self.windows.picture = PictureState::Form(Box::new(form), None);
                }
            }
            PictureCommand::Browse => {
                let PictureState::Form(form, _) = &mut self.windows.picture else { return };
                if self.files.native_dialogs && super::files::native_dialogs_available() {
                    let mut dialog = rfd::FileDialog::new()
                        .set_title("Export picture")
                        .add_filter("PNG picture", &["png"])
                        .add_filter("SVG drawing", &["svg"])
                        .add_filter("PDF document", &["pdf"])
                        .set_file_name("graph.png");
                    if let Some(folder) = &self.files.export_folder {
                        dialog = dialog.set_directory(folder);
                    }
                    if let Some(path) = dialog.save_file() {
                        form.path = path.display().to_string();
                    }
                } else {
                    form.error = Some("No file dialog here: type the file's path in the field.".to_owned());
                }
            }
            PictureCommand::Write => {
                let view = self.current_view();
                let graph = self.shown_graph();
                let PictureState::Form(form, job) = &mut self.windows.picture else { return };
                if job.is_some() {
                    return;
                }
                match form.request(view) {
                    Ok((path, options, format, scale)) => {
                        form.error = None;
                        self.files.export_folder =
                            path.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_owned);
                        *job = Some(PictureJob::start(graph, path, options, format, scale));
                    }
                    Err(message) => form.error = Some(message),
                }
            }
            PictureCommand::Close => self.windows.picture = PictureState::Closed,
        }
    }

    /// Takes a finished picture's outcome: the status line, or the problem in the form.
    pub(super) fn poll_picture(&mut self, ctx: &egui::Context) {
        let PictureState::Form(form, job) = &mut self.windows.picture else { return };
        let Some(running) = job else { return };
        match running.poll() {
            None => ctx.request_repaint_after(Duration::from_millis(50)),
            Some(Ok(message)) => {
                self.windows.picture = PictureState::Closed;
                self.set_status(message);
            }
            Some(Err(message)) => {
                form.error = Some(message);
                *job = None;
            }
        }
    }

    /// The part of the layout plane the canvas shows now.
    fn current_view(&self) -> Option<[f32; 4]> {
        let viewport = self.canvas.viewport;
        let (a, b) =
            (self.canvas.camera.to_world(viewport, viewport.min), self.canvas.camera.to_world(viewport, viewport.max));
        Some([a.x.min(b.x), a.y.min(b.y), a.x.max(b.x), a.y.max(b.y)])
    }

    /// The graph as shown: positions where the layout has them now, hidden actors left out.
    fn shown_graph(&mut self) -> KnowledgeGraph {
        self.doc.capture_positions();
        let mut graph = self.doc.graph.clone();
        let hidden: Vec<_> = graph
            .petgraph()
            .node_indices()
            .filter(|n| !self.styling.visibility.actor(n.index()))
            .filter_map(|n| graph.actor_at(n).map(|a| a.id().clone()))
            .collect();
        let hidden_cooperations: Vec<_> = graph
            .petgraph()
            .edge_indices()
            .filter(|e| !self.styling.visibility.cooperation(e.index()))
            .filter_map(|e| graph.cooperation_at(e).map(|c| c.cooperation.id().clone()))
            .collect();
        for id in hidden_cooperations {
            let _ = graph.remove_cooperation(&id);
        }
        for id in hidden {
            let _ = graph.remove_actor(&id);
        }
        graph
    }
}
