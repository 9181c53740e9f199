//! `kgx bench-layout`: per-iteration time, iterations and time to settle, and peak memory of the
//! layout engine on Barabási–Albert graphs (m = 3, seed 42).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::generate::barabasi_albert;
use crate::layout::{LayoutEngine, LayoutParams};

pub(super) fn run(sizes: &[usize], threads: &[usize], samples: usize) -> ExitCode {
    println!("Layout benchmark: Barabási–Albert m=3, seed 42, theta 1.0, default parameters");
    println!(
        "{:>9} {:>9} {:>7} {:>12} {:>10} {:>12} {:>10}",
        "actors", "coops", "threads", "ms/iter(med)", "iters", "settle (s)", "peak MB"
    );
    for &size in sizes {
        let list = barabasi_albert(size, 3, 42);
        let edges: Vec<(u32, u32, f32)> = list.edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        for &thread_count in threads {
            let build = || -> Result<LayoutEngine, String> {
                let mut engine = LayoutEngine::new(size, &edges, LayoutParams::default());
                engine.set_threads(thread_count).map_err(|e| e.to_string())?;
                engine.place_unpositioned(&[], 42);
                Ok(engine)
            };
            let mut engine = match build() {
                Ok(engine) => engine,
                Err(error) => {
                    eprintln!("cannot start {thread_count} threads: {error}");
                    return ExitCode::FAILURE;
                }
            };
            // Time to settle from a fresh start, recording each iteration's time.
            let mut times: Vec<Duration> = Vec::new();
            let started = Instant::now();
            loop {
                let t = Instant::now();
                let state = engine.step();
                times.push(t.elapsed());
                if state == crate::layout::LayoutState::Settled {
                    break;
                }
            }
            let settle = started.elapsed();
            let iterations = engine.iteration();
            // Median of the iterations after a short warm-up (the first ones allocate buffers).
            let mut sample: Vec<Duration> = times.iter().skip(3).take(samples.max(1)).copied().collect();
            if sample.is_empty() {
                sample = times.clone();
            }
            sample.sort();
            let median = sample.get(sample.len() / 2).copied().unwrap_or_default();
            println!(
                "{:>9} {:>9} {:>7} {:>12.3} {:>10} {:>12.2} {:>10}",
                size,
                edges.len(),
                thread_count,
                median.as_secs_f64() * 1e3,
                iterations,
                settle.as_secs_f64(),
                peak_memory_mb().map_or_else(|| "n/a".to_owned(), |mb| format!("{mb:.0}"))
            );
        }
    }
    println!("peak MB: the process's peak resident memory so far (VmHWM), graph generation included");
    ExitCode::SUCCESS
}

/// The process's peak resident set size in MB, from /proc (Linux only).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
