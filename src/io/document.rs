//! The on-disk document: data-transfer types that mirror the RON file one to one.
//!
//! Kept apart from the model so the file format can evolve (versions) without touching the
//! in-memory graph. Kinds and dates are kept as written here and checked in [`super::load`], so
//! that every bad value is reported, not only the first.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::model::Kind;

/// The format name every kgx document starts with.
pub const FORMAT_NAME: &str = "kgx";
/// The version this build writes.
pub const CURRENT_VERSION: u32 = 1;
/// Every version this build reads.
pub const SUPPORTED_VERSIONS: &[u32] = &[1];

/// Just the header, read first so that a wrong format or version is reported as such rather
/// than as a confusing structure error.
#[derive(Deserialize)]
pub struct HeaderDto {
    /// Must be [`FORMAT_NAME`].
    pub format: String,
    /// Must be one of [`SUPPORTED_VERSIONS`].
    pub version: u32,
}

/// A whole kgx document, version 1.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DocumentDto {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// What the graph is.
    #[serde(default)]
    pub metadata: MetadataDto,
    /// Documents cited by evidence.
    #[serde(default)]
    pub sources: Vec<SourceDto>,
    /// The nodes.
    #[serde(default)]
    pub actors: Vec<ActorDto>,
    /// The edges.
    #[serde(default)]
    pub cooperations: Vec<CooperationDto>,
}

/// Title and description of the document.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct MetadataDto {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Whether every change to the structure reflows the whole layout.
    #[serde(default, skip_serializing_if = "is_false")]
    pub auto_layout: bool,
    /// The force layout's settings, where they differ from the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<ForceDto>,
    /// Looks that follow attributes, where any is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<StyleMappingDto>,
}

/// Looks that follow attributes, as written in the file:
/// `style: (color_by_category: "region", size_by: "budget", shape_by: "sector")`. Every field is
/// optional; `color_by_category` and `color_by_number` exclude each other.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StyleMappingDto {
    /// One colour per value of this attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_by_category: Option<String>,
    /// A ranking colour scale over this number attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_by_number: Option<String>,
    /// Disc size by this number attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_by: Option<String>,
    /// One shape per value of this attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape_by: Option<String>,
    /// Own colours, sizes and shapes win over the mappings.
    #[serde(default, skip_serializing_if = "is_false")]
    pub own_styles_first: bool,
}

/// The force layout's settings as written in the file:
/// `force: (scaling: 10.0, gravity: 1.0, lin_log: true, prevent_overlap: false)`. Every field
/// is optional (the default when omitted); kgx writes only those that differ from the default.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ForceDto {
    /// Strength of repulsion, above 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaling: Option<f32>,
    /// Pull towards the centre, 0 or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gravity: Option<f32>,
    /// Logarithmic attraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lin_log: Option<bool>,
    /// Keep discs from overlapping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prevent_overlap: Option<bool>,
}

/// A source as written in the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDto {
    /// Unique id.
    pub id: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Publisher.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Publication date, `YYYY[-MM[-DD]]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

/// An actor as written in the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDto {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Actor kind, a bare identifier such as `Hospital`.
    pub kind: KindName,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Ordered free attributes, written as a RON map.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub attributes: OrderedMap,
    /// Notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Canvas position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<(f32, f32)>,
    /// Whether the layout leaves it in place.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// Its own look, where it should not look like its kind.
    #[serde(default, skip_serializing_if = "ActorStyleDto::is_empty")]
    pub style: ActorStyleDto,
}

/// An actor's own look as written in the file: `(color: "#d94ea4", size: 9.2, shape: Circle)`.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ActorStyleDto {
    /// Fill colour, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Radius in layout units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<f32>,
    /// Outline, a bare identifier such as `Hexagon`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<KindName>,
}

impl ActorStyleDto {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.color.is_none() && self.size.is_none() && self.shape.is_none()
    }
}

/// A cooperation's own look as written in the file: `(color: "#ff0000", width: 2.5)`.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CooperationStyleDto {
    /// Line colour, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Line width in multiples of the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<f32>,
}

impl CooperationStyleDto {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.color.is_none() && self.width.is_none()
    }
}

/// A cooperation as written in the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CooperationDto {
    /// Unique id.
    pub id: String,
    /// Id of the actor it goes from.
    pub from: String,
    /// Id of the actor it goes to.
    pub to: String,
    /// Cooperation kind, a bare identifier such as `Donation`.
    pub kind: KindName,
    /// One-way (true) or mutual (false).
    #[serde(default = "default_true")]
    pub directed: bool,
    /// Short description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// `YYYY[-MM[-DD]]` or a range `start/end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Strength, 1.0 when absent.
    #[serde(default = "default_weight", skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    /// Ordered free attributes, written as a RON map.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub attributes: OrderedMap,
    /// Sources and quotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceDto>,
    /// Its own look, where it should not look like its kind.
    #[serde(default, skip_serializing_if = "CooperationStyleDto::is_empty")]
    pub style: CooperationStyleDto,
}

/// Evidence as written in the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceDto {
    /// Id of a declared source.
    pub source: String,
    /// The sentence quoted.
    #[serde(default)]
    pub quote: String,
}

fn default_true() -> bool {
    true
}

fn default_weight() -> f64 {
    1.0
}

fn is_default_weight(weight: &f64) -> bool {
    *weight == 1.0
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A kind as written: a bare RON identifier. Reading accepts any identifier, so that an unknown
/// kind becomes a located problem instead of stopping the parse; writing emits the bare name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindName(pub String);

impl KindName {
    /// The name of a known kind.
    pub fn of<K: Kind>(kind: K) -> Self {
        Self(kind.name().to_owned())
    }

    /// The kind this name spells, if any.
    pub fn resolve<K: Kind>(&self) -> Option<K> {
        K::from_name(&self.0)
    }
}

impl Serialize for KindName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Written through a unit variant so RON prints the bare identifier, not a string.
        let name = known_name(&self.0).ok_or_else(|| serde::ser::Error::custom("unknown kind"))?;
        serializer.serialize_unit_variant("Kind", 0, name)
    }
}

/// The static name of a known actor or cooperation kind.
fn known_name(name: &str) -> Option<&'static str> {
    use crate::model::{ActorKind, CooperationKind, NodeShape};
    ActorKind::from_name(name)
        .map(Kind::name)
        .or_else(|| CooperationKind::from_name(name).map(Kind::name))
        .or_else(|| NodeShape::from_name(name).map(Kind::name))
}

impl<'de> Deserialize<'de> for KindName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = KindName;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a kind name such as `Hospital` or `Donation`")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<KindName, E> {
                Ok(KindName(name.to_owned()))
            }
        }
        deserializer.deserialize_identifier(NameVisitor)
    }
}

/// A string → string map that keeps the order of the file (attributes are shown in the order the
/// author gave them). Duplicate keys are kept so that validation can report them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderedMap(pub Vec<(String, String)>);

impl OrderedMap {
    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for OrderedMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for OrderedMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor(PhantomData<OrderedMap>);
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = OrderedMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of attribute names to values, e.g. { \"city\": \"Wuhan\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<OrderedMap, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = access.next_entry::<String, String>()? {
                    entries.push(entry);
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}
