//! File → Import into this graph…: the other graph read on a worker thread, then the review of
//! actors that look like the open graph's (merged only when the person ticks them).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::edit::Edit;
use crate::edit::merge::{LookAlike, MergeCounts, look_alikes, merge_edit};
use crate::io::import::{ImportFormat, import_file};
use crate::io::load_file;
use crate::model::{ActorId, KnowledgeGraph};

/// Reads any graph file kgx reads: its own RON, GraphML, GEXF, CSV or node-link JSON.
pub fn read_graph(path: &Path) -> Result<(KnowledgeGraph, Vec<String>), String> {
    if crate::io::rdf::RdfFormat::from_path(path).is_some() {
        return crate::io::rdf::read_rdf_file(path).map(|g| (g, Vec::new())).map_err(|e| e.to_string());
    }
    if ImportFormat::from_path(path).is_some() {
        import_file(path).map(|i| (i.graph, i.notes)).map_err(|e| e.to_string())
    } else {
        load_file(path).map(|g| (g, Vec::new())).map_err(|e| e.to_string())
    }
}

/// A graph file being read on a worker thread.
#[derive(Debug)]
pub struct ReadJob {
    receiver: Receiver<Result<(KnowledgeGraph, Vec<String>), String>>,
    /// The file.
    pub path: PathBuf,
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
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let _ = sender.send(read());
        });
        Self { receiver, path }
    }

    /// The graph (and the importer's notes) once read, or the located problem.
    pub fn poll(&self) -> Option<Result<(KnowledgeGraph, Vec<String>), String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(format!("{}: reading stopped", self.path.display()))),
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
}

impl MergeReview {
    /// Every look-alike proposed for merging (ticked); the person unticks what differs.
    pub fn new(name: String, incoming: KnowledgeGraph, open: &KnowledgeGraph, notes: Vec<String>) -> Self {
        let look_alikes = look_alikes(open, &incoming).into_iter().map(|l| (l, true)).collect();
        Self { name, incoming, look_alikes, notes }
    }

    /// The edit that merges it, and what it brings.
    pub fn edit(&self, open: &KnowledgeGraph) -> (Edit, MergeCounts) {
        let merge: HashMap<ActorId, ActorId> = self
            .look_alikes
            .iter()
            .filter(|(_, on)| *on)
            .map(|(l, _)| (l.incoming.clone(), l.existing.clone()))
            .collect();
        merge_edit(open, &self.incoming, &merge)
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
