//! GraphML: typed `<key>`s, nodes and edges with `<data>`, edge direction per graph
//! (`edgedefault`, directed when absent as the schema says) or per edge (`directed`).
//! yEd's graphics give labels (`y:NodeLabel`, `y:EdgeLabel`, yFiles for HTML's `y:Label.Text`),
//! positions (`y:Geometry`, `y:RectD`) and looks: the fill colour, size and shape of a node
//! (`y:Fill`, the geometry, `y:Shape`; yFiles for HTML's `ShapeNodeStyle`) and the colour and width
//! of an edge (`y:LineStyle`). A group node's nested graph is flattened, each member joined to its
//! group by an Affiliation. Gephi's `x`/`y` keys give positions and its `r`/`g`/`b`/`size` keys
//! colours and sizes, where a file declares numeric `r`, `g` and `b` keys together as Gephi does
//! (elsewhere they stay attributes). Unknown extensions are skipped.

use std::collections::HashMap;

use super::xml::{XmlEvent, attribute};
use super::{EdgeRecord, NodeRecord, Records, style};
use crate::model::{ActorStyle, CooperationStyle};

/// A declared `<key>`.
#[derive(Clone, Debug, Default)]
struct Key {
    /// `attr.name`, or the key's id when it has none.
    name: String,
    /// `for`: node, edge, graph or all.
    domain: String,
    /// `<default>` value.
    default: Option<String>,
    /// yEd's `yfiles.type` (graphics keys carry no value of their own).
    yfiles: bool,
    /// Whether `attr.type` is a number (int, long, float, double).
    numeric: bool,
}

/// What one `<data>` element holds.
#[derive(Default)]
struct Data {
    text: String,
    label: Option<String>,
    /// x, y, width, height of yEd's geometry.
    geometry: Option<[f32; 4]>,
    /// Where the geometry is.
    geometry_offset: usize,
    /// yEd's fill colour as written (`#rrggbb`, `#rrggbbaa`), or yFiles for HTML's (`#aarrggbb`,
    /// `true`), and where.
    fill: Option<(String, bool, usize)>,
    /// yEd's shape type as written.
    shape: Option<String>,
    /// yEd's line colour and width as written, and where.
    line: Option<(Option<String>, Option<String>, usize)>,
}

impl Data {
    /// The node look yEd's graphics give (size: half the larger side of the geometry).
    ///
    /// # Errors
    /// (byte offset, message) for a colour or size that is not one.
    fn node_style(&self) -> Result<ActorStyle, (usize, String)> {
        let mut look = ActorStyle::default();
        if let Some((fill, argb, offset)) = &self.fill {
            let parsed = if *argb { style::argb_color(fill) } else { style::hex_color(fill) };
            look.color = Some(parsed.map_err(|message| (*offset, format!("yEd fill: {message}")))?);
        }
        look.shape = self.shape.as_deref().and_then(style::yed_shape);
        if let Some([_, _, width, height]) = self.geometry {
            let side = width.max(height);
            if side > 0.0 {
                let size = style::measure("size", &(side / 2.0).to_string());
                look.size = Some(size.map_err(|message| (self.geometry_offset, format!("yEd geometry: {message}")))?);
            }
        }
        Ok(look)
    }

    /// The edge look yEd's line style gives.
    ///
    /// # Errors
    /// (byte offset, message) for a colour or width that is not one.
    fn edge_style(&self) -> Result<CooperationStyle, (usize, String)> {
        let mut look = CooperationStyle::default();
        if let Some((color, width, offset)) = &self.line {
            let located = |message: String| (*offset, format!("yEd line: {message}"));
            if let Some(color) = color {
                look.color = Some(style::hex_color(color).map_err(located)?);
            }
            if let Some(width) = width {
                look.width = Some(style::measure("width", width).map_err(located)?);
            }
        }
        Ok(look)
    }
}

impl Data {
    /// Keeps the first graphics label (yEd) in `graphics_label`, and returns the data's own value:
    /// none for a graphics key or a `<data>` that only held a label.
    fn value(&self, key: &Key, graphics_label: &mut Option<String>) -> Option<String> {
        if self.label.is_some() && graphics_label.is_none() {
            graphics_label.clone_from(&self.label);
        }
        let value = self.text.trim();
        let label_only = value.is_empty() && self.label.is_some();
        (!key.yfiles && !label_only).then(|| value.to_owned())
    }
}

/// Gephi's colour keys as read so far (`r`, `g`, `b`).
type Components = [Option<u8>; 3];

/// An element being read: a node (possibly a group holding a nested graph) or an edge.
enum Open {
    Node {
        record: NodeRecord,
        group: bool,
        graphics_label: Option<String>,
        x: Option<f32>,
        y: Option<f32>,
        rgb: Components,
    },
    Edge {
        record: EdgeRecord,
        graphics_label: Option<String>,
        rgb: Components,
    },
}

/// Takes a Gephi colour component (`r`, `g` or `b`) from a numeric key.
fn take_component(rgb: &mut Components, name: &str, value: &str) -> Result<(), String> {
    let slot = match name {
        "r" => &mut rgb[0],
        "g" => &mut rgb[1],
        _ => &mut rgb[2],
    };
    *slot = Some(style::component(name, value)?);
    Ok(())
}

/// The colour Gephi's components give, if all three are there.
///
/// # Errors
/// A message when some but not all are.
fn gephi_color(rgb: Components) -> Result<Option<crate::model::Rgb>, String> {
    match rgb {
        [Some(r), Some(g), Some(b)] => Ok(Some([r, g, b])),
        [None, None, None] => Ok(None),
        _ => Err("the colour keys r, g and b must come together; this element lacks some of them".to_owned()),
    }
}

fn parse_f32(text: Option<&str>) -> Option<f32> {
    text.and_then(|t| t.trim().parse::<f32>().ok()).filter(|v| v.is_finite())
}

/// Reads the `<data>` element starting at `events[start]`; returns it and the index after it.
fn read_data(events: &[XmlEvent], start: usize) -> (Data, usize) {
    let mut data = Data::default();
    let mut depth = 0usize;
    let mut label_depth: Option<usize> = None;
    let mut label_text = String::new();
    let mut i = start + 1;
    while let Some(event) = events.get(i) {
        i += 1;
        match event {
            XmlEvent::Open { name, attributes, empty, offset } => {
                let coordinates = |x: &str, y: &str, w: &str, h: &str| {
                    Some([
                        parse_f32(attribute(attributes, x))?,
                        parse_f32(attribute(attributes, y))?,
                        parse_f32(attribute(attributes, w)).unwrap_or(0.0),
                        parse_f32(attribute(attributes, h)).unwrap_or(0.0),
                    ])
                };
                match name.as_str() {
                    "Geometry" if data.geometry.is_none() => {
                        data.geometry = coordinates("x", "y", "width", "height");
                        data.geometry_offset = *offset;
                    }
                    "RectD" if data.geometry.is_none() => {
                        data.geometry = coordinates("X", "Y", "Width", "Height");
                        data.geometry_offset = *offset;
                    }
                    "Fill" if data.fill.is_none() => {
                        let painted = attribute(attributes, "hasColor") != Some("false")
                            && attribute(attributes, "transparent") != Some("true");
                        if let Some(color) = attribute(attributes, "color").filter(|_| painted) {
                            data.fill = Some((color.to_owned(), false, *offset));
                        }
                    }
                    "Shape" if data.shape.is_none() => data.shape = attribute(attributes, "type").map(str::to_owned),
                    "ShapeNodeStyle" if data.fill.is_none() => {
                        data.fill = attribute(attributes, "fill").map(|f| (f.to_owned(), true, *offset));
                        data.shape = attribute(attributes, "shape").map(str::to_owned);
                    }
                    "LineStyle" if data.line.is_none() => {
                        let color = attribute(attributes, "color").map(str::to_owned);
                        data.line = Some((color, attribute(attributes, "width").map(str::to_owned), *offset));
                    }
                    "NodeLabel" | "EdgeLabel" | "Label.Text" if data.label.is_none() && !*empty => {
                        label_depth = Some(depth);
                        label_text.clear();
                    }
                    _ => {}
                }
                if !*empty {
                    depth += 1;
                }
            }
            XmlEvent::Close { .. } => {
                if depth == 0 {
                    // The end of the <data> (or <default>) element itself.
                    break;
                }
                depth -= 1;
                if label_depth == Some(depth) {
                    label_depth = None;
                    let text = label_text.trim();
                    if !text.is_empty() {
                        data.label = Some(text.to_owned());
                    }
                }
            }
            XmlEvent::Text(text) => {
                if label_depth.is_some() {
                    label_text.push_str(text);
                } else if depth == 0 {
                    data.text.push_str(text);
                }
            }
        }
    }
    (data, i)
}

/// Reads a GraphML document.
///
/// # Errors
/// (byte offset, message) when it is not GraphML or an element lacks what GraphML requires.
pub fn read(events: &[XmlEvent]) -> Result<Records, (usize, String)> {
    let mut records = Records::default();
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut directed_stack: Vec<bool> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut seen_root = false;
    // Whether nodes and edges carry Gephi's drawing keys: numeric r, g and b declared together.
    let mut gephi_looks = [false; 2];
    let mut grouped = 0usize;
    let mut skipped_hyperedges = 0usize;
    let mut i = 0;
    while let Some(event) = events.get(i) {
        i += 1;
        match event {
            XmlEvent::Open { name, attributes, empty, offset } => match name.as_str() {
                "graphml" => seen_root = true,
                _ if !seen_root => {
                    return Err((*offset, format!("expected a <graphml> document, found <{name}>")));
                }
                "key" => {
                    let id = attribute(attributes, "id").unwrap_or_default().to_owned();
                    let mut key = Key {
                        name: attribute(attributes, "attr.name").unwrap_or(&id).to_owned(),
                        domain: attribute(attributes, "for").unwrap_or("all").to_owned(),
                        default: None,
                        yfiles: attribute(attributes, "yfiles.type").is_some()
                            && attribute(attributes, "attr.name").is_none(),
                        numeric: matches!(
                            attribute(attributes, "attr.type"),
                            Some("int" | "long" | "float" | "double")
                        ),
                    };
                    if !*empty {
                        // <default> inside the key.
                        while let Some(inner) = events.get(i) {
                            i += 1;
                            match inner {
                                XmlEvent::Close { name } if name == "key" => break,
                                XmlEvent::Open { name, empty: false, .. } if name == "default" => {
                                    let (data, next) = read_data(events, i - 1);
                                    key.default = Some(data.text.trim().to_owned());
                                    i = next;
                                }
                                _ => {}
                            }
                        }
                    }
                    keys.insert(id, key);
                }
                "graph" => {
                    for (k, domain) in ["node", "edge"].into_iter().enumerate() {
                        gephi_looks[k] = ["r", "g", "b"].iter().all(|c| {
                            keys.values().any(|key| {
                                key.numeric && key.name == *c && (key.domain == domain || key.domain == "all")
                            })
                        });
                    }
                    let directed = attribute(attributes, "edgedefault").is_none_or(|d| d != "undirected");
                    directed_stack.push(directed);
                    if let Some(Open::Node { group, .. }) = open.last_mut() {
                        *group = true;
                    }
                }
                "node" => {
                    let record = NodeRecord {
                        id: attribute(attributes, "id").unwrap_or_default().to_owned(),
                        offset: *offset,
                        ..NodeRecord::default()
                    };
                    let node =
                        Open::Node { record, group: false, graphics_label: None, x: None, y: None, rgb: [None; 3] };
                    if *empty {
                        finish(node, &mut open, &mut records, &keys, &mut grouped)?;
                    } else {
                        open.push(node);
                    }
                }
                "edge" => {
                    let directed = match attribute(attributes, "directed") {
                        Some(d) => d == "true",
                        None => directed_stack.last().copied().unwrap_or(true),
                    };
                    let (Some(source), Some(target)) =
                        (attribute(attributes, "source"), attribute(attributes, "target"))
                    else {
                        return Err((*offset, "an <edge> lacks its source or target attribute".to_owned()));
                    };
                    let record = EdgeRecord {
                        id: attribute(attributes, "id").map(str::to_owned),
                        source: source.to_owned(),
                        target: target.to_owned(),
                        directed,
                        offset: *offset,
                        ..EdgeRecord::default()
                    };
                    let edge = Open::Edge { record, graphics_label: None, rgb: [None; 3] };
                    if *empty {
                        finish(edge, &mut open, &mut records, &keys, &mut grouped)?;
                    } else {
                        open.push(edge);
                    }
                }
                "hyperedge" => skipped_hyperedges += 1,
                "data" if !*empty => {
                    let key_id = attribute(attributes, "key").unwrap_or_default().to_owned();
                    let (data, next) = read_data(events, i - 1);
                    i = next;
                    let key = keys.get(&key_id).cloned().unwrap_or(Key { name: key_id.clone(), ..Key::default() });
                    let located = |message: String| (*offset, message);
                    match open.last_mut() {
                        Some(Open::Node { record, graphics_label, x, y, rgb, .. }) => {
                            if let Some([gx, gy, w, h]) = data.geometry {
                                record.position.get_or_insert([gx + w / 2.0, gy + h / 2.0]);
                            }
                            let look = data.node_style()?;
                            let style = &mut record.style;
                            style.color = style.color.or(look.color);
                            style.size = style.size.or(look.size);
                            style.shape = style.shape.or(look.shape);
                            let Some(value) = data.value(&key, graphics_label) else { continue };
                            let name = key.name.to_lowercase();
                            match name.as_str() {
                                "label" | "name" if record.label.is_none() => record.label = Some(value),
                                "x" => *x = parse_f32(Some(&value)),
                                "y" => *y = parse_f32(Some(&value)),
                                // Gephi's drawing keys: the node's look.
                                "r" | "g" | "b" if key.numeric && gephi_looks[0] => {
                                    take_component(rgb, &name, &value).map_err(located)?;
                                }
                                "size" if key.numeric && gephi_looks[0] => {
                                    record.style.size = Some(style::measure("size", &value).map_err(located)?);
                                }
                                _ => record.attributes.push((key.name.clone(), value)),
                            }
                        }
                        Some(Open::Edge { record, graphics_label, rgb }) => {
                            let look = data.edge_style()?;
                            record.style.color = record.style.color.or(look.color);
                            record.style.width = record.style.width.or(look.width);
                            let Some(value) = data.value(&key, graphics_label) else { continue };
                            let name = key.name.to_lowercase();
                            match name.as_str() {
                                "weight" => record.weight = Some(value),
                                "label" | "edge label" if record.label.is_none() => record.label = Some(value),
                                "r" | "g" | "b" if key.numeric && gephi_looks[1] => {
                                    take_component(rgb, &name, &value).map_err(located)?;
                                }
                                _ => record.attributes.push((key.name.clone(), value)),
                            }
                        }
                        None => {
                            let value = data.text.trim();
                            // kgx's own files write every element's look, its kind's included.
                            if key.name == "creator" && value == "kgx" {
                                records.looks_include_defaults = true;
                            }
                            if !key.yfiles && !value.is_empty() && records.title.is_none() {
                                match key.name.to_lowercase().as_str() {
                                    "title" | "name" | "description" => records.title = Some(value.to_owned()),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                _ => {}
            },
            XmlEvent::Close { name } => match name.as_str() {
                "graph" => {
                    directed_stack.pop();
                }
                "node" | "edge" => {
                    if let Some(element) = open.pop() {
                        finish(element, &mut open, &mut records, &keys, &mut grouped)?;
                    }
                }
                _ => {}
            },
            XmlEvent::Text(_) => {}
        }
    }
    if !seen_root {
        return Err((0, "expected a <graphml> document; the file has none".to_owned()));
    }
    if grouped > 0 {
        records.notes.push(format!("{grouped} nodes inside yEd groups were joined to their group by an Affiliation"));
    }
    if skipped_hyperedges > 0 {
        records.notes.push(format!("{skipped_hyperedges} hyperedges were left out (kgx links two actors at a time)"));
    }
    Ok(records)
}

/// Completes a node or edge: defaults of keys it has no value for, graphics labels, Gephi
/// positions and colours; a node inside a group gets an Affiliation to the group.
///
/// # Errors
/// (byte offset, message) for Gephi colour keys that do not come together.
fn finish(
    element: Open,
    open: &mut [Open],
    records: &mut Records,
    keys: &HashMap<String, Key>,
    grouped: &mut usize,
) -> Result<(), (usize, String)> {
    let with_defaults = |attributes: &mut Vec<(String, String)>, domain: &str| {
        let mut defaults: Vec<(&String, &Key)> =
            keys.iter().filter(|(_, k)| (k.domain == domain || k.domain == "all") && k.default.is_some()).collect();
        defaults.sort_by(|a, b| a.0.cmp(b.0));
        for (_, key) in defaults {
            let skip = matches!(key.name.to_lowercase().as_str(), "label" | "name" | "weight" | "x" | "y");
            if !skip
                && !attributes.iter().any(|(k, _)| *k == key.name)
                && let Some(default) = &key.default
            {
                attributes.push((key.name.clone(), default.clone()));
            }
        }
    };
    match element {
        Open::Node { mut record, graphics_label, x, y, rgb, .. } => {
            if record.label.is_none() {
                record.label = graphics_label;
            }
            // Gephi's keys, where given, over yEd's fill.
            if let Some(color) = gephi_color(rgb).map_err(|message| (record.offset, message))? {
                record.style.color = Some(color);
            }
            // x and y keys (Gephi's, kgx's) are taken as written.
            if let (Some(x), Some(y)) = (x, y) {
                record.position = Some([x, y]);
            }
            with_defaults(&mut record.attributes, "node");
            // The innermost open node holding a nested graph is this node's group.
            if let Some(Open::Node { record: group, group: true, .. }) =
                open.iter().rev().find(|o| matches!(o, Open::Node { group: true, .. }))
            {
                *grouped += 1;
                records.edges.push(EdgeRecord {
                    id: None,
                    source: record.id.clone(),
                    target: group.id.clone(),
                    directed: true,
                    label: Some("member of the group".to_owned()),
                    attributes: vec![("kind".to_owned(), "Affiliation".to_owned())],
                    offset: record.offset,
                    ..EdgeRecord::default()
                });
            }
            records.nodes.push(record);
        }
        Open::Edge { mut record, graphics_label, rgb } => {
            if record.label.is_none() {
                record.label = graphics_label;
            }
            if let Some(color) = gephi_color(rgb).map_err(|message| (record.offset, message))? {
                record.style.color = Some(color);
            }
            with_defaults(&mut record.attributes, "edge");
            records.edges.push(record);
        }
    }
    Ok(())
}
