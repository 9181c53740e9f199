//! Style by attribute, driven through the window: colour by a category attribute from the
//! Legend tab changes the colour the canvas draws, is saved in the file and reloads, and one
//! Ctrl+Z undoes it; pictures (`kgx render`) draw the same colours with a legend; own styles
//! come first only when the document says so.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use common::{harness_on, quiesce};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kgx::app::KgxApp;
use kgx::draw::mapping::{CATEGORY_PALETTE, MappedLooks};
use kgx::io::load_file;
use kgx::model::{ActorId, ColorMapping, KnowledgeGraph, StyleMapping, color_hex};
use kgx::render::{PictureFormat, RenderOptions, render};

const DONORS: &str = "tests/fixtures/donors.ron";

/// The fill the canvas's scene holds for `id`.
fn drawn_fill(harness: &Harness<'_, KgxApp>, id: &str) -> [u8; 3] {
    let doc = &harness.state().doc;
    let node = doc.engine_node_of(&ActorId::new(id)).unwrap();
    doc.scene.nodes[node].fill
}

/// Picks `entry` in the drop-down named `combo`.
fn pick(harness: &mut Harness<'_, KgxApp>, combo: &str, entry: &str) {
    harness.get_by_label(combo).click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

fn region_color(graph: &KnowledgeGraph, region: &str) -> [u8; 3] {
    let legend = MappedLooks::of(graph).legend();
    legend.color_categories.unwrap().values.iter().find(|(value, _, _)| value == region).unwrap().1
}

#[test]
fn colour_by_a_category_is_drawn_saved_reloaded_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("donors.ron");
    std::fs::copy(DONORS, &path).unwrap();
    let mut harness = harness_on(&path);
    let kind_fill = drawn_fill(&harness, "northwind-foundation");
    harness.get_by_label("Style by attribute").click();
    harness.run();
    pick(&mut harness, "Colour by", "region");
    quiesce(&mut harness);
    let graph = harness.state().doc.graph.clone();
    assert_eq!(graph.metadata.style.color, Some(ColorMapping::Category("region".into())));
    // Every actor is drawn in its region's colour; North and South differ.
    for actor in graph.actors() {
        let region = actor.attribute("region").unwrap();
        assert_eq!(drawn_fill(&harness, actor.id().as_str()), region_color(&graph, region), "{}", actor.id());
    }
    assert_ne!(region_color(&graph, "North"), region_color(&graph, "South"));
    assert_ne!(drawn_fill(&harness, "northwind-foundation"), kind_fill);
    // The legend lists the regions with their counts.
    harness.get_by_label("Colour: region");
    harness.get_by_label_contains("North (");
    assert_eq!(harness.state().doc.history.undo_description(), Some("change style mapping"));

    // Saved in the file, and read back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    common::wait_saved(&mut harness);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("color_by_category: \"region\""), "{saved}");
    assert_eq!(load_file(&path).unwrap().metadata.style, graph.metadata.style);

    // One Ctrl+Z puts the kinds' colours back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().doc.graph.metadata.style.is_empty());
    assert_eq!(drawn_fill(&harness, "northwind-foundation"), kind_fill);
}

#[test]
fn size_by_a_number_and_own_styles_first_from_the_panel() {
    let mut harness = harness_on(std::path::Path::new(DONORS));
    harness.get_by_label("Style by attribute").click();
    harness.run();
    pick(&mut harness, "Size by", "budget");
    quiesce(&mut harness);
    let radius = |harness: &Harness<'_, KgxApp>, id: &str| {
        let doc = &harness.state().doc;
        let node = doc.engine_node_of(&ActorId::new(id)).unwrap();
        harness.state().styling.radii[node]
    };
    // Northwind has the largest budget (420), Linden's agencies and hospitals far less.
    assert!(radius(&harness, "northwind-foundation") > 2.0 * radius(&harness, "ashford-hospital"));
    harness.get_by_label("Size: budget (28 actors)");
    harness.get_by_label("Own styles first").click();
    harness.run();
    assert!(harness.state().doc.graph.metadata.style.own_styles_first);
    assert_eq!(harness.state().doc.history.undo_description(), Some("change style mapping"));
}

#[test]
fn pictures_draw_the_mapped_colours_with_a_legend_and_own_styles_first_when_asked() {
    let mut graph = load_file(std::path::Path::new(DONORS)).unwrap();
    let north = ActorId::new("northwind-foundation");
    graph.actor_mut(&north).unwrap().style.color = Some([1, 2, 3]);
    graph.metadata.style =
        StyleMapping { color: Some(ColorMapping::Category("region".into())), ..StyleMapping::default() };
    let svg = |graph: &KnowledgeGraph| {
        let options = RenderOptions { layout: true, ..RenderOptions::default() };
        String::from_utf8(render(graph, &options, PictureFormat::Svg, 1.0).unwrap()).unwrap()
    };
    let picture = svg(&graph);
    let north_fill = color_hex(region_color(&graph, "North"));
    assert!(picture.contains("Colour: region"), "a legend of the mapping");
    assert!(picture.contains(&format!("fill=\"{north_fill}\"><title>Northwind Foundation")), "mapping wins");
    assert!(CATEGORY_PALETTE.iter().any(|c| color_hex(*c) == north_fill));
    graph.metadata.style.own_styles_first = true;
    let picture = svg(&graph);
    assert!(picture.contains("fill=\"#010203\"><title>Northwind Foundation"), "its own colour comes first");
}

#[test]
fn the_canvas_paints_actors_in_their_mapped_colour() {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .renderer(egui_kittest::wgpu::WgpuTestRenderer::new())
        .build_eframe(|cc| {
            kgx::app::KgxApp::new(
                cc,
                kgx::app::AppOptions { file: Some(DONORS.into()), ..kgx::app::AppOptions::default() },
            )
        });
    for _ in 0..200 {
        harness.step();
        if !harness.state().is_opening() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mapping = StyleMapping { color: Some(ColorMapping::Category("region".into())), ..StyleMapping::default() };
    harness.state_mut().push(kgx::app::command::Command::Edit(kgx::app::command::EditCommand::StyleMapping(mapping)));
    harness.run();
    quiesce(&mut harness);
    let image = harness.render().unwrap();
    let graph = harness.state().doc.graph.clone();
    let mut matching = 0;
    for actor in graph.actors() {
        let at = common::screen_position(&harness, actor.id().as_str());
        let p = image.get_pixel(at.x.round() as u32, at.y.round() as u32);
        let want = region_color(&graph, actor.attribute("region").unwrap());
        if [p[0], p[1], p[2]].iter().zip(want).all(|(&a, b)| (i32::from(a) - i32::from(b)).abs() <= 10) {
            matching += 1;
        }
    }
    // A label or a line may cover a node's centre; nearly all show their region's colour.
    assert!(matching >= graph.actor_count() - 3, "{matching} of {} in their region's colour", graph.actor_count());
}
