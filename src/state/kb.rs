//! File → Knowledge base…: open a graph from a SPARQL endpoint's named graph, or publish the
//! open one there; the calls run on a worker thread.

use crate::state::job::{Job, Polled};

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
    Expand(crate::model::ActorId, Job<Result<crate::kb::Neighbourhood, String>>),
    /// Pulling a graph.
    Pull(Job<Result<(KnowledgeGraph, Option<u64>), String>>),
    /// Publishing the graph; the new revision.
    Push(Job<Result<u64, String>>),
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
        let job = Job::start("Reading the knowledge base", move |_| {
            Endpoint::new(&endpoint)
                .and_then(|e| {
                    if query.trim().is_empty() {
                        e.pull(&graph)
                    } else {
                        let triples = e.construct(&query)?;
                        Ok((crate::io::rdf::graph_from_triples(triples, std::path::Path::new(&endpoint))?, None))
                    }
                })
                .map_err(|e| e.to_string())
        });
        KbJob::Pull(job)
    }

    /// Publishes `graph` into `graph_iri`, expecting the remote at `expected`.
    pub fn push(endpoint: String, graph_iri: String, graph: KnowledgeGraph, expected: Option<u64>) -> Self {
        let job = Job::start("Publishing to the knowledge base", move |_| {
            Endpoint::new(&endpoint).and_then(|e| e.push(&graph, &graph_iri, expected)).map_err(|e| e.to_string())
        });
        KbJob::Push(job)
    }

    /// Loads up to `cap` of `actor`'s cooperations that are not among `known` (ids).
    pub fn expand(origin: &KbOrigin, actor: crate::model::ActorId, cap: usize, known: Vec<String>) -> Self {
        let (endpoint, graph, id) = (origin.endpoint.clone(), origin.graph.clone(), actor.as_str().to_owned());
        let job = Job::start("Expanding from the knowledge base", move |_| {
            Endpoint::new(&endpoint).and_then(|e| e.neighbourhood(&graph, &id, cap, &known)).map_err(|e| e.to_string())
        });
        KbJob::Expand(actor, job)
    }

    /// Whether it finished, without waiting.
    pub fn poll(&self) -> KbPoll {
        let gone = || KbPoll::Failed("the call stopped".to_owned());
        match self {
            KbJob::Expand(actor, job) => match job.poll() {
                Polled::Done(Ok(found)) => KbPoll::Expanded(actor.clone(), Box::new(found)),
                Polled::Done(Err(message)) => KbPoll::Failed(message),
                Polled::Running => KbPoll::Running,
                Polled::Lost => gone(),
            },
            KbJob::Pull(job) => match job.poll() {
                Polled::Done(Ok((graph, revision))) => KbPoll::Pulled(Box::new(graph), revision),
                Polled::Done(Err(message)) => KbPoll::Failed(message),
                Polled::Running => KbPoll::Running,
                Polled::Lost => gone(),
            },
            KbJob::Push(job) => match job.poll() {
                Polled::Done(Ok(revision)) => KbPoll::Pushed(revision),
                Polled::Done(Err(message)) => KbPoll::Failed(message),
                Polled::Running => KbPoll::Running,
                Polled::Lost => gone(),
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
    pub job: Option<Job<Result<Vec<crate::kb::Candidate>, String>>>,
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
        let (endpoint, graph, text) =
            (self.endpoint.trim().to_owned(), self.graph.trim().to_owned(), self.search.clone());
        let job = Job::start("Searching the knowledge base", move |_| {
            let graph = Some(graph.as_str()).filter(|g| !g.is_empty());
            Endpoint::new(&endpoint).and_then(|e| e.lookup(&text, graph)).map_err(|e| e.to_string())
        });
        self.error = None;
        self.job = Some(job);
    }

    /// Takes the search's answer if it came; true when it did.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        match job.poll() {
            Polled::Running => false,
            Polled::Done(Ok(candidates)) => {
                (self.candidates, self.searched, self.job) = (candidates, true, None);
                true
            }
            Polled::Done(Err(message)) => {
                (self.error, self.job) = (Some(message), None);
                true
            }
            Polled::Lost => {
                (self.error, self.job) = (Some("the search stopped".to_owned()), None);
                true
            }
        }
    }
}
