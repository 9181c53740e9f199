//! Styles stay: Gephi's and yEd's colours, sizes and shapes come in as actors' and cooperations'
//! own looks (not attributes), every export that can carry them writes them back, and a bad look
//! in a file is an error at its place, as other fields are.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use kgx::io::export::{to_gexf, to_graphml};
use kgx::io::import::{ImportFormat, import_bytes, import_file};
use kgx::model::{ActorId, NodeShape};

const AIRPORTS: &str = "gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf";

/// The interop folder, or `None` (with a message) where it is not beside the checkout; CI always
/// has it.
fn interop() -> Option<PathBuf> {
    let dir = Path::new("../shared/interop");
    if dir.join("MANIFEST.tsv").exists() {
        return Some(dir.to_owned());
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop beside the clone");
    eprintln!("skipped: ../shared/interop is not here");
    None
}

#[test]
fn gephis_airports_come_in_coloured_sized_and_on_their_map() {
    let Some(dir) = interop() else { return };
    let graph = import_file(&dir.join(AIRPORTS)).unwrap().graph;
    assert_eq!(graph.actor_count(), 235);
    assert!(graph.actors().all(|a| a.style.color.is_some() && a.style.size.is_some() && a.position.is_some()));
    assert!(
        graph
            .actors()
            .all(|a| a.attributes.iter().all(|x| !["r", "g", "b", "size", "color"].contains(&x.key.as_str()))),
        "looks are not attributes"
    );
    let adams = graph.actor(&ActorId::new("0")).unwrap();
    assert_eq!(adams.style.color, Some([217, 78, 164]));
    assert_eq!(adams.style.size, Some(9.220_858));
    assert_eq!(adams.position, Some([55.805_447, 209.349_12]), "Gephi's y points up, the canvas's down");
    // A colour with transparency keeps its colour.
    assert_eq!(graph.actor(&ActorId::new("11")).unwrap().style.color, Some([217, 82, 165]));
    assert!(graph.cooperations().all(|c| !c.cooperation.directed));
}

/// The airports go GEXF → kgx → GEXF and GraphML, and networkx reads the same colours, sizes,
/// positions and undirected edges as in Gephi's file.
#[test]
fn the_airports_look_survives_gexf_and_graphml_as_networkx_reads_them() {
    let Some(dir) = interop() else { return };
    let available = Command::new("python3").args(["-c", "import networkx"]).output().is_ok_and(|o| o.status.success());
    if !available {
        assert!(std::env::var_os("CI").is_none(), "CI must install networkx");
        eprintln!("networkx not installed: skipping");
        return;
    }
    let graph = import_file(&dir.join(AIRPORTS)).unwrap().graph;
    let out = tempfile::tempdir().unwrap();
    let (gexf, graphml) = (out.path().join("airports.gexf"), out.path().join("airports.graphml"));
    std::fs::write(&gexf, to_gexf(&graph)).unwrap();
    std::fs::write(&graphml, to_graphml(&graph)).unwrap();
    let script = r#"
import sys
import networkx as nx
gephi = nx.read_gexf(sys.argv[1])
ours = nx.read_gexf(sys.argv[2])
yed = nx.read_graphml(sys.argv[3])
for g in (ours, yed):
    assert not g.is_directed() and not g.is_multigraph(), type(g)
    assert (g.number_of_nodes(), g.number_of_edges()) == (235, 1297), (g.number_of_nodes(), g.number_of_edges())
close = lambda a, b: abs(float(a) - float(b)) < 1e-4
for node, data in gephi.nodes(data=True):
    viz, back = data["viz"], ours.nodes[node]["viz"]
    assert all(viz["color"][c] == back["color"][c] for c in "rgb"), (node, viz, back)
    assert close(viz["size"], back["size"]), (node, viz, back)
    assert close(viz["position"]["x"], back["position"]["x"]) and close(viz["position"]["y"], back["position"]["y"]), node
    g = yed.nodes[node]
    assert all(viz["color"][c] == g[c] for c in "rgb"), (node, viz, g)
    assert close(viz["size"], g["size"]), (node, viz, g)
    # networkx reads yEd's geometry: its top-left corner, in yEd's y-down space.
    assert close(float(g["x"]) + g["size"], viz["position"]["x"]), (node, g)
    assert close(-(float(g["y"]) + g["size"]), viz["position"]["y"]), (node, g)
print("ok")
"#;
    let run = Command::new("python3").args(["-c", script]).args([dir.join(AIRPORTS), gexf, graphml]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn gephis_graphml_colour_and_size_keys_become_looks() {
    let Some(dir) = interop() else { return };
    let graph = import_file(&dir.join("graphml_other/gephi_celegans_export.graphml")).unwrap().graph;
    let node = graph.actor(&ActorId::new("304")).unwrap();
    assert_eq!((node.style.color, node.style.size), (Some([153, 153, 153]), Some(100.0)));
    assert!(node.attribute("r").is_none() && node.attribute("size").is_none(), "looks are not attributes");
    assert!(graph.actors().all(|a| a.style.color.is_some() && a.style.size.is_some()));
}

#[test]
fn yeds_fill_size_shape_and_lines_become_looks() {
    let Some(dir) = interop() else { return };
    let graph = import_file(&dir.join("graphml_yed/yed-3.15_pandora-architecture_groups.graphml")).unwrap().graph;
    let ammo = graph.actor(&ActorId::new("n0")).unwrap();
    assert_eq!(ammo.style.color, Some([0x00, 0xcc, 0xff]));
    assert_eq!(ammo.style.shape, Some(NodeShape::Square), "a round rectangle is drawn as a square");
    assert_eq!(ammo.style.size, Some(38.5), "half the larger side of 77 × 49");
    let edge = graph.cooperations().find(|c| c.cooperation.id().as_str() == "e0").unwrap();
    assert_eq!((edge.cooperation.style.color, edge.cooperation.style.width), (Some([0, 0, 0]), Some(1.0)));
    // yFiles for HTML writes colours alpha first.
    let live = import_file(&dir.join("graphml_yed/yfiles-html-2.6_yed-live_sample.graphml")).unwrap().graph;
    assert!(live.actors().any(|a| a.style.color == Some([0xff, 0x8c, 0x00])));
}

/// Each bad look is an error naming the file and the place of the value.
#[test]
fn a_bad_look_is_a_located_error() {
    let gexf = |viz: &str| {
        format!(
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\">\n<graph>\n<nodes>\n<node id=\"a\">\n  {viz}\n</node>\n</nodes>\n</graph>\n</gexf>\n"
        )
    };
    let cases = [
        ("a.gexf", ImportFormat::Gexf, gexf("<viz:color r=\"300\" g=\"0\" b=\"0\"/>"), "a.gexf:5:3: viz:color: colour component r=\"300\""),
        ("b.gexf", ImportFormat::Gexf, gexf("<viz:size value=\"-2\"/>"), "b.gexf:5:3: viz:size: size -2 must be"),
        ("c.gexf", ImportFormat::Gexf, gexf("<viz:shape value=\"star\"/>"), "c.gexf:5:3: viz:shape \"star\" is not a GEXF shape"),
        (
            "d.graphml",
            ImportFormat::GraphMl,
            "<graphml>\n<key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n<key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n<key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n<key id=\"s\" for=\"node\" attr.name=\"size\" attr.type=\"float\"/>\n<graph>\n<node id=\"a\">\n  <data key=\"s\">-1</data>\n</node>\n</graph>\n</graphml>\n".to_owned(),
            "d.graphml:8:3: size -1 must be",
        ),
        (
            "e.graphml",
            ImportFormat::GraphMl,
            "<graphml xmlns:y=\"http://www.yworks.com/xml/graphml\">\n<key id=\"y\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n<graph>\n<node id=\"a\"><data key=\"y\"><y:ShapeNode><y:Fill color=\"teal\"/></y:ShapeNode></data></node>\n</graph>\n</graphml>\n".to_owned(),
            "e.graphml:4:41: yEd fill: colour \"teal\"",
        ),
        ("f.csv", ImportFormat::Csv, "id,color\na,#00ff00\nb,red\n".to_owned(), "f.csv:3:1: row 2: colour \"red\""),
        ("g.csv", ImportFormat::Csv, "source,target,width\na,b,0\n".to_owned(), "g.csv:2:1: row 1: width 0 must be"),
        (
            "h.json",
            ImportFormat::NodeLinkJson,
            r#"{"nodes": [{"id": "a"}, {"id": "b", "shape": "blob"}], "edges": []}"#.to_owned(),
            "h.json:1:1: nodes[1] (\"b\"): unknown shape \"blob\"",
        ),
    ];
    for (name, format, text, expected) in cases {
        let error = import_bytes(text.as_bytes(), Path::new(name), format).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{name}: {error}");
    }
    // Text values under Gephi's key names are data, not looks, when the file has no numeric
    // colour keys: a company's size stays an attribute.
    let data = "<graphml>\n<key id=\"s\" for=\"node\" attr.name=\"size\" attr.type=\"string\"/>\n<graph>\n<node id=\"a\"><data key=\"s\">large</data></node>\n</graph>\n</graphml>\n";
    let graph = import_bytes(data.as_bytes(), Path::new("i.graphml"), ImportFormat::GraphMl).unwrap().graph;
    let actor = graph.actor(&ActorId::new("a")).unwrap();
    assert_eq!((actor.attribute("size"), actor.style.size), (Some("large"), None));
}

/// kgx's own GraphML and GEXF write every actor's look, its kind's included; reading them back
/// gives own looks only to the actors that had them.
#[test]
fn kgx_files_give_back_only_the_looks_that_were_set() {
    let mut graph = kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let china = ActorId::new("china");
    let look = kgx::model::ActorStyle { color: Some([1, 2, 3]), size: Some(30.5), shape: Some(NodeShape::Diamond) };
    graph.actor_mut(&china).unwrap().style = look;
    for (format, text) in [(ImportFormat::GraphMl, to_graphml(&graph)), (ImportFormat::Gexf, to_gexf(&graph))] {
        let back = import_bytes(text.as_bytes(), Path::new("kgx"), format).unwrap().graph;
        assert_eq!(back.actor(&china).unwrap().style, look, "{format:?}");
        let styled: Vec<&str> = back.actors().filter(|a| !a.style.is_empty()).map(|a| a.id().as_str()).collect();
        assert_eq!(styled, ["china"], "{format:?}");
        assert!(back.cooperations().all(|c| c.cooperation.style.is_empty()), "{format:?}");
    }
}
