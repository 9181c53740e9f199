use super::*;

fn sample() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.add_source(Source::new("article", "An article")).unwrap();
    g.add_actor(Actor::new("bgi", "BGI Genomics", ActorKind::Company)).unwrap();
    g.add_actor(Actor::new("mammoth", "Mammoth Foundation", ActorKind::Foundation)).unwrap();
    g.add_actor(Actor::new("serbia", "Serbia", ActorKind::Country)).unwrap();
    let evidence = vec![Evidence { source: "article".into(), quote: "donated".into() }];
    g.add_cooperation(&"bgi".into(), &"mammoth".into(), Cooperation::new("supply", CooperationKind::Supply)).unwrap();
    g.add_cooperation(
        &"mammoth".into(),
        &"serbia".into(),
        Cooperation::new("donation", CooperationKind::Donation).with_evidence(evidence),
    )
    .unwrap();
    g
}

#[test]
fn duplicate_actor_ids_are_refused_and_graph_unchanged() {
    let mut g = sample();
    let before = g.clone();
    let err = g.add_actor(Actor::new("bgi", "Another", ActorKind::Company)).unwrap_err();
    assert_eq!(err, ModelError::DuplicateActor("bgi".into()));
    assert_eq!(g, before);
}

#[test]
fn cooperation_with_unknown_actor_or_source_is_refused() {
    let mut g = sample();
    let err = g.add_cooperation(&"bgi".into(), &"nobody".into(), Cooperation::new("x", CooperationKind::Other));
    assert_eq!(err.unwrap_err(), ModelError::UnknownActor("nobody".into()));
    let cites_missing = Cooperation::new("y", CooperationKind::Other)
        .with_evidence(vec![Evidence { source: "missing".into(), quote: String::new() }]);
    let err = g.add_cooperation(&"bgi".into(), &"serbia".into(), cites_missing);
    assert_eq!(err.unwrap_err(), ModelError::UnknownSource("missing".into()));
    assert_eq!(g.cooperation_count(), 2);
}

#[test]
fn removing_an_actor_removes_and_returns_its_cooperations() {
    let mut g = sample();
    let removed = g.remove_actor(&"mammoth".into()).unwrap();
    assert_eq!(removed.actor.label, "Mammoth Foundation");
    let ids: Vec<&str> = removed.cooperations.iter().map(|c| c.cooperation.id().as_str()).collect();
    assert_eq!(ids, ["donation", "supply"]);
    assert_eq!(g.cooperation_count(), 0);
    assert!(g.actor(&"mammoth".into()).is_none());
    assert!(g.cooperation(&"supply".into()).is_none());
}

#[test]
fn restoring_a_removed_actor_gives_back_the_same_graph() {
    let mut g = sample();
    let before = g.clone();
    let removed = g.remove_actor(&"mammoth".into()).unwrap();
    g.restore_actor(removed).unwrap();
    assert_eq!(g, before);
}

#[test]
fn sources_in_use_cannot_be_removed() {
    let mut g = sample();
    assert_eq!(g.remove_source(&"article".into()), Err(ModelError::SourceInUse("article".into(), 1)));
    g.set_evidence(&"donation".into(), Vec::new()).unwrap();
    assert!(g.remove_source(&"article".into()).is_ok());
}

#[test]
fn cooperations_of_lists_both_directions_and_self_loops_once() {
    let mut g = sample();
    g.add_cooperation(&"mammoth".into(), &"mammoth".into(), Cooperation::new("self", CooperationKind::Other)).unwrap();
    let mut ids: Vec<&str> = g.cooperations_of(&"mammoth".into()).iter().map(|c| c.cooperation.id().as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["donation", "self", "supply"]);
}

#[test]
fn set_attribute_keeps_order_and_replaces_in_place() {
    let mut actor = Actor::new("a", "A", ActorKind::Other);
    actor.set_attribute("visitors", "76,000");
    actor.set_attribute("downloads", "4,000,000");
    actor.set_attribute("visitors", "over 76,000");
    let keys: Vec<&str> = actor.attributes.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["visitors", "downloads"]);
    assert_eq!(actor.attribute("visitors"), Some("over 76,000"));
}

#[test]
fn fresh_ids_are_unused() {
    let g = sample();
    assert_eq!(g.fresh_actor_id("new").as_str(), "new");
    assert_eq!(g.fresh_actor_id("bgi").as_str(), "bgi-2");
    assert_eq!(g.fresh_cooperation_id("supply").as_str(), "supply-2");
}
