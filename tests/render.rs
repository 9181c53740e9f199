//! `kgx render`: an SVG picture of the graph as the canvas draws it.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::path::Path;
use std::process::Command;

use kgx::io::load_file;
use kgx::model::{Actor, ActorId, ActorKind, Cooperation, CooperationKind, KnowledgeGraph};
use kgx::render::{RenderOptions, to_svg};

/// Elements by name and the text inside `<text>` elements, from a well-formed document.
fn parse(svg: &str) -> (std::collections::HashMap<String, usize>, Vec<String>) {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut counts = std::collections::HashMap::new();
    let mut texts = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                in_text = name == "text";
                *counts.entry(name).or_default() += 1;
            }
            quick_xml::events::Event::Text(t) if in_text => texts.push(t.decode().unwrap().into_owned()),
            quick_xml::events::Event::End(_) => in_text = false,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    (counts, texts)
}

#[test]
fn the_bundled_graph_renders_every_actor_cooperation_and_label() {
    let graph = load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let svg = to_svg(&graph, &RenderOptions::default());
    let (counts, texts) = parse(&svg);
    assert_eq!(svg.matches("class=\"node\"").count(), 26);
    assert_eq!(svg.matches("class=\"edge\"").count(), 29);
    assert_eq!(svg.matches("class=\"label\"").count(), 26, "every label fits on the bundled graph");
    assert!(counts.get("polygon").copied().unwrap_or(0) > 0 && counts.get("circle").copied().unwrap_or(0) > 0);
    assert!(svg.contains("marker-end=\"url(#arrow-Donation)\""), "directed cooperations carry arrows");
    for name in ["China", "World Health Organization", "Kenyan counterparts", "Government agency (3)"] {
        assert!(texts.iter().any(|t| t.starts_with(name)), "{name} is written as text");
    }
}

#[test]
fn cjk_labels_stay_text_with_fonts_that_cover_them() {
    let mut graph = KnowledgeGraph::new();
    graph.metadata.title = "合作".to_owned();
    for (id, label) in [("pku", "北京大学"), ("ut", "東京大学"), ("snu", "서울대학교")] {
        graph.add_actor(Actor::new(ActorId::new(id), label, ActorKind::University)).unwrap();
    }
    graph.add_cooperation(&"pku".into(), &"ut".into(), Cooperation::new("c", CooperationKind::JointResearch)).unwrap();
    let svg = to_svg(&graph, &RenderOptions::default());
    let (_, texts) = parse(&svg);
    for label in ["北京大学", "東京大学", "서울대학교", "合作"] {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
    assert!(svg.contains("Noto Sans CJK SC"));
}

#[test]
fn kgx_render_writes_an_svg_and_refuses_other_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.svg");
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().unwrap();
    let result = run(&[
        "render",
        "graphs/covid19-cooperation.ron",
        "-o",
        out.to_str().unwrap(),
        "--width",
        "1200",
        "--height",
        "800",
    ]);
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("width=\"1200\" height=\"800\""));
    parse(&svg);
    let png = dir.path().join("seed.png");
    let result = run(&["render", "graphs/covid19-cooperation.ron", "-o", png.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("name the output .svg"));
    assert!(!png.exists());
}
