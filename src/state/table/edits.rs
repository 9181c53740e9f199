//! The table's changes as [`Edit`]s: one cell, one column over many rows (the bulk edit of
//! kind, an attribute or the style), deleting rows, and adding, renaming or deleting an
//! attribute across a whole table. Each is one edit, so one undo step.

use super::column::{Column, Field, TableKind, set_actor_cell, set_attribute, set_cooperation_cell};
use crate::edit::Edit;
use crate::model::{ActorId, CooperationId, KnowledgeGraph};

/// Why a table change was refused; the graph is untouched.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// A value did not fit its column, in this row.
    #[error("row {row}: {error}")]
    Cell {
        /// The row's id.
        row: String,
        /// What was wrong.
        error: super::column::CellError,
    },
    /// No row has this id (it was deleted meanwhile).
    #[error("there is no row with id \"{0}\"")]
    UnknownRow(String),
    /// Ids are unique, so a column of ids cannot be set to one value.
    #[error("ids are unique: change them one row at a time")]
    SharedId,
    /// A new id that another actor has, or an empty one.
    #[error("row {row}: {message}")]
    Id {
        /// The row's id.
        row: String,
        /// What was wrong.
        message: String,
    },
    /// An attribute change that does not make sense (empty name, a name in use, no such
    /// attribute, no default value).
    #[error("{0}")]
    Attribute(String),
}

/// The edit that writes `text` into one cell, or `None` if the cell already holds it. An
/// actor's id cell renames the actor (its cooperations follow).
///
/// # Errors
/// [`TableError`] naming the row when the row is unknown or the text does not fit.
pub fn set_cell(
    graph: &KnowledgeGraph,
    table: TableKind,
    row: &str,
    column: &Column,
    text: &str,
) -> Result<Option<Edit>, TableError> {
    if table == TableKind::Actors && *column == Column::Field(Field::Id) {
        return rename_actor(graph, row, text.trim());
    }
    set_many(graph, table, &[row.to_owned()], column, text)
}

fn rename_actor(graph: &KnowledgeGraph, row: &str, to: &str) -> Result<Option<Edit>, TableError> {
    let from = ActorId::new(row);
    if !graph.contains_actor(&from) {
        return Err(TableError::UnknownRow(row.to_owned()));
    }
    if to == row {
        return Ok(None);
    }
    let id_error = |message: String| TableError::Id { row: row.to_owned(), message };
    if to.is_empty() {
        return Err(id_error("an id must not be empty".to_owned()));
    }
    if graph.contains_actor(&ActorId::new(to)) {
        return Err(id_error(format!("another actor has the id \"{to}\"")));
    }
    Ok(Some(Edit::RenameActor { from, to: ActorId::new(to) }))
}

/// The edit that writes `text` into `column` of every row named (ids), as one batch; rows
/// that already hold it are left out, and `None` comes back if none changes. O(rows).
///
/// # Errors
/// [`TableError`] naming the first row whose value is refused, or an unknown row; ids cannot
/// be set in bulk.
pub fn set_many(
    graph: &KnowledgeGraph,
    table: TableKind,
    rows: &[String],
    column: &Column,
    text: &str,
) -> Result<Option<Edit>, TableError> {
    if *column == Column::Field(Field::Id) {
        return Err(TableError::SharedId);
    }
    let cell_error = |row: &str, error| TableError::Cell { row: row.to_owned(), error };
    let mut edits = Vec::new();
    for row in rows {
        match table {
            TableKind::Actors => {
                let actor = graph.actor(&ActorId::new(row)).ok_or_else(|| TableError::UnknownRow(row.clone()))?;
                let mut changed = actor.clone();
                set_actor_cell(&mut changed, column, text).map_err(|e| cell_error(row, e))?;
                if changed != *actor {
                    edits.push(Edit::SetActor(changed));
                }
            }
            TableKind::Cooperations => {
                let c = graph
                    .cooperation(&CooperationId::new(row))
                    .ok_or_else(|| TableError::UnknownRow(row.clone()))?
                    .cooperation;
                let mut changed = c.clone();
                set_cooperation_cell(&mut changed, column, text).map_err(|e| cell_error(row, e))?;
                if changed != *c {
                    edits.push(Edit::SetCooperation(changed));
                }
            }
        }
    }
    Ok(batch(edits))
}

/// The edit that deletes the named rows (an actor with its cooperations), ids no longer in the
/// graph left out; `None` if none is left.
pub fn delete_rows(graph: &KnowledgeGraph, table: TableKind, rows: &[String]) -> Option<Edit> {
    let edits: Vec<Edit> = match table {
        TableKind::Actors => {
            rows.iter().map(ActorId::new).filter(|id| graph.contains_actor(id)).map(Edit::RemoveActor).collect()
        }
        TableKind::Cooperations => rows
            .iter()
            .map(CooperationId::new)
            .filter(|id| graph.cooperation(id).is_some())
            .map(Edit::RemoveCooperation)
            .collect(),
    };
    batch(edits)
}

/// The edit that gives every row of `table` a new attribute `key` with value `default` (a new
/// column). O(rows).
///
/// # Errors
/// [`TableError::Attribute`] for an empty name or default value, a name some row already has,
/// or a name that is a field's.
pub fn add_attribute(
    graph: &KnowledgeGraph,
    table: TableKind,
    key: &str,
    default: &str,
) -> Result<Option<Edit>, TableError> {
    let key = key.trim();
    check_new_name(graph, table, key)?;
    if default.is_empty() {
        return Err(TableError::Attribute(format!(
            "give the new column \"{key}\" a value for every row (an empty cell means no attribute)"
        )));
    }
    Ok(batch(rewrite_attributes(graph, table, |attributes| {
        set_attribute(attributes, key, default);
        true
    })))
}

/// The edit that renames attribute `from` to `to` in every row that has it, keeping its place.
///
/// # Errors
/// [`TableError::Attribute`] when no row has `from`, or `to` is empty, a field's name or an
/// attribute some row already has.
pub fn rename_attribute(
    graph: &KnowledgeGraph,
    table: TableKind,
    from: &str,
    to: &str,
) -> Result<Option<Edit>, TableError> {
    let to = to.trim();
    if from == to {
        return Ok(None);
    }
    check_new_name(graph, table, to)?;
    let edits = rewrite_attributes(graph, table, |attributes| {
        let Some(attribute) = attributes.iter_mut().find(|a| a.key == from) else { return false };
        to.clone_into(&mut attribute.key);
        true
    });
    if edits.is_empty() {
        return Err(TableError::Attribute(format!("no row has the attribute \"{from}\"")));
    }
    Ok(batch(edits))
}

/// The edit that removes attribute `key` from every row.
///
/// # Errors
/// [`TableError::Attribute`] when no row has it.
pub fn delete_attribute(graph: &KnowledgeGraph, table: TableKind, key: &str) -> Result<Option<Edit>, TableError> {
    let edits = rewrite_attributes(graph, table, |attributes| {
        let before = attributes.len();
        attributes.retain(|a| a.key != key);
        attributes.len() != before
    });
    if edits.is_empty() {
        return Err(TableError::Attribute(format!("no row has the attribute \"{key}\"")));
    }
    Ok(batch(edits))
}

/// Refuses an attribute name that is empty, a field's, or already used by a row.
fn check_new_name(graph: &KnowledgeGraph, table: TableKind, key: &str) -> Result<(), TableError> {
    if key.is_empty() {
        return Err(TableError::Attribute("an attribute needs a name".to_owned()));
    }
    if matches!(Column::from_header(key, table), Column::Field(_)) {
        return Err(TableError::Attribute(format!("\"{key}\" is a column of its own; choose another name")));
    }
    let used = match table {
        TableKind::Actors => graph.actors().any(|a| a.attribute(key).is_some()),
        TableKind::Cooperations => graph.cooperations().any(|c| c.cooperation.attributes.iter().any(|a| a.key == key)),
    };
    if used {
        return Err(TableError::Attribute(format!("the attribute \"{key}\" exists already")));
    }
    Ok(())
}

/// One set edit per row whose attributes `change` changed (it returns whether it did).
fn rewrite_attributes(
    graph: &KnowledgeGraph,
    table: TableKind,
    change: impl Fn(&mut Vec<crate::model::Attribute>) -> bool,
) -> Vec<Edit> {
    match table {
        TableKind::Actors => graph
            .actors()
            .filter_map(|actor| {
                let mut changed = actor.clone();
                change(&mut changed.attributes).then_some(Edit::SetActor(changed))
            })
            .collect(),
        TableKind::Cooperations => graph
            .cooperations()
            .filter_map(|c| {
                let mut changed = c.cooperation.clone();
                change(&mut changed.attributes).then_some(Edit::SetCooperation(changed))
            })
            .collect(),
    }
}

fn batch(edits: Vec<Edit>) -> Option<Edit> {
    if edits.is_empty() { None } else { Some(Edit::Batch(edits)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Actor, ActorKind, Cooperation, CooperationKind, NodeShape};

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for id in ["a", "b", "c"] {
            let mut actor = Actor::new(id, id.to_uppercase(), ActorKind::Other);
            actor.set_attribute("city", "Belgrade");
            g.add_actor(actor).unwrap();
        }
        g.add_cooperation(&"a".into(), &"b".into(), Cooperation::new("ab", CooperationKind::Other)).unwrap();
        g
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_bulk_kind_and_style_change_is_one_undo_step() {
        let mut g = graph();
        let before = g.clone();
        let mut history = History::new();
        let rows = ids(&["a", "c"]);
        let kind = set_many(&g, TableKind::Actors, &rows, &Column::Field(Field::Kind), "Company").unwrap().unwrap();
        history.apply(&mut g, kind, None).unwrap();
        let shape = set_many(&g, TableKind::Actors, &rows, &Column::Field(Field::Shape), "square").unwrap().unwrap();
        history.apply(&mut g, shape, None).unwrap();
        assert_eq!(g.actor(&"c".into()).unwrap().kind, ActorKind::Company);
        assert_eq!(g.actor(&"a".into()).unwrap().style.shape, Some(NodeShape::Square));
        assert_eq!(g.actor(&"b".into()).unwrap().kind, ActorKind::Other, "rows not named stay");
        history.undo(&mut g).unwrap();
        history.undo(&mut g).unwrap();
        assert_eq!(g, before);
    }

    #[test]
    fn a_refused_value_names_its_row_and_unchanged_rows_make_no_edit() {
        let g = graph();
        let error = set_many(&g, TableKind::Actors, &ids(&["a", "b"]), &Column::Field(Field::Size), "big").unwrap_err();
        assert!(error.to_string().starts_with("row a: size:"), "{error}");
        let same = set_many(&g, TableKind::Actors, &ids(&["a"]), &Column::Attribute("city".into()), "Belgrade");
        assert_eq!(same, Ok(None));
        assert_eq!(
            set_many(&g, TableKind::Actors, &ids(&["a", "b"]), &Column::Field(Field::Id), "x"),
            Err(TableError::SharedId)
        );
    }

    #[test]
    fn an_id_cell_renames_the_actor_and_its_cooperations_follow() {
        let mut g = graph();
        let edit = set_cell(&g, TableKind::Actors, "a", &Column::Field(Field::Id), "alpha").unwrap().unwrap();
        edit.apply(&mut g).unwrap();
        assert_eq!(g.cooperation(&"ab".into()).unwrap().from.as_str(), "alpha");
        let taken = set_cell(&g, TableKind::Actors, "b", &Column::Field(Field::Id), "alpha").unwrap_err();
        assert!(taken.to_string().contains("another actor has the id \"alpha\""), "{taken}");
    }

    #[test]
    fn attributes_are_added_renamed_and_deleted_across_all_rows() {
        let mut g = graph();
        let add = add_attribute(&g, TableKind::Actors, "budget", "0").unwrap().unwrap();
        add.apply(&mut g).unwrap();
        assert!(g.actors().all(|a| a.attribute("budget") == Some("0")));
        let rename = rename_attribute(&g, TableKind::Actors, "city", "town").unwrap().unwrap();
        rename.apply(&mut g).unwrap();
        assert!(g.actors().all(|a| a.attribute("town") == Some("Belgrade") && a.attribute("city").is_none()));
        assert_eq!(g.actor(&"a".into()).unwrap().attributes[0].key, "town", "a renamed attribute keeps its place");
        let delete = delete_attribute(&g, TableKind::Actors, "budget").unwrap().unwrap();
        let undo_delete = delete.apply(&mut g).unwrap();
        assert!(g.actors().all(|a| a.attribute("budget").is_none()));
        undo_delete.apply(&mut g).unwrap();
        assert!(g.actors().all(|a| a.attribute("budget") == Some("0")));
        assert!(matches!(add_attribute(&g, TableKind::Actors, "town", "x"), Err(TableError::Attribute(_))));
        assert!(matches!(add_attribute(&g, TableKind::Actors, "kind", "x"), Err(TableError::Attribute(_))));
        assert!(matches!(add_attribute(&g, TableKind::Actors, "new", ""), Err(TableError::Attribute(_))));
        assert!(matches!(delete_attribute(&g, TableKind::Actors, "nothing"), Err(TableError::Attribute(_))));
        assert!(matches!(rename_attribute(&g, TableKind::Actors, "town", "budget"), Err(TableError::Attribute(_))));
    }

    #[test]
    fn deleting_rows_skips_ids_already_gone() {
        let mut g = graph();
        let edit = delete_rows(&g, TableKind::Actors, &ids(&["a", "gone"])).unwrap();
        edit.apply(&mut g).unwrap();
        assert_eq!(g.actor_count(), 2);
        assert_eq!(g.cooperation_count(), 0);
        assert_eq!(delete_rows(&g, TableKind::Cooperations, &ids(&["ab"])), None);
    }
}
