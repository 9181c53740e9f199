//! The "Knowledge base" window: open a named graph from a SPARQL endpoint, or publish to it.

use egui::{Context, RichText};

use crate::state::command::{Command, KbCommand};
use crate::state::document::Document;
use crate::state::kb::KbForm;
use crate::ui::widgets::labelled_text;

/// Draws the knowledge-base window, if open.
pub fn kb_ui(ctx: &Context, form: &mut Option<Box<KbForm>>, doc: &Document, commands: &mut Vec<Command>) {
    let Some(form) = form else { return };
    let mut open = true;
    egui::Window::new("Knowledge base").open(&mut open).collapsible(false).default_width(560.0).show(ctx, |ui| {
        ui.label("A SPARQL 1.1 endpoint and a named graph in it. Credentials come from KGX_SPARQL_USER and KGX_SPARQL_PASSWORD.");
        hinted_text(ui, "Endpoint", &mut form.endpoint, "e.g. http://localhost:8890/sparql");
        hinted_text(ui, "Named graph", &mut form.graph, "e.g. https://example.org/graphs/covid-cooperation");
        ui.collapsing("Open a CONSTRUCT query instead", |ui| {
            ui.label(RichText::new("Its triples must follow kgx's RDF mapping (README); the result is not tied to a named graph.").weak());
            labelled_text(ui, "CONSTRUCT query", &mut form.query, true);
        });
        if let Some(origin) = &doc.origin {
            ui.label(RichText::new(format!(
                "This graph came from <{}> at {} (revision {}).",
                origin.graph,
                origin.endpoint,
                origin.revision.map_or_else(|| "none".to_owned(), |r| r.to_string())
            ))
            .weak());
        }
        if let Some(error) = &form.error {
            problem_ui(ui, error);
        }
        ui.horizontal(|ui| {
            if form.job.is_some() {
                ui.spinner();
                ui.label("Talking to the endpoint…");
                if ui.button("Cancel").clicked() {
                    commands.push(Command::Kb(KbCommand::Cancel));
                }
            } else {
                let endpoint = !form.endpoint.trim().is_empty();
                let graph = !form.graph.trim().is_empty();
                let query = !form.query.trim().is_empty();
                if ui
                    .add_enabled(endpoint && (graph || query), egui::Button::new("Open"))
                    .on_hover_text("Open the named graph (or the query's result) as a new document")
                    .clicked()
                {
                    commands.push(Command::Kb(KbCommand::Pull));
                }
                if ui.add_enabled(endpoint && graph, egui::Button::new("Publish this graph")).on_hover_text("Write this graph into the named graph").clicked() {
                    commands.push(Command::Kb(KbCommand::Push));
                }
            }
            if ui.button("Close").clicked() {
                commands.push(Command::Kb(KbCommand::Close));
            }
        });
    });
    if !open {
        commands.push(Command::Kb(KbCommand::Close));
    }
}

/// A labelled text field showing an example while it is empty.
fn hinted_text(ui: &mut egui::Ui, label: &str, value: &mut String, example: &str) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY).hint_text(example)).labelled_by(label.id);
    });
}

/// A problem in one sentence (its first line), with what the server said folded under it.
fn problem_ui(ui: &mut egui::Ui, problem: &str) {
    let (sentence, details) = problem.split_once('\n').unwrap_or((problem, ""));
    ui.colored_label(ui.visuals().error_fg_color, sentence);
    if !details.trim().is_empty() {
        ui.collapsing("Details", |ui| {
            ui.label(RichText::new(details.trim()).weak());
        });
    }
}

/// Draws the "Link to a knowledge base" window, if open.
pub fn link_ui(
    ctx: &Context,
    form: &mut Option<Box<crate::state::kb::LinkForm>>,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    let name = doc.graph.actor(&form.actor).map_or_else(|| form.actor.to_string(), |a| a.label.clone());
    let mut open = true;
    egui::Window::new(format!("Link {name}")).open(&mut open).collapsible(false).default_width(560.0).show(ctx, |ui| {
        ui.label("Look the actor up in a knowledge base (Wikidata's shape: labels, P17 country, P749 parent organisation) and link it to the entity it is.");
        labelled_text(ui, "Knowledge base", &mut form.endpoint, false);
        labelled_text(ui, "In named graph (optional)", &mut form.graph, false);
        ui.horizontal(|ui| {
            let label = ui.label("Search for");
            ui.add(egui::TextEdit::singleline(&mut form.search).desired_width(280.0)).labelled_by(label.id);
            if form.job.is_some() {
                ui.spinner();
            } else if ui.add_enabled(!form.endpoint.trim().is_empty() && !form.search.trim().is_empty(), egui::Button::new("Search")).clicked() {
                form.search();
            }
        });
        if let Some(error) = &form.error {
            problem_ui(ui, error);
        }
        if form.searched && form.candidates.is_empty() {
            ui.label("Nothing found.");
        }
        for (k, candidate) in form.candidates.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui.button(format!("Link to {}", candidate.label)).on_hover_text(&candidate.iri).clicked() {
                    commands.push(Command::Kb(KbCommand::ApplyLink(k)));
                }
                let facts: Vec<String> = [
                    candidate.description.clone(),
                    candidate.country.clone().map(|c| format!("country: {c}")),
                    candidate.parent.clone().map(|p| format!("part of: {p}")),
                ]
                .into_iter()
                .flatten()
                .collect();
                ui.label(RichText::new(facts.join(" · ")).weak());
            });
        }
        if ui.button("Close").clicked() {
            commands.push(Command::Kb(KbCommand::CloseLink));
        }
    });
    if !open {
        commands.push(Command::Kb(KbCommand::CloseLink));
    }
}
