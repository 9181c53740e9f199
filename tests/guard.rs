//! Every path that replaces the open document asks about unsaved changes first, and a Cancel
//! keeps the work and its recovery file: New, Open, Open recent, a dropped file, a CSV, another
//! tool's file, a graph from a knowledge base, Reload after another program changed the file,
//! Restore from recovery, and a file that finished reading after the work became unsaved.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{drop_file, harness_autosaving, orphan, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::app::command::{Command, EditCommand, FileCommand, KbCommand};
use kgx::io::save_file;
use kgx::model::{Actor, ActorKind, KnowledgeGraph};

/// A window on `file` (or the bundled graph) with one unsaved actor added and autosaved; the
/// recovery folder and the recovery file.
fn unsaved(file: Option<&Path>) -> (Harness<'static, KgxApp>, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_autosaving(dir.path(), file);
    harness.state_mut().push(Command::Edit(EditCommand::AddActor));
    harness.run();
    harness.state_mut().flush_autosave();
    let recovery = harness.state().recovery_file().expect("the unsaved work was autosaved").to_owned();
    assert!(recovery.exists());
    (harness, dir, recovery)
}

/// The window asks about the unsaved work; Cancel keeps it, open and autosaved.
fn asked_then_cancel_keeps_the_work(harness: &mut Harness<'_, KgxApp>, recovery: &Path, path: &str) {
    assert_eq!(harness.state().dialog_kind(), "confirm", "{path}: unsaved changes are asked about");
    harness.get_by_label_contains("Save the changes to");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "none");
    let actors = harness.state().doc.graph.actor_count();
    harness.state_mut().flush_autosave();
    assert!(harness.state().doc.is_dirty(), "{path}: the work is still unsaved, and still here");
    assert!(harness.state().doc.graph.contains_actor(&"new-actor".into()), "{path}: {actors} actors");
    assert!(recovery.exists(), "{path}: the recovery file survives a Cancel");
}

fn small_graph(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut graph = KnowledgeGraph::new();
    graph.add_actor(Actor::new("only", "Only", ActorKind::Other)).unwrap();
    save_file(&graph, &path).unwrap();
    path
}

#[test]
fn new_asks_and_dont_save_removes_the_recovery_file() {
    let (mut harness, _dir, recovery) = unsaved(None);
    harness.state_mut().push(Command::File(FileCommand::New));
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "New");
    harness.state_mut().push(Command::File(FileCommand::New));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    harness.state_mut().flush_autosave();
    assert_eq!(harness.state().doc.graph.actor_count(), 0, "a new, empty graph");
    assert!(!recovery.exists(), "work the person gave up is not offered back");
}

#[test]
fn open_from_the_path_dialog_asks_first() {
    let (mut harness, _dir, recovery) = unsaved(None);
    harness.state_mut().push(Command::File(FileCommand::Open(None)));
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "Open");
}

#[test]
fn open_recent_asks_first() {
    let (mut harness, dir, recovery) = unsaved(None);
    let other = small_graph(dir.path(), "other.ron");
    harness.state_mut().files.recent = vec![fs::canonicalize(&other).unwrap()];
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness.get_by_label(&fs::canonicalize(&other).unwrap().display().to_string()).click();
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "Open recent");
}

#[test]
fn dropping_a_file_asks_first() {
    let (mut harness, dir, recovery) = unsaved(None);
    let other = small_graph(dir.path(), "dropped.ron");
    drop_file(&mut harness, &other);
    harness.run();
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "drop");
}

#[test]
fn another_tools_file_and_a_csv_ask_first() {
    let (mut harness, dir, recovery) = unsaved(None);
    let graphml = dir.path().join("tool.graphml");
    fs::write(
        &graphml,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>"#,
    )
    .unwrap();
    harness.state_mut().push(Command::File(FileCommand::Open(Some(graphml))));
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "GraphML");
    let csv = dir.path().join("edges.csv");
    fs::write(&csv, "source,target\na,b\n").unwrap();
    harness.state_mut().push(Command::File(FileCommand::Open(Some(csv))));
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "CSV");
}

#[test]
fn reload_after_another_program_changed_the_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = small_graph(dir.path(), "shared.ron");
    let (mut harness, _recovery_dir, recovery) = unsaved(Some(&file));
    small_graph(dir.path(), "shared.ron");
    let mut theirs = KnowledgeGraph::new();
    theirs.add_actor(Actor::new("theirs", "Theirs", ActorKind::Other)).unwrap();
    save_file(&theirs, &file).unwrap();
    harness.state_mut().push(Command::File(FileCommand::CheckDisk));
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "changed on disk");
    harness.get_by_label("Reload").click();
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "Reload");
}

#[test]
fn restoring_other_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    // A window that crashed with unsaved work.
    let mut crashed = harness_autosaving(dir.path(), None);
    crashed.state_mut().push(Command::Edit(EditCommand::AddActor));
    crashed.run();
    crashed.state_mut().flush_autosave();
    let left = crashed.state().recovery_file().unwrap().to_owned();
    drop(crashed);
    orphan(&left);
    // This window has unsaved work of its own when the person restores the other.
    let mut harness = harness_autosaving(dir.path(), None);
    assert_eq!(harness.state().dialog_kind(), "recover");
    harness.get_by_label("Later").click();
    harness.run();
    harness.state_mut().push(Command::Edit(EditCommand::AddActor));
    harness.run();
    harness.state_mut().flush_autosave();
    let recovery = harness.state().recovery_file().unwrap().to_owned();
    harness.state_mut().push(Command::File(FileCommand::Restore(left.clone())));
    harness.run();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "Restore");
    assert!(left.exists(), "the other work is still offered");
}

#[test]
fn a_file_that_finishes_reading_after_an_edit_asks_before_it_replaces_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_autosaving(dir.path(), None);
    let other = small_graph(dir.path(), "slow.ron");
    // Open starts reading (nothing unsaved yet); an edit comes before the file is read.
    harness.state_mut().push(Command::File(FileCommand::Open(Some(other))));
    harness.state_mut().push(Command::Edit(EditCommand::AddActor));
    harness.run();
    common::wait_opened(&mut harness);
    harness.state_mut().flush_autosave();
    let recovery = harness.state().recovery_file().unwrap().to_owned();
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "a file read meanwhile");
    harness.get_by_label_contains("was not opened");
}

#[test]
fn opening_from_a_knowledge_base_asks_first() {
    let Some(endpoint) = common::test_sparql() else { return };
    let graph = format!("https://kgx.dev/test/guard/{}", std::process::id());
    let remote = kgx::kb::Endpoint::new(&endpoint).unwrap();
    let bundled = kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    remote.push(&bundled, &graph, remote.revision(&graph).unwrap()).unwrap();
    let (mut harness, _dir, recovery) = unsaved(None);
    harness.state_mut().push(Command::Kb(KbCommand::Show));
    harness.run();
    type_into(&mut harness, "Endpoint", &endpoint);
    type_into(&mut harness, "Named graph", &graph);
    harness.get_by_label("Open").click();
    harness.run();
    for _ in 0..1000 {
        if harness.state().dialog_kind() == "confirm" {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    asked_then_cancel_keeps_the_work(&mut harness, &recovery, "knowledge base");
}

#[test]
fn dont_save_before_choosing_a_file_is_asked_once_and_an_edit_meanwhile_is_asked_about_again() {
    let (mut harness, dir, recovery) = unsaved(None);
    let other = small_graph(dir.path(), "other.ron");
    // File → Open asks first; "Don't save", then the path: the file replaces the work without a
    // second question.
    harness.state_mut().push(Command::File(FileCommand::Open(None)));
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "confirm");
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "path");
    type_into(&mut harness, "File path", other.to_str().unwrap());
    harness.get_by_label("Open").click();
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().dialog_kind(), "none", "asked once");
    assert_eq!(harness.state().doc.graph.actor_count(), 1, "the chosen file is open");
    assert!(!recovery.exists(), "the work given up is not offered back");

    // Given up, then the path dialog cancelled: a later replacement asks again.
    harness.state_mut().push(Command::Edit(EditCommand::AddActor));
    harness.run();
    harness.state_mut().push(Command::File(FileCommand::Open(None)));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "none");
    harness.state_mut().push(Command::File(FileCommand::Open(Some(other.clone()))));
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "confirm", "the earlier answer does not carry over");
    harness.get_by_label("Cancel").click();
    harness.run();

    // Given up, then an edit while the file is read: asked about that edit.
    harness.state_mut().push(Command::File(FileCommand::Open(None)));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    type_into(&mut harness, "File path", other.to_str().unwrap());
    harness.get_by_label("Open").click();
    harness.state_mut().push(Command::Edit(EditCommand::AddActor));
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().dialog_kind(), "confirm", "the new edit is asked about");
    assert_eq!(harness.state().doc.graph.actor_count(), 3, "the work is still here meanwhile");
}
