//! CPU cost of one canvas frame — build the shapes and tessellate them, headless — with the whole
//! graph in a 1600×1000 view, on Barabási–Albert graphs (m = 3, seed 42) laid out until settled.
//! Run: `cargo bench --bench canvas`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{CentralPanel, Frame, RawInput, Rect, pos2, vec2};
use kgx::app::document::Document;
use kgx::app::explore::Explore;
use kgx::app::selection::Selection;
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::ui::canvas::{CanvasState, canvas_ui};
use kgx::ui::paint::ViewOptions;
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

fn canvas_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_frame");
    for size in [10_000usize, 100_000] {
        let graph = to_knowledge_graph(&barabasi_albert(size, 3, 42), "bench", 42);
        let mut doc = Document::new(graph, None);
        doc.layout.settle_now();
        let ctx = egui::Context::default();
        let mut state = CanvasState::default();
        let options = ViewOptions::default();
        // Styling is rebuilt only when filters or the graph change, so it is set up once here.
        let styling = Styling::build(&doc, &Explore::default(), &options);
        // Two warm-up frames: fonts, the fit to view, galley caches.
        frame(&ctx, &doc, &mut state, &options, &styling);
        frame(&ctx, &doc, &mut state, &options, &styling);
        group.sample_size(if size >= 100_000 { 10 } else { 20 });
        group.bench_with_input(BenchmarkId::new("whole_graph_1600x1000", size), &size, |b, _| {
            b.iter(|| frame(&ctx, &doc, &mut state, &options, &styling));
        });
    }
    group.finish();
}

criterion_group!(benches, canvas_frame);
criterion_main!(benches);
