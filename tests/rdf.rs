//! kgx's model as RDF: Turtle and JSON-LD round-trip exactly, and bad RDF is located.

use std::path::Path;

use kgx::io::rdf::{DEFAULT_BASE, RdfError, RdfFormat, from_rdf, to_jsonld, to_turtle};
use kgx::model::{
    Actor, ActorId, ActorKind, ActorStyle, Attribute, Cooperation, CooperationKind, CooperationStyle, DateSpan,
    Evidence, KnowledgeGraph, NodeShape, Source,
};

fn bundled() -> KnowledgeGraph {
    kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).expect("bundled graph")
}

/// A graph with what is easy to lose: odd ids, quotes and line breaks, ordered aliases and
/// attributes, positions, pins, date ranges, parallel and mutual cooperations, own looks.
fn awkward() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.metadata.title = "Ein \"Graph\" — 图 \n two lines".into();
    let mut source = Source::new("src 1/é", "Report <1> & co");
    source.publisher = "Press \"Agency\"".into();
    source.date = "2021-06".parse().ok();
    source.url = "https://example.org/a?b=1&c=2".into();
    g.add_source(source).expect("source");
    let mut a = Actor::new("a/b c#d", "Ministère de la Santé } ", ActorKind::Ministry);
    a.aliases = vec!["zeta".into(), "alpha".into(), "Mu \"quoted\"".into()];
    a.country = Some("France".into());
    a.notes = "line one\nline two".into();
    a.position = Some([-12.345_678, 9_876.5]);
    a.pinned = true;
    a.style = ActorStyle { color: Some([0xd9, 0x4e, 0xa4]), size: Some(9.220_858), shape: Some(NodeShape::Pentagon) };
    a.attributes =
        vec![Attribute { key: "z".into(), value: "1".into() }, Attribute { key: "a".into(), value: "".into() }];
    g.add_actor(a).expect("a");
    g.add_actor(Actor::new("b", "B", ActorKind::Other)).expect("b");
    let ab = ActorId::new("a/b c#d");
    let b = ActorId::new("b");
    let mut c = Cooperation::new("c1", CooperationKind::Donation).with_evidence(vec![
        Evidence { source: "src 1/é".into(), quote: "They \"gave\".\nTwice.".into() },
        Evidence { source: "src 1/é".into(), quote: "Second quote".into() },
    ]);
    c.date = DateSpan::between("2020-03".parse().expect("date"), "2021".parse().expect("date")).ok();
    c.weight = 2.5;
    c.style = CooperationStyle { color: Some([0, 0x80, 0xff]), width: Some(2.75) };
    c.label = "kits".into();
    g.add_cooperation(&ab, &b, c).expect("c1");
    let mut mutual = Cooperation::new("c2", CooperationKind::Other);
    mutual.directed = false;
    mutual.date = "2020-03-15".parse::<DateSpan>().ok();
    mutual.attributes = vec![Attribute { key: "note".into(), value: "x".into() }];
    g.add_cooperation(&ab, &b, mutual).expect("c2");
    g
}

#[test]
fn turtle_and_json_ld_round_trip_exactly() {
    for graph in [bundled(), awkward(), KnowledgeGraph::new()] {
        let turtle = to_turtle(&graph, DEFAULT_BASE);
        let back = from_rdf(turtle.as_bytes(), Path::new("g.ttl"), RdfFormat::Turtle).expect("reads its own Turtle");
        assert!(back == graph, "Turtle round trip changed the graph:\n{turtle}");
        let jsonld = to_jsonld(&graph, "https://example.org/graphs/one/");
        let back =
            from_rdf(jsonld.as_bytes(), Path::new("g.jsonld"), RdfFormat::JsonLd).expect("reads its own JSON-LD");
        assert!(back == graph, "JSON-LD round trip changed the graph");
    }
}

#[test]
fn the_turtle_uses_standard_vocabularies() {
    let turtle = to_turtle(&bundled(), DEFAULT_BASE);
    for expected in [
        "rdfs:label \"China\"",
        "skos:altLabel \"CNCB\"",
        "a kgx:Actor",
        "kgx:Hospital",
        "kgx:Cooperation",
        "kgx:Donation",
        "dcterms:title",
        "kgx:quote",
    ] {
        assert!(turtle.contains(expected), "no {expected} in the Turtle");
    }
    assert!(turtle.contains("\"2020-03-15\"^^xsd:date"), "dates are typed");
}

#[test]
fn bad_rdf_is_located_and_a_broken_graph_is_named() {
    let error = from_rdf(
        b"@prefix kgx: <https://kgx.dev/ns#> .\n<https://e.org/a> kgx:id \"x\" ;\n  kgx:oops .\n",
        Path::new("bad.ttl"),
        RdfFormat::Turtle,
    )
    .unwrap_err();
    assert!(matches!(error, RdfError::Syntax { line: 3, .. }), "{error}");
    assert!(error.to_string().starts_with("bad.ttl:3:"), "{error}");
    let dangling = "@prefix kgx: <https://kgx.dev/ns#> .\n<https://e.org/c> a kgx:Cooperation, kgx:Donation ; kgx:id \"c\" ; kgx:from <https://e.org/nobody> ; kgx:to <https://e.org/nobody> .\n";
    let error = from_rdf(dangling.as_bytes(), Path::new("dangling.ttl"), RdfFormat::Turtle).unwrap_err();
    assert!(error.to_string().contains("kgx:from names no actor"), "{error}");
    for (look, expected) in [
        ("kgx:color \"red\"", "kgx:color: colour \"red\" is not of the form #rrggbb"),
        ("kgx:size -3.0", "kgx:size: size -3 must be"),
        ("kgx:shape \"Blob\"", "kgx:shape \"Blob\" is not a shape"),
    ] {
        let actor = format!(
            "@prefix kgx: <https://kgx.dev/ns#> .\n<https://e.org/a> a kgx:Actor, kgx:Hospital ; kgx:id \"a\" ; {look} .\n"
        );
        let error = from_rdf(actor.as_bytes(), Path::new("look.ttl"), RdfFormat::Turtle).unwrap_err().to_string();
        assert!(error.starts_with("look.ttl: <https://e.org/a>: ") && error.contains(expected), "{error}");
    }
}

#[test]
fn kgx_exports_turtle_and_converts_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ttl = dir.path().join("graph.ttl");
    let ron = dir.path().join("back.ron");
    let kgx = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().expect("runs");
    let run = kgx(&["export", "graphs/covid19-cooperation.ron", "--to", "turtle", "-o", &ttl.to_string_lossy()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let run = kgx(&["convert", &ttl.to_string_lossy(), "-o", &ron.to_string_lossy()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(kgx::io::load_file(&ron).expect("converted") == bundled(), "RON → Turtle → RON is exact");
    let jsonld = dir.path().join("graph.jsonld");
    let run = kgx(&["convert", "graphs/covid19-cooperation.ron", "-o", &jsonld.to_string_lossy()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&jsonld).expect("written")).expect("JSON");
    assert!(value.to_string().contains("https://kgx.dev/ns#"));
}
