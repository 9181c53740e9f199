//! A thin layer over quick-xml: elements by local name (namespace prefixes dropped, so
//! `viz:position` and `y:NodeLabel` read as `position` and `NodeLabel`), attributes unescaped,
//! text with entity and character references resolved, and every problem located.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::io::Position;

/// One step through an XML document.
#[derive(Clone, Debug, PartialEq)]
pub enum XmlEvent {
    /// An element starts (`empty`: it also ends here, `<a/>`).
    Open {
        /// Local name.
        name: String,
        /// Attributes by local name, unescaped.
        attributes: Vec<(String, String)>,
        /// Whether the element is empty.
        empty: bool,
        /// Byte offset of the element's start.
        offset: usize,
    },
    /// An element ends.
    Close {
        /// Local name.
        name: String,
    },
    /// Text (entities resolved; CDATA as is), not trimmed.
    Text(String),
}

/// A located problem in an XML document.
#[derive(Clone, Debug, PartialEq)]
pub struct XmlProblem {
    /// Where.
    pub position: Position,
    /// What is wrong.
    pub message: String,
}

/// Reads the whole document into events. O(size).
///
/// # Errors
/// The first well-formedness problem (unclosed tag, truncated file, bad entity), located.
pub fn events(text: &str) -> Result<Vec<XmlEvent>, XmlProblem> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    let mut depth = 0usize;
    let locate = |offset: u64| Position::of_offset(text, usize::try_from(offset).unwrap_or(usize::MAX));
    loop {
        let offset = reader.buffer_position();
        let event = reader.read_event().map_err(|error| XmlProblem {
            position: locate(reader.error_position()),
            message: format!("not well-formed XML: {error}"),
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                out.push(open(&e, false, offset, &locate)?);
            }
            Event::Empty(e) => out.push(open(&e, true, offset, &locate)?),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                out.push(XmlEvent::Close { name: local(e.local_name().as_ref()) });
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| XmlProblem { position: locate(offset), message: e.to_string() })?;
                push_text(&mut out, &text);
            }
            Event::CData(c) => {
                let text = c.decode().map_err(|e| XmlProblem { position: locate(offset), message: e.to_string() })?;
                push_text(&mut out, &text);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().unwrap_or_default();
                        match name.as_ref() {
                            "amp" => "&".to_owned(),
                            "lt" => "<".to_owned(),
                            "gt" => ">".to_owned(),
                            "quot" => "\"".to_owned(),
                            "apos" => "'".to_owned(),
                            other => {
                                return Err(XmlProblem {
                                    position: locate(offset),
                                    message: format!("unknown entity &{other};"),
                                });
                            }
                        }
                    }
                };
                push_text(&mut out, &resolved);
            }
            Event::Eof => {
                if depth > 0 {
                    return Err(XmlProblem {
                        position: locate(offset),
                        message: format!("the file ends inside {depth} unclosed element(s): it is truncated"),
                    });
                }
                return Ok(out);
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
}

fn push_text(out: &mut Vec<XmlEvent>, text: &str) {
    if let Some(XmlEvent::Text(previous)) = out.last_mut() {
        previous.push_str(text);
    } else {
        out.push(XmlEvent::Text(text.to_owned()));
    }
}

fn local(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

fn open(
    e: &BytesStart<'_>,
    empty: bool,
    offset: u64,
    locate: &dyn Fn(u64) -> Position,
) -> Result<XmlEvent, XmlProblem> {
    let mut attributes = Vec::new();
    for attribute in e.attributes() {
        let attribute = attribute
            .map_err(|error| XmlProblem { position: locate(offset), message: format!("bad attribute: {error}") })?;
        let value = attribute.unescape_value().map_err(|error| XmlProblem {
            position: locate(offset),
            message: format!("bad attribute value: {error}"),
        })?;
        attributes.push((local(attribute.key.local_name().as_ref()), value.into_owned()));
    }
    Ok(XmlEvent::Open {
        name: local(e.local_name().as_ref()),
        attributes,
        empty,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
    })
}

/// The value of attribute `name`, if present.
pub fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}
