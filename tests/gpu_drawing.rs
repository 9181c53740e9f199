//! Drawing on the GPU: the real app rendered headless through wgpu (Mesa's software Vulkan in
//! CI), compared with its CPU drawing of the same graph.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use egui_kittest::Harness;
use egui_kittest::wgpu::WgpuTestRenderer;
use kgx::app::{AppOptions, KgxApp};
use kgx::ui::paint::DrawOn;

/// The app on the bundled graph, drawn by `draw_on`, settled, rendered.
fn rendered(draw_on: DrawOn) -> (Harness<'static, KgxApp>, image::RgbaImage) {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .renderer(WgpuTestRenderer::new())
        .build_eframe(move |cc| {
            let mut app = KgxApp::new(cc, AppOptions::default());
            app.options.draw_on = draw_on;
            app
        });
    common::quiesce(&mut harness);
    let image = harness.render().unwrap();
    (harness, image)
}

fn pixel(image: &image::RgbaImage, x: f32, y: f32) -> [u8; 3] {
    let p = image.get_pixel(x.round() as u32, y.round() as u32);
    [p[0], p[1], p[2]]
}

fn close(a: [u8; 3], b: [u8; 3], tolerance: i32) -> bool {
    a.iter().zip(b).all(|(&x, y)| (i32::from(x) - i32::from(y)).abs() <= tolerance)
}

#[test]
fn the_gpu_draws_every_actor_in_its_kind_colour_where_the_cpu_does() {
    let (gpu_harness, gpu) = rendered(DrawOn::Gpu);
    assert!(gpu_harness.state().canvas.drawn_on_gpu(), "the wgpu renderer is there, so the GPU draws");
    let (cpu_harness, cpu) = rendered(DrawOn::Cpu);
    assert!(!cpu_harness.state().canvas.drawn_on_gpu());
    assert_eq!(gpu.dimensions(), cpu.dimensions());
    if std::env::var_os("KGX_SAVE_RENDERS").is_some() {
        gpu.save("/tmp/render-gpu.png").unwrap();
        cpu.save("/tmp/render-cpu.png").unwrap();
    }

    let app = gpu_harness.state();
    let mut matching = 0;
    let actors: Vec<_> = app.doc.graph.actors().map(|a| (a.id().as_str().to_owned(), a.kind)).collect();
    for (id, kind) in &actors {
        let at = common::screen_position(&gpu_harness, id);
        let [r, g, b] = kind.rgb();
        let on_gpu = pixel(&gpu, at.x, at.y);
        let on_cpu = pixel(&cpu, at.x, at.y);
        if close(on_gpu, [r, g, b], 10) {
            matching += 1;
        }
        // Whatever covers the centre (a later actor, a label), both paths agree on it.
        assert!(close(on_gpu, on_cpu, 24), "{id}: GPU {on_gpu:?}, CPU {on_cpu:?}");
    }
    // A few centres may be covered by another actor drawn later.
    assert!(matching + 3 >= actors.len(), "{matching} of {} actors in their kind's colour", actors.len());

    // The two pictures agree overall: the same shapes, lines and labels in the same places.
    let (width, height) = gpu.dimensions();
    let mut differing = 0u64;
    for (a, b) in gpu.pixels().zip(cpu.pixels()) {
        if !close([a[0], a[1], a[2]], [b[0], b[1], b[2]], 40) {
            differing += 1;
        }
    }
    let share = differing as f64 / f64::from(width * height);
    assert!(share < 0.01, "{:.2}% of pixels differ", share * 100.0);
}

#[test]
fn large_graphs_go_to_a_hardware_gpu_and_small_ones_stay_on_the_cpu_in_auto_mode() {
    let (harness, _) = rendered(DrawOn::Auto);
    assert!(!harness.state().canvas.drawn_on_gpu(), "26 actors stay on the CPU");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let graph = kgx::generate::to_knowledge_graph(&kgx::generate::barabasi_albert(6000, 3, 1), "big", 1);
    kgx::io::save_file(&graph, &path).unwrap();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .renderer(WgpuTestRenderer::new())
        .build_eframe(move |cc| KgxApp::new(cc, AppOptions { file: Some(path.clone()), ..AppOptions::default() }));
    common::wait_opened(&mut harness);
    common::wait_until_settled(&mut harness);
    let software = harness.state().canvas.gpu_target.as_ref().unwrap().software;
    // On a software rasteriser (Mesa's lavapipe in CI) the GPU would draw on the processor the
    // layout needs: automatic mode keeps the CPU path there.
    assert_eq!(harness.state().canvas.drawn_on_gpu(), !software, "6,000 actors go to a hardware GPU");
    harness.state_mut().options.draw_on = DrawOn::Gpu;
    harness.run();
    assert!(harness.state().canvas.drawn_on_gpu(), "asked for, the GPU draws them");
    let image = harness.render().unwrap();
    // The canvas is not empty: most of its middle is covered by nodes and lines.
    let viewport = harness.state().canvas.viewport;
    let background = [0x1B, 0x1E, 0x24];
    let centre = viewport.center();
    let mut covered = 0;
    for dx in -50..50 {
        for dy in -50..50 {
            if !close(pixel(&image, centre.x + dx as f32, centre.y + dy as f32), background, 6) {
                covered += 1;
            }
        }
    }
    assert!(covered > 5000, "{covered} of 10000 pixels drawn");
}
