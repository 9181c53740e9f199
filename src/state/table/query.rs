//! What a table shows and in which order: a filter text per column and a sort column. The
//! texts a query needs are taken from the graph first ([`actor_keys`], O(n) on the caller's
//! thread); [`order`] then filters and sorts them anywhere, a worker thread included.

use std::cmp::Ordering;

use rayon::slice::ParallelSliceMut;

use super::column::{Column, actor_cell, cooperation_cell};
use crate::analysis::progress::Progress;
use crate::model::{ActorId, CooperationId, KnowledgeGraph};

/// The sort column and its direction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortKey {
    /// The column sorted by.
    pub column: Column,
    /// Largest first.
    pub descending: bool,
}

/// The rows a table shows and their order: rows whose cell contains each filter's text (case
/// ignored), sorted by one column (numbers by value, before texts; empty cells last; ties by id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    /// The sort, if any; unsorted tables keep the graph's storage order.
    pub sort: Option<SortKey>,
    /// Non-empty filter texts by column, in the order they were typed.
    filters: Vec<(Column, String)>,
}

impl Query {
    /// The filter text of a column ("" for none).
    pub fn filter(&self, column: &Column) -> &str {
        self.filters.iter().find(|(c, _)| c == column).map_or("", |(_, text)| text.as_str())
    }

    /// The columns with a filter, and their texts.
    pub fn filters(&self) -> &[(Column, String)] {
        &self.filters
    }

    /// Sets a column's filter text; an empty text removes the filter.
    pub fn set_filter(&mut self, column: &Column, text: &str) {
        self.filters.retain(|(c, _)| c != column);
        if !text.is_empty() {
            self.filters.push((column.clone(), text.to_owned()));
        }
    }

    /// A click on a column's header: sorts by it ascending, or turns the direction if it is
    /// the sort column already.
    pub fn sort_by(&mut self, column: &Column) {
        self.sort = match self.sort.take() {
            Some(SortKey { column: sorted, descending }) if sorted == *column => {
                Some(SortKey { column: sorted, descending: !descending })
            }
            _ => Some(SortKey { column: column.clone(), descending: false }),
        };
    }

    /// Whether the query keeps every row in storage order (nothing to compute but the ids).
    pub fn is_plain(&self) -> bool {
        self.sort.is_none() && self.filters.is_empty()
    }
}

/// A cell's text as sorting compares it: a number by value, else the text with case folded.
#[derive(Clone, Debug, PartialEq)]
enum SortValue {
    Number(f64),
    Text(String),
    Empty,
}

impl SortValue {
    fn of(text: &str) -> Self {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return SortValue::Empty;
        }
        match trimmed.parse::<f64>() {
            Ok(n) if n.is_finite() => SortValue::Number(n),
            _ => SortValue::Text(trimmed.to_lowercase()),
        }
    }

    /// Numbers first, then texts, empty cells last.
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortValue::Number(a), SortValue::Number(b)) => a.total_cmp(b),
            (SortValue::Text(a), SortValue::Text(b)) => a.cmp(b),
            (SortValue::Empty, SortValue::Empty) => Ordering::Equal,
            (SortValue::Number(_), _) | (SortValue::Text(_), SortValue::Empty) => Ordering::Less,
            _ => Ordering::Greater,
        }
    }
}

/// One row's id with the texts a query needs: its sort value and its filtered cells (case
/// folded), in the order of [`Query::filters`].
#[derive(Clone, Debug)]
struct RowKey<Id> {
    id: Id,
    sort: SortValue,
    cells: Vec<String>,
}

/// The texts a query needs of every row, taken from the graph (see [`actor_keys`]).
#[derive(Clone, Debug)]
pub struct RowKeys<Id> {
    rows: Vec<RowKey<Id>>,
}

impl<Id> RowKeys<Id> {
    /// Number of rows before filtering.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Takes from `cell` of each row what `query` compares. O(rows × (filters + 1)).
fn keys_of<'a, Row: 'a, Id>(
    rows: impl Iterator<Item = Row>,
    query: &Query,
    id: impl Fn(&Row) -> Id,
    cell: impl Fn(&Row, &Column) -> String,
) -> RowKeys<Id> {
    let rows = rows
        .map(|row| RowKey {
            id: id(&row),
            sort: query.sort.as_ref().map_or(SortValue::Empty, |s| SortValue::of(&cell(&row, &s.column))),
            cells: query.filters.iter().map(|(column, _)| cell(&row, column).to_lowercase()).collect(),
        })
        .collect();
    RowKeys { rows }
}

/// What `query` needs of every actor, in storage order. O(n) string copies.
pub fn actor_keys(graph: &KnowledgeGraph, query: &Query) -> RowKeys<ActorId> {
    keys_of(graph.actors(), query, |a| a.id().clone(), |a, column| actor_cell(a, column))
}

/// What `query` needs of every cooperation, in storage order. O(m) string copies.
pub fn cooperation_keys(graph: &KnowledgeGraph, query: &Query) -> RowKeys<CooperationId> {
    keys_of(graph.cooperations(), query, |c| c.cooperation.id().clone(), |c, column| cooperation_cell(c, column))
}

/// The ids of the rows `query` shows, in its order. Returns `None` if `progress` was cancelled
/// on the way. O(n · filters) to filter, O(n log n) to sort (in parallel).
pub fn order<Id: Ord + Send>(keys: RowKeys<Id>, query: &Query, progress: &Progress) -> Option<Vec<Id>> {
    let needles: Vec<String> = query.filters.iter().map(|(_, text)| text.to_lowercase()).collect();
    let mut rows: Vec<RowKey<Id>> = keys
        .rows
        .into_iter()
        .filter(|row| row.cells.iter().zip(&needles).all(|(cell, needle)| cell.contains(needle.as_str())))
        .collect();
    if progress.is_cancelled() {
        return None;
    }
    if let Some(sort) = &query.sort {
        let descending = sort.descending;
        rows.par_sort_unstable_by(|a, b| {
            let by_value = a.sort.cmp(&b.sort);
            // Empty cells stay last whichever the direction.
            let by_value = match (descending, &a.sort, &b.sort) {
                (true, SortValue::Empty, _) | (true, _, SortValue::Empty) => by_value,
                (true, _, _) => by_value.reverse(),
                (false, _, _) => by_value,
            };
            by_value.then_with(|| a.id.cmp(&b.id))
        });
    }
    if progress.is_cancelled() {
        return None;
    }
    Some(rows.into_iter().map(|row| row.id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};
    use crate::state::table::column::Field;

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for (id, label, kind, budget) in [
            ("a", "Zagreb clinic", ActorKind::Hospital, "9"),
            ("b", "alpha corp", ActorKind::Company, "100"),
            ("c", "Beta Corp", ActorKind::Company, ""),
            ("d", "Delta", ActorKind::Country, "20"),
        ] {
            let mut actor = Actor::new(id, label, kind);
            if !budget.is_empty() {
                actor.set_attribute("budget", budget);
            }
            g.add_actor(actor).unwrap();
        }
        g
    }

    fn run(query: &Query) -> Vec<String> {
        let g = graph();
        order(actor_keys(&g, query), query, &Progress::new()).unwrap().iter().map(|id| id.to_string()).collect()
    }

    #[test]
    fn sorting_by_name_ignores_case_and_a_second_click_reverses() {
        let mut query = Query::default();
        let label = Column::Field(Field::Label);
        query.sort_by(&label);
        assert_eq!(run(&query), ["b", "c", "d", "a"]);
        query.sort_by(&label);
        assert_eq!(run(&query), ["a", "d", "c", "b"]);
    }

    #[test]
    fn numbers_sort_by_value_and_empty_cells_stay_last() {
        let mut query = Query::default();
        let budget = Column::Attribute("budget".to_owned());
        query.sort_by(&budget);
        assert_eq!(run(&query), ["a", "d", "b", "c"], "9 < 20 < 100, then the empty cell");
        query.sort_by(&budget);
        assert_eq!(run(&query), ["b", "d", "a", "c"], "descending keeps the empty cell last");
    }

    #[test]
    fn filters_match_parts_of_cells_in_every_filtered_column() {
        let mut query = Query::default();
        query.set_filter(&Column::Field(Field::Label), "CORP");
        assert_eq!(run(&query), ["b", "c"]);
        query.set_filter(&Column::Attribute("budget".to_owned()), "10");
        assert_eq!(run(&query), ["b"]);
        query.set_filter(&Column::Field(Field::Label), "");
        query.set_filter(&Column::Attribute("budget".to_owned()), "");
        assert!(query.is_plain());
        assert_eq!(run(&query).len(), 4);
    }

    #[test]
    fn a_cancelled_ordering_gives_nothing() {
        let query = Query::default();
        let g = graph();
        let cancelled = Progress::new();
        cancelled.cancel();
        assert_eq!(order(actor_keys(&g, &query), &query, &cancelled), None);
    }
}
