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

#[test]
fn large_graphs_on_the_cpu_path_show_a_picture_drawn_off_the_ui_thread_that_follows_the_camera() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let graph = kgx::generate::to_knowledge_graph(&kgx::generate::barabasi_albert(6000, 3, 7), "big", 1);
    kgx::io::save_file(&graph, &path).unwrap();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .renderer(WgpuTestRenderer::new())
        .build_eframe(move |cc| {
            let mut app = KgxApp::new(cc, AppOptions { file: Some(path.clone()), ..AppOptions::default() });
            app.options.draw_on = DrawOn::Cpu;
            app
        });
    common::wait_opened(&mut harness);
    // Labels (drawn live over the picture) would cover some hubs' centres.
    harness.state_mut().options.show_labels = false;
    common::wait_until_settled(&mut harness);
    let wait_for_picture = |harness: &mut Harness<'static, KgxApp>| {
        for _ in 0..2000 {
            harness.step();
            if !harness.state().canvas.raster_drawing() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        harness.step();
        assert!(!harness.state().canvas.raster_drawing(), "the picture was drawn");
    };
    wait_for_picture(&mut harness);
    assert!(harness.state().canvas.drawn_with_raster(), "6,000 actors on the CPU path come as one picture");

    // The hubs (the largest actors) show in their kind's colour where the camera puts them.
    let hubs: Vec<(String, kgx::model::ActorKind)> = {
        let app = harness.state();
        let mut actors: Vec<_> =
            app.doc.graph.actors().map(|a| (app.doc.graph.cooperations_of(a.id()).len(), a)).collect();
        actors.sort_by_key(|(degree, _)| std::cmp::Reverse(*degree));
        actors.iter().take(20).map(|(_, a)| (a.id().as_str().to_owned(), a.kind)).collect()
    };
    let hubs_in_colour = |harness: &mut Harness<'static, KgxApp>| {
        let image = harness.render().unwrap();
        if std::env::var_os("KGX_SAVE_RENDERS").is_some() {
            static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            image.save(format!("/tmp/render-raster-{n}.png")).unwrap();
        }
        let viewport = harness.state().canvas.viewport;
        hubs.iter()
            .filter(|(id, kind)| {
                let at = common::screen_position(harness, id);
                let [r, g, b] = kind.rgb();
                let inside = viewport.shrink(4.0).contains(at);
                inside && close(pixel(&image, at.x, at.y), [r, g, b], 30)
            })
            .count()
    };
    let before = hubs_in_colour(&mut harness);
    assert!(before >= 18, "{before} of 20 hubs in their colour");

    // Panned and zoomed, the same picture is moved and scaled at once, before a new one is drawn.
    {
        let canvas = &mut harness.state_mut().canvas;
        canvas.camera.center += egui::vec2(40.0, -25.0) / canvas.camera.zoom;
        canvas.camera.zoom *= 1.25;
    }
    harness.step();
    let moved = hubs_in_colour(&mut harness);
    assert!(moved >= 16, "{moved} of 20 hubs in their colour after the camera moved");
    // And the new picture for the new camera follows.
    wait_for_picture(&mut harness);
    let redrawn = hubs_in_colour(&mut harness);
    assert!(redrawn >= 18, "{redrawn} of 20 hubs in their colour in the new picture");

    // A wheel notch over the canvas zooms in one frame: no smoothing frames, each of which costs
    // a whole frame on this path. A notch over the side panel is left to the panel.
    let ctx = harness.ctx.clone();
    let viewport = harness.state().canvas.viewport;
    let notch = |at: egui::Pos2| egui::RawInput {
        events: vec![
            egui::Event::PointerMoved(at),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::vec2(0.0, 1.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            },
        ],
        ..egui::RawInput::default()
    };
    let mut over_panel = notch(egui::pos2(viewport.left() - 30.0, viewport.center().y));
    eframe::App::raw_input_hook(harness.state_mut(), &ctx, &mut over_panel);
    assert_eq!(over_panel.events.len(), 2, "the panel's wheel stays the panel's");
    let mut over_canvas = notch(viewport.center());
    eframe::App::raw_input_hook(harness.state_mut(), &ctx, &mut over_canvas);
    assert_eq!(over_canvas.events.len(), 1, "the canvas takes the notch");
    let zoom = harness.state().canvas.camera.zoom;
    harness.input_mut().events.extend(over_canvas.events);
    harness.step();
    let one_frame = harness.state().canvas.camera.zoom / zoom;
    let line = ctx.options(|o| o.input_options.line_scroll_speed);
    assert!((one_frame - (line * 0.0025).exp()).abs() < 1e-3, "the whole notch in the first frame: ×{one_frame}");
    for _ in 0..10 {
        harness.step();
    }
    let after = harness.state().canvas.camera.zoom / zoom;
    assert!((after - one_frame).abs() < 1e-4, "and nothing more after it: ×{after}");
}
