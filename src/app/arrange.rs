//! Layout → Circular, Hierarchical, Geographic, Grid and ForceAtlas2: the Layouts window's
//! runs. A layout beyond force is computed on a worker thread (Cancel stops it) and applied as
//! one undoable step that leaves pinned actors where they are; ForceAtlas2's settings are saved
//! in the document as an undoable edit and it runs from scratch with them.

use std::time::Duration;

use super::KgxApp;
use crate::edit::Edit;
use crate::layout::algorithms::ArrangeError;
use crate::model::{ForceSettings, Metadata, check_gravity, check_scaling};
use crate::state::arrange::{ArrangeForm, ArrangeJob, LayoutChoice, report_text};

impl KgxApp {
    /// Shows the Layouts window on `choice` (an open one switches to it).
    pub(super) fn show_arrange(&mut self, choice: LayoutChoice) {
        let force = self.doc.graph.metadata.force;
        match &mut self.windows.arrange {
            Some(form) => {
                form.choice = choice;
                form.error = None;
            }
            None => self.windows.arrange = Some(Box::new(ArrangeForm::new(choice, force))),
        }
    }

    /// Runs the layout the window describes: beyond force on a worker thread; ForceAtlas2 from
    /// scratch, with its settings saved first if they were changed.
    pub(super) fn start_arrange(&mut self) {
        let Some(form) = self.windows.arrange.as_mut() else { return };
        if self.windows.arrange_job.is_some() {
            return;
        }
        match form.algorithm() {
            Err(message) => form.error = Some(message),
            Ok(None) => {
                let settings = form.force;
                if settings != self.doc.graph.metadata.force {
                    self.save_force_settings(settings);
                }
                self.doc.rerun_layout(true);
                self.set_status("ForceAtlas2 from scratch with the graph's settings (Ctrl+Z puts the picture back)");
            }
            Ok(Some((algorithm, description))) => {
                form.error = None;
                // The picture on screen is what the layout starts from (pinned actors included).
                self.doc.capture_positions();
                let job = ArrangeJob::start(std::sync::Arc::clone(&self.doc.graph), algorithm, description.clone());
                self.windows.arrange_job = Some(job);
                self.set_status(format!("Computing the {description}…"));
            }
        }
    }

    /// Stops the layout being computed, if any.
    pub(super) fn cancel_arrange(&mut self) {
        if let Some(job) = self.windows.arrange_job.take() {
            job.progress().cancel();
            self.set_status(format!("The {} was cancelled; the picture is as it was", job.description));
        }
    }

    /// Takes a finished layout: applies it as one undoable step, or says why not.
    pub(super) fn poll_arrange(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.windows.arrange_job else { return };
        let Some(result) = job.poll() else {
            ctx.request_repaint_after(Duration::from_millis(50));
            return;
        };
        let Some(job) = self.windows.arrange_job.take() else { return };
        match result {
            Err(ArrangeError::Cancelled) => {}
            Err(error) => {
                let message = format!("No {}: {error}", job.description);
                if let Some(form) = self.windows.arrange.as_mut() {
                    form.error = Some(message.clone());
                }
                self.set_status(message);
            }
            Ok(_) if job.structure != self.doc.graph.structure_version() => {
                self.set_status(format!("The graph changed while the {} was computed; run it again", job.description));
            }
            Ok(arrangement) => match self.doc.arrange(&arrangement.positions, &job.description) {
                Ok(moved) => {
                    let report = report_text(&arrangement.report);
                    self.set_status(format!(
                        "{}: {} moved, {report} (Ctrl+Z puts the picture back)",
                        capitalised(&job.description),
                        crate::words::actors(moved)
                    ));
                    self.canvas.fit_and_follow(&self.doc, &self.styling);
                }
                Err(error) => self.set_status(format!("Not laid out: {error}")),
            },
        }
    }

    /// Saves ForceAtlas2 settings in the document as one undoable step (bad values are refused
    /// with a message in the window).
    pub(super) fn save_force_settings(&mut self, settings: ForceSettings) {
        let checked = check_scaling(settings.scaling).and_then(|_| check_gravity(settings.gravity));
        if let Err(error) = checked {
            if let Some(form) = self.windows.arrange.as_mut() {
                form.error = Some(error.to_string());
            }
            return;
        }
        if settings == self.doc.graph.metadata.force {
            return;
        }
        let metadata = Metadata { force: settings, ..self.doc.graph.metadata.clone() };
        let result = self.doc.apply_named(Edit::SetMetadata(metadata), "change force settings");
        if self.after_edit(result) {
            self.set_status("Force settings saved with the graph; Re-run layout uses them");
        }
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
