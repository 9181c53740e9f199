//! kgx's model in RDF, for knowledge bases and SPARQL endpoints: Turtle and JSON-LD (written and
//! read with the oxrdf/oxttl/oxjsonld crates), round-tripping exactly.
//!
//! Every actor, cooperation and source is a resource under the graph's base IRI
//! (`BASE/actor/ID`, `BASE/cooperation/ID`, `BASE/source/ID`) with its kgx id as `kgx:id`.
//! Actors are `kgx:Actor` and a class for their kind (`kgx:Hospital` …) with `rdfs:label`,
//! `skos:altLabel` for each alias (and `kgx:aliases`, an RDF list, for their order),
//! `kgx:country`, `kgx:notes`, `kgx:x`/`kgx:y`, `kgx:pinned`, and their own look: `kgx:color`
//! (`#rrggbb`), `kgx:size` (radius, `xsd:double`), `kgx:shape` (kgx's name, e.g. `Hexagon`).
//! Cooperations are resources too, so
//! evidence, dates and weights hang off them: `kgx:Cooperation` and a class for the kind,
//! `kgx:from`, `kgx:to`, `kgx:directed`, `rdfs:label`, `kgx:date` (an `xsd:date`, `xsd:gYearMonth`
//! or `xsd:gYear`, or `kgx:start`/`kgx:end` for a range), `kgx:weight`, their own `kgx:color` and
//! `kgx:width`, and `kgx:evidence` nodes
//! with `kgx:source` and `kgx:quote`. Free attributes are `kgx:attribute` nodes with `kgx:key`,
//! `kgx:value` and `kgx:index` (their order). Sources have `dcterms:title`, `dcterms:publisher`,
//! `dcterms:date` and `kgx:url`; the graph itself `dcterms:title` and `dcterms:description`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};

use crate::model::{
    Actor, ActorId, ActorKind, ActorStyle, Attribute, Cooperation, CooperationKind, CooperationStyle, DateSpan,
    Evidence, Kind, KnowledgeGraph, NodeShape, PartialDate, Source, SourceId, check_size, color_hex, parse_color,
};

/// kgx's vocabulary.
pub const KGX: &str = "https://kgx.dev/ns#";
/// The attribute an actor's link to a knowledge-base entity is kept in (also written as
/// `owl:sameAs`).
pub const SAME_AS: &str = "sameAs";
/// The base IRI of a graph's resources when none is given.
pub const DEFAULT_BASE: &str = "https://kgx.dev/graph/";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
const DCTERMS: &str = "http://purl.org/dc/terms/";

/// Serialisations kgx writes and reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfFormat {
    /// Turtle (`.ttl`).
    Turtle,
    /// JSON-LD (`.jsonld`).
    JsonLd,
}

impl RdfFormat {
    /// The format a file name's extension names, as the format registry
    /// ([`crate::io::formats`]) says.
    pub fn from_path(path: &Path) -> Option<Self> {
        crate::io::formats::Format::by_path(path)?.rdf_format()
    }
}

/// Why an RDF document is not a kgx graph.
#[derive(Debug, thiserror::Error)]
pub enum RdfError {
    /// Not Turtle or JSON-LD.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: u64,
        /// Column, from 1.
        column: u64,
        /// What is wrong.
        message: String,
    },
    /// Valid RDF that does not describe a kgx graph as it should.
    #[error("{path}: {subject}: {message}")]
    Shape {
        /// The file.
        path: PathBuf,
        /// The resource at fault.
        subject: String,
        /// What is wrong.
        message: String,
    },
    /// The file could not be read.
    #[error("{path}: cannot read: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

fn kgx(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{KGX}{local}"))
}

fn dcterms(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DCTERMS}{local}"))
}

/// An id made safe for an IRI path segment: unreserved characters stay, the rest is
/// percent-encoded as UTF-8.
/// The IRI of a kgx resource (`actor`, `cooperation`, `source`) under `base`.
pub fn resource_iri(base: &str, kind: &str, id: &str) -> String {
    format!("{base}{kind}/{}", segment(id))
}

fn segment(id: &str) -> String {
    let mut out = String::new();
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The class of an actor kind (`Other` is `OtherActor`, apart from cooperations' `Other`).
fn actor_class(kind: ActorKind) -> NamedNode {
    kgx(if kind == ActorKind::Other { "OtherActor" } else { kind.name() })
}

fn cooperation_class(kind: CooperationKind) -> NamedNode {
    kgx(if kind == CooperationKind::Other { "OtherCooperation" } else { kind.name() })
}

fn date_literal(date: PartialDate) -> Literal {
    let datatype = match (date.month(), date.day()) {
        (Some(_), Some(_)) => xsd::DATE,
        (Some(_), None) => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    };
    Literal::new_typed_literal(date.to_string(), datatype)
}

fn double(value: f64) -> Literal {
    Literal::new_typed_literal(format!("{value:?}"), xsd::DOUBLE)
}

/// The graph as RDF triples under `base` (an IRI ending in `/` or `#`).
pub fn triples(graph: &KnowledgeGraph, base: &str) -> Vec<Triple> {
    let mut out = Vec::new();
    let mut add = |s: NamedOrBlankNode, p: NamedNode, o: Term| out.push(Triple::new(s, p, o));
    let text = |value: &str| Term::from(Literal::new_simple_literal(value));
    let graph_node = NamedOrBlankNode::from(NamedNode::new_unchecked(base.to_owned()));
    add(graph_node.clone(), rdf::TYPE.into_owned(), kgx("Graph").into());
    add(graph_node.clone(), dcterms("title"), text(&graph.metadata.title));
    add(graph_node, dcterms("description"), text(&graph.metadata.description));
    let resource = |kind: &str, id: &str| NamedNode::new_unchecked(format!("{base}{kind}/{}", segment(id)));
    let attributes =
        |add: &mut dyn FnMut(NamedOrBlankNode, NamedNode, Term), subject: &NamedOrBlankNode, list: &[Attribute]| {
            for (index, attribute) in list.iter().enumerate() {
                let node = NamedOrBlankNode::from(BlankNode::default());
                add(subject.clone(), kgx("attribute"), node.clone().into());
                add(node.clone(), kgx("key"), Literal::new_simple_literal(&attribute.key).into());
                add(node.clone(), kgx("value"), Literal::new_simple_literal(&attribute.value).into());
                add(node, kgx("index"), Literal::from(index as i64).into());
            }
        };
    for source in graph.sources() {
        let s = NamedOrBlankNode::from(resource("source", source.id().as_str()));
        add(s.clone(), rdf::TYPE.into_owned(), kgx("Source").into());
        add(s.clone(), kgx("id"), text(source.id().as_str()));
        add(s.clone(), dcterms("title"), text(&source.title));
        if !source.publisher.is_empty() {
            add(s.clone(), dcterms("publisher"), text(&source.publisher));
        }
        if let Some(date) = source.date {
            add(s.clone(), dcterms("date"), date_literal(date).into());
        }
        if !source.url.is_empty() {
            add(s.clone(), kgx("url"), text(&source.url));
        }
    }
    for actor in graph.actors_sorted() {
        let s = NamedOrBlankNode::from(resource("actor", actor.id().as_str()));
        add(s.clone(), rdf::TYPE.into_owned(), kgx("Actor").into());
        add(s.clone(), rdf::TYPE.into_owned(), actor_class(actor.kind).into());
        add(s.clone(), kgx("id"), text(actor.id().as_str()));
        add(s.clone(), NamedNode::new_unchecked(RDFS_LABEL), text(&actor.label));
        for alias in &actor.aliases {
            add(s.clone(), NamedNode::new_unchecked(SKOS_ALT_LABEL), text(alias));
        }
        if !actor.aliases.is_empty() {
            // The aliases' order, as an RDF list.
            let cells: Vec<NamedOrBlankNode> = actor.aliases.iter().map(|_| BlankNode::default().into()).collect();
            add(
                s.clone(),
                kgx("aliases"),
                cells.first().cloned().map_or_else(|| rdf::NIL.into_owned().into(), Term::from),
            );
            for (k, (cell, alias)) in cells.iter().zip(&actor.aliases).enumerate() {
                add(cell.clone(), rdf::FIRST.into_owned(), text(alias));
                let rest = cells.get(k + 1).cloned().map_or_else(|| rdf::NIL.into_owned().into(), Term::from);
                add(cell.clone(), rdf::REST.into_owned(), rest);
            }
        }
        if let Some(country) = &actor.country {
            add(s.clone(), kgx("country"), text(country));
        }
        if !actor.notes.is_empty() {
            add(s.clone(), kgx("notes"), text(&actor.notes));
        }
        if let Some([x, y]) = actor.position {
            add(s.clone(), kgx("x"), double(f64::from(x)).into());
            add(s.clone(), kgx("y"), double(f64::from(y)).into());
        }
        if actor.pinned {
            add(s.clone(), kgx("pinned"), Literal::from(true).into());
        }
        if let Some(color) = actor.style.color {
            add(s.clone(), kgx("color"), text(&color_hex(color)));
        }
        if let Some(size) = actor.style.size {
            add(s.clone(), kgx("size"), double(f64::from(size)).into());
        }
        if let Some(shape) = actor.style.shape {
            add(s.clone(), kgx("shape"), text(shape.name()));
        }
        attributes(&mut add, &s, &actor.attributes);
        // A link to a knowledge-base entity, as linked data says it.
        for link in actor.attributes.iter().filter(|a| a.key == SAME_AS) {
            if let Ok(entity) = NamedNode::new(link.value.clone()) {
                add(s.clone(), NamedNode::new_unchecked("http://www.w3.org/2002/07/owl#sameAs"), entity.into());
            }
        }
    }
    for c in graph.cooperations_sorted() {
        let cooperation = c.cooperation;
        let s = NamedOrBlankNode::from(resource("cooperation", cooperation.id().as_str()));
        add(s.clone(), rdf::TYPE.into_owned(), kgx("Cooperation").into());
        add(s.clone(), rdf::TYPE.into_owned(), cooperation_class(cooperation.kind).into());
        add(s.clone(), kgx("id"), text(cooperation.id().as_str()));
        add(s.clone(), kgx("from"), resource("actor", c.from.as_str()).into());
        add(s.clone(), kgx("to"), resource("actor", c.to.as_str()).into());
        add(s.clone(), kgx("directed"), Literal::from(cooperation.directed).into());
        if !cooperation.label.is_empty() {
            add(s.clone(), NamedNode::new_unchecked(RDFS_LABEL), text(&cooperation.label));
        }
        if let Some(span) = cooperation.date {
            if span.is_range() {
                add(s.clone(), kgx("start"), date_literal(span.start()).into());
                add(s.clone(), kgx("end"), date_literal(span.end()).into());
            } else {
                add(s.clone(), kgx("date"), date_literal(span.start()).into());
            }
        }
        add(s.clone(), kgx("weight"), double(cooperation.weight).into());
        if let Some(color) = cooperation.style.color {
            add(s.clone(), kgx("color"), text(&color_hex(color)));
        }
        if let Some(width) = cooperation.style.width {
            add(s.clone(), kgx("width"), double(f64::from(width)).into());
        }
        for (index, evidence) in cooperation.evidence().iter().enumerate() {
            let node = NamedOrBlankNode::from(BlankNode::default());
            add(s.clone(), kgx("evidence"), node.clone().into());
            add(node.clone(), kgx("source"), resource("source", evidence.source.as_str()).into());
            add(node.clone(), kgx("quote"), text(&evidence.quote));
            add(node, kgx("index"), Literal::from(index as i64).into());
        }
        attributes(&mut add, &s, &cooperation.attributes);
    }
    out
}

/// The prefixes written documents declare.
const PREFIXES: [(&str, &str); 5] = [
    ("kgx", KGX),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", DCTERMS),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The graph as Turtle under `base`.
pub fn to_turtle(graph: &KnowledgeGraph, base: &str) -> String {
    let serializer = PREFIXES
        .iter()
        .try_fold(oxttl::TurtleSerializer::new(), |s, (name, iri)| s.with_prefix(*name, *iri))
        .unwrap_or_default();
    let mut writer = serializer.for_writer(Vec::new());
    for triple in triples(graph, base) {
        // Writing to memory cannot fail.
        let _ = writer.serialize_triple(&triple);
    }
    writer.finish().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}

/// The graph as JSON-LD under `base`.
pub fn to_jsonld(graph: &KnowledgeGraph, base: &str) -> String {
    let serializer = PREFIXES
        .iter()
        .try_fold(oxjsonld::JsonLdSerializer::new(), |s, (name, iri)| s.with_prefix(*name, *iri))
        .unwrap_or_default();
    let mut writer = serializer.for_writer(Vec::new());
    for triple in triples(graph, base) {
        let _ =
            writer.serialize_quad(&Quad::new(triple.subject, triple.predicate, triple.object, GraphName::DefaultGraph));
    }
    writer.finish().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}

/// Reads a Turtle or JSON-LD document (`path` names it in messages) as a kgx graph.
///
/// # Errors
/// A syntax error with its line and column, or a resource that does not describe a kgx actor,
/// cooperation or source as it should.
pub fn from_rdf(bytes: &[u8], path: &Path, format: RdfFormat) -> Result<KnowledgeGraph, RdfError> {
    let syntax = |line: u64, column: u64, message: String| RdfError::Syntax {
        path: path.to_owned(),
        line: line + 1,
        column: column + 1,
        message,
    };
    let mut triples = Vec::new();
    match format {
        RdfFormat::Turtle => {
            for triple in oxttl::TurtleParser::new().for_slice(bytes) {
                let triple = triple.map_err(|e| {
                    let at = e.location().start;
                    syntax(at.line, at.column, e.message().to_owned())
                })?;
                triples.push(triple);
            }
        }
        RdfFormat::JsonLd => {
            for quad in oxjsonld::JsonLdParser::new().for_slice(bytes) {
                let quad = quad.map_err(|e| {
                    let at = e.location().map(|l| l.start);
                    syntax(at.map_or(0, |p| p.line), at.map_or(0, |p| p.column), e.to_string())
                })?;
                triples.push(Triple::new(quad.subject, quad.predicate, quad.object));
            }
        }
    }
    graph_from_triples(triples, path)
}

/// The kgx graph that `triples` describe (`path` names them in messages); triples kgx does not
/// know are ignored.
///
/// # Errors
/// A resource that does not describe a kgx actor, cooperation or source as it should.
pub fn graph_from_triples(triples: Vec<Triple>, path: &Path) -> Result<KnowledgeGraph, RdfError> {
    Reader::new(triples, path).graph()
}

/// Reads a `.ttl` or `.jsonld` file.
///
/// # Errors
/// As [`from_rdf`], or the file cannot be read.
pub fn read_rdf_file(path: &Path) -> Result<KnowledgeGraph, RdfError> {
    let format = RdfFormat::from_path(path)
        .ok_or_else(|| RdfError::Read { path: path.to_owned(), message: "not a .ttl or .jsonld file".to_owned() })?;
    let size =
        std::fs::metadata(path).map_err(|e| RdfError::Read { path: path.to_owned(), message: e.to_string() })?.len();
    if size > crate::io::MAX_FILE_BYTES {
        return Err(RdfError::Read {
            path: path.to_owned(),
            message: format!("{size} bytes is larger than kgx reads"),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| RdfError::Read { path: path.to_owned(), message: e.to_string() })?;
    from_rdf(&bytes, path, format)
}

/// Triples grouped by subject.
struct Reader<'p> {
    by_subject: HashMap<NamedOrBlankNode, Vec<(NamedNode, Term)>>,
    path: &'p Path,
}

impl<'p> Reader<'p> {
    fn new(triples: Vec<Triple>, path: &'p Path) -> Self {
        let mut by_subject: HashMap<NamedOrBlankNode, Vec<(NamedNode, Term)>> = HashMap::new();
        for t in triples {
            by_subject.entry(t.subject).or_default().push((t.predicate, t.object));
        }
        Self { by_subject, path }
    }

    fn shape(&self, subject: &NamedOrBlankNode, message: impl Into<String>) -> RdfError {
        RdfError::Shape { path: self.path.to_owned(), subject: subject.to_string(), message: message.into() }
    }

    fn values<'a>(&'a self, subject: &NamedOrBlankNode, predicate: &'a str) -> impl Iterator<Item = &'a Term> + 'a {
        self.by_subject.get(subject).into_iter().flatten().filter(move |(p, _)| p.as_str() == predicate).map(|(_, o)| o)
    }

    fn text(&self, subject: &NamedOrBlankNode, predicate: &str) -> Option<String> {
        self.values(subject, predicate).find_map(|o| match o {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        })
    }

    fn node(&self, subject: &NamedOrBlankNode, predicate: &str) -> Option<NamedOrBlankNode> {
        self.values(subject, predicate).find_map(|o| match o {
            Term::NamedNode(n) => Some(n.clone().into()),
            Term::BlankNode(b) => Some(b.clone().into()),
            _ => None,
        })
    }

    fn typed(&self, class: &str) -> Vec<NamedOrBlankNode> {
        let mut subjects: Vec<NamedOrBlankNode> = self
            .by_subject
            .iter()
            .filter(|(_, pos)| {
                pos.iter().any(|(p, o)| {
                    p.as_str() == rdf::TYPE.as_str() && matches!(o, Term::NamedNode(n) if n.as_str() == class)
                })
            })
            .map(|(s, _)| s.clone())
            .collect();
        subjects.sort_by_key(|s| s.to_string());
        subjects
    }

    fn id(&self, subject: &NamedOrBlankNode) -> Result<String, RdfError> {
        self.text(subject, &format!("{KGX}id")).ok_or_else(|| self.shape(subject, "has no kgx:id"))
    }

    fn number(&self, subject: &NamedOrBlankNode, predicate: &str) -> Result<Option<f64>, RdfError> {
        match self.text(subject, predicate) {
            None => Ok(None),
            Some(text) => text
                .parse::<f64>()
                .map(Some)
                .map_err(|_| self.shape(subject, format!("<{predicate}> \"{text}\" is not a number"))),
        }
    }

    fn date(&self, subject: &NamedOrBlankNode, predicate: &str) -> Result<Option<PartialDate>, RdfError> {
        match self.text(subject, predicate) {
            None => Ok(None),
            Some(text) => text.parse().map(Some).map_err(|e| self.shape(subject, format!("<{predicate}>: {e}"))),
        }
    }

    /// Nodes linked by `predicate`, in their `kgx:index` order.
    fn indexed(&self, subject: &NamedOrBlankNode, predicate: &str) -> Vec<NamedOrBlankNode> {
        let mut nodes: Vec<(i64, NamedOrBlankNode)> = self
            .values(subject, predicate)
            .filter_map(|o| match o {
                Term::BlankNode(b) => Some(NamedOrBlankNode::from(b.clone())),
                Term::NamedNode(n) => Some(NamedOrBlankNode::from(n.clone())),
                _ => None,
            })
            .map(|n| (self.text(&n, &format!("{KGX}index")).and_then(|i| i.parse().ok()).unwrap_or(i64::MAX), n))
            .collect();
        nodes.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.to_string().cmp(&b.1.to_string())));
        nodes.into_iter().map(|(_, n)| n).collect()
    }

    fn attributes(&self, subject: &NamedOrBlankNode) -> Vec<Attribute> {
        self.indexed(subject, &format!("{KGX}attribute"))
            .iter()
            .map(|n| Attribute {
                key: self.text(n, &format!("{KGX}key")).unwrap_or_default(),
                value: self.text(n, &format!("{KGX}value")).unwrap_or_default(),
            })
            .collect()
    }

    /// The RDF list starting at `head`, bounded in length.
    fn list(&self, head: Option<NamedOrBlankNode>) -> Vec<String> {
        let mut items = Vec::new();
        let mut cell = head;
        while let Some(node) = cell {
            if items.len() > 100_000
                || matches!(&node, NamedOrBlankNode::NamedNode(n) if n.as_str() == rdf::NIL.as_str())
            {
                break;
            }
            if let Some(item) = self.text(&node, rdf::FIRST.as_str()) {
                items.push(item);
            }
            cell = self.node(&node, rdf::REST.as_str());
        }
        items
    }

    /// A colour (`kgx:color`), checked.
    fn color(&self, subject: &NamedOrBlankNode) -> Result<Option<crate::model::Rgb>, RdfError> {
        self.text(subject, &format!("{KGX}color"))
            .map(|text| parse_color(&text).map_err(|e| self.shape(subject, format!("kgx:color: {e}"))))
            .transpose()
    }

    /// A size or width (`kgx:size`, `kgx:width`), checked.
    fn measure(&self, subject: &NamedOrBlankNode, what: &'static str) -> Result<Option<f32>, RdfError> {
        self.number(subject, &format!("{KGX}{what}"))?
            .map(|value| check_size(what, value as f32).map_err(|e| self.shape(subject, format!("kgx:{what}: {e}"))))
            .transpose()
    }

    fn actor_style(&self, subject: &NamedOrBlankNode) -> Result<ActorStyle, RdfError> {
        let shape = self
            .text(subject, &format!("{KGX}shape"))
            .map(|name| {
                NodeShape::from_name(&name).ok_or_else(|| {
                    self.shape(
                        subject,
                        format!("kgx:shape \"{name}\" is not a shape; expected one of {}", NodeShape::expected_names()),
                    )
                })
            })
            .transpose()?;
        Ok(ActorStyle { color: self.color(subject)?, size: self.measure(subject, "size")?, shape })
    }

    fn kind_of<K: Kind>(&self, subject: &NamedOrBlankNode, other: &str) -> Option<K> {
        self.values(subject, rdf::TYPE.as_str()).find_map(|o| {
            let Term::NamedNode(n) = o else { return None };
            let local = n.as_str().strip_prefix(KGX)?;
            if local == other { K::from_name("Other") } else { K::from_name(local) }
        })
    }

    fn graph(&self) -> Result<KnowledgeGraph, RdfError> {
        let mut graph = KnowledgeGraph::new();
        if let Some(g) = self.typed(&format!("{KGX}Graph")).first() {
            graph.metadata.title = self.text(g, &format!("{DCTERMS}title")).unwrap_or_default();
            graph.metadata.description = self.text(g, &format!("{DCTERMS}description")).unwrap_or_default();
        }
        let mut source_ids: HashMap<NamedOrBlankNode, SourceId> = HashMap::new();
        for s in self.typed(&format!("{KGX}Source")) {
            let mut source = Source::new(self.id(&s)?, self.text(&s, &format!("{DCTERMS}title")).unwrap_or_default());
            source.publisher = self.text(&s, &format!("{DCTERMS}publisher")).unwrap_or_default();
            source.date = self.date(&s, &format!("{DCTERMS}date"))?;
            source.url = self.text(&s, &format!("{KGX}url")).unwrap_or_default();
            source_ids.insert(s.clone(), source.id().clone());
            graph.add_source(source).map_err(|e| self.shape(&s, e.to_string()))?;
        }
        let mut actor_ids: HashMap<NamedOrBlankNode, ActorId> = HashMap::new();
        for s in self.typed(&format!("{KGX}Actor")) {
            let kind: ActorKind =
                self.kind_of(&s, "OtherActor").ok_or_else(|| self.shape(&s, "has no kgx actor kind class"))?;
            let mut actor = Actor::new(self.id(&s)?, self.text(&s, RDFS_LABEL).unwrap_or_default(), kind);
            let ordered = self.list(self.node(&s, &format!("{KGX}aliases")));
            actor.aliases = if ordered.is_empty() {
                let mut labels: Vec<String> = self
                    .values(&s, SKOS_ALT_LABEL)
                    .filter_map(|o| if let Term::Literal(l) = o { Some(l.value().to_owned()) } else { None })
                    .collect();
                labels.sort();
                labels
            } else {
                ordered
            };
            actor.country = self.text(&s, &format!("{KGX}country"));
            actor.notes = self.text(&s, &format!("{KGX}notes")).unwrap_or_default();
            if let (Some(x), Some(y)) = (self.number(&s, &format!("{KGX}x"))?, self.number(&s, &format!("{KGX}y"))?) {
                actor.position = Some([x as f32, y as f32]);
            }
            actor.pinned = self.text(&s, &format!("{KGX}pinned")).is_some_and(|p| p == "true" || p == "1");
            actor.attributes = self.attributes(&s);
            actor.style = self.actor_style(&s)?;
            actor_ids.insert(s.clone(), actor.id().clone());
            graph.add_actor(actor).map_err(|e| self.shape(&s, e.to_string()))?;
        }
        for s in self.typed(&format!("{KGX}Cooperation")) {
            let kind: CooperationKind = self
                .kind_of(&s, "OtherCooperation")
                .ok_or_else(|| self.shape(&s, "has no kgx cooperation kind class"))?;
            let end = |predicate: &str| {
                self.node(&s, &format!("{KGX}{predicate}"))
                    .and_then(|n| actor_ids.get(&n).cloned())
                    .ok_or_else(|| self.shape(&s, format!("kgx:{predicate} names no actor of this graph")))
            };
            let (from, to) = (end("from")?, end("to")?);
            let mut evidence = Vec::new();
            for e in self.indexed(&s, &format!("{KGX}evidence")) {
                let source = self
                    .node(&e, &format!("{KGX}source"))
                    .and_then(|n| source_ids.get(&n).cloned())
                    .ok_or_else(|| self.shape(&s, "evidence names no source of this graph"))?;
                evidence.push(Evidence { source, quote: self.text(&e, &format!("{KGX}quote")).unwrap_or_default() });
            }
            let mut cooperation = Cooperation::new(self.id(&s)?, kind).with_evidence(evidence);
            cooperation.directed = self.text(&s, &format!("{KGX}directed")).is_none_or(|d| d == "true" || d == "1");
            cooperation.label = self.text(&s, RDFS_LABEL).unwrap_or_default();
            cooperation.date = match (
                self.date(&s, &format!("{KGX}date"))?,
                self.date(&s, &format!("{KGX}start"))?,
                self.date(&s, &format!("{KGX}end"))?,
            ) {
                (Some(date), _, _) => Some(DateSpan::on(date)),
                (None, Some(start), Some(end)) => {
                    Some(DateSpan::between(start, end).map_err(|e| self.shape(&s, e.to_string()))?)
                }
                (None, Some(start), None) => Some(DateSpan::on(start)),
                _ => None,
            };
            if let Some(weight) = self.number(&s, &format!("{KGX}weight"))? {
                cooperation.weight = weight;
            }
            cooperation.attributes = self.attributes(&s);
            cooperation.style = CooperationStyle { color: self.color(&s)?, width: self.measure(&s, "width")? };
            graph.add_cooperation(&from, &to, cooperation).map_err(|e| self.shape(&s, e.to_string()))?;
        }
        Ok(graph)
    }
}
