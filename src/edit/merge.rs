//! Merging another graph into the open one: actors that look the same (same label or alias,
//! ignoring case, accents and punctuation) are proposed for merging, never merged silently; the
//! person's choice becomes one undoable edit.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::Edit;
use crate::model::{Actor, ActorId, Cooperation, CooperationId, Evidence, KnowledgeGraph, Source, SourceId};

/// A name reduced to what makes two names look the same: lower case, no accents, no
/// punctuation, single spaces ("Médecins Sans Frontières" and "medecins sans frontieres").
pub fn look_alike_key(name: &str) -> String {
    let mut key = String::new();
    for c in name.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.ends_with(' ') && !key.is_empty() {
            key.push(' ');
        }
    }
    key.trim_end().to_owned()
}

/// An incoming actor that looks like one the open graph has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookAlike {
    /// The incoming graph's actor.
    pub incoming: ActorId,
    /// The open graph's actor it looks like.
    pub existing: ActorId,
    /// The name they share, as the incoming graph writes it.
    pub shared_name: String,
}

/// Every incoming actor that looks like an actor of `open` (the first such, by id).
pub fn look_alikes(open: &KnowledgeGraph, incoming: &KnowledgeGraph) -> Vec<LookAlike> {
    let mut by_key: HashMap<String, ActorId> = HashMap::new();
    for actor in open.actors_sorted() {
        for name in std::iter::once(&actor.label).chain(&actor.aliases) {
            by_key.entry(look_alike_key(name)).or_insert_with(|| actor.id().clone());
        }
    }
    incoming
        .actors_sorted()
        .into_iter()
        .filter_map(|actor| {
            std::iter::once(&actor.label).chain(&actor.aliases).find_map(|name| {
                let key = look_alike_key(name);
                (!key.is_empty()).then_some(())?;
                by_key.get(&key).map(|existing| LookAlike {
                    incoming: actor.id().clone(),
                    existing: existing.clone(),
                    shared_name: name.clone(),
                })
            })
        })
        .collect()
}

fn fresh(base: &str, taken: &mut HashSet<String>, exists: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while exists(&id) || !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// What a merge brings in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Actors added.
    pub actors: usize,
    /// Actors merged into existing ones.
    pub merged: usize,
    /// Cooperations added.
    pub cooperations: usize,
    /// Sources added.
    pub sources: usize,
}

/// The one edit that merges `incoming` into `open`: incoming actors in `merge` (incoming id →
/// open id) become that actor (their names join its aliases, their attributes fill in what it
/// lacks); the others are added, renamed when their id is taken; every cooperation and source is
/// added with ids that do not collide, evidence pointing at the renamed sources.
pub fn merge_edit(
    open: &KnowledgeGraph,
    incoming: &KnowledgeGraph,
    merge: &HashMap<ActorId, ActorId>,
) -> (Edit, MergeCounts) {
    let mut edits = Vec::new();
    let mut counts = MergeCounts::default();
    let mut taken = HashSet::new();
    let mut sources: HashMap<SourceId, SourceId> = HashMap::new();
    for source in incoming.sources() {
        let id = fresh(source.id().as_str(), &mut taken, |id| open.source(&SourceId::new(id)).is_some());
        let mut copy = Source::new(id.clone(), source.title.clone());
        copy.publisher = source.publisher.clone();
        copy.date = source.date;
        copy.url = source.url.clone();
        sources.insert(source.id().clone(), SourceId::new(id));
        edits.push(Edit::AddSource(copy));
        counts.sources += 1;
    }
    let mut actors: HashMap<ActorId, ActorId> = HashMap::new();
    let mut taken = HashSet::new();
    let mut merged_into: HashMap<ActorId, Actor> = HashMap::new();
    for actor in incoming.actors_sorted() {
        if let Some(target) = merge.get(actor.id()).filter(|t| open.actor(t).is_some()) {
            actors.insert(actor.id().clone(), target.clone());
            let Some(existing) = open.actor(target) else { continue };
            let into = merged_into.entry(target.clone()).or_insert_with(|| existing.clone());
            let mut known: HashSet<String> =
                std::iter::once(&into.label).chain(&into.aliases).map(|n| look_alike_key(n)).collect();
            for name in std::iter::once(&actor.label).chain(&actor.aliases) {
                // A name that only differs in case or accents is not worth another alias.
                if known.insert(look_alike_key(name)) {
                    into.aliases.push(name.clone());
                }
            }
            for attribute in &actor.attributes {
                if into.attribute(&attribute.key).is_none() {
                    into.attributes.push(attribute.clone());
                }
            }
            if into.country.is_none() {
                into.country = actor.country.clone();
            }
            counts.merged += 1;
            continue;
        }
        let id = fresh(actor.id().as_str(), &mut taken, |id| open.contains_actor(&ActorId::new(id)));
        let mut copy = Actor::new(id.clone(), actor.label.clone(), actor.kind);
        copy.aliases = actor.aliases.clone();
        copy.country = actor.country.clone();
        copy.attributes = actor.attributes.clone();
        copy.notes = actor.notes.clone();
        copy.position = actor.position;
        copy.pinned = actor.pinned;
        actors.insert(actor.id().clone(), ActorId::new(id));
        edits.push(Edit::AddActor(copy));
        counts.actors += 1;
    }
    let mut changed: Vec<Actor> = merged_into.into_values().filter(|a| open.actor(a.id()) != Some(a)).collect();
    changed.sort_by(|a, b| a.id().cmp(b.id()));
    edits.extend(changed.into_iter().map(Edit::SetActor));
    let mut taken = HashSet::new();
    for c in incoming.cooperations_sorted() {
        let (Some(from), Some(to)) = (actors.get(c.from), actors.get(c.to)) else { continue };
        let id =
            fresh(c.cooperation.id().as_str(), &mut taken, |id| open.cooperation(&CooperationId::new(id)).is_some());
        let evidence: Vec<Evidence> = c
            .cooperation
            .evidence()
            .iter()
            .map(|e| Evidence {
                source: sources.get(&e.source).cloned().unwrap_or_else(|| e.source.clone()),
                quote: e.quote.clone(),
            })
            .collect();
        let mut copy = Cooperation::new(id, c.cooperation.kind).with_evidence(evidence);
        copy.directed = c.cooperation.directed;
        copy.label = c.cooperation.label.clone();
        copy.date = c.cooperation.date;
        copy.weight = c.cooperation.weight;
        copy.attributes = c.cooperation.attributes.clone();
        edits.push(Edit::AddCooperation { from: from.clone(), to: to.clone(), cooperation: copy });
        counts.cooperations += 1;
    }
    (Edit::Batch(edits), counts)
}

/// The one edit that adds what `fragment` has and `open` lacks, by id: a fragment of the same
/// graph (an actor's neighbourhood loaded from where the graph came from) brings its new
/// sources, actors and cooperations; what `open` already has stays as it is.
pub fn add_missing(open: &KnowledgeGraph, fragment: &KnowledgeGraph) -> (Edit, MergeCounts) {
    let mut edits = Vec::new();
    let mut counts = MergeCounts::default();
    for source in fragment.sources() {
        if open.source(source.id()).is_none() {
            edits.push(Edit::AddSource(source.clone()));
            counts.sources += 1;
        }
    }
    for actor in fragment.actors_sorted() {
        if open.actor(actor.id()).is_none() {
            edits.push(Edit::AddActor(actor.clone()));
            counts.actors += 1;
        }
    }
    for c in fragment.cooperations_sorted() {
        if open.cooperation(c.cooperation.id()).is_none() {
            edits.push(Edit::AddCooperation {
                from: c.from.clone(),
                to: c.to.clone(),
                cooperation: c.cooperation.clone(),
            });
            counts.cooperations += 1;
        }
    }
    (Edit::Batch(edits), counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, CooperationKind};

    fn graph(actors: &[(&str, &str)], cooperations: &[(&str, &str, &str)]) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for (id, label) in actors {
            g.add_actor(Actor::new(*id, *label, ActorKind::Other)).expect("new id");
        }
        for (id, from, to) in cooperations {
            g.add_cooperation(
                &ActorId::new(*from),
                &ActorId::new(*to),
                Cooperation::new(*id, CooperationKind::Donation),
            )
            .expect("valid");
        }
        g
    }

    #[test]
    fn names_look_alike_ignoring_case_accents_and_punctuation() {
        assert_eq!(look_alike_key("Médecins Sans Frontières"), look_alike_key("medecins sans frontieres"));
        assert_eq!(look_alike_key("World Health Organization (WHO)"), "world health organization who");
        assert_eq!(look_alike_key("U.S."), "u s");
        assert_ne!(look_alike_key("Serbia"), look_alike_key("Siberia"));
    }

    #[test]
    fn look_alikes_are_proposed_and_only_chosen_ones_merge() {
        let open = graph(&[("who", "World Health Organization"), ("a", "Kenya")], &[]);
        let incoming = graph(
            &[("n1", "world health organization"), ("a", "Kenya."), ("n3", "Serbia")],
            &[("c", "n1", "n3"), ("d", "a", "n3")],
        );
        let alikes = look_alikes(&open, &incoming);
        assert_eq!(
            alikes.iter().map(|l| (l.incoming.as_str(), l.existing.as_str())).collect::<Vec<_>>(),
            [("a", "a"), ("n1", "who")]
        );
        // The person merges only the WHO; "Kenya." stays its own actor (id renamed: "a" is taken).
        let merge = HashMap::from([(ActorId::new("n1"), ActorId::new("who"))]);
        let (edit, counts) = merge_edit(&open, &incoming, &merge);
        assert_eq!(counts, MergeCounts { actors: 2, merged: 1, cooperations: 2, sources: 0 });
        let mut merged = open.clone();
        edit.apply(&mut merged).expect("applies");
        assert_eq!(merged.actor_count(), 4);
        assert!(merged.actor(&ActorId::new("a-2")).is_some_and(|a| a.label == "Kenya."));
        let who = merged.cooperations_of(&ActorId::new("who"));
        assert_eq!(who.len(), 1, "the incoming WHO's cooperation joins the open graph's WHO");
    }
}
