//! Which rows are selected, shared with the canvas: the actors table's selected rows are the
//! selected actors; the cooperations table keeps its own set (the canvas selects one
//! cooperation at a time) and follows the canvas's choice.

use egui::Modifiers;

use super::TablePanel;
use crate::model::{ActorId, CooperationId};
use crate::state::command::{Command, SelectCommand};
use crate::state::selection::Selection;
use crate::state::table::TableKind;

/// Follows a cooperation selected or unselected on the canvas since the last frame.
pub(super) fn follow_canvas(selection: &Selection, panel: &mut TablePanel) {
    let now = selection.cooperation().cloned();
    if now == panel.canvas_cooperation {
        return;
    }
    let picked = &mut panel.view.picked_cooperations;
    match &now {
        Some(id) if picked.contains(id) => {}
        Some(id) => *picked = [id.clone()].into(),
        None => picked.clear(),
    }
    panel.canvas_cooperation = now;
}

/// Whether the row with this id is selected in the open table.
pub(super) fn is_picked(panel: &TablePanel, selection: &Selection, id: &str) -> bool {
    match panel.view.tab {
        TableKind::Actors => selection.contains(&ActorId::new(id)),
        TableKind::Cooperations => panel.view.picked_cooperations.contains(&CooperationId::new(id)),
    }
}

/// How many rows of the open table are selected. O(1).
pub(super) fn picked_count(panel: &TablePanel, selection: &Selection) -> usize {
    match panel.view.tab {
        TableKind::Actors => selection.actor_count(),
        TableKind::Cooperations => panel.view.picked_cooperations.len(),
    }
}

/// The selected rows of the open table, by id, in id order. O(selected).
pub(super) fn picked_rows(panel: &TablePanel, selection: &Selection) -> Vec<String> {
    match panel.view.tab {
        TableKind::Actors => selection.actors().map(ToString::to_string).collect(),
        TableKind::Cooperations => panel.view.picked_cooperations.iter().map(ToString::to_string).collect(),
    }
}

/// A click on a row: alone selects it, with Ctrl (⌘) adds or removes it, with Shift selects
/// the rows from the last clicked one to it, as shown (with Ctrl too: adds them).
pub(super) fn click_row(
    panel: &mut TablePanel,
    rows: &[String],
    id: &str,
    modifiers: Modifiers,
    commands: &mut Vec<Command>,
) {
    let range = if modifiers.shift { panel.anchor.as_deref().and_then(|anchor| span(rows, anchor, id)) } else { None };
    let toggle = modifiers.command || modifiers.ctrl;
    if range.is_none() {
        panel.anchor = Some(id.to_owned());
    }
    match panel.view.tab {
        TableKind::Actors => commands.push(Command::Select(match (range, toggle) {
            (Some(range), false) => SelectCommand::Actors(range.into_iter().map(ActorId::new).collect()),
            (Some(range), true) => SelectCommand::Add(range.into_iter().map(ActorId::new).collect()),
            (None, true) => SelectCommand::Toggle(ActorId::new(id)),
            (None, false) => SelectCommand::Actors(vec![ActorId::new(id)]),
        })),
        TableKind::Cooperations => {
            let picked = &mut panel.view.picked_cooperations;
            let clicked = CooperationId::new(id);
            match (range, toggle) {
                (Some(range), false) => *picked = range.into_iter().map(CooperationId::new).collect(),
                (Some(range), true) => picked.extend(range.into_iter().map(CooperationId::new)),
                (None, true) => {
                    if !picked.remove(&clicked) {
                        picked.insert(clicked.clone());
                    }
                }
                (None, false) => *picked = [clicked.clone()].into(),
            }
            // The canvas shows the row clicked last; it stays picked here.
            if picked.contains(&clicked) {
                panel.canvas_cooperation = Some(clicked.clone());
                commands.push(Command::Select(SelectCommand::Cooperation(clicked)));
            }
        }
    }
}

/// The ids from `from` to `to` (either order) as `rows` shows them, if both are shown. O(rows).
fn span(rows: &[String], from: &str, to: &str) -> Option<Vec<String>> {
    let a = rows.iter().position(|r| r == from)?;
    let b = rows.iter().position(|r| r == to)?;
    let (first, last) = (a.min(b), a.max(b));
    rows.get(first..=last).map(<[String]>::to_vec)
}
