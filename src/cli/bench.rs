//! `kgx bench-layout`: per-iteration time, iterations and time to settle, and peak memory of the
//! layout engine on Barabási–Albert graphs (m = 3, seed 42).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::generate::{barabasi_albert, planted_partition};
use crate::layout::{LayoutEngine, LayoutParams};
use crate::rng::SplitMix64;

pub(super) fn run(sizes: &[usize], threads: &[usize], samples: usize, multilevel_only: bool) -> ExitCode {
    if multilevel_only {
        return compare_starts(sizes, threads.iter().copied().max().unwrap_or(1), &[0]);
    }
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
                let plain = LayoutParams { multilevel_above: usize::MAX, ..LayoutParams::default() };
                let mut engine = LayoutEngine::new(size, &edges, plain);
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
    println!();
    compare_starts(sizes, threads.iter().copied().max().unwrap_or(1), &[usize::MAX, 0])
}

/// Plain (random) start against the multilevel start: time to settle and layout quality, on
/// Barabási–Albert graphs (mean edge length over mean distance between random pairs: lower is
/// tighter) and planted partitions of 8 groups (mean same-group distance over mean other-group
/// distance: lower separates the groups better).
fn compare_starts(sizes: &[usize], thread_count: usize, starts: &[usize]) -> ExitCode {
    println!("Plain vs multilevel start ({thread_count} threads, seed 42)");
    println!(
        "{:>9} {:>8} {:>11} {:>7} {:>11} {:>10} {:>7} {:>11} {:>8}",
        "actors", "graph", "plain (s)", "iters", "quality", "multi (s)", "iters", "quality", "speed-up"
    );
    for &size in sizes {
        let ba = barabasi_albert(size, 3, 42);
        let groups = 8;
        let per_group = (size / groups).max(2) as f64;
        let planted = planted_partition(size, groups, 8.0 / per_group, 1.0 / (size as f64 - per_group).max(1.0), 42);
        for (name, list) in [("BA", &ba), ("planted", &planted)] {
            let edges: Vec<(u32, u32, f32)> = list.edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
            let mut row = Vec::new();
            for &multilevel_above in starts {
                let params = LayoutParams { multilevel_above, ..LayoutParams::default() };
                let mut engine = LayoutEngine::new(size, &edges, params);
                if let Err(error) = engine.set_threads(thread_count) {
                    eprintln!("cannot start {thread_count} threads: {error}");
                    return ExitCode::FAILURE;
                }
                engine.place_unpositioned(&[], 42);
                let started = Instant::now();
                engine.run_until_settled();
                let seconds = started.elapsed().as_secs_f64();
                let quality = if list.groups.is_empty() {
                    edge_length_ratio(&engine, &list.edges)
                } else {
                    group_distance_ratio(&engine, &list.groups)
                };
                row.push((seconds, engine.iteration(), quality));
            }
            let (plain, multi) = match row.as_slice() {
                [plain, multi] => (Some(*plain), *multi),
                [multi] => (None, *multi),
                _ => continue,
            };
            let plain_text = plain.map_or_else(
                || format!("{:>11} {:>7} {:>11}", "—", "—", "—"),
                |p| format!("{:>11.2} {:>7} {:>11.3}", p.0, p.1, p.2),
            );
            let speed_up = plain.map_or_else(|| "—".to_owned(), |p| format!("{:.1}×", p.0 / multi.0.max(1e-9)));
            println!(
                "{:>9} {:>8} {plain_text} {:>10.2} {:>7} {:>11.3} {:>8}",
                size, name, multi.0, multi.1, multi.2, speed_up
            );
        }
    }
    println!(
        "quality: BA = mean edge length / mean distance of random pairs; planted = same-group / other-group mean distance"
    );
    ExitCode::SUCCESS
}

fn distance(engine: &LayoutEngine, i: usize, j: usize) -> f64 {
    let ([ax, ay], [bx, by]) = (engine.position(i), engine.position(j));
    f64::from(ax - bx).hypot(f64::from(ay - by))
}

/// Mean edge length over the mean distance between 200,000 random pairs.
fn edge_length_ratio(engine: &LayoutEngine, edges: &[(u32, u32)]) -> f64 {
    let n = engine.node_count();
    if edges.is_empty() || n < 2 {
        return f64::NAN;
    }
    let edge_mean =
        edges.iter().map(|&(a, b)| distance(engine, a as usize, b as usize)).sum::<f64>() / edges.len() as f64;
    let mut rng = SplitMix64::new(7);
    let pairs = 200_000;
    let pair_mean = (0..pairs).map(|_| distance(engine, rng.below(n), rng.below(n))).sum::<f64>() / f64::from(pairs);
    edge_mean / pair_mean
}

/// Mean distance of random same-group pairs over that of random other-group pairs.
fn group_distance_ratio(engine: &LayoutEngine, groups: &[u32]) -> f64 {
    let n = engine.node_count().min(groups.len());
    let mut rng = SplitMix64::new(7);
    let (mut same, mut same_count, mut other, mut other_count) = (0.0, 0u32, 0.0, 0u32);
    for _ in 0..400_000 {
        let (i, j) = (rng.below(n), rng.below(n));
        if i == j {
            continue;
        }
        let d = distance(engine, i, j);
        if groups.get(i) == groups.get(j) {
            same += d;
            same_count += 1;
        } else {
            other += d;
            other_count += 1;
        }
    }
    (same / f64::from(same_count.max(1))) / (other / f64::from(other_count.max(1)))
}

/// The process's peak resident set size in MB, from /proc (Linux only).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
