//! Node-link JSON export in the shape networkx's `node_link_graph` reads (and d3 uses).

use serde_json::{Map, Value, json};

use super::fields::{
    FieldValue, GraphDirection, actor_fields, actor_style_fields, cooperation_fields, cooperation_style_fields,
    has_parallel,
};
use crate::model::KnowledgeGraph;

/// The graph as node-link JSON: nodes carry `id` and their attributes, `edges` carry `source`,
/// `target` and attributes — what `networkx.node_link_graph(data)` reads by default since
/// networkx 3.4 (older versions: pass `link="edges"`). `directed` is false for a graph without
/// directed cooperations; a graph that mixes both is directed and each edge has its own boolean
/// `directed`. `multigraph` is true when two cooperations join the same pair (as networkx counts
/// pairs), and then the cooperation id is the edge's `key`, else its `id`. Own looks are the
/// fields `color` (`#rrggbb`), `size` and `shape` on nodes, `color` and `width` on edges.
pub fn to_node_link_json(graph: &KnowledgeGraph) -> String {
    let direction = GraphDirection::of(graph);
    let multigraph = has_parallel(graph, direction.graph_directed());
    let nodes: Vec<Value> = graph
        .actors_sorted()
        .into_iter()
        .map(|actor| {
            let mut object = Map::new();
            object.insert("id".to_owned(), json!(actor.id().as_str()));
            insert_fields(&mut object, actor_fields(actor));
            insert_fields(&mut object, actor_style_fields(actor));
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
            let id_field = if multigraph { "key" } else { "id" };
            object.insert(id_field.to_owned(), json!(c.cooperation.id().as_str()));
            if direction == GraphDirection::Mixed {
                object.insert("directed".to_owned(), json!(c.cooperation.directed));
            }
            insert_fields(&mut object, cooperation_fields(graph, c));
            insert_fields(&mut object, cooperation_style_fields(c.cooperation));
            Value::Object(object)
        })
        .collect();
    let document = json!({
        "directed": direction.graph_directed(),
        "multigraph": multigraph,
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
