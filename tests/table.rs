//! The data table in the real window: open it, sort and filter, edit a cell in place, select
//! rows with the canvas, change many rows at once, add, rename and delete columns, copy and
//! paste CSV — every change one undo step.

#![allow(clippy::unwrap_used)]

mod common;

use common::{click_actor, harness, retype_into, selected, type_into};
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kgx::app::KgxApp;
use kgx::model::{ActorKind, Kind};
use kgx::state::actions::Action;

/// The app with the data table open (from the View menu).
fn with_table() -> Harness<'static, KgxApp> {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label(&Action::ToggleTable.menu_text()).click();
    harness.run();
    assert!(harness.state().panels.show_table);
    harness
}

/// The actor ids the table shows, in order.
fn rows(harness: &Harness<'_, KgxApp>) -> Vec<String> {
    harness.state().panels.table.view.actors.order.rows().iter().map(ToString::to_string).collect()
}

/// Two clicks in a row on a widget, as a person double-clicks: in one frame, since the
/// harness's frames are a quarter of a second apart, longer than a double click may take.
fn double_click(harness: &mut Harness<'_, KgxApp>, label: &str) {
    // Well after any earlier click, so these two are a double click, not a triple.
    harness.step();
    harness.step();
    let pos = harness.get_by_label(label).rect().center();
    let press =
        |pressed| Event::PointerButton { pos, button: PointerButton::Primary, pressed, modifiers: Modifiers::NONE };
    let events = [Event::PointerMoved(pos), press(true), press(false), press(true), press(false)];
    harness.input_mut().events.extend(events);
    harness.step();
    harness.run();
}

/// Shows only the rows whose id contains `text`.
fn filter_ids(harness: &mut Harness<'_, KgxApp>, text: &str) {
    retype_into(harness, "Filter id", text);
}

fn kind_of(harness: &Harness<'_, KgxApp>, id: &str) -> ActorKind {
    harness.state().doc.graph.actor(&id.into()).unwrap().kind
}

#[test]
fn the_table_sorts_by_a_clicked_header_and_filters_per_column() {
    let mut harness = with_table();
    let graph = harness.state().doc.graph.clone();
    assert_eq!(rows(&harness).len(), graph.actor_count(), "every actor has a row");

    harness.get_by_label("Sort by label").click();
    harness.run();
    let mut by_label: Vec<(String, String)> =
        graph.actors().map(|a| (a.label.to_lowercase(), a.id().to_string())).collect();
    by_label.sort();
    let expected: Vec<String> = by_label.into_iter().map(|(_, id)| id).collect();
    assert_eq!(rows(&harness), expected, "sorted by name, case ignored");
    harness.get_by_label("Sort by label").click();
    harness.run();
    assert_eq!(rows(&harness), expected.iter().rev().cloned().collect::<Vec<_>>(), "a second click reverses");

    type_into(&mut harness, "Filter label", "serbia");
    let mut serbian: Vec<String> =
        graph.actors().filter(|a| a.label.to_lowercase().contains("serbia")).map(|a| a.id().to_string()).collect();
    serbian.sort_by_key(|id| std::cmp::Reverse(graph.actor(&id.as_str().into()).unwrap().label.to_lowercase()));
    assert!(serbian.len() >= 3);
    assert_eq!(rows(&harness), serbian, "only the rows whose name has the text, still sorted");
    harness.get_by_label_contains(&format!("{} of {} shown", serbian.len(), graph.actor_count()));
}

#[test]
fn a_cell_edited_in_place_changes_the_graph_and_ctrl_z_restores_it() {
    let mut harness = with_table();
    filter_ids(&mut harness, "who");
    assert_eq!(kind_of(&harness, "who"), ActorKind::InternationalOrganization);
    double_click(&mut harness, "kind of who");
    assert!(harness.get_by_label("Edit kind of who").is_focused(), "the cell's field takes the keyboard");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Edit kind of who").type_text("Foundation");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(kind_of(&harness, "who"), ActorKind::Foundation, "Enter writes the cell into the graph");
    assert_eq!(harness.state().doc.history.undo_description(), Some("edit actor \"World Health Organization\""));
    assert_eq!(harness.state().status, "Changed kind of World Health Organization", "the row by its name");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(kind_of(&harness, "who"), ActorKind::InternationalOrganization, "one undo step");
}

#[test]
fn a_refused_cell_value_says_why_and_changes_nothing() {
    let mut harness = with_table();
    filter_ids(&mut harness, "who");
    let before = harness.state().doc.graph.clone();
    double_click(&mut harness, "kind of who");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Edit kind of who").type_text("Spaceship");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().doc.graph, before);
    assert!(
        harness.state().status.contains("World Health Organization: kind: unknown actor kind \"Spaceship\""),
        "{}",
        harness.state().status
    );
}

#[test]
fn rows_selected_with_ctrl_and_shift_take_one_bulk_edit_and_one_undo() {
    let mut harness = with_table();
    harness.get_by_label("Sort by id").click();
    harness.run();
    let shown = rows(&harness);
    harness.get_by_label(&format!("label of {}", shown[0])).click();
    harness.run();
    assert_eq!(selected(&harness), [shown[0].clone()], "a click selects the row's actor");
    harness.get_by_label(&format!("label of {}", shown[3])).click_modifiers(Modifiers::SHIFT);
    harness.run();
    assert_eq!(selected(&harness), shown[..4].to_vec(), "Shift selects the rows between");
    harness.get_by_label(&format!("label of {}", shown[1])).click_modifiers(Modifiers::COMMAND);
    harness.run();
    let picked: Vec<String> = [0, 2, 3].iter().map(|&i| shown[i].clone()).collect();
    assert_eq!(selected(&harness), picked, "Ctrl takes one row out");

    let before = harness.state().doc.graph.clone();
    // The kind, to the first kind offered.
    harness.get_by_label("Apply to selected rows").click();
    harness.run();
    let first = ActorKind::ALL[0];
    assert!(picked.iter().all(|id| kind_of(&harness, id) == first), "every selected row took the kind");
    assert_eq!(kind_of(&harness, &shown[1]), before.actor(&shown[1].as_str().into()).unwrap().kind);
    // The colour.
    harness.get_by_label("Column to set").click();
    harness.run();
    harness.get_by_label("color").click();
    harness.run();
    type_into(&mut harness, "Value for selected rows", "#ff8800");
    harness.get_by_label("Apply to selected rows").click();
    harness.run();
    let graph = &harness.state().doc.graph;
    let status = &harness.state().status;
    assert!(
        picked.iter().all(|id| graph.actor(&id.as_str().into()).unwrap().style.color == Some([255, 136, 0])),
        "{status}"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        picked.iter().all(|id| harness.state().doc.graph.actor(&id.as_str().into()).unwrap().style.color.is_none())
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph, before, "each bulk edit was one undo step");

    harness.get_by_label("Delete rows").click();
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), before.actor_count() - 3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph, before, "the rows deleted together come back together");
}

#[test]
fn the_selection_is_the_same_on_the_canvas_and_in_the_table() {
    let mut harness = with_table();
    filter_ids(&mut harness, "serbia");
    click_actor(&mut harness, "serbia", Modifiers::NONE);
    let toggled = |harness: &Harness<'_, KgxApp>, label: &str| {
        harness.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    assert!(toggled(&harness, "label of serbia"), "the actor picked on the canvas is selected in the table");
    assert!(!toggled(&harness, "label of serbian-government"));
    harness.get_by_label("label of serbian-government").click();
    harness.run();
    assert_eq!(selected(&harness), ["serbian-government"], "the row picked in the table is selected on the canvas");

    // A cooperation picked on the canvas is picked in its table.
    harness.get_by_label("Cooperations table").click();
    harness.run();
    let cooperation = harness.state().doc.graph.cooperations_sorted()[0].cooperation.id().clone();
    harness.state_mut().push(kgx::state::command::Command::Select(kgx::state::command::SelectCommand::Cooperation(
        cooperation.clone(),
    )));
    harness.run();
    assert!(harness.state().panels.table.view.picked_cooperations.contains(&cooperation));
}

#[test]
fn columns_are_added_renamed_and_deleted_across_every_actor() {
    let mut harness = with_table();
    let before = harness.state().doc.graph.clone();
    type_into(&mut harness, "Column name", "budget");
    type_into(&mut harness, "Column value", "0");
    harness.get_by_label("Add column").click();
    harness.run();
    assert!(harness.state().doc.graph.actors().all(|a| a.attribute("budget") == Some("0")));
    harness.get_by_label("Sort by budget");

    harness.get_by_label("Attribute").click();
    harness.run();
    harness.get_by_label("budget").click();
    harness.run();
    retype_into(&mut harness, "Column name", "funds");
    harness.get_by_label("Rename to name").click();
    harness.run();
    let graph = &harness.state().doc.graph;
    assert!(graph.actors().all(|a| a.attribute("funds") == Some("0") && a.attribute("budget").is_none()));
    harness.get_by_label("Sort by funds");

    harness.get_by_label("Attribute").click();
    harness.run();
    harness.get_by_label("funds").click();
    harness.run();
    harness.get_by_label("Delete column").click();
    harness.run();
    assert!(harness.state().doc.graph.actors().all(|a| a.attribute("funds").is_none()));
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().doc.graph, before, "add, rename and delete were one undo step each");
}

/// Pastes `text` into the CSV field and clicks Paste rows.
fn paste(harness: &mut Harness<'_, KgxApp>, text: &str) {
    harness.get_by_label("CSV rows").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Paste(text.to_owned()));
    harness.run();
    harness.get_by_label("Paste rows").click();
    harness.run();
}

#[test]
fn pasted_csv_rows_add_and_update_actors_as_one_step() {
    let mut harness = with_table();
    let before = harness.state().doc.graph.clone();
    paste(
        &mut harness,
        "id,label,kind,city\nwho,WHO (Geneva),InternationalOrganization,Geneva\nnew-lab,New Lab,ResearchInstitute,Nairobi\n",
    );
    let graph = &harness.state().doc.graph;
    assert_eq!(graph.actor_count(), before.actor_count() + 1);
    let who = graph.actor(&"who".into()).unwrap();
    assert_eq!((who.label.as_str(), who.attribute("city")), ("WHO (Geneva)", Some("Geneva")));
    let lab = graph.actor(&"new-lab".into()).unwrap();
    assert_eq!((lab.kind, lab.attribute("city")), (ActorKind::ResearchInstitute, Some("Nairobi")));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph, before, "one undo step takes back both rows");
}

#[test]
fn a_bad_csv_row_is_named_and_the_graph_is_untouched() {
    let mut harness = with_table();
    let before = harness.state().doc.graph.clone();
    paste(&mut harness, "id,label,kind\nnew-a,A,Company\nnew-b,B,Spaceship\n");
    assert_eq!(harness.state().doc.graph, before);
    assert!(!harness.state().doc.history.can_undo());
    assert!(harness.state().status.starts_with("Not pasted: row 2 (line 3)"));
    let refusal = "Not pasted: row 2 (line 3): id \"new-b\": kind: unknown actor kind \"Spaceship\"";
    assert_eq!(harness.get_all_by_label_contains(refusal).count(), 2, "said in the table and the status bar");
    assert!(harness.state().status.ends_with("Nothing was changed."));
}

#[test]
fn selected_rows_are_copied_as_csv_in_the_order_shown() {
    let mut harness = with_table();
    filter_ids(&mut harness, "serbia");
    harness.get_by_label("Sort by id").click();
    harness.run();
    harness.get_by_label("Select shown rows").click();
    harness.run();
    harness.get_by_label("Copy as CSV").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("the rows went to the clipboard");
    let lines: Vec<&str> = copied.lines().collect();
    assert!(lines[0].starts_with("id,label,kind,"), "{copied}");
    let ids: Vec<&str> = lines[1..].iter().map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(ids, rows(&harness));
    assert!(ids.contains(&"serbia"));
}
