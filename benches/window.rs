//! Time for the layout to settle in the window, against the engine alone on the same graph (what
//! `kgx layout --until-settled` does). The window is the real app driven headless through
//! egui_kittest: every frame runs its UI, canvas and label placement (no rasterising, which a GPU
//! does), with whatever threads the app uses, at most 60 frames a second as a display allows.
//!
//! Run: `cargo bench --bench window` (10k actors), `KGX_BENCH_SIZES=10000,100000 cargo bench
//! --bench window` for more.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use kgx::app::document::Document;
use kgx::app::{AppOptions, KgxApp};
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::io::save_file;
use kgx::ui::gpu::GpuTarget;

fn main() {
    let sizes: Vec<usize> = std::env::var("KGX_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000]);
    let dir = std::env::temp_dir().join(format!("kgx-bench-window-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    println!("| actors | drawing | engine alone (CLI) | in the window | ratio | frames | mean frame |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for size in sizes {
        let graph = to_knowledge_graph(&barabasi_albert(size, 3, 42), "bench", 42);
        let path = dir.join(format!("ba-{size}.ron"));
        if let Err(error) = save_file(&graph, &path) {
            eprintln!("{error}");
            return;
        }
        // The engine alone, from the same start the window gets.
        let mut doc = Document::new(graph, None);
        let started = Instant::now();
        doc.layout.settle_now();
        let alone = started.elapsed();

        for gpu in [false, true] {
            let window = window_settle(&path, gpu);
            let (time, frames) = window;
            println!(
                "| {size} | {} | {:.2} s | {:.2} s | {:.1}× | {frames} | {:.1} ms |",
                if gpu { "GPU (CPU side)" } else { "CPU" },
                alone.as_secs_f64(),
                time.as_secs_f64(),
                time.as_secs_f64() / alone.as_secs_f64(),
                time.as_secs_f64() * 1000.0 / frames.max(1) as f64
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Time until the window's layout settles, and the frames drawn meanwhile. With `gpu`, the canvas
/// hands nodes and lines to the GPU path: its CPU side runs (packing, callbacks) while the GPU's
/// own drawing, which this headless harness has no GPU for, does not.
fn window_settle(path: &std::path::Path, gpu: bool) -> (Duration, u64) {
    let path = path.to_owned();
    {
        let mut harness =
            Harness::builder().with_size([1600.0, 1000.0]).with_step_dt(1.0 / 60.0).build_eframe(move |_cc| {
                let mut app = KgxApp::with_recent(AppOptions { file: Some(path), ..AppOptions::default() }, vec![]);
                if gpu {
                    app.canvas.gpu_target = Some(GpuTarget {
                        format: eframe::egui_wgpu::wgpu::TextureFormat::Bgra8Unorm,
                        max_buffer_bytes: u64::MAX,
                        software: false,
                    });
                }
                app
            });
        let started = Instant::now();
        let mut frames = 0u64;
        // Frames as eframe schedules them: at most 60 a second (a display's pace), and no sooner
        // than the app asked for its next repaint.
        // The file is read on a worker thread first, as File → Open reads it.
        while (harness.state().is_opening() || harness.state().doc.layout_running())
            && started.elapsed() < Duration::from_secs(600)
        {
            let frame = Instant::now();
            harness.step();
            frames += 1;
            let asked = harness
                .output()
                .viewport_output
                .get(&egui::ViewportId::ROOT)
                .map_or(Duration::ZERO, |v| v.repaint_delay)
                .min(Duration::from_secs(1));
            let next = asked.max(Duration::from_micros(16_667));
            if let Some(rest) = next.checked_sub(frame.elapsed()) {
                std::thread::sleep(rest);
            }
        }
        (started.elapsed(), frames)
    }
}
