//! Node-link JSON as networkx writes it (`node_link_data`, with `links` before networkx 3.4 and
//! `edges` since) and d3 reads it: `nodes` with an `id` and attributes, links with `source`,
//! `target`, an optional `key` and attributes. `directed` at the top says whether edges have a
//! direction (undirected when absent, as networkx reads it); an edge's own `directed` (kgx writes
//! it for graphs that mix both) overrides it. Looks: `color` (`#rrggbb`), `size` and `shape` on
//! nodes, `color` and `width` on edges, and networkx's `viz` (as read from GEXF) on nodes.

use serde_json::{Map, Value};

use super::{EdgeRecord, NodeRecord, Records, style};
use crate::model::{ActorStyle, CooperationStyle};

/// A JSON value as attribute text: strings as they are, other values as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A node's look from its `color`, `size`, `shape` and `viz` fields (taken out of `object`'s
/// attributes), and the position `viz` gives.
fn node_look(object: &Map<String, Value>) -> Result<(ActorStyle, Option<[f32; 2]>), String> {
    let mut look = ActorStyle::default();
    let mut position = None;
    if let Some(viz) = object.get("viz").and_then(Value::as_object) {
        if let Some(color) = viz.get("color").and_then(Value::as_object) {
            let part = |name: &str| color.get(name).map(text).ok_or_else(|| format!("viz.color has no {name}"));
            look.color = Some(style::components(&part("r")?, &part("g")?, &part("b")?)?);
        }
        if let Some(size) = viz.get("size") {
            look.size = Some(style::measure("viz.size", &text(size))?);
        }
        if let Some(shape) = viz.get("shape") {
            look.shape = style::gexf_shape(&text(shape))?;
        }
        if let Some(at) = viz.get("position").and_then(Value::as_object) {
            let coordinate = |name: &str| at.get(name).and_then(Value::as_f64).map(|v| v as f32);
            // GEXF's y axis, which networkx keeps, points up; the canvas's down.
            position = coordinate("x").zip(coordinate("y")).map(|(x, y)| [x, -y]);
        }
    }
    if let Some(color) = object.get("color") {
        look.color = Some(style::hex_color(&text(color))?);
    }
    if let Some(size) = object.get("size") {
        look.size = Some(style::measure("size", &text(size))?);
    }
    if let Some(shape) = object.get("shape") {
        look.shape = Some(style::shape_name(&text(shape))?);
    }
    Ok((look, position))
}

/// An edge's look from its `color` and `width` fields.
fn edge_look(object: &Map<String, Value>) -> Result<CooperationStyle, String> {
    Ok(CooperationStyle {
        color: object.get("color").map(|c| style::hex_color(&text(c))).transpose()?,
        width: object.get("width").map(|w| style::measure("width", &text(w))).transpose()?,
    })
}

/// Reads a node-link document.
///
/// # Errors
/// (byte offset, message) when it is not node-link JSON or a look is not one (the offset is 0:
/// JSON values carry no position; the message names the element).
pub fn read(document: &Value) -> Result<Records, (usize, String)> {
    let mut records = Records::default();
    let Some(top) = document.as_object() else {
        return Err((0, "expected a JSON object with \"nodes\" and \"links\" (or \"edges\")".to_owned()));
    };
    let directed = top.get("directed").and_then(Value::as_bool).unwrap_or(false);
    if let Some(graph) = top.get("graph").and_then(Value::as_object) {
        records.title = ["title", "name"].iter().find_map(|k| graph.get(*k).and_then(Value::as_str)).map(str::to_owned);
    }
    let nodes = top.get("nodes").and_then(Value::as_array).ok_or((0, "expected a \"nodes\" array".to_owned()))?;
    for (k, node) in nodes.iter().enumerate() {
        let object = node.as_object().ok_or((0, format!("nodes[{k}] is not an object")))?;
        let id = object.get("id").map(text).ok_or((0, format!("nodes[{k}] has no \"id\"")))?;
        let (style, position) =
            node_look(object).map_err(|message| (0, format!("nodes[{k}] (\"{id}\"): {message}")))?;
        let mut record = NodeRecord { id, style, position, ..NodeRecord::default() };
        for (key, value) in object {
            match key.as_str() {
                "id" | "color" | "size" | "shape" | "viz" => {}
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
        let style = edge_look(object).map_err(|message| (0, format!("{name}[{k}]: {message}")))?;
        let mut record =
            EdgeRecord { source: end("source")?, target: end("target")?, directed, style, ..EdgeRecord::default() };
        for (key, value) in object {
            match key.as_str() {
                "source" | "target" | "color" | "width" => {}
                "directed" if value.is_boolean() => record.directed = value.as_bool().unwrap_or(directed),
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
