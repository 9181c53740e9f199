//! The explorer window, driven through egui_kittest like a person would: by accessible labels,
//! clicks, drags and keys on the real `eframe::App`.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::fs;

mod common;

use common::{click_at, harness, harness_on as open_file_harness, screen_position, selected, type_into};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::io::load_file;
use kgx::model::ActorId;

fn label_of(harness: &Harness<'_, KgxApp>, id: &str) -> String {
    harness.state().doc.graph.actor(&ActorId::new(id)).unwrap().label.clone()
}

#[test]
fn the_seed_graph_is_shown_at_start() {
    let harness = harness();
    harness.get_by_label("Graph canvas");
    harness.get_by_label_contains("26 actors · 29 cooperations");
    harness.get_by_label("Country (2)");
    harness.get_by_label("Donation (2)");
    harness.get_by_label("BGI Genomics");
    let app = harness.state();
    assert_eq!(app.window_title(), "covid19-cooperation.ron (bundled) — kgx");
    // The whole graph is in view.
    let viewport = app.canvas.viewport;
    for id in ["china", "who", "kenyan-counterparts", "wang-yiming", "serbia"] {
        assert!(viewport.contains(screen_position(&harness, id)), "{id} is off screen");
    }
}

#[test]
fn an_actor_is_selected_through_the_canvas_and_the_list() {
    let mut harness = harness();
    let who = screen_position(&harness, "who");
    click_at(&mut harness, who, Modifiers::NONE);
    assert_eq!(selected(&harness), ["who"]);
    harness.get_by_label("Label");
    // Shift-click adds to the selection.
    let china = screen_position(&harness, "china");
    click_at(&mut harness, china, Modifiers::SHIFT);
    assert_eq!(selected(&harness), ["china", "who"]);
    harness.get_by_label("2 actors selected");
    // The list selects one actor and moves the camera to it.
    type_into(&mut harness, "Find actor", "xinhua");
    harness.get_by_label("Xinhua").click();
    harness.run();
    assert_eq!(selected(&harness), ["xinhua"]);
    for _ in 0..60 {
        harness.step();
    }
    let centre = harness.state().canvas.viewport.center();
    assert!((screen_position(&harness, "xinhua") - centre).length() < 2.0, "the camera centres the actor");
}

#[test]
fn renaming_in_the_inspector_is_undone_and_redone() {
    let mut harness = harness();
    // Find the actor by its alias in the list, then select it.
    type_into(&mut harness, "Find actor", "WHO");
    harness.get_by_label("World Health Organization").click();
    harness.run();
    let field = harness.get_by_label("Label");
    assert_eq!(field.value().as_deref(), Some("World Health Organization"));
    field.focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_label("Label").type_text(" (UN)");
    harness.run();
    assert_eq!(label_of(&harness, "who"), "World Health Organization (UN)");
    assert!(harness.state().window_title().contains('●'), "unsaved marker");
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(label_of(&harness, "who"), "World Health Organization");
    assert!(!harness.state().window_title().contains('●'));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(label_of(&harness, "who"), "World Health Organization (UN)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(label_of(&harness, "who"), "World Health Organization");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(label_of(&harness, "who"), "World Health Organization (UN)");
}

#[test]
fn add_connect_and_delete_an_actor() {
    let mut harness = harness();
    harness.get_by_label("Add actor").click();
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
    assert_eq!(selected(&harness), ["new-actor"]);
    common::quiesce(&mut harness);
    // Select the new actor and Kenya on the canvas, then Connect.
    let new_actor = screen_position(&harness, "new-actor");
    click_at(&mut harness, new_actor, Modifiers::NONE);
    let kenya = screen_position(&harness, "kenyan-counterparts");
    click_at(&mut harness, kenya, Modifiers::SHIFT);
    assert_eq!(selected(&harness), ["kenyan-counterparts", "new-actor"]);
    let before = common::positions(&harness);
    harness.get_by_label("Connect").click();
    harness.run();
    common::wait_until_settled(&mut harness);
    let app = harness.state();
    assert_eq!(app.doc.graph.cooperation_count(), 30);
    assert_eq!(common::positions(&harness), before, "connecting moves no actor: the picture stays the user's");
    let connected = app.doc.graph.cooperations_of(&ActorId::new("new-actor"));
    assert_eq!(connected.len(), 1);
    let mut ends = [connected[0].from.as_str(), connected[0].to.as_str()];
    ends.sort_unstable();
    assert_eq!(ends, ["kenyan-counterparts", "new-actor"]);
    // Delete the new actor with the Delete key: its cooperation goes with it.
    harness.get_by_label("New actor").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 26);
    assert_eq!(harness.state().doc.graph.cooperation_count(), 29);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
    assert_eq!(harness.state().doc.graph.cooperation_count(), 30);
}

#[test]
fn dragging_an_actor_moves_and_pins_it_in_one_undo_step() {
    let mut harness = harness();
    let start = screen_position(&harness, "kenyan-counterparts");
    let end = start + egui::vec2(120.0, 60.0);
    harness.event(Event::PointerMoved(start));
    harness.drag_at(start);
    harness.step();
    for k in 1..=10 {
        harness.event(Event::PointerMoved(start + (end - start) * (k as f32 / 10.0)));
        harness.step();
    }
    harness.drop_at(end);
    harness.run();
    let kenya = harness.state().doc.graph.actor(&ActorId::new("kenyan-counterparts")).unwrap().clone();
    assert!(kenya.pinned);
    assert!((screen_position(&harness, "kenyan-counterparts") - end).length() < 3.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let kenya = harness.state().doc.graph.actor(&ActorId::new("kenyan-counterparts")).unwrap().clone();
    assert!(!kenya.pinned, "one undo releases the pin and returns the actor");
    assert!(!harness.state().doc.history.can_undo());
}

#[test]
fn saving_then_reopening_gives_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut harness = harness();
    harness.get_by_label("Mammoth Foundation").click();
    harness.run();
    harness.get_by_label("Label").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_label("Label").type_text(" (donor)");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    harness.get_by_label("File path").type_text(path.to_str().unwrap());
    harness.get_by_label("Save").click();
    harness.run();
    common::wait_saved(&mut harness);
    assert!(path.exists());
    assert_eq!(harness.state().window_title(), "saved.ron — kgx");
    assert!(harness.state().doc.history.can_undo(), "undo history survives save");
    let saved = load_file(&path).unwrap();
    assert_eq!(saved.actor(&ActorId::new("mammoth-foundation")).unwrap().label, "Mammoth Foundation (donor)");
    let in_memory = harness.state().doc.graph.clone();

    let mut reopened = open_file_harness(&path);
    assert!(reopened.state().doc.graph == in_memory, "positions, pins and edits survive the round trip");
    reopened.run();
    assert_eq!(reopened.state().window_title(), "saved.ron — kgx");
}

#[test]
fn opening_a_malformed_file_shows_the_error_and_keeps_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    fs::write(&bad, "(format: \"kgx\", version: 1, actors: [(id: \"a\", label: \"A\", kind: Planet)])").unwrap();
    let mut harness = harness();
    let before = harness.state().doc.graph.clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("File path").type_text(bad.to_str().unwrap());
    harness.get_by_label("Open").click();
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().dialog_kind(), "error");
    harness.get_by_label_contains("bad.ron:1:66: unknown actor kind `Planet`");
    assert!(harness.state().doc.graph == before);
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "none");
    assert!(harness.state().doc.graph == before, "the open graph is untouched");
}

#[test]
fn unsaved_changes_are_confirmed_before_they_are_dropped() {
    let mut harness = harness();
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "confirm");
    harness.get_by_label_contains("before you start a new graph");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 27, "cancel keeps the graph");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 0);
    assert_eq!(harness.state().window_title(), "Untitled — kgx");
}

#[test]
fn a_cooperation_is_edited_in_the_inspector() {
    let mut harness = harness();
    harness.get_by_label("Mammoth Foundation").click();
    harness.run();
    harness.get_by_label("Select cooperation mammoth-donates-kits-to-serbia").click();
    harness.run();
    assert_eq!(
        harness.state().selection.cooperation().map(|c| c.to_string()).as_deref(),
        Some("mammoth-donates-kits-to-serbia")
    );
    let quotes: Vec<String> = harness.get_all_by_label("Quote").filter_map(|q| q.value()).collect();
    assert_eq!(quotes.len(), 2);
    assert!(quotes[0].starts_with("The president and prime minister of Serbia announced"), "{quotes:?}");
    let date = harness.get_by_label("Date");
    assert_eq!(date.value().as_deref(), Some("2020-03-15"));
    date.focus();
    harness.run();
    harness.key_press(Key::End);
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness.run();
    // "2020-03-" is not a date yet: the old one stays and an error shows.
    harness.get_by_label_contains("is not a date");
    harness.get_by_label("Date").type_text("16");
    harness.run();
    let graph = &harness.state().doc.graph;
    let c = graph.cooperation(&"mammoth-donates-kits-to-serbia".into()).unwrap();
    assert_eq!(c.cooperation.date.map(|d| d.to_string()).as_deref(), Some("2020-03-16"));
}
