// Nodes and cooperations of a large graph, drawn by instancing: one instance per node (a quad
// whose fragment shader cuts the kind's shape) and one per cooperation (a line quad and an
// arrowhead). Positions, node styles and edges live in storage buffers; the CPU uploads
// positions when the layout moves and styles when the selection, hover or filters change.

struct View {
    // Layout point at the centre of the canvas.
    center: vec2<f32>,
    // Screen points per layout unit.
    zoom: f32,
    // Physical pixels per screen point.
    pixels_per_point: f32,
    // Canvas size in points.
    size: vec2<f32>,
    // Line width factor of the current zoom (as the CPU path's `zoom_width`).
    edge_width: f32,
    _pad: f32,
};

struct NodeStyle {
    // Radius in layout units; 0 hides the node.
    radius: f32,
    // Premultiplied RGBA8 (egui's Color32 bytes).
    color: u32,
    // Bits 0-3: corners (0 = circle); bits 8-15: start angle in 1/256 turns; bit 16: outline.
    shape: u32,
};

struct Edge {
    start_node: u32,
    end_node: u32,
    color: u32,
    // Width factor in points; negative for an undirected cooperation (no arrowhead).
    width: f32,
};

@group(0) @binding(0) var<uniform> view: View;
@group(0) @binding(1) var<storage, read> positions: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read> styles: array<NodeStyle>;
@group(0) @binding(3) var<storage, read> edges: array<Edge>;

const TAU: f32 = 6.283185307;

fn to_points(world: vec2<f32>) -> vec2<f32> {
    return (world - view.center) * view.zoom;
}

fn to_clip(points: vec2<f32>) -> vec4<f32> {
    let ndc = points / (view.size * 0.5);
    return vec4<f32>(ndc.x, -ndc.y, 0.0, 1.0);
}

fn unpack(color: u32) -> vec4<f32> {
    return unpack4x8unorm(color);
}

struct NodeOut {
    @builtin(position) clip: vec4<f32>,
    // Position inside the quad in units of the shape's radius.
    @location(0) local: vec2<f32>,
    @location(1) @interpolate(flat) color: vec4<f32>,
    @location(2) @interpolate(flat) shape: u32,
    // The shape's radius in physical pixels.
    @location(3) @interpolate(flat) radius_px: f32,
};

@vertex
fn node_vertex(@builtin(vertex_index) vertex: u32, @builtin(instance_index) node: u32) -> NodeOut {
    var out: NodeOut;
    let style = styles[node];
    let corners = style.shape & 15u;
    // Polygons are drawn a little larger so their area reads like the circle's.
    let scale = select(1.15, 1.0, corners == 0u);
    // At least a speck of about a pixel, as the CPU path draws far-away nodes.
    let radius = max(style.radius * view.zoom * scale, 0.8);
    let margin = 1.0 / view.pixels_per_point;
    let corner = vec2<f32>(f32(vertex & 1u), f32((vertex >> 1u) & 1u)) * 2.0 - 1.0;
    let extent = (radius + margin) / radius;
    out.local = corner * extent;
    let centre = to_points(positions[node]);
    out.clip = to_clip(centre + corner * (radius + margin));
    if (style.radius <= 0.0) {
        out.clip = vec4<f32>(2.0, 2.0, 0.0, 1.0);
    }
    out.color = unpack(style.color);
    out.shape = style.shape;
    out.radius_px = radius * view.pixels_per_point;
    return out;
}

// How far out the shape's boundary lies in direction `p`, in units of the radius.
fn boundary(p: vec2<f32>, shape: u32) -> f32 {
    let corners = shape & 15u;
    if (corners == 0u) {
        return 1.0;
    }
    let n = f32(corners);
    let start = f32((shape >> 8u) & 255u) / 256.0 * TAU;
    let sector = TAU / n;
    var angle = atan2(p.y, p.x) - start;
    angle = angle - floor(angle / sector) * sector;
    return cos(sector * 0.5) / cos(angle - sector * 0.5);
}

@fragment
fn node_fragment(in: NodeOut) -> @location(0) vec4<f32> {
    let edge = boundary(in.local, in.shape);
    // Distance outside the boundary in pixels (negative inside).
    let outside = (length(in.local) - edge) * in.radius_px;
    let coverage = clamp(0.5 - outside, 0.0, 1.0);
    if (coverage <= 0.0) {
        discard;
    }
    var color = in.color;
    let outline = (in.shape >> 16u) & 1u;
    if (outline == 1u) {
        // A dark rim 1.2 points wide, as on the CPU path.
        let rim = clamp(outside + 1.2 * view.pixels_per_point + 0.5, 0.0, 1.0);
        color = mix(color, vec4<f32>(0.0, 0.0, 0.0, 0.63), rim);
    }
    return color * coverage;
}

struct EdgeOut {
    @builtin(position) clip: vec4<f32>,
    // Signed distance across the line in pixels (0 on its axis); 0 inside arrowheads.
    @location(0) across: f32,
    @location(1) @interpolate(flat) half_width: f32,
    @location(2) @interpolate(flat) color: vec4<f32>,
};

@vertex
fn edge_vertex(@builtin(vertex_index) vertex: u32, @builtin(instance_index) index: u32) -> EdgeOut {
    var out: EdgeOut;
    let edge = edges[index];
    let a = to_points(positions[edge.start_node]);
    let b = to_points(positions[edge.end_node]);
    let target_radius = styles[edge.end_node].radius * view.zoom;
    let width = abs(edge.width) * view.edge_width;
    let delta = b - a;
    let length_points = length(delta);
    out.color = unpack(edge.color);
    if (length_points < 1e-4 || styles[edge.start_node].radius <= 0.0 || styles[edge.end_node].radius <= 0.0) {
        out.clip = vec4<f32>(2.0, 2.0, 0.0, 1.0);
        out.across = 0.0;
        out.half_width = 1.0;
        return out;
    }
    let dir = delta / length_points;
    let normal = vec2<f32>(-dir.y, dir.x);
    var line_end = b;
    let size = clamp(width * 3.0 + 4.0, 4.0, 14.0);
    let tip = b - dir * (target_radius + 1.5);
    let arrow = edge.width > 0.0 && length(tip - a) > 2.5 * size && target_radius >= 2.5;
    if (arrow) {
        line_end = tip - dir * size * 0.8;
    }
    // Lines thinner than a pixel are drawn a pixel wide and fainter.
    let width_px = width * view.pixels_per_point;
    let drawn_px = max(width_px, 1.0);
    out.half_width = drawn_px * 0.5;
    let faint = min(width_px, 1.0);
    out.color = out.color * faint;
    let reach = (drawn_px * 0.5 + 1.0) / view.pixels_per_point;
    var p = a;
    var across = 0.0;
    switch vertex {
        case 0u: { p = a + normal * reach; across = 1.0; }
        case 1u: { p = a - normal * reach; across = -1.0; }
        case 2u: { p = line_end + normal * reach; across = 1.0; }
        case 3u: { p = line_end + normal * reach; across = 1.0; }
        case 4u: { p = a - normal * reach; across = -1.0; }
        case 5u: { p = line_end - normal * reach; across = -1.0; }
        case 6u: { p = tip; }
        case 7u: { p = tip - dir * size + normal * size * 0.5; }
        default: { p = tip - dir * size - normal * size * 0.5; }
    }
    if (vertex >= 6u) {
        out.color = unpack(edge.color);
        if (!arrow) {
            p = a;
        }
    }
    out.clip = to_clip(p);
    out.across = across * (drawn_px * 0.5 + 1.0);
    return out;
}

@fragment
fn edge_fragment(in: EdgeOut) -> @location(0) vec4<f32> {
    let coverage = clamp(in.half_width + 0.5 - abs(in.across), 0.0, 1.0);
    return in.color * coverage;
}
