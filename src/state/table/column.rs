//! The data table's columns: one per field of an actor or a cooperation and one per free
//! attribute; what each cell shows and how a typed value is written back.

use crate::model::{
    Actor, ActorKind, Attribute, Cooperation, CooperationKind, CooperationRef, DateSpan, Kind, NodeShape, check_size,
    color_hex, parse_color,
};

/// Which of the two tables: actors or cooperations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// One row per actor.
    #[default]
    Actors,
    /// One row per cooperation.
    Cooperations,
}

impl TableKind {
    /// `count` rows in words: "1 actor", "3 cooperations".
    pub fn rows(self, count: usize) -> String {
        match self {
            Self::Actors => crate::words::actors(count),
            Self::Cooperations => crate::words::cooperations(count),
        }
    }
}

/// A field of the model shown as a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The stable id (actors: editable, the id is renamed; cooperations: read-only).
    Id,
    /// The actor's name or the cooperation's label.
    Label,
    /// The kind, by its file name (`Company`).
    Kind,
    /// The actor's country.
    Country,
    /// The actor's other names, separated by `; `.
    Aliases,
    /// The actor's notes.
    Notes,
    /// Whether the layout leaves the actor where it is (`true`/`false`).
    Pinned,
    /// The actor's horizontal position (read-only: the layout and drags move actors).
    X,
    /// The actor's vertical position (read-only).
    Y,
    /// Its own colour `#rrggbb`; empty for the kind's.
    Color,
    /// The actor's own radius; empty for the size rule's.
    Size,
    /// The actor's own shape; empty for the kind's.
    Shape,
    /// The actor a cooperation goes from (read-only).
    From,
    /// The actor a cooperation goes to (read-only).
    To,
    /// Whether a cooperation goes one way.
    Directed,
    /// When a cooperation happened (`2020-03` or `2020-03/2020-05`).
    Date,
    /// A cooperation's strength, a finite number ≥ 0.
    Weight,
    /// The sources a cooperation's evidence cites (read-only; the inspector edits evidence).
    Sources,
    /// The quotes of a cooperation's evidence (read-only).
    Quotes,
    /// A cooperation's own line width; empty for the default.
    Width,
}

/// The fields of the actors table, in column order.
pub const ACTOR_FIELDS: &[Field] = &[
    Field::Id,
    Field::Label,
    Field::Kind,
    Field::Country,
    Field::Aliases,
    Field::Notes,
    Field::Pinned,
    Field::X,
    Field::Y,
    Field::Color,
    Field::Size,
    Field::Shape,
];

/// The fields of the cooperations table, in column order.
pub const COOPERATION_FIELDS: &[Field] = &[
    Field::Id,
    Field::From,
    Field::To,
    Field::Kind,
    Field::Directed,
    Field::Label,
    Field::Date,
    Field::Weight,
    Field::Sources,
    Field::Quotes,
    Field::Color,
    Field::Width,
];

impl Field {
    /// The column's header, also the CSV column name (as kgx's CSV export names it).
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Label => "label",
            Field::Kind => "kind",
            Field::Country => "country",
            Field::Aliases => "aliases",
            Field::Notes => "notes",
            Field::Pinned => "pinned",
            Field::X => "x",
            Field::Y => "y",
            Field::Color => "color",
            Field::Size => "size",
            Field::Shape => "shape",
            Field::From => "from",
            Field::To => "to",
            Field::Directed => "directed",
            Field::Date => "date",
            Field::Weight => "weight",
            Field::Sources => "sources",
            Field::Quotes => "quotes",
            Field::Width => "width",
        }
    }

    /// Whether the table can change it (ids of actors included).
    pub fn is_editable(self, table: TableKind) -> bool {
        match self {
            Field::X | Field::Y | Field::From | Field::To | Field::Sources | Field::Quotes => false,
            Field::Id => table == TableKind::Actors,
            _ => true,
        }
    }
}

/// One column of a table: a field, or a free attribute by its key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// A field of the model.
    Field(Field),
    /// A free attribute.
    Attribute(String),
}

/// Prefix of a free attribute's header when its key is also a field's name.
const ATTRIBUTE_PREFIX: &str = "attribute:";

impl Column {
    /// The header shown and written to CSV: the field's name, or the attribute's key (prefixed
    /// `attribute:` when a field has that name, so the two never mix).
    pub fn header(&self, table: TableKind) -> String {
        match self {
            Column::Field(field) => field.name().to_owned(),
            Column::Attribute(key) if fields(table).iter().any(|f| f.name() == key) => {
                format!("{ATTRIBUTE_PREFIX}{key}")
            }
            Column::Attribute(key) => key.clone(),
        }
    }

    /// The column a header names: a field of `table` by name, else a free attribute (with any
    /// `attribute:` prefix taken off).
    pub fn from_header(header: &str, table: TableKind) -> Column {
        let header = header.trim();
        if let Some(key) = header.strip_prefix(ATTRIBUTE_PREFIX) {
            return Column::Attribute(key.to_owned());
        }
        match fields(table).iter().find(|f| f.name() == header) {
            Some(field) => Column::Field(*field),
            None => Column::Attribute(header.to_owned()),
        }
    }

    /// Whether cells of this column can be edited in `table`.
    pub fn is_editable(&self, table: TableKind) -> bool {
        match self {
            Column::Field(field) => field.is_editable(table),
            Column::Attribute(_) => true,
        }
    }
}

/// The fields of a table, in column order.
pub fn fields(table: TableKind) -> &'static [Field] {
    match table {
        TableKind::Actors => ACTOR_FIELDS,
        TableKind::Cooperations => COOPERATION_FIELDS,
    }
}

/// Why a typed value was refused; the message names the column and says what it takes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CellError {
    /// The column cannot be changed from the table.
    #[error("column \"{0}\" cannot be changed here")]
    ReadOnly(String),
    /// The value does not fit the column.
    #[error("{column}: {message}")]
    Invalid {
        /// The column's header.
        column: String,
        /// What was wrong, and what the column takes.
        message: String,
    },
}

fn invalid(column: &str, message: impl Into<String>) -> CellError {
    CellError::Invalid { column: column.to_owned(), message: message.into() }
}

/// The text of an actor's cell. O(1) but for the attribute lookup (O(attributes)).
pub fn actor_cell(actor: &Actor, column: &Column) -> String {
    match column {
        Column::Field(field) => match field {
            Field::Id => actor.id().to_string(),
            Field::Label => actor.label.clone(),
            Field::Kind => actor.kind.label(),
            Field::Country => actor.country.clone().unwrap_or_default(),
            Field::Aliases => actor.aliases.join("; "),
            Field::Notes => actor.notes.clone(),
            Field::Pinned => actor.pinned.to_string(),
            Field::X => actor.position.map_or_else(String::new, |[x, _]| format!("{x:.1}")),
            Field::Y => actor.position.map_or_else(String::new, |[_, y]| format!("{y:.1}")),
            Field::Color => actor.style.color.map_or_else(String::new, color_hex),
            Field::Size => actor.style.size.map_or_else(String::new, |s| s.to_string()),
            Field::Shape => actor.style.shape.map_or_else(String::new, |s| s.name().to_owned()),
            Field::From
            | Field::To
            | Field::Directed
            | Field::Date
            | Field::Weight
            | Field::Sources
            | Field::Quotes
            | Field::Width => String::new(),
        },
        Column::Attribute(key) => actor.attribute(key).unwrap_or_default().to_owned(),
    }
}

/// The text of a cooperation's cell.
pub fn cooperation_cell(c: &CooperationRef<'_>, column: &Column) -> String {
    let cooperation = c.cooperation;
    match column {
        Column::Field(field) => match field {
            Field::Id => cooperation.id().to_string(),
            Field::Label => cooperation.label.clone(),
            Field::Kind => cooperation.kind.label(),
            Field::From => c.from.to_string(),
            Field::To => c.to.to_string(),
            Field::Directed => cooperation.directed.to_string(),
            Field::Date => cooperation.date.map_or_else(String::new, |d| d.to_string()),
            Field::Weight => cooperation.weight.to_string(),
            Field::Sources => {
                let mut sources: Vec<&str> = cooperation.evidence().iter().map(|e| e.source.as_str()).collect();
                sources.dedup();
                sources.join("; ")
            }
            Field::Quotes => cooperation.evidence().iter().map(|e| e.quote.as_str()).collect::<Vec<_>>().join(" | "),
            Field::Color => cooperation.style.color.map_or_else(String::new, color_hex),
            Field::Width => cooperation.style.width.map_or_else(String::new, |w| w.to_string()),
            Field::Country
            | Field::Aliases
            | Field::Notes
            | Field::Pinned
            | Field::X
            | Field::Y
            | Field::Size
            | Field::Shape => String::new(),
        },
        Column::Attribute(key) => {
            cooperation.attributes.iter().find(|a| a.key == *key).map(|a| a.value.clone()).unwrap_or_default()
        }
    }
}

/// Writes `text` into an actor's cell (not its id: see [`super::edits`]). An empty text
/// clears an optional field and removes an attribute.
///
/// # Errors
/// [`CellError`] naming the column when the text does not fit it; the actor is then unchanged.
pub fn set_actor_cell(actor: &mut Actor, column: &Column, text: &str) -> Result<(), CellError> {
    let header = column.header(TableKind::Actors);
    let text_trimmed = text.trim();
    match column {
        Column::Attribute(key) => set_attribute(&mut actor.attributes, key, text),
        Column::Field(field) => match field {
            Field::Label => actor.label = text.to_owned(),
            Field::Kind => actor.kind = parse_kind::<ActorKind>(&header, text_trimmed)?,
            Field::Country => actor.country = (!text_trimmed.is_empty()).then(|| text_trimmed.to_owned()),
            Field::Aliases => {
                actor.aliases = text.split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
            }
            Field::Notes => actor.notes = text.to_owned(),
            Field::Pinned => actor.pinned = parse_flag(&header, text_trimmed)?,
            Field::Color => actor.style.color = parse_optional(text_trimmed, parse_color, &header)?,
            Field::Size => {
                actor.style.size = parse_optional(text_trimmed, |t| parse_number(t, "size"), &header)?;
            }
            Field::Shape => {
                actor.style.shape = parse_optional(text_trimmed, |t| parse_kind::<NodeShape>(&header, t), &header)?;
            }
            _ => return Err(CellError::ReadOnly(header)),
        },
    }
    Ok(())
}

/// Writes `text` into a cooperation's cell (kind, direction, label, date, weight, colour,
/// width or an attribute).
///
/// # Errors
/// [`CellError`] naming the column; the cooperation is then unchanged.
pub fn set_cooperation_cell(cooperation: &mut Cooperation, column: &Column, text: &str) -> Result<(), CellError> {
    let header = column.header(TableKind::Cooperations);
    let trimmed = text.trim();
    match column {
        Column::Attribute(key) => set_attribute(&mut cooperation.attributes, key, text),
        Column::Field(field) => match field {
            Field::Label => cooperation.label = text.to_owned(),
            Field::Kind => cooperation.kind = parse_kind::<CooperationKind>(&header, trimmed)?,
            Field::Directed => cooperation.directed = parse_flag(&header, trimmed)?,
            Field::Date => {
                cooperation.date = parse_optional(
                    trimmed,
                    |t| t.parse::<DateSpan>().map_err(|e| invalid(&header, e.to_string())),
                    &header,
                )?;
            }
            Field::Weight => {
                let weight: f64 =
                    trimmed.parse().map_err(|_| invalid(&header, format!("\"{trimmed}\" is not a number")))?;
                if !weight.is_finite() || weight < 0.0 {
                    return Err(invalid(&header, "the weight must be a finite number of at least 0"));
                }
                cooperation.weight = weight;
            }
            Field::Color => cooperation.style.color = parse_optional(trimmed, parse_color, &header)?,
            Field::Width => {
                cooperation.style.width = parse_optional(trimmed, |t| parse_number(t, "width"), &header)?;
            }
            _ => return Err(CellError::ReadOnly(header)),
        },
    }
    Ok(())
}

/// Sets attribute `key` (keeping its place) or, for an empty text, removes it.
pub fn set_attribute(attributes: &mut Vec<Attribute>, key: &str, value: &str) {
    if value.is_empty() {
        attributes.retain(|a| a.key != key);
    } else if let Some(existing) = attributes.iter_mut().find(|a| a.key == key) {
        value.clone_into(&mut existing.value);
    } else {
        attributes.push(Attribute { key: key.to_owned(), value: value.to_owned() });
    }
}

/// A kind by its file name or its label, case ignored ("company", "Government agency").
fn parse_kind<K: Kind>(header: &str, text: &str) -> Result<K, CellError> {
    let wanted: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    K::ALL.iter().copied().find(|k| k.name().to_lowercase() == wanted).ok_or_else(|| {
        invalid(header, format!("unknown {} \"{text}\"; expected one of {}", K::WHAT, K::expected_names()))
    })
}

fn parse_flag(header: &str, text: &str) -> Result<bool, CellError> {
    match text.to_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" | "" => Ok(false),
        _ => Err(invalid(header, format!("\"{text}\" is neither true nor false"))),
    }
}

fn parse_number(text: &str, what: &'static str) -> Result<f32, crate::model::StyleError> {
    let value: f32 = text.parse().map_err(|_| crate::model::StyleError::Size { what, value: text.to_owned() })?;
    check_size(what, value)
}

/// `None` for an empty text, else the parsed value; a style error becomes the column's.
fn parse_optional<T, E: std::fmt::Display>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    header: &str,
) -> Result<Option<T>, CellError> {
    if text.is_empty() {
        return Ok(None);
    }
    parse(text).map(Some).map_err(|e| invalid(header, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attribute_named_like_a_field_gets_a_prefix_and_reads_back() {
        let column = Column::Attribute("kind".to_owned());
        assert_eq!(column.header(TableKind::Actors), "attribute:kind");
        assert_eq!(Column::from_header("attribute:kind", TableKind::Actors), column);
        assert_eq!(Column::from_header("kind", TableKind::Actors), Column::Field(Field::Kind));
        assert_eq!(Column::from_header("founded", TableKind::Actors), Column::Attribute("founded".to_owned()));
        assert_eq!(Column::from_header("from", TableKind::Actors), Column::Attribute("from".to_owned()));
        assert_eq!(Column::from_header("from", TableKind::Cooperations), Column::Field(Field::From));
    }

    #[test]
    fn actor_cells_take_kinds_colours_and_flags_and_refuse_nonsense() {
        let mut actor = Actor::new("a", "A", ActorKind::Other);
        set_actor_cell(&mut actor, &Column::Field(Field::Kind), "government agency").unwrap();
        assert_eq!(actor.kind, ActorKind::GovernmentAgency);
        set_actor_cell(&mut actor, &Column::Field(Field::Color), "#ff0000").unwrap();
        assert_eq!(actor.style.color, Some([255, 0, 0]));
        set_actor_cell(&mut actor, &Column::Field(Field::Pinned), "yes").unwrap();
        assert!(actor.pinned);
        set_actor_cell(&mut actor, &Column::Field(Field::Aliases), "W; WHO ;").unwrap();
        assert_eq!(actor.aliases, ["W", "WHO"]);
        let before = actor.clone();
        let error = set_actor_cell(&mut actor, &Column::Field(Field::Kind), "Spaceship").unwrap_err();
        assert!(error.to_string().starts_with("kind: unknown actor kind \"Spaceship\""), "{error}");
        assert!(set_actor_cell(&mut actor, &Column::Field(Field::Size), "-3").is_err());
        assert!(set_actor_cell(&mut actor, &Column::Field(Field::X), "3").is_err());
        assert_eq!(actor, before, "a refused value changes nothing");
        set_actor_cell(&mut actor, &Column::Field(Field::Color), "").unwrap();
        assert_eq!(actor.style.color, None, "an empty cell clears an optional field");
    }

    #[test]
    fn an_empty_attribute_cell_removes_the_attribute() {
        let mut actor = Actor::new("a", "A", ActorKind::Other);
        let column = Column::Attribute("budget".to_owned());
        set_actor_cell(&mut actor, &column, "12").unwrap();
        assert_eq!(actor_cell(&actor, &column), "12");
        set_actor_cell(&mut actor, &column, "").unwrap();
        assert!(actor.attributes.is_empty());
    }

    #[test]
    fn cooperation_cells_check_weights_and_dates() {
        let mut c = Cooperation::new("c", CooperationKind::Other);
        set_cooperation_cell(&mut c, &Column::Field(Field::Date), "2020-03/2020-05").unwrap();
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2020-03/2020-05"));
        assert!(set_cooperation_cell(&mut c, &Column::Field(Field::Weight), "-1").is_err());
        assert!(set_cooperation_cell(&mut c, &Column::Field(Field::Weight), "heavy").is_err());
        set_cooperation_cell(&mut c, &Column::Field(Field::Weight), "2.5").unwrap();
        assert_eq!(c.weight, 2.5);
        assert!(set_cooperation_cell(&mut c, &Column::Field(Field::From), "x").is_err());
    }
}
