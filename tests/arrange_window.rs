//! Layouts beyond force from the window, driven like a person would: Layout menu → a layout →
//! Run. Each run is one undoable step: pinned actors stay put, the picture follows the
//! algorithm, nothing reflows it afterwards, and Ctrl+Z restores the previous positions
//! exactly. ForceAtlas2's settings are saved in the file and undoable.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{harness, harness_on, positions, quiesce};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::app::command::{Command, EditCommand, LayoutCommand, SelectCommand};
use kgx::model::{ActorId, ActorKind};
use kgx::state::arrange::LayoutChoice;

const DONORS: &str = "tests/fixtures/donors.ron";
const AIRPORTS: &str = "../shared/interop/gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf";

/// Opens Layout → `entry` and presses Run, then waits for the worker thread's result.
fn run_from_menu(harness: &mut Harness<'_, KgxApp>, entry: &str) {
    harness.get_by_label("Layout").click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
    harness.get_by_label("Run").click();
    harness.run();
    wait_arranged(harness);
}

/// Steps frames until no layout is being computed (at most 20 s).
fn wait_arranged(harness: &mut Harness<'_, KgxApp>) {
    for _ in 0..2000 {
        harness.step();
        if harness.state().windows.arrange_job.is_none() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the layout was not computed");
}

/// Pins `id` through the app (select it, then P's command).
fn pin(harness: &mut Harness<'_, KgxApp>, id: &str) {
    harness.state_mut().push(Command::Select(SelectCommand::Actors(vec![ActorId::new(id)])));
    harness.state_mut().push(Command::Edit(EditCommand::PinSelection(true)));
    harness.run();
    quiesce(harness);
}

/// Every actor's position as the document holds it, by id.
fn saved_positions(harness: &Harness<'_, KgxApp>) -> BTreeMap<String, [f32; 2]> {
    harness.state().doc.graph.actors().map(|a| (a.id().to_string(), a.position.unwrap())).collect()
}

/// The centre of the circle through three points.
fn circumcentre(a: [f32; 2], b: [f32; 2], c: [f32; 2]) -> [f32; 2] {
    let d = 2.0 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
    let sq = |p: [f32; 2]| p[0] * p[0] + p[1] * p[1];
    let x = (sq(a) * (b[1] - c[1]) + sq(b) * (c[1] - a[1]) + sq(c) * (a[1] - b[1])) / d;
    let y = (sq(a) * (c[0] - b[0]) + sq(b) * (a[0] - c[0]) + sq(c) * (b[0] - a[0])) / d;
    [x, y]
}

fn undo(harness: &mut Harness<'_, KgxApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    quiesce(harness);
}

#[test]
fn circular_from_the_menu_keeps_the_pinned_actor_and_undo_restores_the_picture() {
    let mut harness = harness();
    pin(&mut harness, "who");
    let before = positions(&harness);
    let who = before["who"];
    run_from_menu(&mut harness, "Circular…");
    quiesce(&mut harness);
    let after = positions(&harness);
    assert_eq!(after["who"], who, "the pinned actor stays put");
    assert_eq!(saved_positions(&harness), after, "the document holds the picture on screen");
    // Every actor is on one circle: equally far from the centre of all of them.
    let centre = circumcentre(after["china"], after["who"], after["serbia"]);
    let distances: Vec<f32> = after.values().map(|p| (p[0] - centre[0]).hypot(p[1] - centre[1])).collect();
    let (low, high) = distances.iter().fold((f32::MAX, 0f32), |(l, h), d| (l.min(*d), h.max(*d)));
    assert!(high - low < 0.01 * high, "on one circle: radii {low} … {high}");
    assert!(harness.state().doc.history.undo_description().unwrap().contains("circular layout by kind"));
    // Nothing reflows the picture afterwards.
    for _ in 0..20 {
        harness.step();
    }
    assert!(!harness.state().doc.layout_running());
    assert_eq!(positions(&harness), after);
    harness.get_by_label_contains("Circular layout by kind: 25 actors moved");
    // One Ctrl+Z puts every actor back exactly.
    undo(&mut harness);
    assert_eq!(positions(&harness), before);
    assert_eq!(saved_positions(&harness), before);
}

#[test]
fn hierarchical_puts_donors_above_agencies_above_hospitals() {
    let mut harness = harness_on(Path::new(DONORS));
    assert_eq!(harness.state().doc.graph.actor_count(), 28);
    let before = positions(&harness);
    run_from_menu(&mut harness, "Hierarchical…");
    let doc = &harness.state().doc;
    let mean_y = |kind: ActorKind| {
        let ys: Vec<f32> = doc.graph.actors().filter(|a| a.kind == kind).map(|a| a.position.unwrap()[1]).collect();
        ys.iter().sum::<f32>() / ys.len() as f32
    };
    let foundations = doc.graph.actors().filter(|a| a.kind == ActorKind::Foundation);
    let hospitals = doc.graph.actors().filter(|a| a.kind == ActorKind::Hospital);
    let lowest_foundation = foundations.map(|a| a.position.unwrap()[1]).fold(f32::MIN, f32::max);
    let highest_hospital = hospitals.map(|a| a.position.unwrap()[1]).fold(f32::MAX, f32::min);
    assert!(lowest_foundation < highest_hospital, "every foundation is above every hospital");
    assert!(mean_y(ActorKind::Foundation) < mean_y(ActorKind::GovernmentAgency));
    assert!(mean_y(ActorKind::GovernmentAgency) < mean_y(ActorKind::Hospital));
    harness.get_by_label_contains("1 cooperation turned to break cycles");
    undo(&mut harness);
    assert_eq!(positions(&harness), before);
}

#[test]
fn a_cancelled_layout_leaves_the_picture_as_it_was() {
    let mut harness = harness_on(Path::new(DONORS));
    let before = positions(&harness);
    harness.state_mut().push(Command::Layout(LayoutCommand::ShowArrange(LayoutChoice::Hierarchical)));
    harness.state_mut().push(Command::Layout(LayoutCommand::Arrange));
    harness.state_mut().push(Command::Layout(LayoutCommand::CancelArrange));
    harness.run();
    for _ in 0..30 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(harness.state().windows.arrange_job.is_none());
    assert_eq!(positions(&harness), before);
    assert!(!harness.state().doc.history.can_undo(), "no step was made");
    harness.get_by_label_contains("was cancelled");
}

#[test]
fn geographic_places_the_us_airports_on_a_map() {
    if !Path::new(AIRPORTS).exists() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop");
        return;
    }
    let mut harness = harness_on(Path::new(AIRPORTS));
    harness.get_by_label("Layout").click();
    harness.run();
    harness.get_by_label("Geographic…").click();
    harness.run();
    // The attributes are detected unless chosen.
    harness.get_by_label("Latitude");
    harness.get_by_label("Longitude");
    assert!(harness.state().windows.arrange.as_ref().unwrap().latitude.is_empty(), "detected");
    harness.get_by_label("Run").click();
    harness.run();
    wait_arranged(&mut harness);
    let doc = &harness.state().doc;
    let at = |code: &str| doc.graph.actors().find(|a| a.attribute("Code") == Some(code)).unwrap().position.unwrap();
    let (sea, mia, jfk, lax) = (at("SEA"), at("MIA"), at("JFK"), at("LAX"));
    assert!(sea[0] < mia[0] && sea[1] < mia[1], "Seattle is north-west of Miami");
    assert!(lax[0] < jfk[0], "Los Angeles is west of New York");
    harness.get_by_label_contains("235 actors placed by their coordinates");
}

#[test]
fn force_settings_are_saved_in_the_file_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("donors.ron");
    std::fs::copy(DONORS, &path).unwrap();
    let mut harness = harness_on(&path);
    harness.get_by_label("Layout").click();
    harness.run();
    harness.get_by_label("ForceAtlas2 settings…").click();
    harness.run();
    harness.get_by_label("LinLog (tighter, more separate clusters)").click();
    harness.run();
    harness.get_by_label("Save settings").click();
    harness.run();
    let doc = &harness.state().doc;
    assert!(doc.graph.metadata.force.lin_log);
    assert!(doc.layout.engine().params().lin_log, "the layout runs with the saved settings");
    assert_eq!(doc.history.undo_description(), Some("change force settings"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    common::wait_saved(&mut harness);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("lin_log: true"), "{saved}");
    assert!(kgx::io::load_file(&path).unwrap().metadata.force.lin_log);
    // Run from scratch uses them and is one step; undo that, then the settings.
    let before = positions(&harness);
    harness.get_by_label("Run from scratch").click();
    harness.run();
    common::wait_until_settled(&mut harness);
    assert_ne!(positions(&harness), before);
    undo(&mut harness);
    assert_eq!(positions(&harness), before);
    undo(&mut harness);
    let doc = &harness.state().doc;
    assert!(!doc.graph.metadata.force.lin_log);
    assert!(!doc.layout.engine().params().lin_log);
}
