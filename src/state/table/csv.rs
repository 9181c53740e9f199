//! Rows as CSV: copying the selected rows (a header row naming the columns, then one line per
//! row), and pasting CSV rows to add actors or update them by id, as one edit.

use std::collections::HashMap;

use super::column::{Column, Field, TableKind, actor_cell, cooperation_cell, set_actor_cell};
use crate::edit::Edit;
use crate::model::{Actor, ActorId, ActorKind, CooperationId, KnowledgeGraph};

/// The named rows of `table` as CSV with a header row, in the order given, with `columns`.
/// Ids no longer in the graph are left out. O(rows × columns).
pub fn rows_to_csv(graph: &KnowledgeGraph, table: TableKind, rows: &[String], columns: &[Column]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let header: Vec<String> = columns.iter().map(|c| c.header(table)).collect();
    // Writing into memory cannot fail.
    let _ = writer.write_record(&header);
    for row in rows {
        let cells: Option<Vec<String>> = match table {
            TableKind::Actors => {
                graph.actor(&ActorId::new(row)).map(|a| columns.iter().map(|c| actor_cell(a, c)).collect())
            }
            TableKind::Cooperations => graph
                .cooperation(&CooperationId::new(row))
                .map(|c| columns.iter().map(|column| cooperation_cell(&c, column)).collect()),
        };
        if let Some(cells) = cells {
            let _ = writer.write_record(&cells);
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// What pasting CSV rows does: one edit, and how many actors it adds and updates.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    /// Every added and updated actor, as one batch (one undo step).
    pub edit: Edit,
    /// Actors added (ids not in the graph).
    pub added: usize,
    /// Actors changed (ids in the graph).
    pub updated: usize,
}

/// Why pasted CSV was refused; nothing is changed. Rows count from 1 after the header row;
/// the line is where that row starts in the pasted text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    /// The header row has no `id` column (or there is no header row).
    #[error("the first line must name the columns, one of them \"id\" (found: {0})")]
    NoIdColumn(String),
    /// A row is wrong.
    #[error("row {row} (line {line}): {message}")]
    Row {
        /// The row's number, 1 for the first row after the header.
        row: usize,
        /// Its line in the pasted text.
        line: u64,
        /// What is wrong, naming the column.
        message: String,
    },
    /// Nothing but a header.
    #[error("there are no rows under the header")]
    Empty,
}

/// Reads CSV rows under a header row naming columns (as copied from the table or exported by
/// kgx; `x` and `y` are ignored, the layout places actors) and makes the edit that adds an
/// actor for each new id and updates the named columns of each existing one. A later row with
/// the same id updates what an earlier one set. O(rows × columns).
///
/// # Errors
/// [`PasteError`] naming the first wrong row (an empty id, a value its column refuses, a row
/// with more or fewer cells than the header) or a missing `id` column.
pub fn paste_actors(graph: &KnowledgeGraph, text: &str) -> Result<Pasted, PasteError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| PasteError::NoIdColumn(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let columns: Vec<Column> = header.iter().map(|h| Column::from_header(h, TableKind::Actors)).collect();
    let Some(id_at) = columns.iter().position(|c| *c == Column::Field(Field::Id)) else {
        return Err(PasteError::NoIdColumn(header.join(", ")));
    };
    // New and changed actors by id, in the order first met.
    let mut order: Vec<ActorId> = Vec::new();
    let mut pending: HashMap<ActorId, Actor> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 1;
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                    format!("{len} cells where the header names {expected_len}")
                }
                _ => e.to_string(),
            };
            PasteError::Row { row, line, message }
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let row_error = |message: String| PasteError::Row { row, line, message };
        let id_text = record.get(id_at).unwrap_or_default().trim();
        if id_text.is_empty() {
            return Err(row_error("the id is empty".to_owned()));
        }
        let id = ActorId::new(id_text);
        let actor = match pending.get_mut(&id) {
            Some(actor) => actor,
            None => {
                let start =
                    graph.actor(&id).cloned().unwrap_or_else(|| Actor::new(id.clone(), id_text, ActorKind::Other));
                order.push(id.clone());
                pending.entry(id.clone()).or_insert(start)
            }
        };
        for (column, cell) in columns.iter().zip(record.iter()) {
            match column {
                Column::Field(Field::Id | Field::X | Field::Y) => {}
                Column::Field(Field::Label) if cell.trim().is_empty() && !graph.contains_actor(&id) => {}
                _ => set_actor_cell(actor, column, cell).map_err(|e| row_error(format!("id \"{id_text}\": {e}")))?,
            }
        }
    }
    if order.is_empty() {
        return Err(PasteError::Empty);
    }
    let (mut added, mut updated) = (0, 0);
    let mut edits = Vec::with_capacity(order.len());
    for id in order {
        let Some(actor) = pending.remove(&id) else { continue };
        match graph.actor(&id) {
            Some(current) if *current == actor => {}
            Some(_) => {
                updated += 1;
                edits.push(Edit::SetActor(actor));
            }
            None => {
                added += 1;
                edits.push(Edit::AddActor(actor));
            }
        }
    }
    Ok(Pasted { edit: Edit::Batch(edits), added, updated })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let mut who = Actor::new("who", "WHO", ActorKind::InternationalOrganization);
        who.set_attribute("seat", "Geneva");
        g.add_actor(who).unwrap();
        g.add_actor(Actor::new("kb", "Karolinska", ActorKind::University)).unwrap();
        g
    }

    fn columns() -> Vec<Column> {
        vec![
            Column::Field(Field::Id),
            Column::Field(Field::Label),
            Column::Field(Field::Kind),
            Column::Attribute("seat".into()),
        ]
    }

    #[test]
    fn copied_rows_paste_back_unchanged_and_quote_what_needs_it() {
        let mut g = graph();
        g.actor_mut(&"kb".into()).unwrap().label = "Karolinska, Stockholm".to_owned();
        let text = rows_to_csv(&g, TableKind::Actors, &["kb".into(), "who".into()], &columns());
        assert_eq!(
            text,
            "id,label,kind,seat\nkb,\"Karolinska, Stockholm\",University,\nwho,WHO,International organization,Geneva\n"
        );
        let pasted = paste_actors(&g, &text).unwrap();
        assert_eq!((pasted.added, pasted.updated), (0, 0));
    }

    #[test]
    fn pasting_adds_new_ids_and_updates_existing_ones_in_one_edit() {
        let mut g = graph();
        let before = g.clone();
        let text = "id,label,kind,seat\nwho,World Health Organization,,Geneva\nrki,Robert Koch Institute,ResearchInstitute,Berlin\n";
        let error = paste_actors(&g, text).unwrap_err();
        assert!(error.to_string().starts_with("row 1 (line 2): id \"who\": kind:"), "{error}");
        let text = text.replace(",,Geneva", ",InternationalOrganization,Geneva");
        let pasted = paste_actors(&g, &text).unwrap();
        assert_eq!((pasted.added, pasted.updated), (1, 1));
        let undo = pasted.edit.apply(&mut g).unwrap();
        assert_eq!(g.actor(&"who".into()).unwrap().label, "World Health Organization");
        let rki = g.actor(&"rki".into()).unwrap();
        assert_eq!((rki.kind.name(), rki.attribute("seat")), ("ResearchInstitute", Some("Berlin")));
        undo.apply(&mut g).unwrap();
        assert_eq!(g, before);
    }

    #[test]
    fn a_bad_row_is_named_and_nothing_is_made() {
        let g = graph();
        let text = "id,label,color\nnew1,One,#ff0000\nnew2,Two,red\n";
        assert_eq!(
            paste_actors(&g, text).unwrap_err().to_string(),
            "row 2 (line 3): id \"new2\": color: colour \"red\" is not of the form #rrggbb (e.g. #d94ea4)"
        );
        let uneven = "id,label\nnew1,One\nnew2,Two,extra\n";
        assert_eq!(
            paste_actors(&g, uneven).unwrap_err().to_string(),
            "row 2 (line 3): 3 cells where the header names 2"
        );
        let no_id = paste_actors(&g, "name,kind\nA,Company\n").unwrap_err();
        assert_eq!(no_id, PasteError::NoIdColumn("name, kind".to_owned()));
        let empty_id = paste_actors(&g, "id,label\n,Nobody\n").unwrap_err();
        assert_eq!(empty_id.to_string(), "row 1 (line 2): the id is empty");
        assert_eq!(paste_actors(&g, "id,label\n"), Err(PasteError::Empty));
    }
}
