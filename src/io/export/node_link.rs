//! Node-link JSON export in the shape networkx's `node_link_graph` reads (and d3 uses).

use serde_json::{Map, Value, json};

use super::fields::{FieldValue, actor_fields, cooperation_fields};
use crate::model::KnowledgeGraph;

/// The graph as node-link JSON: a directed multigraph whose nodes carry `id` and their
/// attributes, and whose `edges` carry `source`, `target`, `key` (the cooperation id) and
/// attributes: what `networkx.node_link_graph(data)` reads by default since networkx 3.4 (older
/// versions: pass `link="edges"`).
pub fn to_node_link_json(graph: &KnowledgeGraph) -> String {
    let nodes: Vec<Value> = graph
        .actors_sorted()
        .into_iter()
        .map(|actor| {
            let mut object = Map::new();
            object.insert("id".to_owned(), json!(actor.id().as_str()));
            insert_fields(&mut object, actor_fields(actor));
            Value::Object(object)
        })
        .collect();
    let edges: Vec<Value> = graph
        .cooperations_sorted()
        .iter()
        .map(|c| {
            let mut object = Map::new();
            object.insert("source".to_owned(), json!(c.from.as_str()));
            object.insert("target".to_owned(), json!(c.to.as_str()));
            object.insert("key".to_owned(), json!(c.cooperation.id().as_str()));
            insert_fields(&mut object, cooperation_fields(graph, c));
            Value::Object(object)
        })
        .collect();
    let document = json!({
        "directed": true,
        "multigraph": true,
        "graph": { "title": graph.metadata.title, "description": graph.metadata.description },
        "nodes": nodes,
        "edges": edges,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn insert_fields(object: &mut Map<String, Value>, fields: Vec<(String, FieldValue)>) {
    for (name, value) in fields {
        let value = match value {
            FieldValue::Text(s) => json!(s),
            FieldValue::Number(n) => json!(n),
            FieldValue::Flag(b) => json!(b),
            FieldValue::Count(c) => json!(c),
        };
        object.insert(name, value);
    }
}
