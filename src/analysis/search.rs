//! Typo-tolerant search over actors' labels, aliases, ids and attribute values.

use petgraph::stable_graph::NodeIndex;

use super::similarity::edit_distance;
use crate::model::KnowledgeGraph;

/// One actor that matches a query, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The actor.
    pub node: NodeIndex,
    /// How well it matches; higher is better.
    pub score: u32,
    /// The text that matched (label, alias, or `key: value`).
    pub matched: String,
}

/// How well `text` matches `query` (both lower-case): exact 100, prefix 80, word prefix 70,
/// contained 60, one word within a typo or two 40, else 0.
fn score(text: &str, query: &str) -> u32 {
    if text == query {
        100
    } else if text.starts_with(query) {
        80
    } else if text.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty() && w.starts_with(query)) {
        70
    } else if text.contains(query) {
        60
    } else {
        let allowed = match query.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        let length = query.chars().count();
        // A word of the text, or its beginning, within `allowed` edits of the query.
        let close = allowed > 0
            && text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).any(|w| {
                let prefix: String = w.chars().take(length).collect();
                edit_distance(w, query) <= allowed || edit_distance(&prefix, query) <= allowed
            });
        if close { 40 } else { 0 }
    }
}

/// Actors matching `query`, best first (ties by label), at most `limit`. Labels count a little
/// more than aliases, ids and attribute values. O(n · text length).
pub fn search(graph: &KnowledgeGraph, query: &str, limit: usize) -> Vec<SearchHit> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(SearchHit, String)> = Vec::new();
    for node in graph.petgraph().node_indices() {
        let Some(actor) = graph.actor_at(node) else { continue };
        let mut best: Option<(u32, String)> = None;
        let mut consider = |text: &str, shown: String, bonus: u32| {
            let s = score(&text.to_lowercase(), &query);
            if s > 0 && best.as_ref().is_none_or(|(b, _)| s + bonus > *b) {
                best = Some((s + bonus, shown));
            }
        };
        consider(&actor.label, actor.label.clone(), 5);
        for alias in &actor.aliases {
            consider(alias, alias.clone(), 0);
        }
        consider(actor.id().as_str(), actor.id().to_string(), 0);
        for attribute in &actor.attributes {
            consider(&attribute.value, format!("{}: {}", attribute.key, attribute.value), 0);
        }
        if let Some((score, matched)) = best {
            hits.push((SearchHit { node, score, matched }, actor.label.to_lowercase()));
        }
    }
    hits.sort_by(|(a, la), (b, lb)| b.score.cmp(&a.score).then_with(|| la.cmp(lb)));
    hits.into_iter().take(limit).map(|(hit, _)| hit).collect()
}
