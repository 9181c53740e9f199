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
    let directed = graph.cooperations().filter(|c| c.cooperation.directed).count();
    let arrows = svg.matches("class=\"arrow\"").count();
    assert!(arrows > 0 && arrows <= directed, "directed cooperations carry arrows: {arrows} of {directed}");
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
    let jpeg = dir.path().join("seed.jpg");
    let result = run(&["render", "graphs/covid19-cooperation.ron", "-o", jpeg.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("name the output .svg, .png or .pdf"));
    assert!(!jpeg.exists());
}

/// The PNG's pixels.
fn decode(path: &std::path::Path) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(path).unwrap()).expect("a PNG")
}

/// Pixels that are not the background colour.
fn drawn(pixmap: &resvg::tiny_skia::Pixmap) -> usize {
    let background = pixmap.pixels().first().copied().unwrap();
    pixmap.pixels().iter().filter(|p| **p != background).count()
}

#[test]
fn kgx_render_writes_a_png_of_the_same_drawing_at_any_scale() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().unwrap();
    let png = dir.path().join("seed.png");
    let result = run(&[
        "render",
        "graphs/covid19-cooperation.ron",
        "-o",
        png.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "500",
    ]);
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
    let picture = decode(&png);
    assert_eq!((picture.width(), picture.height()), (800, 500));
    let share = drawn(&picture) as f64 / (800.0 * 500.0);
    assert!(share > 0.01, "only {share:.4} of the picture is drawn");
    // China's colour (the Country kind) is in the picture.
    let [r, g, b] = kgx::model::ActorKind::Country.rgb();
    assert!(picture.pixels().iter().any(|p| (p.red(), p.green(), p.blue()) == (r, g, b)), "no Country-coloured node");

    let big = dir.path().join("seed@2x.png");
    let result = run(&[
        "render",
        "graphs/covid19-cooperation.ron",
        "-o",
        big.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "500",
        "--scale",
        "2",
    ]);
    assert_eq!(result.status.code(), Some(0));
    let picture = decode(&big);
    assert_eq!((picture.width(), picture.height()), (1600, 1000));
    let result = run(&["render", "graphs/covid19-cooperation.ron", "-o", big.to_str().unwrap(), "--scale", "100"]);
    assert_eq!(result.status.code(), Some(2), "an absurd scale is refused");
}

#[test]
fn cjk_labels_are_drawn_in_the_png() {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    let cjk = fonts.faces().any(|f| f.families.iter().any(|(name, _)| name.contains("CJK")));
    if !cjk {
        assert!(std::env::var_os("CI").is_none(), "CI installs fonts-noto-cjk");
        eprintln!("skipped: no CJK font installed (apt-get install fonts-noto-cjk)");
        return;
    }
    let labelled = |label: &str| {
        let mut graph = kgx::model::KnowledgeGraph::new();
        let mut actor = kgx::model::Actor::new("a", label, kgx::model::ActorKind::Ministry);
        actor.position = Some([0.0, 0.0]);
        graph.add_actor(actor).unwrap();
        let options = kgx::render::RenderOptions {
            width: 300.0,
            height: 200.0,
            legend: false,
            title: false,
            view: None,
            layout: false,
            theme: kgx::draw::Theme::Dark,
        };
        let png = kgx::render::to_png(&graph, &options, 1.0).unwrap();
        drawn(&resvg::tiny_skia::Pixmap::decode_png(&png).unwrap())
    };
    let without = labelled("");
    for label in ["国家卫生健康委员会", "厚生労働省", "질병관리청"] {
        let with = labelled(label);
        assert!(with > without + 200, "{label}: {with} drawn pixels against {without} without a label");
    }
}

#[test]
fn a_light_picture_for_print_labels_every_actor_in_svg_png_and_pdf() {
    let graph = load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let options = RenderOptions { theme: kgx::draw::Theme::Light, ..RenderOptions::default() };
    let svg = to_svg(&graph, &options);
    assert!(svg.contains("fill=\"#ffffff\""), "a white ground");
    let (_, texts) = parse(&svg);
    for actor in graph.actors() {
        assert!(texts.contains(&actor.label), "{} is labelled", actor.label);
    }
    // Labels carry a halo in the ground's colour, drawn under the text.
    assert!(svg.contains("class=\"labels\"") && svg.contains("paint-order=\"stroke\""));
    let png = kgx::render::to_png(&graph, &options, 1.0).unwrap();
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    let white = pixmap.pixels().iter().filter(|p| (p.red(), p.green(), p.blue()) == (255, 255, 255)).count();
    assert!(white as f64 > 0.5 * f64::from(pixmap.width() * pixmap.height()), "mostly white");
    let pdf = kgx::render::to_pdf(&graph, &options).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF document");
    assert!(pdf.len() > 5_000);
}

#[test]
fn a_files_picture_is_drawn_as_it_is_and_many_parallels_become_bundles() {
    let interop = Path::new("../shared/interop");
    if !interop.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop");
        return;
    }
    // Gephi's US airports: a map of the USA (wider than tall) in Gephi's own colours.
    let airports =
        kgx::io::import::import_file(&interop.join("gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf"))
            .unwrap()
            .graph;
    let picture = kgx::render::Picture::of(&airports, &RenderOptions::default());
    let (xs, ys): (Vec<f32>, Vec<f32>) = picture.nodes.iter().map(|n| (n.at[0], n.at[1])).unzip();
    let span = |v: &[f32]| v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min);
    let file_ratio = {
        let (fx, fy): (Vec<f32>, Vec<f32>) = airports.actors().filter_map(|a| a.position).map(|[x, y]| (x, y)).unzip();
        span(&fx) / span(&fy)
    };
    let ratio = span(&xs) / span(&ys);
    assert!((ratio / file_ratio - 1.0).abs() < 0.01, "the map keeps its shape: {ratio:.2} against {file_ratio:.2}");
    assert!(ratio > 1.7, "wider than tall, as the map is: {ratio:.2}");
    let colours: std::collections::HashSet<[u8; 3]> = picture.nodes.iter().map(|n| n.fill).collect();
    assert!(colours.len() > 20, "Gephi's colours, not one grey: {} colours", colours.len());

    // Gephi's issue-1848 table: 7,346 rows over 246 pairs (343 self-loops) draw as at most three
    // lines per pair, the rest as bundles with their count.
    let csv = kgx::io::import::import_file(&interop.join("csv/gephi-issue1848_edges_comma.csv")).unwrap().graph;
    let picture = kgx::render::Picture::of(&csv, &RenderOptions::default());
    let drawn: u32 = picture.lines.iter().map(|l| l.count).sum();
    assert_eq!(drawn as usize, csv.cooperation_count(), "every cooperation is counted once");
    assert!(picture.lines.len() <= 3 * 246, "{} lines for 246 pairs", picture.lines.len());
    assert!(picture.lines.iter().any(|l| l.count > 100), "a large bundle carries its count");
    let svg = to_svg(&csv, &RenderOptions::default());
    assert!(svg.contains("class=\"count\""), "bundles are labelled with their count");
}
