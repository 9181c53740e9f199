//! Precision and recall of an extraction against a hand-made gold graph: actors matched by name
//! or alias; cooperations matched by their two actors ignoring direction, and again requiring
//! kind and direction.

use std::collections::HashMap;

use super::Extraction;
use super::actors::normalise;
use crate::model::{Kind, KnowledgeGraph};

/// A gold actor: its id and every name it may be called.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct GoldActor {
    /// Id cooperations use.
    pub id: String,
    /// Label.
    pub label: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A gold cooperation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct GoldCooperation {
    /// Actor id.
    pub from: String,
    /// Actor id.
    pub to: String,
    /// Kind name (`Donation` …).
    pub kind: String,
    /// Directed or mutual.
    #[serde(default = "yes")]
    pub directed: bool,
}

fn yes() -> bool {
    true
}

/// What the text should give.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Gold {
    /// Actors.
    pub actors: Vec<GoldActor>,
    /// Cooperations.
    pub cooperations: Vec<GoldCooperation>,
}

impl Gold {
    /// The gold of a kgx graph.
    pub fn from_graph(graph: &KnowledgeGraph) -> Self {
        Self {
            actors: graph
                .actors_sorted()
                .into_iter()
                .map(|a| GoldActor {
                    id: a.id().as_str().to_owned(),
                    label: a.label.clone(),
                    aliases: a.aliases.clone(),
                })
                .collect(),
            cooperations: graph
                .cooperations_sorted()
                .into_iter()
                .map(|c| GoldCooperation {
                    from: c.from.as_str().to_owned(),
                    to: c.to.as_str().to_owned(),
                    kind: c.cooperation.kind.name().to_owned(),
                    directed: c.cooperation.directed,
                })
                .collect(),
        }
    }
}

/// Counts behind one precision/recall pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Items proposed.
    pub proposed: usize,
    /// Items in the gold.
    pub gold: usize,
    /// Proposed items that match a gold item.
    pub correct: usize,
    /// Gold items some proposal matches.
    pub found: usize,
}

impl Counts {
    /// correct / proposed (1 when nothing was proposed).
    pub fn precision(&self) -> f64 {
        if self.proposed == 0 { 1.0 } else { self.correct as f64 / self.proposed as f64 }
    }

    /// found / gold (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { self.found as f64 / self.gold as f64 }
    }
}

/// The figures for one text.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Score {
    /// Actors, matched by name or alias: a proposal is correct when one of its names is a name
    /// or alias of a gold actor.
    pub actors: Counts,
    /// Correct proposals that name a gold actor another proposal already named (two actors
    /// where the gold has one; the review lets the person merge them).
    pub duplicate_actors: usize,
    /// Cooperations by their two actors, direction ignored.
    pub cooperations: Counts,
    /// Cooperations by their two actors, kind and direction.
    pub cooperations_strict: Counts,
    /// Proposed actors that match no gold actor, by label.
    pub unmatched_actors: Vec<String>,
    /// Gold actors nothing matched, by label.
    pub missed_actors: Vec<String>,
    /// Gold cooperations nothing matched, as "from -> to (kind)".
    pub missed_cooperations: Vec<String>,
    /// Proposed cooperations that match no gold cooperation.
    pub wrong_cooperations: Vec<String>,
}

/// Scores `extraction` against `gold`.
pub fn evaluate(extraction: &Extraction, gold: &Gold) -> Score {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (g, actor) in gold.actors.iter().enumerate() {
        for name in std::iter::once(&actor.label).chain(&actor.aliases) {
            by_name.entry(normalise(name)).or_insert(g);
        }
    }
    let gold_index: HashMap<&str, usize> = gold.actors.iter().enumerate().map(|(g, a)| (a.id.as_str(), g)).collect();
    let mut score = Score::default();
    score.actors.proposed = extraction.actors.len();
    score.actors.gold = gold.actors.len();
    let mut matched_gold = vec![false; gold.actors.len()];
    let mut mapping: HashMap<&str, usize> = HashMap::new();
    for actor in &extraction.actors {
        let g = std::iter::once(&actor.label).chain(&actor.aliases).find_map(|n| by_name.get(&normalise(n)).copied());
        match g {
            Some(g) => {
                mapping.insert(actor.id.as_str(), g);
                score.actors.correct += 1;
                if let Some(seen) = matched_gold.get_mut(g) {
                    if *seen {
                        score.duplicate_actors += 1;
                    }
                    *seen = true;
                }
            }
            None => score.unmatched_actors.push(actor.label.clone()),
        }
    }
    score.actors.found = matched_gold.iter().filter(|&&m| m).count();
    score.missed_actors =
        gold.actors.iter().zip(&matched_gold).filter(|(_, m)| !**m).map(|(a, _)| a.label.clone()).collect();

    // Cooperations: multisets of pair keys.
    type Strict = (usize, usize, String, bool);
    let pair = |a: usize, b: usize| (a.min(b), a.max(b));
    let strict = |a: usize, b: usize, kind: &str, directed: bool| -> Strict {
        if directed { (a, b, kind.to_owned(), true) } else { (a.min(b), a.max(b), kind.to_owned(), false) }
    };
    let mut gold_pairs: HashMap<(usize, usize), usize> = HashMap::new();
    let mut gold_strict: HashMap<Strict, usize> = HashMap::new();
    let label = |g: usize| gold.actors.get(g).map_or("?", |a| a.label.as_str());
    for c in &gold.cooperations {
        let (Some(&a), Some(&b)) = (gold_index.get(c.from.as_str()), gold_index.get(c.to.as_str())) else { continue };
        *gold_pairs.entry(pair(a, b)).or_default() += 1;
        *gold_strict.entry(strict(a, b, &c.kind, c.directed)).or_default() += 1;
    }
    score.cooperations.gold = gold.cooperations.len();
    score.cooperations_strict.gold = gold.cooperations.len();
    score.cooperations.proposed = extraction.cooperations.len();
    score.cooperations_strict.proposed = extraction.cooperations.len();
    let mut left_pairs = gold_pairs.clone();
    let mut left_strict = gold_strict.clone();
    for c in &extraction.cooperations {
        let ends = (mapping.get(c.from.as_str()).copied(), mapping.get(c.to.as_str()).copied());
        let (Some(a), Some(b)) = ends else {
            score.wrong_cooperations.push(format!("{} -> {} ({})", c.from, c.to, c.kind));
            continue;
        };
        match left_pairs.get_mut(&pair(a, b)).filter(|n| **n > 0) {
            Some(n) => {
                *n -= 1;
                score.cooperations.correct += 1;
            }
            None => score.wrong_cooperations.push(format!("{} -> {} ({})", label(a), label(b), c.kind)),
        }
        if let Some(n) = left_strict.get_mut(&strict(a, b, c.kind.name(), c.directed)).filter(|n| **n > 0) {
            *n -= 1;
            score.cooperations_strict.correct += 1;
        }
    }
    score.cooperations.found = score.cooperations.correct;
    score.cooperations_strict.found = score.cooperations_strict.correct;
    for c in &gold.cooperations {
        let (Some(&a), Some(&b)) = (gold_index.get(c.from.as_str()), gold_index.get(c.to.as_str())) else { continue };
        if let Some(n) = left_pairs.get_mut(&pair(a, b)).filter(|n| **n > 0) {
            *n -= 1;
            score.missed_cooperations.push(format!("{} -> {} ({})", label(a), label(b), c.kind));
        }
    }
    score
}
