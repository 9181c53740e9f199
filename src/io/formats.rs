//! The one list of graph file formats: each format's name, extensions, whether kgx reads and
//! writes it, and what can be chosen when doing so. The command line (`kgx convert`, `kgx
//! export`), the window's Open, Import into and Export dialogs, dropped files and the recent list
//! all look formats up here, and read and write through [`read_file`] and [`write_file`], so they
//! cannot disagree.

use std::path::{Path, PathBuf};

use crate::analysis::progress::Progress;
use crate::io::import::{ImportError, ImportFormat, Imported, ParallelRule, merge_parallel};
use crate::io::rdf::{DEFAULT_BASE, RdfError, RdfFormat};
use crate::io::{LoadError, SaveError, write_atomic};
use crate::model::KnowledgeGraph;

/// A graph file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatId {
    /// kgx's own versioned RON document.
    Kgx,
    /// GraphML (Gephi, yEd, igraph, networkx).
    GraphMl,
    /// GEXF (Gephi).
    Gexf,
    /// Node-link JSON (networkx, d3).
    NodeLinkJson,
    /// CSV tables: an edge list, a node table, or both.
    Csv,
    /// Turtle: kgx's model in RDF.
    Turtle,
    /// JSON-LD: the same RDF as JSON.
    JsonLd,
}

/// Something a person can choose when kgx reads or writes a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatOption {
    /// Edges that repeat a pair can be merged into one cooperation with a weight
    /// ([`ParallelRule`]; `kgx convert --merge-parallel`, the CSV dialog, Import into).
    MergeParallel,
    /// What each column holds is guessed from its name, or chosen in the window's column dialog.
    ColumnMapping,
    /// A node table and an edge table: read together (`kgx convert nodes.csv edges.csv`), and
    /// written side by side as `NAME.nodes.csv` and `NAME.edges.csv`.
    TwoTables,
    /// Resources are named under a base IRI ([`DEFAULT_BASE`] unless a knowledge base gives one).
    BaseIri,
    /// Read in pieces with progress and Cancel, up to 4 GiB.
    Progress,
}

/// What the registry knows of one format.
#[derive(Debug, PartialEq, Eq)]
pub struct Format {
    /// Which format.
    pub id: FormatId,
    /// Its name on the command line (`--from`, `--to`).
    pub name: &'static str,
    /// Other names the command line accepts for it.
    pub aliases: &'static [&'static str],
    /// Its name for people ("GraphML").
    pub title: &'static str,
    /// Who uses it, for dialogs ("Gephi, yEd, igraph, networkx").
    pub tools: &'static str,
    /// File name extensions without the dot, lower case; the first is the one written.
    pub extensions: &'static [&'static str],
    /// Whether kgx reads it.
    pub reads: bool,
    /// Whether kgx writes it.
    pub writes: bool,
    /// Whether it is kgx's own document (opened to be saved back, not imported).
    pub native: bool,
    /// What can be chosen when reading or writing it.
    pub options: &'static [FormatOption],
}

/// Every format kgx knows, in the order dialogs list them.
pub const FORMATS: [Format; 7] = [
    Format {
        id: FormatId::Kgx,
        name: "ron",
        aliases: &["kgx"],
        title: "kgx graph",
        tools: "kgx",
        extensions: &["ron"],
        reads: true,
        writes: true,
        native: true,
        options: &[FormatOption::Progress],
    },
    Format {
        id: FormatId::GraphMl,
        name: "graphml",
        aliases: &[],
        title: "GraphML",
        tools: "Gephi, yEd, igraph, networkx",
        extensions: &["graphml"],
        reads: true,
        writes: true,
        native: false,
        options: &[FormatOption::MergeParallel],
    },
    Format {
        id: FormatId::Gexf,
        name: "gexf",
        aliases: &[],
        title: "GEXF",
        tools: "Gephi",
        extensions: &["gexf"],
        reads: true,
        writes: true,
        native: false,
        options: &[FormatOption::MergeParallel],
    },
    Format {
        id: FormatId::Csv,
        name: "csv",
        aliases: &["tsv"],
        title: "CSV",
        tools: "spreadsheets, Gephi's data laboratory",
        extensions: &["csv", "tsv"],
        reads: true,
        writes: true,
        native: false,
        options: &[FormatOption::MergeParallel, FormatOption::ColumnMapping, FormatOption::TwoTables],
    },
    Format {
        id: FormatId::NodeLinkJson,
        name: "json",
        aliases: &["node-link"],
        title: "node-link JSON",
        tools: "networkx, d3",
        extensions: &["json"],
        reads: true,
        writes: true,
        native: false,
        options: &[FormatOption::MergeParallel],
    },
    Format {
        id: FormatId::Turtle,
        name: "ttl",
        aliases: &["turtle"],
        title: "Turtle",
        tools: "RDF: triple stores, SPARQL",
        extensions: &["ttl", "turtle"],
        reads: true,
        writes: true,
        native: false,
        options: &[FormatOption::BaseIri],
    },
    Format {
        id: FormatId::JsonLd,
        name: "jsonld",
        aliases: &["json-ld"],
        title: "JSON-LD",
        tools: "RDF as JSON",
        extensions: &["jsonld", "json-ld"],
        reads: true,
        writes: true,
        native: false,
        options: &[FormatOption::BaseIri],
    },
];

impl FormatId {
    /// Every format, in the registry's order.
    pub const ALL: [FormatId; 7] = [
        FormatId::Kgx,
        FormatId::GraphMl,
        FormatId::Gexf,
        FormatId::Csv,
        FormatId::NodeLinkJson,
        FormatId::Turtle,
        FormatId::JsonLd,
    ];

    /// What the registry knows of it.
    pub fn format(self) -> &'static Format {
        // Every id has its entry (a test checks); the fallback cannot be reached.
        const FALLBACK: &Format = &FORMATS[0];
        FORMATS.iter().find(|f| f.id == self).unwrap_or(FALLBACK)
    }
}

impl Format {
    /// The format a command-line name or alias names (`graphml`, `turtle`, `json-ld`; any case).
    pub fn by_name(name: &str) -> Option<&'static Format> {
        let name = name.trim();
        FORMATS
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name) || f.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
    }

    /// The format a file name's extension names (`.graphml`, `.json-ld`; any case).
    pub fn by_path(path: &Path) -> Option<&'static Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        FORMATS.iter().find(|f| f.extensions.contains(&extension.as_str()))
    }

    /// The extension written, without the dot.
    pub fn extension(&self) -> &'static str {
        self.extensions.first().copied().unwrap_or_default()
    }

    /// Whether it offers `option`.
    pub fn offers(&self, option: FormatOption) -> bool {
        self.options.contains(&option)
    }

    /// Its name with the tools that use it, for dialogs: "GraphML (Gephi, yEd, igraph, networkx)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.title, self.tools)
    }

    /// Its name with its extension: "GraphML (.graphml)".
    pub fn short_label(&self) -> String {
        format!("{} (.{})", self.title, self.extension())
    }

    /// The importer that reads it, for the formats of other tools.
    pub fn import_format(&self) -> Option<ImportFormat> {
        match self.id {
            FormatId::GraphMl => Some(ImportFormat::GraphMl),
            FormatId::Gexf => Some(ImportFormat::Gexf),
            FormatId::Csv => Some(ImportFormat::Csv),
            FormatId::NodeLinkJson => Some(ImportFormat::NodeLinkJson),
            FormatId::Kgx | FormatId::Turtle | FormatId::JsonLd => None,
        }
    }

    /// The RDF serialisation it is, if it is one.
    pub fn rdf_format(&self) -> Option<RdfFormat> {
        match self.id {
            FormatId::Turtle => Some(RdfFormat::Turtle),
            FormatId::JsonLd => Some(RdfFormat::JsonLd),
            _ => None,
        }
    }
}

/// The formats kgx reads.
pub fn readable() -> impl Iterator<Item = &'static Format> + Clone {
    FORMATS.iter().filter(|f| f.reads)
}

/// The formats kgx writes.
pub fn writable() -> impl Iterator<Item = &'static Format> + Clone {
    FORMATS.iter().filter(|f| f.writes)
}

/// Every extension of `formats`, without dots: what a dialog's filter offers.
pub fn extensions<'a>(formats: impl Iterator<Item = &'a Format>) -> Vec<&'static str> {
    formats.flat_map(|f| f.extensions.iter().copied()).collect()
}

/// The formats as a list for people: "GraphML (.graphml), GEXF (.gexf) or JSON-LD (.jsonld)".
pub fn list<'a>(formats: impl Iterator<Item = &'a Format>) -> String {
    let labels: Vec<String> = formats.map(Format::short_label).collect();
    match labels.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Whether kgx opens a file with this name (a format it reads).
pub fn opens(path: &Path) -> bool {
    Format::by_path(path).is_some_and(|f| f.reads)
}

/// Why a graph file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The name names no format kgx has for this.
    #[error("{}: unknown format; kgx {verb} {}", path.display(), expected)]
    Unknown {
        /// The file.
        path: PathBuf,
        /// "reads" or "writes".
        verb: &'static str,
        /// The formats it does, as a list.
        expected: String,
    },
    /// A kgx graph file that is invalid or unreadable.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Another tool's file that is invalid or unreadable.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// An RDF document that is invalid or unreadable.
    #[error(transparent)]
    Rdf(#[from] RdfError),
    /// A kgx graph file that could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// An export that could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
}

/// What a person chose for reading a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// What to do with edges that repeat a pair (formats that offer
    /// [`FormatOption::MergeParallel`]).
    pub merge_parallel: ParallelRule,
}

/// A graph read from a file, and what was left out or changed on the way.
#[derive(Clone, Debug)]
pub struct ReadGraph {
    /// The graph.
    pub graph: KnowledgeGraph,
    /// One line per kind of thing skipped, changed or merged.
    pub notes: Vec<String>,
    /// The format it was read as.
    pub format: &'static Format,
    /// A kgx file's stamp, taken from the bytes read (other formats: none).
    pub stamp: Option<crate::io::FileStamp>,
}

/// The format `path` is read as: `forced` if given, else the one its extension names.
///
/// # Errors
/// [`FormatError::Unknown`] when neither names a format kgx reads.
pub fn format_to_read(path: &Path, forced: Option<&'static Format>) -> Result<&'static Format, FormatError> {
    forced.or_else(|| Format::by_path(path)).filter(|f| f.reads).ok_or_else(|| FormatError::Unknown {
        path: path.to_owned(),
        verb: "reads",
        expected: list(readable()),
    })
}

/// Reads a graph file in `format` (kgx files report to `progress` and stop when it is
/// cancelled), merging repeated edges as `options` says. O(file size).
///
/// # Errors
/// [`FormatError`] naming the file and, for invalid content, where in it.
pub fn read_file(
    path: &Path,
    format: &'static Format,
    options: ReadOptions,
    progress: &Progress,
) -> Result<ReadGraph, FormatError> {
    let (mut graph, mut notes, stamp) = if format.native {
        let (graph, stamp) = crate::io::load_file_stamped(path, progress)?;
        (graph, Vec::new(), Some(stamp))
    } else if let Some(rdf) = format.rdf_format() {
        let read_error = |e: std::io::Error| RdfError::Read { path: path.to_owned(), message: e.to_string() };
        let size = std::fs::metadata(path).map_err(read_error)?.len();
        if size > crate::io::MAX_FILE_BYTES {
            let message = format!("{size} bytes is larger than kgx reads");
            return Err(RdfError::Read { path: path.to_owned(), message }.into());
        }
        let bytes = std::fs::read(path).map_err(read_error)?;
        (crate::io::rdf::from_rdf(&bytes, path, rdf)?, Vec::new(), None)
    } else {
        let Some(import) = format.import_format() else {
            return Err(FormatError::Unknown { path: path.to_owned(), verb: "reads", expected: list(readable()) });
        };
        let imported = import_as(path, import)?;
        (imported.graph, imported.notes, None)
    };
    if format.offers(FormatOption::MergeParallel) {
        notes.extend(merge_note(&mut graph, options.merge_parallel));
    }
    Ok(ReadGraph { graph, notes, format, stamp })
}

/// Imports a file as `format` whatever its name ends with.
fn import_as(path: &Path, format: ImportFormat) -> Result<Imported, ImportError> {
    let size = std::fs::metadata(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?.len();
    if size > crate::io::MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size });
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?;
    crate::io::import::import_bytes(&bytes, path, format)
}

/// Merges repeated edges of `graph` by `rule`, and says what it did (nothing when nothing
/// repeats or the rule keeps every edge).
pub fn merge_note(graph: &mut KnowledgeGraph, rule: ParallelRule) -> Option<String> {
    let repeats = merge_parallel(graph, rule);
    (rule != ParallelRule::None && repeats.any()).then(|| {
        format!(
            "{} edges merged into {} cooperations ({}; {} repeated pairs)",
            repeats.edges,
            repeats.pairs,
            rule.label(),
            repeats.repeated_pairs
        )
    })
}

/// The files writing `path` in `format` produces: the file itself, or for CSV tables
/// `NAME.nodes.csv` and `NAME.edges.csv` beside it.
pub fn output_files(path: &Path, format: &Format) -> Vec<PathBuf> {
    if format.offers(FormatOption::TwoTables) {
        vec![path.with_extension("nodes.csv"), path.with_extension("edges.csv")]
    } else {
        vec![path.to_owned()]
    }
}

/// Writes `graph` to `path` in `format`, atomically; returns the files written. O(size).
///
/// # Errors
/// [`FormatError`] naming the file that could not be written (or the format, when kgx does not
/// write it); files already written stay.
pub fn write_file(graph: &KnowledgeGraph, path: &Path, format: &Format) -> Result<Vec<PathBuf>, FormatError> {
    if !format.writes {
        return Err(FormatError::Unknown { path: path.to_owned(), verb: "writes", expected: list(writable()) });
    }
    let write = |file: &Path, text: &str| {
        write_atomic(file, |w| w.write_all(text.as_bytes()))
            .map_err(|source| FormatError::Write { path: file.to_owned(), source })
    };
    let files = output_files(path, format);
    match format.id {
        FormatId::Kgx => crate::io::save_file(graph, path)?,
        FormatId::Csv => {
            let (nodes, edges) = crate::io::export::to_csv_tables(graph);
            for (file, text) in files.iter().zip([nodes, edges]) {
                write(file, &text)?;
            }
        }
        FormatId::GraphMl => write(path, &crate::io::export::to_graphml(graph))?,
        FormatId::Gexf => write(path, &crate::io::export::to_gexf(graph))?,
        FormatId::NodeLinkJson => write(path, &crate::io::export::to_node_link_json(graph))?,
        FormatId::Turtle => write(path, &crate::io::rdf::to_turtle(graph, DEFAULT_BASE))?,
        FormatId::JsonLd => write(path, &crate::io::rdf::to_jsonld(graph, DEFAULT_BASE))?,
    }
    Ok(files)
}

/// The format `path` is written in: `forced` if given, else the one its extension names.
///
/// # Errors
/// [`FormatError::Unknown`] when neither names a format kgx writes.
pub fn format_to_write(path: &Path, forced: Option<&'static Format>) -> Result<&'static Format, FormatError> {
    forced.or_else(|| Format::by_path(path)).filter(|f| f.writes).ok_or_else(|| FormatError::Unknown {
        path: path.to_owned(),
        verb: "writes",
        expected: list(writable()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_entry_names_and_extensions_of_its_own() {
        for id in FormatId::ALL {
            assert_eq!(id.format().id, id);
        }
        let mut names = std::collections::HashSet::new();
        let mut extensions = std::collections::HashSet::new();
        for format in &FORMATS {
            for name in std::iter::once(&format.name).chain(format.aliases) {
                assert!(names.insert(*name), "{name} names two formats");
                assert_eq!(Format::by_name(&name.to_uppercase()), Some(format));
            }
            for extension in format.extensions {
                assert!(extensions.insert(*extension), ".{extension} names two formats");
                assert_eq!(Format::by_path(Path::new(&format!("a/b.{}", extension.to_uppercase()))), Some(format));
            }
        }
        assert_eq!(Format::by_path(Path::new("g.json-ld")).map(|f| f.id), Some(FormatId::JsonLd));
        assert_eq!(Format::by_path(Path::new("g.pdf")), None);
    }

    #[test]
    fn lists_name_formats_for_people() {
        let rdf = [FormatId::Turtle.format(), FormatId::JsonLd.format()];
        assert_eq!(list(rdf.into_iter()), "Turtle (.ttl) or JSON-LD (.jsonld)");
        assert_eq!(output_files(Path::new("x/g.csv"), FormatId::Csv.format()).len(), 2);
    }
}
