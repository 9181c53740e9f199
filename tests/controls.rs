//! Every row of README's Mouse and Keyboard tables, and the window's file gestures (drop a file,
//! recent files, close with unsaved changes, a save that fails), driven on the real app.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::{click_at, drag, drag_with, harness, harness_on, quiesce, screen_position, selected};
use egui::{Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, ViewportEvent, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::io::{load_file, save_file};
use kgx::model::{ActorId, KnowledgeGraph};

fn camera(harness: &Harness<'_, KgxApp>) -> kgx::ui::camera::Camera {
    harness.state().canvas.camera
}

/// A background point of the canvas: no actor within `clearance` points.
fn background(harness: &Harness<'_, KgxApp>, near: Pos2, clearance: f32) -> Pos2 {
    let app = harness.state();
    let positions: Vec<Pos2> = app.doc.graph.actors().map(|a| screen_position(harness, a.id().as_str())).collect();
    for ring in 0..40 {
        for k in 0..16 {
            let angle = k as f32 * std::f32::consts::TAU / 16.0;
            let p = near + vec2(angle.cos(), angle.sin()) * (ring as f32 * 12.0);
            let clear = positions.iter().all(|q| (*q - p).length() > clearance)
                && app.canvas.node_at(&app.doc, &app.styling, p).is_none();
            if app.canvas.viewport.shrink(10.0).contains(p) && clear {
                return p;
            }
        }
    }
    panic!("no empty canvas near {near:?}");
}

fn pinned(harness: &Harness<'_, KgxApp>, id: &str) -> bool {
    harness.state().doc.graph.actor(&ActorId::new(id)).unwrap().pinned
}

fn wait_for_camera(harness: &mut Harness<'_, KgxApp>) {
    for _ in 0..90 {
        harness.step();
    }
}

// ----- Mouse -----

#[test]
fn dragging_the_background_pans() {
    let mut harness = harness();
    let from = background(&harness, harness.state().canvas.viewport.center(), 40.0);
    let before = camera(&harness);
    let kenya_before = screen_position(&harness, "kenyan-counterparts");
    drag(&mut harness, from, from + vec2(90.0, -40.0));
    assert_ne!(camera(&harness).center, before.center);
    let moved = screen_position(&harness, "kenyan-counterparts") - kenya_before;
    assert!((moved - vec2(90.0, -40.0)).length() < 1.0, "the graph moved with the pointer: {moved:?}");
    assert_eq!(harness.state().doc.graph.actor_count(), 26, "panning edits nothing");
    assert!(!harness.state().doc.is_dirty());
}

#[test]
fn the_wheel_pinch_and_ctrl_wheel_zoom_around_the_pointer() {
    let mut harness = harness();
    let pointer = screen_position(&harness, "who") + vec2(30.0, 10.0);
    let app = harness.state();
    let world = app.canvas.camera.to_world(app.canvas.viewport, pointer);
    let zoom = camera(&harness).zoom;
    harness.event(Event::PointerMoved(pointer));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let zoomed = camera(&harness).zoom;
    assert!(zoomed > zoom * 1.1, "the wheel zoomed in: {zoom} → {zoomed}");
    let app = harness.state();
    let still = app.canvas.camera.to_screen(app.canvas.viewport, world);
    assert!((still - pointer).length() < 1.5, "the point under the pointer stays put");
    // Pinch (a zoom gesture) zooms out again.
    harness.event(Event::Zoom(0.5));
    harness.run();
    assert!(camera(&harness).zoom < zoomed * 0.6);
    // Ctrl+wheel zooms too.
    let before = camera(&harness).zoom;
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::COMMAND,
    });
    harness.run();
    assert!(camera(&harness).zoom > before, "Ctrl+wheel zoomed in");
}

#[test]
fn clicking_an_actor_or_a_cooperation_selects_it() {
    let mut harness = harness();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    click_at(&mut harness, kenya, Modifiers::NONE);
    assert_eq!(selected(&harness), ["kenyan-counterparts"]);
    // A point on the line between Mammoth Foundation and Serbia's government, away from nodes.
    let a = screen_position(&harness, "mammoth-foundation");
    let b = screen_position(&harness, "serbian-government");
    let on_line = (0..=20)
        .map(|k| a + (b - a) * (k as f32 / 20.0))
        .filter(|p| (*p - a).length() > 25.0 && (*p - b).length() > 25.0)
        .find(|p| harness.state().canvas.node_at(&harness.state().doc, &harness.state().styling, *p).is_none())
        .unwrap();
    harness.event(Event::PointerMoved(on_line));
    harness.run();
    click_at(&mut harness, on_line, Modifiers::NONE);
    let app = harness.state();
    let chosen = app.selection.cooperation().expect("a cooperation is selected").clone();
    let c = app.doc.graph.cooperation(&chosen).unwrap();
    let mut ends = [c.from.as_str(), c.to.as_str()];
    ends.sort_unstable();
    assert_eq!(ends, ["mammoth-foundation", "serbian-government"]);
    assert_eq!(app.selection.actor_count(), 0);
}

#[test]
fn shift_click_adds_and_removes_an_actor() {
    let mut harness = harness();
    for (id, expected) in [
        ("kenyan-counterparts", vec!["kenyan-counterparts"]),
        ("serbia", vec!["kenyan-counterparts", "serbia"]),
        ("kenyan-counterparts", vec!["serbia"]),
    ] {
        let at = screen_position(&harness, id);
        click_at(&mut harness, at, Modifiers::SHIFT);
        assert_eq!(selected(&harness), expected);
    }
}

#[test]
fn shift_drag_on_the_background_selects_the_actors_in_the_rectangle() {
    let mut harness = harness();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    let start = background(&harness, kenya + vec2(-14.0, -14.0), 10.0);
    let end = kenya + (kenya - start);
    drag_with(&mut harness, start, end, Modifiers::SHIFT, |_| {});
    let chosen = selected(&harness);
    assert!(chosen.contains(&"kenyan-counterparts".to_owned()), "{chosen:?}");
    // Every selected actor lies inside the rectangle.
    let rect = egui::Rect::from_two_pos(start, end).expand(1.0);
    for id in &chosen {
        assert!(rect.contains(screen_position(&harness, id)), "{id} is outside the box");
    }
}

#[test]
fn dragging_an_actor_moves_and_pins_it() {
    let mut harness = harness();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    drag(&mut harness, kenya, kenya + vec2(80.0, 50.0));
    assert!(pinned(&harness, "kenyan-counterparts"));
    assert!((screen_position(&harness, "kenyan-counterparts") - (kenya + vec2(80.0, 50.0))).length() < 3.0);
}

#[test]
fn ctrl_drag_from_an_actor_onto_another_connects_them() {
    let mut harness = harness();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    let serbia = screen_position(&harness, "serbia");
    drag_with(&mut harness, kenya, serbia, Modifiers::COMMAND, |_| {});
    let app = harness.state();
    assert_eq!(app.doc.graph.cooperation_count(), 30);
    let new = app.selection.cooperation().expect("the new cooperation is selected");
    let c = app.doc.graph.cooperation(new).unwrap();
    assert_eq!((c.from.as_str(), c.to.as_str()), ("kenyan-counterparts", "serbia"));
    assert!(!pinned(&harness, "kenyan-counterparts"), "connecting does not move the actor");
}

#[test]
fn double_clicking_the_background_adds_an_actor_there() {
    // Frames of 1/60 s, as on a screen: egui's double-click limit is 0.3 s.
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|_cc| KgxApp::with_recent(kgx::app::AppOptions::default(), vec![]));
    harness.state_mut().doc.layout.settle_now();
    harness.run();
    let at = background(&harness, harness.state().canvas.viewport.center() + vec2(0.0, 120.0), 40.0);
    // Paused, the layout leaves the new actor where it was put.
    harness.state_mut().doc.set_layout_paused(true);
    harness.event(Event::PointerMoved(at));
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
    assert_eq!(selected(&harness), ["new-actor"]);
    assert!((screen_position(&harness, "new-actor") - at).length() < 2.0, "placed where clicked");
}

#[test]
fn right_clicking_an_actor_opens_its_menu() {
    let mut harness = harness();
    let right_click = |harness: &mut Harness<'_, KgxApp>| {
        // Pinning or releasing reflows the layout on its thread: click where the actor rests.
        quiesce(harness);
        let at = screen_position(harness, "kenyan-counterparts");
        harness.event(Event::PointerMoved(at));
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos: at,
                button: PointerButton::Secondary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness.run();
    };
    right_click(&mut harness);
    harness.get_by_label("Centre on it");
    harness.get_by_label("Pin here").click();
    harness.run();
    assert!(pinned(&harness, "kenyan-counterparts"));
    right_click(&mut harness);
    harness.get_by_label("Release pin").click();
    harness.run();
    assert!(!pinned(&harness, "kenyan-counterparts"));
    right_click(&mut harness);
    harness.get_by_label("Delete").click();
    harness.run();
    assert!(!harness.state().doc.graph.contains_actor(&ActorId::new("kenyan-counterparts")));
}

#[test]
fn clicking_a_partner_in_the_inspector_selects_it_and_glides_to_it() {
    let mut harness = harness();
    harness.get_by_label("Mammoth Foundation").click();
    harness.run();
    assert_eq!(selected(&harness), ["mammoth-foundation"]);
    // The inspector's partner link (the actor list names it too, above it).
    harness.get_all_by_label("Government of Serbia").last().unwrap().click();
    harness.run();
    wait_for_camera(&mut harness);
    assert_eq!(selected(&harness), ["serbian-government"]);
    let centre = harness.state().canvas.viewport.center();
    assert!((screen_position(&harness, "serbian-government") - centre).length() < 2.0);
}

// ----- Keyboard -----

#[test]
fn ctrl_s_saves_to_the_open_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ron");
    fs::copy("graphs/covid19-cooperation.ron", &path).unwrap();
    let mut harness = harness_on(&path);
    harness.get_by_label("Add actor").click();
    harness.run();
    assert!(harness.state().doc.is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    common::wait_saved(&mut harness);
    assert!(!harness.state().doc.is_dirty());
    assert_eq!(load_file(&path).unwrap().actor_count(), 27);
}

#[test]
fn ctrl_o_asks_for_a_file_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.ron");
    save_file(&KnowledgeGraph::new(), &path).unwrap();
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("File path").type_text(path.to_str().unwrap());
    harness.get_by_label("Open").click();
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().doc.graph.actor_count(), 0);
    assert_eq!(harness.state().window_title(), "empty.ron — kgx");
}

#[test]
fn ctrl_f_puts_typing_into_the_search_field() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(Event::Text("kenyan-counterparts".to_owned()));
    harness.run();
    assert_eq!(harness.get_by_label("Find actor").value().as_deref(), Some("kenyan-counterparts"));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected(&harness), ["kenyan-counterparts"]);
}

#[test]
fn ctrl_z_undoes_and_ctrl_shift_z_and_ctrl_y_redo() {
    let mut harness = harness();
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 26);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 26);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
}

#[test]
fn backspace_deletes_the_selected_cooperation() {
    let mut harness = harness();
    harness.state_mut().push(kgx::app::command::Command::Select(kgx::app::command::SelectCommand::Cooperation(
        "mammoth-donates-kits-to-serbia".into(),
    )));
    harness.run();
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(harness.state().doc.graph.cooperation_count(), 28);
    assert!(harness.state().selection.is_empty());
}

#[test]
fn escape_clears_the_selection_and_ctrl_a_selects_every_shown_actor() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert_eq!(harness.state().selection.actor_count(), 26);
    harness.get_by_label("26 actors selected");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection.is_empty());
}

#[test]
fn f_and_home_fit_the_graph_in_view() {
    let mut harness = harness();
    let fitted = camera(&harness);
    for key in [Key::F, Key::Home] {
        for _ in 0..6 {
            harness.key_press(Key::ArrowLeft);
        }
        harness.key_press(Key::Minus);
        harness.run();
        assert!((camera(&harness).center - fitted.center).length() > 1.0);
        harness.key_press(key);
        wait_for_camera(&mut harness);
        let now = camera(&harness);
        assert!((now.center - fitted.center).length() < 1.0, "{key:?} fits again");
        assert!((now.zoom / fitted.zoom - 1.0).abs() < 0.01);
    }
}

#[test]
fn arrows_pan_and_plus_minus_zoom() {
    let mut harness = harness();
    let kenya = screen_position(&harness, "kenyan-counterparts");
    harness.key_press(Key::ArrowRight);
    harness.run();
    let moved = screen_position(&harness, "kenyan-counterparts") - kenya;
    assert!(moved.x < -50.0 && moved.y.abs() < 0.5, "→ moves the view right: {moved:?}");
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert!(screen_position(&harness, "kenyan-counterparts").y < kenya.y - 50.0);
    let zoom = camera(&harness).zoom;
    harness.key_press(Key::Plus);
    harness.run();
    assert!((camera(&harness).zoom / zoom - 1.25).abs() < 1e-3);
    harness.key_press(Key::Minus);
    harness.run();
    assert!((camera(&harness).zoom / zoom - 1.0).abs() < 1e-3);
}

#[test]
fn tab_and_shift_tab_walk_through_the_actors_by_name() {
    let mut harness = harness();
    let mut labels: Vec<(String, String)> =
        harness.state().doc.graph.actors().map(|a| (a.label.to_lowercase(), a.id().to_string())).collect();
    labels.sort();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(selected(&harness), [labels[0].1.clone()]);
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(selected(&harness), [labels[1].1.clone()]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert_eq!(selected(&harness), [labels[0].1.clone()]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert_eq!(selected(&harness), [labels[25].1.clone()], "wraps around");
}

#[test]
fn c_connects_the_two_selected_actors() {
    let mut harness = harness();
    for (id, modifiers) in [("kenyan-counterparts", Modifiers::NONE), ("serbia", Modifiers::SHIFT)] {
        let at = screen_position(&harness, id);
        click_at(&mut harness, at, modifiers);
    }
    harness.key_press(Key::C);
    harness.run();
    assert_eq!(harness.state().doc.graph.cooperation_count(), 30);
}

#[test]
fn p_pins_and_shift_p_releases_the_selection() {
    let mut harness = harness();
    for (id, modifiers) in [("kenyan-counterparts", Modifiers::NONE), ("serbia", Modifiers::SHIFT)] {
        let at = screen_position(&harness, id);
        click_at(&mut harness, at, modifiers);
    }
    harness.key_press(Key::P);
    harness.run();
    assert!(pinned(&harness, "kenyan-counterparts") && pinned(&harness, "serbia"));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::P);
    harness.run();
    assert!(!pinned(&harness, "kenyan-counterparts") && !pinned(&harness, "serbia"));
}

#[test]
fn space_pauses_and_resumes_the_layout() {
    // A graph big enough not to settle within a few frames.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ba.ron");
    let graph = kgx::generate::to_knowledge_graph(&kgx::generate::barabasi_albert(2_000, 3, 7), "ba", 7);
    save_file(&graph, &path).unwrap();
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|_cc| {
        KgxApp::with_recent(kgx::app::AppOptions { file: Some(path), ..Default::default() }, vec![])
    });
    let wait = || std::thread::sleep(std::time::Duration::from_millis(150));
    while harness.state().is_opening() {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.step();
    assert!(harness.state().doc.layout_running());
    harness.key_press(Key::Space);
    harness.step();
    // The iteration under way when Space was pressed may still finish.
    wait();
    harness.step();
    let paused_at = harness.state().doc.layout.engine().iteration();
    wait();
    harness.step();
    assert!(!harness.state().doc.layout_running());
    assert_eq!(harness.state().doc.layout.engine().iteration(), paused_at, "paused: no iterations");
    harness.key_press(Key::Space);
    harness.step();
    wait();
    harness.step();
    assert!(harness.state().doc.layout.engine().iteration() > paused_at, "resumed");
}

// ----- Files -----

#[test]
fn dropping_a_graph_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.ron");
    save_file(&KnowledgeGraph::new(), &path).unwrap();
    let mut harness = harness();
    common::drop_file(&mut harness, &path);
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().window_title(), "dropped.ron — kgx");
    assert_eq!(harness.state().doc.graph.actor_count(), 0);
}

#[test]
fn a_recent_file_reopens_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    let second = dir.path().join("second.ron");
    fs::copy("graphs/covid19-cooperation.ron", &first).unwrap();
    save_file(&KnowledgeGraph::new(), &second).unwrap();
    let mut harness = harness_on(&first);
    harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Open(Some(second))));
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().doc.graph.actor_count(), 0);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    let first = fs::canonicalize(&first).unwrap();
    harness.get_by_label(&first.display().to_string()).click();
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().doc.graph.actor_count(), 26);
    assert_eq!(harness.state().window_title(), "first.ron — kgx");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "confirm");
    harness.get_by_label_contains("before you quit");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "none");
    assert_eq!(harness.state().doc.graph.actor_count(), 27, "the window stays with the work");
}

/// A folder where saving fails: read-only where permissions bind (not for root), else a path
/// whose parent is a file.
fn unwritable_target(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let locked = dir.join("locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(locked.join("probe"), "x").is_err() {
        return locked.join("graph.ron");
    }
    let file = dir.join("a-file");
    fs::write(&file, "not a folder").unwrap();
    file.join("graph.ron")
}

#[test]
fn a_save_that_fails_shows_why_and_keeps_the_work_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let target = unwritable_target(dir.path());
    let mut harness = harness();
    harness.get_by_label("Add actor").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    harness.get_by_label("File path").type_text(target.to_str().unwrap());
    harness.get_by_label("Save").click();
    harness.run();
    common::wait_saved(&mut harness);
    assert_eq!(harness.state().dialog_kind(), "error");
    harness.get_by_label("Cannot save");
    harness.get_by_label_contains("graph.ron: cannot save");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().doc.is_dirty(), "still unsaved: nothing pretends it was saved");
    assert_eq!(harness.state().doc.graph.actor_count(), 27);
    assert!(!target.exists());
}
