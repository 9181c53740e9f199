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
    remove_stale_temporaries(path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")));
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

/// Removes `.NAME.kgx-tmp-PID-N` files in `folder` left by saves whose process is gone (killed
/// mid-write). Files of running processes, this one included, are left alone. Best effort.
pub fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_owner) else { continue };
        if !super::process::process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file name `.NAME.kgx-tmp-PID-N`, if it is one.
fn temporary_owner(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, tail) = name.rsplit_once(".kgx-tmp-")?;
    let (pid, counter) = tail.split_once('-')?;
    counter.parse::<u64>().ok()?;
    pid.parse().ok()
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
    fn temporary_names_are_recognised_with_their_owner() {
        assert_eq!(temporary_owner(".g.ron.kgx-tmp-4242-7"), Some(4242));
        assert_eq!(temporary_owner(".a.kgx-tmp-b.ron.kgx-tmp-12-0"), Some(12));
        assert_eq!(temporary_owner("g.ron.kgx-tmp-12-0"), None);
        assert_eq!(temporary_owner(".g.ron"), None);
        assert_eq!(temporary_owner(".g.ron.kgx-tmp-x-1"), None);
    }

    #[test]
    fn a_save_removes_temporaries_of_dead_processes_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".g.ron.kgx-tmp-{dead}-0"));
        let ours = dir.path().join(format!(".other.ron.kgx-tmp-{}-99", std::process::id()));
        fs::write(&stale, "half a file").unwrap();
        fs::write(&ours, "being written").unwrap();
        write_atomic(&dir.path().join("g.ron"), |w| w.write_all(b"new")).unwrap();
        if cfg!(target_os = "linux") {
            assert!(!stale.exists(), "the dead process's leftover is removed");
        }
        assert!(ours.exists(), "a running process's temporary is kept");
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
