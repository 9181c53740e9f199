//! GEXF 1.3 export for Gephi: every attribute declared with its type, the `viz` drawing
//! (positions; each actor's own colour, size and shape, else its kind's colour and shape and the
//! size its degree gives; each cooperation's own colour and thickness, else its kind's colour),
//! direction as GEXF states it (`defaultedgetype`, and `type` per edge in a graph that mixes
//! both), and cooperation dates as spells (`start`/`end` on edges in a dynamic graph) so Gephi's
//! timeline works. Evidence is flattened into attributes.

use std::fmt::Write;

use super::fields::{FieldValue, GraphDirection, actor_fields, cooperation_fields, short};
use super::graphml::{Key, declare_keys, escape};
use crate::io::import::style::to_gexf_shape;
use crate::layout::node_radius;
use crate::model::{DateSpan, KnowledgeGraph, PartialDate};

/// The first and last day a partial date covers, as `YYYY-MM-DD`.
fn day_bounds(date: PartialDate) -> (String, String) {
    let year = date.year_number();
    let first_month = date.month().unwrap_or(1);
    let last_month = date.month().unwrap_or(12);
    let first_day = date.day().unwrap_or(1);
    let last_day = match date.day() {
        Some(day) => day,
        None => PartialDate::year_month(year, u32::from(last_month))
            .map_or(28, |m| (m.last_day_number() - m.first_day_number() + 1) as u8),
    };
    (format!("{year:04}-{first_month:02}-{first_day:02}"), format!("{year:04}-{last_month:02}-{last_day:02}"))
}

/// `start` and `end` of a date span, whole days.
fn span_bounds(span: DateSpan) -> (String, String) {
    (day_bounds(span.start()).0, day_bounds(span.end()).1)
}

fn gexf_type(key: &Key) -> &'static str {
    match key.attr_type {
        "string" => "string",
        "double" => "double",
        "boolean" => "boolean",
        _ => "long",
    }
}

fn write_attributes(out: &mut String, class: &str, keys: &[(String, Key)]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\">");
    for (name, key) in keys {
        let _ = writeln!(
            out,
            "      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>",
            key.id,
            escape(name),
            gexf_type(key)
        );
    }
    out.push_str("    </attributes>\n");
}

fn write_values(out: &mut String, keys: &[(String, Key)], fields: &[(String, FieldValue)]) {
    out.push_str("        <attvalues>\n");
    for (name, value) in fields {
        let Some((_, key)) = keys.iter().find(|(n, _)| n == name) else { continue };
        let text = value.to_text(escape);
        let _ = writeln!(out, "          <attvalue for=\"{}\" value=\"{text}\"/>", key.id);
    }
    out.push_str("        </attvalues>\n");
}

/// The graph as a GEXF 1.3 document. Node and edge ids are the kgx ids; positions are written with
/// y pointing up, as Gephi draws them. A graph without directed cooperations is undirected, one
/// with only directed ones directed; one that mixes both is directed by default, and its
/// undirected cooperations say `type="undirected"`.
pub fn to_gexf(graph: &KnowledgeGraph) -> String {
    let actors = graph.actors_sorted();
    let cooperations = graph.cooperations_sorted();
    let node_rows: Vec<_> = actors.iter().map(|a| (*a, actor_fields(a))).collect();
    let edge_rows: Vec<_> = cooperations.iter().map(|c| (c, cooperation_fields(graph, c))).collect();
    let node_keys = declare_keys(node_rows.iter().map(|(_, f)| f), "n");
    let edge_keys = declare_keys(edge_rows.iter().map(|(_, f)| f), "e");
    let dated = cooperations.iter().any(|c| c.cooperation.date.is_some());

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    out.push_str("  <meta>\n    <creator>kgx</creator>\n");
    let _ = writeln!(out, "    <title>{}</title>", escape(&graph.metadata.title));
    let _ = writeln!(out, "    <description>{}</description>", escape(&graph.metadata.description));
    out.push_str("  </meta>\n");
    let mode = if dated { " mode=\"dynamic\" timeformat=\"date\"" } else { " mode=\"static\"" };
    let direction = GraphDirection::of(graph);
    let edge_default = if direction.graph_directed() { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph defaultedgetype=\"{edge_default}\"{mode}>");
    write_attributes(&mut out, "node", &node_keys);
    write_attributes(&mut out, "edge", &edge_keys);
    out.push_str("    <nodes>\n");
    for (actor, fields) in &node_rows {
        let _ = writeln!(out, "      <node id=\"{}\" label=\"{}\">", escape(actor.id().as_str()), escape(&actor.label));
        write_values(&mut out, &node_keys, fields);
        let degree = graph.cooperations_of(actor.id()).len();
        let size = actor.style.size.unwrap_or(node_radius(degree));
        let _ = writeln!(out, "        <viz:size value=\"{}\"/>", short(size));
        if let Some([x, y]) = actor.position {
            let _ = writeln!(out, "        <viz:position x=\"{x}\" y=\"{}\" z=\"0\"/>", -y);
        }
        let [r, g, b] = actor.style.color.unwrap_or(actor.kind.rgb());
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        if let Some(shape) = to_gexf_shape(actor.style.shape.unwrap_or(actor.kind.shape())) {
            let _ = writeln!(out, "        <viz:shape value=\"{shape}\"/>");
        }
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (c, fields) in &edge_rows {
        let cooperation = c.cooperation;
        // Only a graph that mixes both says it per edge.
        let kind = match (direction, cooperation.directed) {
            (GraphDirection::Mixed, true) => " type=\"directed\"",
            (GraphDirection::Mixed, false) => " type=\"undirected\"",
            _ => "",
        };
        let mut tag = format!(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\"{kind} weight=\"{}\"",
            escape(cooperation.id().as_str()),
            escape(c.from.as_str()),
            escape(c.to.as_str()),
            cooperation.weight
        );
        if !cooperation.label.is_empty() {
            let _ = write!(tag, " label=\"{}\"", escape(&cooperation.label));
        }
        if let Some(date) = cooperation.date {
            let (start, end) = span_bounds(date);
            let _ = write!(tag, " start=\"{start}\" end=\"{end}\"");
        }
        let _ = writeln!(out, "{tag}>");
        write_values(&mut out, &edge_keys, fields);
        let [r, g, b] = cooperation.style.color.unwrap_or(cooperation.kind.rgb());
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        if let Some(width) = cooperation.style.width {
            let _ = writeln!(out, "        <viz:thickness value=\"{}\"/>", short(width));
        }
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}
