//! The flat attributes each exported node and edge carries; one list shared by every format.

use crate::model::{Actor, CooperationRef, KnowledgeGraph};

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
const NODE_BUILTINS: &[&str] =
    &["id", "label", "kind", "country", "aliases", "notes", "x", "y", "pinned", "r", "g", "b", "size"];

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
    "directed",
    "weight",
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
        fields.push(("x".to_owned(), FieldValue::Number(f64::from(x))));
        fields.push(("y".to_owned(), FieldValue::Number(f64::from(y))));
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
/// and a count of distinct sources.
pub fn cooperation_fields(graph: &KnowledgeGraph, c: &CooperationRef<'_>) -> Vec<(String, FieldValue)> {
    let cooperation = c.cooperation;
    let mut fields = vec![
        ("kind".to_owned(), FieldValue::Text(cooperation.kind.to_string())),
        ("directed".to_owned(), FieldValue::Flag(cooperation.directed)),
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
