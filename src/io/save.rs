//! Writing graph files in the canonical form: sorted by id, fixed formatting, so that saving the
//! same graph twice gives identical bytes and small edits give small diffs.

use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::atomic::write_atomic;
use super::document::{
    ActorDto, CURRENT_VERSION, CooperationDto, DocumentDto, EvidenceDto, FORMAT_NAME, KindName, MetadataDto,
    OrderedMap, SourceDto,
};
use super::error::SaveError;
use crate::model::KnowledgeGraph;

/// The document for a graph, in canonical order (sources, actors and cooperations by id).
pub fn to_document(graph: &KnowledgeGraph) -> DocumentDto {
    DocumentDto {
        format: FORMAT_NAME.to_owned(),
        version: CURRENT_VERSION,
        metadata: MetadataDto { title: graph.metadata.title.clone(), description: graph.metadata.description.clone() },
        sources: graph
            .sources()
            .map(|s| SourceDto {
                id: s.id().to_string(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.map(|d| d.to_string()),
                url: s.url.clone(),
            })
            .collect(),
        actors: graph
            .actors_sorted()
            .into_iter()
            .map(|a| ActorDto {
                id: a.id().to_string(),
                label: a.label.clone(),
                kind: KindName::of(a.kind),
                aliases: a.aliases.clone(),
                country: a.country.clone(),
                attributes: OrderedMap(a.attributes.iter().map(|at| (at.key.clone(), at.value.clone())).collect()),
                notes: a.notes.clone(),
                position: a.position.map(|[x, y]| (x, y)),
                pinned: a.pinned,
            })
            .collect(),
        cooperations: graph
            .cooperations_sorted()
            .into_iter()
            .map(|c| CooperationDto {
                id: c.cooperation.id().to_string(),
                from: c.from.to_string(),
                to: c.to.to_string(),
                kind: KindName::of(c.cooperation.kind),
                directed: c.cooperation.directed,
                label: c.cooperation.label.clone(),
                date: c.cooperation.date.map(|d| d.to_string()),
                weight: c.cooperation.weight,
                evidence: c
                    .cooperation
                    .evidence()
                    .iter()
                    .map(|e| EvidenceDto { source: e.source.to_string(), quote: e.quote.clone() })
                    .collect(),
            })
            .collect(),
    }
}

/// The graph as the text of a kgx file.
///
/// # Errors
/// A message if RON cannot encode a value (not expected for graphs built through the model).
pub fn to_ron_string(graph: &KnowledgeGraph) -> Result<String, String> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME)
        .separate_tuple_members(false);
    let text = ron::ser::to_string_pretty(&to_document(graph), config).map_err(|e| e.to_string())?;
    // RON escapes apostrophes inside strings (`China\'s`); they need no escape in a `"` string.
    // Every `'` in the output is such an escaped one, so this cannot touch an escaped backslash.
    let mut text = text.replace("\\'", "'");
    text.push('\n');
    Ok(text)
}

/// Saves the graph to `path` atomically (see [`write_atomic`]).
///
/// # Errors
/// [`SaveError`] naming the file; the file on disk is then unchanged.
pub fn save_file(graph: &KnowledgeGraph, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(graph).map_err(|message| SaveError::Encode { path: path.to_owned(), message })?;
    write_atomic(path, |w| w.write_all(text.as_bytes()))
        .map_err(|source| SaveError::Write { path: path.to_owned(), source })
}
