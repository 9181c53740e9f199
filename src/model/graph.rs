//! [`KnowledgeGraph`]: actors, cooperations and sources with their invariants kept.

use std::collections::{BTreeMap, HashMap};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use super::actor::Actor;
use super::cooperation::{Cooperation, Evidence};
use super::error::ModelError;
use super::force::ForceSettings;
use super::ids::{ActorId, CooperationId, SourceId};
use super::source::Source;

/// Document-level facts: what the graph is about, and how it likes to be laid out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Title shown in the window and exports.
    pub title: String,
    /// What the graph covers and how it was built.
    pub description: String,
    /// Whether the layout runs again after each change to the structure (new actors and
    /// cooperations reflow the whole picture). Off by default: the picture stays the user's, and
    /// only what is new finds its place.
    pub auto_layout: bool,
    /// The force layout's settings for this graph (scaling, gravity, LinLog, overlap).
    pub force: ForceSettings,
    /// Looks that follow attributes (colour, size, shape), and whether own styles win.
    pub style: super::mapping::StyleMapping,
}

/// A cooperation together with the ids of its two actors.
#[derive(Clone, Copy, Debug)]
pub struct CooperationRef<'a> {
    /// The actor the cooperation goes from (for undirected ones: the first actor).
    pub from: &'a ActorId,
    /// The actor the cooperation goes to (for undirected ones: the second actor).
    pub to: &'a ActorId,
    /// The cooperation itself.
    pub cooperation: &'a Cooperation,
}

/// A cooperation taken out of the graph, with what is needed to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedCooperation {
    /// The actor it went from.
    pub from: ActorId,
    /// The actor it went to.
    pub to: ActorId,
    /// The cooperation.
    pub cooperation: Cooperation,
}

/// An actor taken out of the graph with every cooperation that touched it.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedActor {
    /// The actor.
    pub actor: Actor,
    /// Its cooperations, in id order.
    pub cooperations: Vec<RemovedCooperation>,
}

/// The id → index maps. foldhash (already in the dependency tree through hashbrown) is several
/// times faster than the standard SipHash on short ids and still seeded at random per process,
/// so crafted ids cannot make lookups slow; loading a million actors does some 20 million of them.
type IdMap<K, V> = HashMap<K, V, foldhash::quality::RandomState>;

/// The graph of actors and cooperations, with the sources its evidence cites.
///
/// Invariants, kept by every method: actor, cooperation and source ids are unique and non-empty;
/// the id → index maps match the petgraph storage; every cooperation joins two existing actors;
/// every piece of evidence cites a declared source. Fallible methods leave the graph unchanged
/// when they return an error.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    /// Title and description.
    pub metadata: Metadata,
    graph: StableDiGraph<Actor, Cooperation>,
    actor_index: IdMap<ActorId, NodeIndex>,
    cooperation_index: IdMap<CooperationId, EdgeIndex>,
    sources: BTreeMap<SourceId, Source>,
    structure_version: u64,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// A counter that changes whenever an actor or cooperation is added or removed, so views
    /// can tell when to rebuild what they derive from the structure. Not part of equality.
    pub fn structure_version(&self) -> u64 {
        self.structure_version
    }

    /// Replaces the whole content with `other` and returns what was there. The structure version
    /// moves past both graphs' versions, so views derived from either are rebuilt.
    pub fn replace_with(&mut self, mut other: KnowledgeGraph) -> KnowledgeGraph {
        let version = self.structure_version.max(other.structure_version) + 1;
        other.structure_version = version;
        let mut old = std::mem::replace(self, other);
        old.structure_version = version + 1;
        old
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of cooperations.
    pub fn cooperation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The petgraph storage, read-only, for analysis and layout. Node weights are [`Actor`]s, edge
    /// weights [`Cooperation`]s; undirected cooperations are stored from → to like directed ones.
    pub fn petgraph(&self) -> &StableDiGraph<Actor, Cooperation> {
        &self.graph
    }

    // ----- sources -----

    /// Declares a source.
    ///
    /// # Errors
    /// [`ModelError::DuplicateSource`] or [`ModelError::EmptyId`].
    pub fn add_source(&mut self, source: Source) -> Result<(), ModelError> {
        if source.id().as_str().is_empty() {
            return Err(ModelError::EmptyId);
        }
        if self.sources.contains_key(source.id()) {
            return Err(ModelError::DuplicateSource(source.id().clone()));
        }
        self.sources.insert(source.id().clone(), source);
        Ok(())
    }

    /// The source with this id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.get(id)
    }

    /// The source with this id, to edit its title, publisher, date or url.
    pub fn source_mut(&mut self, id: &SourceId) -> Option<&mut Source> {
        self.sources.get_mut(id)
    }

    /// All sources in id order.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// Removes a source that no evidence cites.
    ///
    /// # Errors
    /// [`ModelError::UnknownSource`], or [`ModelError::SourceInUse`] if evidence still cites it.
    pub fn remove_source(&mut self, id: &SourceId) -> Result<Source, ModelError> {
        if !self.sources.contains_key(id) {
            return Err(ModelError::UnknownSource(id.clone()));
        }
        let uses = self.graph.edge_weights().flat_map(|c| c.evidence()).filter(|e| &e.source == id).count();
        if uses > 0 {
            return Err(ModelError::SourceInUse(id.clone(), uses));
        }
        self.sources.remove(id).ok_or_else(|| ModelError::UnknownSource(id.clone()))
    }

    // ----- actors -----

    /// Adds an actor.
    ///
    /// # Errors
    /// [`ModelError::DuplicateActor`] or [`ModelError::EmptyId`].
    pub fn add_actor(&mut self, actor: Actor) -> Result<NodeIndex, ModelError> {
        if actor.id().as_str().is_empty() {
            return Err(ModelError::EmptyId);
        }
        if self.actor_index.contains_key(actor.id()) {
            return Err(ModelError::DuplicateActor(actor.id().clone()));
        }
        let id = actor.id().clone();
        let index = self.graph.add_node(actor);
        self.actor_index.insert(id, index);
        self.structure_version += 1;
        Ok(index)
    }

    /// Whether an actor has this id.
    pub fn contains_actor(&self, id: &ActorId) -> bool {
        self.actor_index.contains_key(id)
    }

    /// The storage index of an actor, for use with [`Self::petgraph`].
    pub fn node_index(&self, id: &ActorId) -> Option<NodeIndex> {
        self.actor_index.get(id).copied()
    }

    /// The actor with this id.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.node_index(id).and_then(|i| self.graph.node_weight(i))
    }

    /// The actor with this id, to edit any field but its id.
    pub fn actor_mut(&mut self, id: &ActorId) -> Option<&mut Actor> {
        let index = self.node_index(id)?;
        self.graph.node_weight_mut(index)
    }

    /// The actor stored at `index`.
    pub fn actor_at(&self, index: NodeIndex) -> Option<&Actor> {
        self.graph.node_weight(index)
    }

    /// The actor stored at `index`, to edit any field but its id.
    pub fn actor_at_mut(&mut self, index: NodeIndex) -> Option<&mut Actor> {
        self.graph.node_weight_mut(index)
    }

    /// All actors in storage order (not sorted).
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.graph.node_weights()
    }

    /// Removes an actor and every cooperation that touches it, returning them all.
    ///
    /// # Errors
    /// [`ModelError::UnknownActor`].
    pub fn remove_actor(&mut self, id: &ActorId) -> Result<RemovedActor, ModelError> {
        let index = self.node_index(id).ok_or_else(|| ModelError::UnknownActor(id.clone()))?;
        let mut edge_ids: Vec<CooperationId> = self
            .graph
            .edges_directed(index, petgraph::Direction::Outgoing)
            .chain(self.graph.edges_directed(index, petgraph::Direction::Incoming))
            .map(|e| e.weight().id().clone())
            .collect();
        edge_ids.sort();
        edge_ids.dedup();
        let mut cooperations = Vec::with_capacity(edge_ids.len());
        for edge_id in &edge_ids {
            cooperations.push(self.remove_cooperation(edge_id)?);
        }
        self.actor_index.remove(id);
        self.structure_version += 1;
        let actor = self.graph.remove_node(index).ok_or_else(|| ModelError::UnknownActor(id.clone()))?;
        Ok(RemovedActor { actor, cooperations })
    }

    /// Gives actor `from` the id `to`, keeping everything else (its cooperations included).
    ///
    /// # Errors
    /// [`ModelError::UnknownActor`], [`ModelError::DuplicateActor`] or [`ModelError::EmptyId`].
    pub fn rename_actor(&mut self, from: &ActorId, to: ActorId) -> Result<(), ModelError> {
        if to.as_str().is_empty() {
            return Err(ModelError::EmptyId);
        }
        let index = self.node_index(from).ok_or_else(|| ModelError::UnknownActor(from.clone()))?;
        if self.actor_index.contains_key(&to) {
            return Err(ModelError::DuplicateActor(to));
        }
        let actor = self.graph.node_weight_mut(index).ok_or_else(|| ModelError::UnknownActor(from.clone()))?;
        actor.set_id(to.clone());
        self.actor_index.remove(from);
        self.actor_index.insert(to, index);
        self.structure_version += 1;
        Ok(())
    }

    // ----- cooperations -----

    /// Adds a cooperation from actor `from` to actor `to`.
    ///
    /// # Errors
    /// [`ModelError::EmptyId`], [`ModelError::DuplicateCooperation`],
    /// [`ModelError::UnknownActor`] or [`ModelError::UnknownSource`].
    pub fn add_cooperation(
        &mut self,
        from: &ActorId,
        to: &ActorId,
        cooperation: Cooperation,
    ) -> Result<EdgeIndex, ModelError> {
        if cooperation.id().as_str().is_empty() {
            return Err(ModelError::EmptyId);
        }
        if self.cooperation_index.contains_key(cooperation.id()) {
            return Err(ModelError::DuplicateCooperation(cooperation.id().clone()));
        }
        let a = self.node_index(from).ok_or_else(|| ModelError::UnknownActor(from.clone()))?;
        let b = self.node_index(to).ok_or_else(|| ModelError::UnknownActor(to.clone()))?;
        self.add_cooperation_between(a, b, cooperation)
    }

    /// Adds a cooperation between two actors given by storage index (as
    /// [`Self::node_index`] returns them): what a loader uses, having looked the actors up once.
    ///
    /// # Errors
    /// [`ModelError::EmptyId`], [`ModelError::DuplicateCooperation`],
    /// [`ModelError::UnknownActor`] (an index with no actor) or [`ModelError::UnknownSource`].
    pub fn add_cooperation_between(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        cooperation: Cooperation,
    ) -> Result<EdgeIndex, ModelError> {
        if cooperation.id().as_str().is_empty() {
            return Err(ModelError::EmptyId);
        }
        for end in [from, to] {
            if !self.graph.contains_node(end) {
                return Err(ModelError::UnknownActor(ActorId::new(format!("#{}", end.index()))));
            }
        }
        self.check_sources(cooperation.evidence())?;
        // One hash lookup: the id's slot is taken only if it is free.
        let slot = match self.cooperation_index.entry(cooperation.id().clone()) {
            std::collections::hash_map::Entry::Occupied(_) => {
                return Err(ModelError::DuplicateCooperation(cooperation.id().clone()));
            }
            std::collections::hash_map::Entry::Vacant(slot) => slot,
        };
        let index = self.graph.add_edge(from, to, cooperation);
        slot.insert(index);
        self.structure_version += 1;
        Ok(index)
    }

    fn check_sources(&self, evidence: &[Evidence]) -> Result<(), ModelError> {
        match evidence.iter().find(|e| !self.sources.contains_key(&e.source)) {
            Some(missing) => Err(ModelError::UnknownSource(missing.source.clone())),
            None => Ok(()),
        }
    }

    /// The storage index of a cooperation, for use with [`Self::petgraph`].
    pub fn edge_index(&self, id: &CooperationId) -> Option<EdgeIndex> {
        self.cooperation_index.get(id).copied()
    }

    /// The cooperation with this id, with its actors.
    pub fn cooperation(&self, id: &CooperationId) -> Option<CooperationRef<'_>> {
        self.edge_index(id).and_then(|e| self.cooperation_at(e))
    }

    /// The cooperation stored at `index`, with its actors.
    pub fn cooperation_at(&self, index: EdgeIndex) -> Option<CooperationRef<'_>> {
        let (a, b) = self.graph.edge_endpoints(index)?;
        Some(CooperationRef {
            from: self.graph.node_weight(a)?.id(),
            to: self.graph.node_weight(b)?.id(),
            cooperation: self.graph.edge_weight(index)?,
        })
    }

    /// The cooperation with this id, to edit its kind, direction, label, date or weight.
    /// Evidence is changed through [`Self::set_evidence`].
    pub fn cooperation_mut(&mut self, id: &CooperationId) -> Option<&mut Cooperation> {
        let index = self.edge_index(id)?;
        self.graph.edge_weight_mut(index)
    }

    /// Replaces a cooperation's evidence, returning the old evidence.
    ///
    /// # Errors
    /// [`ModelError::UnknownCooperation`] or [`ModelError::UnknownSource`].
    pub fn set_evidence(&mut self, id: &CooperationId, evidence: Vec<Evidence>) -> Result<Vec<Evidence>, ModelError> {
        let index = self.edge_index(id).ok_or_else(|| ModelError::UnknownCooperation(id.clone()))?;
        self.check_sources(&evidence)?;
        let cooperation =
            self.graph.edge_weight_mut(index).ok_or_else(|| ModelError::UnknownCooperation(id.clone()))?;
        Ok(std::mem::replace(cooperation.evidence_mut(), evidence))
    }

    /// All cooperations in storage order (not sorted).
    pub fn cooperations(&self) -> impl Iterator<Item = CooperationRef<'_>> {
        self.graph.edge_indices().filter_map(|e| self.cooperation_at(e))
    }

    /// Every cooperation that touches the actor, in either direction (self-loops once).
    pub fn cooperations_of(&self, id: &ActorId) -> Vec<CooperationRef<'_>> {
        let Some(index) = self.node_index(id) else { return Vec::new() };
        let outgoing = self.graph.edges_directed(index, petgraph::Direction::Outgoing);
        let incoming = self.graph.edges_directed(index, petgraph::Direction::Incoming).filter(|e| e.source() != index);
        outgoing.chain(incoming).filter_map(|e| self.cooperation_at(e.id())).collect()
    }

    /// Removes a cooperation, returning it with its actors.
    ///
    /// # Errors
    /// [`ModelError::UnknownCooperation`].
    pub fn remove_cooperation(&mut self, id: &CooperationId) -> Result<RemovedCooperation, ModelError> {
        let unknown = || ModelError::UnknownCooperation(id.clone());
        let index = self.edge_index(id).ok_or_else(unknown)?;
        let (a, b) = self.graph.edge_endpoints(index).ok_or_else(unknown)?;
        let from = self.graph.node_weight(a).ok_or_else(unknown)?.id().clone();
        let to = self.graph.node_weight(b).ok_or_else(unknown)?.id().clone();
        let cooperation = self.graph.remove_edge(index).ok_or_else(unknown)?;
        self.cooperation_index.remove(id);
        self.structure_version += 1;
        Ok(RemovedCooperation { from, to, cooperation })
    }

    /// Puts back an actor removed by [`Self::remove_actor`], with its cooperations.
    ///
    /// # Errors
    /// Any error of [`Self::add_actor`] or [`Self::add_cooperation`]; on error nothing is added.
    pub fn restore_actor(&mut self, removed: RemovedActor) -> Result<(), ModelError> {
        let id = removed.actor.id().clone();
        self.check_restorable(&removed)?;
        self.add_actor(removed.actor)?;
        for c in removed.cooperations {
            if let Err(error) = self.add_cooperation(&c.from, &c.to, c.cooperation) {
                // Unreachable after the check above, but never leave half an actor behind.
                let _ = self.remove_actor(&id);
                return Err(error);
            }
        }
        Ok(())
    }

    /// Checks that every cooperation of `removed` can be re-added once its actor is back.
    fn check_restorable(&self, removed: &RemovedActor) -> Result<(), ModelError> {
        let id = removed.actor.id();
        if self.contains_actor(id) {
            return Err(ModelError::DuplicateActor(id.clone()));
        }
        for c in &removed.cooperations {
            if self.cooperation_index.contains_key(c.cooperation.id()) {
                return Err(ModelError::DuplicateCooperation(c.cooperation.id().clone()));
            }
            for end in [&c.from, &c.to] {
                if end != id && !self.contains_actor(end) {
                    return Err(ModelError::UnknownActor(end.clone()));
                }
            }
            self.check_sources(c.cooperation.evidence())?;
        }
        Ok(())
    }

    /// An actor id not yet in use, made from `base` (`base`, then `base-2`, `base-3` …).
    pub fn fresh_actor_id(&self, base: &str) -> ActorId {
        fresh(base, |id| self.actor_index.contains_key(id))
    }

    /// A cooperation id not yet in use, made from `base` like [`Self::fresh_actor_id`].
    pub fn fresh_cooperation_id(&self, base: &str) -> CooperationId {
        fresh(base, |id| self.cooperation_index.contains_key(id))
    }

    /// Actors sorted by id: the canonical order of files and listings. O(n log n).
    pub fn actors_sorted(&self) -> Vec<&Actor> {
        let mut actors: Vec<&Actor> = self.actors().collect();
        actors.sort_by(|a, b| a.id().cmp(b.id()));
        actors
    }

    /// Cooperations sorted by id: the canonical order of files and listings. O(m log m).
    pub fn cooperations_sorted(&self) -> Vec<CooperationRef<'_>> {
        let mut cooperations: Vec<CooperationRef<'_>> = self.cooperations().collect();
        cooperations.sort_by(|a, b| a.cooperation.id().cmp(b.cooperation.id()));
        cooperations
    }
}

/// `base`, or `base-N` with the smallest N ≥ 2 that `taken` refuses.
fn fresh<T: From<String>>(base: &str, taken: impl Fn(&str) -> bool) -> T {
    let base = if base.is_empty() { "id" } else { base };
    if !taken(base) {
        return T::from(base.to_owned());
    }
    let mut n = 2u64;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken(&candidate) {
            return T::from(candidate);
        }
        n += 1;
    }
}

/// Two graphs are equal when they hold the same metadata, sources, actors and cooperations
/// (same endpoints), whatever their storage order.
impl PartialEq for KnowledgeGraph {
    fn eq(&self, other: &Self) -> bool {
        let same_cooperations = || {
            let a = self.cooperations_sorted();
            let b = other.cooperations_sorted();
            a.len() == b.len()
                && a.iter().zip(&b).all(|(x, y)| x.from == y.from && x.to == y.to && x.cooperation == y.cooperation)
        };
        self.metadata == other.metadata
            && self.sources == other.sources
            && self.actors_sorted() == other.actors_sorted()
            && same_cooperations()
    }
}
