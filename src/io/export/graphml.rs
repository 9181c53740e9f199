//! GraphML export with a typed `<key>` for every attribute, readable by networkx, Gephi and yEd.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::fields::{FieldValue, actor_fields, cooperation_fields};
use crate::model::KnowledgeGraph;

/// The graph as a GraphML document. Directed graph; each edge carries a boolean `directed`
/// attribute for cooperations that go both ways. Node ids and edge ids are the kgx ids.
pub fn to_graphml(graph: &KnowledgeGraph) -> String {
    let actors = graph.actors_sorted();
    let cooperations = graph.cooperations_sorted();
    let node_rows: Vec<_> = actors.iter().map(|a| (a.id().as_str(), actor_fields(a))).collect();
    let edge_rows: Vec<_> = cooperations.iter().map(|c| (c, cooperation_fields(graph, c))).collect();
    let node_keys = declare_keys(node_rows.iter().map(|(_, f)| f), "n");
    let edge_keys = declare_keys(edge_rows.iter().map(|(_, f)| f), "e");

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    out.push_str("  <key id=\"g_title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"g_description\" for=\"graph\" attr.name=\"description\" attr.type=\"string\"/>\n");
    write_key_declarations(&mut out, "node", &node_keys);
    write_key_declarations(&mut out, "edge", &edge_keys);
    out.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    let _ = writeln!(out, "    <data key=\"g_title\">{}</data>", escape(&graph.metadata.title));
    let _ = writeln!(out, "    <data key=\"g_description\">{}</data>", escape(&graph.metadata.description));
    for (id, fields) in &node_rows {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(id));
        write_data(&mut out, &node_keys, fields);
        out.push_str("    </node>\n");
    }
    for (c, fields) in &edge_rows {
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape(c.cooperation.id().as_str()),
            escape(c.from.as_str()),
            escape(c.to.as_str())
        );
        write_data(&mut out, &edge_keys, fields);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// A declared key: its XML id and GraphML type.
pub(super) struct Key {
    /// The XML id.
    pub(super) id: String,
    /// The GraphML type: string, double, boolean or long.
    pub(super) attr_type: &'static str,
}

/// One key per attribute name, in first-seen order, typed by the first value seen.
pub(super) fn declare_keys<'a>(
    rows: impl Iterator<Item = &'a Vec<(String, FieldValue)>>,
    prefix: &str,
) -> Vec<(String, Key)> {
    let mut keys: Vec<(String, Key)> = Vec::new();
    let mut seen = BTreeMap::new();
    for fields in rows {
        for (name, value) in fields {
            if seen.contains_key(name) {
                continue;
            }
            seen.insert(name.clone(), ());
            let attr_type = match value {
                FieldValue::Text(_) => "string",
                FieldValue::Number(_) => "double",
                FieldValue::Flag(_) => "boolean",
                FieldValue::Count(_) => "int",
            };
            keys.push((name.clone(), Key { id: format!("{prefix}{}", keys.len()), attr_type }));
        }
    }
    keys
}

fn write_key_declarations(out: &mut String, domain: &str, keys: &[(String, Key)]) {
    for (name, key) in keys {
        let _ = writeln!(
            out,
            "  <key id=\"{}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"/>",
            key.id,
            escape(name),
            key.attr_type
        );
    }
}

fn write_data(out: &mut String, keys: &[(String, Key)], fields: &[(String, FieldValue)]) {
    for (name, value) in fields {
        let Some((_, key)) = keys.iter().find(|(n, _)| n == name) else { continue };
        let text = value.to_text(escape);
        let _ = writeln!(out, "      <data key=\"{}\">{text}</data>", key.id);
    }
}

/// Escapes XML special characters and drops characters XML 1.0 cannot carry.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
