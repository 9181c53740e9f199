//! Proposals out: the [`Extraction`] from the reader's findings, and the edit that puts the
//! accepted proposals into a graph (new actors, actors merged into existing ones, cooperations
//! with the article as their source).

use std::collections::{HashMap, HashSet};

use super::actors::{Registry, normalise};
use super::dates;
use super::relations::Link;
use super::text::Tokenized;
use super::{Extraction, ProposedActor, ProposedCooperation, SourceMeta};
use crate::edit::Edit;
use crate::model::{
    Actor, ActorId, Attribute, Cooperation, CooperationKind, DateSpan, Evidence, KnowledgeGraph, ModelError, Source,
    SourceId,
};

/// A lower-case id from a name: letters and digits, words joined by '-'.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() > 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "actor".to_owned() } else { out }
}

fn unique(base: String, taken: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The extraction from what the reader found: groups only when they take part in a link.
pub(super) fn extraction(
    tokens: &Tokenized<'_>,
    registry: &Registry,
    links: &[Link],
    source: SourceMeta,
    year: Option<i32>,
) -> Extraction {
    let linked: HashSet<usize> = links.iter().flat_map(|l| [l.from, l.to]).collect();
    let mut order: Vec<usize> = (0..registry.candidates.len())
        .filter(|&i| registry.candidates.get(i).is_some_and(|c| !c.group || linked.contains(&i)))
        .collect();
    order.sort_by_key(|&i| (registry.candidates.get(i).map_or(0, |c| c.first_sentence), i));
    let sentence_range = |s: usize| tokens.sentences.get(s).map_or(0..0, |sentence| sentence_span(tokens, sentence));
    let mut taken = HashSet::new();
    let mut ids: HashMap<usize, String> = HashMap::new();
    let mut actors = Vec::new();
    for &i in &order {
        let Some(c) = registry.candidates.get(i) else { continue };
        let id = unique(slug(&c.label), &mut taken);
        ids.insert(i, id.clone());
        let aliases = c.aliases.iter().filter(|a| normalise(a) != normalise(&c.label)).cloned().collect();
        actors.push(ProposedActor {
            id,
            label: c.label.clone(),
            kind: c.kind,
            aliases,
            country: c.country.clone(),
            attributes: c.attributes.clone(),
            role: c.role.clone(),
            confidence: (c.confidence * 100.0).round() / 100.0,
            sentence: sentence_range(c.first_sentence),
        });
    }
    let mut taken = HashSet::new();
    let mut cooperations = Vec::new();
    for link in links {
        let (Some(from), Some(to)) = (ids.get(&link.from), ids.get(&link.to)) else { continue };
        let kind_slug = slug(&link.kind.to_string());
        let id = unique(format!("{from}-{kind_slug}-{to}"), &mut taken);
        let date = tokens
            .sentences
            .get(link.sentence)
            .filter(|_| link.kind != CooperationKind::Affiliation)
            .and_then(|s| dates::sentence_date(tokens, s.tokens.clone(), year, source.date));
        let quote = tokens.sentences.get(link.sentence).map(|s| tokens.sentence_text(s).to_owned()).unwrap_or_default();
        cooperations.push(ProposedCooperation {
            id,
            from: from.clone(),
            to: to.clone(),
            kind: link.kind,
            directed: link.directed,
            label: link.words.clone(),
            date,
            quote,
            sentence: sentence_range(link.sentence),
            confidence: (link.confidence * 100.0).round() / 100.0,
        });
    }
    Extraction {
        source,
        actors,
        cooperations,
        sentences: tokens.sentences.len(),
        sentence_spans: tokens.sentences.iter().map(|s| sentence_span(tokens, s)).collect(),
        report: super::EngineReport { engine: "rules".to_owned(), dropped: 0, fallback: None },
    }
}

/// The byte range of `sentence` in the text, trimmed as its quote is.
pub(super) fn sentence_span(tokens: &Tokenized<'_>, sentence: &super::text::Sentence) -> std::ops::Range<usize> {
    let text = tokens.sentence_text(sentence);
    let start = tokens.tokens.get(sentence.tokens.start).map_or(0, |t| t.span.start);
    start..start + text.len()
}

/// What the person decided about a proposed actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorDecision {
    /// Add it as a new actor.
    Accept,
    /// Leave it out (and its cooperations).
    Reject,
    /// It is this actor already in the graph: its cooperations go there, its names become aliases.
    MergeInto(ActorId),
}

/// The person's decisions, one per proposal, in the extraction's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// One per proposed actor.
    pub actors: Vec<ActorDecision>,
    /// One per proposed cooperation: accepted or not.
    pub cooperations: Vec<bool>,
}

/// The actor already in `graph` that a proposal names (by label or alias), if any.
pub fn existing_match(graph: &KnowledgeGraph, actor: &ProposedActor) -> Option<ActorId> {
    let names: HashSet<String> = std::iter::once(&actor.label).chain(&actor.aliases).map(|n| normalise(n)).collect();
    graph
        .actors_sorted()
        .into_iter()
        .find(|a| std::iter::once(&a.label).chain(&a.aliases).any(|n| names.contains(&normalise(n))))
        .map(|a| a.id().clone())
}

impl Review {
    /// Everything accepted, each actor the graph already has merged into it.
    pub fn suggested(graph: &KnowledgeGraph, extraction: &Extraction) -> Self {
        Self {
            actors: extraction
                .actors
                .iter()
                .map(|a| existing_match(graph, a).map_or(ActorDecision::Accept, ActorDecision::MergeInto))
                .collect(),
            cooperations: vec![true; extraction.cooperations.len()],
        }
    }
}

/// The single edit that adds the accepted proposals to `graph`: the article as a new source,
/// accepted actors (fresh ids), merged actors' new names as aliases, and accepted cooperations
/// whose two actors are in (a cooperation the graph already has — same actors and kind — gains
/// the new evidence instead).
pub fn review_edit(graph: &KnowledgeGraph, extraction: &Extraction, review: &Review) -> Result<Edit, ModelError> {
    let mut edits = Vec::new();
    let base = slug(&extraction.source.title);
    let mut source_id = SourceId::new(base.clone());
    let mut n = 2;
    while graph.source(&source_id).is_some() {
        source_id = SourceId::new(format!("{base}-{n}"));
        n += 1;
    }
    let mut source = Source::new(source_id.clone(), extraction.source.title.clone());
    source.publisher = extraction.source.publisher.clone();
    source.date = extraction.source.date;
    source.url = extraction.source.url.clone();
    edits.push(Edit::AddSource(source));

    let mut resolved: HashMap<&str, ActorId> = HashMap::new();
    let mut new_ids: HashSet<String> = HashSet::new();
    let mut merged_aliases: HashMap<ActorId, Vec<String>> = HashMap::new();
    for (proposal, decision) in extraction.actors.iter().zip(&review.actors) {
        match decision {
            ActorDecision::Reject => {}
            ActorDecision::MergeInto(target) => {
                if graph.actor(target).is_none() {
                    return Err(ModelError::UnknownActor(target.clone()));
                }
                resolved.insert(proposal.id.as_str(), target.clone());
                merged_aliases
                    .entry(target.clone())
                    .or_default()
                    .extend(std::iter::once(proposal.label.clone()).chain(proposal.aliases.iter().cloned()));
            }
            ActorDecision::Accept => {
                let base = if proposal.id.is_empty() { slug(&proposal.label) } else { proposal.id.clone() };
                let mut id = base.clone();
                let mut n = 2;
                while graph.contains_actor(&ActorId::new(id.clone())) || new_ids.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                new_ids.insert(id.clone());
                let mut actor = Actor::new(id.clone(), proposal.label.clone(), proposal.kind);
                actor.aliases = proposal.aliases.clone();
                actor.country = proposal.country.clone();
                actor.attributes =
                    proposal.attributes.iter().map(|(k, v)| Attribute { key: k.clone(), value: v.clone() }).collect();
                if let Some(role) = &proposal.role {
                    actor.attributes.push(Attribute { key: "role".to_owned(), value: role.clone() });
                }
                actor.attributes.push(Attribute {
                    key: "extraction confidence".to_owned(),
                    value: format!("{:.2}", proposal.confidence),
                });
                resolved.insert(proposal.id.as_str(), ActorId::new(id));
                edits.push(Edit::AddActor(actor));
            }
        }
    }
    for (target, names) in merged_aliases {
        let Some(existing) = graph.actor(&target) else { continue };
        let mut actor = existing.clone();
        let mut known: HashSet<String> =
            std::iter::once(&actor.label).chain(&actor.aliases).map(|n| normalise(n)).collect();
        for name in names {
            if known.insert(normalise(&name)) {
                actor.aliases.push(name);
            }
        }
        if actor != *existing {
            edits.push(Edit::SetActor(actor));
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut added: HashMap<(ActorId, ActorId, CooperationKind), usize> = HashMap::new();
    for (proposal, accepted) in extraction.cooperations.iter().zip(&review.cooperations) {
        if !accepted {
            continue;
        }
        let (Some(from), Some(to)) = (resolved.get(proposal.from.as_str()), resolved.get(proposal.to.as_str())) else {
            continue;
        };
        if from == to {
            continue;
        }
        let evidence = Evidence { source: source_id.clone(), quote: proposal.quote.clone() };
        // Same actors and kind already in the graph: add the evidence there.
        let existing = graph.cooperations_of(from).into_iter().find(|c| {
            c.cooperation.kind == proposal.kind
                && ((c.from == from && c.to == to)
                    || (!proposal.directed || !c.cooperation.directed) && c.from == to && c.to == from)
        });
        if let Some(existing) = existing {
            let mut cooperation = existing.cooperation.clone();
            let mut all = cooperation.evidence().to_vec();
            if !all.iter().any(|e| e.quote == evidence.quote && e.source == evidence.source) {
                all.push(evidence);
                cooperation = cooperation.with_evidence(all);
                edits.push(Edit::SetCooperation(cooperation));
            }
            continue;
        }
        if let Some(&k) = added.get(&(from.clone(), to.clone(), proposal.kind)) {
            if let Some(Edit::AddCooperation { cooperation, .. }) = edits.get_mut(k) {
                let mut all = cooperation.evidence().to_vec();
                if !all.iter().any(|e| e.quote == evidence.quote) {
                    all.push(evidence);
                    *cooperation = cooperation.clone().with_evidence(all);
                }
            }
            continue;
        }
        let base = format!("{}-{}-{}", from.as_str(), slug(&proposal.kind.to_string()), to.as_str());
        let mut id = base.clone();
        let mut n = 2;
        while graph.cooperation(&crate::model::CooperationId::new(id.clone())).is_some() || !taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut cooperation = Cooperation::new(id, proposal.kind).with_evidence(vec![evidence]);
        cooperation.directed = proposal.directed;
        cooperation.label = proposal.label.clone();
        cooperation.date = proposal.date.map(DateSpan::on);
        cooperation
            .attributes
            .push(Attribute { key: "extraction confidence".to_owned(), value: format!("{:.2}", proposal.confidence) });
        added.insert((from.clone(), to.clone(), proposal.kind), edits.len());
        edits.push(Edit::AddCooperation { from: from.clone(), to: to.clone(), cooperation });
    }
    Ok(Edit::Batch(edits))
}

/// The proposals as a new graph, everything accepted.
pub fn into_graph(extraction: &Extraction) -> Result<KnowledgeGraph, ModelError> {
    let mut graph = KnowledgeGraph::new();
    merge_into(&mut graph, extraction)?;
    graph.metadata.title = extraction.source.title.clone();
    graph.metadata.description = "Proposed by kgx extract from one article; review before use.".to_owned();
    Ok(graph)
}

/// Merges the proposals into `graph` as [`Review::suggested`] decides: actors it already has (by
/// label or alias) are never duplicated. Returns how many actors and cooperations were added.
pub fn merge_into(graph: &mut KnowledgeGraph, extraction: &Extraction) -> Result<(usize, usize), ModelError> {
    let review = Review::suggested(graph, extraction);
    let edit = review_edit(graph, extraction, &review)?;
    let (before_actors, before_cooperations) = (graph.actor_count(), graph.cooperation_count());
    edit.apply(graph)?;
    Ok((
        graph.actor_count().saturating_sub(before_actors),
        graph.cooperation_count().saturating_sub(before_cooperations),
    ))
}
