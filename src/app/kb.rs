//! File → Knowledge base…: open from and publish to a SPARQL endpoint on a worker thread.

use std::time::Duration;

use super::KgxApp;
use crate::state::command::Command;
use crate::state::document::Document;
use crate::state::kb::{KbForm, KbJob, KbOrigin, KbPoll};

impl KgxApp {
    pub(super) fn run_kb_command(&mut self, command: Command) {
        match command {
            Command::ShowKb if self.kb.is_none() => {
                let mut form = KbForm::default();
                if let Some(origin) = &self.doc.origin {
                    (form.endpoint, form.graph) = (origin.endpoint.clone(), origin.graph.clone());
                }
                self.kb = Some(Box::new(form));
            }
            Command::PullKb => {
                if let Some(form) = self.kb.as_mut().filter(|f| f.job.is_none()) {
                    form.error = None;
                    form.job = Some(KbJob::pull(form.endpoint.trim().to_owned(), form.graph.trim().to_owned()));
                }
            }
            Command::PushKb => {
                self.doc.capture_positions();
                let graph = self.doc.graph.clone();
                let origin = self.doc.origin.clone();
                if let Some(form) = self.kb.as_mut().filter(|f| f.job.is_none()) {
                    let (endpoint, graph_iri) = (form.endpoint.trim().to_owned(), form.graph.trim().to_owned());
                    // The revision this document matches, if it came from this very graph.
                    let expected =
                        origin.filter(|o| o.endpoint == endpoint && o.graph == graph_iri).and_then(|o| o.revision);
                    form.error = None;
                    form.job = Some(KbJob::push(endpoint, graph_iri, graph, expected));
                }
            }
            Command::CloseKb => self.kb = None,
            _ => {}
        }
    }

    /// Takes a finished call's outcome.
    pub(super) fn poll_kb(&mut self, ctx: &egui::Context) {
        let Some(form) = self.kb.as_mut() else { return };
        let Some(job) = &form.job else { return };
        match job.poll() {
            KbPoll::Running => ctx.request_repaint_after(Duration::from_millis(50)),
            KbPoll::Failed(message) => {
                form.job = None;
                form.error = Some(message);
            }
            KbPoll::Pulled(graph, revision) => {
                let graph = *graph;
                let origin = KbOrigin {
                    endpoint: form.endpoint.trim().to_owned(),
                    graph: form.graph.trim().to_owned(),
                    revision,
                };
                let counts = format!("{} actors, {} cooperations", graph.actor_count(), graph.cooperation_count());
                let mut doc = Document::new(graph, None);
                doc.untitled_name = format!("<{}>", origin.graph);
                doc.origin = Some(origin);
                self.kb = None;
                self.autosave.discard();
                self.replace_document(doc);
                self.set_status(format!("Opened from the knowledge base: {counts}"));
            }
            KbPoll::Pushed(revision) => {
                let origin = KbOrigin {
                    endpoint: form.endpoint.trim().to_owned(),
                    graph: form.graph.trim().to_owned(),
                    revision: Some(revision),
                };
                self.set_status(format!("Published to <{}> (revision {revision})", origin.graph));
                self.doc.origin = Some(origin);
                self.kb = None;
            }
        }
    }
}
