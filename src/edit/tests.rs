use super::*;
use crate::model::{Actor, ActorKind, Cooperation, CooperationKind, Evidence, KnowledgeGraph, Source};

fn graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.add_source(Source::new("s", "S")).unwrap();
    g.add_actor(Actor::new("a", "A", ActorKind::Country)).unwrap();
    g.add_actor(Actor::new("b", "B", ActorKind::Company)).unwrap();
    g.add_cooperation(&"a".into(), &"b".into(), Cooperation::new("ab", CooperationKind::Supply)).unwrap();
    g
}

fn renamed(g: &KnowledgeGraph, id: &str, label: &str) -> Edit {
    let mut actor = g.actor(&id.into()).unwrap().clone();
    actor.label = label.to_owned();
    Edit::SetActor(actor)
}

#[test]
fn undo_restores_and_redo_reapplies_a_rename() {
    let mut g = graph();
    let before = g.clone();
    let mut h = History::new();
    let edit = renamed(&g, "a", "Alpha");
    h.apply(&mut g, edit, None).unwrap();
    assert_eq!(g.actor(&"a".into()).unwrap().label, "Alpha");
    assert!(h.is_dirty());
    assert_eq!(h.undo(&mut g).unwrap().as_deref(), Some("edit actor \"Alpha\""));
    assert_eq!(g, before);
    assert!(!h.is_dirty());
    h.redo(&mut g).unwrap();
    assert_eq!(g.actor(&"a".into()).unwrap().label, "Alpha");
}

#[test]
fn deleting_an_actor_is_undone_with_its_cooperations() {
    let mut g = graph();
    let before = g.clone();
    let mut h = History::new();
    h.apply(&mut g, Edit::RemoveActor("b".into()), None).unwrap();
    assert_eq!(g.cooperation_count(), 0);
    h.undo(&mut g).unwrap();
    assert_eq!(g, before);
    h.redo(&mut g).unwrap();
    assert_eq!(g.actor_count(), 1);
}

#[test]
fn coalesced_edits_undo_as_one_step_until_sealed() {
    let mut g = graph();
    let before = g.clone();
    let mut h = History::new();
    for label in ["W", "WH", "WHO"] {
        let edit = renamed(&g, "a", label);
        h.apply(&mut g, edit, Some("label:a")).unwrap();
    }
    h.seal();
    let edit = renamed(&g, "a", "WHO!");
    h.apply(&mut g, edit, Some("label:a")).unwrap();
    h.undo(&mut g).unwrap();
    assert_eq!(g.actor(&"a".into()).unwrap().label, "WHO");
    h.undo(&mut g).unwrap();
    assert_eq!(g, before);
    assert!(!h.can_undo());
}

#[test]
fn a_failing_edit_changes_nothing() {
    let mut g = graph();
    let before = g.clone();
    let mut h = History::new();
    let batch = Edit::Batch(vec![
        renamed(&g, "a", "Changed"),
        Edit::AddCooperation {
            from: "a".into(),
            to: "nobody".into(),
            cooperation: Cooperation::new("x", CooperationKind::Other),
        },
    ]);
    assert!(h.apply(&mut g, batch, None).is_err());
    assert_eq!(g, before);
    assert!(!h.can_undo());
}

#[test]
fn cooperation_edits_check_evidence_sources() {
    let mut g = graph();
    let mut h = History::new();
    let mut c = g.cooperation(&"ab".into()).unwrap().cooperation.clone();
    c.label = "kits".to_owned();
    let cited = c.clone().with_evidence(vec![Evidence { source: "s".into(), quote: "q".into() }]);
    h.apply(&mut g, Edit::SetCooperation(cited), None).unwrap();
    assert_eq!(g.cooperation(&"ab".into()).unwrap().cooperation.evidence().len(), 1);
    let bad = c.with_evidence(vec![Evidence { source: "missing".into(), quote: "q".into() }]);
    assert!(h.apply(&mut g, Edit::SetCooperation(bad), None).is_err());
    assert_eq!(g.cooperation(&"ab".into()).unwrap().cooperation.label, "kits");
    h.undo(&mut g).unwrap();
    assert!(g.cooperation(&"ab".into()).unwrap().cooperation.evidence().is_empty());
}

#[test]
fn saving_keeps_history_and_tracks_dirtiness() {
    let mut g = graph();
    let mut h = History::new();
    let edit = renamed(&g, "a", "One");
    h.apply(&mut g, edit, None).unwrap();
    h.mark_saved();
    assert!(!h.is_dirty());
    assert!(h.can_undo(), "undo history survives a save");
    h.undo(&mut g).unwrap();
    assert!(h.is_dirty());
    h.redo(&mut g).unwrap();
    assert!(!h.is_dirty());
}

#[test]
fn the_history_forgets_its_oldest_steps_beyond_its_budget_and_keeps_the_newest() {
    let mut g = graph();
    let note = |text: &str, g: &KnowledgeGraph| {
        let mut actor = g.actor(&"a".into()).unwrap().clone();
        actor.notes = text.repeat(10_000);
        Edit::SetActor(actor)
    };
    // Each step keeps the actor as it was, with its 10,000-character notes from the step before.
    let mut h = History::with_budget(60_000);
    for text in ["1", "2", "3", "4", "5", "6", "7", "8"] {
        let edit = note(text, &g);
        h.apply(&mut g, edit, None).unwrap();
    }
    assert!(h.weight() <= 60_000, "{} bytes held", h.weight());
    assert!(h.forgotten() >= 2, "the oldest steps went");
    // What is kept still undoes, newest first, to states that were really there.
    assert!(h.undo(&mut g).unwrap().is_some());
    assert_eq!(g.actor(&"a".into()).unwrap().notes, "7".repeat(10_000));
    while h.undo(&mut g).unwrap().is_some() {}
    let oldest = g.actor(&"a".into()).unwrap().notes.clone();
    assert!(
        oldest.starts_with(|c: char| c.is_ascii_digit()),
        "the oldest kept state is an edited one: {}",
        &oldest[..1]
    );
    assert!(h.is_dirty(), "the saved state was forgotten, so the document stays unsaved");

    // A single step larger than the budget is kept: the last edit can always be undone.
    let mut h = History::with_budget(1_000);
    let edit = note("x", &g);
    h.apply(&mut g, edit, None).unwrap();
    let edit = note("y", &g);
    h.apply(&mut g, edit, None).unwrap();
    assert!(h.can_undo());
    h.undo(&mut g).unwrap();
    assert_eq!(g.actor(&"a".into()).unwrap().notes, "x".repeat(10_000));
}

#[test]
fn moves_written_by_index_are_undone_and_redone_as_the_step_they_were_recorded_into() {
    let mut g = graph();
    let before = g.clone();
    let mut h = History::new();
    // A change made outside the history (positions written by index), recorded by its inverse.
    let a = g.node_index(&"a".into()).unwrap();
    let previous = g.actor_at_mut(a).unwrap().position.replace([3.0, 4.0]);
    h.push_applied(Edit::SetPositions(vec![("a".into(), previous)]), "re-run layout");
    let revision = h.top_revision().unwrap();
    let moved = g.clone();
    assert!(h.is_dirty());
    // More moves join that step; a step that is not the newest takes none.
    let b = g.node_index(&"b".into()).unwrap();
    let previous = g.actor_at_mut(b).unwrap().position.replace([5.0, 6.0]);
    assert!(h.amend_applied(revision, Edit::SetPositions(vec![("b".into(), previous)])));
    assert!(!h.amend_applied(revision + 1, Edit::SetPositions(Vec::new())));
    let both = g.clone();
    assert_eq!(h.undo(&mut g).unwrap().as_deref(), Some("re-run layout"));
    assert_eq!(g, before, "one undo puts both back");
    assert!(!h.is_dirty());
    h.redo(&mut g).unwrap();
    assert_eq!(g, both);
    assert_ne!(g, moved);
}
