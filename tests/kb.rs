//! kgx against a real SPARQL server: `.ci/run` starts Virtuoso (Debian's virtuoso-opensource) on
//! loopback and names its endpoint in KGX_TEST_SPARQL. Without it (a developer machine) these
//! tests say so and pass, except in CI.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use kgx::kb::{Endpoint, KbError};
use kgx::model::{Actor, ActorKind, KnowledgeGraph};

fn endpoint() -> Option<Endpoint> {
    common::test_sparql().map(|url| Endpoint::new(&url).expect("KGX_TEST_SPARQL is a URL"))
}

fn bundled() -> KnowledgeGraph {
    kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).expect("bundled graph")
}

/// A graph name of its own per test (tests run in parallel).
fn graph_iri(test: &str) -> String {
    format!("https://kgx.dev/test/{test}/{}", std::process::id())
}

#[test]
fn a_pushed_graph_pulls_back_exactly() {
    let Some(endpoint) = endpoint() else { return };
    let g = graph_iri("round-trip");
    let mut graph = bundled();
    // A label that would break a query built by pasting text.
    let mut awkward = Actor::new("awkward", "Quote \" and } brace } DROP ALL {", ActorKind::Other);
    awkward.aliases = vec!["line\nbreak".into(), "<tag>".into()];
    graph.add_actor(awkward).expect("new id");
    let revision = endpoint.push(&graph, &g, endpoint.revision(&g).expect("asks")).expect("pushes");
    let (pulled, pulled_revision) = endpoint.pull(&g).expect("pulls");
    assert!(pulled == graph, "the pulled graph is the pushed one");
    assert_eq!(pulled_revision, Some(revision));
}

#[test]
fn a_remote_that_changed_since_loading_is_a_conflict_not_overwritten() {
    let Some(endpoint) = endpoint() else { return };
    let g = graph_iri("conflict");
    let first = endpoint.push(&bundled(), &g, endpoint.revision(&g).expect("asks")).expect("first push");
    let (mine, loaded_at) = endpoint.pull(&g).expect("pulls");
    // Somebody else pushes meanwhile.
    let mut theirs = bundled();
    theirs.add_actor(Actor::new("theirs", "Their actor", ActorKind::Other)).expect("new id");
    endpoint.push(&theirs, &g, Some(first)).expect("their push");
    let mut edited = mine;
    edited.add_actor(Actor::new("mine", "My actor", ActorKind::Other)).expect("new id");
    let error = endpoint.push(&edited, &g, loaded_at).unwrap_err();
    assert!(matches!(error, KbError::Conflict { .. }), "{error}");
    assert!(error.to_string().contains("changed on the endpoint"), "{error}");
    let (now, _) = endpoint.pull(&g).expect("pulls");
    assert!(now.actor(&kgx::model::ActorId::new("theirs")).is_some(), "their work is still there");
    assert!(now.actor(&kgx::model::ActorId::new("mine")).is_none());
}

#[test]
fn endpoint_problems_get_clear_messages_and_never_hang() {
    let Some(endpoint) = endpoint() else { return };
    // A server error: a query that does not parse.
    let error = endpoint.construct("CONSTRUCT { ?s ?p ?o } WHERE { this is not SPARQL").unwrap_err();
    assert!(matches!(error, KbError::Status { status: 400..=599, .. }), "{error}");
    // A page that is not a SPARQL answer: the server's home page.
    let home = endpoint.url().trim_end_matches("sparql").to_owned();
    let error = Endpoint::new(&home).expect("URL").select("SELECT * WHERE { ?s ?p ?o } LIMIT 1").unwrap_err();
    assert!(matches!(error, KbError::Malformed { .. } | KbError::Status { .. }), "{error}");
    // Nobody listening.
    let started = Instant::now();
    let mut down = Endpoint::new("http://127.0.0.1:9/sparql").expect("URL");
    down.timeout = Duration::from_secs(3);
    let error = down.pull("https://kgx.dev/test/none").unwrap_err();
    assert!(matches!(error, KbError::Unreachable { .. }), "{error}");
    assert!(started.elapsed() < Duration::from_secs(10));
    // An answer cut short by the time-out.
    let mut impatient = endpoint.clone();
    impatient.timeout = Duration::from_millis(1);
    let started = Instant::now();
    let slow = impatient.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
    assert!(started.elapsed() < Duration::from_secs(5));
    if let Err(error) = slow {
        assert!(matches!(error, KbError::Unreachable { .. }), "{error}");
    }
}

#[test]
fn kgx_kb_push_and_pull_on_the_command_line() {
    let Some(endpoint) = endpoint() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let g = graph_iri("cli");
    let kgx = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().expect("runs");
    let push = kgx(&["kb", "push", "graphs/covid19-cooperation.ron", endpoint.url(), "--graph", &g]);
    assert!(push.status.success(), "{}", String::from_utf8_lossy(&push.stderr));
    let again = kgx(&["kb", "push", "graphs/covid19-cooperation.ron", endpoint.url(), "--graph", &g]);
    assert_eq!(again.status.code(), Some(1), "a second push without --replace is a conflict");
    let replace = kgx(&["kb", "push", "graphs/covid19-cooperation.ron", endpoint.url(), "--graph", &g, "--replace"]);
    assert!(replace.status.success());
    let out = dir.path().join("pulled.ron");
    let pull = kgx(&["kb", "pull", endpoint.url(), "--graph", &g, "-o", &out.to_string_lossy()]);
    assert!(pull.status.success(), "{}", String::from_utf8_lossy(&pull.stderr));
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        std::fs::read_to_string("graphs/covid19-cooperation.ron").expect("bundled")
    );
    let query = format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}");
    let out = dir.path().join("queried.ron");
    let run = kgx(&["kb", "query", endpoint.url(), &query, "-o", &out.to_string_lossy()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn an_actors_neighbourhood_comes_a_page_at_a_time() {
    let Some(endpoint) = endpoint() else { return };
    let g = graph_iri("expand");
    let full = bundled();
    endpoint.push(&full, &g, endpoint.revision(&g).expect("asks")).expect("pushes");
    let china = kgx::model::ActorId::new("china");
    let degree = full.cooperations_of(&china).len();
    let first = endpoint.neighbourhood(&g, "china", 3, &[]).expect("first page");
    assert_eq!(first.total, degree);
    assert_eq!(first.graph.cooperation_count(), 3);
    for c in first.graph.cooperations() {
        let original = full.cooperation(c.cooperation.id()).expect("a cooperation of the graph");
        assert!(c.cooperation == original.cooperation, "evidence, date and attributes come along");
        for end in [c.from, c.to] {
            assert!(first.graph.actor(end) == full.actor(end), "the actor at each end, whole");
        }
    }
    let known: Vec<String> = first.graph.cooperations().map(|c| c.cooperation.id().as_str().to_owned()).collect();
    let second = endpoint.neighbourhood(&g, "china", 3, &known).expect("second page");
    assert_eq!(second.graph.cooperation_count(), 3.min(degree - 3));
    assert!(
        second.graph.cooperations().all(|c| first.graph.cooperation(c.cooperation.id()).is_none()),
        "the next ones"
    );
}

/// The Wikidata-shaped fixture, loaded into its own named graph.
fn load_fixture(endpoint: &Endpoint) -> String {
    let g = graph_iri("wikidata-shaped");
    common::load_wikidata_fixture(endpoint, &g);
    g
}

#[test]
fn actors_are_looked_up_by_label_and_linked_with_their_facts() {
    let Some(endpoint) = endpoint() else { return };
    let g = load_fixture(&endpoint);
    let found = endpoint.lookup("world health organization", Some(&g)).expect("looks up");
    let who = found.first().expect("a candidate");
    assert_eq!(
        (who.iri.as_str(), who.label.as_str()),
        ("http://www.wikidata.org/entity/Q7817", "World Health Organization")
    );
    assert_eq!(who.parent.as_deref(), Some("United Nations"));
    // Two ministries share a name: both are offered, each with what tells them apart.
    let ministries = endpoint.lookup("Ministry of Science and Technology", Some(&g)).expect("looks up");
    assert_eq!(ministries.len(), 2);
    assert!(ministries.iter().any(|m| m.country.as_deref() == Some("China")));
    // The search text is data: quotes and braces find nothing and break nothing.
    assert!(endpoint.lookup("x\" } } DROP ALL { \"", Some(&g)).expect("a harmless search").is_empty());
    // Linking keeps the IRI, fills the country, records the parent, and writes owl:sameAs.
    let bundled = bundled();
    let zhongnan = bundled.actor(&kgx::model::ActorId::new("zhongnan-hospital")).expect("actor");
    let candidate =
        endpoint.lookup("Zhongnan Hospital", Some(&g)).expect("looks up").into_iter().next().expect("found");
    let linked = kgx::kb::linked(zhongnan, &candidate);
    assert_eq!(linked.attribute("sameAs"), Some("https://kgx.dev/fixture/wikidata/zhongnan-hospital"));
    assert_eq!(linked.attribute("parent organization"), Some("Wuhan University"));
    let mut graph = KnowledgeGraph::new();
    graph.add_actor(linked).expect("new id");
    let turtle = kgx::io::rdf::to_turtle(&graph, kgx::io::rdf::DEFAULT_BASE);
    assert!(turtle.contains("owl#sameAs> <https://kgx.dev/fixture/wikidata/zhongnan-hospital>"), "{turtle}");
}
