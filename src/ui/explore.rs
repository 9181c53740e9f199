//! The Explore and Metrics tabs: filters, timeline, ego focus, shortest paths, and metrics
//! mapped to size and colour with a sortable table. They change view state only.

use egui::{RichText, ScrollArea, Ui};

use super::styling::{MetricLegend, Styling, ramp};
use super::theme;
use super::widgets::choice;
use crate::analysis::community::CommunityMethod;
use crate::analysis::metrics::Metric;
use crate::model::{ActorId, Kind, PartialDate, SourceId};
use crate::state::command::{Command, ViewCommand};
use crate::state::document::Document;
use crate::state::explore::{EgoFocus, Explore};
use crate::state::selection::Selection;

/// A day number as a date, for the timeline.
fn day_label(day: i64) -> String {
    // Walk from a known day; cheap enough for a label.
    let base = PartialDate::ymd(2000, 1, 1).map(|d| d.first_day_number()).unwrap_or(0);
    let mut date = (2000i32, 1u32, 1u32);
    let mut remaining = day - base;
    let days_in = |y: i32, m: u32| {
        PartialDate::ymd(y, m, 31)
            .map(|_| 31)
            .or_else(|_| PartialDate::ymd(y, m, 30).map(|_| 30))
            .or_else(|_| PartialDate::ymd(y, m, 29).map(|_| 29))
            .unwrap_or(28)
    };
    while remaining < 0 {
        date = if date.1 == 1 { (date.0 - 1, 12, 1) } else { (date.0, date.1 - 1, 1) };
        remaining += i64::from(days_in(date.0, date.1));
    }
    loop {
        let month_days = i64::from(days_in(date.0, date.1));
        if remaining < month_days {
            break;
        }
        remaining -= month_days;
        date = if date.1 == 12 { (date.0 + 1, 1, 1) } else { (date.0, date.1 + 1, 1) };
    }
    format!("{:04}-{:02}-{:02}", date.0, date.1, remaining + 1)
}

/// Shows filters, timeline, focus and paths. Returns whether anything that changes the
/// picture changed.
pub fn explore_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    explore: &mut Explore,
    styling: &Styling,
    commands: &mut Vec<Command>,
) -> bool {
    let before_filter = explore.filter.clone();
    let before = (explore.fade, explore.ego.clone(), explore.timeline.clone(), explore.path.found.len());
    ScrollArea::vertical().id_salt("explore").auto_shrink([false, false]).show(ui, |ui| {
        filters_ui(ui, doc, explore, styling);
        ui.separator();
        timeline_ui(ui, doc, explore);
        ui.separator();
        focus_ui(ui, doc, selection, explore);
        ui.separator();
        paths_ui(ui, doc, selection, explore, commands);
    });
    explore.filter != before_filter
        || before != (explore.fade, explore.ego.clone(), explore.timeline.clone(), explore.path.found.len())
}

fn filters_ui(ui: &mut Ui, doc: &Document, explore: &mut Explore, styling: &Styling) {
    ui.label(RichText::new("Filters").strong());
    ui.label(format!(
        "Showing {} of {} actors and {} of {} cooperations",
        styling.visibility.shown_actors,
        doc.graph.actor_count(),
        styling.visibility.shown_cooperations,
        doc.graph.cooperation_count()
    ));
    let sources: Vec<Option<SourceId>> =
        std::iter::once(None).chain(doc.graph.sources().map(|s| Some(s.id().clone()))).collect();
    let current = sources.iter().position(|s| *s == explore.filter.source).unwrap_or(0);
    let title = |i: usize| match &sources[i] {
        None => "Any source".to_owned(),
        Some(id) => doc.graph.source(id).map_or(id.to_string(), |s| s.title.chars().take(40).collect()),
    };
    if let Some(chosen) = choice(ui, "Source", current, &(0..sources.len()).collect::<Vec<_>>(), title) {
        explore.filter.source = sources[chosen].clone();
    }
    ui.horizontal(|ui| {
        let label = ui.label("Minimum degree");
        // The slider takes what the label and its number field leave.
        ui.spacing_mut().slider_width = (ui.available_width() - 70.0).clamp(50.0, 200.0);
        let max = doc.scene.nodes.iter().map(|n| n.degree).max().unwrap_or(0) as usize;
        ui.add(egui::Slider::new(&mut explore.filter.min_degree, 0..=max.max(1))).labelled_by(label.id);
    });
    date_range_ui(ui, doc, explore);
    ui.checkbox(&mut explore.filter.include_undated, "Keep undated cooperations")
        .on_hover_text("Date filters keep cooperations that have no date");
    ui.checkbox(&mut explore.fade, "Fade what is filtered out")
        .on_hover_text("Draw filtered-out elements faint instead of hiding them");
    ui.label(RichText::new("Actor and cooperation kinds: tick or untick them in the Legend tab.").weak());
    if ui
        .add_enabled(
            explore.filter.is_active() || explore.ego.is_some() || explore.timeline.active,
            egui::Button::new("Clear all filters"),
        )
        .clicked()
    {
        explore.clear_filters();
    }
}

/// A from–to date range over the cooperations' dates.
fn date_range_ui(ui: &mut Ui, doc: &Document, explore: &mut Explore) {
    let Some((first, last)) = doc.scene.dates.0 else { return };
    let mut limited = explore.filter.from_day.is_some() || explore.filter.to_day.is_some();
    if ui.checkbox(&mut limited, "Only cooperations within dates").changed() {
        if limited {
            explore.filter.from_day = Some(first);
            explore.filter.to_day = Some(last);
        } else {
            explore.filter.from_day = None;
            explore.filter.to_day = None;
        }
    }
    if let (Some(from), Some(to)) = (&mut explore.filter.from_day, &mut explore.filter.to_day) {
        ui.horizontal(|ui| {
            let label = ui.label("From");
            ui.add(egui::Slider::new(from, first..=last).show_value(false)).labelled_by(label.id);
            ui.label(day_label(*from));
        });
        ui.horizontal(|ui| {
            let label = ui.label("Until");
            ui.add(egui::Slider::new(to, first..=last).show_value(false)).labelled_by(label.id);
            ui.label(day_label(*to));
        });
        if *from > *to {
            *to = *from;
        }
    }
}

fn timeline_ui(ui: &mut Ui, doc: &Document, explore: &mut Explore) {
    ui.label(RichText::new("Timeline").strong());
    let (extent, undated) = doc.scene.dates;
    let Some((first, last)) = extent else {
        ui.label(RichText::new(format!("No dated cooperations ({undated} undated).")).weak());
        return;
    };
    let timeline = &mut explore.timeline;
    if !timeline.active && !timeline.playing && (timeline.day < first || timeline.day > last) {
        timeline.day = last;
    }
    ui.checkbox(&mut timeline.active, "Show the network as of a date");
    ui.add_enabled_ui(timeline.active, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("Date");
            ui.add(egui::Slider::new(&mut timeline.day, first..=last).show_value(false)).labelled_by(label.id);
            ui.label(day_label(timeline.day));
        });
        ui.horizontal(|ui| {
            if ui.button(if timeline.playing { "Pause" } else { "Play" }).clicked() {
                if !timeline.playing && timeline.day >= last {
                    timeline.day = first;
                }
                timeline.playing = !timeline.playing;
                if timeline.days_per_second <= 0.0 {
                    timeline.days_per_second = ((last - first) as f32 / 8.0).max(1.0);
                }
            }
            ui.label(RichText::new(format!("{} to {}", day_label(first), day_label(last))).weak());
        });
    });
    let undated_note =
        if explore.filter.include_undated { "shown throughout" } else { "hidden while the timeline is on" };
    ui.label(
        RichText::new(format!("{undated} undated cooperation{} ({undated_note})", if undated == 1 { "" } else { "s" }))
            .weak(),
    );
}

/// Advances a playing timeline by `dt` seconds; returns whether the day changed.
pub fn advance_timeline(doc: &Document, explore: &mut Explore, dt: f32) -> bool {
    let timeline = &mut explore.timeline;
    if !timeline.playing || !timeline.active {
        return false;
    }
    let Some((_, last)) = doc.scene.dates.0 else {
        timeline.playing = false;
        return false;
    };
    timeline.carry += dt * timeline.days_per_second.max(1.0);
    let whole = timeline.carry.floor();
    timeline.carry -= whole;
    let before = timeline.day;
    timeline.day = (timeline.day + whole as i64).min(last);
    if timeline.day >= last {
        timeline.playing = false;
    }
    timeline.day != before
}

fn focus_ui(ui: &mut Ui, doc: &Document, selection: &Selection, explore: &mut Explore) {
    ui.label(RichText::new("Neighbourhood").strong());
    let name = |id: &ActorId| doc.graph.actor(id).map_or(id.to_string(), |a| a.label.clone());
    let Some(ego) = explore.ego.as_mut() else {
        match selection.single_actor() {
            Some(id) => {
                if ui.button("Focus on the selected actor's neighbourhood").clicked() {
                    explore.ego = Some(EgoFocus::around(id.clone()));
                }
            }
            None => {
                ui.label(RichText::new("Select one actor to focus on its neighbourhood.").weak());
            }
        }
        return;
    };
    let steps = if ego.depth == 1 { "step" } else { "steps" };
    ui.label(format!("Showing {} and everything within {} {steps}", name(&ego.centre), ego.depth));
    if !ego.expanded.is_empty() {
        let names: Vec<String> = ego.expanded.iter().map(name).collect();
        ui.label(RichText::new(format!("plus the neighbours of {}", names.join(", "))).weak());
    }
    ui.horizontal(|ui| {
        let label = ui.label("Depth");
        ui.add(egui::Slider::new(&mut ego.depth, 1..=3)).labelled_by(label.id);
    });
    if ui.button("Expand one step").on_hover_text("Show one more step around the centre").clicked() {
        ego.depth = (ego.depth + 1).min(10);
    }
    if let Some(id) = selection.single_actor().filter(|id| **id != ego.centre && !ego.expanded.contains(*id))
        && ui.button(format!("Expand {}'s neighbours", name(id))).clicked()
    {
        ego.expanded.insert(id.clone());
    }
    if ui.button("Back to the whole graph").clicked() {
        explore.ego = None;
    }
}

fn actor_choice(ui: &mut Ui, doc: &Document, label: &str, current: &mut Option<ActorId>, selection: &Selection) {
    ui.horizontal(|ui| {
        let name = current.as_ref().and_then(|id| doc.graph.actor(id)).map_or("(none)".to_owned(), |a| a.label.clone());
        ui.label(format!("{label}: {name}"));
        if let Some(id) = selection.single_actor()
            && ui.small_button(format!("Use selected as {}", label.to_lowercase())).clicked()
        {
            *current = Some(id.clone());
        }
    });
}

fn paths_ui(ui: &mut Ui, doc: &Document, selection: &Selection, explore: &mut Explore, commands: &mut Vec<Command>) {
    ui.label(RichText::new("Paths").strong());
    let path = &mut explore.path;
    let (from_before, to_before, weight_before) = (path.from.clone(), path.to.clone(), path.by_weight);
    if selection.actor_count() == 2 {
        let ids: Vec<ActorId> = selection.actors().cloned().collect();
        if ui.button("Use the two selected actors").clicked() {
            path.from = Some(ids[0].clone());
            path.to = Some(ids[1].clone());
        }
    }
    actor_choice(ui, doc, "From", &mut path.from, selection);
    actor_choice(ui, doc, "To", &mut path.to, selection);
    ui.checkbox(&mut path.by_weight, "Prefer strong ties").on_hover_text("A cooperation's length is 1 / its weight");
    if (path.from != from_before || path.to != to_before || path.by_weight != weight_before)
        && (path.searched || path.is_searching())
    {
        path.clear();
    }
    ui.horizontal(|ui| {
        if ui.add_enabled(path.from.is_some() && path.to.is_some(), egui::Button::new("Find shortest paths")).clicked()
        {
            path.start(&doc.graph);
        }
        if ui.add_enabled(path.searched, egui::Button::new("Clear paths")).clicked() {
            path.clear();
        }
    });
    if path.is_searching() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Searching…");
            if ui.button("Cancel").clicked() {
                path.cancel();
            }
        });
    }
    if path.searched && path.found.is_empty() {
        ui.label("No path connects them.");
    }
    for (k, found) in path.found.iter().enumerate() {
        let steps = found.edges.len();
        let length = if path.by_weight {
            format!("length {:.2}", found.length)
        } else {
            format!("{steps} step{}", if steps == 1 { "" } else { "s" })
        };
        egui::CollapsingHeader::new(format!("Path {} ({length})", k + 1)).default_open(k == 0).show(ui, |ui| {
            for (s, edge) in found.edges.iter().enumerate() {
                let (Some(a), Some(b)) = (doc.graph.actor_at(found.nodes[s]), doc.graph.actor_at(found.nodes[s + 1]))
                else {
                    continue;
                };
                let Some(c) = doc.graph.cooperation_at(*edge) else { continue };
                ui.horizontal_wrapped(|ui| {
                    if ui.link(&a.label).clicked() {
                        commands.push(Command::View(ViewCommand::FocusActor(a.id().clone())));
                    }
                    ui.label(
                        RichText::new(c.cooperation.kind.label()).color(theme::cooperation_color(c.cooperation.kind)),
                    );
                    if ui.link(&b.label).clicked() {
                        commands.push(Command::View(ViewCommand::FocusActor(b.id().clone())));
                    }
                });
                for evidence in c.cooperation.evidence() {
                    ui.label(
                        RichText::new(format!("“{}”", evidence.quote))
                            .italics()
                            .color(theme::quote_color(ui.visuals())),
                    );
                }
            }
        });
    }
}

/// Shows the Metrics tab. Returns whether the mapping changed.
pub fn metrics_ui(
    ui: &mut Ui,
    doc: &Document,
    explore: &mut Explore,
    styling: &Styling,
    commands: &mut Vec<Command>,
) -> bool {
    let before = (explore.metrics.size_by, explore.metrics.color_by);
    let state = &mut explore.metrics;
    let method_name = |m: CommunityMethod| m.name().to_owned();
    if let Some(method) = choice(ui, "Communities by", state.communities.method, &CommunityMethod::ALL, method_name) {
        state.communities.method = method;
        // Metrics shown (or on their way) follow the choice at once.
        if state.result.is_some() || state.job.is_some() {
            state.start(&doc.graph);
        }
    }
    match state.job.as_ref().map(|job| job.progress().fraction()) {
        Some(fraction) => {
            let mut cancel = false;
            if state.result.is_some() {
                ui.label(RichText::new("Updating the metrics after your edit…").weak());
            }
            ui.horizontal(|ui| {
                let width = (ui.available_width() - 70.0).max(60.0);
                ui.add(egui::ProgressBar::new(fraction).show_percentage().desired_width(width));
                cancel = ui.button("Cancel").clicked();
            });
            if cancel {
                state.cancel();
            }
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
        }
        None => {
            let stale = state.is_stale();
            let label = if state.result.is_none() { "Compute metrics" } else { "Recompute metrics" };
            if ui.button(label).clicked() {
                state.start(&doc.graph);
            }
            if stale {
                ui.label(RichText::new("The graph changed since these metrics were computed.").weak());
            }
            if !state.message.is_empty() {
                ui.label(RichText::new(&state.message).weak());
            }
        }
    }
    let Some(metrics) = state.current() else {
        ui.label(RichText::new("Degree, weighted degree, betweenness, PageRank, components and communities.").weak());
        return false;
    };
    ui.label(format!(
        "{} communities (modularity {:.3}, {}){}",
        metrics.community_count,
        metrics.modularity,
        metrics.community_settings.method.name(),
        if metrics.betweenness_sampled { "; betweenness estimated from sampled sources" } else { "" }
    ));
    let options: Vec<Option<Metric>> = std::iter::once(None).chain(Metric::ALL.iter().copied().map(Some)).collect();
    let name = |m: Option<Metric>| m.map_or("Off".to_owned(), |m| m.name().to_owned());
    let sizes: Vec<Option<Metric>> =
        options.iter().copied().filter(|m| m.is_none_or(|m| !m.is_categorical())).collect();
    let extent = |metric: Metric| {
        let values = (0..metrics.network.nodes.len()).map(|i| metrics.value(metric, i));
        let max = values.clone().fold(0.0f64, f64::max);
        (metric, values.fold(f64::INFINITY, f64::min).min(max), max)
    };
    let sized = state.size_by.map(extent);
    if let Some(chosen) = choice(ui, "Node size by", state.size_by, &sizes, name) {
        state.size_by = chosen;
    }
    if let (Some((metric, min, max)), Some(_)) = (sized, state.size_by) {
        size_legend_ui(ui, metric, min, max);
    }
    if let Some(chosen) = choice(ui, "Node colour by", state.color_by, &options, name) {
        state.color_by = chosen;
    }
    match &styling.legend {
        Some(MetricLegend::Ramp { metric, min, max }) => {
            ui.horizontal(|ui| {
                ui.label(format!("{}: {min:.4}", metric.name()));
                for k in 0..10 {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 12.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 0.0, ramp(k as f32 / 9.0));
                }
                ui.label(format!("{max:.4}"));
            });
        }
        Some(MetricLegend::Categories { metric, categories }) => {
            ui.label(format!("{} (largest {}):", metric.name(), categories.len()));
            ui.horizontal_wrapped(|ui| {
                for (category, color, count) in categories {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, *color);
                    ui.label(format!("{category} ({count})"));
                }
            });
        }
        None => {}
    }
    ui.separator();
    table_ui(ui, doc, explore, commands);
    before != (explore.metrics.size_by, explore.metrics.color_by)
}

/// The legend of the size mapping: the smallest and the largest disc with their values.
fn size_legend_ui(ui: &mut Ui, metric: Metric, min: f64, max: f64) {
    // Wrapped, so a long metric name never widens the panel.
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", metric.name()));
        // The discs are drawn as the canvas sizes them: radius grows with √(value / largest).
        for (value, fraction) in [(min, if max > 0.0 { (min / max).sqrt() } else { 0.0 }), (max, 1.0)] {
            let radius = 3.0 * (1.0 + 3.0 * fraction as f32);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(2.0 * radius + 2.0, 26.0), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), radius, ui.visuals().widgets.inactive.fg_stroke.color);
            ui.label(format_value(metric, value));
        }
    })
    .response
    .on_hover_text(format!("Node size by {}: the smallest and the largest in this graph", metric.name()));
}

/// A metric's value as the table and legends write it.
fn format_value(metric: Metric, value: f64) -> String {
    match metric {
        Metric::Degree | Metric::Component | Metric::Community => format!("{value:.0}"),
        Metric::WeightedDegree => format!("{value:.2}"),
        Metric::Betweenness | Metric::PageRank => format!("{value:.4}"),
    }
}

/// A column title for the metrics table: the metric's name, in words.
fn column_title(metric: Metric) -> &'static str {
    match metric {
        Metric::Degree => "Degree",
        Metric::WeightedDegree => "Weighted degree",
        Metric::Betweenness => "Betweenness",
        Metric::PageRank => "PageRank",
        Metric::Component => "Component",
        Metric::Community => "Community",
    }
}

/// The metrics table: the actor's name always in view, then the chosen metric columns (the sort
/// column always among them), sized to the panel so nothing scrolls sideways.
fn table_ui(ui: &mut Ui, doc: &Document, explore: &mut Explore, commands: &mut Vec<Command>) {
    let state = &mut explore.metrics;
    ui.horizontal_wrapped(|ui| {
        ui.label("Columns:");
        for metric in Metric::ALL {
            let mut shown = state.columns.contains(&metric);
            let toggle = ui.toggle_value(&mut shown, column_title(metric));
            let name = format!("{} column", column_title(metric));
            toggle.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, shown, &name));
            if toggle.on_hover_text(format!("Show or hide the {} column", metric.name())).changed() {
                if shown {
                    state.columns.push(metric);
                    state.columns.sort_by_key(|m| Metric::ALL.iter().position(|a| a == m));
                } else {
                    state.columns.retain(|m| *m != metric);
                }
            }
        }
    });
    let (sort_by, ascending) = state.sort;
    let mut columns: Vec<Metric> =
        Metric::ALL.into_iter().filter(|m| state.columns.contains(m) || *m == sort_by).collect();
    columns.dedup();
    let order = state.sorted_rows().to_vec();
    let Some(metrics) = state.result.as_ref().map(|(m, _)| m) else { return };
    let mut new_sort = None;
    let spacing = ui.spacing().item_spacing.x;
    // Each column as wide as its whole title (and its numbers); the table scrolls sideways
    // within the panel when they do not all fit, instead of widening it.
    let title_width = |metric: Metric| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(
                column_title(metric).to_owned(),
                egui::TextStyle::Button.resolve(ui.style()),
                egui::Color32::WHITE,
            )
            .size()
            .x
        })
    };
    let widths: Vec<f32> =
        columns.iter().map(|&m| (title_width(m) + 2.0 * ui.spacing().button_padding.x + 4.0).max(52.0)).collect();
    let column_width =
        |metric: Metric| columns.iter().position(|m| *m == metric).and_then(|k| widths.get(k)).copied().unwrap_or(52.0);
    let columns_width: f32 = widths.iter().map(|w| w + spacing).sum();
    let name_width = (ui.available_width() - columns_width - spacing - 14.0).max(110.0);
    // A fixed-width cell: names start at the left and end in "…" if too long, numbers align right.
    let cell = |ui: &mut Ui, width: f32, right: bool, add: &mut dyn FnMut(&mut Ui) -> egui::Response| {
        let layout = if right {
            egui::Layout::right_to_left(egui::Align::Center)
        } else {
            egui::Layout::left_to_right(egui::Align::Center)
        };
        ui.allocate_ui_with_layout(egui::vec2(width, 18.0), layout, |ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
    };
    ScrollArea::horizontal().id_salt("metrics table sideways").auto_shrink([false, true]).show(ui, |ui| {
        ui.horizontal(|ui| {
            cell(ui, name_width, false, &mut |ui| ui.add(egui::Label::new(RichText::new("Actor").strong()).truncate()));
            for &metric in &columns {
                let header = ui
                    .add_sized([column_width(metric), 18.0], egui::Button::new(column_title(metric)))
                    .on_hover_text(format!("Sort by {}", metric.name()));
                let name = format!("Sort by {}", column_title(metric));
                header.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if metric == sort_by {
                    // A small triangle under the title: pointing up for ascending, down for descending.
                    let c = header.rect.center_bottom() + egui::vec2(0.0, 2.0);
                    let (tip, base) = if ascending { (-3.0, 1.0) } else { (1.0, -3.0) };
                    let points = vec![c + egui::vec2(-4.0, base), c + egui::vec2(4.0, base), c + egui::vec2(0.0, tip)];
                    ui.painter().add(egui::Shape::convex_polygon(
                        points,
                        ui.visuals().strong_text_color(),
                        egui::Stroke::NONE,
                    ));
                }
                if header.clicked() {
                    new_sort = Some((metric, metric == sort_by && !ascending));
                }
            }
        });
        ScrollArea::vertical().id_salt("metrics table scroll").auto_shrink([false, false]).show_rows(
            ui,
            18.0,
            order.len().min(2_000),
            |ui, rows| {
                for &i in order.get(rows).unwrap_or(&[]) {
                    let Some(actor) = metrics.network.nodes.get(i).and_then(|n| doc.graph.actor_at(*n)) else {
                        continue;
                    };
                    ui.horizontal(|ui| {
                        let link = RichText::new(actor.label.as_str()).color(ui.visuals().hyperlink_color);
                        let name = cell(ui, name_width, false, &mut |ui| {
                            ui.add(egui::Button::new(link.clone()).frame(false).truncate())
                        });
                        name.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &actor.label));
                        if name.on_hover_text(&actor.label).clicked() {
                            commands.push(Command::View(ViewCommand::FocusActor(actor.id().clone())));
                        }
                        for &metric in &columns {
                            let text = format_value(metric, metrics.value(metric, i));
                            cell(ui, column_width(metric), true, &mut |ui| ui.label(text.as_str()));
                        }
                    });
                }
            },
        );
    });
    if order.len() > 2_000 {
        ui.label(RichText::new(format!("The first 2,000 of {} actors, in this order.", order.len())).weak());
    }
    if let Some(sort) = new_sort {
        state.sort = sort;
    }
}
