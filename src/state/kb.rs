//! File → Knowledge base…: open a graph from a SPARQL endpoint's named graph, or publish the
//! open one there; the calls run on a worker thread.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::kb::Endpoint;
use crate::model::KnowledgeGraph;

/// Where a document lives in a knowledge base, and the revision it was loaded or published at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbOrigin {
    /// The SPARQL endpoint.
    pub endpoint: String,
    /// The named graph.
    pub graph: String,
    /// The revision the document matches.
    pub revision: Option<u64>,
}

/// A call running on a worker thread.
#[derive(Debug)]
pub enum KbJob {
    /// Loading an actor's neighbourhood: the actor, and the fragment with the actor's total.
    Expand(crate::model::ActorId, Receiver<Result<crate::kb::Neighbourhood, String>>),
    /// Pulling a graph.
    Pull(Receiver<Result<(KnowledgeGraph, Option<u64>), String>>),
    /// Publishing the graph; the new revision.
    Push(Receiver<Result<u64, String>>),
}

/// What a job says this frame.
#[derive(Debug)]
pub enum KbPoll {
    /// Still waiting.
    Running,
    /// The graph pulled, at its revision.
    Pulled(Box<KnowledgeGraph>, Option<u64>),
    /// Published at this revision.
    Pushed(u64),
    /// An actor's neighbourhood.
    Expanded(crate::model::ActorId, Box<crate::kb::Neighbourhood>),
    /// What went wrong.
    Failed(String),
}

impl KbJob {
    /// Pulls named graph `graph` from `endpoint`, or, when `query` is not empty, the graph its
    /// CONSTRUCT triples describe (no revision: it is not a named graph kgx wrote).
    pub fn pull(endpoint: String, graph: String, query: String) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let result = Endpoint::new(&endpoint)
                .and_then(|e| {
                    if query.trim().is_empty() {
                        e.pull(&graph)
                    } else {
                        let triples = e.construct(&query)?;
                        Ok((crate::io::rdf::graph_from_triples(triples, std::path::Path::new(&endpoint))?, None))
                    }
                })
                .map_err(|e| e.to_string());
            let _ = sender.send(result);
        });
        KbJob::Pull(receiver)
    }

    /// Publishes `graph` into `graph_iri`, expecting the remote at `expected`.
    pub fn push(endpoint: String, graph_iri: String, graph: KnowledgeGraph, expected: Option<u64>) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let result =
                Endpoint::new(&endpoint).and_then(|e| e.push(&graph, &graph_iri, expected)).map_err(|e| e.to_string());
            let _ = sender.send(result);
        });
        KbJob::Push(receiver)
    }

    /// Loads up to `cap` of `actor`'s cooperations that are not among `known` (ids).
    pub fn expand(origin: &KbOrigin, actor: crate::model::ActorId, cap: usize, known: Vec<String>) -> Self {
        let (sender, receiver) = channel();
        let (endpoint, graph, id) = (origin.endpoint.clone(), origin.graph.clone(), actor.as_str().to_owned());
        std::thread::spawn(move || {
            let result = Endpoint::new(&endpoint)
                .and_then(|e| e.neighbourhood(&graph, &id, cap, &known))
                .map_err(|e| e.to_string());
            let _ = sender.send(result);
        });
        KbJob::Expand(actor, receiver)
    }

    /// Whether it finished, without waiting.
    pub fn poll(&self) -> KbPoll {
        let gone = || KbPoll::Failed("the call stopped".to_owned());
        match self {
            KbJob::Expand(actor, receiver) => match receiver.try_recv() {
                Ok(Ok(found)) => KbPoll::Expanded(actor.clone(), Box::new(found)),
                Ok(Err(message)) => KbPoll::Failed(message),
                Err(TryRecvError::Empty) => KbPoll::Running,
                Err(TryRecvError::Disconnected) => gone(),
            },
            KbJob::Pull(receiver) => match receiver.try_recv() {
                Ok(Ok((graph, revision))) => KbPoll::Pulled(Box::new(graph), revision),
                Ok(Err(message)) => KbPoll::Failed(message),
                Err(TryRecvError::Empty) => KbPoll::Running,
                Err(TryRecvError::Disconnected) => gone(),
            },
            KbJob::Push(receiver) => match receiver.try_recv() {
                Ok(Ok(revision)) => KbPoll::Pushed(revision),
                Ok(Err(message)) => KbPoll::Failed(message),
                Err(TryRecvError::Empty) => KbPoll::Running,
                Err(TryRecvError::Disconnected) => gone(),
            },
        }
    }
}

/// The knowledge-base window.
#[derive(Debug, Default)]
pub struct KbForm {
    /// The endpoint's URL.
    pub endpoint: String,
    /// The named graph's IRI.
    pub graph: String,
    /// A CONSTRUCT query to open instead of the whole named graph (empty: the named graph).
    pub query: String,
    /// The running call.
    pub job: Option<KbJob>,
    /// The last problem.
    pub error: Option<String>,
}

/// The "Link to a knowledge base" window for one actor.
#[derive(Debug)]
pub struct LinkForm {
    /// The actor to link.
    pub actor: crate::model::ActorId,
    /// The endpoint to search.
    pub endpoint: String,
    /// A named graph to search in (empty: the endpoint's default graph).
    pub graph: String,
    /// The text to look for.
    pub search: String,
    /// The search running on a worker thread.
    pub job: Option<Receiver<Result<Vec<crate::kb::Candidate>, String>>>,
    /// What the last search found.
    pub candidates: Vec<crate::kb::Candidate>,
    /// Whether a search has come back.
    pub searched: bool,
    /// The last problem.
    pub error: Option<String>,
}

impl LinkForm {
    /// Searches on a worker thread.
    pub fn search(&mut self) {
        let (sender, receiver) = channel();
        let (endpoint, graph, text) =
            (self.endpoint.trim().to_owned(), self.graph.trim().to_owned(), self.search.clone());
        std::thread::spawn(move || {
            let graph = Some(graph.as_str()).filter(|g| !g.is_empty());
            let result = Endpoint::new(&endpoint).and_then(|e| e.lookup(&text, graph)).map_err(|e| e.to_string());
            let _ = sender.send(result);
        });
        self.error = None;
        self.job = Some(receiver);
    }

    /// Takes the search's answer if it came; true when it did.
    pub fn poll(&mut self) -> bool {
        let Some(receiver) = &self.job else { return false };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => false,
            Ok(Ok(candidates)) => {
                (self.candidates, self.searched, self.job) = (candidates, true, None);
                true
            }
            Ok(Err(message)) => {
                (self.error, self.job) = (Some(message), None);
                true
            }
            Err(TryRecvError::Disconnected) => {
                (self.error, self.job) = (Some("the search stopped".to_owned()), None);
                true
            }
        }
    }
}
