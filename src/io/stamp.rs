//! [`FileStamp`]: what a file on disk looked like when it was opened or saved, to notice when
//! another program (an editor, `git pull`) has changed it since.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and a hash of a file's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl FileStamp {
    /// Reads the file and stamps it. O(file size).
    ///
    /// # Errors
    /// The file cannot be read.
    pub fn read(path: &Path) -> io::Result<Self> {
        let metadata = fs::metadata(path)?;
        let (len, hash) = hash_file(path)?;
        Ok(Self { len, modified: metadata.modified().ok(), hash })
    }

    /// Whether the file now differs from this stamp. Size and time are compared first; the
    /// content is read only when they differ (a `touch` is not a change). A file that is gone
    /// counts as changed.
    pub fn differs_from_disk(&self, path: &Path) -> bool {
        let Ok(metadata) = fs::metadata(path) else { return true };
        if metadata.len() == self.len && metadata.modified().ok() == self.modified {
            return false;
        }
        hash_file(path).map_or(true, |(len, hash)| len != self.len || hash != self.hash)
    }
}

/// Stamps a file from the bytes of one reading of it (the reader of a graph file hashes what
/// it reads, rather than reading the file twice). Gives what [`FileStamp::read`] would.
#[derive(Debug, Default)]
pub struct StampHasher {
    hasher: DefaultHasher,
    len: u64,
}

impl StampHasher {
    /// Nothing read yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The next bytes of the file.
    pub fn write(&mut self, bytes: &[u8]) {
        self.hasher.write(bytes);
        self.len += bytes.len() as u64;
    }

    /// The stamp of the bytes written, with the file's modification time as it was before
    /// they were read.
    pub fn finish(&self, modified: Option<SystemTime>) -> FileStamp {
        FileStamp { len: self.len, modified, hash: self.hasher.finish() }
    }
}

/// The file's length and a hash of its content, read in 1 MiB pieces (a graph file of hundreds
/// of megabytes is never held whole).
fn hash_file(path: &Path) -> io::Result<(u64, u64)> {
    let mut file = fs::File::open(path)?;
    let mut hasher = StampHasher::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        hasher.write(buffer.get(..n).unwrap_or_default());
    }
    Ok((hasher.len, hasher.hasher.finish()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_stamp_hashed_while_reading_in_pieces_equals_the_stamp_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        let content: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&path, &content).unwrap();
        let mut hasher = StampHasher::new();
        for piece in content.chunks(777_777) {
            hasher.write(piece);
        }
        let modified = fs::metadata(&path).unwrap().modified().ok();
        assert_eq!(hasher.finish(modified), FileStamp::read(&path).unwrap());
    }

    #[test]
    fn an_unchanged_or_touched_file_is_not_a_change_but_new_content_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        fs::write(&path, "one").unwrap();
        let stamp = FileStamp::read(&path).unwrap();
        assert!(!stamp.differs_from_disk(&path));
        // Same bytes written again (a new modification time): not a change.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, "one").unwrap();
        assert!(!stamp.differs_from_disk(&path));
        fs::write(&path, "two").unwrap();
        assert!(stamp.differs_from_disk(&path));
        fs::remove_file(&path).unwrap();
        assert!(stamp.differs_from_disk(&path));
    }
}
