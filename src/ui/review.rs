//! The article window: a form to open or paste an article, the extraction's progress, and the
//! review of its proposals with the source sentence highlighted.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Context, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{ActorId, ActorKind, CooperationKind, Kind};
use crate::state::command::Command;
use crate::state::document::Document;
use crate::state::review::{ArticleInput, ArticleReview, ArticleState, ReviewFocus};
use crate::ui::widgets::{labelled_text, option_list};

/// Draws the article window, if open.
pub fn article_ui(ctx: &Context, state: &mut ArticleState, doc: &Document, commands: &mut Vec<Command>) {
    let mut open = true;
    match state {
        ArticleState::Closed => {}
        ArticleState::Form { form, job } => {
            egui::Window::new("Import article").open(&mut open).default_width(560.0).collapsible(false).show(ctx, |ui| {
                ui.label("Propose actors and cooperations from a news article or report (English, plain text or Markdown). You review every proposal before anything enters the graph.");
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    let label = ui.label("Article file");
                    let width = (ui.available_width() - 90.0).max(120.0);
                    ui.add(TextEdit::singleline(&mut form.path).desired_width(width).hint_text("/path/to/article.txt"))
                        .labelled_by(label.id);
                    if ui.button("Browse…").clicked() {
                        commands.push(Command::BrowseArticle);
                    }
                });
                ui.label("or paste the text:");
                let paste_label = ui.label(RichText::new("Article text").small().weak());
                ScrollArea::vertical().max_height(180.0).id_salt("pasted article").show(ui, |ui| {
                    ui.add(TextEdit::multiline(&mut form.pasted).desired_rows(8).desired_width(f32::INFINITY).hint_text("Title on the first line, then the article…"))
                        .labelled_by(paste_label.id);
                });
                ui.collapsing("Source (optional)", |ui| {
                    labelled_text(ui, "Title", &mut form.title, false);
                    labelled_text(ui, "Publisher", &mut form.publisher, false);
                    labelled_text(ui, "Date (YYYY-MM-DD)", &mut form.date, false);
                    labelled_text(ui, "URL", &mut form.url, false);
                });
                if let Some(error) = &form.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.add_space(6.0);
                match job {
                    Some(job) => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(format!("Reading {} … {:.1} s", job.name, job.started.elapsed().as_secs_f32()));
                            if ui.button("Cancel").clicked() {
                                commands.push(Command::CancelArticle);
                            }
                        });
                    }
                    None => {
                        ui.horizontal(|ui| {
                            let input = if !form.pasted.trim().is_empty() {
                                Some(ArticleInput::Text(form.pasted.clone()))
                            } else if !form.path.trim().is_empty() {
                                Some(ArticleInput::File(form.path.trim().into()))
                            } else {
                                None
                            };
                            if ui.add_enabled(input.is_some(), egui::Button::new("Propose")).clicked()
                                && let Some(input) = input
                            {
                                commands.push(Command::ExtractArticle(input));
                            }
                            if ui.button("Close").clicked() {
                                commands.push(Command::CloseArticle);
                            }
                        });
                    }
                }
            });
        }
        ArticleState::Review(review) => {
            let title = format!("Review proposals — {}", review.form.title);
            egui::Window::new(title)
                .id(egui::Id::unique("article review"))
                .open(&mut open)
                .default_width(820.0)
                .default_height(640.0)
                .collapsible(false)
                .show(ctx, |ui| review_ui(ui, review, doc, commands));
        }
    }
    if !open {
        commands.push(Command::CloseArticle);
    }
}

fn review_ui(ui: &mut Ui, review: &mut ArticleReview, doc: &Document, commands: &mut Vec<Command>) {
    let (new, merged, cooperations) = review.counts();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} actors and {} cooperations proposed from {} sentences.",
            review.extraction.actors.len(),
            review.extraction.cooperations.len(),
            review.extraction.sentences
        ));
        if ui.button("Accept all").clicked() {
            review.set_all(true, None);
        }
        if ui.button("Reject all").clicked() {
            review.set_all(false, None);
        }
        if ui
            .button("Accept the confident ones")
            .on_hover_text("Accept proposals the extractor is at least 60% sure of; reject the rest")
            .clicked()
        {
            review.set_all(true, Some(0.6));
        }
    });
    ui.collapsing("Source", |ui| {
        labelled_text(ui, "Title", &mut review.form.title, false);
        labelled_text(ui, "Publisher", &mut review.form.publisher, false);
        labelled_text(ui, "Date (YYYY-MM-DD)", &mut review.form.date, false);
        labelled_text(ui, "URL", &mut review.form.url, false);
    });
    let mut existing: Vec<(ActorId, String)> =
        doc.graph.actors_sorted().into_iter().map(|a| (a.id().clone(), a.label.clone())).collect();
    existing.sort_by_key(|a| a.1.to_lowercase());
    let evidence_height = 150.0;
    let list_height = (ui.available_height() - evidence_height - 60.0).max(160.0);
    ScrollArea::vertical().max_height(list_height).id_salt("proposals").auto_shrink([false, true]).show(ui, |ui| {
        ui.heading(format!("Actors ({})", review.actors.len()));
        for i in 0..review.actors.len() {
            ui.push_id(("proposed actor", i), |ui| actor_row(ui, review, i, &existing));
        }
        ui.add_space(8.0);
        ui.heading(format!("Cooperations ({})", review.cooperations.len()));
        for k in 0..review.cooperations.len() {
            ui.push_id(("proposed cooperation", k), |ui| cooperation_row(ui, review, k));
        }
    });
    ui.separator();
    evidence_ui(ui, review, evidence_height);
    ui.separator();
    ui.horizontal(|ui| {
        let summary = format!("Add {new} new actors, merge {merged} into the graph's, add {cooperations} cooperations");
        let any = new + merged + cooperations > 0;
        if ui.add_enabled(any, egui::Button::new("Add to graph")).on_hover_text(summary.clone()).clicked() {
            commands.push(Command::ApplyArticle);
        }
        ui.label(RichText::new(summary).weak());
        if ui.button("Discard").clicked() {
            commands.push(Command::CloseArticle);
        }
    });
}

fn actor_row(ui: &mut Ui, review: &mut ArticleReview, i: usize, existing: &[(ActorId, String)]) {
    let Some(proposal) = review.extraction.actors.get(i).cloned() else { return };
    let focused = review.focus == Some(ReviewFocus::Actor(i));
    let Some(row) = review.actors.get_mut(i) else { return };
    ui.horizontal(|ui| {
        ui.checkbox(&mut row.accept, "").widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, true, row.accept, format!("Accept {}", proposal.label))
        });
        let name = ui.label(RichText::new("name").weak());
        ui.add(TextEdit::singleline(&mut row.label).desired_width(210.0)).labelled_by(name.id);
        if let Some(kind) = compact_choice(ui, "kind", row.kind, ActorKind::ALL, |k| k.label()) {
            row.kind = kind;
        }
        let current = row
            .merge_into
            .as_ref()
            .and_then(|id| existing.iter().find(|(e, _)| e == id))
            .map_or("new actor".to_owned(), |(_, l)| format!("same as {l}"));
        let label = ui.label(RichText::new("is").weak());
        egui::ComboBox::from_id_salt("merge")
            .selected_text(current)
            .width(190.0)
            .truncate()
            .show_ui(ui, |ui| {
                if ui.selectable_label(row.merge_into.is_none(), "new actor").clicked() {
                    row.merge_into = None;
                }
                for (id, label) in existing {
                    if ui.selectable_label(row.merge_into.as_ref() == Some(id), format!("same as {label}")).clicked() {
                        row.merge_into = Some(id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.label(RichText::new(format!("{:.0}%", proposal.confidence * 100.0)).weak())
            .on_hover_text("How sure the extractor is");
        if ui.selectable_label(focused, "sentence").on_hover_text("Show where the article says it").clicked() {
            review.focus = Some(ReviewFocus::Actor(i));
        }
    });
}

fn cooperation_row(ui: &mut Ui, review: &mut ArticleReview, k: usize) {
    let Some(proposal) = review.extraction.cooperations.get(k).cloned() else { return };
    let from = review.actor_label(&proposal.from).to_owned();
    let to = review.actor_label(&proposal.to).to_owned();
    let both = review.actor_taken(&proposal.from) && review.actor_taken(&proposal.to);
    let focused = review.focus == Some(ReviewFocus::Cooperation(k));
    let Some(row) = review.cooperations.get_mut(k) else { return };
    ui.horizontal(|ui| {
        let arrow = if proposal.directed { "->" } else { "<->" };
        let name = format!("{from} {arrow} {to}");
        ui.add_enabled_ui(both, |ui| {
            ui.checkbox(&mut row.accept, "").widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::CheckBox,
                    both,
                    row.accept,
                    format!("Accept {from} {} {to}", if proposal.directed { "to" } else { "with" }),
                )
            });
        });
        let text = RichText::new(name);
        ui.allocate_ui_with_layout(egui::vec2(300.0, 18.0), egui::Layout::left_to_right(egui::Align::Center), |ui| {
            ui.set_width(300.0);
            ui.add(egui::Label::new(if both { text } else { text.weak().strikethrough() }).truncate())
                .on_hover_text(if both { "Accept it to add it" } else { "Needs both actors: accept them first" });
        });
        if let Some(kind) = compact_choice(ui, "kind", row.kind, CooperationKind::ALL, |c| c.label()) {
            row.kind = kind;
        }
        if let Some(date) = proposal.date {
            ui.label(RichText::new(date.to_string()).weak());
        }
        ui.label(RichText::new(format!("“{}” {:.0}%", proposal.label, proposal.confidence * 100.0)).weak());
        if ui.selectable_label(focused, "sentence").on_hover_text("Show where the article says it").clicked() {
            review.focus = Some(ReviewFocus::Cooperation(k));
        }
    });
}

/// The focused proposal's sentence, highlighted within its surroundings.
fn evidence_ui(ui: &mut Ui, review: &ArticleReview, height: f32) {
    let Some(range) = review.focused_sentence() else {
        ui.label(RichText::new("Choose “sentence” on a row to see where the article says it.").weak());
        return;
    };
    let text = &review.text;
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(range.start);
    let end = floor(range.end.max(start));
    let before = floor(start.saturating_sub(500));
    let after = floor(end.saturating_add(500));
    let mut job = LayoutJob::default();
    let body = TextFormat { color: ui.visuals().weak_text_color(), ..Default::default() };
    let marked = TextFormat {
        color: ui.visuals().strong_text_color(),
        background: Color32::from_rgba_unmultiplied(255, 200, 0, 70),
        ..Default::default()
    };
    let piece = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    job.append(&format!("{}{}", if before > 0 { "…" } else { "" }, piece(before, start)), 0.0, body.clone());
    job.append(piece(start, end), 0.0, marked);
    job.append(&format!("{}{}", piece(end, after), if after < text.len() { "…" } else { "" }), 0.0, body);
    job.wrap.max_width = ui.available_width();
    ScrollArea::vertical().max_height(height).id_salt("evidence").auto_shrink([false, true]).show(ui, |ui| {
        ui.label(job);
    });
}

/// A narrow combo box after a small label that names it.
fn compact_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    current: T,
    options: &[T],
    name: impl Fn(T) -> String,
) -> Option<T> {
    let mut chosen = None;
    let label = ui.label(RichText::new(label).weak());
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(name(current))
        .width(150.0)
        .truncate()
        .show_ui(ui, |ui| chosen = option_list(ui, current, options, &name))
        .response
        .labelled_by(label.id);
    chosen
}
