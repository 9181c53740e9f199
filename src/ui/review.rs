//! The article window: a form to open or paste an article, the extraction's progress, and the
//! review of its proposals with the source sentence highlighted.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Context, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{ActorId, ActorKind, CooperationKind, Kind};
use crate::state::command::{ArticleCommand, Command};
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
                        commands.push(Command::Article(ArticleCommand::Browse));
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
                ui.horizontal(|ui| {
                    ui.label("Engine");
                    ui.radio_value(&mut form.use_model, false, "Rules (built in, offline)");
                    ui.radio_value(&mut form.use_model, true, "Model (OpenAI-compatible API)");
                });
                if form.use_model {
                    labelled_text(ui, "Model API URL", &mut form.model_url, false);
                    labelled_text(ui, "Model name", &mut form.model_name, false);
                    labelled_text(ui, "API key variable", &mut form.model_key_variable, false)
                        .on_hover_text("The environment variable that holds the key (empty: KGX_MODEL_API_KEY). The rules propose instead if the model does not answer.");
                }
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
                                commands.push(Command::Article(ArticleCommand::Cancel));
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
                                commands.push(Command::Article(ArticleCommand::Extract(input)));
                            }
                            if ui.button("Close").clicked() {
                                commands.push(Command::Article(ArticleCommand::Close));
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
                .default_height(760.0)
                .collapsible(false)
                .show(ctx, |ui| review_ui(ui, review, doc, commands));
        }
    }
    if !open {
        commands.push(Command::Article(ArticleCommand::Close));
    }
}

fn review_ui(ui: &mut Ui, review: &mut ArticleReview, doc: &Document, commands: &mut Vec<Command>) {
    let (new, merged, cooperations) = review.counts();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} and {} proposed from {}.",
            crate::words::actors(review.extraction.actors.len()),
            crate::words::cooperations(review.extraction.cooperations.len()),
            crate::words::counted(review.extraction.sentences, "sentence", "sentences")
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
    ui.label(RichText::new(format!("Proposed by the {}.", review.extraction.report.engine)).weak());
    if let Some(notice) = &review.notice {
        ui.label(RichText::new(notice).italics());
    }
    let mut existing: Vec<(ActorId, String)> =
        doc.graph.actors_sorted().into_iter().map(|a| (a.id().clone(), a.label.clone())).collect();
    existing.sort_by_key(|a| a.1.to_lowercase());
    // The lists and the article share the window's height: both grow with it.
    let controls = 120.0;
    let free = (ui.available_height() - controls).max(260.0);
    let list_height = free * 0.6;
    let article_height = free - list_height;
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
    article_text_ui(ui, review, article_height);
    add_by_hand_ui(ui, review, doc);
    ui.separator();
    ui.horizontal(|ui| {
        let summary = format!("Add {new} new actors, merge {merged} into the graph's, add {cooperations} cooperations");
        let any = new + merged + cooperations > 0;
        if ui.add_enabled(any, egui::Button::new("Add to graph")).on_hover_text(summary.clone()).clicked() {
            commands.push(Command::Article(ArticleCommand::Apply));
        }
        ui.label(RichText::new(summary).weak());
        if ui.button("Discard").clicked() {
            commands.push(Command::Article(ArticleCommand::Close));
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
            review.scroll_to_focus = true;
            review.selection = None;
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
            review.scroll_to_focus = true;
            review.selection = None;
        }
    });
}

/// Most bytes of the article shown around the focused sentence; a news article fits whole.
const SHOWN_BYTES: usize = 60_000;

/// The article as selectable text, the focused proposal's sentence highlighted: select a name
/// to add it as an actor, or a sentence to quote it in a cooperation.
fn article_text_ui(ui: &mut Ui, review: &mut ArticleReview, height: f32) {
    let text = review.text.as_str();
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let focused = review.focused_sentence().unwrap_or(0..0);
    // Long texts: a window around the focused sentence.
    let (shown_start, shown_end) = if text.len() <= SHOWN_BYTES {
        (0, text.len())
    } else {
        let start = floor(focused.start.saturating_sub(SHOWN_BYTES / 2));
        (start, floor(start + SHOWN_BYTES))
    };
    let mut shown: &str = text.get(shown_start..shown_end).unwrap_or("");
    let mark = focused.start.saturating_sub(shown_start)..focused.end.saturating_sub(shown_start);
    let body = TextFormat { color: ui.visuals().text_color(), ..Default::default() };
    let marked = TextFormat {
        color: ui.visuals().strong_text_color(),
        background: Color32::from_rgba_unmultiplied(255, 200, 0, 70),
        ..Default::default()
    };
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let all = buffer.as_str();
        let cut = |i: usize| {
            let mut i = i.min(all.len());
            while !all.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (a, b) = (cut(mark.start), cut(mark.end.max(mark.start)));
        let mut job = LayoutJob::default();
        job.append(all.get(..a).unwrap_or(""), 0.0, body.clone());
        job.append(all.get(a..b).unwrap_or(""), 0.0, marked.clone());
        job.append(all.get(b..).unwrap_or(""), 0.0, body.clone());
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let label =
        ui.label(RichText::new("Article text: select a name to add it as an actor, or a sentence to quote").weak());
    let scroll =
        ScrollArea::vertical().max_height(height).id_salt("article text").auto_shrink([false, true]).show(ui, |ui| {
            TextEdit::multiline(&mut shown)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .id_salt("article text edit")
                .show(ui)
        });
    let output = scroll.inner;
    let response: egui::Response = (*output.response).clone();
    response
        .labelled_by(label.id)
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Article text"));
    if output.response.has_focus()
        && let Some(range) = output.cursor_range
    {
        let [a, b] = range.sorted_cursors();
        let byte = |c: usize| shown.char_indices().nth(c).map_or(shown.len(), |(k, _)| k) + shown_start;
        let (a, b) = (byte(a.index.0), byte(b.index.0));
        review.selection = (b > a).then_some(a..b);
    }
    if review.scroll_to_focus {
        review.scroll_to_focus = false;
        let at = egui::text::CCursor::new(shown.get(..mark.start.min(shown.len())).map_or(0, |t| t.chars().count()));
        let rect = output.galley.pos_from_cursor(at).translate(output.galley_pos.to_vec2());
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
}

/// Adding what the extractor missed: the selected name as an actor, and a cooperation between
/// any two proposed actors quoting the selected (or focused) sentence.
fn add_by_hand_ui(ui: &mut Ui, review: &mut ArticleReview, doc: &Document) {
    ui.horizontal(|ui| {
        let name = review.selected_name().map(str::to_owned);
        let shown = name.as_deref().map_or("(select a name above)".to_owned(), |n| format!("“{n}”"));
        ui.label(RichText::new(shown).weak());
        if let Some(kind) = compact_choice(ui, "as", review.manual.actor_kind, ActorKind::ALL, |k| k.label()) {
            review.manual.actor_kind = kind;
        }
        if ui.add_enabled(name.is_some(), egui::Button::new("Add as actor")).clicked()
            && let Err(message) = review.add_selected_actor(&doc.graph)
        {
            review.notice = Some(message);
        }
    });
    let choices: Vec<(String, String)> =
        review.extraction.actors.iter().zip(&review.actors).map(|(a, row)| (a.id.clone(), row.label.clone())).collect();
    ui.horizontal_wrapped(|ui| {
        actor_choice(ui, "From", &mut review.manual.from, &choices);
        actor_choice(ui, "To", &mut review.manual.to, &choices);
        if let Some(kind) = compact_choice(ui, "kind", review.manual.kind, CooperationKind::ALL, |c| c.label()) {
            review.manual.kind = kind;
        }
        ui.checkbox(&mut review.manual.mutual, "Mutual");
        let ready = review.manual.from.is_some() && review.manual.to.is_some() && review.chosen_sentence().is_some();
        if ui
            .add_enabled(ready, egui::Button::new("Add cooperation"))
            .on_hover_text("Quotes the sentence holding the selection, or the highlighted one")
            .clicked()
            && let Err(message) = review.add_manual_cooperation()
        {
            review.notice = Some(message);
        }
    });
    if let Some(sentence) = review.chosen_sentence() {
        let quote: String = review.text.get(sentence).unwrap_or("").chars().take(160).collect();
        ui.label(RichText::new(format!("Quote: {quote}")).weak().small());
    }
}

/// A combo box choosing one of the proposed actors, named by a small label.
fn actor_choice(ui: &mut Ui, label: &str, chosen: &mut Option<String>, choices: &[(String, String)]) {
    let label = ui.label(RichText::new(label).weak());
    let current = chosen
        .as_ref()
        .and_then(|id| choices.iter().find(|(c, _)| c == id))
        .map_or("choose an actor".to_owned(), |(_, l)| l.clone());
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(current)
        .width(180.0)
        .truncate()
        .show_ui(ui, |ui| {
            for (id, name) in choices {
                if ui.selectable_label(chosen.as_ref() == Some(id), name).clicked() {
                    *chosen = Some(id.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
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
