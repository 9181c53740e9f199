//! Colours, shapes and sizes in one place: what each actor and cooperation kind looks like.

use egui::Color32;

use crate::model::{ActorKind, CooperationKind};

pub use crate::model::NodeShape;

/// Fill colour of an actor kind.
pub fn actor_color(kind: ActorKind) -> Color32 {
    let [r, g, b] = kind.rgb();
    Color32::from_rgb(r, g, b)
}

/// Shape of an actor kind, so kinds stay apart for colour-blind readers too.
pub fn actor_shape(kind: ActorKind) -> NodeShape {
    kind.shape()
}

/// Colour of a cooperation kind's edges.
pub fn cooperation_color(kind: CooperationKind) -> Color32 {
    let [r, g, b] = kind.rgb();
    Color32::from_rgb(r, g, b)
}

/// Canvas background.
pub const CANVAS_BACKGROUND: Color32 = Color32::from_rgb(0x1B, 0x1E, 0x24);
/// Ring around selected actors.
pub const SELECTION: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
/// Ring around the hovered actor.
pub const HOVER: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x80);
/// Highlighted shortest paths.
pub const PATH: Color32 = Color32::from_rgb(0xFF, 0xD0, 0x40);
/// Marker of pinned actors.
pub const PIN: Color32 = Color32::from_rgb(0xFF, 0x50, 0x50);
/// Label text.
pub const LABEL: Color32 = Color32::from_rgb(0xE8, 0xE8, 0xE8);
/// Label text of dimmed actors.
pub const LABEL_DIM: Color32 = Color32::from_rgb(0x70, 0x70, 0x70);
/// How much dimmed elements keep of their colour (0–255 alpha).
pub const DIM_ALPHA: u8 = 40;
/// Label font size in points; one size keeps galley caching effective.
pub const LABEL_SIZE: f32 = 13.0;
/// Edge label font size in points.
pub const EDGE_LABEL_SIZE: f32 = 11.0;

/// Quoted evidence: readable on the dark panels, set apart from labels by italics.
pub const QUOTE: Color32 = Color32::from_rgb(0xD8, 0xD4, 0xC8);
