//! The canvas of a large graph without a usable GPU: the whole picture is drawn into pixels on a
//! worker thread ([`crate::draw::raster`]) and frames show those pixels, moved and scaled with
//! the camera while a new picture is drawn. A frame then costs an image and what the person
//! points at, whatever the size of the graph: panning, zooming and hovering stay smooth, and a
//! layout that moves is shown as fast as its pictures can be drawn, not slower.

use egui::{Color32, ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2, vec2};

use super::camera::Camera;
use super::paint::{PaintInput, edge_style, flag};
use crate::draw::looks::line_scale;
use crate::draw::raster::{RasterEdge, RasterNode, RasterView, rasterize};
use crate::state::job::{Job, Polled};

/// Graphs with at least this many actors are drawn through the raster on the CPU path.
pub const RASTER_FROM_ACTORS: usize = 5_000;

/// What a picture shows: when any of these changes, a new one is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct RasterKey {
    /// The layout's positions ([`crate::layout::LayoutView::serial`]).
    pub positions: u64,
    /// The document's revision (kinds, colours, widths).
    pub revision: u64,
    /// The looks: the styling's build (flags, sizes, colours by a metric), whether widths follow
    /// the sources, and the theme.
    pub looks: (u64, bool, crate::draw::Theme),
    /// The camera it is drawn for.
    pub camera: Camera,
    /// The canvas size in pixels.
    pub size: [u32; 2],
}

/// A picture being drawn on a worker thread (cancelled when dropped), and what it shows.
struct RasterJob {
    key: RasterKey,
    job: Job<Option<Vec<u8>>>,
}

/// While the layout moves the actors, a new picture starts at most this often: drawing them
/// all the time would take the processor from the layout that moves them.
pub const MOVING_PICTURE_INTERVAL: std::time::Duration = std::time::Duration::from_millis(250);

/// How often a frame looks at a picture being drawn, in case its worker never wakes the window.
const STALL_CHECK: std::time::Duration = std::time::Duration::from_millis(500);

/// The last picture drawn, the camera it was drawn for, and the one being drawn.
#[derive(Default)]
pub struct RasterLayer {
    texture: Option<TextureHandle>,
    shown: Option<RasterKey>,
    job: Option<RasterJob>,
    /// When the last picture was started.
    started: Option<std::time::Instant>,
}

impl Clone for RasterLayer {
    /// The picture shown; a picture being drawn stays with the original.
    fn clone(&self) -> Self {
        Self { texture: self.texture.clone(), shown: self.shown.clone(), job: None, started: self.started }
    }
}

impl std::fmt::Debug for RasterLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RasterLayer")
            .field("shown", &self.shown)
            .field("drawing", &self.job.as_ref().map(|j| &j.key))
            .finish()
    }
}

impl RasterLayer {
    /// Whether a picture is being drawn (the frame after it arrives shows it).
    pub fn is_drawing(&self) -> bool {
        self.job.is_some()
    }

    /// Takes a finished picture, starts the next one when what is shown is out of date (unless
    /// the camera is moving: then the picture waits until it stops), and returns the image and
    /// where it goes on screen for this frame's camera. `pixels_per_point` sizes the image.
    pub fn frame(
        &mut self,
        ctx: &Context,
        input: &PaintInput<'_>,
        key: RasterKey,
        camera_moving: bool,
    ) -> Option<(egui::TextureId, Rect)> {
        if let Some(job) = &self.job {
            match job.job.poll() {
                Polled::Done(Some(pixels)) => {
                    let [w, h] = job.key.size;
                    let image = ColorImage::from_rgba_premultiplied([w as usize, h as usize], &pixels);
                    match &mut self.texture {
                        Some(texture) => texture.set(image, TextureOptions::LINEAR),
                        None => self.texture = Some(ctx.load_texture("graph raster", image, TextureOptions::LINEAR)),
                    }
                    self.shown = Some(job.key.clone());
                    self.job = None;
                }
                Polled::Done(None) | Polled::Lost => self.job = None,
                // The worker wakes the window when the picture is ready; a slow look meanwhile
                // only in case it never does. (Looking every few ms cost a whole frame each
                // time: on a software renderer, most of the time a wheel click kept the CPU busy.)
                Polled::Running => ctx.request_repaint_after(STALL_CHECK),
            }
        }
        let out_of_date = self.shown.as_ref() != Some(&key);
        // Only the positions changed (the layout is moving them): not more often than the interval.
        let moving_only =
            self.shown.as_ref().is_some_and(|shown| RasterKey { positions: key.positions, ..shown.clone() } == key);
        let wait = match self.started {
            Some(started) if moving_only => MOVING_PICTURE_INTERVAL.saturating_sub(started.elapsed()),
            _ => std::time::Duration::ZERO,
        };
        if out_of_date && self.job.is_none() && !camera_moving {
            if wait.is_zero() {
                self.start(ctx, input, key.clone());
                self.started = Some(std::time::Instant::now());
            } else {
                ctx.request_repaint_after(wait);
            }
        }
        let shown = self.shown.as_ref()?;
        let texture = self.texture.as_ref()?;
        Some((texture.id(), placed(&shown.camera, &key.camera, input.viewport, shown.size, ctx.pixels_per_point())))
    }

    /// Starts drawing the picture for `key` on a worker thread, from a copy of what it shows.
    fn start(&mut self, ctx: &Context, input: &PaintInput<'_>, key: RasterKey) {
        let scene = input.scene;
        let nodes: Vec<RasterNode> = (0..input.xs.len())
            .map(|i| {
                let flags = input.flags.get(i).copied().unwrap_or(0);
                RasterNode {
                    at: [input.xs[i], input.ys[i]],
                    radius: input.radii.get(i).copied().unwrap_or(1.0),
                    fill: input.colors.and_then(|c| c.get(i)).map_or_else(
                        || scene.nodes.get(i).map_or([128, 128, 128], |n| n.fill),
                        |c| [c.r(), c.g(), c.b()],
                    ),
                    faint: flags & flag::FADED != 0,
                    shown: flags & (flag::VISIBLE | flag::FADED) != 0,
                }
            })
            .collect();
        let scale = line_scale(key.camera.zoom);
        // The picture is drawn as if nothing were hovered: the frame dims and highlights on top.
        let plain = PaintInput { dimming: false, focus_edge: None, ..*input };
        let edges: Vec<RasterEdge> = scene
            .edges
            .iter()
            .enumerate()
            .filter(|(e, _)| plain.edge_shown(*e))
            .map(|(e, edge)| {
                let (_, width) = edge_style(&plain, e, edge, input.palette.edge_alpha);
                RasterEdge {
                    from: edge.from,
                    to: edge.to,
                    color: edge.color,
                    width: width * scale,
                    lane: edge.lane,
                    faint: input.edge_flags.get(e).is_some_and(|f| f & flag::FADED != 0),
                }
            })
            .collect();
        let view = RasterView {
            center: [key.camera.center.x, key.camera.center.y],
            zoom: key.camera.zoom * key.size[0] as f32 / input.viewport.width().max(1.0),
            size: key.size,
            background: input.palette.background,
            edge_alpha: if edges.len() > 20_000 { input.palette.edge_alpha / 2 } else { input.palette.edge_alpha },
            faint_alpha: input.palette.dim_alpha,
        };
        let ctx = ctx.clone();
        let job = Job::start_then(
            "Drawing the graph",
            move |progress| rasterize(&nodes, &edges, &view, &|| progress.is_cancelled()),
            move || ctx.request_repaint(),
        );
        self.job = Some(RasterJob { key, job });
    }
}

/// Where a picture drawn for camera `drawn` goes on screen under camera `now`: moved and scaled
/// so every layout point in it lies where `now` shows that point.
fn placed(drawn: &Camera, now: &Camera, viewport: Rect, size: [u32; 2], pixels_per_point: f32) -> Rect {
    let scale = now.zoom / drawn.zoom;
    let image = vec2(size[0] as f32, size[1] as f32) / pixels_per_point;
    // The picture's centre shows the layout point `drawn.center`; `now` puts it here:
    let centre = viewport.center() + (drawn.center - now.center) * now.zoom;
    Rect::from_center_size(centre, image * scale)
}

/// The image drawn for a frame: the picture where it goes, and the ground around it.
pub fn image_shape(texture: egui::TextureId, rect: Rect) -> egui::Shape {
    egui::Shape::image(texture, rect, Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)), Color32::WHITE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_moves_and_scales_with_the_camera() {
        let viewport = Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0));
        let drawn = Camera { center: pos2(10.0, 20.0), zoom: 2.0 };
        // The same camera: the picture covers the canvas exactly.
        assert_eq!(placed(&drawn, &drawn, viewport, [800, 600], 1.0), viewport);
        // Zoomed in twice around the same point: twice as large, centred alike.
        let zoomed = Camera { zoom: 4.0, ..drawn };
        let rect = placed(&drawn, &zoomed, viewport, [800, 600], 1.0);
        assert_eq!(rect.size(), vec2(1600.0, 1200.0));
        assert_eq!(rect.center(), viewport.center());
        // Panned: a layout point keeps its place on screen.
        let panned = Camera { center: pos2(30.0, 20.0), zoom: 2.0 };
        let rect = placed(&drawn, &panned, viewport, [800, 600], 1.0);
        let point = pos2(50.0, 40.0);
        let in_picture = drawn.to_screen(viewport, point) - viewport.min;
        assert!((rect.min + in_picture - panned.to_screen(viewport, point)).length() < 1e-3);
    }
}
