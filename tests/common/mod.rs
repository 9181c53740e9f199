//! Helpers shared by the window tests: a harness on the real app, where an actor is on screen,
//! and clicks with modifiers.

#![allow(dead_code)] // Each test file uses a different subset.

use std::path::Path;

use egui::{Event, Modifiers, PointerButton, Pos2, pos2};
use egui_kittest::Harness;
use kgx::app::{AppOptions, KgxApp};
use kgx::model::ActorId;

/// The app on `options`, 1400×900, with its layout settled so every run sees the same picture.
pub fn harness_with(options: AppOptions) -> Harness<'static, KgxApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .build_eframe(|_cc| KgxApp::with_recent(options, Vec::new()));
    // A file named at start is read on a worker thread, as File → Open reads it.
    wait_opened(&mut harness);
    quiesce(&mut harness);
    harness
}

/// The app on the bundled graph.
pub fn harness() -> Harness<'static, KgxApp> {
    harness_with(AppOptions::default())
}

/// The app opened on a file, with the path dialog instead of native dialogs.
pub fn harness_on(path: &Path) -> Harness<'static, KgxApp> {
    harness_with(AppOptions { file: Some(path.to_owned()), ..AppOptions::default() })
}

/// Where an actor is drawn on screen.
pub fn screen_position(harness: &Harness<'_, KgxApp>, id: &str) -> Pos2 {
    let app = harness.state();
    let node = app.doc.graph.node_index(&ActorId::new(id)).and_then(|n| app.doc.layout.engine_node(n));
    let [x, y] = app.doc.layout.engine().position(node.unwrap_or_else(|| panic!("no actor {id}")));
    app.canvas.camera.to_screen(app.canvas.viewport, pos2(x, y))
}

/// A click at a screen point, holding `modifiers`.
pub fn click_at(harness: &mut Harness<'_, KgxApp>, pos: Pos2, modifiers: Modifiers) {
    harness.event(Event::PointerMoved(pos));
    harness.event_modifiers(
        Event::PointerButton { pos, button: PointerButton::Primary, pressed: true, modifiers },
        modifiers,
    );
    harness.event_modifiers(
        Event::PointerButton { pos, button: PointerButton::Primary, pressed: false, modifiers },
        modifiers,
    );
    harness.run();
}

/// A click on an actor's node.
pub fn click_actor(harness: &mut Harness<'_, KgxApp>, id: &str, modifiers: Modifiers) {
    let pos = screen_position(harness, id);
    click_at(harness, pos, modifiers);
}

/// The selected actor ids.
pub fn selected(harness: &Harness<'_, KgxApp>) -> Vec<String> {
    harness.state().selection.actors().map(|a| a.to_string()).collect()
}

/// Focuses the text field labelled `label`, selects what it holds and types `text` over it.
pub fn retype_into(harness: &mut Harness<'_, KgxApp>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Focuses the text field labelled `label` and types `text` into it, as a person would.
pub fn type_into(harness: &mut Harness<'_, KgxApp>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Presses the primary button at `from` holding `modifiers`, moves to `to` in ten steps (calling
/// `midway` after the fifth, with the button still down), and releases at `to`.
pub fn drag_with(
    harness: &mut Harness<'_, KgxApp>,
    from: Pos2,
    to: Pos2,
    modifiers: Modifiers,
    midway: impl FnOnce(&mut Harness<'_, KgxApp>),
) {
    let mut midway = Some(midway);
    harness.event(Event::ModifiersChanged(modifiers));
    harness.event(Event::PointerMoved(from));
    harness.event(Event::PointerButton { pos: from, button: PointerButton::Primary, pressed: true, modifiers });
    harness.step();
    for k in 1..=10 {
        harness.event(Event::PointerMoved(from + (to - from) * (k as f32 / 10.0)));
        harness.step();
        if k == 5
            && let Some(midway) = midway.take()
        {
            midway(harness);
        }
    }
    harness.event(Event::PointerButton { pos: to, button: PointerButton::Primary, pressed: false, modifiers });
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.step();
    harness.run();
}

/// A plain drag from `from` to `to`.
pub fn drag(harness: &mut Harness<'_, KgxApp>, from: Pos2, to: Pos2) {
    drag_with(harness, from, to, Modifiers::NONE, |_| {});
}

/// Every engine node's position.
pub fn picture(harness: &Harness<'_, KgxApp>) -> Vec<[f32; 2]> {
    let engine = harness.state().doc.layout.engine();
    (0..engine.node_count()).map(|i| engine.position(i)).collect()
}

/// Every actor's position on the canvas, by id (engine nodes are renumbered when actors come
/// or go; ids are not).
pub fn positions(harness: &Harness<'_, KgxApp>) -> std::collections::BTreeMap<String, [f32; 2]> {
    let doc = &harness.state().doc;
    let engine = doc.layout.engine();
    (0..engine.node_count()).filter_map(|i| Some((doc.actor_id_at(i)?.to_string(), engine.position(i)))).collect()
}

/// The app with autosave into `dir`, writing as soon as a frame sees a change.
pub fn harness_autosaving(dir: &Path, file: Option<&Path>) -> Harness<'static, KgxApp> {
    harness_with(AppOptions {
        file: file.map(Path::to_owned),
        recovery_dir: Some(dir.to_owned()),
        autosave_delay: std::time::Duration::ZERO,
        ..AppOptions::default()
    })
}

/// Lets the layout thread finish everything asked of it (a drag's reflow, making room for
/// labels) and the window catch up, so what a test reads next is final.
pub fn quiesce(harness: &mut Harness<'_, KgxApp>) {
    for _ in 0..4 {
        harness.state_mut().doc.layout.settle_now();
        harness.run();
    }
}

/// Steps frames until the layout thread has brought the layout to rest by itself (at most 30 s).
pub fn wait_until_settled(harness: &mut Harness<'_, KgxApp>) {
    let started = std::time::Instant::now();
    while harness.state().doc.layout_running() || !harness.state().doc.layout.engine().is_up_to_date() {
        assert!(started.elapsed().as_secs() < 30, "the layout did not settle");
        std::thread::sleep(std::time::Duration::from_millis(2));
        harness.step();
    }
    harness.run();
}

/// Runs frames while `busy` holds (work on a worker thread), for at least 20 s; `what` names the
/// work in the failure message.
fn wait_while(harness: &mut Harness<'_, KgxApp>, what: &str, busy: impl Fn(&KgxApp) -> bool) {
    for _ in 0..2000 {
        harness.step();
        if !busy(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{what} after 20 s");
}

/// Runs frames until the metrics (computed on a worker thread) are there.
pub fn wait_for_metrics(harness: &mut Harness<'_, KgxApp>) {
    wait_while(harness, "the metrics were not computed", |app| app.explore.metrics.job.is_some());
}

/// Runs frames until a save (written on a worker thread) is done: `run` alone stops while the
/// frame only polls the writer now and then, which may be before the file is written.
pub fn wait_saved(harness: &mut Harness<'_, KgxApp>) {
    wait_while(harness, "the file was not saved", KgxApp::is_saving);
}

/// Runs frames until a file being opened (read on a worker thread) is open.
pub fn wait_opened(harness: &mut Harness<'_, KgxApp>) {
    wait_while(harness, "the file was not open", KgxApp::is_opening);
}

/// Runs frames until an export (written on a worker thread) is done.
pub fn wait_exported(harness: &mut Harness<'_, KgxApp>) {
    wait_while(harness, "the export was not written", KgxApp::is_exporting);
}

/// The SPARQL endpoint `.ci/run` starts (KGX_TEST_SPARQL); `None`, with a note, on a machine
/// without one, which CI never is.
pub fn test_sparql() -> Option<String> {
    match std::env::var("KGX_TEST_SPARQL") {
        Ok(url) => Some(url),
        Err(_) => {
            assert!(std::env::var_os("CI").is_none(), "CI starts a SPARQL server and sets KGX_TEST_SPARQL");
            eprintln!("skipped: no SPARQL server (set KGX_TEST_SPARQL, see .ci/run)");
            None
        }
    }
}

/// Loads `tests/fixtures/wikidata-shaped.ttl` into named graph `graph`, replacing it.
pub fn load_wikidata_fixture(endpoint: &kgx::kb::Endpoint, graph: &str) {
    let text = std::fs::read("tests/fixtures/wikidata-shaped.ttl").expect("fixture");
    let triples: Vec<oxrdf::Triple> =
        oxttl::TurtleParser::new().for_slice(&text).map(|t| t.expect("valid Turtle")).collect();
    endpoint.update(&format!("DROP SILENT GRAPH <{graph}>")).expect("clears");
    endpoint.insert(graph, &triples).expect("loads the fixture");
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window, as a file manager does.
pub fn drop_file(harness: &mut Harness<'_, KgxApp>, path: &Path) {
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path.to_owned())));
}

/// Makes a recovery file look as if the window that wrote it had crashed.
pub fn orphan(path: &Path) {
    let mut child = std::process::Command::new("true").spawn().expect("a short-lived process");
    let dead = child.id();
    child.wait().expect("it ends");
    let text = std::fs::read_to_string(path).expect("the recovery file");
    let (first, rest) = text.split_once('\n').expect("a header line");
    let json = first.strip_prefix("// kgx-recovery ").expect("the recovery header");
    let mut header: serde_json::Value = serde_json::from_str(json).expect("JSON");
    header["pid"] = dead.into();
    std::fs::write(path, format!("// kgx-recovery {header}\n{rest}")).expect("written back");
}
