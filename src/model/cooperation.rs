//! Cooperations: the edges of the graph, with the evidence they rest on.

use super::date::DateSpan;
use super::ids::{CooperationId, SourceId};
use super::kinds::CooperationKind;
use super::style::CooperationStyle;

/// One piece of evidence: a source and the sentence in it that states the cooperation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The source document, declared once in the graph.
    pub source: SourceId,
    /// The sentence quoted from the source.
    pub quote: String,
}

/// A cooperation between two actors. Its endpoints live in the graph structure, not here.
///
/// The id is fixed at creation; every other field is freely editable.
#[derive(Clone, Debug, PartialEq)]
pub struct Cooperation {
    id: CooperationId,
    /// What sort of cooperation this is.
    pub kind: CooperationKind,
    /// Whether it goes one way (from → to, e.g. a donation) or both ways (a joint project).
    pub directed: bool,
    /// Short description shown on the edge.
    pub label: String,
    /// When it happened, if known.
    pub date: Option<DateSpan>,
    /// Strength, used by layout and analysis; 1.0 unless the user says otherwise. Finite, ≥ 0.
    pub weight: f64,
    /// Free attributes in order (e.g. values imported from another tool); keys are unique.
    pub attributes: Vec<super::Attribute>,
    /// Its own colour or width, where it should not look like its kind.
    pub style: CooperationStyle,
    evidence: Vec<Evidence>,
}

impl Cooperation {
    /// A new directed cooperation of weight 1 with no label, date or evidence.
    pub fn new(id: impl Into<CooperationId>, kind: CooperationKind) -> Self {
        Self {
            id: id.into(),
            kind,
            directed: true,
            label: String::new(),
            date: None,
            weight: 1.0,
            attributes: Vec::new(),
            style: CooperationStyle::default(),
            evidence: Vec::new(),
        }
    }

    /// The same cooperation with this evidence; checked against the graph's sources when added.
    #[must_use]
    pub fn with_evidence(mut self, evidence: Vec<Evidence>) -> Self {
        self.evidence = evidence;
        self
    }

    /// The sources that state it. Changed through
    /// [`KnowledgeGraph::set_evidence`](super::KnowledgeGraph::set_evidence), which checks them.
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    pub(super) fn evidence_mut(&mut self) -> &mut Vec<Evidence> {
        &mut self.evidence
    }

    /// The cooperation's stable id.
    pub fn id(&self) -> &CooperationId {
        &self.id
    }
}

impl From<String> for CooperationId {
    fn from(id: String) -> Self {
        CooperationId::new(id)
    }
}
