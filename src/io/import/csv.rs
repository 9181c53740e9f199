//! CSV node and edge tables (Gephi's data laboratory, spreadsheets): the delimiter (`,` `;` tab
//! `|`) and a byte-order mark are detected, quoted cells may hold delimiters, quotes and line
//! breaks. A table with `source` and `target` columns (or `from` and `to`) is an edge table; one
//! with an `id` column a node table. Columns are matched by name, ignoring case: `id`,
//! `label`/`name`/`title`, `kind`/`category`, `x`/`y`, and the look: `color` (`#rrggbb`), `size`
//! (radius), `shape`; for edges `id`, `weight`, `label`, `date`/`start`/`end`/`timestamp`, Gephi's
//! `type` (Directed or Undirected; directed when absent), `color` and `width`. Every other column
//! becomes an attribute.

use std::collections::HashMap;

use super::{EdgeRecord, NodeRecord, Records, style};
use crate::model::{ActorStyle, CooperationStyle, DateSpan};

/// A CSV table: its header and rows, each with the byte offset where it starts.
pub struct Table {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// What a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// One row per node.
    Nodes,
    /// One row per edge.
    Edges,
}

/// The delimiter the header line uses most (outside quotes), `,` if none.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| *d == c) {
            slot.1 += 1;
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

/// Reads a table. Every row must have as many cells as the header.
///
/// # Errors
/// (byte offset, message): bad quoting, or a row of the wrong length, naming its row and what
/// was expected.
pub fn read_table(text: &str) -> Result<Table, (usize, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| (0, format!("cannot read the header row: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err((
            0,
            "the file has no header row; expected column names such as id,label or source,target".to_owned(),
        ));
    }
    let mut rows = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let offset = e.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
            (offset, format!("row {}: {e}", k + 1))
        })?;
        let offset = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        if record.iter().all(|cell| cell.trim().is_empty()) && record.len() <= headers.len() {
            rows.push((offset, vec![String::new(); headers.len()]));
            continue;
        }
        if record.len() != headers.len() {
            return Err((
                offset,
                format!(
                    "row {} has {} cells but the header has {} ({}); quote cells that contain the delimiter",
                    k + 1,
                    record.len(),
                    headers.len(),
                    headers.join(", ")
                ),
            ));
        }
        rows.push((offset, record.iter().map(str::to_owned).collect()));
    }
    Ok(Table { headers, rows })
}

impl Table {
    fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|name| self.headers.iter().position(|h| h.eq_ignore_ascii_case(name)))
    }

    /// The non-empty cells of the columns not in `taken`, by column name: what becomes
    /// attributes.
    fn other_cells(&self, row: &[String], taken: &[Option<usize>]) -> Vec<(String, String)> {
        self.headers
            .iter()
            .enumerate()
            .filter(|(k, _)| !taken.contains(&Some(*k)))
            .filter_map(|(k, header)| Some((header.clone(), cell(row, Some(k))?)))
            .collect()
    }

    /// Whether this is a node or an edge table, from its columns.
    ///
    /// # Errors
    /// A message when it is neither.
    pub fn kind(&self) -> Result<TableKind, String> {
        if self.column(&["source", "from"]).is_some() && self.column(&["target", "to"]).is_some() {
            Ok(TableKind::Edges)
        } else if self.column(&["id"]).is_some() {
            Ok(TableKind::Nodes)
        } else {
            Err(format!(
                "expected an id column (a node table) or source and target columns (an edge table); the columns are {}",
                self.headers.join(", ")
            ))
        }
    }
}

/// What a column of a CSV table holds, as the person maps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CsvField {
    /// The node's id (a node table).
    Id,
    /// The name shown.
    Label,
    /// The actor's or cooperation's kind.
    Kind,
    /// The edge's first node (an edge table).
    Source,
    /// The edge's second node.
    Target,
    /// The edge's weight.
    Weight,
    /// The edge's date (or date range `start/end`).
    Date,
    /// The first day of the edge's date range.
    Start,
    /// The last day of the edge's date range.
    End,
    /// "Directed" or "Undirected" (Gephi's Type column).
    Direction,
    /// The node's x position.
    X,
    /// The node's y position.
    Y,
    /// The colour an actor or cooperation is drawn in (`#rrggbb`).
    Color,
    /// The actor's radius in layout units.
    Size,
    /// The actor's shape (Circle, Square, Hexagon …).
    Shape,
    /// The cooperation's line width, in multiples of the usual one.
    Width,
    /// Kept as an attribute under the column's name.
    Attribute,
    /// Left out.
    Ignore,
}

impl CsvField {
    /// Every field, in the order a chooser lists them.
    pub const ALL: [CsvField; 18] = [
        CsvField::Id,
        CsvField::Label,
        CsvField::Kind,
        CsvField::Source,
        CsvField::Target,
        CsvField::Weight,
        CsvField::Date,
        CsvField::Start,
        CsvField::End,
        CsvField::Direction,
        CsvField::X,
        CsvField::Y,
        CsvField::Color,
        CsvField::Size,
        CsvField::Shape,
        CsvField::Width,
        CsvField::Attribute,
        CsvField::Ignore,
    ];

    /// Its name for people.
    pub fn label(self) -> &'static str {
        match self {
            CsvField::Id => "id",
            CsvField::Label => "label",
            CsvField::Kind => "kind",
            CsvField::Source => "source (from)",
            CsvField::Target => "target (to)",
            CsvField::Weight => "weight",
            CsvField::Date => "date",
            CsvField::Start => "start date",
            CsvField::End => "end date",
            CsvField::Direction => "directed or undirected",
            CsvField::X => "x position",
            CsvField::Y => "y position",
            CsvField::Color => "colour (#rrggbb)",
            CsvField::Size => "size (radius)",
            CsvField::Shape => "shape",
            CsvField::Width => "line width",
            CsvField::Attribute => "attribute",
            CsvField::Ignore => "leave out",
        }
    }

    /// The header the importer reads it under.
    fn header(self) -> Option<&'static str> {
        Some(match self {
            CsvField::Id => "id",
            CsvField::Label => "label",
            CsvField::Kind => "kind",
            CsvField::Source => "source",
            CsvField::Target => "target",
            CsvField::Weight => "weight",
            CsvField::Date => "date",
            CsvField::Start => "start",
            CsvField::End => "end",
            CsvField::Direction => "type",
            CsvField::X => "x",
            CsvField::Y => "y",
            CsvField::Color => "color",
            CsvField::Size => "size",
            CsvField::Shape => "shape",
            CsvField::Width => "width",
            CsvField::Attribute | CsvField::Ignore => return None,
        })
    }

    /// What a column of this name is, by the importer's own rules.
    pub fn guess(header: &str) -> Self {
        match header.trim().to_lowercase().as_str() {
            "id" => CsvField::Id,
            "label" | "name" | "title" => CsvField::Label,
            "kind" | "category" => CsvField::Kind,
            "source" | "from" => CsvField::Source,
            "target" | "to" => CsvField::Target,
            "weight" => CsvField::Weight,
            "date" | "timestamp" | "time" => CsvField::Date,
            "start" => CsvField::Start,
            "end" => CsvField::End,
            "type" => CsvField::Direction,
            "x" => CsvField::X,
            "y" => CsvField::Y,
            "color" | "colour" => CsvField::Color,
            "size" => CsvField::Size,
            "shape" => CsvField::Shape,
            "width" | "thickness" => CsvField::Width,
            _ => CsvField::Attribute,
        }
    }
}

/// The first rows of a table and what each column looks like it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPreview {
    /// Column names.
    pub headers: Vec<String>,
    /// The first rows.
    pub rows: Vec<Vec<String>>,
    /// Each column's guessed field.
    pub fields: Vec<CsvField>,
    /// How many rows the table has.
    pub row_count: usize,
}

/// The header, the first `max_rows` rows and the guessed fields.
///
/// # Errors
/// As [`read_table`].
pub fn preview(text: &str, max_rows: usize) -> Result<CsvPreview, (usize, String)> {
    let table = read_table(text)?;
    Ok(CsvPreview {
        fields: table.headers.iter().map(|h| CsvField::guess(h)).collect(),
        rows: table.rows.iter().take(max_rows).map(|(_, row)| row.clone()).collect(),
        row_count: table.rows.len(),
        headers: table.headers,
    })
}

/// Whether a mapping can be imported: an id (a table of actors) or a source and a target (a table
/// of cooperations), and no field twice.
///
/// # Errors
/// What is wrong, for the person who mapped the columns.
pub fn check_mapping(fields: &[CsvField]) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for field in fields.iter().filter(|f| f.header().is_some()) {
        if !seen.insert(*field) {
            return Err(format!("two columns are mapped to {}; choose one", field.label()));
        }
    }
    let has = |f: CsvField| fields.contains(&f);
    if !(has(CsvField::Id) || has(CsvField::Source) && has(CsvField::Target)) {
        return Err("map a column to id (a table of actors) or columns to source and target (a table of cooperations)"
            .to_owned());
    }
    Ok(())
}

impl Table {
    /// Renames the columns to what `fields` says they are and drops the ignored ones. A column
    /// kept as an attribute whose name the importer would read as a field is kept under
    /// `attribute:NAME`, which becomes the attribute NAME.
    ///
    /// # Errors
    /// When the mapping names neither an id (a node table) nor a source and a target (an edge
    /// table), or names one field twice.
    pub fn map_columns(&mut self, fields: &[CsvField]) -> Result<(), String> {
        check_mapping(fields)?;
        let keep: Vec<usize> = (0..self.headers.len()).filter(|&k| fields.get(k) != Some(&CsvField::Ignore)).collect();
        let headers = keep
            .iter()
            .filter_map(|&k| {
                let header = self.headers.get(k)?;
                Some(match fields.get(k).and_then(|f| f.header()) {
                    Some(name) => name.to_owned(),
                    None if CsvField::guess(header) != CsvField::Attribute => format!("attribute:{header}"),
                    None => header.clone(),
                })
            })
            .collect();
        for (_, row) in &mut self.rows {
            *row = keep.iter().map(|&k| row.get(k).cloned().unwrap_or_default()).collect();
        }
        self.headers = headers;
        Ok(())
    }
}

/// Cell `i` of a row, trimmed, if not empty.
fn cell(row: &[String], i: Option<usize>) -> Option<String> {
    i.and_then(|i| row.get(i)).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A row's actor look from its colour, size and shape cells.
fn node_look(row: &[String], [color, size, shape]: [Option<usize>; 3]) -> Result<ActorStyle, String> {
    Ok(ActorStyle {
        color: cell(row, color).map(|c| style::hex_color(&c)).transpose()?,
        size: cell(row, size).map(|s| style::measure("size", &s)).transpose()?,
        shape: cell(row, shape).map(|s| style::shape_name(&s)).transpose()?,
    })
}

/// Adds a node table's rows to `records`. Rows without an id are skipped; a repeated id updates
/// the first row's node.
///
/// # Errors
/// (byte offset, message) for a colour, size or shape that is not one, naming its row.
pub fn add_nodes(table: &Table, records: &mut Records) -> Result<(), (usize, String)> {
    let id = table.column(&["id"]);
    let label = table.column(&["label", "name", "title"]);
    let (x, y) = (table.column(&["x"]), table.column(&["y"]));
    let looks = [table.column(&["color", "colour"]), table.column(&["size"]), table.column(&["shape"])];
    let [color, size, shape] = looks;
    let taken: Vec<Option<usize>> = vec![id, label, x, y, color, size, shape];
    let mut index: HashMap<String, usize> = records.nodes.iter().enumerate().map(|(k, n)| (n.id.clone(), k)).collect();
    let (mut skipped, mut merged) = (0usize, 0usize);
    for (k, (offset, row)) in table.rows.iter().enumerate() {
        let Some(node_id) = cell(row, id) else {
            skipped += 1;
            continue;
        };
        let look = node_look(row, looks).map_err(|message| (*offset, format!("row {}: {message}", k + 1)))?;
        let attributes = table.other_cells(row, &taken);
        let coordinate = |i| cell(row, i).and_then(|v| v.parse::<f32>().ok());
        // Taken as written, like GraphML's x and y (and as kgx writes them).
        let position = coordinate(x).zip(coordinate(y)).map(|(x, y)| [x, y]);
        match index.get(&node_id) {
            Some(&k) => {
                merged += 1;
                if let Some(node) = records.nodes.get_mut(k) {
                    if let Some(label) = cell(row, label) {
                        node.label = Some(label);
                    }
                    for (key, value) in attributes {
                        match node.attributes.iter_mut().find(|(k, _)| *k == key) {
                            Some(slot) => slot.1 = value,
                            None => node.attributes.push((key, value)),
                        }
                    }
                    node.position = position.or(node.position);
                    node.style.color = look.color.or(node.style.color);
                    node.style.size = look.size.or(node.style.size);
                    node.style.shape = look.shape.or(node.style.shape);
                }
            }
            None => {
                index.insert(node_id.clone(), records.nodes.len());
                records.nodes.push(NodeRecord {
                    id: node_id,
                    label: cell(row, label),
                    attributes,
                    position,
                    style: look,
                    offset: *offset,
                });
            }
        }
    }
    if skipped > 0 {
        records.notes.push(format!("{skipped} node rows without an id were skipped"));
    }
    if merged > 0 {
        records.notes.push(format!("{merged} node rows repeating an id were merged into the first"));
    }
    Ok(())
}

/// Adds an edge table's rows to `records`. With `implied` true, nodes the edges name but no node
/// table declares are added (an edge list alone); otherwise such an edge is an error.
///
/// # Errors
/// (byte offset, message) for an edge naming an undeclared node when nodes are not implied, or a
/// row without a source or target.
pub fn add_edges(table: &Table, records: &mut Records, implied: bool) -> Result<(), (usize, String)> {
    let source = table.column(&["source", "from"]);
    let target = table.column(&["target", "to"]);
    let id = table.column(&["id"]);
    let weight = table.column(&["weight"]);
    let label = table.column(&["label"]);
    let kind_or_direction = table.column(&["type"]);
    let date = table.column(&["date", "timestamp", "time"]);
    let (start, end) = (table.column(&["start"]), table.column(&["end"]));
    let (color, width) = (table.column(&["color", "colour"]), table.column(&["width", "thickness"]));
    let taken: Vec<Option<usize>> =
        vec![source, target, id, weight, label, kind_or_direction, date, start, end, color, width];
    let mut known: std::collections::HashSet<String> = records.nodes.iter().map(|n| n.id.clone()).collect();
    let mut blank = 0usize;
    for (k, (offset, row)) in table.rows.iter().enumerate() {
        let (Some(from), Some(to)) = (cell(row, source), cell(row, target)) else {
            if row.iter().all(|c| c.trim().is_empty()) {
                blank += 1;
                continue;
            }
            return Err((*offset, format!("row {} has no source or no target", k + 1)));
        };
        for end in [&from, &to] {
            if !known.contains(end) {
                if !implied {
                    return Err((
                        *offset,
                        format!("row {} names the node \"{end}\", which the node table does not declare", k + 1),
                    ));
                }
                known.insert(end.clone());
                records.nodes.push(NodeRecord { id: end.clone(), offset: *offset, ..NodeRecord::default() });
            }
        }
        let look = (|| -> Result<CooperationStyle, String> {
            Ok(CooperationStyle {
                color: cell(row, color).map(|c| style::hex_color(&c)).transpose()?,
                width: cell(row, width).map(|w| style::measure("width", &w)).transpose()?,
            })
        })()
        .map_err(|message| (*offset, format!("row {}: {message}", k + 1)))?;
        let mut attributes = table.other_cells(row, &taken);
        let mut directed = true;
        match cell(row, kind_or_direction) {
            Some(t) if t.eq_ignore_ascii_case("undirected") => directed = false,
            Some(t) if t.eq_ignore_ascii_case("directed") => {}
            Some(t) => attributes.push(("type".to_owned(), t)),
            None => {}
        }
        let span = match (cell(row, date), cell(row, start), cell(row, end)) {
            (Some(d), _, _) => Some(d),
            (None, Some(s), Some(e)) => Some(format!("{s}/{e}")),
            (None, Some(s), None) => Some(s),
            _ => None,
        };
        let date = span.as_deref().and_then(|s| s.parse::<DateSpan>().ok());
        if let (Some(text), None) = (span, date) {
            attributes.push(("date".to_owned(), text));
        }
        records.edges.push(EdgeRecord {
            id: cell(row, id),
            source: from,
            target: to,
            directed,
            weight: cell(row, weight),
            label: cell(row, label),
            date,
            attributes,
            style: look,
            offset: *offset,
        });
    }
    if blank > 0 {
        records.notes.push(format!("{blank} empty rows were skipped"));
    }
    Ok(())
}
