//! CPU cost of one canvas frame — build the shapes and tessellate them, headless — with the whole
//! graph in a 1600×1000 view, on Barabási–Albert graphs (m = 3, seed 42) laid out until settled:
//! drawn by the CPU (egui meshes) and by the GPU (the CPU side only: packing what changed and the
//! overlays; the GPU's own time needs a GPU to measure), still and with the layout moving; and
//! the picture the CPU path draws off the UI thread for large graphs.
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
        // On the CPU path, graphs of 5,000 actors and more are shown as a picture drawn on a worker
        // thread (see `raster_picture`): the frame measured here is the UI thread's share.
        let paths: &[(&str, &ViewOptions)] = &[("cpu", &cpu_options), ("gpu", &gpu_options)];
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

/// The picture of the whole graph that the CPU path draws on a worker thread for graphs of 5,000
/// actors and more (1600×1000 pixels): how long until a pan, a zoom or a layout step is shown
/// sharp again.
fn raster_picture(c: &mut Criterion) {
    use kgx::draw::edges::Lane;
    use kgx::draw::raster::{RasterEdge, RasterNode, RasterView, rasterize};
    let mut group = c.benchmark_group("raster_picture");
    group.sample_size(10);
    // KGX_BENCH_SIZES=10000,100000 leaves out the million (whose layout takes minutes to settle).
    let sizes: Vec<usize> = std::env::var("KGX_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    for size in sizes {
        let doc = settled_document(size);
        let engine = doc.layout.engine();
        let (xs, ys) = (engine.xs(), engine.ys());
        let nodes: Vec<RasterNode> = (0..xs.len())
            .map(|i| RasterNode { at: [xs[i], ys[i]], radius: 6.0, fill: [200, 120, 80], faint: false, shown: true })
            .collect();
        let edges: Vec<RasterEdge> = doc
            .scene
            .edges
            .iter()
            .map(|e| RasterEdge {
                from: e.from,
                to: e.to,
                color: [120, 120, 140],
                width: 1.0,
                lane: Lane::Curve(0.0),
                faint: false,
            })
            .collect();
        let (min_x, max_x) = xs.iter().fold((f32::MAX, f32::MIN), |(a, b), &x| (a.min(x), b.max(x)));
        let (min_y, max_y) = ys.iter().fold((f32::MAX, f32::MIN), |(a, b), &y| (a.min(y), b.max(y)));
        let zoom = (1600.0 / (max_x - min_x)).min(1000.0 / (max_y - min_y));
        let view = RasterView {
            center: [(min_x + max_x) / 2.0, (min_y + max_y) / 2.0],
            zoom,
            size: [1600, 1000],
            background: [27, 30, 36],
            edge_alpha: 60,
            faint_alpha: 40,
        };
        group.bench_with_input(BenchmarkId::new("whole_graph_1600x1000", size), &size, |b, _| {
            b.iter(|| rasterize(&nodes, &edges, &view, &|| false).map(|p| p.len()));
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

criterion_group!(benches, repeated_edges_frame, canvas_frame, raster_picture);
criterion_main!(benches);
