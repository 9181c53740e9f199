//! The window reads at a glance: labels by importance that never overlap, every label of a small
//! graph at fit zoom, most of the width for the graph, plain kind names, metrics that survive an
//! edit.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use common::{click_at, harness, screen_position, type_into};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::analysis::metrics::Metric;
use kgx::app::KgxApp;
use kgx::app::command::{Command, LayoutCommand, SelectCommand};
use kgx::model::ActorId;

/// The labels drawn, as actor ids with their screen rectangles.
fn drawn_labels(harness: &Harness<'_, KgxApp>) -> Vec<(String, egui::Rect)> {
    let app = harness.state();
    app.canvas
        .drawn_labels
        .iter()
        .filter_map(|&(node, rect)| app.doc.actor_id_at(node).map(|id| (id.to_string(), rect)))
        .collect()
}

fn assert_no_overlap(labels: &[(String, egui::Rect)]) {
    for (k, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in &labels[k + 1..] {
            assert!(!ra.shrink(0.5).intersects(rb.shrink(0.5)), "the labels of {a} and {b} overlap: {ra:?} {rb:?}");
        }
    }
}

#[test]
fn every_label_of_the_bundled_graph_shows_at_fit_zoom_without_overlaps() {
    let harness = harness();
    let labels = drawn_labels(&harness);
    assert_eq!(labels.len(), 26, "every actor is labelled: {:?}", labels.iter().map(|l| &l.0).collect::<Vec<_>>());
    let viewport = harness.state().canvas.viewport;
    for (id, rect) in &labels {
        assert!(viewport.contains_rect(*rect), "the label of {id} is cut by the canvas edge");
    }
    assert_no_overlap(&labels);
}

#[test]
fn the_best_connected_actors_are_labelled_and_labels_sit_under_their_node() {
    let harness = harness();
    let app = harness.state();
    let mut by_degree: Vec<_> = app.doc.scene.nodes.iter().enumerate().map(|(i, n)| (n.degree, i)).collect();
    by_degree.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let labelled: Vec<usize> = app.canvas.drawn_labels.iter().map(|(node, _)| *node).collect();
    for &(_, node) in by_degree.iter().take(kgx::ui::paint::ALWAYS_LABELLED) {
        assert!(labelled.contains(&node), "{:?} has no label", app.doc.actor_id_at(node));
    }
    // Every label touches its own node (under it where there is room, else above, beside or at
    // a corner), so it is read as that node's; most sit centred under their node.
    let mut under = 0;
    let labels = drawn_labels(&harness);
    for (id, rect) in &labels {
        let node = screen_position(&harness, id);
        let radius = app.doc.engine_node_of(&ActorId::new(id.as_str())).map_or(0.0, |i| app.styling.radii[i])
            * app.canvas.camera.zoom;
        let gap = rect.distance_to_pos(node);
        assert!(gap <= radius + kgx::ui::paint::LABEL_GAP + 1.0, "{id}'s label is {gap} points from its node");
        if (rect.center().x - node.x).abs() < 1.0 && rect.top() > node.y {
            under += 1;
        }
    }
    assert!(under * 4 >= labels.len() * 3, "{under} of {} labels sit under their node", labels.len());
}

#[test]
fn an_actor_added_by_double_click_is_labelled_with_all_the_others_and_nothing_moves() {
    // Frames of 1/60 s, as on a screen: egui's double-click limit is 0.3 s.
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|_cc| KgxApp::with_recent(kgx::app::AppOptions::default(), vec![]));
    common::quiesce(&mut harness);
    let before = common::positions(&harness);
    // An empty spot of the canvas: away from every actor and label.
    let viewport = harness.state().canvas.viewport;
    let spot = viewport.left_top() + egui::vec2(60.0, 40.0);
    harness.event(egui::Event::PointerMoved(spot));
    for _ in 0..2 {
        for pressed in [true, false] {
            let (button, modifiers) = (egui::PointerButton::Primary, egui::Modifiers::NONE);
            harness.event(egui::Event::PointerButton { pos: spot, button, pressed, modifiers });
        }
        harness.step();
    }
    harness.run();
    // The pointer leaves the canvas, so nothing is hovered and dimmed.
    harness.event(egui::Event::PointerGone);
    common::quiesce(&mut harness);
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
    let after = common::positions(&harness);
    for (id, p) in &before {
        assert_eq!(after.get(id), Some(p), "{id} did not move");
    }
    let labels = drawn_labels(&harness);
    assert_eq!(labels.len(), 27, "27 of 27 labelled: {:?}", labels.iter().map(|l| &l.0).collect::<Vec<_>>());
    assert_no_overlap(&labels);
}

#[test]
fn hovering_a_hub_shows_its_neighbours_labels_without_overlaps() {
    let mut harness = harness();
    let china = screen_position(&harness, "china");
    harness.event(egui::Event::PointerMoved(china));
    harness.run();
    assert_eq!(harness.state().canvas.hovered, harness.state().doc.engine_node_of(&ActorId::new("china")));
    let labels = drawn_labels(&harness);
    assert!(labels.iter().any(|(id, _)| id == "china"));
    assert_no_overlap(&labels);
    // Every highlighted neighbour keeps its label, and the tooltip covers none of them.
    let app = harness.state();
    let china = app.doc.engine_node_of(&ActorId::new("china")).unwrap();
    for &neighbour in app.doc.scene.neighbours(china) {
        let id = app.doc.actor_id_at(neighbour as usize).unwrap().to_string();
        assert!(labels.iter().any(|(l, _)| *l == id), "{id}, a neighbour of the hovered actor, has no label");
    }
    let tooltip = harness.get_by_label_contains("Country ·").rect();
    for (id, rect) in &labels {
        let rect = egui::Rect::from_min_max(egui::pos2(rect.min.x, rect.min.y), egui::pos2(rect.max.x, rect.max.y));
        assert!(!rect.intersects(tooltip.expand(-1.0)), "the tooltip covers {id}'s label");
    }
}

#[test]
fn the_canvas_gets_most_of_the_default_window() {
    let mut harness = harness();
    let share = |h: &Harness<'_, KgxApp>| h.state().canvas.viewport.width() / 1400.0;
    assert!(share(&harness) >= 0.6, "nothing selected: {:.2}", share(&harness));
    let who = screen_position(&harness, "who");
    click_at(&mut harness, who, Modifiers::NONE);
    assert!(share(&harness) >= 0.6, "an actor in the inspector: {:.2}", share(&harness));
    harness.state_mut().push(Command::Select(SelectCommand::Cooperation("mammoth-donates-kits-to-serbia".into())));
    harness.run();
    assert!(share(&harness) >= 0.6, "a cooperation in the inspector: {:.2}", share(&harness));
    harness.get_by_label("Explore").click();
    harness.run();
    assert!(share(&harness) >= 0.6, "the Explore tab: {:.2}", share(&harness));
    // Both side panels fold away, each with its shortcut.
    let with_panels = harness.state().canvas.viewport.width();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    assert!(harness.state().canvas.viewport.width() > with_panels + 400.0);
    assert!(harness.query_by_label("Find actor").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run();
    harness.get_by_label("Legend");
}

#[test]
fn kinds_have_plain_names() {
    let mut harness = harness();
    harness.get_by_label("Government agency (3)");
    harness.get_by_label("International organization (1)");
    harness.get_by_label("Research institute (2)");
    harness.get_by_label("Data sharing (5)");
    harness.get_by_label("Expert consultation (5)");
    type_into(&mut harness, "Find actor", "WHO");
    harness.get_by_label("World Health Organization").click();
    harness.run();
    // The inspector's kind choice and the list's tag.
    assert!(harness.get_all_by_label("International organization").count() >= 1);
    assert!(harness.query_by_label("InternationalOrganization").is_none());
}

#[test]
fn two_selected_actors_are_listed_by_name() {
    let mut harness = harness();
    harness.state_mut().push(Command::Select(SelectCommand::Actors(vec!["who".into(), "china-cdc".into()])));
    harness.run();
    harness.get_by_label("2 actors selected");
    assert!(harness.get_all_by_label("World Health Organization").count() >= 1);
    assert!(harness.get_all_by_label("Chinese Center for Disease Control and Prevention").count() >= 1);
    assert!(harness.query_by_label("china-cdc").is_none(), "ids are not shown for names");
}

#[test]
fn the_status_bar_counts_what_the_filters_show() {
    let mut harness = harness();
    harness.get_by_label_contains("26 actors · 29 cooperations");
    harness.get_by_label("Person (4)").click();
    harness.run();
    harness.get_by_label_contains("Showing 22 of 26 actors");
}

#[test]
fn escape_closes_an_open_menu_and_keeps_the_selection() {
    let mut harness = harness();
    harness.state_mut().push(Command::Select(SelectCommand::Actors(vec!["who".into()])));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Save as…  (Ctrl+Shift+S)");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Save as…  (Ctrl+Shift+S)").is_none(), "the menu closed");
    assert_eq!(common::selected(&harness), ["who"], "the first Escape only closes the menu");
}

#[test]
fn focusing_on_a_neighbourhood_frames_it() {
    let mut harness = harness();
    harness.state_mut().push(Command::Select(SelectCommand::Actors(vec!["serbia".into()])));
    harness.run();
    let zoom_before = harness.state().canvas.camera.zoom;
    harness.get_by_label("Explore").click();
    harness.run();
    harness.get_by_label("Focus on the selected actor's neighbourhood").click();
    for _ in 0..60 {
        harness.step();
    }
    harness.run();
    let app = harness.state();
    assert!(app.canvas.camera.zoom > zoom_before * 1.2, "the camera zoomed in on the neighbourhood");
    for (id, rect) in drawn_labels(&harness) {
        assert!(app.canvas.viewport.contains_rect(rect), "{id}'s label is in view");
    }
}

#[test]
fn metrics_and_their_mapping_survive_an_edit() {
    let mut harness = harness();
    harness.get_by_label("Metrics").click();
    harness.run();
    harness.get_by_label("Compute metrics").click();
    common::wait_for_metrics(&mut harness);
    {
        let metrics = &mut harness.state_mut().explore.metrics;
        metrics.size_by = Some(Metric::PageRank);
        metrics.color_by = Some(Metric::Community);
    }
    harness.state_mut().push(Command::Layout(LayoutCommand::Rerun { fresh: false }));
    harness.run();
    harness.state_mut().doc.layout.settle_now();
    harness.run();
    // Sized by PageRank, the drawn discs still do not overlap: the layout knows their size.
    {
        let app = harness.state();
        let engine = app.doc.layout.engine();
        assert_eq!(engine.radii(), app.styling.radii.as_slice(), "the layout keeps the drawn sizes apart");
        for i in 0..engine.node_count() {
            for j in i + 1..engine.node_count() {
                let [a, b] = [engine.position(i), engine.position(j)];
                let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
                assert!(d >= engine.radius(i) + engine.radius(j) - 0.01, "discs {i} and {j} overlap");
            }
        }
    }
    harness.get_by_label("Add actor").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.explore.metrics.size_by, Some(Metric::PageRank), "the size mapping stays");
    assert!(app.styling.legend.is_some(), "the colour legend stays");
    common::wait_for_metrics(&mut harness);
    let app = harness.state();
    assert!(!app.explore.metrics.is_stale(), "recomputed in the background");
    assert_eq!(app.explore.metrics.current().unwrap().network.len(), 27, "the new actor has metrics");
    assert!(app.styling.colors.is_some());
}

#[test]
fn faded_cooperations_carry_no_tag_and_a_short_ones_tag_keeps_off_its_actors() {
    let mut harness = harness();
    // Fade what the filters leave out, and leave out affiliations; zoom in so tags show.
    harness.state_mut().explore.fade = true;
    harness.get_by_label("Affiliation (9)").click();
    harness.run();
    for _ in 0..3 {
        harness.key_press(Key::Plus);
    }
    harness.run();
    let app = harness.state();
    let tags = &app.canvas.drawn_tags;
    assert!(!tags.is_empty(), "zoomed in, cooperations carry their kind");
    for (e, _) in tags {
        let edge = &app.doc.scene.edges[*e];
        assert_ne!(edge.kind, kgx::model::CooperationKind::Affiliation, "a faded affiliation carries a tag");
    }

    // The shortest cooperation on screen, selected: its tag covers neither of its actors.
    let mut harness = common::harness();
    let app = harness.state();
    let screen = |i: u32| {
        let [x, y] = app.doc.layout.engine().position(i as usize);
        app.canvas.camera.to_screen(app.canvas.viewport, egui::pos2(x, y))
    };
    let (shortest, _) = app
        .doc
        .scene
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.from != e.to)
        .map(|(k, e)| (k, (screen(e.from) - screen(e.to)).length()))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let edge = app.doc.scene.edges[shortest];
    let id = app.doc.graph.cooperation_at(edge.index).unwrap().cooperation.id().clone();
    let ends: Vec<egui::Pos2> = [edge.from, edge.to].iter().map(|&end| screen(end)).collect();
    harness.state_mut().push(Command::Select(kgx::state::command::SelectCommand::Cooperation(id)));
    harness.run();
    let app = harness.state();
    let (_, tag) = app.canvas.drawn_tags.iter().find(|(e, _)| *e == shortest).expect("the selected one's tag");
    for (end, centre) in [edge.from, edge.to].into_iter().zip(ends) {
        let radius = app.styling.radii[end as usize] * app.canvas.camera.zoom;
        let disc = egui::Rect::from_center_size(centre, egui::Vec2::splat(2.0 * radius));
        assert!(!tag.intersects(disc), "the tag {tag:?} covers an actor of its own cooperation at {disc:?}");
    }
}

#[test]
fn panels_keep_their_width_whatever_they_show() {
    let mut harness = harness();
    let canvas = harness.state().canvas.viewport;
    // A search with a long hint, then every actor selected (the inspector lists them).
    type_into(&mut harness, "Find actor", "chinese centre for disease control and prevention of the people");
    harness.run();
    harness.key_press(Key::Escape);
    harness.state_mut().push(Command::Select(kgx::state::command::SelectCommand::All));
    harness.run();
    harness.run();
    // A very long name, selected alone, and the Metrics tab with its table.
    let mut who = harness.state().doc.graph.actor(&ActorId::new("who")).unwrap().clone();
    who.label =
        "World Health Organization, the United Nations agency for international public health, Geneva".repeat(2);
    harness.state_mut().push(Command::Edit(kgx::state::command::EditCommand::Apply {
        edit: kgx::edit::Edit::SetActor(who),
        coalesce: None,
    }));
    harness.state_mut().push(Command::Select(kgx::state::command::SelectCommand::Actors(vec![ActorId::new("who")])));
    harness.run();
    harness.get_by_label("Metrics").click();
    harness.run();
    harness.run();
    let now = harness.state().canvas.viewport;
    assert!(
        (now.width() - canvas.width()).abs() < 1.0,
        "the canvas was {} wide and is {} now",
        canvas.width(),
        now.width()
    );
    assert!((now.left() - canvas.left()).abs() < 1.0, "the left panel grew from {} to {}", canvas.left(), now.left());
}

#[test]
fn the_metrics_table_has_readable_headers_and_the_size_mapping_a_legend() {
    let mut harness = harness();
    let canvas = harness.state().canvas.viewport;
    harness.get_by_label("Metrics").click();
    harness.run();
    harness.get_by_label("Compute metrics").click();
    common::wait_for_metrics(&mut harness);
    for metric in [Metric::Degree, Metric::Betweenness, Metric::PageRank] {
        harness.state_mut().explore.metrics.columns.retain(|m| *m != metric);
        harness.state_mut().explore.metrics.columns.push(metric);
    }
    harness.state_mut().explore.metrics.size_by = Some(Metric::Betweenness);
    harness.run();
    // Whole titles, each a column header (and a column switch above the table).
    for title in ["Degree", "Betweenness", "PageRank"] {
        harness.get_by_label(&format!("Sort by {title}"));
        harness.get_by_label(&format!("{title} column"));
    }
    assert!(harness.query_by_label_contains("…").is_none(), "no header is cut short");
    // The size mapping's legend: the smallest and the largest value.
    assert!(harness.query_all_by_label_contains("Betweenness:").count() >= 1);
    let largest = harness
        .state()
        .explore
        .metrics
        .current()
        .map(|m| (0..m.network.nodes.len()).map(|i| m.value(Metric::Betweenness, i)).fold(0.0f64, f64::max));
    assert!(
        harness.query_all_by_label(&format!("{:.4}", largest.unwrap())).count() >= 2,
        "the legend gives the largest value"
    );
    assert!((harness.state().canvas.viewport.left() - canvas.left()).abs() < 1.0, "the panel kept its width");
}

#[test]
fn a_panel_keeps_the_width_it_is_dragged_to() {
    let mut harness = harness();
    let edge = harness.state().canvas.viewport.left();
    let y = harness.state().canvas.viewport.center().y;
    common::drag(&mut harness, egui::pos2(edge, y), egui::pos2(edge + 80.0, y));
    harness.run();
    let widened = harness.state().canvas.viewport.left();
    assert!((widened - (edge + 80.0)).abs() < 4.0, "dragged from {edge} to {widened}");
    type_into(&mut harness, "Find actor", "health organisation");
    harness.key_press(Key::Escape);
    harness.run();
    assert!((harness.state().canvas.viewport.left() - widened).abs() < 1.0, "the width stays where it was dragged");
    common::drag(&mut harness, egui::pos2(widened, y), egui::pos2(widened - 120.0, y));
    harness.run();
    let narrowed = harness.state().canvas.viewport.left();
    assert!(narrowed < widened - 60.0, "it narrows again: {narrowed}");
}
