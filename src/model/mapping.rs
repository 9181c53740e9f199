//! [`StyleMapping`]: looks that follow an attribute — colour by a category or a number, size
//! by a number, shape by a category — kept in the document so the canvas and pictures draw
//! the same.

/// How the colour follows an attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColorMapping {
    /// One colour per value of this attribute (a palette, the most common values first).
    Category(String),
    /// A colour on a ranking scale from the smallest to the largest number this attribute holds.
    Number(String),
}

impl ColorMapping {
    /// The attribute it reads.
    pub fn attribute(&self) -> &str {
        match self {
            ColorMapping::Category(name) | ColorMapping::Number(name) => name,
        }
    }
}

/// The document's mappings from attributes to looks. Empty by default: kinds and own styles
/// decide, as before, and a file without mappings saves byte for byte as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StyleMapping {
    /// Colour by an attribute.
    pub color: Option<ColorMapping>,
    /// Size by a number attribute (ranking scale: the smallest number gets the smallest disc).
    pub size: Option<String>,
    /// Shape by a category attribute.
    pub shape: Option<String>,
    /// An actor's own colour, size and shape (from an import or the inspector) win over the
    /// mappings; off: the mappings win where the actor has the attribute.
    pub own_styles_first: bool,
}

impl StyleMapping {
    /// Whether nothing is mapped and own styles come second (the file then says nothing).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}
