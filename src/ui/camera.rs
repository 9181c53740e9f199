//! The canvas camera: which part of the layout plane is on screen, at what zoom.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Maps layout coordinates to screen points: `screen = viewport centre + (world − centre) · zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The layout point at the centre of the viewport.
    pub center: Pos2,
    /// Screen points per layout unit.
    pub zoom: f32,
}

/// Zoom limits, in screen points per layout unit.
pub const MIN_ZOOM: f32 = 1e-4;
/// See [`MIN_ZOOM`].
pub const MAX_ZOOM: f32 = 50.0;

impl Default for Camera {
    fn default() -> Self {
        Self { center: Pos2::ZERO, zoom: 1.0 }
    }
}

impl Camera {
    /// The screen point of a layout point.
    pub fn to_screen(&self, viewport: Rect, world: Pos2) -> Pos2 {
        viewport.center() + (world - self.center) * self.zoom
    }

    /// The layout point under a screen point.
    pub fn to_world(&self, viewport: Rect, screen: Pos2) -> Pos2 {
        self.center + (screen - viewport.center()) / self.zoom
    }

    /// Moves the view by a screen-space drag.
    pub fn pan(&mut self, screen_delta: Vec2) {
        self.center -= screen_delta / self.zoom;
    }

    /// Zooms by `factor`, keeping the layout point under `anchor` (a screen point) fixed.
    pub fn zoom_at(&mut self, viewport: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_world(viewport, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_world(viewport, anchor);
        self.center += before - after;
    }

    /// The camera that shows all of `bounds` (layout units) inside `viewport` with a margin.
    pub fn fitting(viewport: Rect, bounds: Rect, margin: f32) -> Self {
        if !bounds.is_finite() || bounds.is_negative() {
            return Self::default();
        }
        let size = bounds.size().max(vec2(1.0, 1.0));
        let room = (viewport.size() - Vec2::splat(2.0 * margin)).max(vec2(10.0, 10.0));
        let zoom = (room.x / size.x).min(room.y / size.y).clamp(MIN_ZOOM, MAX_ZOOM);
        Self { center: bounds.center(), zoom }
    }

    /// A step of a smooth move towards `target`: `t` in 0–1 is the fraction covered this frame
    /// (zoom interpolated geometrically).
    pub fn approach(&mut self, target: &Camera, t: f32) {
        let t = t.clamp(0.0, 1.0);
        self.center = self.center + (target.center - self.center) * t;
        self.zoom = (self.zoom.ln() + (target.zoom.ln() - self.zoom.ln()) * t).exp();
    }

    /// Whether two cameras show the same view to within a fraction of a pixel.
    pub fn is_close_to(&self, other: &Camera) -> bool {
        (self.center - other.center).length() * self.zoom < 0.5 && (self.zoom / other.zoom - 1.0).abs() < 1e-3
    }
}

/// The bounding rectangle of points, or `None` if there are none.
pub fn bounds(points: impl Iterator<Item = [f32; 2]>, pad: f32) -> Option<Rect> {
    let mut rect: Option<Rect> = None;
    for [x, y] in points {
        let p = pos2(x, y);
        rect = Some(rect.map_or(Rect::from_min_max(p, p), |r| r.union(Rect::from_min_max(p, p))));
    }
    rect.map(|r| r.expand(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let viewport = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        let mut camera = Camera { center: pos2(10.0, 20.0), zoom: 2.0 };
        let anchor = pos2(100.0, 500.0);
        let before = camera.to_world(viewport, anchor);
        camera.zoom_at(viewport, anchor, 1.7);
        assert!((camera.to_world(viewport, anchor) - before).length() < 1e-3);
        assert!((camera.zoom - 3.4).abs() < 1e-5);
    }

    #[test]
    fn fitting_shows_every_point() {
        let viewport = Rect::from_min_size(pos2(50.0, 30.0), vec2(800.0, 600.0));
        let points = [[-500.0, 10.0], [300.0, 900.0], [0.0, -40.0]];
        let camera = Camera::fitting(viewport, bounds(points.into_iter(), 0.0).unwrap(), 20.0);
        for [x, y] in points {
            assert!(viewport.shrink(19.0).contains(camera.to_screen(viewport, pos2(x, y))));
        }
    }

    #[test]
    fn approach_converges() {
        let mut camera = Camera::default();
        let target = Camera { center: pos2(100.0, -50.0), zoom: 4.0 };
        for _ in 0..60 {
            camera.approach(&target, 0.2);
        }
        assert!(camera.is_close_to(&target));
    }
}
