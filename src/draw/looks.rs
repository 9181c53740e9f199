//! What each actor and cooperation looks like, from its own style or its kind: one answer for
//! the canvas and for pictures.

use crate::layout::node_radius;
use crate::model::{Actor, Cooperation, NodeShape, Rgb};

/// The sample every legend shows for actors in other colours than their kind's: four stripes
/// (the kinds' red, orange, green and blue), as "many colours".
pub const OTHER_COLOURS_SAMPLE: [Rgb; 4] =
    [[0xE4, 0x57, 0x56], [0xF5, 0x85, 0x18], [0x54, 0xA2, 0x4B], [0x43, 0x9C, 0xF0]];

/// The legend's line for `count` actors in other colours than their kind's.
pub fn other_colours_text(count: usize) -> String {
    format!("{} in other colours", crate::words::actors(count))
}

/// An actor's fill colour: its own, else its kind's.
pub fn node_fill(actor: &Actor) -> Rgb {
    actor.style.color.unwrap_or_else(|| actor.kind.rgb())
}

/// An actor's outline: its own, else its kind's.
pub fn node_shape(actor: &Actor) -> NodeShape {
    actor.style.shape.unwrap_or_else(|| actor.kind.shape())
}

/// An actor's radius in layout units: its own size, else by its degree (`by_degree`) or the
/// size of an actor with no cooperation.
pub fn node_size(actor: &Actor, degree: usize, by_degree: bool) -> f32 {
    actor.style.size.unwrap_or_else(|| node_radius(if by_degree { degree } else { 0 }))
}

/// A cooperation's colour: its own, else its kind's.
pub fn edge_color(cooperation: &Cooperation) -> Rgb {
    cooperation.style.color.unwrap_or_else(|| cooperation.kind.rgb())
}

/// A cooperation's line strength before the zoom's factor: its own width, else by the number of
/// sources it cites (`by_sources`) or by its weight.
pub fn edge_strength(own_width: Option<f32>, weight: f32, sources: u32, by_sources: bool) -> f32 {
    if let Some(width) = own_width {
        return width.clamp(0.2, 10.0);
    }
    let strength = if by_sources { 0.8 + 0.9 * sources as f32 } else { weight.max(0.1).sqrt() };
    strength.clamp(0.5, 5.0)
}

/// How wide lines are drawn at `zoom` (screen units per layout unit), per unit of strength.
pub fn line_scale(zoom: f32) -> f32 {
    (zoom * 1.5).clamp(0.6, 2.0)
}

/// The length of an arrowhead on a line `width` wide.
pub fn arrow_size(width: f32) -> f32 {
    (width * 3.0 + 4.0).clamp(4.0, 14.0)
}

/// Engine nodes (or any numbering) from most to least important, the order labels are placed
/// in: by drawn radius, then degree, then the caller's order. O(n log n).
pub fn importance_order(radii: &[f32], degrees: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..radii.len() as u32).collect();
    let radius = |i: u32| radii.get(i as usize).copied().unwrap_or(0.0);
    let degree = |i: u32| degrees.get(i as usize).copied().unwrap_or(0);
    order.sort_by(|&a, &b| radius(b).total_cmp(&radius(a)).then(degree(b).cmp(&degree(a))).then(a.cmp(&b)));
    order
}
