//! Typed errors of reading and writing graph files. Every message names the file, and where the
//! problem is in the file, its line and column.

use std::fmt;
use std::path::PathBuf;

use super::locate::Position;

/// One problem found in a file that parsed but does not make a valid graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, if it could be located.
    pub position: Option<Position>,
    /// What is wrong and what was expected.
    pub message: String,
}

/// Why a file could not be opened as a graph. The graph that was open before stays untouched.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
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
    #[error("{}: the file is {} MB; kgx reads graph files up to {} MB", path.display(), size / 1_000_000, limit / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is empty (or only whitespace and comments).
    #[error("{}:1:1: the file is empty; expected a kgx document such as (format: \"kgx\", version: 1, actors: [...])", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not UTF-8 text.
    #[error("{}:{position}: the file is not UTF-8 text (byte 0x{byte:02x} is not valid here); is it a kgx graph file?", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first invalid byte is.
        position: Position,
        /// The invalid byte.
        byte: u8,
    },
    /// The text is not valid RON or does not have the document's structure.
    #[error("{}:{position}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where the parser stopped.
        position: Position,
        /// What the parser expected.
        message: String,
    },
    /// The document says it is some other format.
    #[error("{}:{position}: this is not a kgx graph: its format is \"{found}\", expected \"kgx\"", path.display())]
    WrongFormat {
        /// The file.
        path: PathBuf,
        /// Where the format field is.
        position: Position,
        /// The format name found.
        found: String,
    },
    /// The document's version is one this build cannot read.
    #[error("{}:{position}: format version {found} is not supported; this build of kgx reads version{} {}", path.display(), if supported.len() == 1 { "" } else { "s" }, list(supported))]
    UnsupportedVersion {
        /// The file.
        path: PathBuf,
        /// Where the version field is.
        position: Position,
        /// The version found.
        found: u32,
        /// The versions this build reads.
        supported: &'static [u32],
    },
    /// Reading was cancelled; nothing was opened.
    #[error("{}: opening was cancelled", path.display())]
    Cancelled {
        /// The file.
        path: PathBuf,
    },
    /// The document parsed but has problems; all of them are listed.
    #[error("{}", Invalid { path, problems })]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found, in file order.
        problems: Vec<Problem>,
    },
}

fn list(versions: &[u32]) -> String {
    versions.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

struct Invalid<'a> {
    path: &'a PathBuf,
    problems: &'a [Problem],
}

impl fmt::Display for Invalid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match problem.position {
                Some(position) => write!(f, "{}:{position}: {}", self.path.display(), problem.message)?,
                None => write!(f, "{}: {}", self.path.display(), problem.message)?,
            }
        }
        Ok(())
    }
}

impl LoadError {
    /// How many problems this error reports (more than one only for [`LoadError::Invalid`]).
    pub fn problem_count(&self) -> usize {
        match self {
            LoadError::Invalid { problems, .. } => problems.len(),
            _ => 1,
        }
    }
}

/// Why a graph could not be saved. The file on disk is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, syncing or renaming failed.
    #[error("{}: cannot save: {source}", path.display())]
    Write {
        /// The file being saved.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The graph could not be turned into text (a value RON cannot represent).
    #[error("{}: cannot encode the graph: {message}", path.display())]
    Encode {
        /// The file being saved.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}
