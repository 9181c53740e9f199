//! Actors: the nodes of the graph.

use super::ids::ActorId;
use super::kinds::ActorKind;
use super::style::ActorStyle;

/// One free attribute of an actor, e.g. `visitors` → `over 76,000`.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// The attribute's name; unique within one actor.
    pub key: String,
    /// The attribute's value as written in the source.
    pub value: String,
}

/// The largest coordinate a saved position may have, in layout units. Layouts of a million
/// actors stay within ±10⁵; beyond this, f32 arithmetic in the layout loses every distance.
pub const MAX_COORDINATE: f32 = 1.0e7;

/// A body that cooperates: a ministry, hospital, company, country, person …
///
/// The id is fixed at creation (the graph indexes by it); every other field is freely editable.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    id: ActorId,
    /// Name shown on the canvas.
    pub label: String,
    /// What sort of body this is.
    pub kind: ActorKind,
    /// Other names the actor goes by (abbreviations, translations); searched like the label.
    pub aliases: Vec<String>,
    /// The country the actor belongs to, if any.
    pub country: Option<String>,
    /// Free attributes in the order the user gave them; keys are unique.
    pub attributes: Vec<Attribute>,
    /// Free text notes.
    pub notes: String,
    /// Position on the canvas in layout units, if it has been laid out.
    pub position: Option<[f32; 2]>,
    /// Whether the layout must leave this actor where it is.
    pub pinned: bool,
    /// Its own colour, size or shape, where it should not look like its kind.
    pub style: ActorStyle,
}

impl Actor {
    /// A new actor with the given id, label and kind and every other field empty.
    pub fn new(id: impl Into<ActorId>, label: impl Into<String>, kind: ActorKind) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            kind,
            aliases: Vec::new(),
            country: None,
            attributes: Vec::new(),
            notes: String::new(),
            position: None,
            pinned: false,
            style: ActorStyle::default(),
        }
    }

    /// The actor's stable id.
    pub fn id(&self) -> &ActorId {
        &self.id
    }

    /// Changes the id (only through [`KnowledgeGraph::rename_actor`](super::KnowledgeGraph::rename_actor),
    /// which keeps the index in step).
    pub(super) fn set_id(&mut self, id: ActorId) {
        self.id = id;
    }

    /// The value of attribute `key`, if set.
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.key == key).map(|a| a.value.as_str())
    }

    /// Sets attribute `key` to `value`, keeping its place if it exists, appending otherwise.
    pub fn set_attribute(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let key = key.into();
        let value = value.into();
        match self.attributes.iter_mut().find(|a| a.key == key) {
            Some(existing) => existing.value = value,
            None => self.attributes.push(Attribute { key, value }),
        }
    }
}

impl From<String> for ActorId {
    fn from(id: String) -> Self {
        ActorId::new(id)
    }
}
