//! The "Knowledge base" window: open a named graph from a SPARQL endpoint, or publish to it.

use egui::{Context, RichText};

use crate::state::command::Command;
use crate::state::document::Document;
use crate::state::kb::KbForm;
use crate::ui::widgets::labelled_text;

/// Draws the knowledge-base window, if open.
pub fn kb_ui(ctx: &Context, form: &mut Option<Box<KbForm>>, doc: &Document, commands: &mut Vec<Command>) {
    let Some(form) = form else { return };
    let mut open = true;
    egui::Window::new("Knowledge base").open(&mut open).collapsible(false).default_width(560.0).show(ctx, |ui| {
        ui.label("A SPARQL 1.1 endpoint and a named graph in it. Credentials come from KGX_SPARQL_USER and KGX_SPARQL_PASSWORD.");
        labelled_text(ui, "Endpoint", &mut form.endpoint, false);
        labelled_text(ui, "Named graph", &mut form.graph, false);
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
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            if form.job.is_some() {
                ui.spinner();
                ui.label("Talking to the endpoint…");
            } else {
                let ready = !form.endpoint.trim().is_empty() && !form.graph.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Open")).on_hover_text("Open the named graph as a new document").clicked() {
                    commands.push(Command::PullKb);
                }
                if ui.add_enabled(ready, egui::Button::new("Publish this graph")).on_hover_text("Write this graph into the named graph").clicked() {
                    commands.push(Command::PushKb);
                }
            }
            if ui.button("Close").clicked() {
                commands.push(Command::CloseKb);
            }
        });
    });
    if !open {
        commands.push(Command::CloseKb);
    }
}
