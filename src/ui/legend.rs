//! The left panel: a legend of actor and cooperation kinds (colour, shape, count, show/hide)
//! and a filterable list of actors to select from.

use egui::{Color32, RichText, ScrollArea, Sense, Ui, vec2};

use super::theme;
use crate::analysis::filter::FilterSpec;
use crate::analysis::search::{SearchIndex, SearchResults};
use crate::model::{Actor, ActorKind, CooperationKind, Kind};
use crate::state::command::{Command, ViewCommand};
use crate::state::document::Document;
use crate::state::selection::Selection;

/// Text typed into the search field, whether it should take the keyboard focus, and the
/// sorted list and search results, cached until the text or the document changes.
#[derive(Clone, Debug, Default)]
pub struct LegendState {
    /// The search text.
    pub filter: String,
    /// Ctrl+F was pressed: focus the search field next frame.
    pub focus_search: bool,
    sorted: Vec<petgraph::stable_graph::NodeIndex>,
    sorted_revision: Option<u64>,
    results: SearchResults,
    hits_key: Option<(String, u64)>,
    /// The words of every actor, built once per document revision when a search needs it.
    index: Option<(u64, std::sync::Arc<SearchIndex>)>,
    /// Style by attribute: the attribute names, cached.
    mapping: super::mapping::MappingState,
}

/// Most search results listed.
const SEARCH_RESULTS: usize = 50;

/// Shows the search, the legend and the actor list. Returns whether a filter changed.
pub fn legend_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    filter: &mut FilterSpec,
    state: &mut LegendState,
    commands: &mut Vec<Command>,
) -> bool {
    let before = filter.clone();
    kind_toggles_ui::<ActorKind>(
        ui,
        "Actors",
        &doc.scene.actor_kind_counts,
        &mut filter.actor_kinds,
        theme::actor_color,
    );
    if doc.scene.recoloured > 0 {
        // The kind colours above are not what every actor shows.
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
            for (k, [r, g, b]) in crate::draw::looks::OTHER_COLOURS_SAMPLE.into_iter().enumerate() {
                let color = Color32::from_rgb(r, g, b);
                let x = rect.left() + 1.0 + 3.0 * k as f32;
                ui.painter().rect_filled(egui::Rect::from_min_size(egui::pos2(x, rect.top() + 2.0), vec2(3.0, 10.0)), 0.0, color);
            }
            ui.label(crate::draw::looks::other_colours_text(doc.scene.recoloured)).on_hover_text(
                "Their own colours (from the file they came from, or set in the inspector) or colours from Style by attribute, not their kind's",
            );
        });
    }
    super::mapping::mapping_ui(ui, doc, &mut state.mapping, commands);
    ui.add_space(6.0);
    kind_toggles_ui::<CooperationKind>(
        ui,
        "Cooperations",
        &doc.scene.cooperation_kind_counts,
        &mut filter.cooperation_kinds,
        theme::cooperation_color,
    );
    ui.separator();
    actor_list_ui(ui, doc, selection, state, commands);
    *filter != before
}

/// One legend section: each kind present with its colour, count and a show/hide checkbox.
fn kind_toggles_ui<K: Kind>(ui: &mut Ui, title: &str, counts: &[usize], shown: &mut [bool], color: fn(K) -> Color32) {
    ui.label(RichText::new(title).strong());
    let is_actor = K::WHAT == "actor kind";
    for &kind in K::ALL {
        let count = counts[kind.index()];
        if count == 0 {
            continue;
        }
        ui.horizontal(|ui| {
            swatch(ui, color(kind), is_actor);
            ui.checkbox(&mut shown[kind.index()], format!("{} ({count})", kind.label())).on_hover_text(format!(
                "Show or hide {} {}",
                kind.label().to_lowercase(),
                title.to_lowercase()
            ));
        });
    }
}

/// A colour sample: a disc for actor kinds, a bar for cooperation kinds.
fn swatch(ui: &mut Ui, color: Color32, disc: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
    if disc {
        ui.painter().circle_filled(rect.center(), 6.0, color);
    } else {
        ui.painter().rect_filled(rect.shrink2(vec2(0.0, 5.0)), 1.0, color);
    }
}

fn actor_list_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    state: &mut LegendState,
    commands: &mut Vec<Command>,
) {
    let response = ui
        .horizontal(|ui| {
            let label = ui.label("Find actor");
            ui.add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text("name, alias, attribute (Ctrl+F)")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        })
        .inner;
    if std::mem::take(&mut state.focus_search) {
        response.request_focus();
    }
    let query = state.filter.trim();
    let row_height = ui.spacing().interact_size.y;
    if query.is_empty() {
        if state.sorted_revision != Some(doc.revision) {
            let mut nodes: Vec<_> = doc.graph.petgraph().node_indices().collect();
            let key = |n: &petgraph::stable_graph::NodeIndex| {
                doc.graph.actor_at(*n).map(|a| (a.label.to_lowercase(), a.id().clone()))
            };
            nodes.sort_by_cached_key(key);
            state.sorted = nodes;
            state.sorted_revision = Some(doc.revision);
        }
        // Only the rows in view are looked up: a million actors cost nothing per frame.
        let count = state.sorted.len();
        ui.label(RichText::new(crate::words::actors(count)).weak());
        ScrollArea::vertical().id_salt("actor list").auto_shrink([false, false]).show_rows(
            ui,
            row_height,
            count,
            |ui, rows| {
                for actor in state.sorted.get(rows).unwrap_or_default().iter().filter_map(|n| doc.graph.actor_at(*n)) {
                    actor_row(ui, actor, None, selection, commands);
                }
            },
        );
        return;
    }
    // Search: ranked, typo-tolerant, over labels, aliases, ids and attribute values.
    let key = (query.to_owned(), doc.revision);
    if state.hits_key.as_ref() != Some(&key) {
        if state.index.as_ref().is_none_or(|(revision, _)| *revision != doc.revision) {
            state.index = Some((doc.revision, std::sync::Arc::new(SearchIndex::new(&doc.graph))));
        }
        if let Some((_, index)) = &state.index {
            state.results = index.search(&doc.graph, query, SEARCH_RESULTS);
        }
        state.hits_key = Some(key);
    }
    let hits = &state.results.hits;
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered && let Some(actor) = hits.first().and_then(|h| doc.graph.actor_at(h.node)) {
        commands.push(Command::View(ViewCommand::FocusActor(actor.id().clone())));
    }
    ui.label(RichText::new(state.results.hint()).weak());
    ScrollArea::vertical().id_salt("search results").auto_shrink([false, false]).show(ui, |ui| {
        for hit in hits {
            if let Some(actor) = doc.graph.actor_at(hit.node) {
                let why = (hit.matched != actor.label).then_some(hit.matched.as_str());
                actor_row(ui, actor, why, selection, commands);
            }
        }
    });
}

/// One actor in the list: colour, name (the accessible label), kind, and what matched.
fn actor_row(ui: &mut Ui, actor: &Actor, matched: Option<&str>, selection: &Selection, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        swatch(ui, theme::actor_color(actor.kind), true);
        let selected = selection.contains(actor.id());
        // The kind tag keeps its room at the right; a long name is shortened with "…" (its
        // full text shows on hover) rather than widening the panel.
        let tag = RichText::new(actor.kind.label()).small().weak();
        let tag_width = ui.fonts_mut(|f| {
            f.layout_no_wrap(actor.kind.label(), egui::TextStyle::Small.resolve(ui.style()), egui::Color32::WHITE)
                .size()
                .x
        });
        let matched_text = matched.map(|m| format!("({m})"));
        let name_width = (ui.available_width() - tag_width - ui.spacing().item_spacing.x).max(40.0);
        // An actor whose name was erased is still listed, by its id.
        let name =
            if actor.label.trim().is_empty() { format!("(no name: {})", actor.id()) } else { actor.label.clone() };
        let response = ui
            .scope(|ui| {
                ui.set_max_width(name_width);
                ui.add(egui::Button::selectable(selected, name.as_str()).truncate())
            })
            .inner;
        // The accessible name is the whole name, even when the visible one is shortened.
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
        if response.on_hover_text(&name).clicked() {
            commands.push(Command::View(ViewCommand::FocusActor(actor.id().clone())));
        }
        ui.label(tag);
        if let Some(matched) = matched_text {
            ui.add(egui::Label::new(RichText::new(matched).small().weak()).truncate());
        }
    });
}
