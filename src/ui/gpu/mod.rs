//! Drawing the nodes and cooperations of large graphs on the GPU, through an `egui_wgpu` paint
//! callback: one instance per node and per cooperation, read from storage buffers. The CPU only
//! packs what changed — positions when the layout moves, styles when the selection, hover,
//! filters or colours change — so a frame of a still graph costs it almost nothing, whatever the
//! graph's size. Selection rings, pins, labels, curved parallel cooperations and loops stay on
//! the CPU path (they are few); so does everything where wgpu is not the renderer.

mod pipeline;

use std::sync::Arc;

use eframe::egui_wgpu;
use egui::Color32;

pub use pipeline::GpuTarget;

use super::paint::{PaintInput, edge_style, flag};
use super::theme;
use crate::draw::looks::line_scale;

/// Bytes per node position (two `f32`).
const POSITION_BYTES: usize = 8;
/// Bytes per node style (radius, colour, shape).
const STYLE_BYTES: usize = 12;
/// Bytes per cooperation (from, to, colour, width).
const EDGE_BYTES: usize = 16;

/// Packed buffers and what they were packed from, kept across frames.
#[derive(Clone, Default)]
pub struct GpuGraph {
    positions: Packed,
    styles: Packed,
    edges: Packed,
    /// The layout serial and node count the positions were packed at.
    positions_from: Option<(u64, usize)>,
    /// Copies of the inputs the styles were packed from, compared each frame (a memory compare,
    /// far cheaper than packing again).
    styles_from: Option<StyleInputs>,
    edge_count: u32,
    node_count: u32,
    /// Shown cooperations the GPU leaves to the CPU: loops and curved parallel ones.
    cpu_edges: Vec<u32>,
}

/// One frame of GPU drawing: the callbacks (cooperations, then actors) and the cooperations the
/// CPU draws between them.
pub struct GpuLayers<'a> {
    /// Paints the straight cooperations.
    pub cooperations: egui::PaintCallback,
    /// Paints the actors.
    pub actors: egui::PaintCallback,
    /// Scene edges left to the CPU.
    pub cpu_edges: &'a [u32],
}

/// One packed buffer and its generation (bumped on every repack, so the GPU side knows what to
/// upload).
#[derive(Clone, Default)]
struct Packed {
    bytes: Arc<Vec<u8>>,
    generation: u64,
}

impl Packed {
    fn replace(&mut self, bytes: Vec<u8>) {
        self.bytes = Arc::new(bytes);
        self.generation += 1;
    }
}

#[derive(Clone)]
struct StyleInputs {
    flags: Vec<u8>,
    edge_flags: Vec<u8>,
    radii: Vec<f32>,
    colors: Option<Vec<Color32>>,
    dimming: bool,
    focus_edge: Option<usize>,
    width_by_sources: bool,
    palette: crate::draw::Palette,
    /// Node and edge counts and the document revision the scene was built at.
    structure: (usize, usize, u64),
}

impl GpuGraph {
    /// Brings the packed buffers up to date with this frame's input and returns the paint
    /// callbacks for the canvas rectangle: cooperations, then actors. `layout_serial` changes whenever positions change,
    /// `revision` whenever the document (and so the scene's kinds and weights) changes.
    pub fn frame(
        &mut self,
        input: &PaintInput<'_>,
        layout_serial: u64,
        revision: u64,
        target: &GpuTarget,
    ) -> GpuLayers<'_> {
        let n = input.xs.len().min(input.ys.len());
        if self.positions_from != Some((layout_serial, n)) {
            self.positions.replace(pack_positions(input.xs, input.ys));
            self.positions_from = Some((layout_serial, n));
        }
        let structure = (input.scene.nodes.len(), input.scene.edges.len(), revision);
        // Compared in place (a memory compare), copied only when they changed.
        let unchanged = self.styles_from.as_ref().is_some_and(|from| {
            from.structure == structure
                && from.dimming == input.dimming
                && from.focus_edge == input.focus_edge
                && from.width_by_sources == input.options.width_by_sources
                && from.palette == input.palette
                && from.flags == input.flags
                && from.edge_flags == input.edge_flags
                && from.radii == input.radii
                && from.colors.as_deref() == input.colors
        });
        if !unchanged {
            let inputs = StyleInputs {
                flags: input.flags.to_vec(),
                edge_flags: input.edge_flags.to_vec(),
                radii: input.radii.to_vec(),
                colors: input.colors.map(<[Color32]>::to_vec),
                dimming: input.dimming,
                focus_edge: input.focus_edge,
                width_by_sources: input.options.width_by_sources,
                palette: input.palette,
                structure,
            };
            self.styles.replace(pack_styles(input));
            let (edges, count) = pack_edges(input);
            self.edges.replace(edges);
            self.edge_count = count;
            self.cpu_edges = (0..input.scene.edges.len())
                .filter(|&e| input.edge_shown(e) && !gpu_draws_edge(input, e))
                .map(|e| e as u32)
                .collect();
            self.node_count = u32::try_from(n).unwrap_or(u32::MAX);
            self.styles_from = Some(inputs);
        }
        let view = pipeline::ViewUniform {
            center: [input.camera.center.x, input.camera.center.y],
            zoom: input.camera.zoom,
            size: [input.viewport.width(), input.viewport.height()],
            edge_width: line_scale(input.camera.zoom),
        };
        let callback = |layer| pipeline::GraphCallback {
            layer,
            target: target.clone(),
            view,
            positions: (self.positions.generation, Arc::clone(&self.positions.bytes)),
            styles: (self.styles.generation, Arc::clone(&self.styles.bytes)),
            edges: (self.edges.generation, Arc::clone(&self.edges.bytes)),
            node_count: self.node_count,
            edge_count: self.edge_count,
        };
        GpuLayers {
            cooperations: egui_wgpu::Callback::new_paint_callback(
                input.viewport,
                callback(pipeline::Layer::Cooperations),
            ),
            actors: egui_wgpu::Callback::new_paint_callback(input.viewport, callback(pipeline::Layer::Actors)),
            cpu_edges: &self.cpu_edges,
        }
    }

    /// Whether a graph of this size fits the device's storage buffers.
    pub fn fits(target: &GpuTarget, nodes: usize, edges: usize) -> bool {
        let largest = (nodes * STYLE_BYTES).max(edges * EDGE_BYTES) as u64;
        largest <= target.max_buffer_bytes
    }
}

impl std::fmt::Debug for GpuGraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GpuGraph").field("nodes", &self.node_count).field("edges", &self.edge_count).finish()
    }
}

fn pack_positions(xs: &[f32], ys: &[f32]) -> Vec<u8> {
    let mut bytes = vec![0u8; xs.len().min(ys.len()) * POSITION_BYTES];
    for (chunk, (x, y)) in bytes.chunks_exact_mut(POSITION_BYTES).zip(xs.iter().zip(ys)) {
        let (a, b) = chunk.split_at_mut(4);
        a.copy_from_slice(&x.to_le_bytes());
        b.copy_from_slice(&y.to_le_bytes());
    }
    bytes
}

/// The shape word of a node: corners, start angle in 1/256 turns, outline bit.
fn shape_word(shape: theme::NodeShape, outline: bool) -> u32 {
    let (corners, start) = shape.polygon().unwrap_or((0, 0.0));
    let turns = (start / std::f32::consts::TAU).rem_euclid(1.0);
    let start_code = ((turns * 256.0).round() as u32) & 255;
    (corners as u32 & 15) | (start_code << 8) | (u32::from(outline) << 16)
}

fn color_word(color: Color32) -> u32 {
    u32::from_le_bytes(color.to_array())
}

fn pack_styles(input: &PaintInput<'_>) -> Vec<u8> {
    let scene = input.scene;
    let n = input.xs.len();
    let mut bytes = vec![0u8; n * STYLE_BYTES];
    for (i, chunk) in bytes.chunks_exact_mut(STYLE_BYTES).enumerate() {
        let Some(node) = scene.nodes.get(i) else { continue };
        let flags = input.flags.get(i).copied().unwrap_or(0);
        if flags & (flag::VISIBLE | flag::FADED) == 0 {
            continue; // radius 0: not drawn
        }
        let highlighted = flags & (flag::HOVERED | flag::NEIGHBOUR) != 0;
        let dimmed = (input.dimming && !highlighted) || flags & flag::FADED != 0;
        let fill = input.colors.and_then(|c| c.get(i).copied()).unwrap_or_else(|| theme::rgb(node.fill));
        let fill = if dimmed { fill.gamma_multiply_u8(input.palette.dim_alpha.saturating_add(30)) } else { fill };
        let radius = input.radii.get(i).copied().unwrap_or(1.0).max(1e-3);
        let (r, rest) = chunk.split_at_mut(4);
        let (c, s) = rest.split_at_mut(4);
        r.copy_from_slice(&radius.to_le_bytes());
        c.copy_from_slice(&color_word(fill).to_le_bytes());
        s.copy_from_slice(&shape_word(node.shape, !dimmed).to_le_bytes());
    }
    bytes
}

/// Straight cooperations between two different actors, drawn by the GPU, and how many there
/// are. Curved parallel cooperations and loops are left to the CPU overlay.
fn pack_edges(input: &PaintInput<'_>) -> (Vec<u8>, u32) {
    let scene = input.scene;
    let mut bytes = Vec::with_capacity(scene.edges.len() * EDGE_BYTES);
    let alpha = input.palette.edge_alpha;
    let base_alpha: u8 = if scene.edges.len() > 20_000 { alpha / 2 } else { alpha };
    let mut count = 0u32;
    for (e, edge) in scene.edges.iter().enumerate() {
        if !gpu_draws_edge(input, e) {
            continue;
        }
        let (color, width) = edge_style(input, e, edge, base_alpha);
        let signed = if edge.directed { width } else { -width };
        bytes.extend_from_slice(&edge.from.to_le_bytes());
        bytes.extend_from_slice(&edge.to.to_le_bytes());
        bytes.extend_from_slice(&color_word(color).to_le_bytes());
        bytes.extend_from_slice(&signed.to_le_bytes());
        count += 1;
    }
    (bytes, count)
}

/// Whether scene edge `e` is drawn by the GPU: shown, straight (alone or a bundle), between two
/// actors.
pub fn gpu_draws_edge(input: &PaintInput<'_>, e: usize) -> bool {
    input.scene.edges.get(e).is_some_and(|edge| edge.from != edge.to && edge.lane.is_straight()) && input.edge_shown(e)
}
