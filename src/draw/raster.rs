//! The graph drawn into pixels on the processor (tiny-skia), for the canvas of large graphs on
//! machines without a usable GPU: a worker thread draws the whole picture once, and frames show
//! those pixels — moved and scaled with the camera while it pans and zooms — with only what the
//! person points at drawn over them. A frame then costs what the person can see, not the graph.
//!
//! Same rules as every picture ([`crate::draw`]): each element's colour, lines before nodes,
//! loops above their node, straight lines for bundles.

use resvg::tiny_skia::{self, FillRule, LineCap, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::edges::{Lane, control_point, loop_circle};
use crate::model::Rgb;

/// One actor as the raster draws it.
#[derive(Clone, Copy, Debug)]
pub struct RasterNode {
    /// Position in layout units.
    pub at: [f32; 2],
    /// Radius in layout units.
    pub radius: f32,
    /// Fill.
    pub fill: Rgb,
    /// Drawn faint (filtered out but shown faded).
    pub faint: bool,
    /// Drawn at all.
    pub shown: bool,
}

/// One cooperation as the raster draws it.
#[derive(Clone, Copy, Debug)]
pub struct RasterEdge {
    /// Index of the node it goes from.
    pub from: u32,
    /// Index of the node it goes to.
    pub to: u32,
    /// Colour.
    pub color: Rgb,
    /// Width in screen points.
    pub width: f32,
    /// How it is drawn among its parallels.
    pub lane: Lane,
    /// Drawn faint.
    pub faint: bool,
}

/// What to draw and where: the camera (layout point at the centre, points per layout unit), the
/// image size in pixels, and the ground.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RasterView {
    /// The layout point at the image's centre.
    pub center: [f32; 2],
    /// Pixels per layout unit.
    pub zoom: f32,
    /// Image width and height in pixels.
    pub size: [u32; 2],
    /// The ground colour.
    pub background: Rgb,
    /// Opacity of lines (0–255).
    pub edge_alpha: u8,
    /// Opacity of faint elements (0–255).
    pub faint_alpha: u8,
}

/// Draws the graph into an RGBA image (premultiplied, row by row), or `None` for an empty size
/// or when `cancelled` says the picture is no longer wanted (checked every few thousand elements).
/// O(n + m) with the pixels they cover.
pub fn rasterize(
    nodes: &[RasterNode],
    edges: &[RasterEdge],
    view: &RasterView,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<u8>> {
    let [w, h] = view.size;
    let mut pixmap = Pixmap::new(w, h)?;
    let [r, g, b] = view.background;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let screen = |[x, y]: [f32; 2]| {
        [(x - view.center[0]) * view.zoom + w as f32 / 2.0, (y - view.center[1]) * view.zoom + h as f32 / 2.0]
    };
    let visible = |[x, y]: [f32; 2], margin: f32| {
        x >= -margin && y >= -margin && x <= w as f32 + margin && y <= h as f32 + margin
    };
    // Many thin lines: anti-aliasing costs more than it shows.
    let mut paint = Paint { anti_alias: edges.len() < 50_000, ..Paint::default() };
    for (k, edge) in edges.iter().enumerate() {
        if k % 4096 == 0 && cancelled() {
            return None;
        }
        if !edge.lane.is_drawn() {
            continue;
        }
        let (Some(a), Some(b)) = (nodes.get(edge.from as usize), nodes.get(edge.to as usize)) else { continue };
        if !(a.shown && b.shown) {
            continue;
        }
        let (pa, pb) = (screen(a.at), screen(b.at));
        let margin = 2.0 * a.radius.max(b.radius) * view.zoom + 4.0;
        if !visible(pa, margin) && !visible(pb, margin) && !crosses(pa, pb, w as f32, h as f32) {
            continue;
        }
        let alpha = if edge.faint || a.faint || b.faint { view.faint_alpha / 2 } else { view.edge_alpha };
        let [r, g, b2] = edge.color;
        paint.set_color_rgba8(r, g, b2, alpha);
        let bend = match edge.lane {
            Lane::Curve(k) => k,
            Lane::Bundle(_) | Lane::Bundled => 0.0,
        };
        let mut path = PathBuilder::new();
        if edge.from == edge.to {
            let (centre, radius) = loop_circle(pa, a.radius * view.zoom, bend);
            path.push_circle(centre[0], centre[1], radius);
        } else {
            path.move_to(pa[0], pa[1]);
            if edge.lane.is_straight() {
                path.line_to(pb[0], pb[1]);
            } else {
                let c = control_point(pa, pb, bend);
                path.quad_to(c[0], c[1], pb[0], pb[1]);
            }
        }
        let Some(path) = path.finish() else { continue };
        let stroke = Stroke { width: edge.width.max(0.5), line_cap: LineCap::Butt, ..Stroke::default() };
        pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
    }
    paint.anti_alias = nodes.len() < 50_000;
    for (k, node) in nodes.iter().enumerate() {
        if k % 4096 == 0 && cancelled() {
            return None;
        }
        if !node.shown {
            continue;
        }
        let p = screen(node.at);
        let radius = (node.radius * view.zoom).max(1.0);
        if !visible(p, radius) {
            continue;
        }
        let [r, g, b] = node.fill;
        paint.set_color_rgba8(r, g, b, if node.faint { view.faint_alpha.saturating_add(30) } else { 255 });
        if radius < 2.0 {
            // A dot: a square costs a fraction of a circle and looks the same at this size.
            if let Some(rect) = tiny_skia::Rect::from_xywh(p[0] - radius, p[1] - radius, 2.0 * radius, 2.0 * radius) {
                pixmap.fill_rect(rect, &paint, Transform::identity(), None);
            }
        } else if let Some(path) = PathBuilder::from_circle(p[0], p[1], radius) {
            pixmap.fill_path(&path, &paint, FillRule::Winding, Transform::identity(), None);
        }
    }
    Some(pixmap.take())
}

/// Whether the segment from `a` to `b` crosses a `w`×`h` image (both ends outside it).
fn crosses(a: [f32; 2], b: [f32; 2], w: f32, h: f32) -> bool {
    let (min_x, max_x) = (a[0].min(b[0]), a[0].max(b[0]));
    let (min_y, max_y) = (a[1].min(b[1]), a[1].max(b[1]));
    max_x >= 0.0 && min_x <= w && max_y >= 0.0 && min_y <= h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_and_lines_land_where_the_camera_puts_them_and_a_cancel_stops_it() {
        let node = |at: [f32; 2], fill: Rgb| RasterNode { at, radius: 4.0, fill, faint: false, shown: true };
        let nodes = [node([-50.0, 0.0], [255, 0, 0]), node([50.0, 0.0], [0, 0, 255])];
        let edges =
            [RasterEdge { from: 0, to: 1, color: [0, 255, 0], width: 3.0, lane: Lane::Curve(0.0), faint: false }];
        let view = RasterView {
            center: [0.0, 0.0],
            zoom: 1.0,
            size: [200, 100],
            background: [0, 0, 0],
            edge_alpha: 255,
            faint_alpha: 40,
        };
        let image = rasterize(&nodes, &edges, &view, &|| false).unwrap();
        let pixel = |x: usize, y: usize| {
            let i = 4 * (y * 200 + x);
            [image[i], image[i + 1], image[i + 2]]
        };
        assert_eq!(pixel(50, 50), [255, 0, 0], "the red node at the left");
        assert_eq!(pixel(150, 50), [0, 0, 255], "the blue one at the right");
        assert_eq!(pixel(100, 50), [0, 255, 0], "the green line between them");
        assert_eq!(pixel(100, 10), [0, 0, 0], "the ground elsewhere");
        assert!(rasterize(&nodes, &edges, &view, &|| true).is_none(), "a cancelled picture is not drawn");
    }
}
