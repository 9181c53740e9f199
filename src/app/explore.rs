//! [`Explore`]: the state of the exploration tools — filters, timeline, ego focus, paths and
//! metrics (computed on a worker thread, with progress and cancel).

use std::sync::Arc;
use std::thread::JoinHandle;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::analysis::filter::FilterSpec;
use crate::analysis::metrics::{Metric, Metrics};
use crate::analysis::network::Network;
use crate::analysis::paths::{PathMetric, shortest_paths};
use crate::analysis::progress::{Cancelled, Progress};
use crate::model::{ActorId, KnowledgeGraph};

/// The timeline: cooperations are revealed up to `day`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Whether the timeline limits what is shown.
    pub active: bool,
    /// The last day shown (a `PartialDate` day number).
    pub day: i64,
    /// Whether it advances by itself.
    pub playing: bool,
    /// Days advanced per second while playing.
    pub days_per_second: f32,
    /// Fraction of a day carried between frames while playing.
    pub carry: f32,
}

/// One shortest path found, in storage indices.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPath {
    /// Actors, start first.
    pub nodes: Vec<NodeIndex>,
    /// Cooperations, one per step.
    pub edges: Vec<EdgeIndex>,
    /// Hops, or summed 1/weight.
    pub length: f64,
}

/// The path finder's question and answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathQuery {
    /// Start actor.
    pub from: Option<ActorId>,
    /// End actor.
    pub to: Option<ActorId>,
    /// Measure by 1/weight instead of hops.
    pub by_weight: bool,
    /// The shortest paths found (all of them, up to [`PATH_LIMIT`]).
    pub found: Vec<FoundPath>,
    /// Whether a search was run for the current question.
    pub searched: bool,
}

/// Most shortest paths listed.
pub const PATH_LIMIT: usize = 20;

impl PathQuery {
    /// Finds every shortest path between the chosen actors.
    pub fn run(&mut self, graph: &KnowledgeGraph) {
        self.found.clear();
        self.searched = true;
        let (Some(from), Some(to)) = (&self.from, &self.to) else { return };
        let net = Network::new(graph);
        let (Some(a), Some(b)) =
            (graph.node_index(from).and_then(|n| net.dense(n)), graph.node_index(to).and_then(|n| net.dense(n)))
        else {
            return;
        };
        let metric = if self.by_weight { PathMetric::Weight } else { PathMetric::Hops };
        self.found = shortest_paths(&net, a, b, metric, PATH_LIMIT)
            .into_iter()
            .map(|p| FoundPath {
                nodes: p.nodes.iter().map(|&i| net.nodes[i]).collect(),
                edges: p.edges,
                length: p.length,
            })
            .collect();
    }
}

/// A metrics computation running on a worker thread.
pub struct MetricsJob {
    /// Progress and cancel, shared with the worker.
    pub progress: Arc<Progress>,
    handle: JoinHandle<Result<Metrics, Cancelled>>,
    structure_version: u64,
}

/// Metrics and how they are shown.
#[derive(Default)]
pub struct MetricsState {
    /// The running computation.
    pub job: Option<MetricsJob>,
    /// The last result, with the graph structure version it belongs to.
    pub result: Option<(Metrics, u64)>,
    /// Node size by this metric.
    pub size_by: Option<Metric>,
    /// Node colour by this metric.
    pub color_by: Option<Metric>,
    /// Table sort: column, and whether ascending (highest first by default).
    pub sort: (Metric, bool),
    /// The last message (cancelled, failed).
    pub message: String,
    /// Counts results, so views can cache what they derive from the current one.
    pub serial: u64,
    /// Table row order, cached for (sort, serial).
    pub table_order: Vec<usize>,
    table_key: Option<((Metric, bool), u64)>,
}

impl MetricsState {
    /// Starts computing every metric on a worker thread (cancelling a previous run).
    pub fn start(&mut self, graph: &KnowledgeGraph) {
        self.cancel();
        let network = Network::new(graph);
        let progress = Arc::new(Progress::new());
        let worker_progress = Arc::clone(&progress);
        let handle = std::thread::spawn(move || Metrics::compute_network(network, &worker_progress));
        self.job = Some(MetricsJob { progress, handle, structure_version: graph.structure_version() });
        self.message.clear();
    }

    /// Asks the running computation to stop.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
            self.message = "Cancelled".to_owned();
        }
    }

    /// Collects a finished computation; returns true if a new result arrived.
    pub fn poll(&mut self) -> bool {
        let finished = self.job.as_ref().is_some_and(|j| j.handle.is_finished());
        if !finished {
            return false;
        }
        let Some(job) = self.job.take() else { return false };
        match job.handle.join() {
            Ok(Ok(metrics)) => {
                self.result = Some((metrics, job.structure_version));
                self.serial += 1;
                true
            }
            Ok(Err(Cancelled)) => {
                self.message = "Cancelled".to_owned();
                false
            }
            Err(_) => {
                self.message = "The computation failed".to_owned();
                false
            }
        }
    }

    /// The table's rows (metric indices) in the chosen sort order; sorted again only when the
    /// sort or the result changes.
    pub fn sorted_rows(&mut self) -> &[usize] {
        let key = (self.sort, self.serial);
        if self.table_key != Some(key) {
            let (sort_by, ascending) = self.sort;
            self.table_order = match &self.result {
                Some((metrics, _)) => {
                    let mut order: Vec<usize> = (0..metrics.network.len()).collect();
                    order.sort_by(|&a, &b| {
                        let ordering = metrics.value(sort_by, a).total_cmp(&metrics.value(sort_by, b));
                        if ascending { ordering } else { ordering.reverse() }
                    });
                    order
                }
                None => Vec::new(),
            };
            self.table_key = Some(key);
        }
        &self.table_order
    }

    /// The result if it belongs to the graph as it is now.
    pub fn current(&self, graph: &KnowledgeGraph) -> Option<&Metrics> {
        self.result.as_ref().filter(|(_, v)| *v == graph.structure_version()).map(|(m, _)| m)
    }
}

/// Focus on a neighbourhood: the actors within `depth` steps of `centre`, plus the neighbours
/// of every actor expanded one by one.
#[derive(Clone, Debug, PartialEq)]
pub struct EgoFocus {
    /// The actor at the centre.
    pub centre: ActorId,
    /// How many steps out from the centre are shown (1–3 from the slider).
    pub depth: usize,
    /// Actors whose neighbours were added step by step.
    pub expanded: std::collections::BTreeSet<ActorId>,
}

impl EgoFocus {
    /// The neighbourhood of `centre` at depth 1.
    pub fn around(centre: ActorId) -> Self {
        Self { centre, depth: 1, expanded: Default::default() }
    }
}

/// Everything the exploration tools hold.
#[derive(Default)]
pub struct Explore {
    /// Kind, source, degree and date filters.
    pub filter: FilterSpec,
    /// Filtered-out elements are drawn faint instead of hidden.
    pub fade: bool,
    /// Show only a neighbourhood.
    pub ego: Option<EgoFocus>,
    /// The timeline.
    pub timeline: Timeline,
    /// The path finder.
    pub path: PathQuery,
    /// Metrics.
    pub metrics: MetricsState,
}

impl Explore {
    /// The filter with the timeline's day applied.
    pub fn effective_filter(&self) -> FilterSpec {
        let mut spec = self.filter.clone();
        if self.timeline.active {
            spec.to_day = Some(spec.to_day.map_or(self.timeline.day, |d| d.min(self.timeline.day)));
        }
        spec
    }

    /// Clears filters, timeline and focus (not paths or metrics).
    pub fn clear_filters(&mut self) {
        self.filter = FilterSpec::default();
        self.ego = None;
        self.timeline.active = false;
        self.timeline.playing = false;
    }
}
