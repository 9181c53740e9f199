//! [`Explore`]: the state of the exploration tools — filters, timeline, ego focus, paths and
//! metrics (computed on a worker thread, with progress and cancel).

use std::sync::Arc;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::analysis::community::CommunitySettings;
use crate::analysis::filter::FilterSpec;
use crate::analysis::metrics::{Metric, Metrics};
use crate::analysis::network::Network;
use crate::analysis::paths::{PathMetric, shortest_paths};
use crate::analysis::progress::{Cancelled, Progress};
use crate::model::{ActorId, KnowledgeGraph};
use crate::state::job::{Job, Polled};

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

/// The path finder's question and answer. The search runs on a worker thread.
#[derive(Default)]
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
    /// The search under way, and the graph structure it was asked on.
    job: Option<(Job<Vec<FoundPath>>, u64)>,
    /// The graph structure the paths found belong to.
    structure: u64,
}

/// Most shortest paths listed.
pub const PATH_LIMIT: usize = 20;

impl PathQuery {
    /// Starts finding every shortest path between the chosen actors on a worker thread
    /// (abandoning a search under way). O(n + m) here to copy the network; the search, O(m log n),
    /// runs on the worker.
    pub fn start(&mut self, graph: &KnowledgeGraph) {
        self.job = None;
        self.found.clear();
        self.searched = false;
        let (Some(from), Some(to)) = (&self.from, &self.to) else { return };
        let net = Network::new(graph);
        let (Some(a), Some(b)) =
            (graph.node_index(from).and_then(|n| net.dense(n)), graph.node_index(to).and_then(|n| net.dense(n)))
        else {
            self.searched = true;
            return;
        };
        let metric = if self.by_weight { PathMetric::Weight } else { PathMetric::Hops };
        let job = Job::start("Finding paths", move |_| {
            shortest_paths(&net, a, b, metric, PATH_LIMIT)
                .into_iter()
                .map(|p| FoundPath {
                    nodes: p.nodes.iter().filter_map(|&i| net.nodes.get(i).copied()).collect(),
                    edges: p.edges,
                    length: p.length,
                })
                .collect()
        });
        self.job = Some((job, graph.structure_version()));
    }

    /// Whether a search is under way.
    pub fn is_searching(&self) -> bool {
        self.job.is_some()
    }

    /// Abandons the search under way (its result is dropped when it ends).
    pub fn cancel(&mut self) {
        self.job = None;
    }

    /// Forgets the question's answer (the question stays).
    pub fn clear(&mut self) {
        self.job = None;
        self.found.clear();
        self.searched = false;
    }

    /// Collects a finished search, and drops paths that belong to an older graph structure (their
    /// storage indices may now name other elements). Returns whether what is shown changed.
    pub fn poll(&mut self, graph: &KnowledgeGraph) -> bool {
        let structure = graph.structure_version();
        let mut changed = false;
        if self.searched && self.structure != structure {
            self.clear();
            changed = true;
        }
        let polled = self.job.as_ref().map(|(job, asked_on)| (job.poll(), *asked_on));
        match polled {
            Some((Polled::Done(found), asked_on)) => {
                self.job = None;
                if asked_on == structure {
                    self.found = found;
                    self.searched = true;
                    self.structure = structure;
                    changed = true;
                }
            }
            Some((Polled::Lost, _)) => self.job = None,
            Some((Polled::Running, _)) | None => {}
        }
        changed
    }
}

/// A metrics computation running on a worker thread.
pub struct MetricsJob {
    job: Job<Result<Metrics, Cancelled>>,
    key: MetricsKey,
}

impl MetricsJob {
    /// How far it got; cancels it.
    pub fn progress(&self) -> &Progress {
        self.job.progress()
    }
}

/// What metrics depend on: the graph's structure and its weights. Metrics computed for another
/// key are out of date (but still shown until the new ones arrive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetricsKey {
    structure: u64,
    weights: u64,
}

impl MetricsKey {
    /// The key of `graph` now. O(m).
    pub fn of(graph: &KnowledgeGraph) -> Self {
        let weights = graph
            .cooperations()
            .fold(0u64, |h, c| h.rotate_left(5) ^ c.cooperation.weight.to_bits() ^ u64::from(c.cooperation.directed));
        Self { structure: graph.structure_version(), weights }
    }
}

/// Metrics and how they are shown.
pub struct MetricsState {
    /// The running computation.
    pub job: Option<MetricsJob>,
    /// The last result, with the state of the graph it belongs to.
    pub result: Option<(Metrics, MetricsKey)>,
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
    /// The metric columns the table shows (the sort column always shows).
    pub columns: Vec<Metric>,
    /// How communities are found (Leiden by default).
    pub communities: CommunitySettings,
    /// The document revision last checked for staleness, so the O(m) key is computed once per
    /// change, not every frame.
    checked_revision: u64,
    /// Set when the person cancels: no automatic recomputation until they ask again.
    held: bool,
    /// The graph's key as of `checked_revision`.
    graph_key: Option<MetricsKey>,
}

impl Default for MetricsState {
    fn default() -> Self {
        Self {
            job: None,
            result: None,
            size_by: None,
            color_by: None,
            sort: (Metric::default(), false),
            message: String::new(),
            serial: 0,
            table_order: Vec::new(),
            table_key: None,
            columns: vec![Metric::Degree, Metric::PageRank],
            communities: CommunitySettings::default(),
            checked_revision: 0,
            held: false,
            graph_key: None,
        }
    }
}

impl MetricsState {
    /// Starts computing every metric on a worker thread (abandoning a previous run). The graph
    /// is shared with the worker, which builds the network it analyses there: O(m) here for the
    /// key, nothing else.
    pub fn start(&mut self, graph: &Arc<KnowledgeGraph>) {
        self.abandon_job();
        let shared = Arc::clone(graph);
        let communities = self.communities;
        let job = Job::start("Computing metrics", move |progress| {
            Metrics::compute_network(Network::new(&shared), &communities, progress)
        });
        self.job = Some(MetricsJob { job, key: MetricsKey::of(graph) });
        self.message.clear();
        self.held = false;
    }

    /// Stops the running computation because the person asked to: the metrics shown stay, and
    /// are not recomputed by themselves until the person asks again.
    pub fn cancel(&mut self) {
        if self.abandon_job() {
            self.message = "Cancelled".to_owned();
            self.held = true;
        }
    }

    /// Stops the running computation, if any; returns whether there was one.
    fn abandon_job(&mut self) -> bool {
        let Some(job) = self.job.take() else { return false };
        job.progress().cancel();
        true
    }

    /// After an edit, recomputes metrics that were computed before, in the background: the old
    /// ones, the size and colour mappings and the legend stay until the new ones arrive. Checks
    /// once per document revision. Returns whether it started a computation.
    pub fn refresh_if_stale(&mut self, graph: &Arc<KnowledgeGraph>, revision: u64) -> bool {
        if revision == self.checked_revision {
            return false;
        }
        self.checked_revision = revision;
        let key = MetricsKey::of(graph);
        self.graph_key = Some(key);
        if self.held {
            return false;
        }
        let computing = self.job.as_ref().map(|j| j.key);
        let computed = self.result.as_ref().map(|(_, k)| *k);
        let up_to_date = computing.map_or(computed == Some(key), |k| k == key);
        if computed.is_none() || up_to_date {
            return false;
        }
        self.start(graph);
        true
    }

    /// Whether the metrics shown were computed for another state of the graph (as of the last
    /// [`Self::refresh_if_stale`], which runs each frame before the panels; O(1)).
    pub fn is_stale(&self) -> bool {
        self.result.as_ref().is_some_and(|(_, key)| Some(*key) != self.graph_key)
    }

    /// Collects a finished computation; returns true if a new result arrived.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        let outcome = job.job.poll();
        let key = job.key;
        match outcome {
            Polled::Running => false,
            Polled::Done(Ok(metrics)) => {
                self.job = None;
                self.result = Some((metrics, key));
                self.serial += 1;
                true
            }
            Polled::Done(Err(Cancelled)) => {
                self.job = None;
                self.message = "Cancelled".to_owned();
                false
            }
            Polled::Lost => {
                self.job = None;
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

    /// The latest metrics, even if the graph changed since (an update is then under way).
    pub fn current(&self) -> Option<&Metrics> {
        self.result.as_ref().map(|(m, _)| m)
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
