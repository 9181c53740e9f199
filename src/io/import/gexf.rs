//! GEXF 1.1, 1.2draft and 1.3 (both namespaces; elements are read by local name): declared
//! attributes with types and defaults, the `viz` drawing (positions; colours, sizes and shapes of
//! nodes and colours and thicknesses of edges as their styles), direction per graph
//! (`defaultedgetype`, undirected when absent) or per edge (`type`; `mutual` is undirected),
//! parallel edges, and dynamics — `start`,
//! `end`, `timestamp` and `<spells>` become cooperation dates when the graph's time format is a
//! date, and attributes otherwise.

use std::collections::HashMap;

use super::xml::{XmlEvent, attribute};
use super::{EdgeRecord, NodeRecord, Records, style};
use crate::model::{DateSpan, Rgb};

/// A declared `<attribute>`.
#[derive(Clone, Debug, Default)]
struct Declared {
    title: String,
    default: Option<String>,
}

/// Time facts of a node or edge as written (`start`, `end`, `timestamp`, spells, open bounds).
#[derive(Default)]
struct Times {
    starts: Vec<String>,
    ends: Vec<String>,
}

impl Times {
    fn take(&mut self, attributes: &[(String, String)]) {
        for (key, value) in attributes {
            match key.as_str() {
                "start" | "startopen" => self.starts.push(value.clone()),
                "end" | "endopen" => self.ends.push(value.clone()),
                "timestamp" => {
                    self.starts.push(value.clone());
                    self.ends.push(value.clone());
                }
                "timestamps" => {
                    for stamp in value.trim_matches(['<', '[', ']', '>']).split([',', ';']) {
                        let stamp = stamp.trim();
                        if !stamp.is_empty() {
                            self.starts.push(stamp.to_owned());
                            self.ends.push(stamp.to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The whole period as a date span, when the time format is a date and the bounds read as
    /// dates (`YYYY-MM-DD` first; datetimes keep their day).
    fn date(&self, dated: bool) -> Option<DateSpan> {
        if !dated {
            return None;
        }
        let day = |v: &String| v.get(..10).unwrap_or(v).to_owned();
        let first = self.starts.iter().map(day).min()?;
        let last = self.ends.iter().map(day).max().unwrap_or_else(|| first.clone());
        let text = if first == last { first } else { format!("{first}/{last}") };
        text.parse().ok()
    }

    /// The period as attributes, when it is not a date (numbers, open bounds).
    fn as_attributes(&self, out: &mut Vec<(String, String)>) {
        if !self.starts.is_empty() {
            out.push(("start".to_owned(), self.starts.join("; ")));
        }
        if !self.ends.is_empty() {
            out.push(("end".to_owned(), self.ends.join("; ")));
        }
    }
}

enum Open {
    Node(NodeRecord, Times),
    Edge(EdgeRecord, Times),
}

/// Reads a GEXF document.
///
/// # Errors
/// (byte offset, message) when it is not GEXF or an edge lacks its ends.
pub fn read(events: &[XmlEvent]) -> Result<Records, (usize, String)> {
    let mut records = Records::default();
    let mut declared: HashMap<(String, String), Declared> = HashMap::new();
    let mut class = String::from("node");
    let mut current_attribute: Option<(String, String)> = None;
    let mut in_default = false;
    let mut default_edge_directed = false;
    let mut dated = false;
    let mut seen_root = false;
    let mut open: Vec<Open> = Vec::new();
    let mut in_title = false;
    let mut in_creator = false;
    let mut dynamic_values = 0usize;
    for event in events {
        match event {
            XmlEvent::Open { name, attributes, empty, offset } => match name.as_str() {
                "gexf" => seen_root = true,
                _ if !seen_root => return Err((*offset, format!("expected a <gexf> document, found <{name}>"))),
                "description" | "title" if records.title.is_none() => in_title = true,
                "creator" => in_creator = true,
                "graph" => {
                    default_edge_directed = attribute(attributes, "defaultedgetype") == Some("directed");
                    dated = matches!(attribute(attributes, "timeformat"), Some("date" | "datetime"));
                }
                "attributes" => class = attribute(attributes, "class").unwrap_or("node").to_owned(),
                "attribute" => {
                    let id = attribute(attributes, "id").unwrap_or_default().to_owned();
                    let title = attribute(attributes, "title").unwrap_or(&id).to_owned();
                    declared.insert((class.clone(), id.clone()), Declared { title, default: None });
                    current_attribute = (!*empty).then(|| (class.clone(), id));
                }
                "default" => in_default = current_attribute.is_some(),
                "node" => {
                    let record = NodeRecord {
                        id: attribute(attributes, "id").unwrap_or_default().to_owned(),
                        label: attribute(attributes, "label").map(str::to_owned),
                        offset: *offset,
                        ..NodeRecord::default()
                    };
                    let mut times = Times::default();
                    times.take(attributes);
                    let node = Open::Node(record, times);
                    if *empty {
                        finish(node, &mut records, &declared, dated);
                    } else {
                        open.push(node);
                    }
                }
                "edge" => {
                    let (Some(source), Some(target)) =
                        (attribute(attributes, "source"), attribute(attributes, "target"))
                    else {
                        return Err((*offset, "an <edge> lacks its source or target attribute".to_owned()));
                    };
                    let directed = match attribute(attributes, "type") {
                        Some("directed") => true,
                        Some("undirected" | "mutual") => false,
                        _ => default_edge_directed,
                    };
                    let mut record = EdgeRecord {
                        id: attribute(attributes, "id").map(str::to_owned),
                        source: source.to_owned(),
                        target: target.to_owned(),
                        directed,
                        weight: attribute(attributes, "weight").map(str::to_owned),
                        label: attribute(attributes, "label").map(str::to_owned),
                        offset: *offset,
                        ..EdgeRecord::default()
                    };
                    if let Some(kind) = attribute(attributes, "kind") {
                        record.attributes.push(("kind".to_owned(), kind.to_owned()));
                    }
                    let mut times = Times::default();
                    times.take(attributes);
                    let edge = Open::Edge(record, times);
                    if *empty {
                        finish(edge, &mut records, &declared, dated);
                    } else {
                        open.push(edge);
                    }
                }
                "attvalue" => {
                    let key = attribute(attributes, "for").or_else(|| attribute(attributes, "id")).unwrap_or_default();
                    let value = attribute(attributes, "value").unwrap_or_default().to_owned();
                    let bounds: Vec<&str> = ["start", "startopen", "end", "endopen", "timestamp"]
                        .iter()
                        .filter_map(|b| attribute(attributes, b))
                        .collect();
                    let value = if bounds.is_empty() { value } else { format!("{value} [{}]", bounds.join(", ")) };
                    dynamic_values += usize::from(!bounds.is_empty());
                    match open.last_mut() {
                        Some(Open::Node(record, _)) => {
                            let title =
                                declared.get(&("node".to_owned(), key.to_owned())).map_or(key, |d| d.title.as_str());
                            push_value(&mut record.attributes, title, value);
                        }
                        Some(Open::Edge(record, _)) => {
                            let title =
                                declared.get(&("edge".to_owned(), key.to_owned())).map_or(key, |d| d.title.as_str());
                            if title.eq_ignore_ascii_case("weight") {
                                // The edge's own weight attribute wins; a declared one fills in.
                                record.weight.get_or_insert(value);
                            } else {
                                push_value(&mut record.attributes, title, value);
                            }
                        }
                        None => {}
                    }
                }
                "spell" => match open.last_mut() {
                    Some(Open::Node(_, times) | Open::Edge(_, times)) => times.take(attributes),
                    None => {}
                },
                "color" => {
                    let rgb = viz_color(attributes).map_err(|message| (*offset, message))?;
                    match open.last_mut() {
                        Some(Open::Node(record, _)) => {
                            record.style.color.get_or_insert(rgb);
                        }
                        Some(Open::Edge(record, _)) => {
                            record.style.color.get_or_insert(rgb);
                        }
                        None => {}
                    }
                }
                "size" | "thickness" | "shape" => {
                    // networkx writes a shape as `shape="…"` where GEXF says `value="…"`.
                    let value = attribute(attributes, "value")
                        .or_else(|| attribute(attributes, "shape").filter(|_| name == "shape"))
                        .unwrap_or_default();
                    let located = |message: String| (*offset, format!("viz:{name}: {message}"));
                    match (name.as_str(), open.last_mut()) {
                        ("size", Some(Open::Node(record, _))) => {
                            let size = style::measure("size", value).map_err(located)?;
                            record.style.size.get_or_insert(size);
                        }
                        ("thickness", Some(Open::Edge(record, _))) => {
                            let width = style::measure("thickness", value).map_err(located)?;
                            record.style.width.get_or_insert(width);
                        }
                        ("shape", Some(Open::Node(record, _))) => {
                            if let Some(shape) = style::gexf_shape(value).map_err(|m| (*offset, m))? {
                                record.style.shape.get_or_insert(shape);
                            }
                        }
                        // Edge shapes (solid, dotted …) kgx does not draw.
                        _ => {}
                    }
                }
                "position" => {
                    if let Some(Open::Node(record, _)) = open.last_mut() {
                        let read = |k: &str| attribute(attributes, k).and_then(|v| v.trim().parse::<f32>().ok());
                        if let (Some(x), Some(y)) = (read("x"), read("y")) {
                            // Gephi's y axis points up; the canvas's down.
                            record.position = Some([x, -y]);
                        }
                    }
                }
                _ => {}
            },
            XmlEvent::Close { name } => match name.as_str() {
                "node" | "edge" => {
                    if let Some(element) = open.pop() {
                        finish(element, &mut records, &declared, dated);
                    }
                }
                "attribute" => current_attribute = None,
                "default" => in_default = false,
                "description" | "title" => in_title = false,
                "creator" => in_creator = false,
                _ => {}
            },
            XmlEvent::Text(text) => {
                if in_default
                    && let Some(key) = &current_attribute
                    && let Some(d) = declared.get_mut(key)
                {
                    d.default = Some(text.trim().to_owned());
                } else if in_title && !text.trim().is_empty() {
                    records.title = Some(text.trim().to_owned());
                } else if in_creator && text.trim() == "kgx" {
                    // kgx's own files write every element's look, its kind's included.
                    records.looks_include_defaults = true;
                }
            }
        }
    }
    if !seen_root {
        return Err((0, "expected a <gexf> document; the file has none".to_owned()));
    }
    if dynamic_values > 0 {
        records.notes.push(format!("{dynamic_values} time-dependent values were kept with their periods in brackets"));
    }
    // Declared defaults for nodes and edges that give no value.
    let defaults = |class: &str| {
        let mut list: Vec<(String, String)> = declared
            .iter()
            .filter(|((c, _), d)| c == class && d.default.is_some())
            .filter_map(|(_, d)| Some((d.title.clone(), d.default.clone()?)))
            .collect();
        list.sort();
        list
    };
    let (node_defaults, edge_defaults) = (defaults("node"), defaults("edge"));
    for node in &mut records.nodes {
        for (title, value) in &node_defaults {
            if !node.attributes.iter().any(|(k, _)| k == title) {
                node.attributes.push((title.clone(), value.clone()));
            }
        }
    }
    for edge in &mut records.edges {
        for (title, value) in &edge_defaults {
            if !edge.attributes.iter().any(|(k, _)| k == title) && !title.eq_ignore_ascii_case("weight") {
                edge.attributes.push((title.clone(), value.clone()));
            }
        }
    }
    Ok(records)
}

/// A `viz:color`: `r`, `g` and `b` components (GEXF 1.1–1.3), or `hex` (GEXF 1.3); the alpha
/// `a` is left out, as kgx draws styles opaque.
fn viz_color(attributes: &[(String, String)]) -> Result<Rgb, String> {
    if let Some(hex) = attribute(attributes, "hex") {
        return style::hex_color(hex).map_err(|message| format!("viz:color: {message}"));
    }
    let part = |name: &str| {
        attribute(attributes, name).ok_or_else(|| format!("viz:color lacks its {name} component; expected r, g and b"))
    };
    style::components(part("r")?, part("g")?, part("b")?).map_err(|message| format!("viz:color: {message}"))
}

/// Adds a value; a repeated attribute (dynamic values over several periods) joins with "; ".
fn push_value(attributes: &mut Vec<(String, String)>, title: &str, value: String) {
    match attributes.iter_mut().find(|(k, _)| k == title) {
        Some((_, existing)) => {
            existing.push_str("; ");
            existing.push_str(&value);
        }
        None => attributes.push((title.to_owned(), value)),
    }
}

fn finish(element: Open, records: &mut Records, _declared: &HashMap<(String, String), Declared>, dated: bool) {
    match element {
        Open::Node(mut record, times) => {
            times.as_attributes(&mut record.attributes);
            records.nodes.push(record);
        }
        Open::Edge(mut record, times) => {
            record.date = times.date(dated);
            if record.date.is_none() {
                times.as_attributes(&mut record.attributes);
            }
            records.edges.push(record);
        }
    }
}
