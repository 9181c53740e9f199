//! The open table itself: a header row (click to sort), a filter field per column, and the
//! rows — only those in view are laid out, so 100k rows scroll as smoothly as 100. A click
//! selects a row, a double click edits its cell in place (Enter or leaving the field keeps
//! the text, Escape drops it).

use egui::{Align2, Key, Rect, ScrollArea, Sense, TextEdit, Ui, vec2};

use super::{CellEditor, TablePanel, picking};
use crate::model::{ActorId, CooperationId};
use crate::state::command::{Command, TableCommand};
use crate::state::document::Document;
use crate::state::selection::Selection;
use crate::state::table::column::{actor_cell, cooperation_cell};
use crate::state::table::query::SortKey;
use crate::state::table::{Column, Field, Query, TableKind};

/// The height of one row, in points.
const ROW_HEIGHT: f32 = 20.0;

/// A column's width in points: wide for names and notes, narrow for flags and numbers.
fn width(column: &Column) -> f32 {
    match column {
        Column::Field(Field::Label | Field::Notes | Field::Quotes) => 190.0,
        Column::Field(Field::Kind) => 160.0,
        Column::Field(Field::Id | Field::From | Field::To | Field::Aliases | Field::Sources) => 120.0,
        Column::Field(Field::Country | Field::Date) => 100.0,
        Column::Field(_) => 72.0,
        Column::Attribute(_) => 120.0,
    }
}

/// Gives a widget its accessible name (what screen readers say and tests find it by).
pub(super) fn name_widget(ui: &Ui, response: &egui::Response, name: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Draws the open table.
pub(super) fn grid_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    panel: &mut TablePanel,
    commands: &mut Vec<Command>,
) {
    let table = panel.view.tab;
    let columns: Vec<Column> = match table {
        TableKind::Actors => panel.view.actors.columns().to_vec(),
        TableKind::Cooperations => panel.view.cooperations.columns().to_vec(),
    };
    let total = match table {
        TableKind::Actors => panel.view.actors.order.rows().len(),
        TableKind::Cooperations => panel.view.cooperations.order.rows().len(),
    };
    ScrollArea::horizontal().id_salt(("table columns", table)).show(ui, |ui| {
        let query = match table {
            TableKind::Actors => &mut panel.view.actors.query,
            TableKind::Cooperations => &mut panel.view.cooperations.query,
        };
        header_ui(ui, table, &columns, query);
        ScrollArea::vertical().id_salt(("table rows", table)).auto_shrink([false, false]).show_rows(
            ui,
            ROW_HEIGHT,
            total,
            |ui, range| {
                let visible: Vec<String> = match table {
                    TableKind::Actors => panel.view.actors.order.rows().get(range).map(ids_text).unwrap_or_default(),
                    TableKind::Cooperations => {
                        panel.view.cooperations.order.rows().get(range).map(ids_text).unwrap_or_default()
                    }
                };
                for id in visible {
                    row_ui(ui, doc, selection, panel, &columns, &id, commands);
                }
            },
        );
    });
}

fn ids_text<Id: ToString>(ids: &[Id]) -> Vec<String> {
    ids.iter().map(ToString::to_string).collect()
}

/// The header (a button per column: sort by it, again to reverse) and a filter field under each.
fn header_ui(ui: &mut Ui, table: TableKind, columns: &[Column], query: &mut Query) {
    ui.horizontal(|ui| {
        for column in columns {
            let header = column.header(table);
            let button = egui::Button::new(egui::RichText::new(&header).strong()).truncate();
            let response = ui.add_sized([width(column), ROW_HEIGHT], button).on_hover_text(format!(
                "Sort by {header}; click again to reverse{}",
                if column.is_editable(table) { "" } else { " (this column cannot be edited here)" }
            ));
            name_widget(ui, &response, &format!("Sort by {header}"));
            if let Some(SortKey { column: sorted, descending }) = &query.sort
                && sorted == column
            {
                sort_mark(ui, response.rect, *descending);
            }
            if response.clicked() {
                query.sort_by(column);
            }
        }
    });
    ui.horizontal(|ui| {
        for column in columns {
            let header = column.header(table);
            let mut text = query.filter(column).to_owned();
            let response =
                ui.add_sized([width(column), ROW_HEIGHT], TextEdit::singleline(&mut text).hint_text("filter"));
            name_widget(ui, &response, &format!("Filter {header}"));
            if response.changed() {
                query.set_filter(column, &text);
            }
        }
    });
}

/// A small triangle at the right of the sort column's header: pointing up for ascending,
/// down for descending.
fn sort_mark(ui: &Ui, header: Rect, descending: bool) {
    let c = header.right_center() - vec2(8.0, 0.0);
    let (tip, base) = if descending { (3.0, -2.0) } else { (-3.0, 2.0) };
    let points = vec![c + vec2(-4.0, base), c + vec2(4.0, base), c + vec2(0.0, tip)];
    ui.painter().add(egui::Shape::convex_polygon(points, ui.visuals().strong_text_color(), egui::Stroke::NONE));
}

/// One row: a cell per column, the whole row selecting on click and a cell editing on a
/// double click. A row whose id is gone (the order is being remade) stays empty.
fn row_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    panel: &mut TablePanel,
    columns: &[Column],
    id: &str,
    commands: &mut Vec<Command>,
) {
    let table = panel.view.tab;
    let cells: Option<Vec<String>> = match table {
        TableKind::Actors => {
            doc.graph.actor(&ActorId::new(id)).map(|a| columns.iter().map(|c| actor_cell(a, c)).collect())
        }
        TableKind::Cooperations => doc
            .graph
            .cooperation(&CooperationId::new(id))
            .map(|c| columns.iter().map(|column| cooperation_cell(&c, column)).collect()),
    };
    let row_width: f32 = columns.iter().map(width).sum::<f32>() + ui.spacing().item_spacing.x * columns.len() as f32;
    let (row_rect, _) = ui.allocate_exact_size(vec2(row_width, ROW_HEIGHT), Sense::hover());
    let Some(cells) = cells else { return };
    let picked = picking::is_picked(panel, selection, id);
    if picked {
        ui.painter().rect_filled(row_rect, 0.0, ui.visuals().selection.bg_fill);
    }
    let text_color = if picked { ui.visuals().selection.stroke.color } else { ui.visuals().text_color() };
    let mut x = row_rect.left();
    for (column, text) in columns.iter().zip(cells) {
        let rect = Rect::from_min_size(egui::pos2(x, row_rect.top()), vec2(width(column), ROW_HEIGHT));
        x += width(column) + ui.spacing().item_spacing.x;
        let header = column.header(table);
        let editing = panel.editing.as_ref().is_some_and(|e| e.table == table && e.row == id && e.column == *column);
        if editing {
            editor_ui(ui, rect, panel, &header, id, commands);
            continue;
        }
        let response = ui.interact(rect, ui.make_persistent_id(("cell", id, &header)), Sense::click());
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, picked, &text));
        name_widget(ui, &response, &format!("{header} of {id}"));
        let painter = ui.painter_at(rect.shrink2(vec2(3.0, 0.0)));
        painter.text(
            rect.left_center() + vec2(3.0, 0.0),
            Align2::LEFT_CENTER,
            &text,
            egui::TextStyle::Body.resolve(ui.style()),
            text_color,
        );
        let response = if text.is_empty() { response } else { response.on_hover_text(&text) };
        if response.double_clicked() && column.is_editable(table) {
            panel.editing = Some(CellEditor { table, row: id.to_owned(), column: column.clone(), text, focus: true });
        } else if response.clicked() {
            let modifiers = ui.input(|i| i.modifiers);
            let rows: Vec<String> = match table {
                TableKind::Actors => ids_text(panel.view.actors.order.rows()),
                TableKind::Cooperations => ids_text(panel.view.cooperations.order.rows()),
            };
            picking::click_row(panel, &rows, id, modifiers, commands);
        }
    }
}

/// The field of a cell being edited: Enter or leaving it writes the text (one undo step),
/// Escape drops it.
fn editor_ui(ui: &mut Ui, rect: Rect, panel: &mut TablePanel, header: &str, id: &str, commands: &mut Vec<Command>) {
    let Some(editor) = panel.editing.as_mut() else { return };
    let response = ui.put(rect, TextEdit::singleline(&mut editor.text));
    name_widget(ui, &response, &format!("Edit {header} of {id}"));
    if std::mem::take(&mut editor.focus) {
        response.request_focus();
        return;
    }
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        panel.editing = None;
    } else if (response.lost_focus() || !response.has_focus())
        && let Some(editor) = panel.editing.take()
    {
        commands.push(Command::Table(TableCommand::SetCell {
            table: editor.table,
            row: editor.row,
            column: editor.column,
            text: editor.text,
        }));
    }
}
