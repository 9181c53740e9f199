//! Recovery files: unsaved work written aside every few seconds (and when the window panics),
//! offered back on the next start.
//!
//! A recovery file is an ordinary kgx graph file whose first line is a comment holding a
//! [`RecoveryHeader`] as JSON: the document it belongs to, when it was written, by which process,
//! and its counts, so listing them needs no full parse. It lives in [`recovery_dir`], named
//! `NAME-PID-N.recovery.ron` after the document, the window's process and a per-process counter,
//! so two windows never write the same file.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{SaveError, process_alive, write_atomic, write_document};
use crate::model::KnowledgeGraph;

/// Environment variable that moves the recovery folder (tests, portable installs).
pub const RECOVERY_DIR_VAR: &str = "KGX_RECOVERY_DIR";
/// How a recovery file's name ends.
pub const RECOVERY_SUFFIX: &str = ".recovery.ron";
const HEADER_PREFIX: &str = "// kgx-recovery ";

/// The folder recovery files are written to: `$KGX_RECOVERY_DIR` if set, else the user's data
/// folder (`~/.local/share/kgx/recovery` on Linux, `~/Library/Application Support/kgx/recovery`
/// on macOS, `%APPDATA%\kgx\recovery` on Windows). `None` when the platform has no data folder.
pub fn recovery_dir() -> Option<PathBuf> {
    match std::env::var_os(RECOVERY_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::data_dir().map(|d| d.join("kgx").join("recovery")),
    }
}

/// What a recovery file says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryHeader {
    /// The document's file, or `None` for a graph never saved.
    pub document: Option<PathBuf>,
    /// The name the window showed for it.
    pub name: String,
    /// When it was written, in seconds since 1970 (UTC).
    pub saved_at: u64,
    /// The process of the window that wrote it.
    pub pid: u32,
    /// Number of actors.
    pub actors: usize,
    /// Number of cooperations.
    pub cooperations: usize,
}

/// A recovery file found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFile {
    /// Where it is.
    pub path: PathBuf,
    /// What it holds.
    pub header: RecoveryHeader,
}

impl RecoveryFile {
    /// Whether the window that wrote it still runs (then it is that window's, not a leftover).
    pub fn owner_running(&self) -> bool {
        process_alive(self.header.pid)
    }

    /// Whether it holds work the document on disk lacks: the document was never saved, is gone,
    /// or was last written before this recovery file.
    pub fn is_newer_than_document(&self) -> bool {
        let Some(document) = &self.header.document else { return true };
        let Ok(modified) = fs::metadata(document).and_then(|m| m.modified()) else { return true };
        let document_secs = modified.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        document_secs <= self.header.saved_at
    }

    /// Whether the next start should offer it back: a leftover of a window that is gone, newer
    /// than its document.
    pub fn is_offered(&self) -> bool {
        !self.owner_running() && self.is_newer_than_document()
    }

    /// When it was written, as `YYYY-MM-DD HH:MM UTC`.
    pub fn saved_at_text(&self) -> String {
        utc_text(self.header.saved_at)
    }
}

/// A fresh recovery path for a document shown as `name`, in `dir`: unique to this process and
/// call.
pub fn slot_path(dir: &Path, name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let safe: String =
        name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { ' ' }).take(60).collect();
    let stem = safe.split_whitespace().collect::<Vec<_>>().join("_");
    let stem = if stem.is_empty() { "graph".to_owned() } else { stem };
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{stem}-{}-{n}{RECOVERY_SUFFIX}", std::process::id()))
}

/// Now, in seconds since 1970.
pub fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Writes `graph` atomically to the recovery file `path` (creating its folder), with its header.
///
/// # Errors
/// [`SaveError`] naming the recovery file.
pub fn write_recovery(
    path: &Path,
    graph: &KnowledgeGraph,
    document: Option<&Path>,
    name: &str,
) -> Result<(), SaveError> {
    let header = RecoveryHeader {
        document: document.map(Path::to_owned),
        name: name.to_owned(),
        saved_at: now_secs(),
        pid: std::process::id(),
        actors: graph.actor_count(),
        cooperations: graph.cooperation_count(),
    };
    let error = |source| SaveError::Write { path: path.to_owned(), source };
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(error)?;
    }
    let json = serde_json::to_string(&header).map_err(|e| error(io::Error::other(e)))?;
    write_atomic(path, |w| {
        writeln!(w, "{HEADER_PREFIX}{json}")?;
        write_document(graph, w)
    })
    .map_err(error)
}

/// Reads the header of a recovery file (its first line only).
///
/// # Errors
/// The file cannot be read or does not start with a recovery header.
pub fn read_header(path: &Path) -> io::Result<RecoveryHeader> {
    let mut line = String::new();
    io::BufReader::new(fs::File::open(path)?).take(64 * 1024).read_line(&mut line)?;
    let json = line
        .trim_end()
        .strip_prefix(HEADER_PREFIX)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "not a kgx recovery file (no header line)"))?;
    serde_json::from_str(json).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Every recovery file in `dir`, newest first. Files that are not recovery files are skipped.
pub fn list(dir: &Path) -> Vec<RecoveryFile> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<RecoveryFile> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(RECOVERY_SUFFIX)))
        .filter_map(|path| read_header(&path).ok().map(|header| RecoveryFile { path, header }))
        .collect();
    files.sort_by(|a, b| b.header.saved_at.cmp(&a.header.saved_at).then_with(|| a.path.cmp(&b.path)));
    files
}

/// Removes a recovery file; one that is already gone is fine.
///
/// # Errors
/// Any other I/O error.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM UTC` (proleptic Gregorian calendar).
pub fn utc_text(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rest / 3600, rest % 3600 / 60)
}

/// What unsaved work changed against the file it belongs to, for people to decide whether to
/// restore it: counts of actors and cooperations added and removed, and the first few names of
/// actors added, removed or edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Names of actors the work has and the file does not (all of them; show the first few).
    pub added: Vec<String>,
    /// Names of actors the file has and the work does not.
    pub removed: Vec<String>,
    /// Names of actors in both whose content differs (positions aside).
    pub edited: Vec<String>,
    /// Cooperations the work has more (positive) or fewer than the file.
    pub cooperations: i64,
}

impl Changes {
    /// One line for people: "+2 actors (World Bank, Mammoth Fund), −1 actor (Xinhua), 3 edited
    /// (China, WHO, …), +1 cooperation"; "no changes to actors or cooperations" when none.
    pub fn summary(&self) -> String {
        let names = |list: &[String]| {
            let shown: Vec<&str> = list.iter().take(3).map(String::as_str).collect();
            let more = if list.len() > 3 { ", …" } else { "" };
            format!("{}{more}", shown.join(", "))
        };
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!("+{} ({})", crate::words::actors(self.added.len()), names(&self.added)));
        }
        if !self.removed.is_empty() {
            parts.push(format!("−{} ({})", crate::words::actors(self.removed.len()), names(&self.removed)));
        }
        if !self.edited.is_empty() {
            parts.push(format!("{} edited ({})", self.edited.len(), names(&self.edited)));
        }
        if self.cooperations != 0 {
            let sign = if self.cooperations > 0 { "+" } else { "−" };
            parts.push(format!("{sign}{}", crate::words::cooperations(self.cooperations.unsigned_abs() as usize)));
        }
        if parts.is_empty() {
            "no changes to actors or cooperations (positions aside)".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// What the recovery file at `path` changes against `original` (its document as saved). O(n).
///
/// # Errors
/// Either file cannot be read or is not a graph.
pub fn changes(path: &Path, original: &Path) -> Result<Changes, crate::io::LoadError> {
    let work = crate::io::load_file(path)?;
    let file = crate::io::load_file(original)?;
    let label = |g: &crate::model::KnowledgeGraph, id: &crate::model::ActorId| {
        g.actor(id).map_or_else(|| id.to_string(), |a| a.label.clone())
    };
    let mut changes = Changes::default();
    for actor in work.actors_sorted() {
        match file.actor(actor.id()) {
            None => changes.added.push(actor.label.clone()),
            Some(before) => {
                let same = before.label == actor.label
                    && before.kind == actor.kind
                    && before.aliases == actor.aliases
                    && before.country == actor.country
                    && before.attributes == actor.attributes
                    && before.notes == actor.notes
                    && before.style == actor.style;
                if !same {
                    changes.edited.push(actor.label.clone());
                }
            }
        }
    }
    for actor in file.actors_sorted() {
        if !work.contains_actor(actor.id()) {
            changes.removed.push(label(&file, actor.id()));
        }
    }
    changes.cooperations = work.cooperation_count() as i64 - file.cooperation_count() as i64;
    Ok(changes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::io::load_file;
    use crate::model::{Actor, ActorId, ActorKind};

    #[test]
    fn a_recovery_file_is_a_graph_file_with_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let mut graph = KnowledgeGraph::new();
        graph.add_actor(Actor::new(ActorId::new("a"), "A \"quoted\"", ActorKind::Hospital)).unwrap();
        let path = slot_path(dir.path(), "my graph.ron");
        assert!(path.file_name().unwrap().to_str().unwrap().starts_with("my_graph_ron-"), "{path:?}");
        write_recovery(&path, &graph, Some(Path::new("/x/my graph.ron")), "my graph.ron").unwrap();
        let listed = list(dir.path());
        assert_eq!(listed.len(), 1);
        let header = &listed[0].header;
        assert_eq!(header.document.as_deref(), Some(Path::new("/x/my graph.ron")));
        assert_eq!((header.actors, header.cooperations, header.pid), (1, 0, std::process::id()));
        assert!(listed[0].owner_running(), "this process wrote it");
        assert!(!listed[0].is_offered(), "a running window's file is not offered");
        assert!(listed[0].is_newer_than_document(), "its document does not exist");
        assert!(load_file(&path).unwrap() == graph, "the loader reads it as a graph");
    }

    #[test]
    fn an_older_recovery_file_than_its_document_is_not_newer() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("doc.ron");
        fs::write(&document, "saved later").unwrap();
        let file = RecoveryFile {
            path: dir.path().join("x.recovery.ron"),
            header: RecoveryHeader {
                document: Some(document),
                name: "doc.ron".into(),
                saved_at: 1_000,
                pid: u32::MAX,
                actors: 0,
                cooperations: 0,
            },
        };
        assert!(!file.is_newer_than_document());
    }

    #[test]
    fn other_files_in_the_folder_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "hello").unwrap();
        fs::write(dir.path().join("fake.recovery.ron"), "(format: \"kgx\")").unwrap();
        assert!(list(dir.path()).is_empty());
        assert!(list(&dir.path().join("missing")).is_empty());
    }

    #[test]
    fn utc_text_matches_known_dates() {
        assert_eq!(utc_text(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_text(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_text(1_795_620_000), "2026-11-25 15:20 UTC");
    }
}
