//! File → Import into this graph…: the other graph read on a worker thread, then the review of
//! actors that look like the open graph's (merged only when the person ticks them).

use crate::state::job::{Job, Polled};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::analysis::progress::Progress;
use crate::edit::Edit;
use crate::edit::merge::{LookAlike, MergeCounts, look_alikes, merge_edit};
use crate::io::formats::{Format, FormatId, ReadOptions, read_file};
use crate::io::import::{ParallelRule, Repeats, graph_repeats, merge_parallel};
use crate::model::{ActorId, KnowledgeGraph};

/// Reads any graph file kgx reads, in the format the registry finds for its name (a name it does
/// not know is read as a kgx file, whose errors say what is wrong).
///
/// # Errors
/// The problem, naming the file and where in it.
pub fn read_graph(path: &Path) -> Result<(KnowledgeGraph, Vec<String>), String> {
    let format = Format::by_path(path).filter(|f| f.reads).unwrap_or(FormatId::Kgx.format());
    read_file(path, format, ReadOptions::default(), &Progress::new())
        .map(|read| (read.graph, read.notes))
        .map_err(|e| e.to_string())
}

/// A graph file being read on a worker thread.
#[derive(Debug)]
pub struct ReadJob {
    job: Job<Result<(KnowledgeGraph, Vec<String>), String>>,
    /// The file.
    pub path: PathBuf,
    /// What was already chosen for repeated pairs (the CSV dialog asks), if anything.
    pub chosen_rule: Option<ParallelRule>,
}

impl ReadJob {
    /// Starts reading `path`.
    pub fn start(path: PathBuf) -> Self {
        let reading = path.clone();
        Self::spawn(path, move || read_graph(&reading))
    }

    /// Runs `read` on a worker thread (reading `path`, which names it).
    pub fn spawn(
        path: PathBuf,
        read: impl FnOnce() -> Result<(KnowledgeGraph, Vec<String>), String> + Send + 'static,
    ) -> Self {
        let job = Job::start(format!("Reading {}", path.display()), move |_| read());
        Self { job, path, chosen_rule: None }
    }

    /// The same job, with repeated pairs already dealt with by `rule`.
    #[must_use]
    pub fn with_rule(mut self, rule: ParallelRule) -> Self {
        self.chosen_rule = Some(rule);
        self
    }

    /// The graph (and the importer's notes) once read, or the located problem.
    pub fn poll(&self) -> Option<Result<(KnowledgeGraph, Vec<String>), String>> {
        match self.job.poll() {
            Polled::Done(result) => Some(result),
            Polled::Running => None,
            Polled::Lost => Some(Err(format!("{}: reading stopped", self.path.display()))),
        }
    }
}

/// The review of a graph to merge into the open one.
#[derive(Clone, Debug)]
pub struct MergeReview {
    /// The file it came from.
    pub name: String,
    /// The graph read.
    pub incoming: KnowledgeGraph,
    /// Its actors that look like the open graph's, each with the person's choice (merge or not).
    pub look_alikes: Vec<(LookAlike, bool)>,
    /// What the importer said (skipped rows …).
    pub notes: Vec<String>,
    /// How often the incoming graph repeats its pairs.
    pub repeats: Repeats,
    /// What to do with repeated pairs: merging (adding weights) is proposed when there are any.
    pub merge_parallel: ParallelRule,
}

impl MergeReview {
    /// Every look-alike proposed for merging (ticked); the person unticks what differs. A graph
    /// that repeats pairs comes with merging them proposed. O(n + m) for the repeats, besides
    /// finding look-alikes.
    pub fn new(name: String, incoming: KnowledgeGraph, open: &KnowledgeGraph, notes: Vec<String>) -> Self {
        let look_alikes = look_alikes(open, &incoming).into_iter().map(|l| (l, true)).collect();
        let repeats = graph_repeats(&incoming);
        let merge_parallel = if repeats.any() { ParallelRule::Sum } else { ParallelRule::None };
        Self { name, incoming, look_alikes, notes, repeats, merge_parallel }
    }

    /// The edit that merges it (its repeated pairs merged as chosen), and what it brings. O(n + m).
    pub fn edit(&self, open: &KnowledgeGraph) -> (Edit, MergeCounts) {
        let merge: HashMap<ActorId, ActorId> = self
            .look_alikes
            .iter()
            .filter(|(_, on)| *on)
            .map(|(l, _)| (l.incoming.clone(), l.existing.clone()))
            .collect();
        if self.merge_parallel == ParallelRule::None || !self.repeats.any() {
            return merge_edit(open, &self.incoming, &merge);
        }
        let mut incoming = self.incoming.clone();
        merge_parallel(&mut incoming, self.merge_parallel);
        merge_edit(open, &incoming, &merge)
    }
}

/// The import-into window.
#[derive(Debug, Default)]
pub enum MergeState {
    /// Not shown.
    #[default]
    Closed,
    /// Reading the file.
    Reading(ReadJob),
    /// Choosing what to merge.
    Review(Box<MergeReview>),
}
