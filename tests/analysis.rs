//! Search by words and communities by Leiden, as a person meets them: typing a query of several
//! words into the real window and pressing Enter, choosing the community method in the Metrics
//! tab, and `kgx stats --metrics` with `--community` and `--resolution`.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use std::process::{Command, Output};

use common::harness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::analysis::community::CommunityMethod;
use kgx::app::KgxApp;

const SEED: &str = "graphs/covid19-cooperation.ron";

fn selected(harness: &Harness<'_, KgxApp>) -> Vec<String> {
    harness.state().selection.actors().map(|a| a.to_string()).collect()
}

fn search_for(harness: &mut Harness<'_, KgxApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find actor").type_text(query);
    harness.run();
}

#[test]
fn a_query_of_several_words_with_typos_selects_its_actor_on_enter() {
    let mut harness = harness();
    // Words out of order, one misspelt, a small word in between.
    search_for(&mut harness, "scince of ministry");
    harness.get_by_label_contains("; Enter selects the first");
    harness.get_by_label("Ministry of Science and Technology");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected(&harness), ["most"]);
}

#[test]
fn a_query_nothing_matches_says_so_and_enter_selects_nothing() {
    let mut harness = harness();
    search_for(&mut harness, "xylophone");
    harness.get_by_label("No actor matches");
    assert!(harness.query_by_label_contains("Enter selects").is_none(), "no promise of a first match");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(selected(&harness).is_empty());
}

#[test]
fn communities_are_found_by_leiden_unless_louvain_is_chosen() {
    let mut harness = harness();
    harness.get_by_label("Metrics").click();
    harness.run();
    harness.get_by_label("Compute metrics").click();
    common::wait_for_metrics(&mut harness);
    harness.get_by_label_contains(", Leiden)");
    let leiden = harness.state().explore.metrics.current().unwrap().modularity;
    // Choosing Louvain recomputes at once.
    harness.get_by_label("Communities by").click();
    harness.run();
    harness.get_all_by_label("Louvain").last().unwrap().click();
    harness.run();
    assert_eq!(harness.state().explore.metrics.communities.method, CommunityMethod::Louvain);
    common::wait_for_metrics(&mut harness);
    let metrics = harness.state().explore.metrics.current().unwrap();
    assert_eq!(metrics.community_settings.method, CommunityMethod::Louvain);
    assert!(leiden >= metrics.modularity - 1e-12, "Leiden {leiden} vs Louvain {}", metrics.modularity);
    harness.get_by_label_contains(", Louvain)");
}

fn kgx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = kgx(args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn stats_finds_communities_by_leiden_or_louvain_at_a_resolution() {
    let out = kgx(&["stats", SEED, "--metrics", "--top", "1"]);
    assert!(text(&out.stdout).contains("Communities (Leiden): "), "{}", text(&out.stdout));
    let out = kgx(&["stats", SEED, "--metrics", "--community", "louvain", "--top", "1"]);
    assert!(text(&out.stdout).contains("Communities (Louvain): "), "{}", text(&out.stdout));
    let out = kgx(&["stats", SEED, "--metrics", "--resolution", "2", "--top", "1"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Communities (Leiden at resolution 2): "), "{stdout}");
    assert!(stdout.contains("(the standard modularity, at resolution 1)"), "{stdout}");

    let standard = json(&["stats", SEED, "--metrics", "--json"]);
    let fine = json(&["stats", SEED, "--metrics", "--json", "--resolution", "3"]);
    let louvain = json(&["stats", SEED, "--metrics", "--json", "--community", "louvain"]);
    assert_eq!(standard["metrics"]["community_method"], "leiden");
    assert_eq!(louvain["metrics"]["community_method"], "louvain");
    assert_eq!(fine["metrics"]["resolution"], 3.0);
    let count = |v: &serde_json::Value| v["metrics"]["communities"].as_u64().unwrap();
    let modularity = |v: &serde_json::Value| v["metrics"]["modularity"].as_f64().unwrap();
    assert!(count(&fine) > count(&standard), "a higher resolution finds more, smaller communities");
    assert!(modularity(&fine) < modularity(&standard), "and is scored by the standard modularity");
    assert!(modularity(&standard) >= modularity(&louvain) - 1e-12);
}

#[test]
fn stats_refuses_a_resolution_that_is_not_positive_and_community_without_metrics() {
    for args in [
        vec!["stats", SEED, "--metrics", "--resolution", "0"],
        vec!["stats", SEED, "--metrics", "--resolution", "-1"],
        vec!["stats", SEED, "--metrics", "--resolution", "many"],
        vec!["stats", SEED, "--community", "louvain"],
        vec!["stats", SEED, "--metrics", "--community", "walktrap"],
    ] {
        let out = kgx(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!text(&out.stderr).is_empty(), "{args:?} says why");
    }
    let out = kgx(&["stats", SEED, "--metrics", "--resolution", "0"]);
    assert!(text(&out.stderr).contains("expected a positive number"), "{}", text(&out.stderr));
}
