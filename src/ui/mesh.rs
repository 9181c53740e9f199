//! Batched geometry: nodes, lines and arrowheads appended to one [`Mesh`] instead of one egui
//! shape each (an anti-aliased egui circle alone is ~72 vertices). Optional 1-pixel feathering
//! gives smooth edges where the element count allows.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Vec2, pos2, vec2};

use super::theme::NodeShape;

/// Width of the anti-aliasing fringe, in screen points.
const FEATHER: f32 = 1.0;

fn vertex(mesh: &mut Mesh, pos: Pos2, color: Color32) -> u32 {
    let index = mesh.vertices.len() as u32;
    mesh.vertices.push(Vertex { pos, uv: WHITE_UV, color });
    index
}

/// The outline points of a node shape of radius `r` around `center`.
fn outline(center: Pos2, r: f32, shape: NodeShape, points: &mut Vec<Pos2>) {
    points.clear();
    let (corners, start) = match shape.polygon() {
        Some((corners, start)) => (corners, start),
        None => ((r * 1.5).clamp(6.0, 40.0) as usize, 0.0),
    };
    // Polygons are scaled up a little so their area reads like the circle's.
    let scale = if shape.polygon().is_some() { 1.15 } else { 1.0 };
    for k in 0..corners {
        let angle = start + std::f32::consts::TAU * k as f32 / corners as f32;
        points.push(center + vec2(angle.cos(), angle.sin()) * r * scale);
    }
}

/// A filled node shape. `feathered` adds a transparent fringe for smooth edges.
pub fn add_node(
    mesh: &mut Mesh,
    scratch: &mut Vec<Pos2>,
    center: Pos2,
    r: f32,
    shape: NodeShape,
    color: Color32,
    feathered: bool,
) {
    if r < 1.25 {
        // A speck: a triangle of about a pixel reads as a dot and costs 3 vertices.
        let s = r.max(0.8) * 1.5;
        add_triangle(
            mesh,
            center + vec2(0.0, -s),
            center + vec2(s * 0.87, s * 0.5),
            center + vec2(-s * 0.87, s * 0.5),
            color,
        );
        return;
    }
    if r < 2.0 {
        // Far away: a small square reads as a dot and costs 4 vertices.
        add_rect(mesh, center, Vec2::splat(r), color);
        return;
    }
    outline(center, r, shape, scratch);
    let centre_index = vertex(mesh, center, color);
    let first = mesh.vertices.len() as u32;
    for &p in scratch.iter() {
        vertex(mesh, p, color);
    }
    let count = scratch.len() as u32;
    for k in 0..count {
        mesh.add_triangle(centre_index, first + k, first + (k + 1) % count);
    }
    if feathered {
        let outer_first = mesh.vertices.len() as u32;
        for &p in scratch.iter() {
            let out = p + (p - center).normalized() * FEATHER;
            vertex(mesh, out, Color32::TRANSPARENT);
        }
        for k in 0..count {
            let (a, b) = (first + k, first + (k + 1) % count);
            let (c, d) = (outer_first + k, outer_first + (k + 1) % count);
            mesh.add_triangle(a, b, d);
            mesh.add_triangle(a, d, c);
        }
    }
}

/// A ring (outline) of a node shape between radii `r` and `r + width`.
pub fn add_ring(
    mesh: &mut Mesh,
    scratch: &mut Vec<Pos2>,
    center: Pos2,
    r: f32,
    width: f32,
    shape: NodeShape,
    color: Color32,
) {
    outline(center, r, shape, scratch);
    let count = scratch.len() as u32;
    let first = mesh.vertices.len() as u32;
    for &p in scratch.iter() {
        let dir = (p - center).normalized();
        vertex(mesh, p, color);
        vertex(mesh, p + dir * width, color);
    }
    for k in 0..count {
        let (a, b) = (first + 2 * k, first + 2 * ((k + 1) % count));
        mesh.add_triangle(a, b, b + 1);
        mesh.add_triangle(a, b + 1, a + 1);
    }
}

/// An axis-aligned square of half-size `half` around `center`.
pub fn add_rect(mesh: &mut Mesh, center: Pos2, half: Vec2, color: Color32) {
    let i = mesh.vertices.len() as u32;
    vertex(mesh, center - half, color);
    vertex(mesh, pos2(center.x + half.x, center.y - half.y), color);
    vertex(mesh, center + half, color);
    vertex(mesh, pos2(center.x - half.x, center.y + half.y), color);
    mesh.add_triangle(i, i + 1, i + 2);
    mesh.add_triangle(i, i + 2, i + 3);
}

/// A straight line segment of the given width.
pub fn add_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32, feathered: bool) {
    let dir = b - a;
    let length = dir.length();
    if length < 1e-3 {
        return;
    }
    let normal = vec2(-dir.y, dir.x) / length;
    let half = normal * (width * 0.5);
    let i = mesh.vertices.len() as u32;
    vertex(mesh, a + half, color);
    vertex(mesh, b + half, color);
    vertex(mesh, b - half, color);
    vertex(mesh, a - half, color);
    mesh.add_triangle(i, i + 1, i + 2);
    mesh.add_triangle(i, i + 2, i + 3);
    if feathered {
        let fringe = normal * FEATHER;
        let j = mesh.vertices.len() as u32;
        vertex(mesh, a + half + fringe, Color32::TRANSPARENT);
        vertex(mesh, b + half + fringe, Color32::TRANSPARENT);
        vertex(mesh, b - half - fringe, Color32::TRANSPARENT);
        vertex(mesh, a - half - fringe, Color32::TRANSPARENT);
        // Upper fringe: i, i+1 with j, j+1; lower fringe: i+3, i+2 with j+3, j+2.
        mesh.add_triangle(i, i + 1, j + 1);
        mesh.add_triangle(i, j + 1, j);
        mesh.add_triangle(i + 3, i + 2, j + 2);
        mesh.add_triangle(i + 3, j + 2, j + 3);
    }
}

/// A polyline of the given width (each segment a quad; joints are small enough not to show).
pub fn add_polyline(mesh: &mut Mesh, points: &[Pos2], width: f32, color: Color32, feathered: bool) {
    for pair in points.windows(2) {
        add_line(mesh, pair[0], pair[1], width, color, feathered);
    }
}

/// A filled triangle.
pub fn add_triangle(mesh: &mut Mesh, a: Pos2, b: Pos2, c: Pos2, color: Color32) {
    let i = mesh.vertices.len() as u32;
    vertex(mesh, a, color);
    vertex(mesh, b, color);
    vertex(mesh, c, color);
    mesh.add_triangle(i, i + 1, i + 2);
}

/// An arrowhead whose tip is at `tip`, pointing along `direction` (unit), `size` points long.
pub fn add_arrowhead(mesh: &mut Mesh, tip: Pos2, direction: Vec2, size: f32, color: Color32) {
    let normal = vec2(-direction.y, direction.x);
    let base = tip - direction * size;
    add_triangle(mesh, tip, base + normal * (size * 0.45), base - normal * (size * 0.45), color);
}
