//! The graph drawn into pixels on the processor, for the canvas of large graphs on
//! machines without a usable GPU: a worker thread draws the whole picture once, and frames show
//! those pixels — moved and scaled with the camera while it pans and zooms — with only what the
//! person points at drawn over them. A frame then costs what the person can see, not the graph.
//!
//! Same rules as every picture ([`crate::draw`]): each element's colour, lines before nodes,
//! loops above their node, straight lines for bundles.

use super::edges::{Lane, control_point, curve_at, loop_circle};
use rayon::prelude::*;

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
/// O(n + m) with the pixels they cover: lines are clipped to the image first, so a zoomed-in
/// picture costs what it shows.
pub fn rasterize(
    nodes: &[RasterNode],
    edges: &[RasterEdge],
    view: &RasterView,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<u8>> {
    let [w, h] = view.size;
    if w == 0 || h == 0 {
        return None;
    }
    let screen = |[x, y]: [f32; 2]| {
        [(x - view.center[0]) * view.zoom + w as f32 / 2.0, (y - view.center[1]) * view.zoom + h as f32 / 2.0]
    };
    // First every line's segments and every disc on screen, then the image drawn in bands of
    // rows, one per thread, each drawing what crosses it.
    let mut segments: Vec<Segment> = Vec::new();
    let mut points = Vec::with_capacity(32);
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
        let alpha = if edge.faint || a.faint || b.faint { view.faint_alpha / 2 } else { view.edge_alpha };
        let color = Premultiplied::new(edge.color, alpha);
        let bend = match edge.lane {
            Lane::Curve(k) => k,
            Lane::Bundle(_) | Lane::Bundled => 0.0,
        };
        points.clear();
        if edge.from == edge.to {
            let (centre, radius) = loop_circle(pa, a.radius * view.zoom, bend);
            let steps = 16;
            points.extend((0..=steps).map(|i| {
                let angle = i as f32 / steps as f32 * std::f32::consts::TAU;
                [centre[0] + radius * angle.cos(), centre[1] + radius * angle.sin()]
            }));
        } else if edge.lane.is_straight() {
            points.extend([pa, pb]);
        } else {
            let c = control_point(pa, pb, bend);
            let length = ((pb[0] - pa[0]).powi(2) + (pb[1] - pa[1]).powi(2)).sqrt();
            let steps = ((length / 12.0) as usize).clamp(4, 24);
            points.extend((0..=steps).map(|i| curve_at(pa, c, pb, i as f32 / steps as f32)));
        }
        for pair in points.windows(2) {
            if let [from, to] = pair
                && let Some((from, to)) = clip(*from, *to, w as f32, h as f32)
            {
                segments.push(Segment { from, to, width: edge.width, color });
            }
        }
    }
    let mut discs: Vec<Disc> = Vec::new();
    for node in nodes.iter().filter(|n| n.shown) {
        let centre = screen(node.at);
        let radius = (node.radius * view.zoom).max(1.0);
        if centre[0] + radius < 0.0
            || centre[1] + radius < 0.0
            || centre[0] - radius > w as f32
            || centre[1] - radius > h as f32
        {
            continue;
        }
        let alpha = if node.faint { view.faint_alpha.saturating_add(30) } else { 255 };
        discs.push(Disc { centre, radius, color: Premultiplied::new(node.fill, alpha) });
    }
    if cancelled() {
        return None;
    }
    let ground = Premultiplied::new(view.background, 255).0;
    let mut pixels = vec![ground; w as usize * h as usize];
    let band_rows = (h as usize).div_ceil(rayon::current_num_threads().max(1) * 4).max(1);
    pixels.par_chunks_mut(band_rows * w as usize).enumerate().for_each(|(band, rows)| {
        let top = band * band_rows;
        let mut canvas = Canvas { width: w as usize, top: top as i64, height: rows.len() / w as usize, pixels: rows };
        let (band_top, band_bottom) = (top as f32 - 2.0, (top + canvas.height) as f32 + 2.0);
        for segment in &segments {
            let half = segment.width / 2.0 + 1.0;
            if segment.from[1].max(segment.to[1]) + half < band_top
                || segment.from[1].min(segment.to[1]) - half > band_bottom
            {
                continue;
            }
            canvas.line(segment.from, segment.to, segment.width, segment.color);
        }
        for disc in &discs {
            if disc.centre[1] + disc.radius + 1.0 < band_top || disc.centre[1] - disc.radius - 1.0 > band_bottom {
                continue;
            }
            canvas.disc(disc.centre, disc.radius, disc.color);
        }
    });
    if cancelled() {
        return None;
    }
    Some(pixels.iter().flat_map(|p| p.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8)).collect())
}

/// A straight piece of a line, on screen.
struct Segment {
    from: [f32; 2],
    to: [f32; 2],
    width: f32,
    color: Premultiplied,
}

/// An actor's disc, on screen.
struct Disc {
    centre: [f32; 2],
    radius: f32,
    color: Premultiplied,
}

/// A colour with its opacity, premultiplied, in 0–1.
#[derive(Clone, Copy, Debug)]
struct Premultiplied([f32; 4]);

impl Premultiplied {
    fn new([r, g, b]: Rgb, alpha: u8) -> Self {
        let a = f32::from(alpha) / 255.0;
        Self([f32::from(r) / 255.0 * a, f32::from(g) / 255.0 * a, f32::from(b) / 255.0 * a, a])
    }
}

/// An RGBA image drawn into with source-over blending: lines one pixel wide (anti-aliased, wider
/// ones as parallel passes) and discs with soft edges. Simple enough to cost only the pixels
/// drawn, which a general path rasteriser does not for hundreds of thousands of short lines.
/// A band of the image's rows: `height` rows from row `top`.
struct Canvas<'a> {
    width: usize,
    top: i64,
    height: usize,
    pixels: &'a mut [[f32; 4]],
}

impl Canvas<'_> {
    /// Blends `color` over pixel (`x`, `y`) with `coverage` (0–1); outside the band, nothing.
    fn blend(&mut self, x: i64, y: i64, color: Premultiplied, coverage: f32) {
        let y = y - self.top;
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return;
        }
        let Some(pixel) = self.pixels.get_mut(y as usize * self.width + x as usize) else { return };
        let c = coverage.clamp(0.0, 1.0);
        let keep = 1.0 - color.0[3] * c;
        for (channel, source) in pixel.iter_mut().zip(color.0) {
            *channel = source * c + *channel * keep;
        }
    }

    /// A line from `a` to `b` of `width` pixels: one anti-aliased pass per pixel of width, side
    /// by side, the outer ones as faint as the width's fraction. Clipped to the image first.
    fn line(&mut self, a: [f32; 2], b: [f32; 2], width: f32, color: Premultiplied) {
        let width = width.max(0.5);
        let passes = width.ceil().max(1.0) as usize;
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = (dx * dx + dy * dy).sqrt().max(1e-6);
        let normal = [-dy / length, dx / length];
        for pass in 0..passes {
            let offset = pass as f32 - (passes - 1) as f32 / 2.0;
            // The passes together cover `width` pixels: the last gets the remainder.
            let strength = (width - pass as f32).clamp(0.0, 1.0);
            let shift = [normal[0] * offset, normal[1] * offset];
            self.hairline([a[0] + shift[0], a[1] + shift[1]], [b[0] + shift[0], b[1] + shift[1]], color, strength);
        }
    }

    /// One pixel wide, anti-aliased (Xiaolin Wu): each step along the longer axis shares
    /// `strength` between the two pixels across the line by distance.
    fn hairline(&mut self, a: [f32; 2], b: [f32; 2], color: Premultiplied, strength: f32) {
        let steep = (b[1] - a[1]).abs() > (b[0] - a[0]).abs();
        let (mut a, mut b) = if steep { ([a[1], a[0]], [b[1], b[0]]) } else { (a, b) };
        if a[0] > b[0] {
            std::mem::swap(&mut a, &mut b);
        }
        let dx = b[0] - a[0];
        let gradient = if dx.abs() < 1e-6 { 0.0 } else { (b[1] - a[1]) / dx };
        let start = a[0].round() as i64;
        let end = b[0].round() as i64;
        let mut y = a[1] + gradient * (start as f32 - a[0]);
        for x in start..=end {
            let floor = y.floor();
            let fraction = y - floor;
            let row = floor as i64;
            if steep {
                self.blend(row, x, color, (1.0 - fraction) * strength);
                self.blend(row + 1, x, color, fraction * strength);
            } else {
                self.blend(x, row, color, (1.0 - fraction) * strength);
                self.blend(x, row + 1, color, fraction * strength);
            }
            y += gradient;
        }
    }

    /// A filled disc at `centre` of `radius` pixels with a soft edge.
    fn disc(&mut self, centre: [f32; 2], radius: f32, color: Premultiplied) {
        let (top, bottom) = (self.top as f32, (self.top + self.height as i64) as f32);
        let x0 = (centre[0] - radius - 1.0).floor().max(0.0) as i64;
        let x1 = (centre[0] + radius + 1.0).ceil().min(self.width as f32) as i64;
        let y0 = (centre[1] - radius - 1.0).floor().max(top) as i64;
        let y1 = (centre[1] + radius + 1.0).ceil().min(bottom) as i64;
        for y in y0..y1 {
            let dy = y as f32 + 0.5 - centre[1];
            for x in x0..x1 {
                let dx = x as f32 + 0.5 - centre[0];
                let coverage = radius + 0.5 - (dx * dx + dy * dy).sqrt();
                if coverage > 0.0 {
                    self.blend(x, y, color, coverage);
                }
            }
        }
    }
}

/// The part of the segment from `a` to `b` inside a `w`×`h` image (with a pixel to spare), or
/// `None` when it misses the image (Liang–Barsky).
fn clip(a: [f32; 2], b: [f32; 2], w: f32, h: f32) -> Option<([f32; 2], [f32; 2])> {
    let (min, max) = ([-2.0, -2.0], [w + 2.0, h + 2.0]);
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for axis in 0..2 {
        for (p, q) in [(-d[axis], a[axis] - min[axis]), (d[axis], max[axis] - a[axis])] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    Some(([a[0] + d[0] * t0, a[1] + d[1] * t0], [a[0] + d[0] * t1, a[1] + d[1] * t1]))
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
