//! Pictures to publish: the graph drawn by the same rules as the canvas ([`crate::draw`]) — each
//! actor's own look or its kind's, arrows on directed cooperations, parallel ones as curves or
//! one bundle with a count, loops, labels by importance placed around their nodes with a halo —
//! as SVG (labels stay text, fonts named, CJK-capable), PNG or PDF, in a dark or a light theme.
//! No egui: the CLI renders headless.
//!
//! A picture the graph has (positions) is drawn as it is; only actors without a position are
//! placed, and a graph without any is laid out first, making room for its labels at the
//! picture's size.

mod output;
mod picture;
mod svg;

pub use output::{PictureError, PictureFormat, svg_to_pdf, svg_to_png};
pub use picture::Picture;

use crate::draw::Theme;
use crate::model::KnowledgeGraph;

/// What to draw and how large.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Picture width in pixels.
    pub width: f32,
    /// Picture height in pixels.
    pub height: f32,
    /// Draw a legend of the kinds shown, with their counts.
    pub legend: bool,
    /// Draw the graph's title at the top.
    pub title: bool,
    /// Draw only this part of the layout plane (min x, min y, max x, max y), as the window's
    /// current view; `None` fits the whole graph.
    pub view: Option<[f32; 4]>,
    /// Lay the graph out anew even where it has positions (`kgx render --layout`); otherwise a
    /// picture the file has is drawn as it is, and only actors without a position are placed.
    pub layout: bool,
    /// Dark ground or light (for print).
    pub theme: Theme,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self { width: 1600.0, height: 1000.0, legend: true, title: true, view: None, layout: false, theme: Theme::Dark }
    }
}

/// The graph as an SVG document. O(n log n + m).
pub fn to_svg(graph: &KnowledgeGraph, options: &RenderOptions) -> String {
    svg::write(graph, &Picture::of(graph, options), options)
}

/// The same drawing as [`to_svg`], rasterised at `scale` pixels per picture pixel.
///
/// # Errors
/// [`PictureError`] when the picture is too large or cannot be encoded.
pub fn to_png(graph: &KnowledgeGraph, options: &RenderOptions, scale: f32) -> Result<Vec<u8>, PictureError> {
    svg_to_png(&to_svg(graph, options), options.width, options.height, scale)
}

/// The same drawing as [`to_svg`] as a one-page PDF, its labels as text in embedded fonts.
///
/// # Errors
/// [`PictureError`] when the drawing cannot be converted.
pub fn to_pdf(graph: &KnowledgeGraph, options: &RenderOptions) -> Result<Vec<u8>, PictureError> {
    svg_to_pdf(&to_svg(graph, options))
}

/// The picture of `graph` in `format`.
///
/// # Errors
/// As [`to_png`] and [`to_pdf`].
pub fn render(
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    format: PictureFormat,
    scale: f32,
) -> Result<Vec<u8>, PictureError> {
    let svg = to_svg(graph, options);
    match format {
        PictureFormat::Svg => Ok(svg.into_bytes()),
        PictureFormat::Png => svg_to_png(&svg, options.width, options.height, scale),
        PictureFormat::Pdf => svg_to_pdf(&svg),
    }
}
