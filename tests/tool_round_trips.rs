//! Graphs that other tools write come back out of kgx meaning what they meant: networkx writes
//! its classic graphs (Zachary's karate club, Les Misérables, the Florentine families, Davis's
//! southern women, and a directed one) as GEXF, GraphML and node-link JSON; kgx imports each,
//! exports it in the same format (and as CSV tables), and kgx, networkx and python-igraph read the
//! exports back with the same node count, edge count, direction and weights.
//!
//! python3 with networkx and python-igraph are the reference readers. CI installs them; elsewhere
//! the test says so and passes only when they are missing and `CI` is unset. Run with
//! `--nocapture` to see the table of readers.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use kgx::analysis::progress::Progress;
use kgx::io::formats::{FormatId, ReadOptions, read_file, write_file};
use kgx::io::import::import_csv_pair;
use kgx::model::KnowledgeGraph;
use serde_json::Value;

/// Whether python3 can import every module named; in CI a missing one fails the test.
fn python_has(modules: &str) -> bool {
    let available =
        Command::new("python3").args(["-c", &format!("import {modules}")]).output().is_ok_and(|o| o.status.success());
    if !available {
        assert!(std::env::var_os("CI").is_none(), "CI must install {modules} (pip install networkx python-igraph)");
        eprintln!("python3 or {modules} is not installed: skipping the round trips through other tools");
    }
    available
}

/// Writes networkx's graphs into `dir` as NAME.gexf, NAME.graphml and NAME.json, and prints what
/// each holds: nodes, edges, whether directed, and the sorted weights (null without weights).
const WRITE: &str = r#"
import json, sys
import networkx as nx
out = sys.argv[1]
graphs = {
    "karate": nx.karate_club_graph(),
    "les_miserables": nx.les_miserables_graph(),
    "florentine": nx.florentine_families_graph(),
    "southern_women": nx.davis_southern_women_graph(),
    "florentine_directed": nx.DiGraph(nx.florentine_families_graph()),
}
expected = {}
for name, g in graphs.items():
    # Davis's graph lists its two sides as graph attributes, which GraphML cannot hold.
    g.graph = {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))}
    nx.write_gexf(g, f"{out}/{name}.gexf")
    nx.write_graphml(g, f"{out}/{name}.graphml")
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(nx.node_link_data(g, edges="edges"), f)
    weights = [d.get("weight") for _, _, d in g.edges(data=True)]
    weighted = weights and all(w is not None for w in weights)
    expected[name] = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "weights": sorted(float(w) for w in weights) if weighted else None,
    }
print(json.dumps(expected))
"#;

/// Reads kgx's exports in `dir` (NAME.gexf, NAME.graphml, NAME.json, NAME.nodes.csv and
/// NAME.edges.csv) with networkx and igraph, and prints one row per graph, format and reader.
const READ: &str = r#"
import csv, json, sys
import networkx as nx
import igraph
expected = json.load(open(sys.argv[1]))
d = sys.argv[2]
rows = []

def same_weights(name, weights):
    want = expected[name]["weights"]
    if want is None:
        return True
    return weights is not None and len(weights) == len(want) and all(abs(a - b) < 1e-9 for a, b in zip(sorted(weights), want))

def add(name, fmt, reader, nodes, edges, directed, weights):
    rows.append({"graph": name, "format": fmt, "reader": reader, "nodes": nodes, "edges": edges,
                 "directed": directed, "weights": same_weights(name, weights)})

def nx_weights(g):
    ws = [d.get("weight") for _, _, d in g.edges(data=True)]
    return [float(w) for w in ws] if all(w is not None for w in ws) else None

def nx_row(name, fmt, g):
    add(name, fmt, "networkx", g.number_of_nodes(), g.number_of_edges(), g.is_directed(), nx_weights(g))

def ig_row(name, fmt, h):
    weights = [float(w) for w in h.es["weight"]] if "weight" in h.es.attributes() else None
    add(name, fmt, "igraph", h.vcount(), h.ecount(), h.is_directed(), weights)

for name in expected:
    nx_row(name, "GEXF", nx.read_gexf(f"{d}/{name}.gexf"))
    nx_row(name, "GraphML", nx.read_graphml(f"{d}/{name}.graphml"))
    ig_row(name, "GraphML", igraph.Graph.Read_GraphML(f"{d}/{name}.graphml"))
    data = json.load(open(f"{d}/{name}.json"))
    nx_row(name, "node-link JSON", nx.node_link_graph(data, edges="edges"))
    ig_row(name, "node-link JSON", igraph.Graph.DictList(
        vertices=data["nodes"], edges=data["edges"], directed=data["directed"],
        vertex_name_attr="id", edge_foreign_keys=("source", "target")))
    nodes = list(csv.DictReader(open(f"{d}/{name}.nodes.csv", newline="")))
    edges = list(csv.DictReader(open(f"{d}/{name}.edges.csv", newline="")))
    directed = any(e["type"] == "Directed" for e in edges)
    g = nx.MultiDiGraph() if directed else nx.MultiGraph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["source"], e["target"], {"weight": float(e["weight"])}) for e in edges)
    nx_row(name, "CSV", g)
    ig_row(name, "CSV", igraph.Graph.DictList(
        vertices=nodes, edges=edges, directed=directed,
        vertex_name_attr="id", edge_foreign_keys=("source", "target")))
print(json.dumps(rows))
"#;

/// A cell of the table: graph, format, reader.
type Cell = (String, String, String);

/// What a reader found: nodes, edges, direction, and whether the weights are networkx's.
type Reading = (u64, u64, String, bool);

fn python(script: &str, args: &[&str]) -> Value {
    let out = Command::new("python3").arg("-c").arg(script).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// "directed", "undirected" or "mixed", as a kgx graph's cooperations are.
fn direction(graph: &KnowledgeGraph) -> &'static str {
    let directed = graph.cooperations().filter(|c| c.cooperation.directed).count();
    match directed {
        0 => "undirected",
        d if d == graph.cooperation_count() => "directed",
        _ => "mixed",
    }
}

fn weights(graph: &KnowledgeGraph) -> Vec<f64> {
    let mut weights: Vec<f64> = graph.cooperations().map(|c| c.cooperation.weight).collect();
    weights.sort_by(f64::total_cmp);
    weights
}

#[test]
fn networkx_graphs_come_back_with_their_counts_direction_and_weights_in_every_reader() {
    if !python_has("networkx, igraph") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (from_tool, from_kgx) = (dir.path().join("networkx"), dir.path().join("kgx"));
    std::fs::create_dir_all(&from_tool).unwrap();
    std::fs::create_dir_all(&from_kgx).unwrap();
    let expected = python(WRITE, &[from_tool.to_str().unwrap()]);
    let expected_path = dir.path().join("expected.json");
    std::fs::write(&expected_path, expected.to_string()).unwrap();

    let mut table: BTreeMap<Cell, Reading> = BTreeMap::new();
    let graphs = expected.as_object().unwrap();
    for (name, want) in graphs {
        let want_weights: Option<Vec<f64>> =
            want["weights"].as_array().map(|w| w.iter().map(|v| v.as_f64().unwrap()).collect());
        let mut kgx_row = |format: &str, graph: &KnowledgeGraph| {
            let weights_ok = want_weights.as_ref().is_none_or(|w| *w == weights(graph));
            let row =
                (graph.actor_count() as u64, graph.cooperation_count() as u64, direction(graph).to_owned(), weights_ok);
            table.insert((name.clone(), format.to_owned(), "kgx".to_owned()), row);
        };
        for (id, extension, label) in [
            (FormatId::Gexf, "gexf", "GEXF"),
            (FormatId::GraphMl, "graphml", "GraphML"),
            (FormatId::NodeLinkJson, "json", "node-link JSON"),
        ] {
            let input = from_tool.join(format!("{name}.{extension}"));
            let read = read_file(&input, id.format(), ReadOptions::default(), &Progress::new())
                .unwrap_or_else(|e| panic!("{e}"));
            let output = from_kgx.join(format!("{name}.{extension}"));
            write_file(&read.graph, &output, id.format()).unwrap();
            let back = read_file(&output, id.format(), ReadOptions::default(), &Progress::new()).unwrap();
            kgx_row(label, &back.graph);
            if id == FormatId::GraphMl {
                write_file(&read.graph, &from_kgx.join(format!("{name}.csv")), FormatId::Csv.format()).unwrap();
                let nodes = from_kgx.join(format!("{name}.nodes.csv"));
                let edges = from_kgx.join(format!("{name}.edges.csv"));
                kgx_row("CSV", &import_csv_pair(&nodes, &edges).unwrap().graph);
            }
        }
    }
    let rows = python(READ, &[expected_path.to_str().unwrap(), from_kgx.to_str().unwrap()]);
    for row in rows.as_array().unwrap() {
        let text = |k: &str| row[k].as_str().unwrap().to_owned();
        let directed = if row["directed"].as_bool().unwrap() { "directed" } else { "undirected" };
        table.insert(
            (text("graph"), text("format"), text("reader")),
            (
                row["nodes"].as_u64().unwrap(),
                row["edges"].as_u64().unwrap(),
                directed.to_owned(),
                row["weights"].as_bool().unwrap(),
            ),
        );
    }

    // The table for the report, then every cell against what networkx wrote.
    for format in ["GraphML", "GEXF", "node-link JSON", "CSV"] {
        println!("\n{format}\n| graph | written by networkx | kgx | networkx | igraph |\n|---|---|---|---|---|");
        for (name, want) in graphs {
            let cell = |reader: &str| {
                table.get(&(name.clone(), format.to_owned(), reader.to_owned())).map_or_else(
                    || "— (no reader)".to_owned(),
                    |(n, m, d, w)| format!("{n} nodes, {m} edges, {d}{}", if *w { "" } else { ", weights differ" }),
                )
            };
            let directed = if want["directed"].as_bool().unwrap() { "directed" } else { "undirected" };
            println!(
                "| {name} | {} nodes, {} edges, {directed} | {} | {} | {} |",
                want["nodes"],
                want["edges"],
                cell("kgx"),
                cell("networkx"),
                cell("igraph")
            );
        }
    }
    for ((name, format, reader), (nodes, edges, directed, weights_ok)) in &table {
        let want = &graphs[name];
        let want_direction = if want["directed"].as_bool().unwrap() { "directed" } else { "undirected" };
        let got = (*nodes, *edges, directed.as_str(), *weights_ok);
        let wanted = (want["nodes"].as_u64().unwrap(), want["edges"].as_u64().unwrap(), want_direction, true);
        assert_eq!(got, wanted, "{name} as {format}, read by {reader}");
    }
    // kgx and networkx read all four formats, igraph all but GEXF.
    assert_eq!(table.len(), 5 * (4 + 4 + 3), "every graph in every format by every reader that has one");
}

/// A graph that mixes directed and undirected cooperations (the bundled one) says so per edge:
/// kgx reads each direction back, igraph reads the GraphML as a directed graph of the same size,
/// and networkx (which has no mixed graphs) reads the node-link JSON, each edge with its own
/// `directed`.
#[test]
fn a_mixed_graph_states_direction_per_edge() {
    let graph = kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    assert_eq!(direction(&graph), "mixed");
    let dir = tempfile::tempdir().unwrap();
    for id in [FormatId::GraphMl, FormatId::Gexf, FormatId::NodeLinkJson, FormatId::Csv] {
        let path = dir.path().join(format!("mixed.{}", id.format().extension()));
        write_file(&graph, &path, id.format()).unwrap();
        let back = if id == FormatId::Csv {
            import_csv_pair(&dir.path().join("mixed.nodes.csv"), &dir.path().join("mixed.edges.csv")).unwrap().graph
        } else {
            read_file(&path, id.format(), ReadOptions::default(), &Progress::new()).unwrap().graph
        };
        for c in graph.cooperations() {
            let other = back.cooperation(c.cooperation.id()).unwrap();
            assert_eq!(other.cooperation.directed, c.cooperation.directed, "{:?}: {}", id, c.cooperation.id());
        }
    }
    let text = std::fs::read_to_string(dir.path().join("mixed.graphml")).unwrap();
    assert!(text.contains("edgedefault=\"directed\"") && text.contains("directed=\"false\""));
    let text = std::fs::read_to_string(dir.path().join("mixed.gexf")).unwrap();
    assert!(text.contains("defaultedgetype=\"directed\"") && text.contains("type=\"undirected\""));
    if !python_has("networkx, igraph") {
        return;
    }
    let script = r#"
import json, sys
import networkx as nx, igraph
h = igraph.Graph.Read_GraphML(sys.argv[1])
assert (h.vcount(), h.ecount(), h.is_directed()) == (26, 29, True), (h.vcount(), h.ecount())
g = nx.node_link_graph(json.load(open(sys.argv[2])), edges="edges")
assert g.is_directed() and g.number_of_edges() == 29
mutual = sum(1 for _, _, d in g.edges(data=True) if d["directed"] is False)
print(json.dumps(mutual))
"#;
    let mutual = python(
        script,
        &[dir.path().join("mixed.graphml").to_str().unwrap(), dir.path().join("mixed.json").to_str().unwrap()],
    );
    assert_eq!(mutual.as_u64().unwrap() as usize, graph.cooperations().filter(|c| !c.cooperation.directed).count());
}
