//! The one table of actions: README's Keyboard table says what it says, the menus show its keys,
//! and single keys act only while the canvas has the context.

#![allow(clippy::unwrap_used)]

mod common;

use common::{click_actor, harness};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use kgx::state::actions::Action;

/// README's Keyboard table as it should read, from the action table.
fn expected_rows() -> Vec<String> {
    Action::ALL
        .iter()
        .filter(|a| !a.info().shortcuts.is_empty())
        .map(|a| format!("| {} | {} |", a.keys_text(false), a.info().does))
        .collect()
}

#[test]
fn readme_lists_every_shortcut_of_the_action_table_and_nothing_else() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = readme.split("### Keyboard").nth(1).unwrap();
    let table: Vec<String> = section
        .lines()
        .skip_while(|l| !l.starts_with("| keys"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(str::to_owned)
        .collect();
    let expected = expected_rows();
    assert_eq!(table, expected, "README's Keyboard table should read:\n{}", expected.join("\n"));
}

#[test]
fn menus_show_the_tables_keys() {
    let mut harness = harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(&Action::SaveAs.menu_text());
    harness.get_by_label(&Action::Quit.menu_text());
}

#[test]
fn single_keys_act_only_while_the_canvas_has_the_context() {
    let mut harness = harness();
    click_actor(&mut harness, "who", Modifiers::NONE);
    assert!(!harness.state().doc.graph.actor(&"who".into()).unwrap().pinned);
    // A dialog opens (Export picture): P must not pin the selected actor behind it.
    harness.state_mut().push(kgx::state::command::Command::Picture(kgx::state::command::PictureCommand::Show));
    harness.run();
    harness.key_press(Key::P);
    harness.run();
    assert!(!harness.state().doc.graph.actor(&"who".into()).unwrap().pinned, "P went to the dialog, not the canvas");
    // A modal dialog (New with unsaved changes) likewise.
    harness.state_mut().push(kgx::state::command::Command::Picture(kgx::state::command::PictureCommand::Close));
    harness.run();
    harness.key_press(Key::P);
    harness.run();
    assert!(harness.state().doc.graph.actor(&"who".into()).unwrap().pinned, "with the canvas in context, P pins");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "confirm");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::P);
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().doc.graph.actor(&"who".into()).unwrap().pinned, "Shift+P did not reach the canvas");
    assert_eq!(harness.state().doc.graph.actor_count(), 26, "Delete did not reach the canvas");
}
