//! [`Job`]: work that grows with the input, run on a worker thread: it reports progress, can be
//! cancelled, and hands its result to the frame that polls it. Every long task of the window
//! (open, save, export, pictures, imports, knowledge bases, analyses) is one, so they all start,
//! report, cancel and end the same way, and none outlives the window part that wanted it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::analysis::progress::Progress;

/// How often a frame looks again at a job still running (a repaint is asked for this late).
pub const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// A task on a worker thread and the way to its result.
///
/// Dropping a job cancels it: the work stops at its next [`Progress::check`] and its result is
/// thrown away.
#[derive(Debug)]
pub struct Job<T> {
    what: String,
    receiver: Receiver<T>,
    progress: Arc<Progress>,
    started: Instant,
}

/// What [`Job::poll`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Polled<T> {
    /// Still working: look again next frame.
    Running,
    /// Finished with this result (handed over once).
    Done(T),
    /// The worker ended without a result (it panicked, or the thread could not start).
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a worker thread; `what` names the task for the status line ("Saving
    /// graph.ron"). The work reports through the [`Progress`] it is given, and should call
    /// [`Progress::check`] now and then to stop early when cancelled.
    pub fn start(what: impl Into<String>, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Self {
        Self::start_then(what, work, || {})
    }

    /// Starts `work` as [`Job::start`] does, and calls `finished` on the worker once the result
    /// is ready (or the work panicked): e.g. to wake the window, so that a frame polls the job
    /// when it is done rather than every few milliseconds while it runs.
    pub fn start_then(
        what: impl Into<String>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
        finished: impl FnOnce() + Send + 'static,
    ) -> Self {
        let what = what.into();
        let (sender, receiver) = channel();
        let progress = Arc::new(Progress::new());
        let reporting = Arc::clone(&progress);
        // A thread that cannot start drops the sender: the job is then Lost, not stuck.
        let _ = std::thread::Builder::new().name(format!("kgx job: {what}")).spawn(move || {
            // Called however the work ends, after its result (or its loss) can be seen.
            struct Finished<F: FnOnce()>(Option<F>);
            impl<F: FnOnce()> Drop for Finished<F> {
                fn drop(&mut self) {
                    if let Some(finished) = self.0.take() {
                        finished();
                    }
                }
            }
            let finished = Finished(Some(finished));
            // Declared after `finished`, so it is dropped before it, also when `work` panics:
            // the job reads as Lost by the time `finished` runs.
            let handing_over = sender;
            let result = work(&reporting);
            let _ = handing_over.send(result);
            drop(handing_over);
            drop(finished);
        });
        Self { what, receiver, progress, started: Instant::now() }
    }
}

impl<T> Job<T> {
    /// Takes the result if it is there. Never blocks.
    pub fn poll(&self) -> Polled<T> {
        match self.receiver.try_recv() {
            Ok(result) => Polled::Done(result),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Lost,
        }
    }

    /// Asks the work to stop at its next check; its result, if any, is still handed over.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// How far the work has got, and whether it was cancelled.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// What the job does, as the status line says it.
    pub fn what(&self) -> &str {
        &self.what
    }

    /// How long it has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

/// Frees `value` on a worker thread: dropping a large graph, document or layout takes a while,
/// and the frame must not wait for it.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    if let Err(returned) = std::thread::Builder::new().name("kgx drop".to_owned()).spawn(move || drop(value)) {
        // No thread to be had: freed here after all, rather than kept forever.
        drop(returned);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(job: &Job<T>) -> Polled<T> {
        for _ in 0..2000 {
            match job.poll() {
                Polled::Running => std::thread::sleep(Duration::from_millis(1)),
                other => return other,
            }
        }
        Polled::Running
    }

    #[test]
    fn a_job_hands_over_its_result_once() {
        let job = Job::start("adding", |progress| {
            progress.start(2);
            progress.advance(2);
            40 + 2
        });
        assert_eq!(wait(&job), Polled::Done(42));
        assert_eq!(job.progress().fraction(), 1.0);
        assert_eq!(job.what(), "adding");
        assert_eq!(job.poll(), Polled::Lost, "the result was taken; the worker is gone");
    }

    #[test]
    fn a_job_says_when_it_is_done_and_its_result_is_there_by_then_even_if_it_panicked() {
        let (woken, wakes) = channel();
        let job = Job::start_then("adding", |_| 40 + 2, move || woken.send(()).unwrap_or_default());
        wakes.recv_timeout(Duration::from_secs(5)).expect("woken");
        assert_eq!(job.poll(), Polled::Done(42), "no frame needs to look before the wake");
        let (woken, wakes) = channel();
        let lost: Job<u32> =
            Job::start_then("failing", |_| panic!("on purpose"), move || woken.send(()).unwrap_or_default());
        wakes.recv_timeout(Duration::from_secs(5)).expect("woken after a panic too");
        assert_eq!(lost.poll(), Polled::Lost);
    }

    #[test]
    fn cancelling_stops_the_work_at_its_next_check() {
        let job = Job::start("counting", |progress| {
            let mut steps = 0u64;
            while progress.check().is_ok() && steps < 10_000_000_000 {
                steps += 1;
                std::hint::spin_loop();
            }
            steps < 10_000_000_000
        });
        job.cancel();
        assert_eq!(wait(&job), Polled::Done(true), "stopped early");
    }

    #[test]
    fn a_worker_that_panics_is_reported_lost() {
        let job: Job<u8> = Job::start("failing", |_| panic!("a bug in the work"));
        assert_eq!(wait(&job), Polled::Lost);
    }

    #[test]
    fn dropping_a_job_cancels_its_work() {
        let (seen, watch) = channel();
        let job = Job::start("watching", move |progress| {
            while progress.check().is_ok() {
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = seen.send(());
        });
        drop(job);
        assert!(watch.recv_timeout(Duration::from_secs(5)).is_ok(), "the work saw the cancel and ended");
    }
}
