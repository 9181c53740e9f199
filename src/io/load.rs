//! Reading graph files: read in pieces, so a large file never sits in memory whole; each
//! element of the actor, cooperation and source lists is parsed and checked as it arrives and
//! goes straight into the graph. Every problem is reported with its line and column.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path as FilePath;

use ron::extensions::Extensions;

use super::document::{
    ActorDto, ActorStyleDto, CooperationDto, CooperationStyleDto, DocumentDto, FORMAT_NAME, ForceDto, HeaderDto,
    KindName, SUPPORTED_VERSIONS, SourceDto,
};
use super::error::{LoadError, Problem};
use super::locate::{Path, Position, locate};
use super::split::{List, MAX_PIECE_BYTES, Piece, Skeleton, SplitError, Splitter, is_blank, within};
use crate::analysis::progress::Progress;
use crate::analysis::similarity::closest;
use crate::model::{
    Actor, ActorId, ActorKind, ActorStyle, Attribute, Cooperation, CooperationId, CooperationKind, CooperationStyle,
    DateSpan, Evidence, ForceSettings, Kind, KnowledgeGraph, MAX_COORDINATE, Metadata, ModelError, NodeShape,
    PartialDate, Source, SourceId, check_gravity, check_scaling, check_size, parse_color,
};

/// Largest file kgx imports from other tools (which are read whole): 128 MiB.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// Largest kgx graph file: 4 GiB. Graph files are read in pieces, so what bounds memory is the
/// graph the file holds (a million actors and three million cooperations fit in well under 1 GB).
pub const MAX_GRAPH_FILE_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Deepest nesting the parser accepts; documents need 5 levels, hostile files get an error
/// instead of a stack overflow.
const RECURSION_LIMIT: usize = 64;

/// How much of the file is read at a time.
const READ_BYTES: usize = 1 << 20;

/// Reads and validates a graph file.
///
/// # Errors
/// A [`LoadError`] naming the file and, where it applies, the line and column of every problem.
pub fn load_file(path: &FilePath) -> Result<KnowledgeGraph, LoadError> {
    load_file_with(path, &Progress::new())
}

/// Reads and validates a graph file, reporting the bytes read to `progress` (its total is the
/// file's size) and stopping with [`LoadError::Cancelled`] once it is cancelled.
///
/// # Errors
/// As [`load_file`], and [`LoadError::Cancelled`].
pub fn load_file_with(path: &FilePath, progress: &Progress) -> Result<KnowledgeGraph, LoadError> {
    load_file_hashing(path, progress, None).map(|(graph, _)| graph)
}

/// Reads and validates a graph file as [`load_file_with`] does, and stamps the file from the
/// bytes read (as [`FileStamp::read`](crate::io::FileStamp::read) would, without reading it a
/// second time): what the window keeps to notice later changes on disk.
///
/// # Errors
/// As [`load_file_with`].
pub fn load_file_stamped(
    path: &FilePath,
    progress: &Progress,
) -> Result<(KnowledgeGraph, crate::io::FileStamp), LoadError> {
    let mut hasher = crate::io::StampHasher::new();
    let (graph, modified) = load_file_hashing(path, progress, Some(&mut hasher))?;
    Ok((graph, hasher.finish(modified)))
}

/// Reads a graph file, hashing its bytes into `hasher` if given; gives the graph and the file's
/// modification time from before it was read.
fn load_file_hashing(
    path: &FilePath,
    progress: &Progress,
    hasher: Option<&mut crate::io::StampHasher>,
) -> Result<(KnowledgeGraph, Option<std::time::SystemTime>), LoadError> {
    let read_error = |source| LoadError::Read { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    let size = metadata.len();
    if size > MAX_GRAPH_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size, limit: MAX_GRAPH_FILE_BYTES });
    }
    progress.start(usize::try_from(size).unwrap_or(usize::MAX));
    // The text is read again only when there are problems to locate in it.
    let text_for_problems = || std::fs::read_to_string(path).unwrap_or_default();
    let graph = load_from(HashingReader { inner: file, hasher }, path, progress, text_for_problems)?;
    Ok((graph, metadata.modified().ok()))
}

/// A reader that hashes what it reads (when given a hasher).
struct HashingReader<'h, R> {
    inner: R,
    hasher: Option<&'h mut crate::io::StampHasher>,
}

impl<R: Read> Read for HashingReader<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buffer)?;
        if let Some(hasher) = self.hasher.as_deref_mut() {
            hasher.write(buffer.get(..n).unwrap_or_default());
        }
        Ok(n)
    }
}

/// Validates and builds a graph from the bytes of a file; `path` is only used in messages.
///
/// # Errors
/// As [`load_file`], except for reading errors.
pub fn load_bytes(bytes: &[u8], path: &FilePath) -> Result<KnowledgeGraph, LoadError> {
    load_from(bytes, path, &Progress::new(), || String::from_utf8_lossy(bytes).into_owned())
}

/// Validates and builds a graph from RON text; `path` is only used in messages.
///
/// # Errors
/// As [`load_file`], except for reading and encoding errors.
pub fn load_str(text: &str, path: &FilePath) -> Result<KnowledgeGraph, LoadError> {
    load_from(text.as_bytes(), path, &Progress::new(), || text.to_owned())
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME).with_recursion_limit(RECURSION_LIMIT)
}

/// The first syntax error: where ron stopped, and what it expected.
fn syntax_error(path: &FilePath, position: Position, message: String) -> LoadError {
    LoadError::Syntax { path: path.to_owned(), position, message }
}

/// Reads the document in pieces from `reader`: elements are checked and added as they come, the
/// rest (header, metadata) is parsed at the end. `text_for_problems` gives the whole text, only
/// needed to locate problems found while building.
fn load_from(
    reader: impl Read,
    path: &FilePath,
    progress: &Progress,
    text_for_problems: impl FnOnce() -> String,
) -> Result<KnowledgeGraph, LoadError> {
    // Two stages at once: this thread reads, splits and parses (in parallel batches); a second
    // one checks the parsed elements and adds them to the graph, in file order.
    let (to_checker, received) = std::sync::mpsc::sync_channel::<ToChecker>(CHECKER_QUEUE);
    std::thread::scope(|scope| {
        let checking = std::thread::Builder::new()
            .name("kgx: checking the graph read".to_owned())
            .spawn_scoped(scope, move || check_elements(&received))
            .map_err(|source| LoadError::Read { path: path.to_owned(), source })?;
        read_pieces(reader, path, progress, to_checker, checking, text_for_problems)
    })
}

/// The checking stage: takes parsed elements and list ends in file order, gives the checker
/// with the graph built so far once the reading stage stops sending.
fn check_elements(received: &std::sync::mpsc::Receiver<ToChecker>) -> Checker {
    let mut checker = Checker::new();
    for message in received {
        match message {
            ToChecker::Elements(elements) => {
                for (index, element) in elements {
                    checker.element(index, element);
                }
            }
            ToChecker::ListEnd(list) => checker.list_end(list),
        }
    }
    checker
}

/// The reading stage of [`load_from`]: reads, splits and parses, sends the elements on to the
/// checking stage, then checks the header and finishes the graph.
fn read_pieces(
    mut reader: impl Read,
    path: &FilePath,
    progress: &Progress,
    to_checker: std::sync::mpsc::SyncSender<ToChecker>,
    checking: std::thread::ScopedJoinHandle<'_, Checker>,
    text_for_problems: impl FnOnce() -> String,
) -> Result<KnowledgeGraph, LoadError> {
    let mut pieces = PieceReader::new(path, to_checker);
    let mut take = |piece: Piece<'_>| -> Result<(), ()> {
        if progress.is_cancelled() {
            return Err(());
        }
        pieces.take(piece);
        Ok(())
    };
    let stopped = |error: SplitError<()>| match error {
        SplitError::TooDeep(at) => syntax_error(path, at, "the document is nested too deeply".to_owned()),
        SplitError::TooLong(at) => {
            syntax_error(path, at, format!("a single value is longer than {} MiB", MAX_PIECE_BYTES >> 20))
        }
        SplitError::Stopped(()) => LoadError::Cancelled { path: path.to_owned() },
    };

    let mut splitter = Splitter::new();
    let mut buffer = vec![0u8; READ_BYTES];
    let mut read = 0u64;
    loop {
        if progress.is_cancelled() {
            return Err(LoadError::Cancelled { path: path.to_owned() });
        }
        let n = match reader.read(&mut buffer) {
            Ok(n) => n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => return Err(LoadError::Read { path: path.to_owned(), source }),
        };
        if n == 0 {
            break;
        }
        read += n as u64;
        // Files that grow while read, or report no size, are still bounded.
        if read > MAX_GRAPH_FILE_BYTES {
            return Err(LoadError::TooLarge { path: path.to_owned(), size: read, limit: MAX_GRAPH_FILE_BYTES });
        }
        progress.advance(n);
        splitter.feed(buffer.get(..n).unwrap_or_default(), &mut take).map_err(stopped)?;
    }
    drop(buffer);
    let skeleton = splitter.finish(&mut take).map_err(stopped)?;
    pieces.flush();
    let PieceReader { first_error, elements, to_checker, .. } = pieces;
    // Every element is sent: closing the queue lets the checking stage finish with them all.
    drop(to_checker);
    let mut checker = checking.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    if progress.is_cancelled() {
        return Err(LoadError::Cancelled { path: path.to_owned() });
    }
    if elements == 0 && first_error.is_none() && is_blank(&skeleton.text) {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    let document = match parse_skeleton(&skeleton, path) {
        Ok(document) => document,
        // Of two syntax errors, the one earlier in the file is the one to fix first.
        Err(LoadError::Syntax { position, message, .. }) => match first_error {
            Some(error @ LoadError::Syntax { position: element_at, .. }) if element_at < position => {
                return Err(error);
            }
            Some(error @ LoadError::NotUtf8 { position: element_at, .. }) if element_at < position => {
                return Err(error);
            }
            _ => return Err(syntax_error(path, position, message)),
        },
        Err(error) => return Err(error),
    };
    if let Some(error) = first_error {
        return Err(error);
    }
    let force = checker.force_settings(document.metadata.force.as_ref());
    let style = checker.style_mapping(document.metadata.style);
    checker.graph.metadata = Metadata {
        title: document.metadata.title,
        description: document.metadata.description,
        auto_layout: document.metadata.auto_layout,
        force,
        style,
    };
    checker
        .finish()
        .map_err(|found| LoadError::Invalid { path: path.to_owned(), problems: place(&text_for_problems(), found) })
}

/// Elements parsed together, in parallel, before they are added in file order.
const BATCH_ELEMENTS: usize = 4096;

/// Parsed batches waiting for the checking stage at most (bounds the memory they hold).
const CHECKER_QUEUE: usize = 4;

/// What the reading stage hands the checking stage, in file order.
enum ToChecker {
    /// Parsed elements with their indices in their list.
    Elements(Vec<(usize, Element)>),
    /// A list's closing bracket was read.
    ListEnd(List),
}

/// Takes the splitter's pieces: collects elements into batches, parses each batch in parallel
/// (parsing is most of the reading time) and adds the results to the graph in file order.
struct PieceReader<'a> {
    path: &'a FilePath,
    options: ron::Options,
    /// The checking stage.
    to_checker: std::sync::mpsc::SyncSender<ToChecker>,
    /// The first element that does not parse; later elements are only split, not parsed, so
    /// the header can still be checked (a file of another format is reported as such).
    first_error: Option<LoadError>,
    /// Elements added so far.
    elements: usize,
    /// The texts of the batch's elements, one after another.
    texts: Vec<u8>,
    /// The batch's elements: list, index, range in `texts`, start, whether a comma ended it.
    batch: Vec<(List, usize, std::ops::Range<usize>, Position, bool)>,
}

impl<'a> PieceReader<'a> {
    fn new(path: &'a FilePath, to_checker: std::sync::mpsc::SyncSender<ToChecker>) -> Self {
        Self {
            path,
            options: ron_options(),
            to_checker,
            first_error: None,
            elements: 0,
            texts: Vec::new(),
            batch: Vec::with_capacity(BATCH_ELEMENTS),
        }
    }

    fn take(&mut self, piece: Piece<'_>) {
        match piece {
            Piece::ListEnd(list) => {
                self.flush();
                // The checking stage ends only after the reader is dropped, so it is there.
                let _ = self.to_checker.send(ToChecker::ListEnd(list));
            }
            Piece::Element { list, index, text, start, before_comma } => {
                if self.first_error.is_some() {
                    return;
                }
                let range = self.texts.len()..self.texts.len() + text.len();
                self.texts.extend_from_slice(text);
                self.batch.push((list, index, range, start, before_comma));
                if self.batch.len() >= BATCH_ELEMENTS {
                    self.flush();
                }
            }
        }
    }

    /// Parses the batch and adds it, stopping at the first element that does not parse.
    fn flush(&mut self) {
        use rayon::prelude::*;
        if self.first_error.is_none() {
            let (options, texts, path) = (&self.options, &self.texts, self.path);
            let parsed: Vec<Result<Option<Element>, LoadError>> = self
                .batch
                .par_iter()
                .map(|(list, _, range, start, before_comma)| {
                    let text = texts.get(range.clone()).unwrap_or_default();
                    parse_element(options, *list, text, *start, *before_comma, path)
                })
                .collect();
            let mut elements = Vec::with_capacity(parsed.len());
            for ((_, index, ..), result) in self.batch.iter().zip(parsed) {
                match result {
                    Ok(Some(element)) => elements.push((*index, element)),
                    Ok(None) => {}
                    Err(error) => {
                        self.first_error = Some(error);
                        break;
                    }
                }
            }
            self.elements += elements.len();
            if !elements.is_empty() {
                let _ = self.to_checker.send(ToChecker::Elements(elements));
            }
        }
        self.batch.clear();
        self.texts.clear();
    }
}

/// One parsed element of a top-level list.
enum Element {
    Source(SourceDto),
    Actor(ActorDto),
    Cooperation(CooperationDto),
}

/// Parses one element's text; `None` for the blank space after a trailing comma.
fn parse_element(
    options: &ron::Options,
    list: List,
    bytes: &[u8],
    start: Position,
    before_comma: bool,
    path: &FilePath,
) -> Result<Option<Element>, LoadError> {
    let text = utf8(bytes, path, |at| within(start, at))?;
    if is_blank(bytes) {
        if before_comma {
            let at = within(start, Position::of_offset(text, text.len()));
            return Err(syntax_error(path, at, "expected a value before this comma".to_owned()));
        }
        return Ok(None);
    }
    let syntax = |error: ron::error::SpannedError| {
        let at = Position { line: error.span.start.line, column: error.span.start.col };
        syntax_error(path, within(start, at), describe_ron_error(&error.code))
    };
    Ok(Some(match list {
        List::Sources => Element::Source(options.from_str(text).map_err(syntax)?),
        List::Actors => Element::Actor(options.from_str(text).map_err(syntax)?),
        List::Cooperations => Element::Cooperation(options.from_str(text).map_err(syntax)?),
    }))
}

/// The bytes as text, or the (mapped) position of the first byte that is not UTF-8.
fn utf8<'a>(bytes: &'a [u8], path: &FilePath, map: impl Fn(Position) -> Position) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        // The valid prefix is UTF-8 by definition.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let byte = bytes.get(error.valid_up_to()).copied().unwrap_or(0);
        LoadError::NotUtf8 { path: path.to_owned(), position: map(Position::of_offset(prefix, prefix.len())), byte }
    })
}

/// Checks the header of the document outside its lists and parses it, reporting syntax, format
/// and version errors at their positions in the file.
fn parse_skeleton(skeleton: &Skeleton, path: &FilePath) -> Result<DocumentDto, LoadError> {
    let in_file = |at: Position| skeleton.file_position(at);
    let text = utf8(&skeleton.text, path, in_file)?;
    let options = ron_options();
    let syntax = |error: ron::error::SpannedError| {
        let at = Position { line: error.span.start.line, column: error.span.start.col };
        syntax_error(path, in_file(at), describe_ron_error(&error.code))
    };

    let header: HeaderDto = options.from_str(text).map_err(syntax)?;
    let header_position = |field: &str| {
        let wanted = Path::root().field(field);
        let at = locate(text, &HashSet::from([wanted.clone()]))
            .get(&wanted)
            .copied()
            .unwrap_or(Position { line: 1, column: 1 });
        in_file(at)
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

/// Rewords ron's messages so they speak of the document, not of our Rust types.
fn describe_ron_error(code: &ron::Error) -> String {
    let message = code.to_string();
    [
        ("`DocumentDto`", "the document"),
        ("`HeaderDto`", "the document"),
        ("`MetadataDto`", "metadata"),
        ("`ForceDto`", "the force settings"),
        ("`StyleMappingDto`", "the style mappings"),
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

/// Validates elements as they arrive and adds the valid ones to the graph, collecting every
/// problem. Cooperations wait until the actor and source lists have ended (in files kgx writes,
/// they come last, so nothing waits).
struct Checker {
    found: Vec<Found>,
    graph: KnowledgeGraph,
    /// Position in the file of each source, by id, to point at the first of two duplicates.
    source_index: HashMap<String, usize>,
    /// Position in the file of each actor and cooperation added, by storage index.
    actor_index: Vec<usize>,
    cooperation_index: Vec<usize>,
    actors_ended: bool,
    sources_ended: bool,
    waiting: Vec<(usize, CooperationDto)>,
}

impl Checker {
    fn new() -> Self {
        Self {
            found: Vec::new(),
            graph: KnowledgeGraph::new(),
            source_index: HashMap::new(),
            actor_index: Vec::new(),
            cooperation_index: Vec::new(),
            actors_ended: false,
            sources_ended: false,
            waiting: Vec::new(),
        }
    }

    fn element(&mut self, index: usize, element: Element) {
        match element {
            Element::Source(dto) => self.source(index, dto),
            Element::Actor(dto) => self.actor(index, dto),
            Element::Cooperation(dto) if self.actors_ended && self.sources_ended => self.cooperation(index, dto),
            Element::Cooperation(dto) => self.waiting.push((index, dto)),
        }
    }

    fn list_end(&mut self, list: List) {
        match list {
            List::Actors => self.actors_ended = true,
            List::Sources => self.sources_ended = true,
            List::Cooperations => {}
        }
        if self.actors_ended && self.sources_ended {
            self.add_waiting();
        }
    }

    fn add_waiting(&mut self) {
        for (index, dto) in std::mem::take(&mut self.waiting) {
            self.cooperation(index, dto);
        }
    }

    fn finish(mut self) -> Result<KnowledgeGraph, Vec<Found>> {
        self.add_waiting();
        if self.found.is_empty() { Ok(self.graph) } else { Err(self.found) }
    }

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

    /// An actor's style, with each bad value reported at its place (and left out).
    fn actor_style(&mut self, dto: &ActorStyleDto, at: Path) -> ActorStyle {
        ActorStyle {
            color: dto.color.as_deref().and_then(|c| self.checked(parse_color(c), at.field("color"))),
            size: dto.size.and_then(|v| self.checked(check_size("size", v), at.field("size"))),
            shape: dto.shape.as_ref().and_then(|name| self.kind::<NodeShape>(name, at.field("shape"))),
        }
    }

    /// A cooperation's style, with each bad value reported at its place (and left out).
    fn cooperation_style(&mut self, dto: &CooperationStyleDto, at: Path) -> CooperationStyle {
        CooperationStyle {
            color: dto.color.as_deref().and_then(|c| self.checked(parse_color(c), at.field("color"))),
            width: dto.width.and_then(|v| self.checked(check_size("width", v), at.field("width"))),
        }
    }

    fn checked<T, E: std::fmt::Display>(&mut self, value: Result<T, E>, path: Path) -> Option<T> {
        value.map_err(|e| self.report(path, e.to_string())).ok()
    }

    /// The document's force settings: the default for what is not given, each bad value
    /// reported at its place (and left at the default).
    fn force_settings(&mut self, dto: Option<&ForceDto>) -> ForceSettings {
        let default = ForceSettings::DEFAULT;
        let Some(dto) = dto else { return default };
        let at = Path::root().field("metadata").field("force");
        ForceSettings {
            scaling: dto
                .scaling
                .and_then(|v| self.checked(check_scaling(v), at.field("scaling")))
                .unwrap_or(default.scaling),
            gravity: dto
                .gravity
                .and_then(|v| self.checked(check_gravity(v), at.field("gravity")))
                .unwrap_or(default.gravity),
            lin_log: dto.lin_log.unwrap_or(default.lin_log),
            prevent_overlap: dto.prevent_overlap.unwrap_or(default.prevent_overlap),
        }
    }

    /// The document's style mappings; colour by a category and by a number both given is
    /// reported at its place (the category is kept), as is an empty attribute name.
    fn style_mapping(&mut self, dto: Option<crate::io::document::StyleMappingDto>) -> crate::model::StyleMapping {
        use crate::model::{ColorMapping, StyleMapping};
        let Some(dto) = dto else { return StyleMapping::default() };
        let at = Path::root().field("metadata").field("style");
        let mut named = |value: Option<String>, field: &str| {
            let value = value?;
            if value.trim().is_empty() {
                self.report(at.field(field), "the attribute's name is empty".to_owned());
                return None;
            }
            Some(value)
        };
        let category = named(dto.color_by_category, "color_by_category");
        let number = named(dto.color_by_number, "color_by_number");
        let size = named(dto.size_by, "size_by");
        let shape = named(dto.shape_by, "shape_by");
        let color = match (category, number) {
            (Some(category), Some(_)) => {
                self.report(
                    at.field("color_by_number"),
                    "colour by a category and by a number exclude each other; give one".to_owned(),
                );
                Some(ColorMapping::Category(category))
            }
            (Some(category), None) => Some(ColorMapping::Category(category)),
            (None, Some(number)) => Some(ColorMapping::Number(number)),
            (None, None) => None,
        };
        StyleMapping { color, size, shape, own_styles_first: dto.own_styles_first }
    }

    fn unexpected(&mut self, path: Path, error: ModelError) {
        self.report(path, error.to_string());
    }

    fn source(&mut self, i: usize, dto: SourceDto) {
        let path = Path::root().field("sources");
        let at = path.index(i);
        let date = dto.date.as_deref().and_then(|d| self.parsed::<PartialDate>(d, at.field("date")));
        if !self.non_empty("source", &dto.id, &at.field("id")) {
            return;
        }
        if let Some(&j) = self.source_index.get(&dto.id) {
            self.duplicate("source", &dto.id, at.field("id"), path.index(j).field("id"));
            return;
        }
        self.source_index.insert(dto.id.clone(), i);
        let mut source = Source::new(dto.id, dto.title);
        source.publisher = dto.publisher;
        source.url = dto.url;
        source.date = date;
        if let Err(error) = self.graph.add_source(source) {
            self.unexpected(at, error);
        }
    }

    fn actor(&mut self, i: usize, dto: ActorDto) {
        let path = Path::root().field("actors");
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
            return;
        }
        let id = ActorId::new(dto.id);
        if let Some(existing) = self.graph.node_index(&id) {
            let first = self.actor_index.get(existing.index()).copied().unwrap_or(0);
            self.duplicate("actor", id.as_str(), at.field("id"), path.index(first).field("id"));
            return;
        }
        let mut actor = Actor::new(id, dto.label, kind.unwrap_or(ActorKind::Other));
        actor.aliases = dto.aliases;
        actor.country = dto.country;
        actor.attributes = dto.attributes.0.into_iter().map(|(key, value)| Attribute { key, value }).collect();
        actor.notes = dto.notes;
        actor.position = dto.position.map(|(x, y)| [x, y]);
        actor.pinned = dto.pinned;
        actor.style = self.actor_style(&dto.style, at.field("style"));
        match self.graph.add_actor(actor) {
            Ok(index) => {
                record_file_index(&mut self.actor_index, index.index(), i);
            }
            Err(error) => self.unexpected(at, error),
        }
    }

    fn cooperation(&mut self, i: usize, dto: CooperationDto) {
        let path = Path::root().field("cooperations");
        let at = path.index(i);
        let mut valid = self.non_empty("cooperation", &dto.id, &at.field("id"));
        let ends = [self.graph.node_index(&ActorId::new(&dto.from)), self.graph.node_index(&ActorId::new(&dto.to))];
        for ((end, id), found) in [("from", &dto.from), ("to", &dto.to)].into_iter().zip(ends) {
            if found.is_none() {
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
        let style = self.cooperation_style(&dto.style, at.field("style"));
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
        let duplicate = |checker: &mut Self, id: &CooperationId| {
            if let Some(existing) = checker.graph.edge_index(id) {
                let first = checker.cooperation_index.get(existing.index()).copied().unwrap_or(0);
                checker.duplicate("cooperation", id.as_str(), at.field("id"), path.index(first).field("id"));
            }
        };
        let [Some(from), Some(to)] = ends else {
            duplicate(self, &id);
            return;
        };
        if !valid {
            duplicate(self, &id);
            return;
        }
        let evidence =
            dto.evidence.into_iter().map(|e| Evidence { source: SourceId::new(e.source), quote: e.quote }).collect();
        let mut cooperation = Cooperation::new(id, kind.unwrap_or(CooperationKind::Other)).with_evidence(evidence);
        cooperation.directed = dto.directed;
        cooperation.label = dto.label;
        cooperation.date = date;
        cooperation.weight = dto.weight;
        cooperation.attributes = dto.attributes.0.into_iter().map(|(key, value)| Attribute { key, value }).collect();
        cooperation.style = style;
        let id = cooperation.id().clone();
        match self.graph.add_cooperation_between(from, to, cooperation) {
            Ok(index) => {
                record_file_index(&mut self.cooperation_index, index.index(), i);
            }
            Err(ModelError::DuplicateCooperation(_)) => duplicate(self, &id),
            Err(error) => self.unexpected(at, error),
        }
    }
}

/// Remembers that the element at storage index `slot` is the `file_index`-th of its list.
fn record_file_index(indices: &mut Vec<usize>, slot: usize, file_index: usize) {
    if indices.len() <= slot {
        indices.resize(slot + 1, 0);
    }
    if let Some(entry) = indices.get_mut(slot) {
        *entry = file_index;
    }
}
