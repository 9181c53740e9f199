//! Writing a [`Picture`] as SVG: lines, arrowheads, nodes, labels with a halo, bundle counts,
//! legend and title, in the theme's colours.

use std::fmt::Write;

use super::RenderOptions;
use super::picture::{LABEL_SIZE, LEGEND_WIDTH, Line, MARGIN, Picture, Stroke};
use crate::draw::labels::Anchor;
use crate::draw::looks::arrow_size;
use crate::draw::theme::{Palette, Rgba};
use crate::model::{ActorKind, CooperationKind, Kind, KnowledgeGraph, color_hex};

/// Fonts named for labels: Noto Sans CJK covers Chinese, Japanese and Korean.
const FONTS: &str =
    "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Sans CJK KR', 'DejaVu Sans', sans-serif";

/// Text with XML's special characters escaped and control characters blanked.
pub fn escape(text: &str) -> String {
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

/// An RGBA colour as SVG paint and opacity attributes' values.
fn rgba([r, g, b, a]: Rgba) -> (String, f32) {
    (color_hex([r, g, b]), f32::from(a) / 255.0)
}

/// The SVG document of `picture`.
pub fn write(graph: &KnowledgeGraph, picture: &Picture, options: &RenderOptions) -> String {
    let palette = options.theme.palette();
    let (w, h) = (options.width, options.height);
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONTS}\">"
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(&graph.metadata.title));
    let _ = writeln!(out, "  <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>", color_hex(palette.background));
    if options.title && !graph.metadata.title.is_empty() {
        let _ = writeln!(
            out,
            "  <text x=\"{MARGIN}\" y=\"30\" font-size=\"18\" font-weight=\"bold\" fill=\"{}\">{}</text>",
            color_hex(palette.label),
            escape(&graph.metadata.title)
        );
    }
    let [x0, y0, x1, y1] = picture.area;
    // A view shows only what is inside it.
    if options.view.is_some() {
        let _ = writeln!(
            out,
            "  <clipPath id=\"view\"><rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"/></clipPath>\n  <g clip-path=\"url(#view)\">",
            x1 - x0,
            y1 - y0
        );
    }
    lines(&mut out, picture, &palette);
    nodes(&mut out, picture, &palette);
    labels(&mut out, picture, &palette);
    if options.view.is_some() {
        out.push_str("  </g>\n");
    }
    if options.legend {
        legend(&mut out, graph, &palette, options.width - LEGEND_WIDTH + 10.0, y0 + 10.0);
    }
    out.push_str("</svg>\n");
    out
}

fn lines(out: &mut String, picture: &Picture, palette: &Palette) {
    let opacity = f32::from(palette.edge_alpha) / 255.0;
    let _ = writeln!(out, "  <g class=\"edges\" fill=\"none\" stroke-opacity=\"{opacity:.2}\">");
    for line in &picture.lines {
        let color = color_hex(line.color);
        let title = format!("<title>{}</title>", escape(&line.title));
        match line.stroke {
            Stroke::Loop { centre: [x, y], radius } => {
                let _ = writeln!(
                    out,
                    "    <circle class=\"edge\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius:.1}\" stroke=\"{color}\" stroke-width=\"{:.1}\">{title}</circle>",
                    line.width
                );
            }
            Stroke::Line { from, control, to } => {
                let (end, head) = if line.arrow { arrowhead(control, to, line.width) } else { (to, None) };
                let _ = writeln!(
                    out,
                    "    <path class=\"edge\" d=\"M {:.1} {:.1} Q {:.1} {:.1} {:.1} {:.1}\" stroke=\"{color}\" stroke-width=\"{:.1}\">{title}</path>",
                    from[0], from[1], control[0], control[1], end[0], end[1], line.width
                );
                if let Some(points) = head {
                    let _ = writeln!(
                        out,
                        "    <polygon class=\"arrow\" points=\"{points}\" fill=\"{color}\" fill-opacity=\"{opacity:.2}\" stroke=\"none\"/>"
                    );
                }
            }
        }
    }
    out.push_str("  </g>\n");
    // Bundles carry their count at their middle.
    let halo = rgba(palette.halo);
    let _ = writeln!(
        out,
        "  <g class=\"counts\" font-size=\"{:.0}\" text-anchor=\"middle\" fill=\"{}\" stroke=\"{}\" stroke-opacity=\"{:.2}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
        LABEL_SIZE - 1.0,
        color_hex(palette.label),
        halo.0,
        halo.1
    );
    for line in picture.lines.iter().filter(|l| l.count > 1) {
        let [x, y] = middle_of(line);
        let _ = writeln!(out, "    <text class=\"count\" x=\"{x:.1}\" y=\"{:.1}\">×{}</text>", y + 4.0, line.count);
    }
    out.push_str("  </g>\n");
}

/// The middle of a line: on its curve, or the top of its loop.
fn middle_of(line: &Line) -> [f32; 2] {
    match line.stroke {
        Stroke::Line { from, control, to } => crate::draw::edges::curve_at(from, control, to, 0.5),
        Stroke::Loop { centre, radius } => [centre[0], centre[1] - radius],
    }
}

/// Where a line ends so its arrowhead shows (pulled back by the head), and the head's points.
fn arrowhead(control: [f32; 2], tip: [f32; 2], width: f32) -> ([f32; 2], Option<String>) {
    let size = arrow_size(width);
    let (dx, dy) = (tip[0] - control[0], tip[1] - control[1]);
    let length = dx.hypot(dy);
    if length < 2.5 * size {
        return (tip, None);
    }
    let (ux, uy) = (dx / length, dy / length);
    let base = [tip[0] - ux * size, tip[1] - uy * size];
    let half = size * 0.45;
    let points = format!(
        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
        tip[0],
        tip[1],
        base[0] - uy * half,
        base[1] + ux * half,
        base[0] + uy * half,
        base[1] - ux * half
    );
    ([tip[0] - ux * size * 0.8, tip[1] - uy * size * 0.8], Some(points))
}

fn nodes(out: &mut String, picture: &Picture, palette: &Palette) {
    let (outline, opacity) = rgba(palette.node_outline);
    let _ =
        writeln!(out, "  <g class=\"nodes\" stroke=\"{outline}\" stroke-opacity=\"{opacity:.2}\" stroke-width=\"1\">");
    for node in &picture.nodes {
        let [x, y] = node.at;
        let r = node.radius;
        let fill = color_hex(node.fill);
        let title = escape(&node.label);
        match node.shape.polygon() {
            None => {
                let _ = writeln!(
                    out,
                    "    <circle class=\"node\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\"><title>{title}</title></circle>"
                );
            }
            Some((corners, angle)) => {
                let points: Vec<String> = (0..corners)
                    .map(|k| {
                        let t = angle + k as f32 * std::f32::consts::TAU / corners as f32;
                        format!("{:.1},{:.1}", x + r * t.cos(), y + r * t.sin())
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "    <polygon class=\"node\" points=\"{}\" fill=\"{fill}\"><title>{title}</title></polygon>",
                    points.join(" ")
                );
            }
        }
    }
    out.push_str("  </g>\n");
}

/// Labels where the shared rules placed them, each with a halo in the ground's colour so lines
/// never cut through the text.
fn labels(out: &mut String, picture: &Picture, palette: &Palette) {
    let (halo, opacity) = rgba(palette.halo);
    let _ = writeln!(
        out,
        "  <g class=\"labels\" font-size=\"{LABEL_SIZE}\" fill=\"{}\" stroke=\"{halo}\" stroke-opacity=\"{opacity:.2}\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
        color_hex(palette.label)
    );
    for placed in &picture.labels {
        let Some(node) = picture.nodes.get(placed.node as usize) else { continue };
        let [x0, y0, x1, y1] = placed.rect;
        let baseline = y0 + (y1 - y0) / 2.0 + LABEL_SIZE * 0.35;
        let (x, anchor) = match placed.anchor {
            Anchor::Below | Anchor::Above => ((x0 + x1) / 2.0, "middle"),
            Anchor::Right | Anchor::BelowRight | Anchor::AboveRight => (x0 + 3.0, "start"),
            Anchor::Left | Anchor::BelowLeft | Anchor::AboveLeft => (x1 - 3.0, "end"),
        };
        let _ = writeln!(
            out,
            "    <text class=\"label\" x=\"{x:.1}\" y=\"{baseline:.1}\" text-anchor=\"{anchor}\">{}</text>",
            escape(&node.label)
        );
    }
    out.push_str("  </g>\n");
}

/// The style mappings' legend (colour by a category or a number, size, shape) below the kinds;
/// returns where the next line goes.
fn mapping_legend(out: &mut String, legend: &crate::draw::mapping::MappingLegend, x: f32, mut y: f32) -> f32 {
    use crate::draw::mapping::{UNMAPPED, ranking_color};
    let title = |out: &mut String, y: &mut f32, text: String| {
        *y += 8.0;
        let _ = writeln!(out, "    <text x=\"{x}\" y=\"{y}\" font-weight=\"bold\">{}</text>", escape(&text));
        *y += 18.0;
    };
    let swatch = |out: &mut String, y: f32, color: [u8; 3], text: String| {
        let _ = writeln!(
            out,
            "    <circle class=\"mapped\" cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>",
            x + 6.0,
            y - 4.0,
            color_hex(color)
        );
        let _ = writeln!(out, "    <text x=\"{}\" y=\"{y}\">{}</text>", x + 18.0, escape(&text));
    };
    if let Some(colors) = &legend.color_categories {
        title(out, &mut y, format!("Colour: {}", colors.attribute));
        for (value, color, count) in &colors.values {
            swatch(out, y, *color, format!("{value} ({count})"));
            y += 17.0;
        }
        if colors.rest > 0 {
            swatch(out, y, UNMAPPED, format!("other values ({})", colors.rest));
            y += 17.0;
        }
    }
    if let Some((attribute, min, max, _)) = &legend.color_range {
        title(out, &mut y, format!("Colour: {attribute}"));
        swatch(out, y, ranking_color(0.0), format!("{min}"));
        y += 17.0;
        swatch(out, y, ranking_color(1.0), format!("{max}"));
        y += 17.0;
    }
    if let Some((attribute, min, max, _)) = &legend.size_range {
        title(out, &mut y, format!("Size: {attribute}"));
        let _ = writeln!(out, "    <text x=\"{x}\" y=\"{y}\">small {min} … large {max}</text>");
        y += 17.0;
    }
    if let Some(shapes) = &legend.shapes {
        title(out, &mut y, format!("Shape: {}", shapes.attribute));
        for (value, shape, count) in &shapes.values {
            let _ = writeln!(
                out,
                "    <text x=\"{x}\" y=\"{y}\">{} {} ({count})</text>",
                shape_name(*shape),
                escape(value)
            );
            y += 17.0;
        }
        if shapes.rest > 0 {
            let _ = writeln!(out, "    <text x=\"{x}\" y=\"{y}\">kind's shape: other values ({})</text>", shapes.rest);
            y += 17.0;
        }
    }
    y
}

/// A shape's name in a legend line.
fn shape_name(shape: crate::model::NodeShape) -> String {
    use crate::model::Kind;
    shape.label().to_lowercase()
}

/// The kinds present, with their shape, colour and count.
fn legend(out: &mut String, graph: &KnowledgeGraph, palette: &Palette, x: f32, mut y: f32) {
    let mut actor_counts = vec![0usize; ActorKind::ALL.len()];
    for actor in graph.actors() {
        if let Some(count) = actor_counts.get_mut(actor.kind.index()) {
            *count += 1;
        }
    }
    let mut cooperation_counts = vec![0usize; CooperationKind::ALL.len()];
    for c in graph.cooperations() {
        if let Some(count) = cooperation_counts.get_mut(c.cooperation.kind.index()) {
            *count += 1;
        }
    }
    let _ = writeln!(out, "  <g class=\"legend\" font-size=\"12\" fill=\"{}\">", color_hex(palette.label));
    let _ = writeln!(out, "    <text x=\"{x}\" y=\"{y}\" font-weight=\"bold\">Actors</text>");
    y += 18.0;
    for kind in ActorKind::ALL.iter().filter(|k| actor_counts[k.index()] > 0) {
        let _ = writeln!(
            out,
            "    <circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>",
            x + 6.0,
            y - 4.0,
            color_hex(kind.rgb())
        );
        let _ = writeln!(
            out,
            "    <text x=\"{}\" y=\"{y}\">{} ({})</text>",
            x + 18.0,
            escape(&kind.label()),
            actor_counts[kind.index()]
        );
        y += 17.0;
    }
    // Actors drawn in their own colours (Gephi's, yEd's, the person's) or mapped ones are not
    // in their kind's.
    let looks = crate::draw::mapping::MappedLooks::of(graph);
    let recoloured = graph.actors().filter(|a| looks.recoloured(a)).count();
    if recoloured > 0 {
        for (k, color) in crate::draw::looks::OTHER_COLOURS_SAMPLE.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <rect x=\"{}\" y=\"{}\" width=\"3\" height=\"10\" fill=\"{}\"/>",
                x + 1.0 + 3.0 * k as f32,
                y - 9.0,
                color_hex(*color)
            );
        }
        let text = escape(&crate::draw::looks::other_colours_text(recoloured));
        let _ = writeln!(out, "    <text x=\"{}\" y=\"{y}\">{text}</text>", x + 18.0);
        y += 17.0;
    }
    y = mapping_legend(out, &looks.legend(), x, y);
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
            color_hex(kind.rgb())
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
