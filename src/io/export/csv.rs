//! CSV export: a node table and an edge table, as spreadsheets and Gephi's data laboratory read
//! them (and kgx imports them back). Every exported field is a column; direction is Gephi's
//! `type` column (Directed or Undirected); own looks are the columns `color`, `size` and `shape`
//! (nodes) and `color` and `width` (edges).

use super::fields::{FieldValue, actor_fields, actor_style_fields, cooperation_fields, cooperation_style_fields};
use crate::model::KnowledgeGraph;

/// One row: its leading cells (id, ends), then its named fields.
type Row = (Vec<String>, Vec<(String, FieldValue)>);

/// A table of rows of named fields: the header is every name in first-seen order, after the
/// leading columns.
fn table(leading: &[&str], rows: Vec<Row>) -> String {
    let mut header: Vec<String> = leading.iter().map(|s| (*s).to_owned()).collect();
    for (_, fields) in &rows {
        for (name, _) in fields {
            if !header.contains(name) {
                header.push(name.clone());
            }
        }
    }
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for (lead, fields) in rows {
        let mut record = lead;
        for name in header.iter().skip(leading.len()) {
            let value = fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_text(str::to_owned));
            record.push(value.unwrap_or_default());
        }
        let _ = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The graph as two CSV tables: nodes (`id`, `label`, …) and edges (`id`, `source`, `target`, …).
pub fn to_csv_tables(graph: &KnowledgeGraph) -> (String, String) {
    let nodes = graph
        .actors_sorted()
        .into_iter()
        .map(|a| {
            let mut fields: Vec<_> = actor_fields(a).into_iter().filter(|(n, _)| n != "label").collect();
            fields.extend(actor_style_fields(a));
            (vec![a.id().to_string(), a.label.clone()], fields)
        })
        .collect();
    let edges = graph
        .cooperations_sorted()
        .iter()
        .map(|c| {
            let direction = if c.cooperation.directed { "Directed" } else { "Undirected" };
            let lead = vec![c.cooperation.id().to_string(), c.from.to_string(), c.to.to_string(), direction.to_owned()];
            let mut fields = cooperation_fields(graph, c);
            fields.extend(cooperation_style_fields(c.cooperation));
            (lead, fields)
        })
        .collect();
    (table(&["id", "label"], nodes), table(&["id", "source", "target", "type"], edges))
}
