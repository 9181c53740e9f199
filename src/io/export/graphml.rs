//! GraphML export with a typed `<key>` for every attribute, readable by networkx, igraph, Gephi
//! and yEd: Gephi's `x`, `y`, `r`, `g`, `b` and `size` keys, and yEd's graphics (shape, colour,
//! size, position, label; coloured edges of their width, with arrows) so yEd shows the picture as
//! kgx draws it. Each element's own style where it has one, else its kind's colour and shape and
//! the size its degree gives.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::fields::{FieldValue, GraphDirection, actor_fields, cooperation_fields, short};
use crate::io::import::style::to_yed_shape;
use crate::layout::node_radius;
use crate::model::{Actor, CooperationRef, KnowledgeGraph};

/// The graph as a GraphML document. A graph without directed cooperations is undirected
/// (`edgedefault="undirected"`), one with only directed ones directed; a graph that mixes both is
/// directed by default and each edge says which it is (`directed="true|false"`). Node ids and
/// edge ids are the kgx ids.
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
         xmlns:y=\"http://www.yworks.com/xml/graphml\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    out.push_str("  <key id=\"g_creator\" for=\"graph\" attr.name=\"creator\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"g_title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"g_description\" for=\"graph\" attr.name=\"description\" attr.type=\"string\"/>\n");
    write_key_declarations(&mut out, "node", &node_keys);
    write_key_declarations(&mut out, "edge", &edge_keys);
    // Gephi's colour and size keys, and yEd's graphics.
    for (id, name, kind) in
        [("viz_r", "r", "int"), ("viz_g", "g", "int"), ("viz_b", "b", "int"), ("viz_size", "size", "double")]
    {
        let _ = writeln!(out, "  <key id=\"{id}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{kind}\"/>");
    }
    out.push_str("  <key id=\"y_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    out.push_str("  <key id=\"y_edge\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    let direction = GraphDirection::of(graph);
    let edge_default = if direction.graph_directed() { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph id=\"G\" edgedefault=\"{edge_default}\">");
    // The importer's sign that unstyled elements carry their kind's look (see Records).
    out.push_str("    <data key=\"g_creator\">kgx</data>\n");
    let _ = writeln!(out, "    <data key=\"g_title\">{}</data>", escape(&graph.metadata.title));
    let _ = writeln!(out, "    <data key=\"g_description\">{}</data>", escape(&graph.metadata.description));
    for (actor, (id, fields)) in actors.iter().zip(&node_rows) {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(id));
        write_data(&mut out, &node_keys, fields);
        let degree = graph.cooperations_of(actor.id()).len();
        write_node_graphics(&mut out, actor, node_radius(degree));
        out.push_str("    </node>\n");
    }
    for (c, fields) in &edge_rows {
        let directed = if direction == GraphDirection::Mixed {
            format!(" directed=\"{}\"", c.cooperation.directed)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\"{directed}>",
            escape(c.cooperation.id().as_str()),
            escape(c.from.as_str()),
            escape(c.to.as_str())
        );
        write_data(&mut out, &edge_keys, fields);
        write_edge_graphics(&mut out, c);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Gephi's colour and size (the radius, as Gephi's `size`), and yEd's shape node: geometry
/// (top-left corner and size, centred on the position), fill, shape, the label. The actor's own
/// look where it has one, else its kind's and `radius`.
fn write_node_graphics(out: &mut String, actor: &Actor, radius: f32) {
    let style = &actor.style;
    let color = style.color.unwrap_or(actor.kind.rgb());
    let radius = style.size.unwrap_or(radius);
    let [r, g, b] = color;
    let _ = writeln!(
        out,
        "      <data key=\"viz_r\">{r}</data>\n      <data key=\"viz_g\">{g}</data>\n      <data key=\"viz_b\">{b}</data>"
    );
    let _ = writeln!(out, "      <data key=\"viz_size\">{}</data>", short(radius));
    let shape = to_yed_shape(style.shape.unwrap_or(actor.kind.shape()));
    let size = short(radius * 2.0);
    let geometry = match actor.position {
        Some([x, y]) => format!(
            "<y:Geometry height=\"{size}\" width=\"{size}\" x=\"{}\" y=\"{}\"/>",
            short(x - radius),
            short(y - radius)
        ),
        None => format!("<y:Geometry height=\"{size}\" width=\"{size}\"/>"),
    };
    let _ = writeln!(
        out,
        "      <data key=\"y_node\"><y:ShapeNode>{geometry}<y:Fill color=\"{}\" transparent=\"false\"/><y:BorderStyle color=\"#1B1E24\" type=\"line\" width=\"1.0\"/><y:NodeLabel modelName=\"sides\" modelPosition=\"s\">{}</y:NodeLabel><y:Shape type=\"{shape}\"/></y:ShapeNode></data>",
        hex(color),
        escape(&actor.label)
    );
}

/// yEd's edge: its own colour and width or its kind's colour and the usual width, an arrow on
/// directed cooperations, the label.
fn write_edge_graphics(out: &mut String, c: &CooperationRef<'_>) {
    let cooperation = c.cooperation;
    let label = if cooperation.label.is_empty() {
        String::new()
    } else {
        format!("<y:EdgeLabel>{}</y:EdgeLabel>", escape(&cooperation.label))
    };
    let color = cooperation.style.color.unwrap_or(cooperation.kind.rgb());
    let width = short(cooperation.style.width.unwrap_or(1.0));
    let _ = writeln!(
        out,
        "      <data key=\"y_edge\"><y:PolyLineEdge><y:LineStyle color=\"{}\" type=\"line\" width=\"{width:?}\"/><y:Arrows source=\"none\" target=\"{}\"/>{label}</y:PolyLineEdge></data>",
        hex(color),
        if cooperation.directed { "standard" } else { "none" }
    );
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
