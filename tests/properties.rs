//! Property tests of the model's invariants and of the file format.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.
use std::collections::HashSet;
use std::path::Path;

use kgx::edit::{Edit, History};
use kgx::io::{load_str, to_ron_string};
use kgx::model::{
    Actor, ActorKind, Cooperation, CooperationKind, DateSpan, Evidence, Kind, KnowledgeGraph, PartialDate, Source,
};
use proptest::prelude::*;

/// An operation on a graph, as a user or an import might do it.
#[derive(Clone, Debug)]
enum Op {
    AddActor(usize),
    AddCooperation(usize, usize, usize),
    RemoveActor(usize),
    RemoveCooperation(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..12usize).prop_map(Op::AddActor),
        (0..12usize, 0..12usize, 0..20usize).prop_map(|(a, b, c)| Op::AddCooperation(a, b, c)),
        (0..12usize).prop_map(Op::RemoveActor),
        (0..20usize).prop_map(Op::RemoveCooperation),
    ]
}

fn apply(graph: &mut KnowledgeGraph, op: &Op) {
    // Errors are expected (duplicates, unknown ids); the invariants must hold either way.
    match *op {
        Op::AddActor(a) => {
            let _ = graph.add_actor(Actor::new(format!("a{a}"), "x", ActorKind::Other));
        }
        Op::AddCooperation(a, b, c) => {
            let _ = graph.add_cooperation(
                &format!("a{a}").into(),
                &format!("a{b}").into(),
                Cooperation::new(format!("c{c}"), CooperationKind::Other),
            );
        }
        Op::RemoveActor(a) => {
            let _ = graph.remove_actor(&format!("a{a}").into());
        }
        Op::RemoveCooperation(c) => {
            let _ = graph.remove_cooperation(&format!("c{c}").into());
        }
    }
}

fn check_invariants(graph: &KnowledgeGraph) {
    let ids: Vec<_> = graph.actors().map(|a| a.id().clone()).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "actor ids are unique");
    let cooperation_ids: Vec<_> = graph.cooperations().map(|c| c.cooperation.id().clone()).collect();
    assert_eq!(cooperation_ids.iter().collect::<HashSet<_>>().len(), cooperation_ids.len());
    for id in &ids {
        assert_eq!(graph.actor(id).map(|a| a.id()), Some(id), "the id map finds every actor");
    }
    for c in graph.cooperations() {
        assert!(graph.contains_actor(c.from) && graph.contains_actor(c.to), "no dangling cooperation");
        assert!(graph.cooperation(c.cooperation.id()).is_some());
    }
    assert_eq!(graph.actors().count(), graph.actor_count());
}

/// Text with the characters that trouble file formats: quotes, backslashes, newlines, `#`,
/// apostrophes, non-ASCII.
fn tricky_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 \"'\\\\#\n\t\r/*()\\[\\]{}:,é漢😀-]{0,24}").unwrap()
}

fn date_span() -> impl Strategy<Value = Option<DateSpan>> {
    prop_oneof![
        Just(None),
        (1900..2100i32, 1..=12u32, 1..=28u32)
            .prop_map(|(y, m, d)| Some(DateSpan::on(PartialDate::ymd(y, m, d).unwrap()))),
        (1900..2100i32, 0..5i32)
            .prop_map(|(y, span)| Some(DateSpan::between(PartialDate::year(y), PartialDate::year(y + span)).unwrap())),
    ]
}

prop_compose! {
    fn random_graph()(
        actors in proptest::collection::vec(
            (tricky_text(), 0..ActorKind::ALL.len(), proptest::collection::vec(tricky_text(), 0..3),
             proptest::option::of(tricky_text()), proptest::collection::vec((tricky_text(), tricky_text()), 0..3),
             proptest::option::of((-1e6f32..1e6, -1e6f32..1e6)), any::<bool>()),
            1..12),
        edges in proptest::collection::vec(
            (0..12usize, 0..12usize, 0..CooperationKind::ALL.len(), any::<bool>(), tricky_text(), date_span(),
             0.0..100.0f64, proptest::collection::vec(tricky_text(), 0..3)),
            0..20),
        title in tricky_text(),
    ) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.metadata.title = title;
        graph.add_source(Source::new("s", "Source")).unwrap();
        let count = actors.len();
        for (i, (label, kind, aliases, country, attributes, position, pinned)) in actors.into_iter().enumerate() {
            let mut actor = Actor::new(format!("actor-{i}"), label, ActorKind::ALL[kind]);
            actor.aliases = aliases;
            actor.country = country;
            for (key, value) in attributes {
                actor.set_attribute(key, value);
            }
            actor.position = position.map(|(x, y)| [x, y]);
            actor.pinned = pinned;
            graph.add_actor(actor).unwrap();
        }
        for (j, (a, b, kind, directed, label, date, weight, quotes)) in edges.into_iter().enumerate() {
            let evidence = quotes.into_iter().map(|quote| Evidence { source: "s".into(), quote }).collect();
            let mut c = Cooperation::new(format!("c-{j}"), CooperationKind::ALL[kind]).with_evidence(evidence);
            c.directed = directed;
            c.label = label;
            c.date = date;
            c.weight = weight;
            graph.add_cooperation(&format!("actor-{}", a % count).into(), &format!("actor-{}", b % count).into(), c).unwrap();
        }
        graph
    }
}

/// An edit a user could make on a random graph, chosen by numbers.
fn random_edit(graph: &KnowledgeGraph, choice: usize, a: usize, b: usize, text: &str) -> Edit {
    let actors = graph.actors_sorted();
    let cooperations = graph.cooperations_sorted();
    let actor = |k: usize| actors.get(k % actors.len().max(1)).map(|a| (*a).clone());
    match (choice % 6, actor(a), actor(b)) {
        (0, _, _) => Edit::AddActor(Actor::new(graph.fresh_actor_id("added"), text, ActorKind::Person)),
        (1, Some(x), _) => Edit::RemoveActor(x.id().clone()),
        (2, Some(mut x), _) => {
            x.label = text.to_owned();
            x.pinned = !x.pinned;
            x.position = Some([a as f32, b as f32]);
            Edit::SetActor(x)
        }
        (3, Some(x), Some(y)) => Edit::AddCooperation {
            from: x.id().clone(),
            to: y.id().clone(),
            cooperation: Cooperation::new(graph.fresh_cooperation_id("added"), CooperationKind::Funding),
        },
        (4, _, _) if !cooperations.is_empty() => {
            Edit::RemoveCooperation(cooperations[a % cooperations.len()].cooperation.id().clone())
        }
        (5, _, _) if !cooperations.is_empty() => {
            let mut c = cooperations[b % cooperations.len()].cooperation.clone();
            c.label = text.to_owned();
            c.weight = 2.0;
            Edit::SetCooperation(c)
        }
        _ => Edit::SetMetadata(kgx::model::Metadata { title: text.to_owned(), ..Default::default() }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_every_edit_gives_back_the_original_graph(
        graph in random_graph(),
        steps in proptest::collection::vec((0..6usize, 0..20usize, 0..20usize, tricky_text()), 1..25),
    ) {
        let mut edited = graph.clone();
        let mut history = History::new();
        let mut snapshots = vec![graph.clone()];
        for (choice, a, b, text) in &steps {
            let edit = random_edit(&edited, *choice, *a, *b, text);
            if history.apply(&mut edited, edit, None).is_ok() {
                check_invariants(&edited);
                snapshots.push(edited.clone());
            }
        }
        // Undo walks back through every intermediate state, redo forward again.
        for expected in snapshots.iter().rev().skip(1) {
            history.undo(&mut edited).unwrap();
            prop_assert_eq!(&edited, expected);
        }
        prop_assert!(!history.can_undo());
        for expected in snapshots.iter().skip(1) {
            history.redo(&mut edited).unwrap();
            prop_assert_eq!(&edited, expected);
        }
    }

    #[test]
    fn invariants_hold_after_any_sequence_of_operations(ops in proptest::collection::vec(op(), 0..60)) {
        let mut graph = KnowledgeGraph::new();
        for op in &ops {
            apply(&mut graph, op);
            check_invariants(&graph);
        }
    }

    #[test]
    fn removing_an_actor_then_restoring_it_gives_back_the_graph(graph in random_graph(), which in 0..12usize) {
        let mut edited = graph.clone();
        let id = format!("actor-{}", which % graph.actor_count()).into();
        let removed = edited.remove_actor(&id).unwrap();
        check_invariants(&edited);
        prop_assert!(edited.cooperations().all(|c| c.from != &id && c.to != &id));
        edited.restore_actor(removed).unwrap();
        prop_assert_eq!(edited, graph);
    }

    #[test]
    fn save_then_load_gives_back_the_same_graph(graph in random_graph()) {
        let text = to_ron_string(&graph).unwrap();
        let loaded = load_str(&text, Path::new("random.ron")).unwrap();
        prop_assert_eq!(&loaded, &graph);
        prop_assert_eq!(to_ron_string(&loaded).unwrap(), text);
    }
}
