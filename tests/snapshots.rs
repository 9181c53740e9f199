//! Rendered snapshots of the window (wgpu, headless on Mesa's software Vulkan). Regenerate with
//! `UPDATE_SNAPSHOTS=true cargo test --test snapshots` and look at the PNGs before committing.

use egui_kittest::Harness;
use kgx::app::{AppOptions, KgxApp};

#[test]
fn main_window_on_the_seed_graph() {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(200)
        .build_eframe(|_cc| KgxApp::with_recent(AppOptions::default(), Vec::new()));
    harness.state_mut().doc.layout.engine_mut().run_until_settled();
    harness.run();
    harness.snapshot("main_window_seed_graph");
}
