//! Importing real files written by other tools (`../shared/interop/`, described in its
//! MANIFEST.tsv): every GraphML and GEXF file gives the MANIFEST's node and edge counts, and the
//! malformed ones a located error.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;
use kgx::io::import::{ImportError, import_file};
use kgx::model::{ActorId, CooperationKind};

const INTEROP: &str = "../shared/interop";

/// The interop folder, or `None` (with a message) where it is not beside the checkout; CI always
/// has it.
fn interop() -> Option<PathBuf> {
    let dir = Path::new(INTEROP);
    if dir.join("MANIFEST.tsv").exists() {
        return Some(dir.to_owned());
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop beside the clone");
    eprintln!("skipped: {INTEROP} is not here");
    None
}

/// (file, nodes, edges) from the MANIFEST for the formats kgx imports.
fn manifest(dir: &Path) -> Vec<(String, usize, usize)> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Some((cells.first()?.to_string(), cells.get(4)?.parse().ok()?, cells.get(5)?.parse().ok()?))
        })
        .filter(|(file, _, _)| {
            !file.starts_with("malformed/") && (file.ends_with(".graphml") || file.ends_with(".gexf"))
        })
        .collect()
}

#[test]
fn every_graphml_and_gexf_file_imports_with_the_manifests_counts() {
    let Some(dir) = interop() else { return };
    let files = manifest(&dir);
    assert_eq!(files.len(), 12, "six GEXF and six GraphML files");
    for (file, nodes, edges) in files {
        let imported = import_file(&dir.join(&file)).unwrap_or_else(|e| panic!("{e}"));
        let graph = &imported.graph;
        assert_eq!(graph.actor_count(), nodes, "{file}: nodes");
        // yEd groups: each member also gets an Affiliation to its group (on top of the file's edges).
        let affiliations = graph.cooperations().filter(|c| c.cooperation.label == "member of the group").count();
        assert_eq!(graph.cooperation_count() - affiliations, edges, "{file}: edges");
        if file.contains("groups") {
            assert!(affiliations > 0, "{file}: group members are affiliated to their group");
        }
    }
}

#[test]
fn labels_attributes_positions_and_direction_come_across() {
    let Some(dir) = interop() else { return };
    // Gephi GEXF 1.2draft: non-ASCII labels, typed attributes, viz positions, directed.
    let migration = import_file(&dir.join("gexf_gephi/gephi-0.8.1_migration-network_v1.2draft_directed_nonascii.gexf"))
        .unwrap()
        .graph;
    let curacao = migration.actors().find(|a| a.label == "Curaçao").expect("non-ASCII labels survive");
    assert!(curacao.position.is_some(), "viz:position becomes the actor's position");
    assert!(curacao.attribute("Continent").is_some(), "declared attributes become actor attributes");
    assert!(migration.cooperations().all(|c| c.cooperation.directed));
    // igraph GraphML: names from the `name` key, weights, undirected.
    let got = import_file(&dir.join("graphml_other/igraph_game-of-thrones.graphml")).unwrap().graph;
    assert!(got.actors().any(|a| a.label == "DAENERYS"), "names from the name key");
    assert!(got.cooperations().all(|c| !c.cooperation.directed));
    assert!(got.cooperations().any(|c| c.cooperation.weight > 1.0), "weights come across");
    // yEd: labels from the graphics, group members affiliated.
    let yed = import_file(&dir.join("graphml_yed/yed-3.15_pandora-architecture_groups.graphml")).unwrap().graph;
    assert!(yed.actors().filter(|a| a.label != a.id().as_str()).count() >= 19, "yEd labels are read");
    assert!(yed.actors().all(|a| a.position.is_some()), "yEd geometry gives positions");
    assert!(yed.cooperations().any(|c| c.cooperation.kind == CooperationKind::Affiliation));
    // GEXF 1.3 with parallel edges told apart by kind, and datetimes as cooperation dates.
    let qatar =
        import_file(&dir.join("gexf_gephi/gephi-0.9.3_qatar-twitter_v1.3_dynamic-timestamps_directed.gexf")).unwrap();
    assert!(qatar.graph.cooperations().filter(|c| c.cooperation.date.is_some()).count() > 500, "timestamps → dates");
    assert!(qatar.graph.cooperations().any(|c| c.cooperation.attributes.iter().any(|a| a.key == "kind")));
    // Ids stay the file's ids.
    assert!(got.contains_actor(&ActorId::new("n0")));
}

#[test]
fn malformed_files_give_a_located_error() {
    let Some(dir) = interop() else { return };
    let truncated =
        import_file(&dir.join("malformed/truncated_gephi-0.9.3_us-airports_mid-edge-tag.gexf")).unwrap_err();
    let message = truncated.to_string();
    assert!(matches!(truncated, ImportError::Invalid { .. }), "{message}");
    assert!(message.contains("truncated_gephi-0.9.3_us-airports_mid-edge-tag.gexf:"), "{message}");
    let dangling = import_file(&dir.join("malformed/dangling-edge-target_igraph_game-of-thrones.graphml")).unwrap_err();
    let message = dangling.to_string();
    assert!(message.contains("\"n999\""), "{message}");
    let ImportError::Invalid { position, .. } = dangling else { panic!("{message}") };
    let text =
        std::fs::read_to_string(dir.join("malformed/dangling-edge-target_igraph_game-of-thrones.graphml")).unwrap();
    let line = text.lines().nth(position.line - 1).unwrap();
    assert!(line.contains("n999"), "the error points at the edge: line {} is {line}", position.line);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        ("empty.graphml", ""),
        ("not-xml.gexf", "this is not xml <<<"),
        ("wrong-root.graphml", "<gexf><graph/></gexf>"),
        ("edge-without-ends.gexf", "<gexf><graph><edges><edge id=\"e\"/></edges></graph></gexf>"),
        ("unknown-entity.graphml", "<graphml><graph><node id=\"&nope;\"/></graph></graphml>"),
        ("binary.gexf", "\u{0}\u{1}\u{2}"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let error = import_file(&path).unwrap_err().to_string();
        assert!(error.starts_with(path.to_str().unwrap()), "{name}: {error}");
    }
    std::fs::write(dir.path().join("bytes.graphml"), [0x80, 0x81, 0x00]).unwrap();
    let error = import_file(&dir.path().join("bytes.graphml")).unwrap_err().to_string();
    assert!(error.contains(":1:1: the file is not UTF-8"), "{error}");
    assert!(matches!(import_file(&dir.path().join("x.txt")), Err(ImportError::UnknownFormat { .. })));
    // A CSV with neither an id column nor source and target columns says what it expected.
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "a,b\n1,2\n").unwrap();
    let error = import_file(&odd).unwrap_err().to_string();
    assert!(
        error.contains("odd.csv:1:1: expected an id column (a node table) or source and target columns"),
        "{error}"
    );
}

mod common;

#[test]
fn the_window_opens_graphml_and_gexf_as_new_unsaved_graphs() {
    use egui::{Key, Modifiers};
    let Some(dir) = interop() else { return };
    let mut harness = common::harness();
    let airports = dir.join("gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf");
    harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Open(Some(airports))));
    harness.run();
    common::wait_opened(&mut harness);
    let app = harness.state();
    assert_eq!((app.doc.graph.actor_count(), app.doc.graph.cooperation_count()), (235, 1297));
    assert_eq!(app.window_title(), "gephi-0.9.3_us-airports_v1.3_undirected.gexf (imported) ● — kgx");
    assert!(app.doc.path.is_none(), "saving never writes over the GEXF file");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "path", "Save asks where to put the kgx file");
    harness.key_press(Key::Escape);
    harness.run();

    // A malformed file: the located problem, and the open graph stays.
    let bad = dir.join("malformed/dangling-edge-target_igraph_game-of-thrones.graphml");
    harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Open(Some(bad))));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    common::wait_opened(&mut harness);
    assert_eq!(harness.state().dialog_kind(), "error");
    assert_eq!(harness.state().doc.graph.actor_count(), 235, "the open graph is untouched");
}

#[test]
fn csv_edge_and_node_tables_import_with_the_manifests_counts() {
    let Some(dir) = interop() else { return };
    // An edge list alone: nodes are the distinct sources and targets; repeated rows stay
    // parallel cooperations and self-loops stay.
    let edges = import_file(&dir.join("csv/gephi-issue1848_edges_comma.csv")).unwrap();
    assert_eq!((edges.graph.actor_count(), edges.graph.cooperation_count()), (176, 7346));
    // A node table with quoted multi-line cells and 40 columns.
    let labs = import_file(&dir.join("csv/cnrs-labs_nodes_multiline-quoted.csv")).unwrap();
    assert_eq!((labs.graph.actor_count(), labs.graph.cooperation_count()), (104, 0));
    assert!(labs.graph.actors().all(|a| a.attributes.len() > 5), "the other columns become attributes");
    // BOM, CJK, a repeated id (merged) and an empty row (skipped): 4 rows, 2 actors.
    let bom = import_file(&dir.join("csv/gephi-test_utf8-bom_nodes_timeset.csv")).unwrap();
    assert_eq!(bom.graph.actor_count(), 2);
    let uno = bom.graph.actor(&ActorId::new("1")).unwrap();
    assert_eq!(uno.label, "uno");
    assert_eq!(uno.attribute("utf8"), Some("漢語"));
    assert_eq!(uno.attribute("timeset"), Some("[1,5]; [10, 10.5]; [11, 16];"));
    assert!(bom.notes.iter().any(|n| n.contains("1 node rows repeating an id were merged")), "{:?}", bom.notes);
    assert!(bom.notes.iter().any(|n| n.contains("1 node rows without an id were skipped")), "{:?}", bom.notes);
}

#[test]
fn a_ragged_csv_row_is_a_located_error() {
    let Some(dir) = interop() else { return };
    let error = import_file(&dir.join("malformed/ragged-row_gephi-issue1848_edges.csv")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("ragged-row_gephi-issue1848_edges.csv:500:1: row 499 has 3 cells but the header has 2"),
        "{message}"
    );
}

#[test]
fn a_node_table_and_an_edge_table_import_together() {
    let dir = tempfile::tempdir().unwrap();
    let nodes = dir.path().join("nodes.csv");
    let edges = dir.path().join("edges.csv");
    std::fs::write(&nodes, "Id;Label;Kind;city\nwho;World Health Organization;International organization;Geneva\nmoh;\"Ministry of Health; Kenya\";Ministry;Nairobi\n").unwrap();
    std::fs::write(&edges, "Source;Target;Type;Weight;Date;Kind\nwho;moh;Directed;2;2020-03-15;Donation\nmoh;who;Undirected;1;;reporting\n").unwrap();
    let imported = kgx::io::import::import_csv_pair(&nodes, &edges).unwrap();
    let graph = imported.graph;
    let who = graph.actor(&ActorId::new("who")).unwrap();
    assert_eq!(who.kind, kgx::model::ActorKind::InternationalOrganization, "kinds from a plain-named column");
    assert_eq!(who.attribute("city"), Some("Geneva"));
    assert_eq!(graph.actor(&ActorId::new("moh")).unwrap().label, "Ministry of Health; Kenya", "quoted delimiter");
    let donation = graph.cooperations().find(|c| c.cooperation.kind == CooperationKind::Donation).unwrap();
    assert!(donation.cooperation.directed);
    assert_eq!(donation.cooperation.weight, 2.0);
    assert_eq!(donation.cooperation.date.map(|d| d.to_string()).as_deref(), Some("2020-03-15"));
    let reporting = graph.cooperations().find(|c| c.cooperation.kind == CooperationKind::Reporting).unwrap();
    assert!(!reporting.cooperation.directed, "Gephi's Type column sets the direction");
    // An edge to a node the node table lacks is an error in the edge file, with its row.
    std::fs::write(&edges, "source,target\nwho,moh\nwho,nobody\n").unwrap();
    let message = kgx::io::import::import_csv_pair(&nodes, &edges).unwrap_err().to_string();
    assert!(message.contains("edges.csv:3:1: row 2 names the node \"nobody\""), "{message}");
}

mod round_trip {
    use std::path::Path;

    use kgx::io::export::{ExportFormat, export};
    use kgx::io::import::{ImportFormat, import_bytes};
    use kgx::model::{
        Actor, ActorKind, ActorStyle, Cooperation, CooperationKind, CooperationStyle, DateSpan, Kind, KnowledgeGraph,
        NodeShape, PartialDate,
    };
    use proptest::prelude::*;

    /// A size or width that no degree gives (4 + 2√d is whole for square d) and no default is.
    fn measure() -> impl Strategy<Value = f32> {
        (1..400u32).prop_map(|k| k as f32 * 0.25 + 0.1)
    }

    fn actor_style() -> impl Strategy<Value = ActorStyle> {
        (
            proptest::option::of(any::<[u8; 3]>()),
            proptest::option::of(measure()),
            proptest::option::of(0..NodeShape::ALL.len()),
        )
            .prop_map(|(color, size, shape)| ActorStyle {
                color,
                size,
                shape: shape.map(|k| NodeShape::ALL[k]),
            })
    }

    fn cooperation_style() -> impl Strategy<Value = CooperationStyle> {
        (proptest::option::of(any::<[u8; 3]>()), proptest::option::of(measure()))
            .prop_map(|(color, width)| CooperationStyle { color, width })
    }

    /// How yEd names a shape: it has one triangle and no pentagon.
    fn yed(shape: NodeShape) -> &'static str {
        match shape {
            NodeShape::Circle => "ellipse",
            NodeShape::Square => "rectangle",
            NodeShape::Diamond => "diamond",
            NodeShape::TriangleUp | NodeShape::TriangleDown => "triangle",
            NodeShape::Pentagon | NodeShape::Hexagon => "hexagon",
            NodeShape::Octagon => "octagon",
        }
    }

    /// The shape a format gives back for an actor's own `shape` (kgx's own files write the kind's
    /// shape for actors without one, which is not read back as theirs).
    fn shape_after(format: &str, shape: Option<NodeShape>, kind: ActorKind) -> Option<NodeShape> {
        let own = shape.filter(|s| yed(*s) != yed(kind.shape()));
        match format {
            // GEXF has a disc, a square, a triangle and a diamond.
            "GEXF" => own.filter(|s| {
                matches!(s, NodeShape::Circle | NodeShape::Square | NodeShape::TriangleUp | NodeShape::Diamond)
            }),
            "GraphML" => own.map(|s| match yed(s) {
                "ellipse" => NodeShape::Circle,
                "rectangle" => NodeShape::Square,
                "diamond" => NodeShape::Diamond,
                "triangle" => NodeShape::TriangleUp,
                "hexagon" => NodeShape::Hexagon,
                _ => NodeShape::Octagon,
            }),
            _ => shape,
        }
    }

    /// Text that needs escaping in XML (quotes, ampersands, angle brackets, non-ASCII).
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zA-Z0-9é漢\"'&<>][a-zA-Z0-9é漢\"'&<>_-]{0,10}").unwrap()
    }

    prop_compose! {
        fn graph()(
            actors in proptest::collection::vec(
                (text(), 0..12usize, proptest::option::of(text()), proptest::option::of((-500i32..500, -500i32..500)), proptest::option::of(text()), actor_style()),
                1..8,
            ),
            links in proptest::collection::vec(
                (0..8usize, 0..8usize, 0..10usize, any::<bool>(), 0..4u32, proptest::option::of(text()), proptest::option::of((1990..2030i32, 1..=12u32, 1..=28u32)), cooperation_style()),
                0..12,
            ),
        ) -> KnowledgeGraph {
            let mut graph = KnowledgeGraph::new();
            let n = actors.len();
            for (i, (label, kind, country, position, value, style)) in actors.into_iter().enumerate() {
                let mut actor = Actor::new(format!("a{i}"), label, ActorKind::ALL[kind]);
                actor.style = style;
                actor.country = country;
                actor.position = position.map(|(x, y)| [x as f32 * 0.5, y as f32 * 0.25]);
                if let Some(value) = value {
                    actor.set_attribute("note-like", value);
                }
                graph.add_actor(actor).unwrap();
            }
            for (j, (from, to, kind, directed, weight, label, date, style)) in links.into_iter().enumerate() {
                let mut cooperation = Cooperation::new(format!("c{j}"), CooperationKind::ALL[kind]);
                cooperation.style = style;
                cooperation.directed = directed;
                cooperation.weight = f64::from(weight) * 0.5;
                cooperation.label = label.unwrap_or_default();
                cooperation.date = date.map(|(y, m, d)| DateSpan::on(PartialDate::ymd(y, m, d).unwrap()));
                graph.add_cooperation(&format!("a{}", from % n).into(), &format!("a{}", to % n).into(), cooperation).unwrap();
            }
            graph
        }
    }

    fn same(a: &KnowledgeGraph, b: &KnowledgeGraph, format: &str) {
        assert_eq!(a.actor_count(), b.actor_count(), "{format}: actors");
        for x in a.actors() {
            let y = b.actor(x.id()).unwrap_or_else(|| panic!("{format}: {} lost", x.id()));
            assert_eq!(
                (&x.label, x.kind, &x.country, &x.attributes),
                (&y.label, y.kind, &y.country, &y.attributes),
                "{format}"
            );
            match (x.position, y.position) {
                (Some(p), Some(q)) => {
                    assert!((p[0] - q[0]).abs() < 1e-3 && (p[1] - q[1]).abs() < 1e-3, "{format}: {p:?} {q:?}")
                }
                (p, q) => assert_eq!(p, q, "{format}: position"),
            }
            let look = ActorStyle { shape: shape_after(format, x.style.shape, x.kind), ..x.style };
            assert_eq!(look, y.style, "{format}: the look of {}", x.id());
        }
        assert_eq!(a.cooperation_count(), b.cooperation_count(), "{format}: cooperations");
        for x in a.cooperations() {
            let y =
                b.cooperation(x.cooperation.id()).unwrap_or_else(|| panic!("{format}: {} lost", x.cooperation.id()));
            assert_eq!((x.from, x.to), (y.from, y.to), "{format}");
            let (p, q) = (x.cooperation, y.cooperation);
            assert_eq!(
                (p.kind, p.directed, p.weight, &p.label, p.date),
                (q.kind, q.directed, q.weight, &q.label, q.date),
                "{format}"
            );
            assert_eq!(p.style, q.style, "{format}: the look of {}", p.id());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// What kgx exports as GraphML, GEXF, node-link JSON or CSV tables, kgx imports back as
        /// the same graph (evidence aside, which those formats carry only as flattened text).
        #[test]
        fn export_then_import_gives_back_the_same_graph(graph in graph()) {
            for (format, export_format, import_format) in [
                ("GraphML", ExportFormat::GraphMl, ImportFormat::GraphMl),
                ("GEXF", ExportFormat::Gexf, ImportFormat::Gexf),
                ("node-link JSON", ExportFormat::NodeLinkJson, ImportFormat::NodeLinkJson),
            ] {
                let text = export(&graph, export_format);
                let back = import_bytes(text.as_bytes(), Path::new("round-trip"), import_format)
                    .unwrap_or_else(|e| panic!("{format}: {e}\n{text}"));
                same(&graph, &back.graph, format);
            }
            let (nodes, edges) = kgx::io::export::to_csv_tables(&graph);
            let back = kgx::io::import::import_csv_tables((&nodes, Path::new("n.csv")), (&edges, Path::new("e.csv")))
                .unwrap_or_else(|e| panic!("CSV: {e}\n{nodes}\n{edges}"));
            same(&graph, &back.graph, "CSV");
        }
    }
}

/// Every input committed to the importers' fuzz corpora (`fuzz/corpus/import_*/seed-*`) imports
/// or fails cleanly, and what imports saves and loads back equal.
#[test]
fn the_importers_fuzz_corpora_import_or_fail_cleanly() {
    use kgx::io::import::{ImportFormat, import_bytes};
    let mut count = 0;
    for (folder, format) in [
        ("import_graphml", ImportFormat::GraphMl),
        ("import_gexf", ImportFormat::Gexf),
        ("import_csv", ImportFormat::Csv),
        ("import_json", ImportFormat::NodeLinkJson),
    ] {
        for entry in std::fs::read_dir(Path::new("fuzz/corpus").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if !path.file_name().unwrap().to_str().unwrap().starts_with("seed-") {
                continue;
            }
            count += 1;
            if let Ok(imported) = import_bytes(&std::fs::read(&path).unwrap(), &path, format) {
                let text = kgx::io::to_ron_string(&imported.graph).unwrap();
                let again = kgx::io::load_str(&text, &path).unwrap();
                assert!(again == imported.graph, "{} does not round-trip", path.display());
            }
        }
    }
    assert!(count >= 6, "the corpora are committed ({count} files)");
}

#[test]
fn the_window_exports_for_gephi_through_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("for-gephi.gexf");
    let mut harness = common::harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export as GraphML, GEXF, JSON, CSV or RDF…").click();
    harness.run();
    harness.get_by_label("File path").type_text(path.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();
    common::wait_exported(&mut harness);
    assert!(harness.state().status.starts_with("Exported"), "{}", harness.state().status);
    let back = import_file(&path).unwrap().graph;
    assert_eq!((back.actor_count(), back.cooperation_count()), (26, 29));
    assert!(back.actors().all(|a| a.position.is_some()), "the picture goes along");
    assert!(!harness.state().doc.is_dirty(), "exporting is not saving, and changes nothing");
    assert!(harness.state().doc.path.is_none());
    // A name kgx cannot export to says why.
    harness
        .state_mut()
        .push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Export(Some(dir.path().join("x.pdf")))));
    harness.run();
    assert_eq!(harness.state().dialog_kind(), "error");
    harness.get_by_label_contains(
        "choose a name ending in GraphML (.graphml), GEXF (.gexf), CSV (.csv), node-link JSON (.json), Turtle (.ttl) \
         or JSON-LD (.jsonld)",
    );
    // CSV: two tables beside each other that import back together.
    harness.get_by_label("OK").click();
    harness.run();
    harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Export(Some(
        dir.path().join("tables.csv"),
    ))));
    harness.run();
    common::wait_exported(&mut harness);
    let back =
        kgx::io::import::import_csv_pair(&dir.path().join("tables.nodes.csv"), &dir.path().join("tables.edges.csv"))
            .unwrap();
    assert_eq!((back.graph.actor_count(), back.graph.cooperation_count()), (26, 29));
}

#[test]
fn a_csv_mapped_by_hand_keeps_what_it_is_told() {
    use kgx::io::import::{CsvField, import_csv_mapped};
    let text = "Name,label,Group,x\nWHO,org-1,InternationalOrganization,3\nUNICEF,org-2,InternationalOrganization,4\n";
    let fields = [CsvField::Id, CsvField::Attribute, CsvField::Kind, CsvField::Ignore];
    let imported = import_csv_mapped(text.as_bytes(), std::path::Path::new("hand.csv"), &fields).unwrap();
    let who = imported.graph.actor(&kgx::model::ActorId::new("WHO")).unwrap();
    assert_eq!(who.kind, kgx::model::ActorKind::InternationalOrganization);
    assert_eq!(who.attribute("label"), Some("org-1"), "a column named label kept as an attribute stays one");
    assert_eq!(who.position, None, "the ignored x column is left out");
    let error =
        import_csv_mapped(text.as_bytes(), std::path::Path::new("hand.csv"), &[CsvField::Attribute; 4]).unwrap_err();
    assert!(error.to_string().contains("hand.csv:1:1: map a column to id"), "{error}");
    let twice = [CsvField::Id, CsvField::Id, CsvField::Kind, CsvField::Ignore];
    assert!(import_csv_mapped(text.as_bytes(), std::path::Path::new("hand.csv"), &twice).is_err());
}
