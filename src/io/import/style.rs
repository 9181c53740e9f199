//! Reading other tools' looks into kgx styles: colours as components (GEXF `viz:color`, Gephi's
//! GraphML `r`/`g`/`b`) or hex text (yEd, kgx's own fields), sizes and line widths, and shape
//! names in each tool's vocabulary. Every reader returns a message for the person when a value
//! is wrong; the caller locates it.

use crate::model::{Kind, NodeShape, Rgb, check_size, parse_color};

/// A colour component written as a number from 0 to 255 (`217`, or `217.0` as some tools write
/// it).
///
/// # Errors
/// A message naming the component when it is not a number from 0 to 255.
pub fn component(name: &str, text: &str) -> Result<u8, String> {
    match text.trim().parse::<f64>() {
        Ok(value) if (0.0..=255.0).contains(&value) && value.fract() == 0.0 => Ok(value as u8),
        _ => Err(format!("colour component {name}=\"{text}\" must be a whole number from 0 to 255")),
    }
}

/// A colour from its red, green and blue components as written.
///
/// # Errors
/// As [`component`].
pub fn components(r: &str, g: &str, b: &str) -> Result<Rgb, String> {
    Ok([component("r", r)?, component("g", g)?, component("b", b)?])
}

/// A colour written `#rrggbb` or `#rgb` (kgx's fields), or `#rrggbbaa` as yEd writes a colour
/// with transparency (the transparency is dropped: kgx draws styles opaque).
///
/// # Errors
/// A message when it is none of these.
pub fn hex_color(text: &str) -> Result<Rgb, String> {
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix('#').unwrap_or_default();
    if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return parse_color(trimmed.get(..7).unwrap_or_default()).map_err(|e| e.to_string());
    }
    parse_color(trimmed).map_err(|e| e.to_string())
}

/// A colour written `#aarrggbb` as yFiles for HTML writes it (the alpha first, then dropped), or
/// `#rrggbb`.
///
/// # Errors
/// A message when it is neither.
pub fn argb_color(text: &str) -> Result<Rgb, String> {
    let trimmed = text.trim();
    match trimmed.strip_prefix('#') {
        Some(digits) if digits.len() == 8 => {
            parse_color(&format!("#{}", digits.get(2..).unwrap_or_default())).map_err(|e| e.to_string())
        }
        _ => parse_color(trimmed).map_err(|e| e.to_string()),
    }
}

/// A node's size (radius) or an edge's width written as a number.
///
/// # Errors
/// A message when it is not a finite number above zero and within kgx's bounds.
pub fn measure(what: &'static str, text: &str) -> Result<f32, String> {
    let value = text.trim().parse::<f32>().map_err(|_| format!("{what} \"{text}\" is not a number"))?;
    check_size(what, value).map_err(|e| e.to_string())
}

/// Lower case, letters and digits only: `Triangle-Up` and `triangleup` match.
fn squash(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

/// A shape as kgx names it (`Hexagon`, `TriangleUp`; case and punctuation ignored) or as GEXF
/// and yEd name the ones kgx has (`disc`, `ellipse`, `rectangle`, `triangle`).
///
/// # Errors
/// A message listing kgx's shapes when the name is none of these.
pub fn shape_name(text: &str) -> Result<NodeShape, String> {
    let wanted = squash(text);
    if let Some(shape) = NodeShape::ALL.iter().copied().find(|s| squash(s.name()) == wanted) {
        return Ok(shape);
    }
    match wanted.as_str() {
        "disc" | "ellipse" => Ok(NodeShape::Circle),
        "rectangle" => Ok(NodeShape::Square),
        "triangle" => Ok(NodeShape::TriangleUp),
        _ => Err(format!("unknown shape \"{text}\"; expected one of {}", NodeShape::expected_names())),
    }
}

/// A GEXF `viz:shape` value: `disc`, `square`, `triangle`, `diamond`, or `image` (which kgx
/// cannot draw: no shape).
///
/// # Errors
/// A message for a value GEXF does not define.
pub fn gexf_shape(text: &str) -> Result<Option<NodeShape>, String> {
    match text.trim() {
        "disc" => Ok(Some(NodeShape::Circle)),
        "square" => Ok(Some(NodeShape::Square)),
        "triangle" => Ok(Some(NodeShape::TriangleUp)),
        "diamond" => Ok(Some(NodeShape::Diamond)),
        "image" => Ok(None),
        other => {
            Err(format!("viz:shape \"{other}\" is not a GEXF shape; expected disc, square, triangle, diamond or image"))
        }
    }
}

/// How GEXF names a kgx shape, for the four it has.
pub fn to_gexf_shape(shape: NodeShape) -> Option<&'static str> {
    match shape {
        NodeShape::Circle => Some("disc"),
        NodeShape::Square => Some("square"),
        NodeShape::TriangleUp => Some("triangle"),
        NodeShape::Diamond => Some("diamond"),
        _ => None,
    }
}

/// A yEd shape type (`y:Shape type="…"`), for the ones kgx draws alike; yEd's many others
/// (parallelogram, star, arrow …) give no shape, as they are valid yEd.
pub fn yed_shape(text: &str) -> Option<NodeShape> {
    match squash(text).as_str() {
        "ellipse" => Some(NodeShape::Circle),
        "rectangle" | "roundrectangle" | "rectangle3d" => Some(NodeShape::Square),
        "diamond" => Some(NodeShape::Diamond),
        "triangle" => Some(NodeShape::TriangleUp),
        "hexagon" => Some(NodeShape::Hexagon),
        "octagon" => Some(NodeShape::Octagon),
        _ => None,
    }
}

/// How yEd names a kgx shape (the nearest yEd has for pentagons and downward triangles).
pub fn to_yed_shape(shape: NodeShape) -> &'static str {
    match shape {
        NodeShape::Circle => "ellipse",
        NodeShape::Square => "rectangle",
        NodeShape::Diamond => "diamond",
        NodeShape::TriangleUp | NodeShape::TriangleDown => "triangle",
        NodeShape::Pentagon | NodeShape::Hexagon => "hexagon",
        NodeShape::Octagon => "octagon",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_whole_numbers_from_0_to_255() {
        assert_eq!(components("217", "78", "164.0"), Ok([217, 78, 164]));
        for bad in ["-1", "256", "1.5", "red", ""] {
            assert!(component("r", bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn hex_colours_drop_the_alpha_where_the_tool_writes_one() {
        assert_eq!(hex_color("#FFCC00"), Ok([0xff, 0xcc, 0x00]));
        assert_eq!(hex_color("#FFCC0080"), Ok([0xff, 0xcc, 0x00]), "yEd: #rrggbbaa");
        assert_eq!(argb_color("#FFFF8C00"), Ok([0xff, 0x8c, 0x00]), "yFiles for HTML: #aarrggbb");
        assert!(hex_color("orange").is_err() && hex_color("#12345").is_err());
    }

    #[test]
    fn shapes_are_read_in_each_tools_words() {
        assert_eq!(shape_name("triangle-up"), Ok(NodeShape::TriangleUp));
        assert_eq!(shape_name("Hexagon"), Ok(NodeShape::Hexagon));
        assert_eq!(shape_name("disc"), Ok(NodeShape::Circle));
        assert!(shape_name("star").is_err());
        assert_eq!(gexf_shape("triangle"), Ok(Some(NodeShape::TriangleUp)));
        assert_eq!(gexf_shape("image"), Ok(None));
        assert!(gexf_shape("hexagon").is_err(), "not a GEXF shape");
        assert_eq!(yed_shape("roundrectangle"), Some(NodeShape::Square));
        assert_eq!(yed_shape("star8"), None);
        for shape in NodeShape::ALL {
            if let Some(name) = to_gexf_shape(*shape) {
                assert_eq!(gexf_shape(name), Ok(Some(*shape)));
            }
        }
    }

    #[test]
    fn measures_are_positive_and_finite() {
        assert_eq!(measure("size", "9.220858"), Ok(9.220_858));
        for bad in ["0", "-3", "NaN", "big", "1e9"] {
            assert!(measure("size", bad).is_err(), "{bad} must be refused");
        }
    }
}
