//! Layout → Circular, Hierarchical, Geographic, Grid, ForceAtlas2 settings: the Layouts window's
//! form (which layout, with its options) and a layout beyond force computed on a worker thread,
//! with progress and Cancel, whose result the app applies as one undoable step.

use std::sync::Arc;

use crate::analysis::progress::Progress;
use crate::layout::algorithms::{
    Algorithm, ArrangeError, Arrangement, CircularOptions, CircularOrder, GeographicOptions, GridGrouping, GridOptions,
    HierarchicalOptions, Report, arrange,
};
use crate::model::{ForceSettings, KnowledgeGraph};
use crate::state::job::{Job, Polled};

/// Which layout the window runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LayoutChoice {
    /// Actors on a circle, in an order.
    #[default]
    Circular,
    /// Layers along the direction of cooperations.
    Hierarchical,
    /// A map from latitude and longitude.
    Geographic,
    /// A block per kind or community.
    Grid,
    /// ForceAtlas2 with the document's settings.
    Force,
}

impl LayoutChoice {
    /// Every choice, in the order of the Layout menu.
    pub const ALL: [LayoutChoice; 5] = [
        LayoutChoice::Circular,
        LayoutChoice::Hierarchical,
        LayoutChoice::Geographic,
        LayoutChoice::Grid,
        LayoutChoice::Force,
    ];

    /// Its name in the menu and the window.
    pub fn name(self) -> &'static str {
        match self {
            LayoutChoice::Circular => "Circular",
            LayoutChoice::Hierarchical => "Hierarchical",
            LayoutChoice::Geographic => "Geographic",
            LayoutChoice::Grid => "Grid",
            LayoutChoice::Force => "ForceAtlas2",
        }
    }

    /// What it does, in a sentence (menu hover text).
    pub fn hint(self) -> &'static str {
        match self {
            LayoutChoice::Circular => "Actors on a circle, by kind, community or an attribute",
            LayoutChoice::Hierarchical => {
                "Layers from top to bottom along the cooperations' direction (donor to recipient)"
            }
            LayoutChoice::Geographic => "A map from latitude and longitude attributes, north up",
            LayoutChoice::Grid => "A block of rows and columns per kind or per community",
            LayoutChoice::Force => {
                "The force layout's settings (scaling, gravity, LinLog, overlap), saved with the graph"
            }
        }
    }
}

/// What the circular layout orders by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OrderBy {
    /// Kind, in the legend's order.
    #[default]
    Kind,
    /// Community, largest first.
    Community,
    /// The value of the attribute the form names.
    Attribute,
}

/// The Layouts window's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArrangeForm {
    /// The layout chosen.
    pub choice: LayoutChoice,
    /// Circular: the order.
    pub order: OrderBy,
    /// Circular by attribute: the attribute's name.
    pub order_attribute: String,
    /// Geographic: the latitude attribute; empty detects it (latitude, lat).
    pub latitude: String,
    /// Geographic: the longitude attribute; empty detects it (longitude, lon, lng, long).
    pub longitude: String,
    /// Grid: what makes a block.
    pub grid: GridGrouping,
    /// ForceAtlas2: the settings being edited (saved with Save settings).
    pub force: ForceSettings,
    /// The last problem, shown in the window.
    pub error: Option<String>,
    /// The graph's attribute names (sorted), and the revision they were read at.
    attributes: (u64, Arc<Vec<String>>),
}

impl ArrangeForm {
    /// A form on `choice`, with the force settings the document has.
    pub fn new(choice: LayoutChoice, force: ForceSettings) -> Self {
        Self { choice, force, ..Self::default() }
    }

    /// The attribute names actors of `graph` carry, sorted; read again only when `revision`
    /// changed. O(n · attributes) then.
    pub fn attribute_names(&mut self, graph: &KnowledgeGraph, revision: u64) -> Arc<Vec<String>> {
        if self.attributes.0 != revision || self.attributes.1.is_empty() {
            let mut names: Vec<String> =
                graph.actors().flat_map(|a| a.attributes.iter().map(|x| x.key.clone())).collect();
            names.sort_unstable();
            names.dedup();
            self.attributes = (revision, Arc::new(names));
        }
        Arc::clone(&self.attributes.1)
    }

    /// The layout beyond force the form describes, and the name of its undo step; `None` for
    /// ForceAtlas2.
    ///
    /// # Errors
    /// Circular by attribute without an attribute named.
    pub fn algorithm(&self) -> Result<Option<(Algorithm, String)>, String> {
        let chosen = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(Some(match self.choice {
            LayoutChoice::Circular => {
                let (order, by) = match self.order {
                    OrderBy::Kind => (CircularOrder::Kind, "kind".to_owned()),
                    OrderBy::Community => (CircularOrder::Community, "community".to_owned()),
                    OrderBy::Attribute => {
                        let name = chosen(&self.order_attribute).ok_or("Choose the attribute to order by")?;
                        (CircularOrder::Attribute(name.clone()), format!("\"{name}\""))
                    }
                };
                (
                    Algorithm::Circular(CircularOptions { order, ..CircularOptions::default() }),
                    format!("circular layout by {by}"),
                )
            }
            LayoutChoice::Hierarchical => {
                (Algorithm::Hierarchical(HierarchicalOptions::default()), "hierarchical layout".to_owned())
            }
            LayoutChoice::Geographic => (
                Algorithm::Geographic(GeographicOptions {
                    latitude: chosen(&self.latitude),
                    longitude: chosen(&self.longitude),
                    ..GeographicOptions::default()
                }),
                "geographic layout".to_owned(),
            ),
            LayoutChoice::Grid => {
                let by = match self.grid {
                    GridGrouping::Kind => "kind",
                    GridGrouping::Community => "community",
                };
                (
                    Algorithm::Grid(GridOptions { grouping: self.grid, ..GridOptions::default() }),
                    format!("grid layout by {by}"),
                )
            }
            LayoutChoice::Force => return Ok(None),
        }))
    }
}

/// A layout beyond force being computed on a worker thread.
#[derive(Debug)]
pub struct ArrangeJob {
    /// The undo step's name ("hierarchical layout").
    pub description: String,
    /// The graph's structure version it started from: a result for another structure is
    /// dropped.
    pub structure: u64,
    job: Job<Result<Arrangement, ArrangeError>>,
}

impl ArrangeJob {
    /// Starts `algorithm` on `graph` (shared with the document, not copied; the window keeps
    /// working meanwhile, and an edit then copies the graph for itself).
    pub fn start(graph: Arc<KnowledgeGraph>, algorithm: Algorithm, description: String) -> Self {
        let structure = graph.structure_version();
        let job = Job::start(description.clone(), move |progress| arrange(&graph, &algorithm, progress));
        Self { description, structure, job }
    }

    /// How far it got; cancels it.
    pub fn progress(&self) -> &Progress {
        self.job.progress()
    }

    /// The result once it is there.
    pub fn poll(&self) -> Option<Result<Arrangement, ArrangeError>> {
        match self.job.poll() {
            Polled::Done(result) => Some(result),
            Polled::Running => None,
            Polled::Lost => Some(Err(ArrangeError::Cancelled)),
        }
    }
}

/// What a finished layout has to say, in a sentence for the status line.
pub fn report_text(report: &Report) -> String {
    match report {
        Report::Circular(r) if r.circles > 1 => format!("{} concentric circles", r.circles),
        Report::Circular(_) => "one circle".to_owned(),
        Report::Hierarchical(r) => format!(
            "{} layers, {} cooperation{} turned to break cycles, crossings from {} to {}",
            r.layers,
            r.reversed.len(),
            if r.reversed.len() == 1 { "" } else { "s" },
            r.crossings_before,
            r.crossings_after
        ),
        Report::Geographic(r) => {
            let mut text = format!("{} placed by their coordinates", crate::words::actors(r.located));
            let elsewhere = r.beside_neighbours + r.below_map;
            if elsewhere > 0 {
                text.push_str(&format!(", {elsewhere} without them placed beside neighbours or below the map"));
            }
            if let Some(first) = r.problems.first() {
                text.push_str(&format!("; {} unreadable, e.g. {first}", r.problems.len()));
            }
            text
        }
        Report::Grid(r) => format!("{} blocks", r.groups.len()),
    }
}
