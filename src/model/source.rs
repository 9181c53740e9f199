//! Sources: the documents that evidence quotes.

use super::date::PartialDate;
use super::ids::SourceId;

/// A document declared once in the graph and cited by evidence.
///
/// The id is fixed at creation; every other field is freely editable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    id: SourceId,
    /// The document's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, if known.
    pub date: Option<PartialDate>,
    /// Where to find it; empty if unknown.
    pub url: String,
}

impl Source {
    /// A source with an id and title and nothing else.
    pub fn new(id: impl Into<SourceId>, title: impl Into<String>) -> Self {
        Self { id: id.into(), title: title.into(), publisher: String::new(), date: None, url: String::new() }
    }

    /// The id evidence uses to cite this source.
    pub fn id(&self) -> &SourceId {
        &self.id
    }
}

impl From<String> for SourceId {
    fn from(id: String) -> Self {
        SourceId::new(id)
    }
}
