//! Reading graph files: size and encoding checks, the version header, the RON parse, then a
//! validation pass that reports every problem with its line and column.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path as FilePath;

use ron::extensions::Extensions;

use super::document::{
    ActorDto, CooperationDto, DocumentDto, FORMAT_NAME, HeaderDto, KindName, SUPPORTED_VERSIONS, SourceDto,
};
use super::error::{LoadError, Problem};
use super::locate::{Path, Position, locate};
use crate::analysis::similarity::closest;
use crate::model::{
    Actor, ActorId, ActorKind, Attribute, Cooperation, CooperationId, CooperationKind, DateSpan, Evidence, Kind,
    KnowledgeGraph, MAX_COORDINATE, Metadata, ModelError, PartialDate, Source, SourceId,
};

/// Largest file kgx opens: 128 MiB, room for a few hundred thousand actors and cooperations.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// Deepest nesting the parser accepts; documents need 5 levels, hostile files get an error
/// instead of a stack overflow.
const RECURSION_LIMIT: usize = 64;

/// Reads and validates a graph file.
///
/// # Errors
/// A [`LoadError`] naming the file and, where it applies, the line and column of every problem.
pub fn load_file(path: &FilePath) -> Result<KnowledgeGraph, LoadError> {
    let read_error = |source| LoadError::Read { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size, limit: MAX_FILE_BYTES });
    }
    // Read at most one byte past the limit: files that grow while read, or report no size, are
    // still bounded.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    let document = parse_document(utf8(&bytes, path)?, path)?;
    // The text is no longer needed unless there are problems to locate: free it before the graph
    // is built, so a large file is not held in memory twice.
    drop(bytes);
    build_graph(document).map_err(|found| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        LoadError::Invalid { path: path.to_owned(), problems: place(&text, found) }
    })
}

/// The bytes as text, or the position of the first byte that is not UTF-8.
fn utf8<'a>(bytes: &'a [u8], path: &FilePath) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The valid prefix is UTF-8 by definition.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let byte = bytes.get(error.valid_up_to()).copied().unwrap_or(0);
        LoadError::NotUtf8 { path: path.to_owned(), position: Position::of_offset(prefix, prefix.len()), byte }
    })
}

/// Validates and builds a graph from the bytes of a file; `path` is only used in messages.
///
/// # Errors
/// As [`load_file`], except for reading errors.
pub fn load_bytes(bytes: &[u8], path: &FilePath) -> Result<KnowledgeGraph, LoadError> {
    load_str(utf8(bytes, path)?, path)
}

/// Validates and builds a graph from RON text; `path` is only used in messages.
///
/// # Errors
/// As [`load_file`], except for reading and encoding errors.
pub fn load_str(text: &str, path: &FilePath) -> Result<KnowledgeGraph, LoadError> {
    let document = parse_document(text, path)?;
    build_graph(document).map_err(|found| LoadError::Invalid { path: path.to_owned(), problems: place(text, found) })
}

/// Checks the header and parses the text into the document, reporting syntax, format and
/// version errors with their positions.
fn parse_document(text: &str, path: &FilePath) -> Result<DocumentDto, LoadError> {
    if is_blank(text) {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    let options =
        ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME).with_recursion_limit(RECURSION_LIMIT);
    let syntax = |error: ron::error::SpannedError| LoadError::Syntax {
        path: path.to_owned(),
        position: Position { line: error.span.start.line, column: error.span.start.col },
        message: describe_ron_error(&error.code),
    };

    let header: HeaderDto = options.from_str(text).map_err(syntax)?;
    let header_position = |field: &str| {
        let wanted = Path::root().field(field);
        locate(text, &HashSet::from([wanted.clone()])).get(&wanted).copied().unwrap_or(Position { line: 1, column: 1 })
    };
    if header.format != FORMAT_NAME {
        return Err(LoadError::WrongFormat {
            path: path.to_owned(),
            position: header_position("format"),
            found: header.format,
        });
    }
    if !SUPPORTED_VERSIONS.contains(&header.version) {
        return Err(LoadError::UnsupportedVersion {
            path: path.to_owned(),
            position: header_position("version"),
            found: header.version,
            supported: SUPPORTED_VERSIONS,
        });
    }

    options.from_str(text).map_err(syntax)
}

/// Whether the text holds nothing but whitespace and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with("//")
    })
}

/// Rewords ron's messages so they speak of the document, not of our Rust types.
fn describe_ron_error(code: &ron::Error) -> String {
    let message = code.to_string();
    [
        ("`DocumentDto`", "the document"),
        ("`HeaderDto`", "the document"),
        ("`MetadataDto`", "metadata"),
        ("`SourceDto`", "a source"),
        ("`ActorDto`", "an actor"),
        ("`CooperationDto`", "a cooperation"),
        ("`EvidenceDto`", "an evidence entry"),
    ]
    .iter()
    .fold(message, |m, (from, to)| m.replace(from, to))
}

/// A problem found while building, before it is located in the text.
struct Found {
    path: Path,
    message: String,
    /// Another place the message refers to, e.g. the first declaration of a duplicate id.
    related: Option<Path>,
}

/// Turns paths into line:column positions (falling back to the nearest enclosing value) and sorts
/// problems into file order.
fn place(text: &str, found: Vec<Found>) -> Vec<Problem> {
    let mut wanted = HashSet::new();
    for f in &found {
        for path in f.related.iter().chain(std::iter::once(&f.path)) {
            let mut p = path.clone();
            while p != Path::root() {
                wanted.insert(p.clone());
                p = p.parent();
            }
        }
    }
    let positions = locate(text, &wanted);
    let position_of = |path: &Path| {
        let mut p = path.clone();
        loop {
            if let Some(position) = positions.get(&p) {
                return Some(*position);
            }
            if p == Path::root() {
                return None;
            }
            p = p.parent();
        }
    };
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|f| {
            let mut message = f.message;
            if let Some(at) = f.related.as_ref().and_then(position_of) {
                message.push_str(&format!(" (first declared at line {}, column {})", at.line, at.column));
            }
            Problem { position: position_of(&f.path), message }
        })
        .collect();
    problems.sort_by_key(|p| p.position);
    problems
}

/// Checks a parsed document and builds the graph, or returns every problem found. The document
/// is consumed: strings move into the graph instead of being copied, so a large file is not held
/// twice.
fn build_graph(document: DocumentDto) -> Result<KnowledgeGraph, Vec<Found>> {
    let mut checker = Checker { found: Vec::new(), graph: KnowledgeGraph::new() };
    let root = Path::root();
    checker.graph.metadata = Metadata { title: document.metadata.title, description: document.metadata.description };
    checker.sources(document.sources, &root.field("sources"));
    checker.actors(document.actors, &root.field("actors"));
    checker.cooperations(document.cooperations, &root.field("cooperations"));
    if checker.found.is_empty() { Ok(checker.graph) } else { Err(checker.found) }
}

/// Validates elements and adds the valid ones to the graph, collecting every problem.
struct Checker {
    found: Vec<Found>,
    graph: KnowledgeGraph,
}

impl Checker {
    fn report(&mut self, path: Path, message: String) {
        self.found.push(Found { path, message, related: None });
    }

    fn duplicate(&mut self, what: &str, id: &str, path: Path, first: Path) {
        self.found.push(Found { path, message: format!("duplicate {what} id \"{id}\""), related: Some(first) });
    }

    /// Reports an empty id; returns whether the id is usable.
    fn non_empty(&mut self, what: &str, id: &str, path: &Path) -> bool {
        if id.is_empty() {
            self.report(path.clone(), format!("{what} id is empty"));
        }
        !id.is_empty()
    }

    fn kind<K: Kind>(&mut self, name: &KindName, path: Path) -> Option<K> {
        let kind = name.resolve::<K>();
        if kind.is_none() {
            let names: Vec<&str> = K::ALL.iter().map(|k| k.name()).collect();
            let hint = match closest(&name.0, names) {
                Some(suggestion) => format!("did you mean `{suggestion}`? "),
                None => String::new(),
            };
            self.report(
                path,
                format!("unknown {} `{}`; {hint}expected one of {}", K::WHAT, name.0, K::expected_names()),
            );
        }
        kind
    }

    fn parsed<T: std::str::FromStr>(&mut self, text: &str, path: Path) -> Option<T>
    where
        T::Err: std::fmt::Display,
    {
        text.parse().map_err(|e: T::Err| self.report(path, e.to_string())).ok()
    }

    fn unexpected(&mut self, path: Path, error: ModelError) {
        self.report(path, error.to_string());
    }

    fn sources(&mut self, sources: Vec<SourceDto>, path: &Path) {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, dto) in sources.into_iter().enumerate() {
            let at = path.index(i);
            let date = dto.date.as_deref().and_then(|d| self.parsed::<PartialDate>(d, at.field("date")));
            if !self.non_empty("source", &dto.id, &at.field("id")) {
                continue;
            }
            if let Some(&j) = first.get(&dto.id) {
                self.duplicate("source", &dto.id, at.field("id"), path.index(j).field("id"));
                continue;
            }
            first.insert(dto.id.clone(), i);
            let mut source = Source::new(dto.id, dto.title);
            source.publisher = dto.publisher;
            source.url = dto.url;
            source.date = date;
            if let Err(error) = self.graph.add_source(source) {
                self.unexpected(at, error);
            }
        }
    }

    fn actors(&mut self, actors: Vec<ActorDto>, path: &Path) {
        // Position in the file of each actor added, by storage index, to point at the first of
        // two duplicates.
        let mut file_index: Vec<usize> = Vec::with_capacity(actors.len());
        for (i, dto) in actors.into_iter().enumerate() {
            let at = path.index(i);
            let kind = self.kind::<ActorKind>(&dto.kind, at.field("kind"));
            let mut keys = HashSet::new();
            for (j, (key, _)) in dto.attributes.0.iter().enumerate() {
                if !keys.insert(key.as_str()) {
                    self.report(at.field("attributes").index(j), format!("attribute \"{key}\" is given twice"));
                }
            }
            if let Some((x, y)) = dto.position {
                if !(x.is_finite() && y.is_finite()) {
                    self.report(at.field("position"), format!("position ({x}, {y}) is not a finite point"));
                } else if x.abs() > MAX_COORDINATE || y.abs() > MAX_COORDINATE {
                    self.report(
                        at.field("position"),
                        format!("position ({x}, {y}) is out of range: coordinates must lie within ±{MAX_COORDINATE:e}"),
                    );
                }
            }
            if !self.non_empty("actor", &dto.id, &at.field("id")) {
                continue;
            }
            let id = ActorId::new(dto.id);
            if let Some(existing) = self.graph.node_index(&id) {
                let first = file_index.get(existing.index()).copied().unwrap_or(0);
                self.duplicate("actor", id.as_str(), at.field("id"), path.index(first).field("id"));
                continue;
            }
            let mut actor = Actor::new(id, dto.label, kind.unwrap_or(ActorKind::Other));
            actor.aliases = dto.aliases;
            actor.country = dto.country;
            actor.attributes = dto.attributes.0.into_iter().map(|(key, value)| Attribute { key, value }).collect();
            actor.notes = dto.notes;
            actor.position = dto.position.map(|(x, y)| [x, y]);
            actor.pinned = dto.pinned;
            match self.graph.add_actor(actor) {
                Ok(index) => {
                    if file_index.len() <= index.index() {
                        file_index.resize(index.index() + 1, 0);
                    }
                    file_index[index.index()] = i;
                }
                Err(error) => self.unexpected(at, error),
            }
        }
    }

    fn cooperations(&mut self, cooperations: Vec<CooperationDto>, path: &Path) {
        let mut file_index: Vec<usize> = Vec::with_capacity(cooperations.len());
        for (i, dto) in cooperations.into_iter().enumerate() {
            let at = path.index(i);
            let mut valid = self.non_empty("cooperation", &dto.id, &at.field("id"));
            for (end, id) in [("from", &dto.from), ("to", &dto.to)] {
                if !self.graph.contains_actor(&ActorId::new(id.as_str())) {
                    let hint = closest(id, self.graph.actors().map(|a| a.id().as_str()))
                        .map(|s| format!("; did you mean \"{s}\"?"))
                        .unwrap_or_default();
                    let message = format!("`{end}` names an unknown actor \"{id}\"{hint}");
                    self.report(at.field(end), message);
                    valid = false;
                }
            }
            let kind = self.kind::<CooperationKind>(&dto.kind, at.field("kind"));
            let date = dto.date.as_deref().and_then(|d| self.parsed::<DateSpan>(d, at.field("date")));
            let mut keys = HashSet::new();
            for (j, (key, _)) in dto.attributes.0.iter().enumerate() {
                if !keys.insert(key.as_str()) {
                    self.report(at.field("attributes").index(j), format!("attribute \"{key}\" is given twice"));
                }
            }
            if !(dto.weight.is_finite() && dto.weight >= 0.0) {
                self.report(at.field("weight"), format!("weight {} must be a finite number ≥ 0", dto.weight));
            }
            for (j, evidence) in dto.evidence.iter().enumerate() {
                if self.graph.source(&evidence.source.as_str().into()).is_none() {
                    let hint = closest(&evidence.source, self.graph.sources().map(|s| s.id().as_str()))
                        .map(|s| format!("; did you mean \"{s}\"?"))
                        .unwrap_or_default();
                    self.report(
                        at.field("evidence").index(j).field("source"),
                        format!("evidence cites an undeclared source \"{}\"{hint}", evidence.source),
                    );
                    valid = false;
                }
            }
            let id = CooperationId::new(dto.id);
            if let Some(existing) = self.graph.edge_index(&id) {
                let first = file_index.get(existing.index()).copied().unwrap_or(0);
                self.duplicate("cooperation", id.as_str(), at.field("id"), path.index(first).field("id"));
                continue;
            }
            if !valid {
                continue;
            }
            let evidence = dto
                .evidence
                .into_iter()
                .map(|e| Evidence { source: SourceId::new(e.source), quote: e.quote })
                .collect();
            let mut cooperation = Cooperation::new(id, kind.unwrap_or(CooperationKind::Other)).with_evidence(evidence);
            cooperation.directed = dto.directed;
            cooperation.label = dto.label;
            cooperation.date = date;
            cooperation.weight = dto.weight;
            cooperation.attributes =
                dto.attributes.0.into_iter().map(|(key, value)| Attribute { key, value }).collect();
            match self.graph.add_cooperation(&ActorId::new(dto.from), &ActorId::new(dto.to), cooperation) {
                Ok(index) => {
                    if file_index.len() <= index.index() {
                        file_index.resize(index.index() + 1, 0);
                    }
                    file_index[index.index()] = i;
                }
                Err(error) => self.unexpected(at, error),
            }
        }
    }
}
