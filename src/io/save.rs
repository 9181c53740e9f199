//! Writing graph files in the canonical form: sorted by id, fixed formatting, so that saving the
//! same graph twice gives identical bytes and small edits give small diffs.
//!
//! The document is streamed: each actor and cooperation becomes a small DTO only while it is
//! written, so saving a large graph does not hold a second copy of it in memory.

use std::io::{self, Write};
use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::atomic::write_atomic;
use super::document::{
    ActorDto, ActorStyleDto, CURRENT_VERSION, CooperationDto, CooperationStyleDto, EvidenceDto, FORMAT_NAME, ForceDto,
    KindName, MetadataDto, OrderedMap, SourceDto,
};
use super::error::SaveError;
use crate::model::{Actor, CooperationRef, ForceSettings, KnowledgeGraph, Source, color_hex};

/// The file form of an actor.
fn actor_dto(a: &Actor) -> ActorDto {
    ActorDto {
        id: a.id().to_string(),
        label: a.label.clone(),
        kind: KindName::of(a.kind),
        aliases: a.aliases.clone(),
        country: a.country.clone(),
        attributes: OrderedMap(a.attributes.iter().map(|at| (at.key.clone(), at.value.clone())).collect()),
        notes: a.notes.clone(),
        position: a.position.map(|[x, y]| (x, y)),
        pinned: a.pinned,
        style: ActorStyleDto {
            color: a.style.color.map(color_hex),
            size: a.style.size,
            shape: a.style.shape.map(KindName::of),
        },
    }
}

/// The file form of a cooperation.
fn cooperation_dto(c: &CooperationRef<'_>) -> CooperationDto {
    CooperationDto {
        id: c.cooperation.id().to_string(),
        from: c.from.to_string(),
        to: c.to.to_string(),
        kind: KindName::of(c.cooperation.kind),
        directed: c.cooperation.directed,
        label: c.cooperation.label.clone(),
        date: c.cooperation.date.map(|d| d.to_string()),
        weight: c.cooperation.weight,
        attributes: OrderedMap(c.cooperation.attributes.iter().map(|at| (at.key.clone(), at.value.clone())).collect()),
        evidence: c
            .cooperation
            .evidence()
            .iter()
            .map(|e| EvidenceDto { source: e.source.to_string(), quote: e.quote.clone() })
            .collect(),
        style: CooperationStyleDto {
            color: c.cooperation.style.color.map(color_hex),
            width: c.cooperation.style.width,
        },
    }
}

/// The file form of a source.
fn source_dto(s: &Source) -> SourceDto {
    SourceDto {
        id: s.id().to_string(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        date: s.date.map(|d| d.to_string()),
        url: s.url.clone(),
    }
}

/// The file form of the style mappings: nothing at all when none is set.
fn style_dto(style: &crate::model::StyleMapping) -> Option<crate::io::document::StyleMappingDto> {
    use crate::model::ColorMapping;
    (!style.is_empty()).then(|| crate::io::document::StyleMappingDto {
        color_by_category: match &style.color {
            Some(ColorMapping::Category(name)) => Some(name.clone()),
            _ => None,
        },
        color_by_number: match &style.color {
            Some(ColorMapping::Number(name)) => Some(name.clone()),
            _ => None,
        },
        size_by: style.size.clone(),
        shape_by: style.shape.clone(),
        own_styles_first: style.own_styles_first,
    })
}

/// The file form of the force settings: only what differs from the default, nothing at all
/// when nothing does (files without settings stay as they were).
fn force_dto(force: &ForceSettings) -> Option<ForceDto> {
    let default = ForceSettings::DEFAULT;
    (!force.is_default()).then(|| ForceDto {
        scaling: changed(force.scaling, default.scaling),
        gravity: changed(force.gravity, default.gravity),
        lin_log: changed(force.lin_log, default.lin_log),
        prevent_overlap: changed(force.prevent_overlap, default.prevent_overlap),
    })
}

/// `value` where it differs from `usual`.
fn changed<T: PartialEq>(value: T, usual: T) -> Option<T> {
    (value != usual).then_some(value)
}

/// The whole graph serialized like `DocumentDto`, field for field, but element by element.
struct DocumentView<'g> {
    graph: &'g KnowledgeGraph,
}

/// A list serialized by converting each element only when it is written.
struct LazySeq<'a, T, D, F: Fn(&T) -> D> {
    items: &'a [T],
    convert: F,
}

impl<T, D: Serialize, F: Fn(&T) -> D> Serialize for LazySeq<'_, T, D, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(&self.convert))
    }
}

impl Serialize for DocumentView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let graph = self.graph;
        let sources: Vec<&Source> = graph.sources().collect();
        let actors = graph.actors_sorted();
        let cooperations = graph.cooperations_sorted();
        let metadata = MetadataDto {
            title: graph.metadata.title.clone(),
            description: graph.metadata.description.clone(),
            auto_layout: graph.metadata.auto_layout,
            force: force_dto(&graph.metadata.force),
            style: style_dto(&graph.metadata.style),
        };
        let mut document = serializer.serialize_struct("DocumentDto", 6)?;
        document.serialize_field("format", FORMAT_NAME)?;
        document.serialize_field("version", &CURRENT_VERSION)?;
        document.serialize_field("metadata", &metadata)?;
        document.serialize_field("sources", &LazySeq { items: &sources, convert: |s: &&Source| source_dto(s) })?;
        document.serialize_field("actors", &LazySeq { items: &actors, convert: |a: &&Actor| actor_dto(a) })?;
        document.serialize_field("cooperations", &LazySeq { items: &cooperations, convert: cooperation_dto })?;
        document.end()
    }
}

/// Writes the graph as the text of a kgx file into `writer`.
///
/// # Errors
/// An I/O error of the writer, or a value RON cannot encode (not expected for graphs built
/// through the model).
pub fn write_document(graph: &KnowledgeGraph, writer: &mut dyn Write) -> io::Result<()> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME)
        .separate_tuple_members(false);
    let mut filtered = ApostropheFilter { inner: writer, pending_backslash: false };
    ron::Options::default()
        .to_io_writer_pretty(&mut filtered, &DocumentView { graph }, config)
        .map_err(|e| io::Error::other(e.to_string()))?;
    filtered.finish()?;
    writer.write_all(b"\n")
}

/// The graph as the text of a kgx file.
///
/// # Errors
/// As [`write_document`].
pub fn to_ron_string(graph: &KnowledgeGraph) -> Result<String, String> {
    let mut bytes = Vec::new();
    write_document(graph, &mut bytes).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Saves the graph to `path` atomically (see [`super::write_atomic`]).
///
/// # Errors
/// [`SaveError`] naming the file; the file on disk is then unchanged.
pub fn save_file(graph: &KnowledgeGraph, path: &Path) -> Result<(), SaveError> {
    write_atomic(path, |w| write_document(graph, w))
        .map_err(|source| SaveError::Write { path: path.to_owned(), source })
}

/// RON escapes apostrophes inside strings (`China\'s`), which a `"` string does not need. This
/// writer drops the backslash of `\'` as the text streams through, keeping every other escape
/// (an escaped backslash `\\` is passed on whole, so its second half never pairs with a quote).
struct ApostropheFilter<'w> {
    inner: &'w mut dyn Write,
    pending_backslash: bool,
}

impl ApostropheFilter<'_> {
    fn finish(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending_backslash) {
            self.inner.write_all(b"\\")?;
        }
        self.inner.flush()
    }
}

impl Write for ApostropheFilter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &byte) in buf.iter().enumerate() {
            if self.pending_backslash {
                self.pending_backslash = false;
                if byte != b'\'' {
                    self.inner.write_all(b"\\")?;
                }
                start = i;
                if byte == b'\\' {
                    // `\\`: an escaped backslash; pass both on now.
                    self.inner.write_all(b"\\")?;
                    start = i + 1;
                }
            } else if byte == b'\\' {
                self.inner.write_all(&buf[start..i])?;
                self.pending_backslash = true;
                start = i + 1;
            }
        }
        // A trailing backslash is held back (start is then past the end) until the next byte.
        self.inner.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(pieces: &[&str]) -> String {
        let mut out = Vec::new();
        let mut filter = ApostropheFilter { inner: &mut out, pending_backslash: false };
        for piece in pieces {
            filter.write_all(piece.as_bytes()).unwrap();
        }
        filter.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn drops_only_the_backslash_before_an_apostrophe_even_across_writes() {
        assert_eq!(filter(&[r#""China\'s""#]), r#""China's""#);
        assert_eq!(filter(&[r#""China\"#, r#"'s""#]), r#""China's""#);
        assert_eq!(filter(&[r#""a\\\'b \n \"q\" end\"#, "\\"]), r#""a\\'b \n \"q\" end\\"#);
        assert_eq!(filter(&[r#""\\"#, r#"\\""#]), r#""\\\\""#);
    }
}
