//! [`TableOrder`]: the rows a table shows, kept in step with the graph. Small tables are
//! ordered at once; large ones on a worker thread, whose answer is tagged with the document
//! revision and query it was made for, while the table keeps showing the previous order.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::query::{Query, RowKeys, order};

/// Up to this many rows are sorted and filtered on the calling thread (well under a
/// millisecond of work); more go to a worker thread.
pub const INLINE_ROWS: usize = 5_000;

/// What an order was made for: the document revision and the query.
#[derive(Clone, Debug, PartialEq, Eq)]
struct OrderKey {
    revision: u64,
    query: Query,
}

/// An ordering running on a worker thread.
#[derive(Debug)]
struct OrderJob<Id> {
    key: OrderKey,
    answer: Receiver<Option<Vec<Id>>>,
    cancel: Arc<AtomicBool>,
}

impl<Id> Drop for OrderJob<Id> {
    fn drop(&mut self) {
        // A job no longer wanted stops at its next check.
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The ids of the rows a table shows, in order, and the ordering under way.
#[derive(Debug)]
pub struct TableOrder<Id> {
    shown: Vec<Id>,
    shown_key: Option<OrderKey>,
    job: Option<OrderJob<Id>>,
}

impl<Id> Default for TableOrder<Id> {
    fn default() -> Self {
        Self { shown: Vec::new(), shown_key: None, job: None }
    }
}

impl<Id: Ord + Send + 'static> TableOrder<Id> {
    /// The rows shown, in order (possibly made for an earlier revision while a new order is
    /// being made: a row may name an id that is gone).
    pub fn rows(&self) -> &[Id] {
        &self.shown
    }

    /// Whether a worker is making a newer order.
    pub fn is_ordering(&self) -> bool {
        self.job.is_some()
    }

    /// Makes sure the order is, or is being made, for `revision` and `query`. `keys` takes what
    /// the query needs from the graph, on this thread (O(n)), only when a new order is needed:
    /// up to [`INLINE_ROWS`] rows are ordered at once, more on a worker thread. Returns whether
    /// the rows shown changed.
    pub fn refresh(&mut self, revision: u64, query: &Query, keys: impl FnOnce() -> RowKeys<Id>) -> bool {
        let key = OrderKey { revision, query: query.clone() };
        if self.shown_key.as_ref() == Some(&key) {
            self.job = None;
            return false;
        }
        if self.job.as_ref().is_some_and(|job| job.key == key) {
            return false;
        }
        let keys = keys();
        if keys.len() <= INLINE_ROWS {
            self.job = None;
            if let Some(rows) = order(keys, query, &AtomicBool::new(false)) {
                self.shown = rows;
                self.shown_key = Some(key);
            }
            return true;
        }
        let (sender, answer) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let worker_cancel = Arc::clone(&cancel);
        let query = query.clone();
        std::thread::spawn(move || {
            let _ = sender.send(order(keys, &query, &worker_cancel));
        });
        self.job = Some(OrderJob { key, answer, cancel });
        false
    }

    /// Takes a finished worker's order, if any. Returns whether the rows shown changed.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        match job.answer.try_recv() {
            Ok(Some(rows)) => {
                self.shown = rows;
                self.shown_key = self.job.take().map(|job| job.key.clone());
                true
            }
            Ok(None) | Err(TryRecvError::Disconnected) => {
                self.job = None;
                false
            }
            Err(TryRecvError::Empty) => false,
        }
    }

    /// Waits for the worker's order (tests and benchmarks). Returns whether the rows changed.
    pub fn wait(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        match job.answer.recv() {
            Ok(Some(rows)) => {
                self.shown = rows;
                self.shown_key = self.job.take().map(|job| job.key.clone());
                true
            }
            Ok(None) | Err(_) => {
                self.job = None;
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{barabasi_albert, to_knowledge_graph};
    use crate::state::table::column::{Column, Field};
    use crate::state::table::query::actor_keys;

    #[test]
    fn large_tables_are_ordered_on_a_worker_and_keep_the_old_order_meanwhile() {
        let graph = to_knowledge_graph(&barabasi_albert(INLINE_ROWS + 100, 1, 7), "big", 7);
        let mut order = TableOrder::default();
        let mut query = Query::default();
        assert!(!order.refresh(1, &query, || actor_keys(&graph, &query)), "a worker orders this many");
        assert!(order.is_ordering());
        assert!(order.wait());
        let storage_order = order.rows().to_vec();
        assert_eq!(storage_order.len(), INLINE_ROWS + 100);

        query.sort_by(&Column::Field(Field::Id));
        order.refresh(1, &query, || actor_keys(&graph, &query));
        assert_eq!(order.rows(), storage_order.as_slice(), "the previous order shows until the new one comes");
        assert!(order.wait());
        let ids = order.rows();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted by id");
        let mut calls = 0;
        assert!(!order.refresh(1, &query, || {
            calls += 1;
            actor_keys(&graph, &query)
        }));
        assert_eq!(calls, 0, "the same revision and query need no new order");
    }

    #[test]
    fn small_tables_are_ordered_at_once() {
        let graph = to_knowledge_graph(&barabasi_albert(50, 1, 7), "small", 7);
        let mut order = TableOrder::default();
        let query = Query::default();
        assert!(order.refresh(1, &query, || actor_keys(&graph, &query)));
        assert!(!order.is_ordering());
        assert_eq!(order.rows().len(), 50);
    }
}
