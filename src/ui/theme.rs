//! The canvas's colours as egui colours: each kind's, and the current theme's palette
//! ([`crate::draw::theme`] holds the values, shared with pictures).

use egui::Color32;

use crate::draw::theme::Rgba;
use crate::model::{ActorKind, CooperationKind, Rgb};

pub use crate::model::NodeShape;

/// An RGB colour as egui's.
pub fn rgb([r, g, b]: Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// An RGBA colour (not premultiplied) as egui's.
pub fn rgba([r, g, b, a]: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Fill colour of an actor kind.
pub fn actor_color(kind: ActorKind) -> Color32 {
    rgb(kind.rgb())
}

/// Colour of a cooperation kind's edges.
pub fn cooperation_color(kind: CooperationKind) -> Color32 {
    rgb(kind.rgb())
}

/// Label font size in points; one size keeps galley caching effective.
pub const LABEL_SIZE: f32 = 13.0;
/// Edge label font size in points.
pub const EDGE_LABEL_SIZE: f32 = 11.0;

/// Quoted evidence, set apart from labels by italics and a warm tone readable on the panels of
/// either theme.
pub fn quote_color(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0xD8, 0xD4, 0xC8) } else { Color32::from_rgb(0x5A, 0x4A, 0x30) }
}

/// The colour a drag that connects two actors is drawn in.
pub const CONNECTING: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x80);
