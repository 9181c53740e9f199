//! Frames while the window saves a large graph: the real app driven headless through
//! egui_kittest opens a Barabási–Albert graph (m = 3), pauses its layout, then saves it under a
//! new name through File → Save As's command; the frames drawn until the file is written are
//! timed. The UI thread only draws: the longest of them should stay within about 50 ms, however
//! large the graph.
//!
//! Run: `cargo bench --bench save_frames` (100k actors), `KGX_BENCH_SIZES=1000000 cargo bench
//! --bench save_frames` for a million.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use kgx::app::{AppOptions, KgxApp};
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::io::save_file;
use kgx::state::command::{Command, FileCommand, LayoutCommand};

fn main() {
    let sizes: Vec<usize> = std::env::var("KGX_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000]);
    // The graphs are kept between runs: a run that finds one does not build it, so the memory
    // it reports is the window's own.
    let dir = std::env::temp_dir().join("kgx-bench-save");
    let _ = std::fs::create_dir_all(&dir);
    println!(
        "| actors | opened in | save took | frames meanwhile | longest frame | frames over 50 ms | mean frame | idle frame before |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for size in sizes {
        let path = dir.join(format!("ba-{size}.ron"));
        if !path.exists() {
            let graph = to_knowledge_graph(&barabasi_albert(size, 3, 42), "bench", 42);
            if let Err(error) = save_file(&graph, &path) {
                eprintln!("{error}");
                return;
            }
        }
        let opened = path.clone();
        let mut harness =
            Harness::builder().with_size([1600.0, 1000.0]).with_step_dt(1.0 / 60.0).build_eframe(move |_cc| {
                KgxApp::with_recent(AppOptions { file: Some(opened), ..AppOptions::default() }, vec![])
            });
        let started = Instant::now();
        while harness.state().is_opening() && started.elapsed() < Duration::from_secs(600) {
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        let opened_in = started.elapsed();
        println!("{size} actors open: resident {}", resident());
        harness.state_mut().push(Command::Layout(LayoutCommand::Pause(true)));
        for _ in 0..5 {
            harness.step();
        }
        let idle = {
            let frame = Instant::now();
            harness.step();
            frame.elapsed()
        };
        // The first save records where the stopped layout left every actor (one undo step of
        // moves); the second finds them recorded and only writes.
        for (round, what) in [(1, "first save"), (2, "saved again")] {
            let target = dir.join(format!("saved-{size}-{round}.ron"));
            let _ = std::fs::remove_file(&target);
            harness.state_mut().push(Command::File(FileCommand::SaveAs(Some(target.clone()))));
            let saving = Instant::now();
            let (mut frames, mut longest, mut total, mut longest_at) = (0u32, Duration::ZERO, Duration::ZERO, 0u32);
            let mut over = 0u32;
            loop {
                let frame = Instant::now();
                harness.step();
                let took = frame.elapsed();
                frames += 1;
                if took > Duration::from_millis(50) {
                    over += 1;
                }
                if took > longest {
                    (longest, longest_at) = (took, frames);
                }
                total += took;
                if (!harness.state().is_saving() && frames > 1) || saving.elapsed() > Duration::from_secs(600) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(16).saturating_sub(took));
            }
            let written = target.exists() && !harness.state().doc.is_dirty();
            println!(
                "| {size} | {:.1} s | {what}: {:.2} s{} | {frames} | {:.1} ms (frame {longest_at}) | {over} | {:.1} ms | {:.1} ms |",
                opened_in.as_secs_f64(),
                saving.elapsed().as_secs_f64(),
                if written { "" } else { " (not written!)" },
                longest.as_secs_f64() * 1000.0,
                total.as_secs_f64() * 1000.0 / f64::from(frames.max(1)),
                idle.as_secs_f64() * 1000.0
            );
        }
    }
}

/// This process's resident memory and its peak so far, as Linux reports them.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status.lines().find(|l| l.starts_with(name)).map_or("?".to_owned(), |l| l[name.len()..].trim().to_owned())
    };
    format!("{} (peak {})", field("VmRSS:"), field("VmHWM:"))
}
