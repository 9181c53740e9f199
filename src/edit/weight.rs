//! About how much memory an [`Edit`] holds, so the undo history can keep to a budget: counted
//! from the sizes of its values and the lengths of its texts, in O(size of the edit), without
//! walking the allocator.

use std::mem::size_of;

use super::Edit;
use crate::model::{Actor, Cooperation, KnowledgeGraph, Metadata};

impl Edit {
    /// About how many bytes the edit keeps alive (its values and their texts).
    pub fn weight(&self) -> usize {
        size_of::<Edit>()
            + match self {
                Edit::AddActor(actor) | Edit::SetActor(actor) => actor_weight(actor),
                Edit::RestoreActor(removed) => {
                    actor_weight(&removed.actor)
                        + removed
                            .cooperations
                            .iter()
                            .map(|c| c.from.as_str().len() + c.to.as_str().len() + cooperation_weight(&c.cooperation))
                            .sum::<usize>()
                }
                Edit::RemoveActor(id) => id.as_str().len(),
                Edit::RenameActor { from, to } => from.as_str().len() + to.as_str().len(),
                Edit::AddCooperation { from, to, cooperation } => {
                    from.as_str().len() + to.as_str().len() + cooperation_weight(cooperation)
                }
                Edit::SetCooperation(cooperation) => cooperation_weight(cooperation),
                Edit::RemoveCooperation(id) => id.as_str().len(),
                Edit::AddSource(source) | Edit::SetSource(source) => size_of_val(source) + 256,
                Edit::RemoveSource(id) => id.as_str().len(),
                Edit::SetMetadata(metadata) => metadata_weight(metadata),
                Edit::SetPositions(moves) => moves
                    .iter()
                    .map(|(id, _)| size_of::<(crate::model::ActorId, Option<[f32; 2]>)>() + id.as_str().len())
                    .sum(),
                Edit::ReplaceGraph(graph) => graph_weight(graph),
                Edit::Batch(edits) => edits.iter().map(Edit::weight).sum(),
            }
    }
}

fn actor_weight(actor: &Actor) -> usize {
    size_of::<Actor>()
        + actor.id().as_str().len()
        + actor.label.len()
        + actor.notes.len()
        + actor.aliases.iter().map(|a| size_of::<String>() + a.len()).sum::<usize>()
        + actor.country.as_ref().map_or(0, String::len)
        + actor.attributes.iter().map(|a| 2 * size_of::<String>() + a.key.len() + a.value.len()).sum::<usize>()
}

fn cooperation_weight(cooperation: &Cooperation) -> usize {
    size_of::<Cooperation>()
        + cooperation.id().as_str().len()
        + cooperation.label.len()
        + cooperation.attributes.iter().map(|a| 2 * size_of::<String>() + a.key.len() + a.value.len()).sum::<usize>()
        + cooperation.evidence().iter().map(|e| 64 + e.quote.len()).sum::<usize>()
}

fn metadata_weight(metadata: &Metadata) -> usize {
    size_of::<Metadata>() + metadata.title.len() + metadata.description.len()
}

/// A whole graph: every actor and cooperation, and about as much again for its indexes.
fn graph_weight(graph: &KnowledgeGraph) -> usize {
    let actors: usize = graph.actors().map(actor_weight).sum();
    let cooperations: usize = graph.cooperations().map(|c| cooperation_weight(c.cooperation)).sum();
    2 * (actors + cooperations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{barabasi_albert, to_knowledge_graph};
    use crate::model::{ActorId, ActorKind};

    #[test]
    fn weights_grow_with_what_an_edit_holds() {
        let small = Edit::AddActor(Actor::new("a", "A", ActorKind::Ministry));
        let mut big_actor = Actor::new("b", "B", ActorKind::Ministry);
        big_actor.notes = "x".repeat(10_000);
        let big = Edit::AddActor(big_actor);
        assert!(big.weight() >= small.weight() + 10_000);
        let moves: Vec<(ActorId, Option<[f32; 2]>)> =
            (0..1000).map(|i| (ActorId::new(format!("n{i}")), None)).collect();
        let many = Edit::SetPositions(moves);
        assert!(many.weight() > 1000 * size_of::<ActorId>());
        let graph = to_knowledge_graph(&barabasi_albert(1000, 3, 1), "g", 1);
        let whole = Edit::ReplaceGraph(Box::new(graph));
        assert!(whole.weight() > 1000 * size_of::<Actor>(), "a whole graph weighs at least its actors");
        let batch = Edit::Batch(vec![small.clone(), big.clone()]);
        assert!(batch.weight() >= small.weight() + big.weight());
    }
}
