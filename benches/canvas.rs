//! CPU cost of one canvas frame — build the shapes and tessellate them, headless — with the whole
//! graph in a 1600×1000 view, on Barabási–Albert graphs (m = 3, seed 42) laid out until settled:
//! drawn by the CPU (egui meshes) and by the GPU (the CPU side only: packing what changed and the
//! overlays; the GPU's own time needs a GPU to measure), still and with the layout moving.
//! Run: `cargo bench --bench canvas`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::egui_wgpu;
use egui::{CentralPanel, Frame, RawInput, Rect, pos2, vec2};
use kgx::app::document::Document;
use kgx::app::explore::Explore;
use kgx::app::selection::Selection;
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::ui::camera::Camera;
use kgx::ui::canvas::{CanvasState, canvas_ui};
use kgx::ui::gpu::{GpuGraph, GpuTarget};
use kgx::ui::paint::{DrawOn, PaintInput, ViewOptions, flag};
use kgx::ui::styling::Styling;

fn frame(
    ctx: &egui::Context,
    doc: &Document,
    state: &mut CanvasState,
    options: &ViewOptions,
    styling: &Styling,
) -> usize {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        ..RawInput::default()
    };
    let selection = Selection::default();
    let mut commands = Vec::new();
    let output = ctx.run_ui(input, |ui| {
        CentralPanel::default().frame(Frame::NONE).show(ui, |ui| {
            canvas_ui(ui, doc, &selection, options, styling, state, &mut commands);
        });
    });
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn settled_document(size: usize) -> Document {
    let graph = to_knowledge_graph(&barabasi_albert(size, 3, 42), "bench", 42);
    let mut doc = Document::new(graph, None);
    doc.layout.settle_now();
    doc
}

/// A GPU target for benchmarks: no device, so only the CPU side runs (packing the buffers and
/// building the callbacks); the upload itself is a copy done by the renderer.
fn headless_gpu() -> GpuTarget {
    GpuTarget { format: egui_wgpu::wgpu::TextureFormat::Bgra8Unorm, max_buffer_bytes: u64::MAX, software: false }
}

fn canvas_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_frame");
    for size in [10_000usize, 100_000, 1_000_000] {
        let doc = settled_document(size);
        let ctx = egui::Context::default();
        // Styling is rebuilt only when filters or the graph change, so it is set up once here.
        let cpu_options = ViewOptions { draw_on: DrawOn::Cpu, ..ViewOptions::default() };
        let gpu_options = ViewOptions { draw_on: DrawOn::Gpu, ..ViewOptions::default() };
        let styling = Styling::build(&doc, &Explore::default(), &cpu_options);
        group.sample_size(if size >= 100_000 { 10 } else { 20 });
        // The CPU path at a million actors costs seconds per frame: measured up to 100k only.
        let paths: &[(&str, &ViewOptions)] =
            if size < 1_000_000 { &[("cpu", &cpu_options), ("gpu", &gpu_options)] } else { &[("gpu", &gpu_options)] };
        for &(name, options) in paths {
            let mut state = CanvasState::default();
            state.gpu_target = Some(headless_gpu());
            // Two warm-up frames: fonts, the fit to view, galley caches, the first packing.
            frame(&ctx, &doc, &mut state, options, &styling);
            frame(&ctx, &doc, &mut state, options, &styling);
            assert_eq!(state.drawn_on_gpu(), name == "gpu");
            group.bench_with_input(BenchmarkId::new(format!("{name}_whole_graph_1600x1000"), size), &size, |b, _| {
                b.iter(|| frame(&ctx, &doc, &mut state, options, &styling));
            });
        }
        // While the layout moves, every frame repacks the positions for upload.
        let mut gpu = GpuGraph::default();
        let flags: Vec<u8> = vec![flag::VISIBLE; doc.scene.nodes.len()];
        let engine = doc.layout.engine();
        let input = PaintInput {
            graph: &doc.graph,
            scene: &doc.scene,
            xs: engine.xs(),
            ys: engine.ys(),
            radii: &styling.radii,
            flags: &flags,
            edge_flags: &styling.edge_flags,
            colors: None,
            dimming: false,
            focus_edge: None,
            camera: Camera::default(),
            viewport: Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0)),
            options: &gpu_options,
            label_order: &styling.label_order,
            reserved: None,
            palette: gpu_options.theme.palette(),
        };
        let target = headless_gpu();
        let mut serial = 0u64;
        gpu.frame(&input, serial, 0, &target);
        group.bench_with_input(BenchmarkId::new("gpu_positions_moved", size), &size, |b, _| {
            b.iter(|| {
                serial += 1;
                gpu.frame(&input, serial, 0, &target).cpu_edges.len()
            });
        });
    }
    group.finish();
}

/// Gephi's issue-1848 edge table (176 actors, 7,346 rows over 246 pairs, 343 self-loops), as
/// imported without merging: a frame on the CPU path, whole graph in view. Skipped when
/// `../shared/interop` is not beside the repository.
fn repeated_edges_frame(c: &mut Criterion) {
    let path = std::path::Path::new("../shared/interop/csv/gephi-issue1848_edges_comma.csv");
    let Ok(imported) = kgx::io::import::import_file(path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let mut doc = Document::new(imported.graph, None);
    doc.layout.settle_now();
    let ctx = egui::Context::default();
    let options = ViewOptions { draw_on: DrawOn::Cpu, ..ViewOptions::default() };
    let styling = Styling::build(&doc, &Explore::default(), &options);
    let mut state = CanvasState::default();
    frame(&ctx, &doc, &mut state, &options, &styling);
    frame(&ctx, &doc, &mut state, &options, &styling);
    let mut group = c.benchmark_group("canvas_frame");
    group.sample_size(20);
    group.bench_function("cpu_gephi_issue1848_7346_edges", |b| {
        b.iter(|| frame(&ctx, &doc, &mut state, &options, &styling))
    });
    group.finish();
}

criterion_group!(benches, repeated_edges_frame, canvas_frame);
criterion_main!(benches);
