//! Nothing a person does in the window loses work: gestures survive structural changes made in
//! the middle of them, state never goes stale, unsaved work is autosaved and offered back, and a
//! file changed by another program is never silently overwritten.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use common::{
    click_at, drag, drag_with, harness, harness_autosaving, harness_on, picture, quiesce, screen_position, selected,
    type_into,
};
use egui::{Event, Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::app::command::{Command, EditCommand, FileCommand, LayoutCommand};
use kgx::io::{load_file, recovery, save_file};
use kgx::model::{Actor, ActorId, ActorKind, KnowledgeGraph};

fn actor_count(harness: &Harness<'_, KgxApp>) -> usize {
    harness.state().doc.graph.actor_count()
}

/// The bundled graph with a new actor, settled, and where that actor is drawn.
fn harness_with_new_actor() -> (Harness<'static, KgxApp>, egui::Pos2) {
    let mut harness = harness();
    harness.get_by_label("Add actor").click();
    harness.run();
    common::quiesce(&mut harness);
    let at = screen_position(&harness, "new-actor");
    (harness, at)
}

#[test]
fn undo_in_the_middle_of_a_drag_ends_the_drag_without_a_crash() {
    let (mut harness, at) = harness_with_new_actor();
    drag_with(&mut harness, at, at + vec2(150.0, 40.0), Modifiers::NONE, |h| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.step();
    });
    assert_eq!(actor_count(&harness), 26, "the undo removed the new actor");
    assert!(harness.state().doc.history.can_redo());
    assert!(!harness.state().doc.history.can_undo(), "the rest of the drag recorded nothing");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(actor_count(&harness), 27, "redo brings it back");
}

#[test]
fn deleting_the_dragged_actor_mid_drag_ends_the_drag() {
    let (mut harness, at) = harness_with_new_actor();
    drag_with(&mut harness, at, at + vec2(-120.0, 80.0), Modifiers::NONE, |h| {
        h.key_press(Key::Delete);
        h.step();
    });
    assert_eq!(actor_count(&harness), 26);
    assert!(harness.state().selection.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(actor_count(&harness), 27, "the delete is one undo step; the drag left none");
}

#[test]
fn undo_in_the_middle_of_a_connect_gesture_connects_nothing() {
    let (mut harness, at) = harness_with_new_actor();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    drag_with(&mut harness, at, kenya, Modifiers::COMMAND, |h| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.step();
    });
    let app = harness.state();
    assert_eq!(app.doc.graph.actor_count(), 26);
    assert_eq!(app.doc.graph.cooperation_count(), 29, "no cooperation from an actor that is gone");
}

#[test]
fn opening_another_graph_mid_drag_ends_the_drag() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    let mut graph = KnowledgeGraph::new();
    graph.add_actor(Actor::new(ActorId::new("solo"), "Solo Institute", ActorKind::ResearchInstitute)).unwrap();
    save_file(&graph, &other).unwrap();
    let mut harness = harness();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    let path = other.clone();
    drag_with(&mut harness, kenya, kenya + vec2(100.0, 100.0), Modifiers::NONE, move |h| {
        h.state_mut().push(Command::File(FileCommand::Open(Some(path))));
        h.step();
    });
    common::wait_opened(&mut harness);
    let app = harness.state();
    assert_eq!(app.doc.graph.actor_count(), 1);
    assert!(!app.doc.is_dirty(), "the rest of the drag did not edit the new graph");
    assert!(!app.doc.history.can_undo());
}

#[test]
fn the_actor_list_shows_the_newly_opened_graph() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    let mut graph = KnowledgeGraph::new();
    graph.add_actor(Actor::new(ActorId::new("solo"), "Solo Institute", ActorKind::ResearchInstitute)).unwrap();
    save_file(&graph, &other).unwrap();
    let mut harness = harness();
    harness.get_by_label("BGI Genomics");
    harness.state_mut().push(Command::File(FileCommand::Open(Some(other))));
    harness.run();
    common::wait_opened(&mut harness);
    harness.get_by_label("Solo Institute");
    assert!(harness.query_by_label("BGI Genomics").is_none(), "no actor of the old graph is listed");
}

#[test]
fn undo_prunes_the_selection_so_delete_still_works() {
    let (mut harness, at) = harness_with_new_actor();
    click_at(&mut harness, at, Modifiers::NONE);
    let kenya = screen_position(&harness, "kenyan-counterparts");
    click_at(&mut harness, kenya, Modifiers::SHIFT);
    assert_eq!(selected(&harness), ["kenyan-counterparts", "new-actor"]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(selected(&harness), ["kenyan-counterparts"], "the undone actor left the selection");
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(actor_count(&harness), 25, "Delete removed the Kenyan counterparts");
    assert!(harness.state().doc.graph.actor(&ActorId::new("kenyan-counterparts")).is_none());
}

#[test]
fn an_inspector_edit_leaves_the_actor_where_the_layout_has_it() {
    let mut harness = harness();
    type_into(&mut harness, "Find actor", "WHO");
    harness.get_by_label("World Health Organization").click();
    harness.run();
    // The layout moved the actor since its position was last copied into the graph.
    let moved_to = {
        let app = harness.state_mut();
        app.doc.set_layout_paused(true);
        let node = app.doc.engine_node_of(&ActorId::new("who")).unwrap();
        let [x, y] = app.doc.layout.engine().position(node);
        app.doc.layout.set_position(node, [x + 50.0, y - 30.0]);
        [x + 50.0, y - 30.0]
    };
    harness.get_by_label("Label").focus();
    harness.run();
    harness.key_press(Key::End);
    // Two bursts of typing into one field: one undo step.
    harness.get_by_label("Label").type_text(" (U");
    harness.run();
    harness.get_by_label("Label").type_text("N)");
    harness.run();
    let app = harness.state();
    let who = app.doc.graph.actor(&ActorId::new("who")).unwrap();
    assert_eq!(who.label, "World Health Organization (UN)");
    let node = app.doc.engine_node_of(&ActorId::new("who")).unwrap();
    assert_eq!(app.doc.layout.engine().position(node), moved_to, "the edit did not pull it back");
    assert_eq!(
        app.doc.history.undo_description(),
        Some("edit actor \"World Health Organization (UN)\""),
        "the undo step is named after the result, not the first keystroke"
    );
}

#[test]
fn undoing_a_drag_puts_the_whole_picture_back_and_redo_the_new_one() {
    let mut harness = harness();
    let before = picture(&harness);
    let kenya = screen_position(&harness, "kenyan-counterparts");
    drag(&mut harness, kenya, kenya + vec2(200.0, 120.0));
    quiesce(&mut harness);
    let after = picture(&harness);
    // The dragged actor and the neighbours that followed it moved; nothing else did.
    let doc = &harness.state().doc;
    let kenya_node = doc.engine_node_of(&ActorId::new("kenyan-counterparts")).unwrap();
    let neighbours: Vec<usize> = doc.scene.neighbours(kenya_node).iter().map(|&j| j as usize).collect();
    let moved: Vec<usize> = (0..before.len()).filter(|&i| before[i] != after[i]).collect();
    assert!(
        moved.contains(&kenya_node) && moved.len() > 1,
        "the dragged actor moved and neighbours followed: {moved:?}"
    );
    assert!(
        moved.iter().all(|i| *i == kenya_node || neighbours.contains(i)),
        "only the dragged actor's neighbours follow it: {moved:?} against {neighbours:?}"
    );
    assert_eq!(harness.state().doc.history.undo_description(), Some("move actor \"Kenyan counterparts\""));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(picture(&harness), before, "every actor is back where it was");
    assert!(!harness.state().doc.layout_running(), "and stays there");
    assert!(!harness.state().doc.graph.actor(&ActorId::new("kenyan-counterparts")).unwrap().pinned);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    let redone = picture(&harness);
    for (a, b) in redone.iter().zip(&after) {
        assert!((a[0] - b[0]).abs() < 1e-3 && (a[1] - b[1]).abs() < 1e-3, "redo shows the picture after the drag");
    }
}

#[test]
fn unsaved_work_is_autosaved_offered_back_and_restored() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let mut harness = harness_autosaving(recovery_dir.path(), None);
    assert_eq!(harness.state().dialog_kind(), "none", "nothing to recover at first");
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.state_mut().flush_autosave();
    let file = harness.state().recovery_file().unwrap().to_owned();
    let header = recovery::read_header(&file).unwrap();
    assert_eq!((header.actors, header.cooperations), (27, 29));
    assert_eq!(header.name, "covid19-cooperation.ron (bundled)");
    drop(harness); // The window is gone without saving (as after kill -9).
    common::orphan(&file);

    let mut harness = harness_autosaving(recovery_dir.path(), None);
    assert_eq!(harness.state().dialog_kind(), "recover");
    harness.get_by_label_contains("27 actors · 29 cooperations");
    harness.get_by_label("Restore covid19-cooperation.ron (bundled)").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc.graph.actor_count(), 27, "the unsaved actor is back");
    assert!(app.doc.is_dirty(), "restored work is unsaved until saved");
    assert_eq!(app.recovery_file(), Some(file.as_path()), "it keeps autosaving to the same file");

    // A clean save removes the recovery file.
    let saved = recovery_dir.path().join("saved.ron");
    harness.state_mut().push(Command::File(FileCommand::SaveAs(Some(saved.clone()))));
    harness.run();
    common::wait_saved(&mut harness);
    harness.state_mut().flush_autosave();
    assert_eq!(load_file(&saved).unwrap().actor_count(), 27);
    assert!(!file.exists(), "saved work needs no recovery file");
    assert!(recovery::list(recovery_dir.path()).is_empty());
}

#[test]
fn discarding_offered_work_deletes_it_and_a_confirmed_close_leaves_none() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let mut harness = harness_autosaving(recovery_dir.path(), None);
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.state_mut().flush_autosave();
    let file = harness.state().recovery_file().unwrap().to_owned();
    drop(harness);
    common::orphan(&file);

    let mut harness = harness_autosaving(recovery_dir.path(), None);
    harness.get_by_label("Discard covid19-cooperation.ron (bundled)").click();
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "none");
    assert!(!file.exists());
    assert_eq!(actor_count(&harness), 26, "the bundled graph, untouched");

    // Unsaved changes, then quit with "Don't save": the recovery file goes too.
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.state_mut().flush_autosave();
    let file = harness.state().recovery_file().unwrap().to_owned();
    assert!(file.exists());
    harness.state_mut().push(Command::File(FileCommand::Quit));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    harness.state_mut().flush_autosave();
    assert!(!file.exists(), "work the person chose to drop is not offered back");
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let mut harness = harness_autosaving(recovery_dir.path(), None);
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.state_mut().flush_autosave();
    let file = harness.state().recovery_file().unwrap().to_owned();
    assert!(file.exists());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.state_mut().flush_autosave();
    assert!(!file.exists());
}

#[test]
fn a_panic_path_write_saves_the_work_synchronously() {
    let recovery_dir = tempfile::tempdir().unwrap();
    let mut harness = common::harness_with(kgx::app::AppOptions {
        recovery_dir: Some(recovery_dir.path().to_owned()),
        ..Default::default()
    });
    harness.get_by_label("Add actor").click();
    harness.run();
    // The default delay (3 s) has not passed: nothing is written yet.
    assert!(recovery::list(recovery_dir.path()).is_empty());
    harness.state_mut().write_recovery_now().unwrap();
    let files = recovery::list(recovery_dir.path());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].header.actors, 27);
}

fn graph_with(ids: &[&str]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for id in ids {
        graph.add_actor(Actor::new(ActorId::new(*id), id.to_uppercase(), ActorKind::Company)).unwrap();
    }
    graph
}

#[test]
fn a_file_changed_on_disk_is_offered_for_reload_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    save_file(&graph_with(&["a", "b"]), &path).unwrap();
    let mut harness = harness_on(&path);
    // Someone else (git pull) writes the file; coming back to the window notices it.
    save_file(&graph_with(&["a", "b", "c"]), &path).unwrap();
    harness.event(Event::WindowFocused(true));
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "changed on disk");
    harness.get_by_label("Reload").click();
    harness.run();
    assert_eq!(actor_count(&harness), 3);
    assert!(!harness.state().doc.is_dirty(), "the graph is what the file holds");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(actor_count(&harness), 2, "one undo brings the version before the reload back");

    // Keep mine: nothing changes, and the same change is not asked about again.
    save_file(&graph_with(&["z"]), &path).unwrap();
    harness.event(Event::WindowFocused(true));
    harness.run();
    harness.get_by_label("Keep mine").click();
    harness.run();
    assert_eq!(actor_count(&harness), 2);
    harness.event(Event::WindowFocused(true));
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "none");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    save_file(&graph_with(&["a"]), &path).unwrap();
    let mut harness = harness_on(&path);
    harness.get_by_label("Add actor").click();
    harness.run();
    save_file(&graph_with(&["theirs"]), &path).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "changed on disk");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(load_file(&path).unwrap().contains_actor(&ActorId::new("theirs")), "their change is still there");
    assert!(harness.state().doc.is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    common::wait_saved(&mut harness);
    let saved = load_file(&path).unwrap();
    assert_eq!(saved.actor_count(), 2, "the person chose to overwrite: their file now holds ours");
    assert!(!harness.state().doc.is_dirty());
}

#[test]
fn a_rerun_layout_is_one_step_that_undo_takes_back() {
    let mut harness = harness();
    let before = picture(&harness);
    // Paused: nothing but the dragged actor moves.
    harness.state_mut().doc.set_layout_paused(true);
    let kenya = screen_position(&harness, "kenyan-counterparts");
    drag(&mut harness, kenya, kenya + vec2(-160.0, 90.0));
    assert_eq!(harness.state().doc.history.undo_description(), Some("move actor \"Kenyan counterparts\""));
    let dragged = picture(&harness);
    assert_eq!(before.iter().zip(&dragged).filter(|(a, b)| a != b).count(), 1, "only the dragged actor moved");
    harness.state_mut().push(kgx::state::command::Command::Layout(LayoutCommand::Rerun { fresh: false }));
    harness.run();
    quiesce(&mut harness);
    let after = picture(&harness);
    assert!(dragged.iter().zip(&after).filter(|(a, b)| a != b).count() > 5, "the layout ran over the graph");
    assert_eq!(harness.state().doc.history.undo_description(), Some("re-run layout"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(picture(&harness), dragged, "undo puts the picture from before the re-run back");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(picture(&harness), before, "and the next undo the one from before the drag");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(picture(&harness), after, "redo brings the re-run's picture back");
}

#[test]
fn the_recovery_offer_says_what_the_work_changed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("graph.ron");
    std::fs::copy("graphs/covid19-cooperation.ron", &file).unwrap();
    let recovery_dir = dir.path().join("recovery");
    let mut harness = harness_autosaving(&recovery_dir, Some(&file));
    harness.get_by_label("Add actor").click();
    harness.run();
    let mut who = harness.state().doc.graph.actor(&ActorId::new("who")).unwrap().clone();
    who.label = "WHO".to_owned();
    harness
        .state_mut()
        .push(Command::Edit(EditCommand::Apply { edit: kgx::edit::Edit::SetActor(who), coalesce: None }));
    harness.state_mut().push(Command::Select(kgx::state::command::SelectCommand::Actors(vec![ActorId::new("xinhua")])));
    harness.state_mut().push(Command::Edit(EditCommand::DeleteSelection));
    harness.run();
    harness.state_mut().flush_autosave();
    let left = harness.state().recovery_file().unwrap().to_owned();
    drop(harness);
    common::orphan(&left);

    let mut harness = harness_autosaving(&recovery_dir, None);
    assert_eq!(harness.state().dialog_kind(), "recover");
    for _ in 0..2000 {
        if harness.query_by_label_contains("Changes:").is_some() {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for part in ["+1 actor (New actor)", "−1 actor (Xinhua)", "1 edited (WHO)", "−1 cooperation"] {
        assert!(harness.query_by_label_contains(part).is_some(), "the offer says {part:?}");
    }
}
