//! Rendered snapshots of the window (wgpu, headless on Mesa's software Vulkan). Regenerate with
//! `UPDATE_SNAPSHOTS=true cargo test --test snapshots` and look at the PNGs before committing.

mod common;

#[test]
fn main_window_on_the_seed_graph() {
    let mut harness = common::harness();
    harness.snapshot("main_window_seed_graph");
}
