//! Exports carry every attribute and load in networkx.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.
use std::path::Path;
use std::process::Command;

use kgx::io::export::{to_gexf, to_graphml, to_node_link_json};
use kgx::io::load_file;

const SEED: &str = "graphs/covid19-cooperation.ron";

#[test]
fn graphml_declares_a_key_for_every_attribute_it_uses() {
    let graph = load_file(Path::new(SEED)).unwrap();
    let xml = to_graphml(&graph);
    for name in ["label", "kind", "country", "aliases", "database visitors", "city", "weight", "date", "quotes"] {
        assert!(xml.contains(&format!("attr.name=\"{name}\"")), "no key for {name}");
    }
    let declared: Vec<&str> =
        xml.lines().filter(|l| l.contains("<key id=")).filter_map(|l| l.split('"').nth(1)).collect();
    for line in xml.lines().filter(|l| l.contains("<data key=")) {
        let key = line.split('"').nth(1).unwrap();
        assert!(declared.contains(&key), "undeclared key {key}");
    }
    assert!(xml.contains("China&apos;s"), "apostrophes are escaped");
}

#[test]
fn node_link_json_has_every_actor_and_cooperation() {
    let graph = load_file(Path::new(SEED)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&to_node_link_json(&graph)).unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), 26);
    assert_eq!(json["edges"].as_array().unwrap().len(), 29);
    let ngdc = json["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "ngdc").unwrap();
    assert_eq!(ngdc["database visitors"], "over 76,000");
}

/// networkx is the reference reader. CI installs it; elsewhere the test says so and passes only
/// when python3 or networkx is missing and `CI` is unset. networkx has no graph that mixes
/// directed and undirected edges, so GraphML and GEXF are read from the bundled graph with every
/// cooperation directed; the node-link JSON of the mixed graph is a directed multigraph whose
/// edges each say whether they are directed.
#[test]
fn networkx_reads_every_export() {
    let available = Command::new("python3").args(["-c", "import networkx"]).output().is_ok_and(|o| o.status.success());
    if !available {
        assert!(std::env::var_os("CI").is_none(), "CI must install networkx (pip install networkx)");
        eprintln!("networkx not installed: skipping the networkx check");
        return;
    }
    let graph = load_file(Path::new(SEED)).unwrap();
    let mut directed = graph.clone();
    let ids: Vec<_> = graph.cooperations().map(|c| c.cooperation.id().clone()).collect();
    for id in &ids {
        directed.cooperation_mut(id).unwrap().directed = true;
    }
    let dir = tempfile::tempdir().unwrap();
    let graphml = dir.path().join("g.graphml");
    let json = dir.path().join("g.json");
    let gexf = dir.path().join("g.gexf");
    std::fs::write(&graphml, to_graphml(&directed)).unwrap();
    std::fs::write(&json, to_node_link_json(&graph)).unwrap();
    std::fs::write(&gexf, to_gexf(&directed)).unwrap();
    let script = r#"
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
h = nx.node_link_graph(json.load(open(sys.argv[2])), edges="edges")
for x in (g, h):
    assert x.is_directed() and x.is_multigraph(), type(x)
    assert x.number_of_nodes() == 26 and x.number_of_edges() == 29, (x.number_of_nodes(), x.number_of_edges())
    assert x.nodes["ngdc"]["database visitors"] == "over 76,000"
    assert x.nodes["who"]["kind"] == "InternationalOrganization"
    assert x.graph["title"].startswith("China")
assert g.edges["mammoth-foundation", "serbian-government", "mammoth-donates-kits-to-serbia"]["date"] == "2020-03-15"
assert h.edges["zhongnan-hospital", "kenyan-counterparts", "zhongnan-kenya-video-call"]["directed"] is False
assert h.edges["bgi-genomics", "international-community", "bgi-kit-orders-worldwide"]["weight"] == 1.0
# GEXF, as Gephi reads it: counts, attributes, colours and positions, dates as spells.
x = nx.read_gexf(sys.argv[3])
assert x.is_directed()
assert x.number_of_nodes() == 26 and x.number_of_edges() == 29, (x.number_of_nodes(), x.number_of_edges())
assert x.nodes["ngdc"]["database visitors"] == "over 76,000"
assert x.nodes["who"]["label"] == "World Health Organization"
assert x.nodes["who"]["kind"] == "InternationalOrganization"
assert x.nodes["who"]["viz"]["color"]["b"] == 240
print("ok")
"#;
    let out = Command::new("python3")
        .args(["-c", script, graphml.to_str().unwrap(), json.to_str().unwrap(), gexf.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn graphml_carries_gephis_colours_and_yeds_graphics() {
    let graph = kgx::io::load_file(std::path::Path::new("graphs/covid19-cooperation.ron")).expect("bundled graph");
    let text = kgx::io::export::export(&graph, kgx::io::export::ExportFormat::GraphMl);
    assert!(text.contains("xmlns:y=\"http://www.yworks.com/xml/graphml\""));
    assert!(text.contains("yfiles.type=\"nodegraphics\"") && text.contains("yfiles.type=\"edgegraphics\""));
    assert_eq!(text.matches("<y:ShapeNode>").count(), graph.actor_count());
    assert_eq!(text.matches("<y:PolyLineEdge>").count(), graph.cooperation_count());
    let [r, g, b] = kgx::model::ActorKind::Country.rgb();
    let china = text.split("<node id=\"china\">").nth(1).and_then(|rest| rest.split("</node>").next()).expect("China");
    assert!(china.contains(&format!("<y:Fill color=\"#{r:02X}{g:02X}{b:02X}\"")), "{china}");
    assert!(china.contains("<y:Shape type=\"hexagon\"/>") && china.contains(">China</y:NodeLabel>"));
    assert!(china.contains(&format!("<data key=\"viz_r\">{r}</data>")));
}
