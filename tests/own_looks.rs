//! An actor's own look in the window: set in the inspector, drawn on the canvas, undone, and
//! reset to its kind's look.

#![allow(clippy::unwrap_used)]

mod common;

use common::{click_actor, harness};
use egui::Modifiers;
use egui_kittest::kittest::Queryable;
use kgx::model::{ActorId, ActorKind, NodeShape};

#[test]
fn the_inspector_sets_an_actors_shape_and_resets_it_to_its_kinds_look() {
    let mut harness = harness();
    click_actor(&mut harness, "who", Modifiers::NONE);
    harness.get_by_label("Look (its kind's)").click();
    harness.run();
    harness.get_by_label("Shape").click();
    harness.run();
    harness.get_by_label("Pentagon").click();
    harness.run();
    let style = harness.state().doc.graph.actor(&ActorId::new("who")).unwrap().style;
    assert_eq!(style.shape, Some(NodeShape::Pentagon));
    let node = harness.state().doc.engine_node_of(&ActorId::new("who")).unwrap();
    assert_eq!(harness.state().doc.scene.nodes[node].shape, NodeShape::Pentagon, "the canvas draws its own shape");

    // Undo takes the shape back; redo brings it again.
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Undo));
    harness.run();
    assert!(harness.state().doc.graph.actor(&ActorId::new("who")).unwrap().style.is_empty());
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Redo));
    harness.run();
    // The look section stays open (its title now says the look is the actor's own).
    harness.get_by_label("Look (its own)");
    harness.get_by_label("Reset to the kind's look").click();
    harness.run();
    let actor = harness.state().doc.graph.actor(&ActorId::new("who")).unwrap().clone();
    assert!(actor.style.is_empty(), "back to its kind's look");
    let node = harness.state().doc.engine_node_of(&ActorId::new("who")).unwrap();
    assert_eq!(harness.state().doc.scene.nodes[node].shape, ActorKind::InternationalOrganization.shape());
    assert_eq!(harness.state().doc.scene.nodes[node].fill, actor.kind.rgb());
}

/// Adds an actor with the toolbar's button and types its name into the focused label field.
fn add_actor_named(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>, name: &str) {
    harness.get_by_label("Add actor").click();
    harness.run();
    // The name field has the focus: the name is typed over the placeholder.
    harness.get_by_label("Label").type_text(name);
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
}

/// Types `text` at the end of the selected actor's label.
fn append_to_label(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>, text: &str) {
    harness.get_by_label("Label").focus();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.get_by_label("Label").type_text(text);
    harness.key_press(egui::Key::Tab);
    harness.run();
}

#[test]
fn a_new_actor_takes_its_id_from_the_name_typed_and_keeps_it_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness();
    add_actor_named(&mut harness, "World Bank");
    let graph = &harness.state().doc.graph;
    assert!(graph.actor(&ActorId::new("world-bank")).is_some(), "the id follows the name");
    assert!(graph.actor(&ActorId::new("new-actor")).is_none());
    assert_eq!(harness.state().selection.single_actor(), Some(&ActorId::new("world-bank")));
    // Saved, the id stays, whatever the name becomes.
    let path = dir.path().join("g.ron");
    harness.state_mut().push(kgx::state::command::Command::File(kgx::state::command::FileCommand::SaveAs(Some(path))));
    harness.run();
    common::wait_saved(&mut harness);
    append_to_label(&mut harness, " Group");
    let actor = harness.state().doc.graph.actor(&ActorId::new("world-bank")).expect("the saved id stays");
    assert_eq!(actor.label, "World Bank Group");
}

#[test]
fn an_added_and_named_actor_goes_away_with_one_undo_and_comes_back_named_with_one_redo() {
    let mut harness = harness();
    let before = harness.state().doc.graph.clone();
    add_actor_named(&mut harness, "World Bank");
    assert!(harness.state().doc.graph.actor(&ActorId::new("world-bank")).is_some());
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Undo));
    harness.run();
    assert!(harness.state().doc.graph == before, "one undo takes the named actor away: {}", harness.state().status);
    assert_eq!(harness.state().status, "Undid add actor \"World Bank\"");
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Redo));
    harness.run();
    let back = harness.state().doc.graph.actor(&ActorId::new("world-bank")).expect("one redo brings it back");
    assert_eq!(back.label, "World Bank");
    // A later change of name is a step of its own.
    click_actor(&mut harness, "world-bank", Modifiers::NONE);
    append_to_label(&mut harness, " Group");
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Undo));
    harness.run();
    let actor = harness.state().doc.graph.actor(&ActorId::new("world-bank")).expect("still there after one undo");
    assert_eq!(actor.label, "World Bank");
}

#[test]
fn the_legend_says_when_actors_are_not_in_their_kinds_colour() {
    let mut harness = harness();
    assert!(
        harness.query_by_label_contains("in other colours").is_none(),
        "the bundled graph is in its kinds' colours"
    );
    // An actor given its own colour (as Gephi's files give every node) is counted apart.
    let mut who = harness.state().doc.graph.actor(&ActorId::new("who")).unwrap().clone();
    who.style.color = Some([10, 200, 30]);
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Apply {
        edit: kgx::edit::Edit::SetActor(who),
        coalesce: None,
    }));
    harness.run();
    harness.get_by_label("1 actor in other colours");
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::Undo));
    harness.run();
    assert!(harness.query_by_label_contains("in other colours").is_none(), "undone: back to the kinds' colours");
}
