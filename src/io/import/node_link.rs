//! Node-link JSON as networkx writes it (`node_link_data`, with `links` before networkx 3.4 and
//! `edges` since) and d3 reads it: `nodes` with an `id` and attributes, links with `source`,
//! `target`, an optional `key` and attributes; `directed` at the top (undirected when false).

use serde_json::Value;

use super::{EdgeRecord, NodeRecord, Records};

/// A JSON value as attribute text: strings as they are, other values as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads a node-link document.
///
/// # Errors
/// (byte offset, message) when it is not node-link JSON (the offset is 0: JSON values carry no
/// position; the message names the element).
pub fn read(document: &Value) -> Result<Records, (usize, String)> {
    let mut records = Records::default();
    let Some(top) = document.as_object() else {
        return Err((0, "expected a JSON object with \"nodes\" and \"links\" (or \"edges\")".to_owned()));
    };
    let directed = top.get("directed").and_then(Value::as_bool).unwrap_or(true);
    if let Some(graph) = top.get("graph").and_then(Value::as_object) {
        records.title = ["title", "name"].iter().find_map(|k| graph.get(*k).and_then(Value::as_str)).map(str::to_owned);
    }
    let nodes = top.get("nodes").and_then(Value::as_array).ok_or((0, "expected a \"nodes\" array".to_owned()))?;
    for (k, node) in nodes.iter().enumerate() {
        let object = node.as_object().ok_or((0, format!("nodes[{k}] is not an object")))?;
        let id = object.get("id").map(text).ok_or((0, format!("nodes[{k}] has no \"id\"")))?;
        let mut record = NodeRecord { id, ..NodeRecord::default() };
        for (key, value) in object {
            match key.as_str() {
                "id" => {}
                "label" | "name" if record.label.is_none() => record.label = Some(text(value)),
                _ if !value.is_null() => record.attributes.push((key.clone(), text(value))),
                _ => {}
            }
        }
        records.nodes.push(record);
    }
    let (name, links) = match (top.get("links"), top.get("edges")) {
        (Some(links), _) => ("links", links),
        (None, Some(edges)) => ("edges", edges),
        (None, None) => return Ok(records),
    };
    let links = links.as_array().ok_or((0, format!("expected \"{name}\" to be an array")))?;
    for (k, link) in links.iter().enumerate() {
        let object = link.as_object().ok_or((0, format!("{name}[{k}] is not an object")))?;
        let end = |field: &str| object.get(field).map(text).ok_or((0, format!("{name}[{k}] has no \"{field}\"")));
        let mut record =
            EdgeRecord { source: end("source")?, target: end("target")?, directed, ..EdgeRecord::default() };
        for (key, value) in object {
            match key.as_str() {
                "source" | "target" => {}
                "key" | "id" if record.id.is_none() && value.is_string() => record.id = Some(text(value)),
                "weight" => record.weight = Some(text(value)),
                "label" if record.label.is_none() => record.label = Some(text(value)),
                _ if !value.is_null() => record.attributes.push((key.clone(), text(value))),
                _ => {}
            }
        }
        records.edges.push(record);
    }
    Ok(records)
}
