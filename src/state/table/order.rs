//! [`TableOrder`]: the rows a table shows, kept in step with the graph. Small tables are
//! ordered at once; large ones on a worker thread, whose answer is tagged with the document
//! revision and query it was made for, while the table keeps showing the previous order.

use super::query::{Query, RowKeys, order};
use crate::analysis::progress::Progress;
use crate::state::job::{Job, Polled};

/// Up to this many rows are sorted and filtered on the calling thread (well under a
/// millisecond of work); more go to a worker thread, which also takes the texts from the graph.
pub const INLINE_ROWS: usize = 5_000;

/// What an order was made for: the document revision and the query.
#[derive(Clone, Debug, PartialEq, Eq)]
struct OrderKey {
    revision: u64,
    query: Query,
}

/// An ordering running on a worker thread (cancelled when dropped).
#[derive(Debug)]
struct OrderJob<Id> {
    key: OrderKey,
    job: Job<Option<Vec<Id>>>,
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
    /// the query needs from the graph (O(n)), only when a new order is needed: for up to
    /// [`INLINE_ROWS`] `rows` on this thread, ordered at once; for more, on a worker thread
    /// together with the ordering, so the frame does nothing that grows with the table.
    /// Returns whether the rows shown changed.
    pub fn refresh(
        &mut self,
        revision: u64,
        query: &Query,
        rows: usize,
        keys: impl FnOnce() -> RowKeys<Id> + Send + 'static,
    ) -> bool {
        let key = OrderKey { revision, query: query.clone() };
        if self.shown_key.as_ref() == Some(&key) {
            self.job = None;
            return false;
        }
        if self.job.as_ref().is_some_and(|job| job.key == key) {
            return false;
        }
        if rows <= INLINE_ROWS {
            self.job = None;
            if let Some(rows) = order(keys(), query, &Progress::new()) {
                self.shown = rows;
                self.shown_key = Some(key);
            }
            return true;
        }
        let query = query.clone();
        let job = Job::start("Sorting the table", move |progress| order(keys(), &query, progress));
        self.job = Some(OrderJob { key, job });
        false
    }

    /// Takes a finished worker's order, if any. Returns whether the rows shown changed.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        match job.job.poll() {
            Polled::Done(Some(rows)) => {
                self.shown = rows;
                self.shown_key = self.job.take().map(|job| job.key);
                true
            }
            Polled::Done(None) | Polled::Lost => {
                self.job = None;
                false
            }
            Polled::Running => false,
        }
    }

    /// Waits for the worker's order (tests and benchmarks). Returns whether the rows changed.
    pub fn wait(&mut self) -> bool {
        while self.job.is_some() {
            if self.poll() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        false
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
        let shared = std::sync::Arc::new(graph);
        let keys = |query: &Query| {
            let (graph, query) = (std::sync::Arc::clone(&shared), query.clone());
            move || actor_keys(&graph, &query)
        };
        assert!(!order.refresh(1, &query, INLINE_ROWS + 100, keys(&query)), "a worker orders this many");
        assert!(order.is_ordering());
        assert!(order.wait());
        let storage_order = order.rows().to_vec();
        assert_eq!(storage_order.len(), INLINE_ROWS + 100);

        query.sort_by(&Column::Field(Field::Id));
        order.refresh(1, &query, INLINE_ROWS + 100, keys(&query));
        assert_eq!(order.rows(), storage_order.as_slice(), "the previous order shows until the new one comes");
        assert!(order.wait());
        let ids = order.rows();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted by id");
        let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = std::sync::Arc::clone(&calls);
        let graph = std::sync::Arc::clone(&shared);
        let again = query.clone();
        assert!(!order.refresh(1, &query, INLINE_ROWS + 100, move || {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            actor_keys(&graph, &again)
        }));
        assert!(!order.is_ordering(), "the same revision and query need no new order");
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 0);
    }

    #[test]
    fn small_tables_are_ordered_at_once() {
        let graph = to_knowledge_graph(&barabasi_albert(50, 1, 7), "small", 7);
        let mut order = TableOrder::default();
        let query = Query::default();
        let keys = actor_keys(&graph, &query);
        assert!(order.refresh(1, &query, 50, move || keys));
        assert!(!order.is_ordering());
        assert_eq!(order.rows().len(), 50);
    }
}
