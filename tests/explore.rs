//! The exploration tools driven through the real app: search, filters, timeline, neighbourhood
//! focus, shortest paths and metrics.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use common::{click_actor, harness, screen_position, type_into};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::model::ActorId;

fn shown(harness: &Harness<'_, KgxApp>) -> (usize, usize) {
    let v = &harness.state().styling.visibility;
    (v.shown_actors, v.shown_cooperations)
}

fn open_tab(harness: &mut Harness<'_, KgxApp>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

#[test]
fn search_selects_the_match_and_moves_the_camera_to_it() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.get_by_label("Find actor").is_focused(), "Ctrl+F focuses the search");
    // A typo still finds the hospital; so does an attribute value.
    harness.get_by_label("Find actor").type_text("Zhongan");
    harness.run();
    harness.get_by_label("Zhongnan Hospital of Wuhan University");
    harness.key_press(Key::Enter);
    for _ in 0..80 {
        harness.step();
    }
    let selected: Vec<String> = harness.state().selection.actors().map(|a| a.to_string()).collect();
    assert_eq!(selected, ["zhongnan-hospital"]);
    let centre = harness.state().canvas.viewport.center();
    assert!((screen_position(&harness, "zhongnan-hospital") - centre).length() < 2.0, "the camera glides to it");
}

#[test]
fn a_kind_filter_hides_actors_and_counts_what_is_shown() {
    let mut harness = harness();
    assert_eq!(shown(&harness), (26, 29));
    harness.get_by_label("Person (4)").click();
    harness.run();
    assert_eq!(shown(&harness), (22, 23), "people and their cooperations are hidden");
    open_tab(&mut harness, "Explore");
    harness.get_by_label("Showing 22 of 26 actors and 23 of 29 cooperations");
    harness.get_by_label("Clear all filters").click();
    harness.run();
    assert_eq!(shown(&harness), (26, 29));
}

#[test]
fn the_timeline_shows_the_network_as_of_a_date() {
    let mut harness = harness();
    open_tab(&mut harness, "Explore");
    harness.get_by_label("Keep undated cooperations").click();
    harness.get_by_label("Show the network as of a date").click();
    harness.run();
    // The slider starts at the last date: all four dated cooperations.
    assert_eq!(shown(&harness).1, 4);
    harness.get_by_label("2020-03-22");
    // Move to the first date: only the donation of test kits to Serbia (March 15) remains.
    let march_15 = kgx::model::PartialDate::ymd(2020, 3, 15).unwrap().first_day_number();
    harness.get_by_label("Date").set_value_accesskit(march_15 as f64);
    harness.run();
    harness.get_by_label("2020-03-15");
    assert_eq!(shown(&harness), (2, 1));
    let app = harness.state();
    let visible = |id: &str| app.styling.visibility.actor(app.doc.graph.node_index(&ActorId::new(id)).unwrap().index());
    assert!(visible("mammoth-foundation") && visible("serbian-government") && !visible("bgi-genomics"));
}

#[test]
fn focusing_on_a_neighbourhood_hides_the_rest_and_expands_step_by_step() {
    let mut harness = harness();
    type_into(&mut harness, "Find actor", "Kenyan");
    harness.get_by_label("Kenyan counterparts").click();
    harness.run();
    open_tab(&mut harness, "Explore");
    harness.get_by_label("Focus on the selected actor's neighbourhood").click();
    harness.run();
    assert_eq!(shown(&harness), (2, 1), "Kenya and Zhongnan Hospital");
    // Expand one actor's neighbours: select the hospital through Kenya's partner link in the
    // inspector; it brings Wuhan University and Xinhua.
    harness.get_by_label("Zhongnan Hospital of Wuhan University").click();
    harness.run();
    harness.get_by_label("Expand Zhongnan Hospital of Wuhan University's neighbours").click();
    harness.run();
    assert_eq!(shown(&harness), (4, 3));
    harness.get_by_label("Expand one step").click();
    harness.run();
    assert_eq!(shown(&harness), (4, 3), "that component has no more actors");
    harness.get_by_label("Back to the whole graph").click();
    harness.run();
    assert_eq!(shown(&harness), (26, 29));
}

#[test]
fn a_path_between_two_seed_actors_is_found_listed_and_highlighted() {
    let mut harness = harness();
    // Select Wang Yiming and the Serbian government on the canvas.
    click_actor(&mut harness, "wang-yiming", Modifiers::NONE);
    click_actor(&mut harness, "serbian-government", Modifiers::SHIFT);
    open_tab(&mut harness, "Explore");
    harness.get_by_label("Use the two selected actors").click();
    harness.run();
    harness.get_by_label("Find shortest paths").click();
    harness.run();
    let found = &harness.state().explore.path.found;
    assert!(!found.is_empty());
    let steps = found[0].edges.len();
    assert!(found.iter().all(|p| p.edges.len() == steps), "all listed paths are shortest");
    // Wang Yiming → china.org.cn → S&T Daily → Xu Nanping → MOST → China → … → Serbia's government.
    let graph = &harness.state().doc.graph;
    let ids: Vec<String> = found[0].nodes.iter().map(|n| graph.actor_at(*n).unwrap().id().to_string()).collect();
    assert_eq!(ids.first().map(String::as_str), Some("serbian-government"));
    assert_eq!(ids.last().map(String::as_str), Some("wang-yiming"));
    harness.get_by_label_contains("Path 1 (");
    let found_nodes = harness.state().explore.path.found[0].nodes.clone();
    // The path is drawn highlighted.
    let app = harness.state();
    let on_path = app.styling.node_flags.iter().filter(|f| **f & kgx::ui::paint::flag::ON_PATH != 0).count();
    assert!(on_path > steps, "every actor on the paths is marked ({on_path})");
    for node in &found_nodes {
        let engine_node = app.doc.layout.engine_node(*node).unwrap();
        assert!(app.styling.node_flags[engine_node] & kgx::ui::paint::flag::ON_PATH != 0);
    }
    assert!(!app.explore.path.is_searching(), "the search ran on its thread and is done");
    // Adding or removing actors makes the found paths stale: they are dropped, not misdrawn.
    harness.get_by_label("Add actor").click();
    harness.run();
    let app = harness.state();
    assert!(app.explore.path.found.is_empty() && !app.explore.path.searched);
    assert_eq!(app.styling.node_flags.iter().filter(|f| **f & kgx::ui::paint::flag::ON_PATH != 0).count(), 0);
}

#[test]
fn metrics_are_computed_off_the_ui_thread_and_mapped_to_colour() {
    let mut harness = harness();
    open_tab(&mut harness, "Metrics");
    harness.get_by_label("Compute metrics").click();
    common::wait_for_metrics(&mut harness);
    harness.get_by_label_contains("communities (modularity ");
    let app = harness.state();
    assert!(app.explore.metrics.current().is_some());
    // The table's header sorts by PageRank (highest first) by default.
    harness.get_by_label("Sort by PageRank");
    assert!(app.styling.colors.is_none());
    // Choose "Community" in the colour combo (the popup item, not the table's column header).
    harness.get_by_label("Node colour by").click();
    harness.run();
    harness.get_by_label("Community").click();
    harness.run();
    assert_eq!(harness.state().explore.metrics.color_by, Some(kgx::analysis::metrics::Metric::Community));
    assert!(harness.state().styling.colors.is_some(), "nodes coloured by community");
    harness.get_by_label_contains("Community (largest");
}

#[test]
fn a_date_range_filter_keeps_the_cooperations_inside_it() {
    let mut harness = harness();
    open_tab(&mut harness, "Explore");
    harness.get_by_label("Keep undated cooperations").click();
    harness.get_by_label("Only cooperations within dates").click();
    harness.run();
    assert_eq!(shown(&harness).1, 4, "the whole range: every dated cooperation");
    let march_16 = kgx::model::PartialDate::ymd(2020, 3, 16).unwrap().first_day_number();
    harness.get_by_label("From").set_value_accesskit(march_16 as f64);
    harness.run();
    // The March 15 donation to Serbia falls out; the three March 22 cooperations stay.
    assert_eq!(shown(&harness).1, 3);
    harness.get_by_label("Clear all filters").click();
    harness.run();
    assert_eq!(shown(&harness), (26, 29));
}
