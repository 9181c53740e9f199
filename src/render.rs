//! Pictures to publish: the graph drawn as the canvas draws it — shapes and colours by kind,
//! arrows on directed cooperations, parallel cooperations as separate curves, labels centred
//! under their nodes by importance without overlaps — as an SVG document that keeps labels as
//! text (fonts named, CJK-capable) for browsers and Inkscape. No egui: the CLI renders headless.

use std::collections::HashMap;
use std::fmt::Write;

use crate::layout::{GraphLayout, LayoutParams, node_radius};
use crate::model::{ActorKind, CooperationKind, Kind, KnowledgeGraph};

/// What to draw and how large.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Picture width in pixels.
    pub width: f32,
    /// Picture height in pixels.
    pub height: f32,
    /// Draw a legend of the kinds shown, with their counts.
    pub legend: bool,
    /// Draw the graph's title at the top.
    pub title: bool,
    /// Draw only this part of the layout plane (min x, min y, max x, max y), as the window's
    /// current view; `None` fits the whole graph.
    pub view: Option<[f32; 4]>,
    /// Lay the graph out anew even where it has positions (`kgx render --layout`); otherwise a
    /// picture the file has is drawn as it is, and only actors without a position are placed.
    pub layout: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self { width: 1600.0, height: 1000.0, legend: true, title: true, view: None, layout: false }
    }
}

/// The canvas's background and label colours.
const BACKGROUND: &str = "#1b1e24";
const LABEL: &str = "#e8e8e8";
/// Fonts named for labels: Noto Sans CJK covers Chinese, Japanese and Korean.
const FONTS: &str =
    "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Sans CJK KR', 'DejaVu Sans', sans-serif";
const LABEL_SIZE: f32 = 12.0;

fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            c if (c as u32) < 0x20 => " ".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A label's width in pixels, estimated from its characters (wide CJK characters count double).
fn label_width(text: &str) -> f32 {
    text.chars().map(|c| if (c as u32) >= 0x2E80 { LABEL_SIZE } else { LABEL_SIZE * 0.56 }).sum::<f32>() + 6.0
}

/// The graph as an SVG picture. Actors without a saved position are laid out first (ForceAtlas2
/// until settled, seed 42, as the window does). O(n log n + m).
pub fn to_svg(graph: &KnowledgeGraph, options: &RenderOptions) -> String {
    let actors = graph.actors_sorted();
    let mut layout = GraphLayout::new(graph, LayoutParams::default(), 42);
    if options.layout {
        layout.engine_mut().reheat();
    }
    let degree: HashMap<&str, usize> =
        actors.iter().map(|a| (a.id().as_str(), graph.cooperations_of(a.id()).len())).collect();
    let radius = |id: &str| node_radius(degree.get(id).copied().unwrap_or(0));
    let top = if options.title && !graph.metadata.title.is_empty() { 44.0 } else { 16.0 };
    let legend_width = if options.legend { 220.0 } else { 0.0 };
    let margin = 40.0;
    let room =
        [(options.width - legend_width - 2.0 * margin).max(50.0), (options.height - top - 2.0 * margin).max(50.0)];
    // How many layout units a pixel is when the graph fills the room.
    let fit = |layout: &GraphLayout| {
        let engine = layout.engine();
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for i in 0..engine.node_count() {
            let ([x, y], r) = (engine.position(i), engine.radius(i));
            min = [min[0].min(x - r), min[1].min(y - r)];
            max = [max[0].max(x + r), max[1].max(y + r)];
        }
        if let Some([x0, y0, x1, y1]) =
            options.view.filter(|v| v.iter().all(|c| c.is_finite()) && v[2] > v[0] && v[3] > v[1])
        {
            (min, max) = ([x0, y0], [x1, y1]);
        }
        let span = [(max[0] - min[0]).max(1e-3), (max[1] - min[1]).max(1e-3)];
        let scale = if engine.node_count() == 0 { 1.0 } else { (room[0] / span[0]).min(room[1] / span[1]) };
        (scale, min, span)
    };
    // As in the window: a layout kgx runs over the whole graph makes room for every label at
    // the picture's scale as it ends (small graphs); a picture the file has is kept as it is.
    if layout.engine().state() == crate::layout::LayoutState::Running {
        if layout.engine().is_full_run() && options.view.is_none() {
            let sizes = (0..layout.engine().node_count())
                .map(|i| {
                    let width =
                        layout.node_index(i).and_then(|n| graph.actor_at(n)).map_or(0.0, |a| label_width(&a.label));
                    [width, LABEL_SIZE + 4.0]
                })
                .collect();
            let viewport = crate::layout::fit::Viewport { size: room, margin: 0.0, max_radius: f32::MAX };
            layout.engine_mut().set_label_room(Some(crate::layout::LabelRoom { sizes, viewport }));
        }
        layout.engine_mut().run_until_settled();
    }
    let (scale, min, span) = fit(&layout);
    let position = |id: &crate::model::ActorId| {
        graph.node_index(id).and_then(|n| layout.engine_node(n)).map(|i| layout.engine().position(i))
    };
    let offset = [
        margin + (room[0] - span[0] * scale) / 2.0 - min[0] * scale,
        top + margin + (room[1] - span[1] * scale) / 2.0 - min[1] * scale,
    ];
    let screen = |[x, y]: [f32; 2]| [offset[0] + x * scale, offset[1] + y * scale];
    // Nodes keep a readable size however far the picture zooms in.
    let screen_radius = |id: &str| (radius(id) * scale.min(1.8)).max(2.5);

    let mut out = String::new();
    let (w, h) = (options.width, options.height);
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONTS}\">"
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(&graph.metadata.title));
    out.push_str("  <defs>\n");
    for kind in CooperationKind::ALL {
        let _ = writeln!(
            out,
            "    <marker id=\"arrow-{}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{}\"/></marker>",
            kind.name(),
            hex(kind.rgb())
        );
    }
    out.push_str("  </defs>\n");
    let _ = writeln!(out, "  <rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>");
    if options.title && !graph.metadata.title.is_empty() {
        let _ = writeln!(
            out,
            "  <text x=\"{margin}\" y=\"30\" font-size=\"18\" font-weight=\"bold\" fill=\"{LABEL}\">{}</text>",
            escape(&graph.metadata.title)
        );
    }

    // A view shows only what is inside it.
    if options.view.is_some() {
        let _ = writeln!(
            out,
            "  <clipPath id=\"view\"><rect x=\"{margin}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n  <g clip-path=\"url(#view)\">",
            top + margin,
            room[0],
            room[1]
        );
    }
    // Cooperations: parallel ones (same two actors) as separate curves.
    out.push_str("  <g class=\"edges\" fill=\"none\" stroke-opacity=\"0.8\">\n");
    let cooperations = graph.cooperations_sorted();
    let mut lanes: HashMap<(String, String), usize> = HashMap::new();
    for c in &cooperations {
        let (Some(a), Some(b)) = (position(c.from), position(c.to)) else { continue };
        let (a, b) = (screen(a), screen(b));
        let key = if c.from <= c.to {
            (c.from.to_string(), c.to.to_string())
        } else {
            (c.to.to_string(), c.from.to_string())
        };
        let lane = lanes.entry(key).or_insert(0);
        let bend = match *lane {
            0 => 0.0,
            k => (if k % 2 == 1 { 1.0 } else { -1.0 }) * 14.0 * k.div_ceil(2) as f32,
        };
        *lane += 1;
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = (dx * dx + dy * dy).sqrt().max(1e-3);
        let (nx, ny) = (-dy / length, dx / length);
        let control = [(a[0] + b[0]) / 2.0 + nx * bend * 2.0, (a[1] + b[1]) / 2.0 + ny * bend * 2.0];
        // End at the target's edge, so the arrowhead is not hidden under the node.
        let (tx, ty) = (b[0] - control[0], b[1] - control[1]);
        let tail = (tx * tx + ty * ty).sqrt().max(1e-3);
        let gap = screen_radius(c.to.as_str()) + 1.5;
        let end = [b[0] - tx / tail * gap, b[1] - ty / tail * gap];
        let kind = c.cooperation.kind;
        let marker =
            if c.cooperation.directed { format!(" marker-end=\"url(#arrow-{})\"", kind.name()) } else { String::new() };
        let width = 1.0 + (c.cooperation.weight.max(0.0).sqrt() as f32).min(3.0) * 0.6;
        let _ = writeln!(
            out,
            "    <path class=\"edge\" d=\"M {:.1} {:.1} Q {:.1} {:.1} {:.1} {:.1}\" stroke=\"{}\" stroke-width=\"{width:.1}\"{marker}><title>{}</title></path>",
            a[0],
            a[1],
            control[0],
            control[1],
            end[0],
            end[1],
            hex(kind.rgb()),
            escape(&format!("{}: {}", kind.label(), c.cooperation.label))
        );
    }
    out.push_str("  </g>\n");

    // Actors: the canvas's shapes and colours.
    out.push_str("  <g class=\"nodes\" stroke=\"#111316\" stroke-width=\"1\">\n");
    for actor in &actors {
        let Some(p) = position(actor.id()) else { continue };
        let [x, y] = screen(p);
        let r = screen_radius(actor.id().as_str());
        let fill = hex(actor.kind.rgb());
        let shape = match actor.kind.shape().polygon() {
            None => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\""),
            Some((corners, angle)) => {
                let points: Vec<String> = (0..corners)
                    .map(|k| {
                        let t = angle + k as f32 * std::f32::consts::TAU / corners as f32;
                        format!("{:.1},{:.1}", x + r * t.cos(), y + r * t.sin())
                    })
                    .collect();
                format!("<polygon points=\"{}\"", points.join(" "))
            }
        };
        let _ =
            writeln!(out, "    {shape} class=\"node\" fill=\"{fill}\"><title>{}</title></{}>", escape(&actor.label), {
                if actor.kind.shape().polygon().is_none() { "circle" } else { "polygon" }
            });
    }
    out.push_str("  </g>\n");

    // Labels by importance (degree), centred under their node, never over another label.
    out.push_str(&format!(
        "  <g class=\"labels\" font-size=\"{LABEL_SIZE}\" text-anchor=\"middle\" fill=\"{LABEL}\" stroke=\"{BACKGROUND}\" stroke-width=\"3\" paint-order=\"stroke\">\n"
    ));
    let mut order: Vec<_> = actors.iter().collect();
    order.sort_by(|a, b| {
        let (da, db) = (degree[a.id().as_str()], degree[b.id().as_str()]);
        db.cmp(&da).then(a.label.cmp(&b.label))
    });
    let discs: Vec<(&str, [f32; 4])> = actors
        .iter()
        .filter_map(|a| {
            let [x, y] = screen(position(a.id())?);
            let r = screen_radius(a.id().as_str());
            Some((a.id().as_str(), [x - r, y - r, x + r, y + r]))
        })
        .collect();
    let apart = |a: &[f32; 4], b: &[f32; 4]| a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
    let mut placed: Vec<[f32; 4]> = Vec::new();
    for (rank, actor) in order.into_iter().enumerate() {
        let Some(p) = position(actor.id()) else { continue };
        let [x, y] = screen(p);
        let top = y + screen_radius(actor.id().as_str()) + 2.0;
        let width = label_width(&actor.label);
        let rect = [x - width / 2.0, top, x + width / 2.0, top + LABEL_SIZE + 4.0];
        let inside = rect[0] >= 0.0 && rect[2] <= options.width - legend_width && rect[3] <= options.height;
        let free = placed.iter().all(|q| apart(&rect, q));
        // The most important labels may cover lesser nodes; the others keep clear of them.
        let clear = rank < 12 || discs.iter().all(|(id, d)| *id == actor.id().as_str() || apart(&rect, d));
        if inside && free && clear {
            placed.push(rect);
            let _ = writeln!(
                out,
                "    <text class=\"label\" x=\"{x:.1}\" y=\"{:.1}\">{}</text>",
                top + LABEL_SIZE,
                escape(&actor.label)
            );
        }
    }
    out.push_str("  </g>\n");
    if options.view.is_some() {
        out.push_str("  </g>\n");
    }

    if options.legend {
        legend(&mut out, graph, options.width - legend_width + 10.0, top + 10.0);
    }
    out.push_str("</svg>\n");
    out
}

/// The kinds present, with their shape, colour and count.
fn legend(out: &mut String, graph: &KnowledgeGraph, x: f32, mut y: f32) {
    let mut actor_counts = [0usize; 12];
    for actor in graph.actors() {
        if let Some(count) = actor_counts.get_mut(actor.kind.index()) {
            *count += 1;
        }
    }
    let mut cooperation_counts = [0usize; 10];
    for c in graph.cooperations() {
        if let Some(count) = cooperation_counts.get_mut(c.cooperation.kind.index()) {
            *count += 1;
        }
    }
    out.push_str(&format!("  <g class=\"legend\" font-size=\"12\" fill=\"{LABEL}\">\n"));
    let _ = writeln!(out, "    <text x=\"{x}\" y=\"{y}\" font-weight=\"bold\">Actors</text>");
    y += 18.0;
    for kind in ActorKind::ALL.iter().filter(|k| actor_counts[k.index()] > 0) {
        let _ =
            writeln!(out, "    <circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>", x + 6.0, y - 4.0, hex(kind.rgb()));
        let _ = writeln!(
            out,
            "    <text x=\"{}\" y=\"{y}\">{} ({})</text>",
            x + 18.0,
            escape(&kind.label()),
            actor_counts[kind.index()]
        );
        y += 17.0;
    }
    y += 8.0;
    let _ = writeln!(out, "    <text x=\"{x}\" y=\"{y}\" font-weight=\"bold\">Cooperations</text>");
    y += 18.0;
    for kind in CooperationKind::ALL.iter().filter(|k| cooperation_counts[k.index()] > 0) {
        let _ = writeln!(
            out,
            "    <line x1=\"{x}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"/>",
            y - 4.0,
            x + 12.0,
            y - 4.0,
            hex(kind.rgb())
        );
        let _ = writeln!(
            out,
            "    <text x=\"{}\" y=\"{y}\">{} ({})</text>",
            x + 18.0,
            escape(&kind.label()),
            cooperation_counts[kind.index()]
        );
        y += 17.0;
    }
    out.push_str("  </g>\n");
}

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The picture is too large or empty at that scale.
    #[error("a {width}×{height} picture at scale {scale} is too large or empty to rasterise")]
    Size {
        /// Width in pixels.
        width: f32,
        /// Height in pixels.
        height: f32,
        /// The scale asked for.
        scale: f32,
    },
    /// The drawing could not be read back (a bug: kgx wrote it).
    #[error("the drawing could not be rasterised: {0}")]
    Svg(String),
    /// Encoding failed.
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The same drawing as [`to_svg`], rasterised (resvg and tiny-skia, headless) at `scale` pixels
/// per picture pixel. Labels use the system's fonts: the ones the SVG names when installed
/// (Noto Sans CJK covers Chinese, Japanese and Korean), else any font that has the glyphs.
pub fn to_png(graph: &KnowledgeGraph, options: &RenderOptions, scale: f32) -> Result<Vec<u8>, PngError> {
    let svg = to_svg(graph, options);
    svg_to_png(&svg, options.width, options.height, scale)
}

/// Rasterises an SVG document kgx drew.
pub fn svg_to_png(svg: &str, width: f32, height: f32, scale: f32) -> Result<Vec<u8>, PngError> {
    use resvg::{tiny_skia, usvg};
    let too_large = || PngError::Size { width, height, scale };
    let (w, h) = (width * scale, height * scale);
    if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0 && w * h <= 400_000_000.0) {
        return Err(too_large());
    }
    let mut opt = usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| PngError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(w.round() as u32, h.round() as u32).ok_or_else(too_large)?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}
