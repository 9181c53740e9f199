//! Which actors and cooperations are shown: kinds, source, minimum degree, dates (the timeline)
//! and an optional focus (an ego network). Pure, so it is tested without a window.

use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::model::{Cooperation, KnowledgeGraph, SourceId};

/// What the user filters on. The default shows everything.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterSpec {
    /// Shown actor kinds, by kind index.
    pub actor_kinds: [bool; 12],
    /// Shown cooperation kinds, by kind index.
    pub cooperation_kinds: [bool; 10],
    /// Only cooperations with evidence from this source (and their actors).
    pub source: Option<SourceId>,
    /// Only actors with at least this many cooperations (in the whole graph).
    pub min_degree: usize,
    /// Only cooperations on or after this day (see `PartialDate::first_day_number`).
    pub from_day: Option<i64>,
    /// Only cooperations on or before this day.
    pub to_day: Option<i64>,
    /// Whether undated cooperations pass a date filter.
    pub include_undated: bool,
}

impl Default for FilterSpec {
    fn default() -> Self {
        Self {
            actor_kinds: [true; 12],
            cooperation_kinds: [true; 10],
            source: None,
            min_degree: 0,
            from_day: None,
            to_day: None,
            include_undated: true,
        }
    }
}

impl FilterSpec {
    /// Whether anything is filtered at all.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// Whether a filter that works on cooperations (source, dates) is on: then actors with no
    /// shown cooperation are hidden too, so the timeline reveals the network as it grows.
    fn filters_cooperations(&self) -> bool {
        self.source.is_some() || self.from_day.is_some() || self.to_day.is_some() || !self.include_undated
    }

    fn passes(&self, cooperation: &Cooperation) -> bool {
        if !self.cooperation_kinds[cooperation.kind as usize] {
            return false;
        }
        if let Some(source) = &self.source
            && !cooperation.evidence().iter().any(|e| &e.source == source)
        {
            return false;
        }
        match cooperation.date {
            Some(date) => {
                self.from_day.is_none_or(|from| date.end().last_day_number() >= from)
                    && self.to_day.is_none_or(|to| date.start().first_day_number() <= to)
            }
            None => self.include_undated || (self.from_day.is_none() && self.to_day.is_none()),
        }
    }
}

/// What is shown, by storage index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visibility {
    /// By `NodeIndex::index()`.
    pub actors: Vec<bool>,
    /// By `EdgeIndex::index()`.
    pub cooperations: Vec<bool>,
    /// How many actors are shown.
    pub shown_actors: usize,
    /// How many cooperations are shown.
    pub shown_cooperations: usize,
}

impl Visibility {
    /// Whether the actor at storage index `node` is shown.
    pub fn actor(&self, node: usize) -> bool {
        self.actors.get(node).copied().unwrap_or(false)
    }

    /// Whether the cooperation at storage index `edge` is shown.
    pub fn cooperation(&self, edge: usize) -> bool {
        self.cooperations.get(edge).copied().unwrap_or(false)
    }
}

/// Applies `spec` (and, if given, a focus mask by node index, e.g. an ego network). O(n + m).
pub fn visibility(graph: &KnowledgeGraph, spec: &FilterSpec, focus: Option<&[bool]>) -> Visibility {
    let g = graph.petgraph();
    let mut actors = vec![false; g.node_bound()];
    let mut degree = vec![0usize; g.node_bound()];
    for e in g.edge_references() {
        degree[e.source().index()] += 1;
        degree[e.target().index()] += 1;
    }
    for node in g.node_indices() {
        let Some(actor) = graph.actor_at(node) else { continue };
        let i = node.index();
        actors[i] = spec.actor_kinds[actor.kind as usize]
            && degree[i] >= spec.min_degree
            && focus.is_none_or(|f| f.get(i).copied().unwrap_or(false));
    }
    let mut cooperations = vec![false; g.edge_bound()];
    let mut has_shown_cooperation = vec![false; g.node_bound()];
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        let shown = actors[a] && actors[b] && spec.passes(e.weight());
        cooperations[e.id().index()] = shown;
        if shown {
            has_shown_cooperation[a] = true;
            has_shown_cooperation[b] = true;
        }
    }
    if spec.filters_cooperations() {
        for (i, shown) in actors.iter_mut().enumerate() {
            *shown &= has_shown_cooperation[i];
        }
    }
    let shown_actors = actors.iter().filter(|a| **a).count();
    let shown_cooperations = cooperations.iter().filter(|c| **c).count();
    Visibility { actors, cooperations, shown_actors, shown_cooperations }
}

/// The earliest and latest day any cooperation's date covers, and how many are undated.
pub fn date_extent(graph: &KnowledgeGraph) -> (Option<(i64, i64)>, usize) {
    let mut extent: Option<(i64, i64)> = None;
    let mut undated = 0;
    for c in graph.cooperations() {
        match c.cooperation.date {
            Some(date) => {
                let (a, b) = (date.start().first_day_number(), date.end().last_day_number());
                extent = Some(extent.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
            }
            None => undated += 1,
        }
    }
    (extent, undated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, CooperationKind, PartialDate};

    fn seed() -> KnowledgeGraph {
        crate::io::load_file(std::path::Path::new("graphs/covid19-cooperation.ron")).unwrap()
    }

    #[test]
    fn the_default_shows_everything() {
        let graph = seed();
        let v = visibility(&graph, &FilterSpec::default(), None);
        assert_eq!((v.shown_actors, v.shown_cooperations), (26, 29));
    }

    #[test]
    fn kinds_and_minimum_degree_combine() {
        let graph = seed();
        let mut spec = FilterSpec::default();
        spec.actor_kinds[ActorKind::Person as usize] = false;
        spec.cooperation_kinds[CooperationKind::Affiliation as usize] = false;
        let v = visibility(&graph, &spec, None);
        assert_eq!(v.shown_actors, 22);
        // 29 less 9 affiliations less the two reports about Xu Nanping.
        assert_eq!(v.shown_cooperations, 18);
        spec.min_degree = 3;
        let v = visibility(&graph, &spec, None);
        assert!(v.shown_actors < 22 && v.shown_actors > 0);
        assert!(spec.is_active());
    }

    #[test]
    fn a_date_range_keeps_dated_cooperations_and_their_actors() {
        let graph = seed();
        let day = |y, m, d| PartialDate::ymd(y, m, d).unwrap().first_day_number();
        let spec = FilterSpec { to_day: Some(day(2020, 3, 20)), include_undated: false, ..FilterSpec::default() };
        let v = visibility(&graph, &spec, None);
        // Only the Serbian donation (March 15) has happened by March 20.
        assert_eq!(v.shown_cooperations, 1);
        assert_eq!(v.shown_actors, 2);
        let spec = FilterSpec { to_day: Some(day(2020, 3, 31)), include_undated: false, ..FilterSpec::default() };
        assert_eq!(visibility(&graph, &spec, None).shown_cooperations, 4);
        let (extent, undated) = date_extent(&graph);
        assert_eq!(extent, Some((day(2020, 3, 15), day(2020, 3, 22))));
        assert_eq!(undated, 25);
    }

    #[test]
    fn a_focus_mask_limits_actors_and_their_cooperations() {
        let graph = seed();
        let mut focus = vec![false; graph.petgraph().node_bound()];
        for id in ["serbia", "serbian-government"] {
            focus[graph.node_index(&id.into()).unwrap().index()] = true;
        }
        let v = visibility(&graph, &FilterSpec::default(), Some(&focus));
        assert_eq!((v.shown_actors, v.shown_cooperations), (2, 1));
    }
}
