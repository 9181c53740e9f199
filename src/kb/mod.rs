//! kgx as a client of SPARQL 1.1 knowledge bases (Virtuoso, GraphDB, Neptune, Oxigraph …):
//! graphs are pulled from and pushed to named graphs over HTTP, in kgx's RDF mapping
//! ([`crate::io::rdf`]). It knows nothing of the window; every call has a time-out, and results
//! are bounded.
//!
//! Queries are never built by pasting text: IRIs are checked by oxrdf and every term is written
//! in N-Triples syntax, which escapes quotes, braces and line breaks.
//!
//! A pushed graph carries `<GRAPH> kgx:revision N`; a push names the revision it was pulled at,
//! and a remote that has moved on since is a conflict, never overwritten silently.

use std::path::Path;
use std::time::Duration;

use oxrdf::{Literal, NamedNode, Triple};

use crate::io::rdf::{KGX, RdfError, graph_from_triples, triples};
use crate::model::KnowledgeGraph;

/// Triples read from one answer at most.
pub const MAX_TRIPLES: usize = 5_000_000;
/// Bytes read from one answer at most.
const MAX_ANSWER_BYTES: u64 = 1 << 30;
/// Triples asked for per page when pulling a graph (below common server caps).
const PAGE: usize = 5_000;
/// Triples per INSERT DATA request.
const INSERT_BATCH: usize = 500;

/// Why a knowledge-base call failed. The open graph is never touched by a failed call.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The endpoint or graph name is not an IRI.
    #[error("`{0}` is not an http(s) IRI")]
    Iri(String),
    /// No answer: refused, unreachable, timed out. The first line says what happened in plain
    /// words; the connection's own message follows on the next line, for the details.
    #[error("{endpoint}: no answer: {what}\n{reason}")]
    Unreachable {
        /// The endpoint.
        endpoint: String,
        /// What happened, in plain words ("nothing is listening at that address …").
        what: &'static str,
        /// What the connection said.
        reason: String,
    },
    /// The endpoint answered with an HTTP error. The first line says so in one sentence; what the
    /// server said (as plain text) follows on the next lines, for those who want the details.
    #[error("{endpoint} answered HTTP {status} ({}): check the endpoint's address and the graph's name\n{body}", status_reason(*status))]
    Status {
        /// The endpoint.
        endpoint: String,
        /// The status code.
        status: u16,
        /// The start of what it said.
        body: String,
    },
    /// The answer is not what was asked for.
    #[error("{endpoint}: the answer is not {expected}: {reason}")]
    Malformed {
        /// The endpoint.
        endpoint: String,
        /// What was expected.
        expected: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// More than [`MAX_TRIPLES`] triples.
    #[error(
        "{endpoint}: the answer has more than {MAX_TRIPLES} triples; ask for less (a named graph or a narrower query)"
    )]
    TooLarge {
        /// The endpoint.
        endpoint: String,
    },
    /// The remote graph changed since it was pulled.
    #[error("<{graph}> changed on the endpoint since it was loaded (revision {}, expected {}); pull it again, or replace it on purpose", revision_text(*.found), revision_text(*.expected))]
    Conflict {
        /// The named graph.
        graph: String,
        /// The revision the push expected.
        expected: Option<u64>,
        /// The revision found.
        found: Option<u64>,
    },
    /// The triples do not describe a kgx graph.
    #[error(transparent)]
    Graph(#[from] RdfError),
}

/// A SPARQL endpoint: its URL, a time-out, and credentials from the environment
/// (`KGX_SPARQL_USER`, `KGX_SPARQL_PASSWORD`), never from saved files.
#[derive(Clone, Debug)]
pub struct Endpoint {
    url: String,
    /// How long one request may take.
    pub timeout: Duration,
    credentials: Option<(String, String)>,
}

/// The reason phrase of an HTTP status, for people.
fn status_reason(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        401 => "not signed in",
        403 => "forbidden",
        404 => "not found",
        405 => "method not allowed",
        406 => "not acceptable",
        408 => "timed out",
        413 => "request too large",
        429 => "too many requests",
        500 => "server error",
        501 => "not implemented",
        502 => "bad gateway",
        503 => "unavailable",
        504 => "gateway timed out",
        status if status < 500 => "refused",
        _ => "server error",
    }
}

/// What a server's answer says, as plain text: an HTML error page without its tags, scripts
/// and styles, whitespace collapsed.
fn plain_text(body: &str) -> String {
    let mut text = String::new();
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else {
            ">"
        };
        match rest.to_ascii_lowercase().find(skip_to) {
            Some(end) => rest = &rest[end + skip_to.len()..],
            None => rest = "",
        }
        text.push(' ');
    }
    text.push_str(rest);
    let text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn iri(text: &str) -> Result<NamedNode, KbError> {
    let node = NamedNode::new(text).map_err(|_| KbError::Iri(text.to_owned()))?;
    if node.as_str().starts_with("http://")
        || node.as_str().starts_with("https://")
        || node.as_str().starts_with("urn:")
    {
        Ok(node)
    } else {
        Err(KbError::Iri(text.to_owned()))
    }
}

/// One triple in N-Triples syntax (terms escaped by oxrdf).
fn statement(t: &Triple) -> String {
    format!("{} {} {} .", t.subject, t.predicate, t.object)
}

impl Endpoint {
    /// The endpoint at `url` with a 30 s time-out.
    ///
    /// # Errors
    /// `url` is not an http(s) IRI.
    pub fn new(url: &str) -> Result<Self, KbError> {
        iri(url)
            .and_then(|n| if n.as_str().starts_with("urn:") { Err(KbError::Iri(url.to_owned())) } else { Ok(n) })?;
        let credentials = std::env::var("KGX_SPARQL_USER")
            .ok()
            .map(|user| (user, std::env::var("KGX_SPARQL_PASSWORD").unwrap_or_default()));
        Ok(Self { url: url.to_owned(), timeout: Duration::from_secs(30), credentials })
    }

    /// The endpoint's URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Sends `text` as the form field `field` (`query` or `update`), accepting `accept`.
    fn post(&self, field: &str, text: &str, accept: &str) -> Result<String, KbError> {
        let agent: ureq::Agent =
            ureq::Agent::config_builder().timeout_global(Some(self.timeout)).http_status_as_error(false).build().into();
        let mut request = agent.post(&self.url).header("Accept", accept);
        if let Some((user, password)) = &self.credentials {
            use std::fmt::Write;
            let mut token = String::new();
            let _ = write!(token, "{user}:{password}");
            request = request.header("Authorization", format!("Basic {}", base64(token.as_bytes())));
        }
        let unreachable = |e: ureq::Error| KbError::Unreachable {
            endpoint: self.url.clone(),
            what: no_answer_in_words(&e),
            reason: e.to_string(),
        };
        let mut response = request.send_form([(field, text)]).map_err(unreachable)?;
        let status = response.status().as_u16();
        let body = response.body_mut().with_config().limit(MAX_ANSWER_BYTES).read_to_string().map_err(unreachable)?;
        if status >= 400 {
            let excerpt: String = plain_text(&body).chars().take(600).collect();
            return Err(KbError::Status { endpoint: self.url.clone(), status, body: excerpt.trim().to_owned() });
        }
        Ok(body)
    }

    /// Runs a CONSTRUCT (or DESCRIBE) query and returns its triples.
    ///
    /// # Errors
    /// No answer, an HTTP error, an answer that is not Turtle, or too many triples.
    pub fn construct(&self, query: &str) -> Result<Vec<Triple>, KbError> {
        let body = self.post("query", query, "text/turtle, application/n-triples;q=0.9")?;
        let mut out = Vec::new();
        for triple in oxttl::TurtleParser::new().for_slice(body.as_bytes()) {
            let triple = triple.map_err(|e| {
                let at = e.location().start;
                KbError::Malformed {
                    endpoint: self.url.clone(),
                    expected: "Turtle",
                    reason: format!("line {}, column {}: {}", at.line + 1, at.column + 1, e.message()),
                }
            })?;
            if out.len() >= MAX_TRIPLES {
                return Err(KbError::TooLarge { endpoint: self.url.clone() });
            }
            out.push(triple);
        }
        Ok(out)
    }

    /// Runs a SELECT query; each row maps variable names to values (IRIs and literals as text).
    ///
    /// # Errors
    /// No answer, an HTTP error, or an answer that is not SPARQL JSON results.
    pub fn select(&self, query: &str) -> Result<Vec<std::collections::HashMap<String, String>>, KbError> {
        let body = self.post("query", query, "application/sparql-results+json")?;
        let malformed =
            |reason: String| KbError::Malformed { endpoint: self.url.clone(), expected: "SPARQL JSON results", reason };
        let value: serde_json::Value = serde_json::from_str(&body).map_err(|e| malformed(e.to_string()))?;
        let bindings = value
            .pointer("/results/bindings")
            .and_then(|b| b.as_array())
            .ok_or_else(|| malformed("no results.bindings".to_owned()))?;
        Ok(bindings
            .iter()
            .take(MAX_TRIPLES)
            .map(|row| {
                row.as_object()
                    .into_iter()
                    .flatten()
                    .filter_map(|(name, term)| Some((name.clone(), term.get("value")?.as_str()?.to_owned())))
                    .collect()
            })
            .collect())
    }

    /// Runs a SPARQL 1.1 Update.
    ///
    /// # Errors
    /// No answer or an HTTP error.
    pub fn update(&self, update: &str) -> Result<(), KbError> {
        self.post("update", update, "*/*").map(|_| ())
    }

    /// The revision kgx last pushed into `graph`, if any.
    ///
    /// # Errors
    /// As [`Endpoint::select`].
    pub fn revision(&self, graph: &str) -> Result<Option<u64>, KbError> {
        let g = iri(graph)?;
        let query = format!("SELECT ?r WHERE {{ GRAPH {g} {{ {g} <{KGX}revision> ?r }} }}");
        Ok(self.select(&query)?.iter().filter_map(|row| row.get("r")?.parse().ok()).max())
    }

    /// Loads the kgx graph kept in named graph `graph`, with its revision.
    ///
    /// # Errors
    /// As [`Endpoint::construct`], or triples that are not a kgx graph.
    pub fn pull(&self, graph: &str) -> Result<(KnowledgeGraph, Option<u64>), KbError> {
        let g = iri(graph)?;
        // Page by page: servers cap an answer's rows (Virtuoso at 10,000 by default) without
        // saying so, and refuse to sort deep pages; so the pages are counted against the size
        // the server reports, and a short or overlapping set is an error, never a quiet loss.
        let count_query = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}");
        let expected: usize = self.select(&count_query)?.iter().find_map(|row| row.get("n")?.parse().ok()).unwrap_or(0);
        if expected > MAX_TRIPLES {
            return Err(KbError::TooLarge { endpoint: self.url.clone() });
        }
        let mut seen: std::collections::HashSet<Triple> = std::collections::HashSet::new();
        let mut found = Vec::new();
        let mut offset = 0;
        while offset < expected {
            let query =
                format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} LIMIT {PAGE} OFFSET {offset}");
            let page = self.construct(&query)?;
            if page.is_empty() {
                break;
            }
            offset += PAGE;
            for triple in page {
                if seen.insert(triple.clone()) {
                    found.push(triple);
                }
            }
        }
        if found.len() != expected {
            return Err(KbError::Malformed {
                endpoint: self.url.clone(),
                expected: "the whole named graph",
                reason: format!("{} of its {expected} triples came back; ask again", found.len()),
            });
        }
        let revision = found
            .iter()
            .filter(|t| t.subject.to_string() == g.to_string() && t.predicate.as_str() == format!("{KGX}revision"))
            .filter_map(|t| if let oxrdf::Term::Literal(l) = &t.object { l.value().parse().ok() } else { None })
            .max();
        let kgx_graph = graph_from_triples(found, Path::new(&self.url))?;
        Ok((kgx_graph, revision))
    }

    /// Writes `graph` into named graph `graph_iri`, replacing what was there, if the remote is
    /// still at revision `expected` (`None`: the named graph holds no kgx graph yet). Returns the
    /// new revision.
    ///
    /// # Errors
    /// A conflict (the remote moved on), or the calls failing. A failure midway leaves the
    /// named graph partly written; pushing again completes it.
    pub fn push(&self, graph: &KnowledgeGraph, graph_iri: &str, expected: Option<u64>) -> Result<u64, KbError> {
        let g = iri(graph_iri)?;
        let found = self.revision(graph_iri)?;
        if found != expected {
            return Err(KbError::Conflict { graph: graph_iri.to_owned(), expected, found });
        }
        let base = if graph_iri.ends_with('/') || graph_iri.ends_with('#') {
            graph_iri.to_owned()
        } else {
            format!("{graph_iri}/")
        };
        // Blank nodes (attributes, evidence, alias lists) become skolem IRIs: some stores
        // refuse blank nodes in INSERT DATA, and the reader takes either.
        let skolem = |b: &oxrdf::BlankNode| NamedNode::new_unchecked(format!("{base}.well-known/genid/{}", b.as_str()));
        let all: Vec<Triple> = triples(graph, &base)
            .into_iter()
            .map(|t| {
                let subject: oxrdf::NamedOrBlankNode = match &t.subject {
                    oxrdf::NamedOrBlankNode::BlankNode(b) => skolem(b).into(),
                    other => other.clone(),
                };
                let object: oxrdf::Term = match &t.object {
                    oxrdf::Term::BlankNode(b) => skolem(b).into(),
                    other => other.clone(),
                };
                Triple::new(subject, t.predicate, object)
            })
            .collect();
        self.update(&format!("DROP SILENT GRAPH {g}"))?;
        for batch in all.chunks(INSERT_BATCH) {
            let body: Vec<String> = batch.iter().map(statement).collect();
            self.update(&format!("INSERT DATA {{ GRAPH {g} {{\n{}\n}} }}", body.join("\n")))?;
        }
        let next = found.map_or(1, |r| r + 1);
        let revision =
            Triple::new(g.clone(), NamedNode::new_unchecked(format!("{KGX}revision")), Literal::from(next as i64));
        self.update(&format!("INSERT DATA {{ GRAPH {g} {{ {} }} }}", statement(&revision)))?;
        Ok(next)
    }
}

/// An actor's neighbourhood loaded from a named graph: the cooperations asked for, the actors
/// at their other ends and the sources their evidence cites.
#[derive(Clone, Debug)]
pub struct Neighbourhood {
    /// The fragment, as a kgx graph.
    pub graph: KnowledgeGraph,
    /// How many cooperations the actor has in the named graph in all.
    pub total: usize,
}

impl Endpoint {
    /// Loads up to `cap` of actor `actor`'s cooperations in named graph `graph` that are not in
    /// `known` (cooperation ids the document has), in a fixed order, with the actors at their other
    /// ends and the sources their evidence cites: a hub with thousands of cooperations comes a
    /// page at a time.
    ///
    /// # Errors
    /// As [`Endpoint::construct`], or triples that are not a kgx graph.
    pub fn neighbourhood(
        &self,
        graph: &str,
        actor: &str,
        cap: usize,
        known: &[String],
    ) -> Result<Neighbourhood, KbError> {
        let g = iri(graph)?;
        let base = if graph.ends_with('/') || graph.ends_with('#') { graph.to_owned() } else { format!("{graph}/") };
        let a = iri(&crate::io::rdf::resource_iri(&base, "actor", actor))?;
        let touching = format!("{{ ?c <{KGX}from> {a} }} UNION {{ ?c <{KGX}to> {a} }}");
        let count = format!("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH {g} {{ {touching} }} }}");
        let total: usize = self.select(&count)?.iter().find_map(|row| row.get("n")?.parse().ok()).unwrap_or(0);
        let page = format!(
            "SELECT DISTINCT ?c WHERE {{ GRAPH {g} {{ {touching} }} }} ORDER BY ?c LIMIT {}",
            cap.saturating_add(known.len()).min(PAGE)
        );
        let known: std::collections::HashSet<String> =
            known.iter().map(|id| crate::io::rdf::resource_iri(&base, "cooperation", id)).collect();
        let cooperations: Vec<String> = self
            .select(&page)?
            .iter()
            .filter_map(|r| r.get("c").cloned())
            .filter(|c| !known.contains(c))
            .take(cap)
            .collect();
        let mut wanted: Vec<String> = cooperations.clone();
        wanted.push(a.as_str().to_owned());
        // Then what those resources point at (evidence, attributes, alias lists, sources), until
        // nothing new turns up.
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut triples: Vec<Triple> = Vec::new();
        for _ in 0..64 {
            let fresh: Vec<NamedNode> =
                wanted.drain(..).filter(|w| seen.insert(w.clone())).filter_map(|w| NamedNode::new(w).ok()).collect();
            if fresh.is_empty() {
                break;
            }
            for chunk in fresh.chunks(200) {
                let values: Vec<String> = chunk.iter().map(ToString::to_string).collect();
                let query = format!(
                    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ VALUES ?s {{ {} }} ?s ?p ?o }} }}",
                    values.join(" ")
                );
                for t in self.construct(&query)? {
                    if let oxrdf::Term::NamedNode(o) = &t.object {
                        // Evidence, attributes, alias lists, sources; and the actors at the ends of
                        // the cooperations asked for.
                        let nested = o.as_str().starts_with(&format!("{base}.well-known/"))
                            || o.as_str().starts_with(&format!("{base}source/"));
                        let end =
                            t.predicate.as_str() == format!("{KGX}from") || t.predicate.as_str() == format!("{KGX}to");
                        let asked =
                            cooperations.iter().any(|c| t.subject.to_string().trim_matches(['<', '>']) == c.as_str());
                        if nested && !end || end && asked {
                            wanted.push(o.as_str().to_owned());
                        }
                    }
                    triples.push(t);
                }
            }
            if triples.len() > MAX_TRIPLES {
                return Err(KbError::TooLarge { endpoint: self.url.clone() });
            }
        }
        // Only the cooperations asked for: the actors' other cooperations stay on the endpoint.
        let keep: std::collections::HashSet<&str> = cooperations.iter().map(String::as_str).collect();
        let cooperation_type = format!("{KGX}Cooperation");
        let dropped: std::collections::HashSet<String> = triples
            .iter()
            .filter(|t| {
                t.predicate.as_str() == oxrdf::vocab::rdf::TYPE.as_str()
                    && matches!(&t.object, oxrdf::Term::NamedNode(n) if n.as_str() == cooperation_type)
            })
            .map(|t| t.subject.to_string())
            .filter(|s| !keep.contains(s.trim_start_matches('<').trim_end_matches('>')))
            .collect();
        triples.retain(|t| !dropped.contains(&t.subject.to_string()));
        let graph = graph_from_triples(triples, Path::new(&self.url))?;
        Ok(Neighbourhood { graph, total })
    }
}

/// An entity of a knowledge base that may be an actor (Wikidata's shape).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Its IRI.
    pub iri: String,
    /// Its label (`rdfs:label` or `schema:name`).
    pub label: String,
    /// Its description, if any.
    pub description: Option<String>,
    /// Its country's label (`wdt:P17`), if any.
    pub country: Option<String>,
    /// Its parent organisation's label (`wdt:P749`), if any.
    pub parent: Option<String>,
}

impl Endpoint {
    /// Entities whose label contains `text` (ignoring case), in named graph `graph` or the
    /// endpoint's default graph: exact labels first, at most 20. `text` goes into the query as
    /// an escaped literal.
    ///
    /// # Errors
    /// As [`Endpoint::select`].
    pub fn lookup(&self, text: &str, graph: Option<&str>) -> Result<Vec<Candidate>, KbError> {
        let needle = Literal::new_simple_literal(text.trim());
        let pattern = format!(
            "?item <http://www.w3.org/2000/01/rdf-schema#label>|<http://schema.org/name> ?label . \
             FILTER(CONTAINS(LCASE(STR(?label)), LCASE({needle}))) \
             OPTIONAL {{ ?item <http://schema.org/description> ?description }} \
             OPTIONAL {{ ?item <http://www.wikidata.org/prop/direct/P17> ?country . \
                         OPTIONAL {{ ?country <http://www.w3.org/2000/01/rdf-schema#label> ?countryLabel }} }} \
             OPTIONAL {{ ?item <http://www.wikidata.org/prop/direct/P749> ?parent . \
                         OPTIONAL {{ ?parent <http://www.w3.org/2000/01/rdf-schema#label>|<http://schema.org/name> ?parentLabel }} }}"
        );
        let scoped = match graph {
            Some(g) => format!("GRAPH {} {{ {pattern} }}", iri(g)?),
            None => pattern,
        };
        let query =
            format!("SELECT ?item ?label ?description ?countryLabel ?parentLabel WHERE {{ {scoped} }} LIMIT 100");
        let mut found: Vec<Candidate> = Vec::new();
        for row in self.select(&query)? {
            let (Some(item), Some(label)) = (row.get("item"), row.get("label")) else { continue };
            if found.iter().any(|c| &c.iri == item) {
                continue;
            }
            found.push(Candidate {
                iri: item.clone(),
                label: label.clone(),
                description: row.get("description").cloned(),
                country: row.get("countryLabel").cloned(),
                parent: row.get("parentLabel").cloned(),
            });
        }
        let wanted = text.trim().to_lowercase();
        found.sort_by_key(|c| (c.label.to_lowercase() != wanted, c.label.len(), c.iri.clone()));
        found.truncate(20);
        Ok(found)
    }

    /// Adds `triples` to named graph `graph` (SPARQL Update, in batches).
    ///
    /// # Errors
    /// As [`Endpoint::update`].
    pub fn insert(&self, graph: &str, triples: &[Triple]) -> Result<(), KbError> {
        let g = iri(graph)?;
        for batch in triples.chunks(INSERT_BATCH) {
            let body: Vec<String> = batch.iter().map(statement).collect();
            self.update(&format!("INSERT DATA {{ GRAPH {g} {{\n{}\n}} }}", body.join("\n")))?;
        }
        Ok(())
    }
}

/// `actor` linked to `entity`: its IRI kept as `sameAs`, its country filled in if the actor had
/// none, its parent organisation kept as an attribute.
pub fn linked(actor: &crate::model::Actor, entity: &Candidate) -> crate::model::Actor {
    let mut linked = actor.clone();
    linked.set_attribute(crate::io::rdf::SAME_AS, entity.iri.clone());
    if linked.country.is_none() {
        linked.country = entity.country.clone();
    }
    if let Some(parent) = &entity.parent {
        linked.set_attribute("parent organization", parent.clone());
    }
    linked
}

fn revision_text(revision: Option<u64>) -> String {
    revision.map_or_else(|| "none".to_owned(), |r| r.to_string())
}

/// Standard base64 (for HTTP Basic credentials).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET.get(((n >> (18 - 6 * k)) & 63) as usize).copied().unwrap_or(b'=')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Why a request got no answer, in words for someone who is not reading socket errors.
fn no_answer_in_words(error: &ureq::Error) -> &'static str {
    use std::io::ErrorKind;
    const NOT_IN_TIME: &str = "it did not answer in time; the server may be busy, or the query too large";
    match error {
        ureq::Error::Timeout(_) => NOT_IN_TIME,
        ureq::Error::HostNotFound => "the host name is unknown; check the address",
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => {
                "nothing is listening at that address; is the server running, on that port?"
            }
            ErrorKind::TimedOut => NOT_IN_TIME,
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::UnexpectedEof => {
                "the server closed the connection before answering"
            }
            _ => "the connection failed",
        },
        ureq::Error::ConnectionFailed => "the connection failed; check the address and your network",
        ureq::Error::BodyExceedsLimit(_) => "the answer is larger than kgx reads at once; ask for less",
        ureq::Error::Tls(_) | ureq::Error::TlsRequired => "the secure connection (TLS) could not be made",
        _ => "the request failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_credentials() {
        assert_eq!(base64(b"dba:dba"), "ZGJhOmRiYQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    #[test]
    fn only_iris_name_endpoints_and_graphs() {
        assert!(Endpoint::new("http://127.0.0.1:8890/sparql").is_ok());
        assert!(matches!(Endpoint::new("not a url"), Err(KbError::Iri(_))));
        assert!(
            matches!(iri("http://x/g> } DROP ALL { <y"), Err(KbError::Iri(_))),
            "no injection through a graph name"
        );
    }

    #[test]
    fn terms_are_escaped_in_updates() {
        let t = Triple::new(
            NamedNode::new_unchecked("http://x/a"),
            NamedNode::new_unchecked("http://x/p"),
            Literal::new_simple_literal("Quote \" and } brace\nnew line"),
        );
        assert_eq!(statement(&t), "<http://x/a> <http://x/p> \"Quote \\\" and } brace\\nnew line\" .");
    }
}
