//! The graph canvas: painting, hit testing, and turning mouse gestures into [`Command`]s.
//!
//! Gestures: drag the background to pan; wheel or pinch to zoom around the pointer; click an
//! actor to select it (Shift-click adds or removes); Shift-drag the background to box-select;
//! drag an actor to move and pin it; Ctrl-drag (⌘ on macOS) from an actor onto another to
//! connect them; double-click the background to add an actor there; click a cooperation to
//! select it; right-click an actor for its menu.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

use super::camera::Camera;
use super::gpu::{GpuGraph, GpuTarget};
use super::paint::{
    Backdrop, DrawOn, GPU_FROM_ACTORS, PaintInput, ViewOptions, edge_points, flag, label_box, paint_graph,
};
use super::raster::{RASTER_FROM_ACTORS, RasterKey, RasterLayer};
use super::styling::Styling;
use super::theme;
use crate::model::{ActorId, Kind};
use crate::state::command::{Command, DragCommand, EditCommand, KbCommand, LayoutCommand, SelectCommand, ViewCommand};
use crate::state::document::Document;
use crate::state::selection::Selection;

/// What a drag that is under way is doing. Actors are named by id: a drag outlives frames, and
/// an undo, delete or open in between may renumber or remove engine nodes.
#[derive(Clone, Debug, Default, PartialEq)]
enum Drag {
    /// No drag.
    #[default]
    None,
    /// Panning the view.
    Pan,
    /// Moving an actor; `grab` is the offset from the pointer to the actor's centre.
    Node { actor: ActorId, grab: Vec2 },
    /// Selecting the actors inside a rectangle.
    Box { start: Pos2, additive: bool },
    /// Drawing a new cooperation from an actor.
    Connect { from: ActorId },
}

/// Canvas view state that lives across frames (never saved with the graph).
#[derive(Clone, Debug)]
pub struct CanvasState {
    /// The current camera.
    pub camera: Camera,
    /// Where a smooth camera move is heading.
    pub target: Option<Camera>,
    /// The view shows what the last fit framed: the user has not panned or zoomed since. While
    /// it does, the camera follows a layout from scratch and glides to keep a picture that grows
    /// past the view in view.
    pub fitted: bool,
    /// Part of the picture lies outside the view and the camera does not follow (the user
    /// moved it): the status bar offers Fit.
    pub picture_outside: bool,
    /// The actor (engine node) under the pointer.
    pub hovered: Option<usize>,
    /// The cooperation (scene edge) under the pointer.
    pub hovered_edge: Option<usize>,
    /// The screen rectangle of the canvas in the last frame.
    pub viewport: Rect,
    /// The actor labels drawn in the last frame: engine node and screen rectangle.
    pub drawn_labels: Vec<(usize, Rect)>,
    /// The cooperation tags drawn in the last frame: scene edge and screen rectangle.
    pub drawn_tags: Vec<(usize, Rect)>,
    /// Each node's label box on screen (points), measured once per document revision, for
    /// graphs small enough that the layout makes room for labels.
    label_sizes: Option<(u64, Vec<Vec2>)>,
    /// What the picture looked like when the camera last checked it (positions, document,
    /// sizes), to act only when it changed.
    seen: (u64, u64, u64),
    drag: Drag,
    /// Whether the drag began in an earlier frame (its document session exists by now).
    drag_underway: bool,
    context_actor: Option<ActorId>,
    needs_fit: bool,
    /// The layout positions last drawn (see `LayoutView::serial`).
    layout_serial: u64,
    /// Pointer and camera of the last edge hit test, to skip it when nothing moved.
    edge_probe: Option<(Pos2, Camera, u64)>,
    /// The wgpu renderer's target, when the window renders with wgpu (set by the app).
    pub gpu_target: Option<GpuTarget>,
    /// What the GPU was last given to draw.
    gpu: GpuGraph,
    /// Whether the last frame's nodes and cooperations were drawn by the GPU.
    drawn_on_gpu: bool,
    /// Large graphs on the CPU path: the picture drawn on a worker thread.
    raster: RasterLayer,
    /// Whether the last frame showed that picture.
    drawn_with_raster: bool,
    /// Wheel scrolling over the canvas taken out of the raw input, in points, to zoom by at once
    /// in the next frame (see [`CanvasState::take_wheel_notches`]).
    pending_wheel: f32,
    /// The camera of the last frame, to tell when it moves.
    seen_camera: Camera,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            target: None,
            fitted: true,
            picture_outside: false,
            hovered: None,
            hovered_edge: None,
            viewport: Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0)),
            drawn_labels: Vec::new(),
            drawn_tags: Vec::new(),
            label_sizes: None,
            seen: (0, 0, 0),
            drag: Drag::None,
            drag_underway: false,
            context_actor: None,
            needs_fit: true,
            layout_serial: 0,
            edge_probe: None,
            gpu_target: None,
            gpu: GpuGraph::default(),
            drawn_on_gpu: false,
            raster: RasterLayer::default(),
            drawn_with_raster: false,
            pending_wheel: 0.0,
            seen_camera: Camera::default(),
        }
    }
}

impl CanvasState {
    /// Whether the last frame's nodes and cooperations were drawn by the GPU.
    pub fn drawn_on_gpu(&self) -> bool {
        self.drawn_on_gpu
    }

    /// Whether the last frame showed a picture drawn on a worker thread (large graphs on the CPU
    /// path).
    pub fn drawn_with_raster(&self) -> bool {
        self.drawn_with_raster
    }

    /// While the picture is drawn on the CPU (a frame costs far more than 16 ms), a wheel notch
    /// over the canvas zooms in one frame instead of egui's smoothing over several: its events
    /// are taken out of `raw` (before egui sees them) and applied by the canvas's next frame.
    /// Wheel events over panels and windows, trackpad scrolling (in points) and Shift+wheel are
    /// left alone. O(events).
    pub fn take_wheel_notches(&mut self, ctx: &egui::Context, raw: &mut egui::RawInput) {
        if !self.drawn_with_raster {
            return;
        }
        let mut pointer = ctx.input(|i| i.pointer.latest_pos());
        let line = ctx.options(|o| o.input_options.line_scroll_speed);
        let (viewport, page) = (self.viewport, self.viewport.height());
        let over_canvas = |p: Option<Pos2>| {
            p.is_some_and(|p| {
                viewport.contains(p) && ctx.layer_id_at(p).is_none_or(|layer| layer.order == egui::Order::Background)
            })
        };
        let mut taken = 0.0;
        raw.events.retain(|event| match event {
            egui::Event::PointerMoved(p) => {
                pointer = Some(*p);
                true
            }
            egui::Event::PointerGone => {
                pointer = None;
                true
            }
            egui::Event::MouseWheel { unit, delta, phase: egui::TouchPhase::Move, modifiers, .. }
                if *unit != egui::MouseWheelUnit::Point && !modifiers.shift && over_canvas(pointer) =>
            {
                taken += delta.y * if *unit == egui::MouseWheelUnit::Page { page } else { line };
                false
            }
            _ => true,
        });
        self.pending_wheel += taken;
    }

    /// Whether a picture of the graph is being drawn on a worker thread.
    pub fn raster_drawing(&self) -> bool {
        self.raster.is_drawing()
    }

    /// Forgets everything but the viewport (a new document is shown), fitting it next frame.
    pub fn reset(&mut self) {
        *self = Self { viewport: self.viewport, gpu_target: self.gpu_target.take(), ..Self::default() };
        self.needs_fit = true;
    }

    /// Starts a smooth move to show the whole graph (or what is shown of it).
    pub fn fit(&mut self, doc: &Document, styling: &Styling, smooth: bool) {
        let labels = self.labels_of(doc);
        if let Some(target) = fitting_camera(doc, styling, self.viewport, labels) {
            if smooth {
                self.target = Some(target);
            } else {
                self.camera = target;
                self.target = None;
            }
        }
    }

    /// Starts a smooth move centring engine node `node`, zooming in if it is too small to read.
    pub fn centre_on(&mut self, doc: &Document, node: usize) {
        if node >= doc.layout.engine().node_count() {
            return;
        }
        let [x, y] = doc.layout.engine().position(node);
        let zoom = self.camera.zoom.max(1.0);
        self.target = Some(Camera { center: pos2(x, y), zoom });
        self.fitted = false;
    }

    /// Starts a smooth move to show the whole graph, and makes the camera follow the picture
    /// again (what Fit does).
    pub fn fit_and_follow(&mut self, doc: &Document, styling: &Styling) {
        self.fitted = true;
        self.picture_outside = false;
        self.fit(doc, styling, true);
    }

    /// Stops following the picture: the user moved the camera.
    pub fn stop_following(&mut self) {
        self.fitted = false;
        self.target = None;
    }

    /// The measured label boxes of `doc`'s nodes, if current.
    fn labels_of(&self, doc: &Document) -> Option<&[Vec2]> {
        self.label_sizes.as_ref().filter(|(revision, _)| *revision == doc.revision).map(|(_, sizes)| sizes.as_slice())
    }

    /// Measures every node's label (small graphs only), once per document revision.
    fn measure_labels(&mut self, ui: &Ui, doc: &Document) {
        let n = doc.scene.nodes.len();
        if n > crate::layout::LABEL_ROOM_LIMIT || self.labels_of(doc).is_some_and(|l| l.len() == n) {
            return;
        }
        let font = egui::FontId::proportional(theme::LABEL_SIZE);
        let sizes = doc
            .scene
            .nodes
            .iter()
            .map(|node| {
                let text = doc.graph.actor_at(node.index).map_or_else(String::new, |a| a.label.clone());
                label_box(ui.painter().layout_no_wrap(text, font.clone(), egui::Color32::WHITE).size())
            })
            .collect();
        self.label_sizes = Some((doc.revision, sizes));
    }

    /// Tells the document what a full layout run should make room for: every label's size on
    /// screen and this canvas as the viewport (small graphs). Nothing moves now; a layout from
    /// scratch or a re-run uses it as it ends.
    fn send_label_room(&self, doc: &Document, commands: &mut Vec<Command>) {
        let Some(sizes) = self.labels_of(doc) else { return };
        let room = crate::layout::LabelRoom {
            sizes: sizes.iter().map(|s| [s.x, s.y]).collect(),
            viewport: fit_viewport(self.viewport),
        };
        if doc.label_room() != Some(&room) {
            commands.push(Command::Layout(LayoutCommand::LabelRoom(room)));
        }
    }

    /// Keeps the picture in view after a change: while the view is fitted, the camera follows
    /// a layout from scratch and glides to show a picture that grew past the view; otherwise it
    /// stays, and [`CanvasState::picture_outside`] says whether Fit would show more.
    fn follow_picture(&mut self, doc: &Document, styling: &Styling, resized: bool) {
        let engine = doc.layout.engine();
        let sizes = styling.radii.iter().map(|r| f64::from(*r)).sum::<f64>().to_bits();
        let seen = (engine.serial(), doc.revision, sizes);
        let before = std::mem::replace(&mut self.seen, seen);
        let changed = before != seen;
        // The picture moved by a run over the whole graph (a fresh layout, a re-run, the room it
        // makes for labels as it ends), not by an edit.
        let laid_out = before.0 != seen.0 && engine.is_full_run();
        if self.needs_fit {
            self.fit(doc, styling, false);
            self.needs_fit = false;
            return;
        }
        if !(changed || resized) || self.is_dragging_actor() {
            return;
        }
        let outside = !self.shows_all(doc, styling);
        if self.fitted && laid_out {
            self.fit(doc, styling, false);
        } else if self.fitted && outside {
            self.fit(doc, styling, true);
        }
        self.picture_outside = outside && !self.fitted;
    }

    /// Whether every shown actor, and its label where labels are measured, is inside the view.
    fn shows_all(&self, doc: &Document, styling: &Styling) -> bool {
        let engine = doc.layout.engine();
        // As Fit frames them: every label of a small graph, else only discs.
        let labels = self.labels_of(doc).filter(|l| l.len() <= FRAME_EVERY_LABEL_UP_TO);
        let inside = self.viewport.expand(1.0);
        (0..engine.node_count()).filter(|&i| styling.node_flags.get(i).is_some_and(|f| f & flag::VISIBLE != 0)).all(
            |i| {
                let centre = self.camera.to_screen(self.viewport, engine.position(i).into());
                let r = styling.radii.get(i).copied().unwrap_or(0.0) * self.camera.zoom;
                let disc = Rect::from_center_size(centre, Vec2::splat(2.0 * r));
                let label =
                    labels.and_then(|l| l.get(i)).map_or(disc, |size| super::paint::label_rect(centre, r, *size));
                inside.contains_rect(disc) && inside.contains_rect(label)
            },
        )
    }

    /// Whether a gesture on an actor (moving or connecting) is under way.
    pub fn is_dragging_actor(&self) -> bool {
        matches!(self.drag, Drag::Node { .. } | Drag::Connect { .. })
    }

    /// Ends a gesture whose actor is gone or whose document session was cancelled (an undo,
    /// delete, open or new in between): the rest of the gesture does nothing.
    fn end_stale_gesture(&mut self, doc: &Document) {
        let stale = match &self.drag {
            Drag::Node { actor, .. } => self.drag_underway && doc.dragged_actor() != Some(actor),
            Drag::Connect { from } => !doc.graph.contains_actor(from),
            _ => false,
        };
        if stale {
            self.drag = Drag::None;
        }
        self.drag_underway = self.drag != Drag::None;
        if self.context_actor.as_ref().is_some_and(|a| !doc.graph.contains_actor(a)) {
            self.context_actor = None;
        }
    }

    /// Whether a smooth camera move or a drag needs more frames.
    pub fn is_animating(&self) -> bool {
        self.target.is_some()
    }

    /// The engine node under a screen point, if any (the nearest whose disc is within 3 points).
    pub fn node_at(&self, doc: &Document, styling: &Styling, screen: Pos2) -> Option<usize> {
        let engine = doc.layout.engine();
        let world_radius = |i: usize| styling.radii.get(i).copied().unwrap_or(0.0);
        let mut best: Option<(usize, f32)> = None;
        for i in 0..doc.scene.nodes.len() {
            if styling.node_flags.get(i).is_none_or(|f| f & flag::VISIBLE == 0) {
                continue;
            }
            let p = self.camera.to_screen(self.viewport, pos2(engine.xs()[i], engine.ys()[i]));
            let r = (world_radius(i) * self.camera.zoom).max(2.0) + 3.0;
            let d = (p - screen).length();
            if d <= r && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((i, d));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// The screen area a fit of this canvas frames: the viewport with a margin, never blowing a
/// small graph up.
fn fit_viewport(viewport: Rect) -> crate::layout::fit::Viewport {
    crate::layout::fit::Viewport {
        size: [viewport.width(), viewport.height()],
        margin: 30.0,
        max_radius: MAX_FIT_RADIUS,
    }
}

/// The camera showing every shown actor with a margin, and their labels too when `labels` gives
/// their sizes on screen; `None` for an empty graph.
fn fitting_camera(doc: &Document, styling: &Styling, viewport: Rect, labels: Option<&[Vec2]>) -> Option<Camera> {
    let engine = doc.layout.engine();
    // Fit frames the labels that show at that zoom: every one on a small graph; on a larger one
    // (most of its labels give way at fit zoom) those of the most important actors.
    let labels: Option<Vec<[f32; 2]>> = labels.map(|sizes| {
        let mut framed: Vec<[f32; 2]> = sizes.iter().map(|s| [s.x, s.y]).collect();
        if framed.len() > FRAME_EVERY_LABEL_UP_TO {
            let top: std::collections::HashSet<u32> =
                styling.label_order.iter().take(crate::draw::labels::ALWAYS_LABELLED).copied().collect();
            for (i, size) in framed.iter_mut().enumerate() {
                if !top.contains(&(i as u32)) {
                    *size = [0.0, 0.0];
                }
            }
        }
        framed
    });
    let shown = |i: usize| styling.node_flags.get(i).is_some_and(|f| f & flag::VISIBLE != 0);
    let (zoom, [x, y]) = crate::layout::fit::fit(
        engine.xs(),
        engine.ys(),
        &styling.radii,
        labels.as_deref(),
        fit_viewport(viewport),
        shown,
    )?;
    Some(Camera { center: pos2(x, y), zoom })
}

/// Graphs up to this many actors have every label framed by Fit.
const FRAME_EVERY_LABEL_UP_TO: usize = 60;

/// The largest node radius, in screen pixels, that fitting the view may zoom to.
const MAX_FIT_RADIUS: f32 = 40.0;

/// Per-node flags for this frame: visible kinds, selection, hover and its neighbours.
fn node_flags(doc: &Document, selection: &Selection, styling: &Styling, hovered: Option<usize>) -> Vec<u8> {
    let mut flags = styling.node_flags.clone();
    let mut set = |i: usize, bit: u8| {
        if let Some(f) = flags.get_mut(i) {
            *f |= bit;
        }
    };
    for id in selection.actors() {
        if let Some(i) = doc.engine_node_of(id) {
            set(i, flag::SELECTED);
        }
    }
    if let Some(h) = hovered {
        set(h, flag::HOVERED);
        for &j in doc.scene.neighbours(h) {
            set(j as usize, flag::NEIGHBOUR);
        }
    }
    flags
}

/// Shows the canvas filling the available space; pushes what the user did into `commands`.
pub fn canvas_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    options: &ViewOptions,
    styling: &Styling,
    state: &mut CanvasState,
    commands: &mut Vec<Command>,
) {
    let rect = ui.available_rect_before_wrap();
    // The canvas leaves the side panels' edges to them, so they can be dragged wider or
    // narrower (the canvas is on top of their resize handles otherwise).
    let grab = ui.style().interaction.resize_grab_radius_side + 2.0;
    ui.expand_to_include_rect(rect);
    let response =
        ui.interact(rect.shrink2(egui::vec2(grab, 0.0)), ui.scope_id().with("graph canvas"), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Graph canvas"));
    let resized = state.viewport != rect;
    state.viewport = rect;
    if options.show_labels {
        state.measure_labels(ui, doc);
        state.send_label_room(doc, commands);
    }
    let engine = doc.layout.engine();
    let modifiers = ui.input(|i| i.modifiers);
    let pointer = response.hover_pos();
    state.end_stale_gesture(doc);

    // Camera: keep the picture in view after changes while the view is fitted; smooth moves;
    // wheel and pinch.
    state.layout_serial = engine.serial();
    state.follow_picture(doc, styling, resized);
    if let Some(target) = state.target {
        let dt = ui.input(|i| i.stable_dt).min(0.1);
        state.camera.approach(&target, 1.0 - (-dt * 12.0).exp());
        if state.camera.is_close_to(&target) {
            state.camera = target;
            state.target = None;
        }
        ui.ctx().request_repaint();
    }
    // Notches taken from the raw input count only where the pointer still is over the canvas.
    let notches = std::mem::take(&mut state.pending_wheel);
    if let Some(p) = pointer {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let wheel = scroll.y + notches;
        let factor = zoom * (wheel * 0.0025).exp();
        if (factor - 1.0).abs() > 1e-4 {
            state.camera.zoom_at(rect, p, factor);
            state.stop_following();
        }
    }

    // Hover: an actor first, else a cooperation.
    state.hovered = match &state.drag {
        Drag::None | Drag::Connect { .. } => pointer.and_then(|p| state.node_at(doc, styling, p)),
        Drag::Node { actor, .. } => doc.engine_node_of(actor),
        _ => None,
    };
    let flags = node_flags(doc, selection, styling, state.hovered);
    let mut input = PaintInput {
        graph: &doc.graph,
        scene: &doc.scene,
        xs: engine.xs(),
        ys: engine.ys(),
        radii: &styling.radii,
        flags: &flags,
        edge_flags: &styling.edge_flags,
        colors: styling.colors.as_deref(),
        dimming: state.hovered.is_some(),
        focus_edge: None,
        camera: state.camera,
        viewport: rect,
        options,
        label_order: &styling.label_order,
        palette: options.theme.palette(),
        // The hovered actor's tooltip shows at the pointer: labels keep clear of it.
        reserved: match (state.hovered, pointer) {
            (Some(h), Some(p)) => tooltip_area(doc, h, p),
            _ => None,
        },
    };
    // Hovering a cooperation means something where cooperations can be told apart; in a haze of
    // thousands, hit-testing them all on every move costs more than it shows.
    let few_lines = || super::paint::edges_on_screen(&input) <= 20_000;
    state.hovered_edge = match (state.hovered, pointer, &state.drag) {
        (None, Some(p), Drag::None) if few_lines() => {
            // Hit-testing walks every cooperation: only redo it when something moved.
            let probe = (p, state.camera, doc.revision);
            if state.edge_probe != Some(probe) || doc.layout_running() {
                state.edge_probe = Some(probe);
                state.hovered_edge = edge_at(&input, p);
            }
            state.hovered_edge
        }
        _ => {
            state.edge_probe = None;
            None
        }
    };
    let selected_edge =
        selection.cooperation().and_then(|c| doc.graph.edge_index(c)).and_then(|e| doc.scene.scene_edge(e));
    input.focus_edge = state.hovered_edge.or(selected_edge);

    handle_gestures(&response, doc, styling, state, commands, modifiers);
    input.camera = state.camera;

    let painter = ui.painter_at(rect);
    let on_gpu = match (&state.gpu_target, options.draw_on) {
        (Some(target), DrawOn::Gpu) => Some(target),
        (Some(target), DrawOn::Auto) if doc.scene.nodes.len() >= GPU_FROM_ACTORS && !target.software => Some(target),
        _ => None,
    }
    .filter(|target| GpuGraph::fits(target, doc.scene.nodes.len(), doc.scene.edges.len()))
    .cloned();
    let callback = on_gpu.map(|target| state.gpu.frame(&input, state.layout_serial, doc.revision, &target));
    state.drawn_on_gpu = callback.is_some();
    let camera_moving = state.camera != state.seen_camera || state.target.is_some() || state.drag == Drag::Pan;
    state.seen_camera = state.camera;
    let backdrop = match callback {
        Some(layers) => Backdrop::Gpu(layers),
        None if doc.scene.nodes.len() >= RASTER_FROM_ACTORS => {
            let ppp = ui.ctx().pixels_per_point();
            let key = RasterKey {
                positions: engine.serial(),
                revision: doc.revision,
                looks: (styling.generation, options.width_by_sources, options.theme),
                camera: state.camera,
                size: [(rect.width() * ppp).round().max(1.0) as u32, (rect.height() * ppp).round().max(1.0) as u32],
            };
            match state.raster.frame(ui.ctx(), &input, key, camera_moving) {
                Some((texture, at)) => Backdrop::Raster(texture, at),
                // The first picture is still being drawn: the graph's outline meanwhile.
                None => Backdrop::Raster(egui::TextureId::default(), Rect::NOTHING),
            }
        }
        None => Backdrop::None,
    };
    state.drawn_with_raster = matches!(backdrop, Backdrop::Raster(..));
    let drawn = paint_graph(&painter, &input, backdrop);
    state.drawn_labels = drawn.labels;
    state.drawn_tags = drawn.tags;
    paint_gesture_overlay(&painter, &input, doc, state, pointer);

    // Tooltip for the hovered actor: kind, country, degree and a few attributes.
    if let (Some(h), Drag::None) = (state.hovered, &state.drag)
        && let Some(node) = doc.scene.nodes.get(h)
        && let Some(actor) = doc.graph.actor_at(node.index)
    {
        let degree = node.degree;
        response.clone().on_hover_ui_at_pointer(|ui| {
            // Short lines that never break inside a word, even at the canvas edge.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            ui.strong(&actor.label);
            ui.label(format!("{} · {} cooperation{}", actor.kind.label(), degree, if degree == 1 { "" } else { "s" }));
            if let Some(country) = &actor.country {
                ui.label(format!("Country: {country}"));
            }
            for attribute in actor.attributes.iter().take(4) {
                ui.label(format!("{}: {}", attribute.key, attribute.value));
            }
            if actor.pinned {
                ui.label("Pinned");
            }
        });
    }
    context_menu(&response, doc, state, commands);
}

/// Roughly where the hovered actor's tooltip shows (at the pointer, one line per fact), so
/// labels keep clear of it.
fn tooltip_area(doc: &Document, node: usize, pointer: Pos2) -> Option<Rect> {
    let actor = doc.scene.nodes.get(node).and_then(|n| doc.graph.actor_at(n.index))?;
    let lines = 2 + usize::from(actor.country.is_some()) + actor.attributes.len().min(4) + usize::from(actor.pinned);
    let longest = actor
        .attributes
        .iter()
        .take(4)
        .map(|a| a.key.chars().count() + a.value.chars().count() + 2)
        .chain([actor.label.chars().count(), 28])
        .max()
        .unwrap_or(28);
    let size = vec2(longest as f32 * 6.5 + 16.0, lines as f32 * 17.0 + 12.0);
    Some(Rect::from_min_size(pointer + vec2(6.0, 14.0), size))
}

/// The scene edge within 4 points of `screen`, if any.
fn edge_at(input: &PaintInput<'_>, screen: Pos2) -> Option<usize> {
    let mut points = Vec::with_capacity(17);
    let mut best: Option<(usize, f32)> = None;
    for (e, edge) in input.scene.edges.iter().enumerate() {
        if !input.edge_shown(e) || !edge_points(input, edge, &mut points) {
            continue;
        }
        for pair in points.windows(2) {
            let d = distance_to_segment(screen, pair[0], pair[1]);
            if d <= 4.0 && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((e, d));
            }
        }
    }
    best.map(|(e, _)| e)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 { ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0) } else { 0.0 };
    (p - (a + ab * t)).length()
}

fn handle_gestures(
    response: &egui::Response,
    doc: &Document,
    styling: &Styling,
    state: &mut CanvasState,
    commands: &mut Vec<Command>,
    modifiers: egui::Modifiers,
) {
    let engine = doc.layout.engine();
    let actor_id = |node: usize| doc.actor_id_at(node).cloned();
    // Pressing on the canvas gives it the keyboard: a text field (a new actor's name) lets go.
    if response.is_pointer_button_down_on()
        && let Some(focused) = response.ctx.memory(|m| m.focused())
    {
        response.ctx.memory_mut(|m| m.surrender_focus(focused));
    }
    // Gestures start where the button went down, not where the drag was first recognised.
    let press_origin = response.ctx.input(|i| i.pointer.press_origin());
    if response.drag_started()
        && let Some(start) = press_origin.or(response.interact_pointer_pos())
    {
        state.drag = match state.node_at(doc, styling, start).and_then(|node| Some((node, actor_id(node)?))) {
            Some((_, actor)) if modifiers.command => Drag::Connect { from: actor },
            Some((node, actor)) => {
                let [x, y] = engine.position(node);
                let world = state.camera.to_world(state.viewport, start);
                commands.push(Command::Drag(DragCommand::Begin(actor.clone())));
                Drag::Node { actor, grab: pos2(x, y) - world }
            }
            None if modifiers.shift => Drag::Box { start, additive: true },
            None => Drag::Pan,
        };
        state.drag_underway = false;
        if matches!(state.drag, Drag::Pan) {
            state.stop_following();
        }
    }
    if response.dragged() {
        match &state.drag {
            Drag::Pan => state.camera.pan(response.drag_delta()),
            Drag::Node { actor, grab } => {
                if let Some(p) = response.interact_pointer_pos() {
                    let world = state.camera.to_world(state.viewport, p) + *grab;
                    commands.push(Command::Drag(DragCommand::Move { actor: actor.clone(), to: [world.x, world.y] }));
                }
            }
            _ => {}
        }
    }
    if response.drag_stopped() {
        let end = response.interact_pointer_pos();
        match std::mem::take(&mut state.drag) {
            Drag::Node { actor, .. } => commands.push(Command::Drag(DragCommand::End(actor))),
            Drag::Box { start, additive } => {
                if let Some(end) = end {
                    let world = Rect::from_two_pos(
                        state.camera.to_world(state.viewport, start),
                        state.camera.to_world(state.viewport, end),
                    );
                    let inside: Vec<_> = (0..engine.node_count())
                        .filter(|&i| styling.node_flags.get(i).is_some_and(|f| f & flag::VISIBLE != 0))
                        .filter(|&i| world.contains(engine.position(i).into()))
                        .filter_map(actor_id)
                        .collect();
                    commands.push(if additive {
                        Command::Select(SelectCommand::Add(inside))
                    } else {
                        Command::Select(SelectCommand::Actors(inside))
                    });
                }
            }
            Drag::Connect { from } => {
                let target = end.and_then(|p| state.node_at(doc, styling, p)).and_then(actor_id);
                if let Some(to) = target
                    && from != to
                {
                    commands.push(Command::Edit(EditCommand::Connect { from, to }));
                }
            }
            Drag::Pan | Drag::None => {}
        }
        state.drag_underway = false;
    }
    if response.clicked() {
        let hit = response.interact_pointer_pos().and_then(|p| state.node_at(doc, styling, p));
        match (hit.and_then(actor_id), state.hovered_edge) {
            (Some(id), _) if modifiers.shift => commands.push(Command::Select(SelectCommand::Toggle(id))),
            (Some(id), _) => commands.push(Command::Select(SelectCommand::Actors(vec![id]))),
            (None, Some(e)) => {
                if let Some(c) = doc.scene.edges.get(e).and_then(|s| doc.graph.cooperation_at(s.index)) {
                    commands.push(Command::Select(SelectCommand::Cooperation(c.cooperation.id().clone())));
                }
            }
            (None, None) => commands.push(Command::Select(SelectCommand::Clear)),
        }
    }
    if response.double_clicked()
        && let Some(p) = response.interact_pointer_pos()
        && state.node_at(doc, styling, p).is_none()
    {
        let world = state.camera.to_world(state.viewport, p);
        commands.push(Command::Edit(EditCommand::AddActorAt([world.x, world.y])));
    }
    if response.secondary_clicked() {
        state.context_actor =
            response.interact_pointer_pos().and_then(|p| state.node_at(doc, styling, p)).and_then(actor_id);
    }
}

fn context_menu(response: &egui::Response, doc: &Document, state: &mut CanvasState, commands: &mut Vec<Command>) {
    let Some(actor) = state.context_actor.as_ref().and_then(|id| doc.graph.actor(id)) else { return };
    let id = actor.id().clone();
    let pinned = actor.pinned;
    response.context_menu(|ui| {
        ui.label(egui::RichText::new(&actor.label).strong());
        if ui.button("Select").clicked() {
            commands.push(Command::Select(SelectCommand::Actors(vec![id.clone()])));
            ui.close();
        }
        if ui.button("Centre on it").clicked() {
            commands.push(Command::View(ViewCommand::FocusActor(id.clone())));
            ui.close();
        }
        if ui.button(if pinned { "Release pin" } else { "Pin here" }).clicked() {
            commands.push(Command::Select(SelectCommand::Actors(vec![id.clone()])));
            commands.push(Command::Edit(EditCommand::PinSelection(!pinned)));
            ui.close();
        }
        if doc.origin.is_some()
            && ui
                .button("Expand from the knowledge base")
                .on_hover_text("Load more of its cooperations (25 at a time) from where this graph came from")
                .clicked()
        {
            commands.push(Command::Kb(KbCommand::Expand(id.clone())));
            ui.close();
        }
        if ui.button("Delete").clicked() {
            commands.push(Command::Select(SelectCommand::Actors(vec![id.clone()])));
            commands.push(Command::Edit(EditCommand::DeleteSelection));
            ui.close();
        }
    });
}

fn paint_gesture_overlay(
    painter: &egui::Painter,
    input: &PaintInput<'_>,
    doc: &Document,
    state: &CanvasState,
    pointer: Option<Pos2>,
) {
    match (&state.drag, pointer) {
        (Drag::Box { start, .. }, Some(p)) => {
            let rect = Rect::from_two_pos(*start, p);
            painter.rect_filled(rect, 0.0, Color32::from_rgba_unmultiplied(120, 160, 255, 30));
            painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(1.0, Color32::from_rgb(120, 160, 255)),
                egui::StrokeKind::Inside,
            );
        }
        (Drag::Connect { from }, Some(p)) => {
            let Some(node) = doc.engine_node_of(from) else { return };
            let a = input.screen(node);
            painter.line_segment([a, p], Stroke::new(2.0, theme::CONNECTING));
            painter.circle_filled(p, 3.0, theme::CONNECTING);
        }
        _ => {}
    }
}
