//! Atomic file replacement: a save either fully happens or leaves the old file as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes a file atomically: the content goes to a temporary file in the same folder, which is
/// flushed, synced to disk and then renamed over `path`. A crash or error at any point leaves
/// either the old file or the new one, never a mix or an empty file. On error the temporary file
/// is removed.
///
/// `write` receives the temporary file; an error it returns aborts the save.
///
/// # Errors
/// Any I/O error of creating, writing, syncing or renaming, or the error `write` returned.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let temp = temp_path(path);
    let result = write_and_rename(path, &temp, write);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_and_rename(path: &Path, temp: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    let mut writer = io::BufWriter::new(file);
    write(&mut writer)?;
    let file = writer.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    sync_folder(path);
    Ok(())
}

/// `.name.kgx-tmp-PID-N` beside the target, so the rename stays on one file system.
fn temp_path(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "graph".to_owned());
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.kgx-tmp-{}-{unique}", std::process::id()))
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_folder(path: &Path) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("kgx-tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        fs::write(&path, "old content").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half of the new cont")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old content");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_rename_keeps_the_old_target() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a non-empty folder: the rename fails after the content was written.
        let target = dir.path().join("g.ron");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), "kept").unwrap();
        assert!(write_atomic(&target, |w| w.write_all(b"new")).is_err());
        assert_eq!(fs::read_to_string(target.join("inside")).unwrap(), "kept");
        assert!(leftovers(dir.path()).is_empty());
    }
}
