//! Per-element looks that override the kind's: what other tools (Gephi's `viz`, yEd's graphics)
//! give an actor or a cooperation, and what the user sets in the inspector.

use super::kinds::{Kind, NodeShape};

/// A colour as red, green and blue bytes.
pub type Rgb = [u8; 3];

/// The largest size or width a style may give, in layout units: beyond it a single node would
/// cover any picture.
pub const MAX_STYLE_SIZE: f32 = 1.0e5;

/// How one actor is drawn when it should not look like its kind. Every field is optional: what
/// is not set comes from the kind (colour, shape) or from the size rule in use (degree, metric).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ActorStyle {
    /// Fill colour.
    pub color: Option<Rgb>,
    /// Radius in layout units (the unit of positions), as Gephi's `viz:size`.
    pub size: Option<f32>,
    /// Outline.
    pub shape: Option<NodeShape>,
}

impl ActorStyle {
    /// Whether nothing is set (the actor looks like its kind).
    pub fn is_empty(&self) -> bool {
        self.color.is_none() && self.size.is_none() && self.shape.is_none()
    }
}

/// How one cooperation is drawn when it should not look like its kind.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CooperationStyle {
    /// Line colour.
    pub color: Option<Rgb>,
    /// Line width in multiples of the default line's width (Gephi's edge thickness).
    pub width: Option<f32>,
}

impl CooperationStyle {
    /// Whether nothing is set (the cooperation looks like its kind).
    pub fn is_empty(&self) -> bool {
        self.color.is_none() && self.width.is_none()
    }
}

/// Why a style value was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StyleError {
    /// A colour not written `#rrggbb`.
    #[error("colour \"{0}\" is not of the form #rrggbb (e.g. #d94ea4)")]
    Color(String),
    /// A size or width that is negative, zero, not finite or too large.
    #[error("{what} {value} must be a finite number above 0 and at most {MAX_STYLE_SIZE:e}")]
    Size {
        /// "size" or "width".
        what: &'static str,
        /// The value as written.
        value: String,
    },
    /// An unknown shape name.
    #[error("unknown shape `{0}`; expected one of {names}", names = NodeShape::expected_names())]
    Shape(String),
}

/// Reads a colour written `#rrggbb` (or `#rgb`); case does not matter.
///
/// # Errors
/// [`StyleError::Color`] for anything else.
pub fn parse_color(text: &str) -> Result<Rgb, StyleError> {
    let error = || StyleError::Color(text.to_owned());
    let digits = text.trim().strip_prefix('#').ok_or_else(error)?;
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(error());
    }
    let value = |s: &str| u8::from_str_radix(s, 16).map_err(|_| error());
    match digits.len() {
        6 => Ok([value(&digits[0..2])?, value(&digits[2..4])?, value(&digits[4..6])?]),
        3 => {
            let double = |i: usize| value(&digits[i..=i]).map(|v| v * 17);
            Ok([double(0)?, double(1)?, double(2)?])
        }
        _ => Err(error()),
    }
}

/// A colour written `#rrggbb`, as files and SVG pictures hold it.
pub fn color_hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Checks a size or width: finite, above zero and at most [`MAX_STYLE_SIZE`].
///
/// # Errors
/// [`StyleError::Size`] naming `what`.
pub fn check_size(what: &'static str, value: f32) -> Result<f32, StyleError> {
    if value.is_finite() && value > 0.0 && value <= MAX_STYLE_SIZE {
        Ok(value)
    } else {
        Err(StyleError::Size { what, value: value.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_both_hex_forms_and_refuse_others() {
        assert_eq!(parse_color("#D94ea4"), Ok([0xd9, 0x4e, 0xa4]));
        assert_eq!(parse_color("#fa0"), Ok([0xff, 0xaa, 0x00]));
        for bad in ["d94ea4", "#d94ea", "#gg0000", "red", "#", "#d94ea4ff", "#ä00000"] {
            assert!(parse_color(bad).is_err(), "{bad} must be refused");
        }
        assert_eq!(color_hex([0xd9, 0x4e, 0xa4]), "#d94ea4");
    }

    #[test]
    fn sizes_must_be_positive_and_finite() {
        assert_eq!(check_size("size", 9.2), Ok(9.2));
        for bad in [0.0, -1.0, f32::NAN, f32::INFINITY, 2.0e5] {
            assert!(check_size("size", bad).is_err(), "{bad} must be refused");
        }
    }
}
