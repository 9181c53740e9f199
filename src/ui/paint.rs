//! Painting the graph on the canvas: edges, arrowheads, nodes and labels, culled to the viewport
//! and batched into one mesh per layer. What to draw and where follows the shared drawing rules
//! ([`crate::draw`]), as pictures do: labels by importance around their nodes, bundles, loops,
//! each element's own look, the theme's colours.

use egui::epaint::Mesh;
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use super::camera::Camera;
use super::mesh::{add_arrowhead, add_line, add_node, add_polyline, add_rect, add_ring};
use super::theme::{self, rgb, rgba};
use crate::draw::edges::{Lane, bundle_width, control_point, curve_at, loop_circle};
use crate::draw::labels::{Candidate, Occupied, Priority, place_labels};
use crate::draw::looks::{arrow_size, edge_strength, line_scale};
use crate::draw::{Palette, Theme};
use crate::model::{Kind, KnowledgeGraph};
use crate::state::scene::{Scene, SceneEdge};

/// Per-node display flags, rebuilt every frame from the selection and hover.
pub mod flag {
    /// Part of the selection.
    pub const SELECTED: u8 = 1;
    /// Under the pointer.
    pub const HOVERED: u8 = 2;
    /// A neighbour of the hovered node.
    pub const NEIGHBOUR: u8 = 4;
    /// Shown (passes the filters); for edges too.
    pub const VISIBLE: u8 = 8;
    /// Filtered out but drawn faint (the "fade" filter mode); for edges too.
    pub const FADED: u8 = 16;
    /// On a highlighted path; for edges too.
    pub const ON_PATH: u8 = 32;
}

/// What the user chose to see.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewOptions {
    /// Node size grows with degree; otherwise every node has the size of a degree-0 node.
    pub size_by_degree: bool,
    /// Draw actor labels.
    pub show_labels: bool,
    /// Line width grows with the number of distinct sources a cooperation cites.
    pub width_by_sources: bool,
    /// Who draws nodes and cooperations: the GPU or the CPU.
    pub draw_on: DrawOn,
    /// Dark or light canvas (remembered between runs).
    pub theme: Theme,
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            size_by_degree: true,
            show_labels: true,
            width_by_sources: false,
            draw_on: DrawOn::Auto,
            theme: Theme::Dark,
        }
    }
}

/// Who draws the nodes and cooperations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawOn {
    /// The GPU for graphs of [`GPU_FROM_ACTORS`] actors or more (where the renderer is wgpu on
    /// a hardware GPU), the CPU below, where its curved parallel lines and finer shapes cost
    /// nothing, and on software rasterisers, which would draw on the processor the layout needs.
    Auto,
    /// The GPU whenever the renderer is wgpu.
    Gpu,
    /// Always the CPU (egui meshes).
    Cpu,
}

/// Graphs with at least this many actors are drawn on the GPU in [`DrawOn::Auto`].
pub const GPU_FROM_ACTORS: usize = 5_000;

/// Everything one frame of the canvas needs to paint.
pub struct PaintInput<'a> {
    /// Labels and edge labels are read from here.
    pub graph: &'a KnowledgeGraph,
    /// Derived drawing data.
    pub scene: &'a Scene,
    /// Node x positions (layout units), by engine node.
    pub xs: &'a [f32],
    /// Node y positions.
    pub ys: &'a [f32],
    /// Node radii in layout units.
    pub radii: &'a [f32],
    /// Flags per engine node (see [`flag`]).
    pub flags: &'a [u8],
    /// Flags per scene edge ([`flag::VISIBLE`], [`flag::FADED`], [`flag::ON_PATH`]).
    pub edge_flags: &'a [u8],
    /// Node colours chosen by a metric, replacing kind colours, by engine node.
    pub colors: Option<&'a [Color32]>,
    /// Whether something is hovered (everything not related is dimmed).
    pub dimming: bool,
    /// Scene edge under the pointer or selected, drawn emphasised with its label.
    pub focus_edge: Option<usize>,
    /// The camera.
    pub camera: Camera,
    /// Screen rectangle of the canvas.
    pub viewport: Rect,
    /// View options.
    pub options: &'a ViewOptions,
    /// Engine nodes from most to least important (by the size in use), the order labels are
    /// placed in.
    pub label_order: &'a [u32],
    /// A screen area labels keep clear (where the tooltip shows).
    pub reserved: Option<Rect>,
    /// The theme's colours.
    pub palette: Palette,
}

/// Most labels placed per frame.
const MAX_LABELS: usize = 250;
/// Above this many visible edges, lines are drawn without anti-aliasing fringes.
const FEATHER_EDGE_LIMIT: usize = 20_000;
/// Above this many visible nodes, nodes are drawn without fringes.
const FEATHER_NODE_LIMIT: usize = 20_000;

impl PaintInput<'_> {
    /// Screen position of engine node `i`.
    pub fn screen(&self, i: usize) -> Pos2 {
        self.camera.to_screen(self.viewport, pos2(self.xs[i], self.ys[i]))
    }

    /// Screen radius of engine node `i`.
    pub fn screen_radius(&self, i: usize) -> f32 {
        self.radii[i] * self.camera.zoom
    }

    /// Whether engine node `i` is drawn at all (shown or faded).
    pub fn is_shown(&self, i: usize) -> bool {
        self.flags[i] & (flag::VISIBLE | flag::FADED) != 0
    }

    /// Whether scene edge `e` is drawn at all (shown or faded).
    pub fn edge_shown(&self, e: usize) -> bool {
        self.edge_flags[e] & (flag::VISIBLE | flag::FADED) != 0
    }

    fn faded(&self, i: usize) -> bool {
        self.flags[i] & flag::FADED != 0
    }

    fn highlighted(&self, i: usize) -> bool {
        self.flags[i] & (flag::HOVERED | flag::NEIGHBOUR) != 0
    }
}

/// The points of an edge on screen: a straight segment (alone or a bundle), a curve for a few
/// parallel cooperations, a loop for an actor's cooperation with itself. Returns false if it is
/// off screen or drawn by its bundle.
pub fn edge_points(input: &PaintInput<'_>, edge: &SceneEdge, points: &mut Vec<Pos2>) -> bool {
    points.clear();
    if !edge.lane.is_drawn() {
        return false;
    }
    let a = input.screen(edge.from as usize);
    let b = input.screen(edge.to as usize);
    let visible = input.viewport.expand(40.0);
    let bend = match edge.lane {
        Lane::Curve(k) => k,
        Lane::Bundle(_) | Lane::Bundled => 0.0,
    };
    if edge.from == edge.to {
        let (centre, r) = loop_circle([a.x, a.y], input.screen_radius(edge.from as usize), bend);
        let centre = pos2(centre[0], centre[1]);
        if !visible.contains(centre) {
            return false;
        }
        for k in 0..=16 {
            let angle = std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * k as f32 / 16.0;
            points.push(centre + vec2(angle.cos(), angle.sin()) * r);
        }
        return true;
    }
    if !visible.intersects(Rect::from_two_pos(a, b)) {
        return false;
    }
    if edge.lane.is_straight() {
        points.extend([a, b]);
    } else {
        let control = control_point([a.x, a.y], [b.x, b.y], bend);
        for k in 0..=12 {
            let [x, y] = curve_at([a.x, a.y], control, [b.x, b.y], k as f32 / 12.0);
            points.push(pos2(x, y));
        }
    }
    true
}

/// Paints the whole graph into `painter`. Costs O(n + m) per frame, with drawing limited to what
/// is on screen.
///
/// Returns what was written on the canvas: actor labels and cooperation tags.
/// With a [`Backdrop::Gpu`], the GPU draws the straight cooperations (first callback) and the
/// actors (second callback), and the CPU only what is left: loops and curved parallel
/// cooperations between the two, rings, pins and labels above. With a [`Backdrop::Raster`], a
/// picture drawn on a worker thread shows the graph, dimmed while something is hovered, and the
/// CPU draws only what is highlighted over it.
pub fn paint_graph(painter: &Painter, input: &PaintInput<'_>, backdrop: Backdrop<'_>) -> Drawn {
    painter.rect_filled(input.viewport, 0.0, rgb(input.palette.background));
    let visible_nodes = (0..input.xs.len()).filter(|&i| input.is_shown(i)).count();
    let nodes = match &backdrop {
        Backdrop::None => Nodes::All,
        Backdrop::Gpu(_) => Nodes::Marks,
        Backdrop::Raster(..) => Nodes::Highlighted,
    };
    let drawn_edges = match backdrop {
        Backdrop::Gpu(layers) => {
            painter.add(layers.cooperations);
            paint_edges(painter, input, Some(layers.cpu_edges));
            painter.add(layers.actors);
            edges_on_screen(input)
        }
        Backdrop::Raster(texture, rect) => {
            // Until the first picture arrives there is only the ground (and what is highlighted).
            if rect.is_positive() {
                painter.add(super::raster::image_shape(texture, rect));
            }
            if input.dimming {
                let [r, g, b] = input.palette.background;
                painter.rect_filled(input.viewport, 0.0, Color32::from_rgba_unmultiplied(r, g, b, 200));
            }
            // Nothing hovered, selected or on a path (the usual frame while panning): no line to
            // look for among them all.
            let any_marked = input.focus_edge.is_some()
                || input.flags.iter().any(|f| f & (flag::HOVERED | flag::SELECTED | flag::ON_PATH) != 0);
            let highlighted: Vec<u32> = if any_marked { highlighted_edges(input) } else { Vec::new() };
            paint_edges(painter, input, Some(&highlighted));
            edges_on_screen(input)
        }
        Backdrop::None => paint_edges(painter, input, None),
    };
    paint_nodes(painter, input, visible_nodes, nodes);
    let mut drawn = Drawn::default();
    if input.options.show_labels {
        let (labels, mut taken) = paint_labels(painter, input);
        drawn.labels = labels;
        if drawn_edges <= BUNDLE_COUNTS_ON_SCREEN {
            paint_bundle_counts(painter, input, &mut taken);
        }
        // Zoomed in: few cooperations on screen, each long enough to carry its label.
        if drawn_edges <= EDGE_LABEL_MAX_ON_SCREEN {
            // Cooperation labels also keep off the node discs.
            for i in (0..input.xs.len()).filter(|&i| input.is_shown(i)) {
                let disc = Rect::from_center_size(input.screen(i), Vec2::splat(2.0 * input.screen_radius(i)));
                if input.viewport.intersects(disc) {
                    taken.insert(corners(disc), i as u32);
                }
            }
            drawn.tags = paint_edge_labels(painter, input, &mut taken);
        }
    }
    if let Some(e) = input.focus_edge
        && let Some(rect) = paint_edge_label(painter, input, e)
    {
        drawn.tags.push((e, rect));
    }
    drawn
}

/// The cooperations drawn over a raster picture: on a path, focused, touching the hovered actor
/// (while the rest is dimmed) or a selected one. O(m).
fn highlighted_edges(input: &PaintInput<'_>) -> Vec<u32> {
    (input.scene.edges.iter().enumerate())
        .filter(|(e, edge)| {
            let flags = input.flags.get(edge.from as usize).copied().unwrap_or(0)
                | input.flags.get(edge.to as usize).copied().unwrap_or(0);
            let on_path = input.edge_flags.get(*e).is_some_and(|f| f & flag::ON_PATH != 0);
            on_path
                || input.focus_edge == Some(*e)
                || (input.dimming && flags & flag::HOVERED != 0)
                || flags & flag::SELECTED != 0
        })
        .map(|(e, _)| e as u32)
        .collect()
}

/// What is under the CPU's drawing: nothing (the CPU draws everything), the GPU's layers, or a
/// picture drawn on a worker thread (its texture and where it goes on screen).
pub enum Backdrop<'a> {
    /// The CPU draws everything.
    None,
    /// The GPU draws cooperations and actors.
    Gpu(super::gpu::GpuLayers<'a>),
    /// A raster picture of the graph.
    Raster(egui::TextureId, Rect),
}

/// Which nodes the CPU draws.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nodes {
    /// Every node.
    All,
    /// Only rings and pins (the nodes are drawn underneath).
    Marks,
    /// The hovered actor, its neighbours, the selection and paths, whole (over a raster).
    Highlighted,
}

/// What a frame wrote on the canvas, for hit tests and tests.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    /// Actor labels: engine node and screen rectangle.
    pub labels: Vec<(usize, Rect)>,
    /// Cooperation tags (kind, label): scene edge and screen rectangle.
    pub tags: Vec<(usize, Rect)>,
}

/// Most cooperations drawn in one frame. Beyond it (a zoomed-out view of a very large graph,
/// where lines merge into a haze anyway) the most important ones are drawn: those touching the
/// selection or the hovered actor, then those between the best-connected actors.
pub const EDGE_BUDGET: usize = 60_000;

/// Whether an edge's straight segment can touch the visible area (cheap; curves stay near it).
fn edge_on_screen(input: &PaintInput<'_>, edge: &SceneEdge, visible: Rect) -> bool {
    let a = input.screen(edge.from as usize);
    let b = input.screen(edge.to as usize);
    visible.intersects(Rect::from_two_pos(a, b))
}

/// How many cooperations are on screen when the GPU draws them, as far as edge labels care: the
/// exact count when few actors are on screen, "too many" otherwise (without walking millions of
/// cooperations every frame).
pub fn edges_on_screen(input: &PaintInput<'_>) -> usize {
    let visible = input.viewport.expand(40.0);
    let limit = EDGE_LABEL_MAX_ON_SCREEN * 4;
    let nodes_on_screen =
        (0..input.xs.len()).filter(|&i| input.is_shown(i) && visible.contains(input.screen(i))).take(limit + 1).count();
    if nodes_on_screen > limit {
        return usize::MAX;
    }
    let scene = input.scene;
    (0..scene.edges.len()).filter(|&e| input.edge_shown(e) && edge_on_screen(input, &scene.edges[e], visible)).count()
}

/// The scene edges to draw this frame (of `only`, when given), in drawing order, at most
/// [`EDGE_BUDGET`].
fn edges_to_draw(input: &PaintInput<'_>, only: Option<&[u32]>) -> Vec<u32> {
    let visible = input.viewport.expand(40.0);
    let scene = input.scene;
    let on_screen = |e: u32| input.edge_shown(e as usize) && edge_on_screen(input, &scene.edges[e as usize], visible);
    if let Some(only) = only {
        return only.iter().copied().filter(|&e| on_screen(e)).take(EDGE_BUDGET).collect();
    }
    let mut chosen: Vec<u32> = (0..scene.edges.len() as u32).filter(|&e| on_screen(e)).collect();
    chosen.retain(|&e| scene.edges[e as usize].lane.is_drawn());
    if chosen.len() > EDGE_BUDGET {
        let touches_focus = |e: u32| {
            let edge = &scene.edges[e as usize];
            (input.flags[edge.from as usize] | input.flags[edge.to as usize]) & (flag::SELECTED | flag::HOVERED) != 0
        };
        chosen = scene.edge_order.iter().copied().filter(|&e| touches_focus(e) && on_screen(e)).collect();
        let rest = scene.edge_order.iter().copied().filter(|&e| !touches_focus(e) && on_screen(e));
        let room = EDGE_BUDGET.saturating_sub(chosen.len());
        chosen.extend(rest.take(room));
    }
    chosen
}

/// A cooperation's colour and its width before the zoom factor: full colour when focused, on a
/// path or touching the hovered or selected actor; faint when something else is hovered or it is
/// filtered out but shown faded; `base_alpha` otherwise. Wider when focused or on a path.
pub fn edge_style(input: &PaintInput<'_>, e: usize, edge: &SceneEdge, base_alpha: u8) -> (Color32, f32) {
    let flags_of = |i: u32| input.flags.get(i as usize).copied().unwrap_or(0);
    let edge_flags = input.edge_flags.get(e).copied().unwrap_or(0);
    let touches = (flags_of(edge.from) | flags_of(edge.to)) & (flag::HOVERED | flag::SELECTED) != 0;
    let focused = input.focus_edge == Some(e);
    let on_path = edge_flags & flag::ON_PATH != 0;
    let faded = edge_flags & flag::FADED != 0;
    let alpha = if focused || on_path || touches {
        255
    } else if input.dimming || faded {
        input.palette.dim_alpha / 2
    } else {
        base_alpha
    };
    let color = if on_path { rgb(input.palette.path) } else { rgb(edge.color).gamma_multiply_u8(alpha) };
    let strength = edge_strength(edge.width, edge.weight, edge.sources, input.options.width_by_sources);
    let emphasis = if focused || on_path { 2.5 } else { 1.0 };
    (color, strength * emphasis * bundle_width(edge.lane.count()))
}

/// Paints the cooperations on screen (of `only`, when given) and returns how many it drew.
fn paint_edges(painter: &Painter, input: &PaintInput<'_>, only: Option<&[u32]>) -> usize {
    let scene = input.scene;
    let drawn = edges_to_draw(input, only);
    let count = drawn.len();
    let feathered = drawn.len() <= FEATHER_EDGE_LIMIT;
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(drawn.len() * if feathered { 8 } else { 4 });
    let mut points = Vec::with_capacity(17);
    let base_alpha: u8 = if drawn.len() > 20_000 { input.palette.edge_alpha / 2 } else { input.palette.edge_alpha };
    for e in drawn {
        let e = e as usize;
        let edge = &scene.edges[e];
        if !edge_points(input, edge, &mut points) {
            continue;
        }
        let to = edge.to as usize;
        let (color, width) = edge_style(input, e, edge, base_alpha);
        let width = line_scale(input.camera.zoom) * width;
        // Stop lines at the target's rim so arrowheads stay visible.
        let to_r = input.screen_radius(to);
        if edge.directed && points.len() >= 2 && edge.from != edge.to {
            let tip_dir = (points[points.len() - 1] - points[points.len() - 2]).normalized();
            let tip = input.screen(to) - tip_dir * (to_r + 1.5);
            let size = arrow_size(width);
            // Arrowheads only where the line is long enough for them to read as arrows.
            if (tip - points[0]).length() > 2.5 * size && to_r >= 2.5 {
                let last = points.len() - 1;
                points[last] = tip - tip_dir * size * 0.8;
                add_polyline(&mut mesh, &points, width, color, feathered);
                add_arrowhead(&mut mesh, tip, tip_dir, size, color);
                continue;
            }
        }
        if points.len() == 2 {
            add_line(&mut mesh, points[0], points[1], width, color, feathered);
        } else {
            add_polyline(&mut mesh, &points, width, color, feathered);
        }
    }
    painter.add(Shape::mesh(mesh));
    count
}

/// Paints the nodes on screen with their rings and pins; with `on_gpu`, only the rings and pins
/// (the GPU has drawn the nodes).
fn paint_nodes(painter: &Painter, input: &PaintInput<'_>, visible_nodes: usize, which: Nodes) {
    let on_gpu = which != Nodes::All;
    let scene = input.scene;
    let feathered = visible_nodes <= FEATHER_NODE_LIMIT;
    let mut mesh = Mesh::default();
    if !on_gpu {
        mesh.reserve_vertices(visible_nodes.min(200_000) * 8);
    }
    let mut overlay = Mesh::default();
    let mut scratch = Vec::with_capacity(48);
    let clip = input.viewport.expand(20.0);
    let outline = rgba(input.palette.node_outline);
    let dim = input.palette.dim_alpha;
    for (i, node) in scene.nodes.iter().enumerate() {
        if !input.is_shown(i) {
            continue;
        }
        // Over the GPU's layers only rings and pins are left to draw here; over a raster, what is
        // highlighted is drawn whole.
        let marked = input.flags[i] & (flag::ON_PATH | flag::SELECTED | flag::HOVERED) != 0;
        let lit = marked || (input.dimming && input.highlighted(i));
        match which {
            Nodes::Marks if !marked && !node.pinned => continue,
            Nodes::Highlighted if !lit && !node.pinned => continue,
            _ => {}
        }
        let p = input.screen(i);
        let r = input.screen_radius(i);
        if !clip.expand(r).contains(p) {
            continue;
        }
        let shape = node.shape;
        let dimmed = (input.dimming && !input.highlighted(i)) || input.faded(i);
        let fill = input.colors.and_then(|c| c.get(i).copied()).unwrap_or_else(|| rgb(node.fill));
        let fill = if dimmed { fill.gamma_multiply_u8(dim.saturating_add(30)) } else { fill };
        if !on_gpu || (which == Nodes::Highlighted && lit) {
            if r >= 6.0 && !dimmed {
                add_ring(&mut mesh, &mut scratch, p, r, 1.2, shape, outline);
            }
            add_node(&mut mesh, &mut scratch, p, r, shape, fill, feathered && r >= 3.5);
        }
        let flags = input.flags[i];
        let palette = &input.palette;
        if flags & flag::ON_PATH != 0 {
            add_ring(&mut overlay, &mut scratch, p, r + 4.5, 2.5, shape, rgb(palette.path));
        }
        if flags & flag::SELECTED != 0 {
            add_ring(&mut overlay, &mut scratch, p, r + 2.0, 2.5, shape, rgb(palette.selection));
        } else if flags & flag::HOVERED != 0 {
            add_ring(&mut overlay, &mut scratch, p, r + 1.5, 2.0, shape, rgb(palette.hover));
        }
        if node.pinned && r >= 2.0 {
            let mark = p + vec2(r * 0.75, -r * 0.75);
            add_rect(&mut overlay, mark, Vec2::splat(2.5), rgb(palette.pin));
        }
    }
    painter.add(Shape::mesh(mesh));
    painter.add(Shape::mesh(overlay));
}

/// Flags that make a label matter more than its rank alone: it may cover lesser nodes.
const IMPORTANT: u8 = flag::SELECTED | flag::HOVERED | flag::NEIGHBOUR | flag::ON_PATH;
/// Flags whose label shows whatever it covers.
const FORCED: u8 = flag::SELECTED | flag::HOVERED;
pub use crate::draw::labels::{ALWAYS_LABELLED, LABEL_GAP};

/// Most node discs entered as obstacles for labels; beyond this labels only avoid each other.
const LABEL_OBSTACLE_LIMIT: usize = 5_000;
/// Most actors whose label is measured and tried in one frame (a zoomed-out view of a huge graph
/// has hundreds of thousands in view; the most important are tried first).
const LABEL_CANDIDATE_LIMIT: usize = 4 * MAX_LABELS;

/// Where a node's label goes when it sits under its disc (the first place it tries).
pub fn label_rect(centre: Pos2, screen_radius: f32, size: Vec2) -> Rect {
    Rect::from_min_size(pos2(centre.x - size.x / 2.0, centre.y + screen_radius + LABEL_GAP), size)
}

/// The size of a label's box on screen for a galley of `text_size`.
pub fn label_box(text_size: Vec2) -> Vec2 {
    text_size + vec2(4.0, 2.0)
}

/// A screen rectangle as the drawing rules' corners.
fn corners(rect: Rect) -> crate::draw::labels::Rect {
    [rect.min.x, rect.min.y, rect.max.x, rect.max.y]
}

/// Labels by the shared rules ([`place_labels`]): hovered and selected first (always shown),
/// then path actors and the hovered actor's neighbours, then by size; each on a halo plate.
/// Returns the labels drawn and the area they take.
fn paint_labels(painter: &Painter, input: &PaintInput<'_>) -> (Vec<(usize, Rect)>, Occupied) {
    let font = FontId::proportional(theme::LABEL_SIZE);
    let flags = |i: usize| input.flags.get(i).copied().unwrap_or(0);
    let order = || input.label_order.iter().map(|&i| i as usize);
    let forced = order().filter(|&i| flags(i) & FORCED != 0);
    let important = order().filter(|&i| flags(i) & IMPORTANT != 0 && flags(i) & FORCED == 0);
    let rest = order().filter(|&i| flags(i) & IMPORTANT == 0);
    let mut candidates = Vec::new();
    let mut galleys = std::collections::HashMap::new();
    let mut ranked = 0;
    for i in forced.chain(important).chain(rest) {
        if candidates.len() >= LABEL_CANDIDATE_LIMIT {
            break;
        }
        let p = input.screen(i);
        if !input.is_shown(i) || !input.viewport.contains(p) {
            continue;
        }
        let priority = if flags(i) & FORCED != 0 {
            Priority::Forced
        } else if flags(i) & IMPORTANT != 0 {
            Priority::Important
        } else {
            Priority::Ranked
        };
        let r = input.screen_radius(i);
        if priority == Priority::Ranked {
            if input.faded(i) {
                continue;
            }
            ranked += 1;
            // Tiny far-away nodes get no label unless they are among the most important.
            if ranked > ALWAYS_LABELLED && r < 3.0 {
                continue;
            }
        }
        let dimmed = input.dimming && !input.highlighted(i);
        if dimmed && priority == Priority::Ranked {
            continue;
        }
        let Some(actor) = input.scene.nodes.get(i).and_then(|n| input.graph.actor_at(n.index)) else { continue };
        let color = rgb(if dimmed { input.palette.label_dim } else { input.palette.label });
        let galley = painter.layout_no_wrap(actor.label.clone(), font.clone(), color);
        let size = label_box(galley.size());
        candidates.push(Candidate { node: i as u32, centre: [p.x, p.y], radius: r, size: [size.x, size.y], priority });
        galleys.insert(i, (galley, color));
    }
    // Node discs are obstacles too, so labels do not hide other actors.
    let discs: Vec<([f32; 2], f32, u32)> = (0..input.xs.len())
        .filter(|&i| input.is_shown(i))
        .map(|i| (input.screen(i), input.screen_radius(i), i as u32))
        .filter(|(p, r, _)| *r >= 3.0 && input.viewport.expand(*r).contains(*p))
        .take(LABEL_OBSTACLE_LIMIT + 1)
        .map(|(p, r, i)| ([p.x, p.y], r, i))
        .collect();
    let discs = if discs.len() > LABEL_OBSTACLE_LIMIT { &[][..] } else { &discs[..] };
    let (placed, taken) =
        place_labels(&candidates, discs, corners(input.viewport), input.reserved.map(corners), MAX_LABELS);
    let halo = rgba(input.palette.halo);
    let mut drawn = Vec::with_capacity(placed.len());
    for label in placed {
        let Some((galley, color)) = galleys.remove(&(label.node as usize)) else { continue };
        let rect = Rect::from_min_max(pos2(label.rect[0], label.rect[1]), pos2(label.rect[2], label.rect[3]));
        painter.rect_filled(rect, 3.0, halo);
        painter.galley(rect.min + vec2(2.0, 1.0), galley, color);
        drawn.push((label.node as usize, rect));
    }
    (drawn, taken)
}

/// Bundle counts ("×12") show while at most this many cooperations are on screen.
const BUNDLE_COUNTS_ON_SCREEN: usize = 5_000;

/// Writes each bundle's count at its middle, where it covers no label.
fn paint_bundle_counts(painter: &Painter, input: &PaintInput<'_>, taken: &mut Occupied) {
    let font = FontId::proportional(theme::EDGE_LABEL_SIZE);
    let mut points = Vec::with_capacity(17);
    let halo = rgba(input.palette.halo);
    for (e, edge) in input.scene.edges.iter().enumerate() {
        let Lane::Bundle(count) = edge.lane else { continue };
        if !input.edge_shown(e) || !edge_points(input, edge, &mut points) {
            continue;
        }
        let middle =
            if edge.from == edge.to { points[points.len() / 2] } else { points[0] + (points[1] - points[0]) / 2.0 };
        if !input.viewport.contains(middle) {
            continue;
        }
        let galley = painter.layout_no_wrap(format!("×{count}"), font.clone(), rgb(input.palette.label));
        let rect = Align2::CENTER_CENTER.anchor_size(middle, galley.size()).expand(2.0);
        if taken.hits(&corners(rect), None) {
            continue;
        }
        taken.insert(corners(rect), u32::MAX);
        painter.rect_filled(rect, 2.0, halo);
        painter.galley(rect.min + vec2(2.0, 2.0), galley, rgb(input.palette.label));
    }
}

/// Cooperation labels appear only when at most this many cooperations are on screen.
const EDGE_LABEL_MAX_ON_SCREEN: usize = 300;
/// Most cooperation labels shown at once when zoomed in.
const MAX_EDGE_LABELS: usize = 60;
/// A cooperation gets its label once it is drawn at least this long on screen.
const EDGE_LABEL_MIN_LENGTH: f32 = 110.0;

/// When zoomed in far enough that cooperations are long on screen, their kind (and label) is
/// written along them, where it covers no other label.
fn paint_edge_labels(painter: &Painter, input: &PaintInput<'_>, taken: &mut Occupied) -> Vec<(usize, Rect)> {
    let mut drawn = Vec::new();
    let font = FontId::proportional(theme::EDGE_LABEL_SIZE);
    let mut points = Vec::with_capacity(17);
    let mut shown = 0;
    for (e, edge) in input.scene.edges.iter().enumerate() {
        if shown >= MAX_EDGE_LABELS {
            break;
        }
        // Only shown cooperations carry their kind: a filtered-out one drawn faint gets no tag.
        let shown_fully = input.edge_flags.get(e).is_some_and(|f| f & flag::VISIBLE != 0);
        if Some(e) == input.focus_edge || edge.from == edge.to || !shown_fully {
            continue;
        }
        let (a, b) = (input.screen(edge.from as usize), input.screen(edge.to as usize));
        if (b - a).length() < EDGE_LABEL_MIN_LENGTH || !edge_points(input, edge, &mut points) {
            continue;
        }
        let middle = points[points.len() / 2];
        if !input.viewport.contains(middle) {
            continue;
        }
        let dimmed = input.dimming
            && input.flags[edge.from as usize] & flag::HOVERED == 0
            && input.flags[edge.to as usize] & flag::HOVERED == 0;
        if dimmed {
            continue;
        }
        let Some(c) = input.graph.cooperation_at(edge.index) else { continue };
        // The kind and label if they fit along the line, else the kind alone.
        let room = (b - a).length() * 0.8;
        let kind = c.cooperation.kind.label();
        let full = (!c.cooperation.label.is_empty()).then(|| format!("{kind}: {}", c.cooperation.label));
        let Some(galley) = full
            .into_iter()
            .chain([kind])
            .map(|text| painter.layout_no_wrap(text, font.clone(), rgb(input.palette.label)))
            .find(|g| g.size().x <= room)
        else {
            continue;
        };
        let rect = Align2::CENTER_CENTER.anchor_size(middle, galley.size()).expand(2.0);
        if taken.hits(&corners(rect), None) {
            continue;
        }
        taken.insert(corners(rect), u32::MAX);
        painter.rect_filled(rect, 2.0, rgba(input.palette.halo));
        painter.galley(rect.min + vec2(2.0, 2.0), galley, rgb(edge.color));
        drawn.push((e, rect));
        shown += 1;
    }
    drawn
}

fn paint_edge_label(painter: &Painter, input: &PaintInput<'_>, e: usize) -> Option<Rect> {
    let edge = input.scene.edges.get(e)?;
    let c = input.graph.cooperation_at(edge.index)?;
    let mut points = Vec::new();
    if !edge_points(input, edge, &mut points) || points.is_empty() {
        return None;
    }
    let middle = points[points.len() / 2];
    let mut text = c.cooperation.kind.label().to_owned();
    if !c.cooperation.label.is_empty() {
        text = format!("{text}: {}", c.cooperation.label);
    }
    if let Some(date) = c.cooperation.date {
        text = format!("{text} ({date})");
    }
    let label = rgb(input.palette.label);
    let galley = painter.layout_no_wrap(text, FontId::proportional(theme::EDGE_LABEL_SIZE), label);
    let mut rect = Align2::CENTER_CENTER.anchor_size(middle, galley.size()).expand(3.0);
    // On a short cooperation the tag would cover its actors: it moves off the line, sideways.
    let disc = |i: u32| {
        Rect::from_center_size(input.screen(i as usize), Vec2::splat(2.0 * input.screen_radius(i as usize) + 4.0))
    };
    let (from, to) = (disc(edge.from), disc(edge.to));
    if rect.intersects(from) || rect.intersects(to) {
        // Just above or just below both actors, whichever is nearer the line's middle.
        let both = from.union(to);
        let above = rect.translate(vec2(0.0, both.top() - 2.0 - rect.bottom()));
        let below = rect.translate(vec2(0.0, both.bottom() + 2.0 - rect.top()));
        rect = if (above.center().y - middle.y).abs() <= (below.center().y - middle.y).abs() { above } else { below };
    }
    painter.rect_filled(rect, 3.0, rgba(input.palette.halo));
    painter.rect_stroke(rect, 3.0, Stroke::new(1.0, rgb(edge.color)), egui::StrokeKind::Inside);
    painter.galley(rect.min + vec2(3.0, 3.0), galley, label);
    Some(rect)
}
