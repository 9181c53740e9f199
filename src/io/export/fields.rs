//! The flat attributes each exported node and edge carries; one list shared by every format.

use crate::model::{Actor, Cooperation, CooperationRef, Kind, KnowledgeGraph, color_hex};

/// A typed attribute value.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Text.
    Text(String),
    /// A real number.
    Number(f64),
    /// A boolean.
    Flag(bool),
    /// A non-negative count.
    Count(usize),
}

impl FieldValue {
    /// The value as text, as XML formats write it (text escaped by `escape`).
    pub fn to_text(&self, escape: impl Fn(&str) -> String) -> String {
        match self {
            FieldValue::Text(s) => escape(s),
            FieldValue::Number(n) => n.to_string(),
            FieldValue::Flag(b) => b.to_string(),
            FieldValue::Count(c) => c.to_string(),
        }
    }
}

/// Built-in node attribute names; free attributes with one of these names get an `attribute:`
/// prefix so they never overwrite them.
const NODE_BUILTINS: &[&str] = &[
    "id", "label", "kind", "type", "category", "country", "aliases", "notes", "x", "y", "pinned", "r", "g", "b",
    "size", "color", "shape", "viz",
];

/// Name under which a free attribute is exported.
pub fn free_attribute_name(key: &str) -> String {
    if NODE_BUILTINS.contains(&key) { format!("attribute:{key}") } else { key.to_owned() }
}

/// Built-in edge attribute names, which free cooperation attributes never overwrite.
const EDGE_BUILTINS: &[&str] = &[
    "id",
    "source",
    "target",
    "kind",
    "type",
    "category",
    "directed",
    "weight",
    "color",
    "width",
    "label",
    "date",
    "source_count",
    "sources",
    "source_titles",
    "quotes",
];

/// Name under which a free cooperation attribute is exported.
pub fn free_cooperation_attribute_name(key: &str) -> String {
    if EDGE_BUILTINS.contains(&key) { format!("attribute:{key}") } else { key.to_owned() }
}

/// The exported attributes of an actor, built-ins first then free attributes in their order.
/// Empty optional values are left out.
pub fn actor_fields(actor: &Actor) -> Vec<(String, FieldValue)> {
    let mut fields = vec![
        ("label".to_owned(), FieldValue::Text(actor.label.clone())),
        ("kind".to_owned(), FieldValue::Text(actor.kind.to_string())),
    ];
    if let Some(country) = &actor.country {
        fields.push(("country".to_owned(), FieldValue::Text(country.clone())));
    }
    if !actor.aliases.is_empty() {
        fields.push(("aliases".to_owned(), FieldValue::Text(actor.aliases.join("; "))));
    }
    if !actor.notes.is_empty() {
        fields.push(("notes".to_owned(), FieldValue::Text(actor.notes.clone())));
    }
    if let Some([x, y]) = actor.position {
        fields.push(("x".to_owned(), FieldValue::Number(short(x))));
        fields.push(("y".to_owned(), FieldValue::Number(short(y))));
    }
    if actor.pinned {
        fields.push(("pinned".to_owned(), FieldValue::Flag(true)));
    }
    for attribute in &actor.attributes {
        fields.push((free_attribute_name(&attribute.key), FieldValue::Text(attribute.value.clone())));
    }
    fields
}

/// The exported attributes of a cooperation. Evidence becomes the cited source ids, the quotes,
/// and a count of distinct sources. Direction is not among them: each format states it its own
/// way (see [`GraphDirection`]).
pub fn cooperation_fields(graph: &KnowledgeGraph, c: &CooperationRef<'_>) -> Vec<(String, FieldValue)> {
    let cooperation = c.cooperation;
    let mut fields = vec![
        ("kind".to_owned(), FieldValue::Text(cooperation.kind.to_string())),
        ("weight".to_owned(), FieldValue::Number(cooperation.weight)),
    ];
    if !cooperation.label.is_empty() {
        fields.push(("label".to_owned(), FieldValue::Text(cooperation.label.clone())));
    }
    if let Some(date) = cooperation.date {
        fields.push(("date".to_owned(), FieldValue::Text(date.to_string())));
    }
    let evidence = cooperation.evidence();
    if !evidence.is_empty() {
        let mut sources: Vec<&str> = evidence.iter().map(|e| e.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        let titles: Vec<&str> =
            sources.iter().filter_map(|s| graph.source(&(*s).into()).map(|src| src.title.as_str())).collect();
        fields.push(("source_count".to_owned(), FieldValue::Count(sources.len())));
        fields.push(("sources".to_owned(), FieldValue::Text(sources.join("; "))));
        fields.push(("source_titles".to_owned(), FieldValue::Text(titles.join("; "))));
        let quotes: Vec<&str> = evidence.iter().map(|e| e.quote.as_str()).collect();
        fields.push(("quotes".to_owned(), FieldValue::Text(quotes.join("\n"))));
    }
    for attribute in &cooperation.attributes {
        fields.push((free_cooperation_attribute_name(&attribute.key), FieldValue::Text(attribute.value.clone())));
    }
    fields
}

/// An `f32` as the `f64` its shortest decimal text names (`9.220858`, not `9.220857620239258`),
/// so files show what the person sees and read back to the same `f32`.
pub fn short(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

/// An actor's own look as fields (`color`, `size`, `shape`; only what is set), for formats that
/// have no drawing of their own (node-link JSON, CSV).
pub fn actor_style_fields(actor: &Actor) -> Vec<(String, FieldValue)> {
    let style = &actor.style;
    let mut fields = Vec::new();
    if let Some(color) = style.color {
        fields.push(("color".to_owned(), FieldValue::Text(color_hex(color))));
    }
    if let Some(size) = style.size {
        fields.push(("size".to_owned(), FieldValue::Number(short(size))));
    }
    if let Some(shape) = style.shape {
        fields.push(("shape".to_owned(), FieldValue::Text(shape.name().to_owned())));
    }
    fields
}

/// A cooperation's own look as fields (`color`, `width`; only what is set).
pub fn cooperation_style_fields(cooperation: &Cooperation) -> Vec<(String, FieldValue)> {
    let style = &cooperation.style;
    let mut fields = Vec::new();
    if let Some(color) = style.color {
        fields.push(("color".to_owned(), FieldValue::Text(color_hex(color))));
    }
    if let Some(width) = style.width {
        fields.push(("width".to_owned(), FieldValue::Number(short(width))));
    }
    fields
}

/// Whether a graph's cooperations have a direction: what its exports say at the graph's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphDirection {
    /// No cooperation has a direction (an empty graph too): an undirected graph.
    Undirected,
    /// Every cooperation has one: a directed graph.
    Directed,
    /// Some have, some have not: a directed graph whose edges each say which they are.
    Mixed,
}

impl GraphDirection {
    /// The direction of `graph`'s cooperations. O(m).
    pub fn of(graph: &KnowledgeGraph) -> Self {
        let (mut directed, mut undirected) = (false, false);
        for c in graph.cooperations() {
            if c.cooperation.directed {
                directed = true;
            } else {
                undirected = true;
            }
        }
        match (directed, undirected) {
            (true, true) => GraphDirection::Mixed,
            (true, false) => GraphDirection::Directed,
            _ => GraphDirection::Undirected,
        }
    }

    /// Whether the graph as a whole is directed (directed or mixed).
    pub fn graph_directed(self) -> bool {
        self != GraphDirection::Undirected
    }
}

/// Whether two cooperations join the same pair as a reader sees the graph: by (from, to) in a
/// directed graph, either way round in an undirected one. O(m).
pub fn has_parallel(graph: &KnowledgeGraph, graph_directed: bool) -> bool {
    let mut seen = std::collections::HashSet::new();
    graph.cooperations().any(|c| {
        let (from, to) = (c.from.as_str(), c.to.as_str());
        let pair = if graph_directed || from <= to { (from, to) } else { (to, from) };
        !seen.insert(pair)
    })
}
