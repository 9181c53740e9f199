//! Exports for other tools: GraphML (Gephi, yEd, networkx), GEXF (Gephi) and node-link JSON
//! (networkx, d3).

mod csv;
mod fields;
mod gexf;
mod graphml;
mod node_link;

pub use csv::to_csv_tables;
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use node_link::to_node_link_json;

/// The export formats `kgx export` offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// GraphML with a `<key>` declaration for every attribute.
    GraphMl,
    /// Node-link JSON as networkx's `node_link_graph` reads it.
    NodeLinkJson,
    /// GEXF 1.3 for Gephi, with positions, sizes, colours and dates as spells.
    Gexf,
}

/// Renders the graph in the given format.
pub fn export(graph: &crate::model::KnowledgeGraph, format: ExportFormat) -> String {
    match format {
        ExportFormat::GraphMl => to_graphml(graph),
        ExportFormat::NodeLinkJson => to_node_link_json(graph),
        ExportFormat::Gexf => to_gexf(graph),
    }
}
