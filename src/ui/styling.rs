//! [`Styling`]: what each actor and cooperation looks like given the filters, focus, paths and
//! metric mappings. Rebuilt when any of those changes, not every frame.

use egui::Color32;

use super::paint::{ViewOptions, flag};
use crate::analysis::filter::{Visibility, visibility};
use crate::analysis::metrics::{Metric, Metrics};
use crate::analysis::network::Network;
use crate::analysis::paths::ego_network;
use crate::layout::node_radius;
use crate::state::document::Document;
use crate::state::explore::Explore;

/// How a metric is shown in the legend.
#[derive(Clone, Debug, PartialEq)]
pub enum MetricLegend {
    /// A colour ramp from `min` to `max`.
    Ramp {
        /// The metric.
        metric: Metric,
        /// Smallest value.
        min: f64,
        /// Largest value.
        max: f64,
    },
    /// One colour per category, with its size, largest first (at most 12 listed).
    Categories {
        /// The metric.
        metric: Metric,
        /// (category, colour, count).
        categories: Vec<(u32, Color32, usize)>,
    },
}

/// Per-node and per-edge looks.
#[derive(Clone, Debug, Default)]
pub struct Styling {
    /// Flags by engine node: VISIBLE, FADED, ON_PATH.
    pub node_flags: Vec<u8>,
    /// Flags by scene edge: VISIBLE, FADED, ON_PATH.
    pub edge_flags: Vec<u8>,
    /// World radius by engine node.
    pub radii: Vec<f32>,
    /// Colours by engine node when coloured by a metric.
    pub colors: Option<Vec<Color32>>,
    /// What passes the filters, by storage index.
    pub visibility: Visibility,
    /// Legend of the colour metric.
    pub legend: Option<MetricLegend>,
    /// Engine nodes from most to least important: by the drawn size (degree, or the metric
    /// mapped to size), then degree. Labels are placed in this order.
    pub label_order: Vec<u32>,
    /// Differs between every two builds, so what is drawn from these looks (a raster picture)
    /// knows when to be drawn again.
    pub generation: u64,
}

/// Twelve well-separated colours for categories.
const PALETTE: [Color32; 12] = [
    Color32::from_rgb(0x4E, 0x79, 0xA7),
    Color32::from_rgb(0xF2, 0x8E, 0x2B),
    Color32::from_rgb(0xE1, 0x57, 0x59),
    Color32::from_rgb(0x76, 0xB7, 0xB2),
    Color32::from_rgb(0x59, 0xA1, 0x4F),
    Color32::from_rgb(0xED, 0xC9, 0x48),
    Color32::from_rgb(0xB0, 0x7A, 0xA1),
    Color32::from_rgb(0xFF, 0x9D, 0xA7),
    Color32::from_rgb(0x9C, 0x75, 0x5F),
    Color32::from_rgb(0xBA, 0xB0, 0xAC),
    Color32::from_rgb(0x86, 0xBC, 0xB6),
    Color32::from_rgb(0xD3, 0x72, 0x95),
];

/// A colour on a dark-blue → yellow → red ramp for `t` in 0–1.
pub fn ramp(t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let stops = [(0x2C, 0x5A, 0xA0), (0xF2, 0xD0, 0x4A), (0xE0, 0x3A, 0x3A)];
    let (a, b, u) = if t < 0.5 { (stops[0], stops[1], t * 2.0) } else { (stops[1], stops[2], (t - 0.5) * 2.0) };
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * u) as u8;
    Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

impl Styling {
    /// Computes the looks of `doc` under the exploration state. O(n + m).
    pub fn build(doc: &Document, explore: &Explore, options: &ViewOptions) -> Self {
        let graph = &doc.graph;
        let scene = &doc.scene;
        let focus = explore.ego.as_ref().and_then(|ego| {
            let net = Network::new(graph);
            let centre = graph.node_index(&ego.centre).and_then(|n| net.dense(n))?;
            let mut mask = vec![false; petgraph::visit::NodeIndexable::node_bound(graph.petgraph())];
            let mut include = |i: usize| {
                if let Some(slot) = mask.get_mut(net.nodes[i].index()) {
                    *slot = true;
                }
            };
            for (i, d) in ego_network(&net, centre, ego.depth).iter().enumerate() {
                if d.is_some() {
                    include(i);
                }
            }
            for id in &ego.expanded {
                if let Some(i) = graph.node_index(id).and_then(|n| net.dense(n)) {
                    include(i);
                    for &j in net.neighbours(i) {
                        include(j as usize);
                    }
                }
            }
            Some(mask)
        });
        let visibility = visibility(graph, &explore.effective_filter(), focus.as_deref());
        let hidden = if explore.fade { flag::FADED } else { 0 };
        let mut node_flags: Vec<u8> = scene
            .nodes
            .iter()
            .map(|n| if visibility.actor(n.index.index()) { flag::VISIBLE } else { hidden })
            .collect();
        let mut edge_flags: Vec<u8> = scene
            .edges
            .iter()
            .map(|e| if visibility.cooperation(e.index.index()) { flag::VISIBLE } else { hidden })
            .collect();
        for path in &explore.path.found {
            for node in &path.nodes {
                if let Some(i) = doc.layout.engine_node(*node) {
                    node_flags[i] |= flag::ON_PATH | flag::VISIBLE;
                }
            }
            for edge in &path.edges {
                if let Some(e) = scene.scene_edge(*edge) {
                    edge_flags[e] |= flag::ON_PATH | flag::VISIBLE;
                }
            }
        }
        let metrics = explore.metrics.current();
        let radii = match (explore.metrics.size_by, metrics) {
            (Some(metric), Some(m)) if !metric.is_categorical() => sized_by(doc, m, metric),
            // An actor's own size (from Gephi, yEd, the inspector) wins over the size rule.
            _ => scene
                .nodes
                .iter()
                .map(|n| {
                    n.size.unwrap_or_else(|| node_radius(if options.size_by_degree { n.degree as usize } else { 0 }))
                })
                .collect(),
        };
        let (colors, legend) = match (explore.metrics.color_by, metrics) {
            (Some(metric), Some(m)) => {
                let (colors, legend) = colored_by(doc, m, metric);
                (Some(colors), Some(legend))
            }
            _ => (None, None),
        };
        let mut label_order: Vec<u32> = (0..scene.nodes.len() as u32).collect();
        let radius = |i: u32| radii.get(i as usize).copied().unwrap_or(0.0);
        let degree = |i: u32| scene.nodes.get(i as usize).map_or(0, |n| n.degree);
        label_order.sort_by(|&a, &b| radius(b).total_cmp(&radius(a)).then(degree(b).cmp(&degree(a))));
        static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let generation = GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self { node_flags, edge_flags, radii, colors, visibility, legend, label_order, generation }
    }
}

/// The metric value of engine node `i`, if the metrics cover it.
fn value_of(doc: &Document, metrics: &Metrics, metric: Metric, i: usize) -> Option<f64> {
    let node = doc.scene.nodes.get(i)?.index;
    metrics.network.dense(node).map(|d| metrics.value(metric, d))
}

fn sized_by(doc: &Document, metrics: &Metrics, metric: Metric) -> Vec<f32> {
    let n = doc.scene.nodes.len();
    let values: Vec<f64> = (0..n).map(|i| value_of(doc, metrics, metric, i).unwrap_or(0.0)).collect();
    let max = values.iter().copied().fold(0.0f64, f64::max);
    values
        .iter()
        .map(|v| {
            let t = if max > 0.0 { (v / max).sqrt() as f32 } else { 0.0 };
            node_radius(0) * (1.0 + 3.0 * t)
        })
        .collect()
}

fn colored_by(doc: &Document, metrics: &Metrics, metric: Metric) -> (Vec<Color32>, MetricLegend) {
    let n = doc.scene.nodes.len();
    let values: Vec<Option<f64>> = (0..n).map(|i| value_of(doc, metrics, metric, i)).collect();
    if metric.is_categorical() {
        // Colour the largest categories apart; the rest share grey.
        let mut counts: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        for v in values.iter().flatten() {
            *counts.entry(*v as u32).or_default() += 1;
        }
        let mut ranked: Vec<(u32, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let rank_of: std::collections::HashMap<u32, usize> =
            ranked.iter().enumerate().map(|(r, (c, _))| (*c, r)).collect();
        let color = |c: u32| match rank_of.get(&c) {
            Some(&r) if r < PALETTE.len() => PALETTE[r],
            _ => Color32::from_gray(110),
        };
        let colors = values.iter().map(|v| v.map_or(Color32::from_gray(110), |v| color(v as u32))).collect();
        let categories = ranked.iter().take(PALETTE.len()).map(|&(c, count)| (c, color(c), count)).collect();
        (colors, MetricLegend::Categories { metric, categories })
    } else {
        let known: Vec<f64> = values.iter().flatten().copied().collect();
        let min = known.iter().copied().fold(f64::INFINITY, f64::min);
        let max = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let span = if max > min { max - min } else { 1.0 };
        let colors = values
            .iter()
            .map(|v| v.map_or(Color32::from_gray(110), |v| ramp(((v - min) / span).sqrt() as f32)))
            .collect();
        (
            colors,
            MetricLegend::Ramp {
                metric,
                min: if min.is_finite() { min } else { 0.0 },
                max: if max.is_finite() { max } else { 0.0 },
            },
        )
    }
}
