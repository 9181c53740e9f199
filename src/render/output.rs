//! A drawing kgx wrote as SVG, turned into PNG (resvg and tiny-skia) or PDF (svg2pdf, with the
//! labels' fonts embedded as subsets), headless.

use std::path::Path;

/// The picture formats kgx writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    /// SVG: labels stay text.
    Svg,
    /// PNG: rasterised at a scale.
    Png,
    /// PDF: one page, vector, labels as text in embedded fonts.
    Pdf,
}

impl PictureFormat {
    /// Every picture format, in menus' order.
    pub const ALL: [PictureFormat; 3] = [PictureFormat::Svg, PictureFormat::Png, PictureFormat::Pdf];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Svg => "svg",
            PictureFormat::Png => "png",
            PictureFormat::Pdf => "pdf",
        }
    }

    /// The format a file name's extension names, if any (case does not matter).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }
}

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The picture is too large or empty at that scale.
    #[error("a {width}×{height} picture at scale {scale} is too large or empty to rasterise")]
    Size {
        /// Width in pixels.
        width: f32,
        /// Height in pixels.
        height: f32,
        /// The scale asked for.
        scale: f32,
    },
    /// The drawing could not be read back (a bug: kgx wrote it).
    #[error("the drawing could not be read: {0}")]
    Svg(String),
    /// Encoding failed.
    #[error("the picture could not be encoded: {0}")]
    Encode(String),
}

/// The SVG parser's options with the system's fonts: the ones the SVG names when installed
/// (Noto Sans CJK covers Chinese, Japanese and Korean), else any font that has the glyphs.
fn svg_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    options
}

/// Rasterises an SVG document kgx drew, `width`×`height` pixels at `scale`.
///
/// # Errors
/// [`PictureError`] when the size is out of bounds or encoding fails.
pub fn svg_to_png(svg: &str, width: f32, height: f32, scale: f32) -> Result<Vec<u8>, PictureError> {
    use resvg::tiny_skia;
    let too_large = || PictureError::Size { width, height, scale };
    let (w, h) = (width * scale, height * scale);
    if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0 && w * h <= 400_000_000.0) {
        return Err(too_large());
    }
    let tree = resvg::usvg::Tree::from_str(svg, &svg_options()).map_err(|e| PictureError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(w.round() as u32, h.round() as u32).ok_or_else(too_large)?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PictureError::Encode(e.to_string()))
}

/// Converts an SVG document kgx drew into a one-page PDF of the same size (72 dpi: a picture
/// pixel is a point).
///
/// # Errors
/// [`PictureError`] when the drawing cannot be read or converted.
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>, PictureError> {
    let tree = resvg::usvg::Tree::from_str(svg, &svg_options()).map_err(|e| PictureError::Svg(e.to_string()))?;
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions::default())
        .map_err(|e| PictureError::Encode(e.to_string()))
}
