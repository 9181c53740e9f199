//! Reading graphs made by other tools: GraphML (Gephi, yEd, igraph, graph-tool, networkx), GEXF
//! (Gephi 1.1–1.3), CSV tables and node-link JSON (networkx, d3). Each reader turns its file into [`Records`] (nodes and edges as the file
//! states them, with their places in the file); [`build`] turns records into a
//! [`KnowledgeGraph`], checking that every edge joins declared nodes.
//!
//! What kgx has no field for becomes an actor or cooperation attribute; an attribute named `kind`,
//! `type` or `category` whose value names a kgx kind ("Hospital", "government agency", "Data
//! sharing") sets the kind, else the kind is Other and the value stays as an attribute.

mod csv;
mod gexf;
mod graphml;
mod node_link;
mod parallel;
pub(super) mod style;
mod xml;

pub use self::csv::{CsvField, CsvPreview, check_mapping};
pub use parallel::{ParallelRule, Repeats, count_repeats, graph_repeats, merge_parallel};

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::io::{MAX_FILE_BYTES, Position};
use crate::layout::node_radius;
use crate::model::{
    Actor, ActorId, ActorKind, ActorStyle, Attribute, Cooperation, CooperationId, CooperationKind, CooperationStyle,
    DateSpan, Kind, KnowledgeGraph, MAX_COORDINATE,
};

/// Formats kgx imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// GraphML, with Gephi's and yEd's variants.
    GraphMl,
    /// GEXF 1.1, 1.2draft and 1.3.
    Gexf,
    /// A CSV node table or edge table (delimiter detected).
    Csv,
    /// Node-link JSON (networkx, d3).
    NodeLinkJson,
}

impl ImportFormat {
    /// The format a file's extension names (`.graphml`, `.gexf`), if any, as the format
    /// registry ([`crate::io::formats`]) says.
    pub fn from_path(path: &Path) -> Option<Self> {
        crate::io::formats::Format::by_path(path)?.import_format()
    }
}

/// Why a file could not be imported. The open graph is never touched by a failed import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than kgx reads.
    #[error("{}: the file is {} MB; kgx imports files up to {} MB", path.display(), size / 1_000_000, MAX_FILE_BYTES / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The format is not known from the name.
    #[error("{}: unknown format; kgx imports .graphml, .gexf, .csv and node-link .json files (and reads .ron, .ttl and .jsonld)", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The content is wrong at a place in the file.
    #[error("{}:{position}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line and column.
        position: Position,
        /// What is wrong, and what was expected.
        message: String,
    },
}

/// A node as a file states it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeRecord {
    /// The file's id.
    pub id: String,
    /// Its label, if the file gives one.
    pub label: Option<String>,
    /// Every other value, by attribute name.
    pub attributes: Vec<(String, String)>,
    /// Its position in the file's drawing.
    pub position: Option<[f32; 2]>,
    /// Its colour, size and shape in the file's drawing.
    pub style: ActorStyle,
    /// Byte offset of the node in the file.
    pub offset: usize,
}

/// An edge as a file states it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgeRecord {
    /// The file's id, if any.
    pub id: Option<String>,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Whether it has a direction.
    pub directed: bool,
    /// Its weight, as written.
    pub weight: Option<String>,
    /// Its label.
    pub label: Option<String>,
    /// When it held, if the file dates it.
    pub date: Option<DateSpan>,
    /// Every other value, by attribute name.
    pub attributes: Vec<(String, String)>,
    /// Its colour and width in the file's drawing.
    pub style: CooperationStyle,
    /// Byte offset of the edge in the file.
    pub offset: usize,
}

/// What a reader found in a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    /// The graph's title or description, if the file names one.
    pub title: Option<String>,
    /// Nodes in file order.
    pub nodes: Vec<NodeRecord>,
    /// Edges in file order.
    pub edges: Vec<EdgeRecord>,
    /// Things the reader left out, for the report.
    pub notes: Vec<String>,
    /// Whether the file gives every element a look, its kind's included: kgx's own GraphML and
    /// GEXF, which say `creator` kgx. A colour, shape or size equal to what the kind and the
    /// degree give is then not kept as the element's own style, so kgx → file → kgx changes
    /// nothing. Other tools' looks are all kept.
    pub looks_include_defaults: bool,
}

/// An imported graph and what was left out or changed on the way (shown to the person).
#[derive(Clone, Debug)]
pub struct Imported {
    /// The graph.
    pub graph: KnowledgeGraph,
    /// One line per kind of thing skipped or changed, with counts.
    pub notes: Vec<String>,
}

/// Imports a file, its format from its extension.
///
/// # Errors
/// [`ImportError`]: unreadable, too large, unknown format, or invalid at a located place.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let format = ImportFormat::from_path(path).ok_or_else(|| ImportError::UnknownFormat { path: path.to_owned() })?;
    let size = std::fs::metadata(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size });
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?;
    import_bytes(&bytes, path, format)
}

/// Imports a document already in memory (`path` names it in messages).
///
/// # Errors
/// As [`import_file`].
pub fn import_bytes(bytes: &[u8], path: &Path, format: ImportFormat) -> Result<Imported, ImportError> {
    let invalid =
        |position: Position, message: String| ImportError::Invalid { path: path.to_owned(), position, message };
    let text = decode(bytes, path)?;
    let text = text.as_str();
    let located = |(offset, message): (usize, String)| invalid(Position::of_offset(text, offset), message);
    let records = match format {
        ImportFormat::GraphMl | ImportFormat::Gexf => {
            let events = xml::events(text).map_err(|p| invalid(p.position, p.message))?;
            let read = if format == ImportFormat::GraphMl { graphml::read } else { gexf::read };
            read(&events).map_err(located)?
        }
        ImportFormat::NodeLinkJson => {
            let document: serde_json::Value = serde_json::from_str(text).map_err(|e| {
                invalid(Position { line: e.line().max(1), column: e.column().max(1) }, format!("not JSON: {e}"))
            })?;
            node_link::read(&document).map_err(located)?
        }
        ImportFormat::Csv => {
            let table = csv::read_table(text).map_err(located)?;
            let mut records = Records::default();
            match table.kind().map_err(|message| invalid(Position { line: 1, column: 1 }, message))? {
                csv::TableKind::Nodes => csv::add_nodes(&table, &mut records).map_err(located)?,
                csv::TableKind::Edges => csv::add_edges(&table, &mut records, true).map_err(located)?,
            }
            records
        }
    };
    build(records).map_err(located)
}

/// The first `max_rows` rows of a CSV file and what each column looks like it is, for a person
/// to map the columns.
///
/// # Errors
/// As [`import_bytes`].
pub fn csv_preview(bytes: &[u8], path: &Path, max_rows: usize) -> Result<CsvPreview, ImportError> {
    let text = decode(bytes, path)?;
    csv::preview(&text, max_rows).map_err(|(offset, message)| ImportError::Invalid {
        path: path.to_owned(),
        position: Position::of_offset(&text, offset),
        message,
    })
}

/// Imports a CSV table with its columns mapped by a person (`fields`, one per column).
///
/// # Errors
/// As [`import_bytes`]; a mapping with no id and no source and target is an error at line 1.
pub fn import_csv_mapped(bytes: &[u8], path: &Path, fields: &[CsvField]) -> Result<Imported, ImportError> {
    let text = decode(bytes, path)?;
    let text = text.as_str();
    let invalid =
        |position: Position, message: String| ImportError::Invalid { path: path.to_owned(), position, message };
    let located = |(offset, message): (usize, String)| invalid(Position::of_offset(text, offset), message);
    let mut table = csv::read_table(text).map_err(located)?;
    table.map_columns(fields).map_err(|message| invalid(Position { line: 1, column: 1 }, message))?;
    let mut records = Records::default();
    match table.kind().map_err(|message| invalid(Position { line: 1, column: 1 }, message))? {
        csv::TableKind::Nodes => csv::add_nodes(&table, &mut records).map_err(located)?,
        csv::TableKind::Edges => csv::add_edges(&table, &mut records, true).map_err(located)?,
    }
    build(records).map_err(located)
}

/// How often a CSV table, its columns mapped by `fields`, repeats its pairs: nothing for a table
/// of actors. O(size).
///
/// # Errors
/// As [`import_csv_mapped`].
pub fn csv_repeats(bytes: &[u8], path: &Path, fields: &[CsvField]) -> Result<Repeats, ImportError> {
    let text = decode(bytes, path)?;
    let text = text.as_str();
    let invalid =
        |position: Position, message: String| ImportError::Invalid { path: path.to_owned(), position, message };
    let located = |(offset, message): (usize, String)| invalid(Position::of_offset(text, offset), message);
    let mut table = csv::read_table(text).map_err(located)?;
    table.map_columns(fields).map_err(|message| invalid(Position { line: 1, column: 1 }, message))?;
    if table.kind().map_err(|message| invalid(Position { line: 1, column: 1 }, message))? == csv::TableKind::Nodes {
        return Ok(Repeats::default());
    }
    let mut records = Records::default();
    csv::add_edges(&table, &mut records, true).map_err(located)?;
    Ok(count_repeats(records.edges.iter().map(|e| (e.source.as_str(), e.target.as_str(), e.directed))))
}

/// Imports a CSV node table and a CSV edge table together: every edge must join declared nodes.
///
/// # Errors
/// As [`import_file`], naming the file the problem is in.
pub fn import_csv_pair(nodes: &Path, edges: &Path) -> Result<Imported, ImportError> {
    let read = |path: &Path| -> Result<String, ImportError> {
        let size = std::fs::metadata(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?.len();
        if size > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge { path: path.to_owned(), size });
        }
        let bytes = std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?;
        decode(&bytes, path)
    };
    import_csv_tables((&read(nodes)?, nodes), (&read(edges)?, edges))
}

/// Imports a node table and an edge table given as text (`(text, name)` each; the names appear in
/// messages).
///
/// # Errors
/// As [`import_csv_pair`].
pub fn import_csv_tables(nodes: (&str, &Path), edges: (&str, &Path)) -> Result<Imported, ImportError> {
    let node_table = csv::read_table(nodes.0).map_err(|problem| located(nodes, problem))?;
    let edge_table = csv::read_table(edges.0).map_err(|problem| located(edges, problem))?;
    let mut records = Records::default();
    csv::add_nodes(&node_table, &mut records).map_err(|problem| located(nodes, problem))?;
    csv::add_edges(&edge_table, &mut records, false).map_err(|problem| located(edges, problem))?;
    build(records).map_err(|problem| located(edges, problem))
}

/// A problem at a byte offset of a text, as an error naming its file and line:column.
fn located((text, path): (&str, &Path), (offset, message): (usize, String)) -> ImportError {
    ImportError::Invalid { path: path.to_owned(), position: Position::of_offset(text, offset), message }
}

/// The file's text: UTF-8 (a byte-order mark dropped), or UTF-16 with a byte-order mark (what
/// Excel saves as "Unicode text").
fn decode(bytes: &[u8], path: &Path) -> Result<String, ImportError> {
    let utf16 = |big_endian: bool| {
        let units = bytes.get(2..).unwrap_or_default().chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
        });
        char::decode_utf16(units).collect::<Result<String, _>>().ok()
    };
    let decoded = match bytes {
        [0xff, 0xfe, ..] => utf16(false),
        [0xfe, 0xff, ..] => utf16(true),
        _ => None,
    };
    if let Some(text) = decoded {
        return Ok(text);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned()),
        Err(error) => {
            let at = error.valid_up_to();
            let prefix = std::str::from_utf8(bytes.get(..at).unwrap_or_default()).unwrap_or_default();
            Err(ImportError::Invalid {
                path: path.to_owned(),
                position: Position::of_offset(prefix, at),
                message: "the file is not UTF-8 or UTF-16 text; save it as UTF-8 (Gephi, yEd, igraph, networkx and \
                          spreadsheets can)"
                    .to_owned(),
            })
        }
    }
}

/// Normalises a name for matching kinds: lower case, letters only ("Government agency" and
/// `GovernmentAgency` match).
fn squash(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The kind named by `value`, by its file name or its label.
fn kind_named<K: Kind>(value: &str) -> Option<K> {
    let wanted = squash(value);
    K::ALL.iter().copied().find(|k| squash(k.name()) == wanted)
}

/// Takes a kind out of `attributes` (an attribute `kind`, `type` or `category` naming one).
fn take_kind<K: Kind>(attributes: &mut Vec<(String, String)>) -> Option<K> {
    let at = attributes.iter().position(|(key, value)| {
        matches!(key.to_lowercase().as_str(), "kind" | "type" | "category") && kind_named::<K>(value).is_some()
    })?;
    let (_, value) = attributes.remove(at);
    kind_named(&value)
}

/// Builds the graph from records. O(n + m).
///
/// # Errors
/// (byte offset, message) for a duplicate node id or an edge naming a node the file does not
/// declare.
pub fn build(records: Records) -> Result<Imported, (usize, String)> {
    let mut graph = KnowledgeGraph::new();
    let mut notes = records.notes;
    if let Some(title) = records.title {
        graph.metadata.title = title;
    }
    let mut far_positions = 0usize;
    for node in records.nodes {
        if node.id.is_empty() {
            return Err((node.offset, "a node has an empty id; expected id=\"…\"".to_owned()));
        }
        let mut attributes = node.attributes;
        let kind = take_kind::<ActorKind>(&mut attributes).unwrap_or(ActorKind::Other);
        let label = node.label.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| node.id.clone());
        let mut actor = Actor::new(ActorId::new(node.id.clone()), label, kind);
        actor.style = node.style;
        let mut coordinates = [None, None];
        for (key, value) in attributes {
            // kgx's own fields (as kgx exports them, or as a spreadsheet names them).
            match key.as_str() {
                "" => {}
                "label" if value == actor.label => {}
                "country" => actor.country = Some(value),
                "aliases" => actor.aliases = value.split("; ").filter(|a| !a.is_empty()).map(str::to_owned).collect(),
                "notes" => actor.notes = value,
                "pinned" if value == "true" || value == "false" => actor.pinned = value == "true",
                "x" | "y" if value.parse::<f32>().is_ok() => {
                    coordinates[usize::from(key == "y")] = value.parse::<f32>().ok();
                }
                _ => actor.set_attribute(key.strip_prefix("attribute:").unwrap_or(&key).to_owned(), value),
            }
        }
        // Coordinates given as values (kgx's GEXF) place a node the file does not draw.
        let position = node.position.or(match coordinates {
            [Some(x), Some(y)] => Some([x, y]),
            _ => None,
        });
        match position {
            Some([x, y])
                if x.is_finite() && y.is_finite() && x.abs() <= MAX_COORDINATE && y.abs() <= MAX_COORDINATE =>
            {
                actor.position = Some([x, y]);
            }
            Some(_) => far_positions += 1,
            None => {}
        }
        if graph.add_actor(actor).is_err() {
            return Err((node.offset, format!("duplicate node id \"{}\"", node.id)));
        }
    }
    if far_positions > 0 {
        notes.push(format!("{far_positions} node positions beyond ±{MAX_COORDINATE:e} were left out"));
    }
    let mut renamed_edges = 0usize;
    let mut odd_weights = 0usize;
    let mut seen_ids = HashSet::new();
    let looks_include_defaults = records.looks_include_defaults;
    for edge in records.edges {
        for end in [&edge.source, &edge.target] {
            if !graph.contains_actor(&ActorId::new(end.as_str())) {
                return Err((
                    edge.offset,
                    format!(
                        "an edge names the node \"{end}\", which the file does not declare; expected a declared node id"
                    ),
                ));
            }
        }
        let mut attributes = edge.attributes;
        let kind = take_kind::<CooperationKind>(&mut attributes).unwrap_or(CooperationKind::Other);
        let id = match edge.id.filter(|id| !id.is_empty() && seen_ids.insert(id.clone())) {
            Some(id) if graph.cooperation(&CooperationId::new(id.as_str())).is_none() => CooperationId::new(id),
            _ => {
                renamed_edges += 1;
                graph.fresh_cooperation_id(&format!("{}-{}", edge.source, edge.target))
            }
        };
        let mut cooperation = Cooperation::new(id, kind);
        cooperation.style = edge.style;
        cooperation.directed = edge.directed;
        cooperation.label = edge.label.unwrap_or_default();
        cooperation.date = edge.date;
        if let Some(weight) = edge.weight {
            match weight.trim().parse::<f64>() {
                Ok(w) if w.is_finite() && w >= 0.0 => cooperation.weight = w,
                _ => {
                    odd_weights += 1;
                    attributes.push(("weight".to_owned(), weight));
                }
            }
        }
        for (key, value) in attributes.into_iter().filter(|(k, _)| !k.is_empty()) {
            match key.as_str() {
                // kgx's own fields, as kgx exports them: already taken from the edge itself.
                "directed" if value == "true" || value == "false" => {
                    // kgx's GraphML marks mutual cooperations this way in a directed graph.
                    cooperation.directed = value == "true";
                    continue;
                }
                "label" if value == cooperation.label => continue,
                "date" => match (cooperation.date, value.parse::<DateSpan>()) {
                    (None, Ok(date)) => {
                        cooperation.date = Some(date);
                        continue;
                    }
                    (Some(date), _) if date.to_string() == value => continue,
                    _ => {}
                },
                _ => {}
            }
            let key = key.strip_prefix("attribute:").map_or(key.clone(), str::to_owned);
            match cooperation.attributes.iter_mut().find(|a| a.key == key) {
                Some(slot) => slot.value = value,
                None => cooperation.attributes.push(Attribute { key, value }),
            }
        }
        graph
            .add_cooperation(&ActorId::new(edge.source), &ActorId::new(edge.target), cooperation)
            .map_err(|error| (edge.offset, error.to_string()))?;
    }
    if looks_include_defaults {
        drop_default_looks(&mut graph);
    }
    if renamed_edges > 0 {
        notes.push(format!(
            "the file gives {} no id of {} own (or one already taken), so kgx named {} after {} two actors",
            crate::words::counted(renamed_edges, "edge", "edges"),
            if renamed_edges == 1 { "its" } else { "their" },
            if renamed_edges == 1 { "it" } else { "them" },
            if renamed_edges == 1 { "its" } else { "their" },
        ));
    }
    if odd_weights > 0 {
        notes.push(format!("{odd_weights} edge weights that are not finite numbers ≥ 0 were kept as attributes"));
    }
    Ok(Imported { graph, notes })
}

/// Clears the style values that only repeat what the kind and the size rule give: the colour and
/// shape (as yEd names it) of the actor's kind, the radius its degree gives, a cooperation's kind colour and the
/// default width. O(n + m).
fn drop_default_looks(graph: &mut KnowledgeGraph) {
    let degrees: Vec<(ActorId, usize)> =
        graph.actors().map(|a| (a.id().clone(), graph.cooperations_of(a.id()).len())).collect();
    for (id, degree) in degrees {
        let Some(actor) = graph.actor_mut(&id) else { continue };
        let kind = actor.kind;
        let style = &mut actor.style;
        style.color = style.color.filter(|c| *c != kind.rgb());
        // yEd has one triangle and no pentagon: a shape it names as it names the kind's is the
        // kind's.
        style.shape = style.shape.filter(|s| style::to_yed_shape(*s) != style::to_yed_shape(kind.shape()));
        let usual = node_radius(degree);
        style.size = style.size.filter(|s| (s - usual).abs() > usual * 1e-6);
    }
    let ids: Vec<CooperationId> = graph.cooperations().map(|c| c.cooperation.id().clone()).collect();
    for id in ids {
        let Some(cooperation) = graph.cooperation_mut(&id) else { continue };
        let kind = cooperation.kind;
        let style = &mut cooperation.style;
        style.color = style.color.filter(|c| *c != kind.rgb());
        style.width = style.width.filter(|w| (w - 1.0).abs() > 1e-6);
    }
}
