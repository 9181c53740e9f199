//! [`Autosave`]: unsaved work goes to a recovery file a few seconds after each change, written
//! by a worker thread so the window never waits on the disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::document::Document;
use crate::io::recovery::{self, slot_path, write_recovery};
use crate::model::KnowledgeGraph;

/// How long after a change its recovery file is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

/// One job for the writer thread; jobs run in the order they were sent.
enum Job {
    Write {
        path: PathBuf,
        graph: std::sync::Arc<KnowledgeGraph>,
        document: Option<PathBuf>,
        name: String,
    },
    Remove(PathBuf),
    /// Answers once every earlier job is done.
    Flush(Sender<()>),
}

/// Writes the open document's recovery file while it has unsaved changes, and removes it once
/// they are saved or discarded.
pub struct Autosave {
    dir: Option<PathBuf>,
    delay: Duration,
    /// This document's recovery file, once one was written (or adopted on restore).
    slot: Option<PathBuf>,
    seen_revision: u64,
    due: Option<Instant>,
    jobs: Option<Sender<Job>>,
    worker: Option<JoinHandle<()>>,
    /// The last failure to write, for the status bar.
    pub last_error: Option<String>,
    failures: Option<Receiver<String>>,
}

impl Autosave {
    /// Autosaves into `dir` (`None`: never), `delay` after a change.
    pub fn new(dir: Option<PathBuf>, delay: Duration) -> Self {
        Self {
            dir,
            delay,
            slot: None,
            seen_revision: 0,
            due: None,
            jobs: None,
            worker: None,
            last_error: None,
            failures: None,
        }
    }

    /// The folder recovery files go to, if autosave is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// This document's recovery file, if one exists.
    pub fn slot(&self) -> Option<&Path> {
        self.slot.as_deref()
    }

    /// Called every frame: schedules a write after a change, writes when it is due, and drops the
    /// recovery file when the document is back to its saved state. Returns how long until the
    /// next write is due, so the window can wake up for it (and otherwise sleep).
    pub fn on_frame(&mut self, doc: &mut Document) -> Option<Duration> {
        if let Some(message) = self.failures.as_ref().and_then(|f| f.try_iter().last()) {
            self.last_error = Some(message);
        }
        self.dir.as_ref()?;
        if doc.revision != self.seen_revision {
            self.seen_revision = doc.revision;
            if doc.is_dirty() {
                // The first change starts the clock; later ones do not push it back, so steady
                // typing is still written every few seconds.
                self.due.get_or_insert_with(|| Instant::now() + self.delay);
            } else {
                self.due = None;
                self.discard();
            }
        }
        let due = self.due?;
        let now = Instant::now();
        if now >= due {
            self.due = None;
            self.write_in_background(doc);
            None
        } else {
            Some(due - now)
        }
    }

    /// Sends a snapshot of the document to the writer thread.
    fn write_in_background(&mut self, doc: &mut Document) {
        let Some(path) = self.slot_for(doc) else { return };
        doc.capture_positions();
        let job = Job::Write {
            path,
            graph: std::sync::Arc::clone(&doc.graph),
            document: doc.path.clone(),
            name: doc.display_name(),
        };
        self.send(job);
    }

    /// Writes the recovery file now, on this thread (a panic is unwinding: no time to lose).
    /// Does nothing when the document has no unsaved changes.
    ///
    /// # Errors
    /// The write failed; the message names the file.
    pub fn write_now(&mut self, doc: &mut Document) -> Result<(), String> {
        if !doc.is_dirty() {
            return Ok(());
        }
        let Some(path) = self.slot_for(doc) else { return Ok(()) };
        doc.capture_positions();
        write_recovery(&path, &doc.graph, doc.path.as_deref(), &doc.display_name()).map_err(|e| e.to_string())
    }

    /// The recovery file is no longer needed (saved, or the changes were discarded): remove it.
    pub fn discard(&mut self) {
        self.due = None;
        if let Some(path) = self.slot.take() {
            self.send(Job::Remove(path));
        }
    }

    /// A new document is open: forget the old one's schedule (its file was discarded or saved).
    pub fn start_document(&mut self, doc: &Document) {
        self.discard();
        self.seen_revision = doc.revision;
    }

    /// The document was restored from `path`: keep writing there, so it is removed on save.
    pub fn adopt(&mut self, path: PathBuf, doc: &Document) {
        self.discard();
        self.slot = Some(path);
        self.seen_revision = doc.revision;
        self.due = Some(Instant::now() + self.delay);
    }

    /// Waits until every write and removal sent so far is done.
    pub fn flush(&mut self) {
        let (done, wait) = channel();
        self.send(Job::Flush(done));
        let _ = wait.recv_timeout(Duration::from_secs(30));
    }

    fn slot_for(&mut self, doc: &Document) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(self.slot.get_or_insert_with(|| slot_path(dir, &doc.display_name())).clone())
    }

    fn send(&mut self, job: Job) {
        if self.jobs.is_none() {
            let (jobs, receive) = channel();
            let (report, failures) = channel();
            self.worker = std::thread::Builder::new()
                .name("kgx autosave".to_owned())
                .spawn(move || run_jobs(&receive, &report))
                .ok();
            self.jobs = Some(jobs);
            self.failures = Some(failures);
        }
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }
}

impl Drop for Autosave {
    fn drop(&mut self) {
        // Let the last write or removal finish before the process ends.
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn run_jobs(jobs: &Receiver<Job>, failures: &Sender<String>) {
    for job in jobs {
        match job {
            Job::Write { path, graph, document, name } => {
                if let Err(error) = write_recovery(&path, &graph, document.as_deref(), &name) {
                    let _ = failures.send(format!("Autosave failed: {error}"));
                }
            }
            Job::Remove(path) => {
                if let Err(error) = recovery::remove(&path) {
                    let _ = failures.send(format!("Could not remove {}: {error}", path.display()));
                }
            }
            Job::Flush(done) => {
                let _ = done.send(());
            }
        }
    }
}
