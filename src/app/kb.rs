//! File → Knowledge base…: open from and publish to a SPARQL endpoint on a worker thread.

use std::time::Duration;

use super::KgxApp;
use crate::state::command::KbCommand;
use crate::state::document::Document;
use crate::state::kb::{KbForm, KbJob, KbOrigin, KbPoll};

/// Cooperations an expansion loads at most: a hub with thousands comes a page at a time.
const EXPAND_CAP: usize = 25;

impl KgxApp {
    pub(super) fn run_kb_command(&mut self, command: KbCommand) {
        match command {
            KbCommand::Show => {
                if self.windows.kb.is_none() {
                    // Where this graph came from, else the endpoint and graph last used (also when
                    // that call failed), so nothing has to be typed twice.
                    let mut form = KbForm::default();
                    if let Some(origin) = &self.doc.origin {
                        (form.endpoint, form.graph) = (origin.endpoint.clone(), origin.graph.clone());
                    } else if let Some((endpoint, graph)) = &self.files.kb_last {
                        (form.endpoint, form.graph) = (endpoint.clone(), graph.clone());
                    }
                    self.windows.kb = Some(Box::new(form));
                }
            }
            KbCommand::Pull => {
                if let Some(form) = self.windows.kb.as_mut().filter(|f| f.job.is_none()) {
                    self.files.kb_last = Some((form.endpoint.trim().to_owned(), form.graph.trim().to_owned()));
                    form.error = None;
                    form.job = Some(KbJob::pull(
                        form.endpoint.trim().to_owned(),
                        form.graph.trim().to_owned(),
                        form.query.clone(),
                    ));
                }
            }
            KbCommand::Push => {
                self.doc.capture_positions();
                let graph = (*self.doc.graph).clone();
                let origin = self.doc.origin.clone();
                if let Some(form) = self.windows.kb.as_mut().filter(|f| f.job.is_none()) {
                    let (endpoint, graph_iri) = (form.endpoint.trim().to_owned(), form.graph.trim().to_owned());
                    self.files.kb_last = Some((endpoint.clone(), graph_iri.clone()));
                    // The revision this document matches, if it came from this very graph.
                    let expected =
                        origin.filter(|o| o.endpoint == endpoint && o.graph == graph_iri).and_then(|o| o.revision);
                    form.error = None;
                    form.job = Some(KbJob::push(endpoint, graph_iri, graph, expected));
                }
            }
            KbCommand::Close => self.windows.kb = None,
            KbCommand::Cancel => {
                // The worker finishes its call (bounded by the time-out) and its answer is dropped.
                if let Some(form) = self.windows.kb.as_mut()
                    && form.job.take().is_some()
                {
                    form.error = Some("Cancelled; the endpoint may still finish what it was asked".to_owned());
                }
            }
            KbCommand::ShowLink(actor) => {
                let search = self.doc.graph.actor(&actor).map(|a| a.label.clone()).unwrap_or_default();
                let endpoint = self
                    .windows
                    .link
                    .as_ref()
                    .map(|l| l.endpoint.clone())
                    .or_else(|| self.doc.origin.as_ref().map(|o| o.endpoint.clone()))
                    .unwrap_or_default();
                let graph = self.windows.link.as_ref().map(|l| l.graph.clone()).unwrap_or_default();
                self.windows.link = Some(Box::new(crate::state::kb::LinkForm {
                    actor,
                    endpoint,
                    graph,
                    search,
                    job: None,
                    candidates: Vec::new(),
                    searched: false,
                    error: None,
                }));
            }
            KbCommand::ApplyLink(k) => {
                let Some(form) = &self.windows.link else { return };
                let (Some(entity), Some(actor)) = (form.candidates.get(k), self.doc.graph.actor(&form.actor)) else {
                    return;
                };
                let linked = crate::kb::linked(actor, entity);
                let message = format!("Linked {} to {}", actor.label, entity.iri);
                if self.apply(crate::edit::Edit::SetActor(linked), None) {
                    self.set_status(message);
                    self.windows.link = None;
                }
            }
            KbCommand::CloseLink => self.windows.link = None,
            KbCommand::Expand(actor) => {
                let Some(origin) = self.doc.origin.clone() else {
                    self.set_status("This graph did not come from a knowledge base: File → Knowledge base… opens one");
                    return;
                };
                if self.windows.expanding.is_none() {
                    let known: Vec<String> = self
                        .doc
                        .graph
                        .cooperations_of(&actor)
                        .iter()
                        .map(|c| c.cooperation.id().as_str().to_owned())
                        .collect();
                    self.set_status(format!("Loading {actor}'s cooperations from <{}>…", origin.graph));
                    self.windows.expanding = Some(KbJob::expand(&origin, actor, EXPAND_CAP, known));
                }
            }
        }
    }

    /// Adds an expanded neighbourhood as one undoable step.
    pub(super) fn poll_expand(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.windows.expanding else { return };
        match job.poll() {
            KbPoll::Running => ctx.request_repaint_after(Duration::from_millis(50)),
            KbPoll::Expanded(actor, found) => {
                self.windows.expanding = None;
                let (edit, counts) = crate::edit::merge::add_missing(&self.doc.graph, &found.graph);
                let label = self.doc.graph.actor(&actor).map_or(actor.to_string(), |a| a.label.clone());
                if counts.actors + counts.cooperations == 0 {
                    self.set_status(format!("All of {label}'s {} cooperations are already here", found.total));
                } else if self.apply(edit, None) {
                    let loaded = self.doc.graph.cooperations_of(&actor).len();
                    let more = if loaded < found.total {
                        format!("; Expand again for {} more", found.total - loaded)
                    } else {
                        String::new()
                    };
                    self.set_status(format!(
                        "Expanded {label}: {} and {} added, {loaded} of its {} here{more}",
                        crate::words::actors(counts.actors),
                        crate::words::cooperations(counts.cooperations),
                        crate::words::cooperations(found.total)
                    ));
                }
            }
            KbPoll::Failed(message) => {
                self.windows.expanding = None;
                // The status bar holds the sentence; the server's details stay out of it.
                let sentence = message.lines().next().unwrap_or_default();
                self.set_status(format!("Could not expand: {sentence}"));
            }
            KbPoll::Pulled(..) | KbPoll::Pushed(_) => self.windows.expanding = None,
        }
    }

    /// Takes a finished call's outcome.
    pub(super) fn poll_kb(&mut self, ctx: &egui::Context) {
        let Some(form) = self.windows.kb.as_mut() else { return };
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
                let counts = format!(
                    "{}, {}",
                    crate::words::actors(graph.actor_count()),
                    crate::words::cooperations(graph.cooperation_count())
                );
                let mut doc = Document::new(graph, None);
                let name = format!("<{}>", origin.graph);
                doc.untitled_name.clone_from(&name);
                doc.origin = Some(origin);
                self.windows.kb = None;
                let status = format!("Opened from the knowledge base: {counts}");
                let replacement = super::guard::Replacement { doc, name, status, recent: None };
                self.offer_document(replacement, ctx);
            }
            KbPoll::Expanded(..) => form.job = None,
            KbPoll::Pushed(revision) => {
                let origin = KbOrigin {
                    endpoint: form.endpoint.trim().to_owned(),
                    graph: form.graph.trim().to_owned(),
                    revision: Some(revision),
                };
                self.set_status(format!("Published to <{}> (revision {revision})", origin.graph));
                self.doc.origin = Some(origin);
                self.windows.kb = None;
            }
        }
    }
}
