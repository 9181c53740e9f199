//! [`TableView`]: what the data table keeps between frames — the open table, each table's
//! query, order and columns — named by ids, kept in step with the document's revision.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::column::{Column, TableKind, fields};
use super::order::TableOrder;
use super::query::{Query, actor_keys, cooperation_keys};
use crate::model::{ActorId, CooperationId, KnowledgeGraph};

/// One table: its query, the order it shows and its columns.
#[derive(Debug)]
pub struct TableRows<Id> {
    /// Filters and sort.
    pub query: Query,
    /// The rows shown, in order.
    pub order: TableOrder<Id>,
    columns: Vec<Column>,
    columns_revision: Option<u64>,
}

impl<Id> Default for TableRows<Id> {
    fn default() -> Self {
        Self { query: Query::default(), order: TableOrder::default(), columns: Vec::new(), columns_revision: None }
    }
}

impl<Id> TableRows<Id> {
    /// The columns: every field, then every attribute some row has, in the order first met.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }
}

/// The data table's state between frames.
#[derive(Debug, Default)]
pub struct TableView {
    /// The table shown.
    pub tab: TableKind,
    /// The actors table.
    pub actors: TableRows<ActorId>,
    /// The cooperations table.
    pub cooperations: TableRows<CooperationId>,
    /// Cooperations picked in their table (the canvas selects one cooperation at a time).
    pub picked_cooperations: BTreeSet<CooperationId>,
}

impl TableView {
    /// Brings the open table's columns and order up to date with the graph at `revision`:
    /// columns are gathered again (O(n · attributes)) and a new order made or started (see
    /// [`TableOrder::refresh`]) only when the revision or the query changed. Returns whether
    /// the rows shown changed.
    pub fn refresh(&mut self, graph: &Arc<KnowledgeGraph>, revision: u64) -> bool {
        self.picked_cooperations.retain(|id| graph.cooperation(id).is_some());
        match self.tab {
            TableKind::Actors => {
                let rows = &mut self.actors;
                if rows.columns_revision != Some(revision) {
                    rows.columns = columns_of(TableKind::Actors, graph.actors().map(|a| a.attributes.as_slice()));
                    rows.columns_revision = Some(revision);
                }
                let changed = rows.order.poll();
                let (query, shared) = (rows.query.clone(), Arc::clone(graph));
                let keys = move |query: Query| move || actor_keys(&shared, &query);
                rows.order.refresh(revision, &query, graph.actor_count(), keys(query.clone())) || changed
            }
            TableKind::Cooperations => {
                let rows = &mut self.cooperations;
                if rows.columns_revision != Some(revision) {
                    let attributes = graph.cooperations().map(|c| c.cooperation.attributes.as_slice());
                    rows.columns = columns_of(TableKind::Cooperations, attributes);
                    rows.columns_revision = Some(revision);
                }
                let changed = rows.order.poll();
                let (query, shared) = (rows.query.clone(), Arc::clone(graph));
                let keys = move |query: Query| move || cooperation_keys(&shared, &query);
                rows.order.refresh(revision, &query, graph.cooperation_count(), keys(query.clone())) || changed
            }
        }
    }

    /// Whether the open table's order is being made on a worker thread.
    pub fn is_ordering(&self) -> bool {
        match self.tab {
            TableKind::Actors => self.actors.order.is_ordering(),
            TableKind::Cooperations => self.cooperations.order.is_ordering(),
        }
    }

    /// Waits for the open table's worker, if any (tests and benchmarks).
    pub fn wait(&mut self) -> bool {
        match self.tab {
            TableKind::Actors => self.actors.order.wait(),
            TableKind::Cooperations => self.cooperations.order.wait(),
        }
    }
}

/// The fields of `table`, then each attribute key once, in the order first met.
fn columns_of<'a>(table: TableKind, rows: impl Iterator<Item = &'a [crate::model::Attribute]>) -> Vec<Column> {
    let mut columns: Vec<Column> = fields(table).iter().map(|f| Column::Field(*f)).collect();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for attributes in rows {
        for attribute in attributes {
            if seen.insert(attribute.key.as_str()) {
                columns.push(Column::Attribute(attribute.key.clone()));
            }
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    #[test]
    fn attribute_columns_follow_the_fields_in_the_order_first_met() {
        let mut g = KnowledgeGraph::new();
        let mut a = Actor::new("a", "A", ActorKind::Other);
        a.set_attribute("seat", "x");
        a.set_attribute("budget", "1");
        let mut b = Actor::new("b", "B", ActorKind::Other);
        b.set_attribute("budget", "2");
        b.set_attribute("founded", "1900");
        g.add_actor(a).unwrap();
        g.add_actor(b).unwrap();
        let mut view = TableView::default();
        view.refresh(&Arc::new(g), 1);
        let attributes: Vec<&Column> =
            view.actors.columns().iter().filter(|c| matches!(c, Column::Attribute(_))).collect();
        assert_eq!(
            attributes,
            [
                &Column::Attribute("seat".into()),
                &Column::Attribute("budget".into()),
                &Column::Attribute("founded".into())
            ]
        );
        assert_eq!(view.actors.order.rows().len(), 2);
    }
}
