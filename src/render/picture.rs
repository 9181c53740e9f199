//! [`Picture`]: where everything goes in a picture — nodes, lines, labels — in picture pixels,
//! decided by the shared drawing rules. The SVG writer only writes it down.

use crate::draw::edges::{Lane, control_point, lanes, loop_circle};
use crate::draw::labels::{Candidate, Placed, Priority, place_labels};
use crate::draw::looks::{edge_color, edge_strength, importance_order, line_scale, node_size};
use crate::layout::fit::{Viewport, fit};
use crate::layout::{GraphLayout, LABEL_ROOM_LIMIT, LAYOUT_SEED, LabelRoom, LayoutParams, LayoutState};
use crate::model::{ActorId, Kind, KnowledgeGraph, NodeShape, Rgb};

use super::RenderOptions;

/// Label font size in picture pixels.
pub const LABEL_SIZE: f32 = 12.0;
/// Room kept free around the drawing, in picture pixels.
pub const MARGIN: f32 = 30.0;
/// Width of the legend column.
pub const LEGEND_WIDTH: f32 = 220.0;
/// The largest node radius, in picture pixels, that fitting may zoom to (as the canvas's Fit).
const MAX_FIT_RADIUS: f32 = 40.0;
/// Smallest radius a node is drawn with, so every actor stays visible.
const MIN_RADIUS: f32 = 1.5;

/// One actor in the picture.
#[derive(Clone, Debug)]
pub struct Node {
    /// Its id.
    pub id: ActorId,
    /// Its label.
    pub label: String,
    /// Centre in picture pixels.
    pub at: [f32; 2],
    /// Radius in picture pixels.
    pub radius: f32,
    /// Fill.
    pub fill: Rgb,
    /// Outline.
    pub shape: NodeShape,
}

/// How one line is drawn.
#[derive(Clone, Debug)]
pub enum Stroke {
    /// A straight line or a quadratic curve from `from` through `control` to `to` (the arrow
    /// tip, at the target's rim, for directed ones).
    Line {
        /// Start.
        from: [f32; 2],
        /// Control point (the midpoint for straight lines).
        control: [f32; 2],
        /// End.
        to: [f32; 2],
    },
    /// A loop: a circle above its node.
    Loop {
        /// Centre of the circle.
        centre: [f32; 2],
        /// Its radius.
        radius: f32,
    },
}

/// One cooperation line (or bundle) in the picture.
#[derive(Clone, Debug)]
pub struct Line {
    /// Where it runs.
    pub stroke: Stroke,
    /// Colour.
    pub color: Rgb,
    /// Width in picture pixels.
    pub width: f32,
    /// Draw an arrowhead at the end.
    pub arrow: bool,
    /// How many cooperations it stands for (more than one: a bundle, labelled with the count).
    pub count: u32,
    /// The tooltip: kind and label.
    pub title: String,
}

/// Everything a picture shows, in picture pixels.
#[derive(Clone, Debug, Default)]
pub struct Picture {
    /// Actors, in id order.
    pub nodes: Vec<Node>,
    /// Cooperation lines, in id order.
    pub lines: Vec<Line>,
    /// Labels placed: which node (index into `nodes`), where, on which side.
    pub labels: Vec<Placed>,
    /// The area the graph is drawn in (min x, min y, max x, max y).
    pub area: [f32; 4],
    /// Pixels per layout unit.
    pub zoom: f32,
}

/// A label's size in picture pixels, estimated from its characters (wide CJK ones count double).
pub fn label_size(text: &str) -> [f32; 2] {
    let width = text.chars().map(|c| if (c as u32) >= 0x2E80 { LABEL_SIZE } else { LABEL_SIZE * 0.56 }).sum::<f32>();
    [width + 6.0, LABEL_SIZE + 4.0]
}

impl Picture {
    /// Lays `graph` out where it needs it and decides where everything goes. O(n log n + m).
    pub fn of(graph: &KnowledgeGraph, options: &RenderOptions) -> Self {
        let mut layout = GraphLayout::new(graph, LayoutParams::default(), LAYOUT_SEED);
        let count = layout.engine().node_count();
        let actors: Vec<Option<&crate::model::Actor>> =
            (0..count).map(|i| layout.node_index(i).and_then(|n| graph.actor_at(n))).collect();
        let actor = |i: usize| actors.get(i).copied().flatten();
        let degrees: Vec<u32> =
            (0..count).map(|i| actor(i).map_or(0, |a| graph.cooperations_of(a.id()).len() as u32)).collect();
        let looks = crate::draw::mapping::MappedLooks::of(graph);
        let radii: Vec<f32> = (0..count)
            .map(|i| actor(i).map_or(1.0, |a| looks.size(a).unwrap_or_else(|| node_size(a, degrees[i] as usize, true))))
            .collect();
        let labels: Vec<[f32; 2]> = (0..count).map(|i| label_size(actor(i).map_or("", |a| a.label.as_str()))).collect();
        let top = if options.title && !graph.metadata.title.is_empty() { 44.0 } else { 16.0 };
        let legend = if options.legend { LEGEND_WIDTH } else { 0.0 };
        let area = [0.0, top, (options.width - legend).max(50.0), options.height.max(50.0)];
        let viewport =
            Viewport { size: [area[2] - area[0], area[3] - area[1]], margin: MARGIN, max_radius: MAX_FIT_RADIUS };
        {
            let engine = layout.engine_mut();
            engine.set_radii(&radii);
            if options.layout {
                engine.reheat();
            }
            if engine.state() == LayoutState::Running {
                // As in the window: a run over the whole graph makes room for every label at the
                // picture's size as it ends (small graphs); a kept picture is never moved for it.
                if count <= LABEL_ROOM_LIMIT && options.view.is_none() {
                    engine.set_label_room(Some(LabelRoom { sizes: labels.clone(), viewport }));
                }
                engine.run_until_settled();
            }
        }
        let engine = layout.engine();
        let (zoom, centre) = match options
            .view
            .filter(|v| v.iter().all(|c| c.is_finite()) && v[2] > v[0] && v[3] > v[1])
        {
            Some([x0, y0, x1, y1]) => {
                let room = [viewport.size[0] - 2.0 * MARGIN, viewport.size[1] - 2.0 * MARGIN];
                ((room[0] / (x1 - x0)).min(room[1] / (y1 - y0)), [(x0 + x1) / 2.0, (y0 + y1) / 2.0])
            }
            None => fit(engine.xs(), engine.ys(), &radii, Some(&labels), viewport, |_| true).unwrap_or((1.0, [0.0; 2])),
        };
        let middle = [(area[0] + area[2]) / 2.0, (area[1] + area[3]) / 2.0];
        let screen = |[x, y]: [f32; 2]| [middle[0] + (x - centre[0]) * zoom, middle[1] + (y - centre[1]) * zoom];

        // Nodes in id order (the file's order), so pictures of one graph diff well.
        let mut order: Vec<usize> = (0..count).collect();
        order.sort_by(|&a, &b| actor(a).map(|x| x.id()).cmp(&actor(b).map(|x| x.id())));
        let mut slot = vec![usize::MAX; count];
        let mut nodes = Vec::with_capacity(count);
        for &i in &order {
            let Some(a) = actor(i) else { continue };
            slot[i] = nodes.len();
            nodes.push(Node {
                id: a.id().clone(),
                label: a.label.clone(),
                at: screen(engine.position(i)),
                radius: (radii[i] * zoom).max(MIN_RADIUS),
                fill: looks.fill(a),
                shape: looks.shape(a),
            });
        }
        let lines = lines(graph, &layout, &slot, &nodes, zoom);

        let candidates: Vec<Candidate> = importance_order(&radii, &degrees)
            .into_iter()
            .filter_map(|i| {
                let node = nodes.get(*slot.get(i as usize)?)?;
                Some(Candidate {
                    node: slot[i as usize] as u32,
                    centre: node.at,
                    radius: node.radius,
                    size: labels[i as usize],
                    priority: Priority::Ranked,
                })
            })
            .collect();
        let discs: Vec<([f32; 2], f32, u32)> =
            nodes.iter().enumerate().map(|(k, n)| (n.at, n.radius, k as u32)).collect();
        let (labels, _) = place_labels(&candidates, &discs, area, None, usize::MAX);
        Self { nodes, lines, labels, area, zoom }
    }
}

/// The cooperation lines: lone ones straight, a few between one pair as curves, more as one
/// bundle, loops as circles; directed ones end at the target's rim with an arrowhead.
fn lines(graph: &KnowledgeGraph, layout: &GraphLayout, slot: &[usize], nodes: &[Node], zoom: f32) -> Vec<Line> {
    let cooperations = graph.cooperations_sorted();
    let node_of =
        |id: &ActorId| graph.node_index(id).and_then(|n| layout.engine_node(n)).and_then(|i| slot.get(i).copied());
    let ends: Vec<(u32, u32)> = cooperations
        .iter()
        .map(|c| (node_of(c.from).unwrap_or(usize::MAX) as u32, node_of(c.to).unwrap_or(usize::MAX) as u32))
        .collect();
    let lanes = lanes(&ends);
    let mut lines = Vec::new();
    for ((c, &(a, b)), lane) in cooperations.iter().zip(&ends).zip(lanes) {
        let (Some(from), Some(to)) = (nodes.get(a as usize), nodes.get(b as usize)) else { continue };
        if !lane.is_drawn() {
            continue;
        }
        let cooperation = c.cooperation;
        let sources = {
            let mut ids: Vec<&str> = cooperation.evidence().iter().map(|e| e.source.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len() as u32
        };
        let strength = edge_strength(cooperation.style.width, cooperation.weight as f32, sources, false);
        let width = line_scale(zoom) * strength * crate::draw::edges::bundle_width(lane.count());
        let title = if cooperation.label.is_empty() {
            cooperation.kind.label()
        } else {
            format!("{}: {}", cooperation.kind.label(), cooperation.label)
        };
        let stroke = if a == b {
            let (centre, radius) = loop_circle(
                from.at,
                from.radius,
                match lane {
                    Lane::Curve(k) => k,
                    _ => 0.0,
                },
            );
            Stroke::Loop { centre, radius }
        } else {
            let bend = match lane {
                Lane::Curve(k) => k,
                _ => 0.0,
            };
            let control = control_point(from.at, to.at, bend);
            // End at the target's rim, so an arrowhead is not hidden under the node.
            let (dx, dy) = (to.at[0] - control[0], to.at[1] - control[1]);
            let length = dx.hypot(dy).max(1e-3);
            let gap = if cooperation.directed { to.radius + 1.5 } else { 0.0 };
            Stroke::Line { from: from.at, control, to: [to.at[0] - dx / length * gap, to.at[1] - dy / length * gap] }
        };
        lines.push(Line {
            stroke,
            color: edge_color(cooperation),
            width,
            arrow: cooperation.directed && a != b,
            count: lane.count(),
            title,
        });
    }
    lines
}
