//! Turning an article into graph edits in the window: the import form, the extraction running
//! on a worker thread, and the review of its proposals (accept, edit, reject, or merge into an
//! actor the graph has), which becomes one undoable edit.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::edit::Edit;
use crate::extract::{ActorDecision, Extraction, Gazetteer, Review, SourceMeta, existing_match, extract, review_edit};
use crate::model::{ActorId, ActorKind, CooperationKind, KnowledgeGraph, ModelError};

/// Where the article comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleInput {
    /// A text or Markdown file.
    File(PathBuf),
    /// Text pasted into the form.
    Text(String),
}

/// The "Import article" form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleForm {
    /// A file path typed or picked.
    pub path: String,
    /// Pasted text.
    pub pasted: String,
    /// Source title (empty: the article's first line).
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date, YYYY-MM-DD (resolves "March 15", "on Sunday").
    pub date: String,
    /// URL.
    pub url: String,
    /// The last problem, shown in the form.
    pub error: Option<String>,
}

impl ArticleForm {
    /// The source metadata the form gives, or what is wrong with its date.
    pub fn source(&self) -> Result<SourceMeta, String> {
        let date = match self.date.trim() {
            "" => None,
            text => Some(text.parse().map_err(|e| format!("Date: {e}"))?),
        };
        Ok(SourceMeta {
            title: self.title.trim().to_owned(),
            publisher: self.publisher.trim().to_owned(),
            date,
            url: self.url.trim().to_owned(),
        })
    }
}

/// An extraction running on a worker thread.
#[derive(Debug)]
pub struct ExtractJob {
    receiver: Receiver<Result<(String, Extraction), String>>,
    cancel: Arc<AtomicBool>,
    /// When it started.
    pub started: Instant,
    /// What it reads, for the status line.
    pub name: String,
}

/// What a job has to say this frame.
#[derive(Debug)]
pub enum JobPoll {
    /// Still reading.
    Running,
    /// The text and its proposals.
    Done(String, Extraction),
    /// A message for the person (file unreadable, not English, empty …).
    Failed(String),
}

impl ExtractJob {
    /// Reads the input and extracts on a worker thread.
    pub fn start(input: ArticleInput, source: SourceMeta) -> Self {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let name = match &input {
            ArticleInput::File(path) => path.display().to_string(),
            ArticleInput::Text(_) => "pasted text".to_owned(),
        };
        let stop = Arc::clone(&cancel);
        let label = name.clone();
        std::thread::spawn(move || {
            let text = match input {
                ArticleInput::Text(text) => Ok(text),
                ArticleInput::File(path) => crate::extract::read_article(&path),
            };
            let result = text.and_then(|text| {
                let mut source = source;
                if source.title.is_empty() && crate::extract::title_line(&text).is_none() {
                    source.title = label.rsplit('/').next().unwrap_or(&label).to_owned();
                }
                extract(&text, &Gazetteer::builtin(), &source).map(|e| (text, e)).map_err(|e| format!("{label}: {e}"))
            });
            if !stop.load(Ordering::Relaxed) {
                let _ = sender.send(result);
            }
        });
        Self { receiver, cancel, started: Instant::now(), name }
    }

    /// Whether it finished, without waiting.
    pub fn poll(&self) -> JobPoll {
        match self.receiver.try_recv() {
            Ok(Ok((text, extraction))) => JobPoll::Done(text, extraction),
            Ok(Err(message)) => JobPoll::Failed(message),
            Err(TryRecvError::Empty) => JobPoll::Running,
            Err(TryRecvError::Disconnected) => JobPoll::Failed(format!("{}: the extraction stopped", self.name)),
        }
    }

    /// Stops caring about the result (the worker finishes its text and drops it).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// One proposed actor as the person has it now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRow {
    /// Take it (as new, or merged).
    pub accept: bool,
    /// Its name, editable.
    pub label: String,
    /// Its kind, editable.
    pub kind: ActorKind,
    /// The graph's actor it is, if any.
    pub merge_into: Option<ActorId>,
}

/// One proposed cooperation as the person has it now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CooperationRow {
    /// Take it.
    pub accept: bool,
    /// Its kind, editable.
    pub kind: CooperationKind,
}

/// What the review shows the sentence of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewFocus {
    /// Proposed actor by position.
    Actor(usize),
    /// Proposed cooperation by position.
    Cooperation(usize),
}

/// The review of one article's proposals.
#[derive(Clone, Debug)]
pub struct ArticleReview {
    /// The article.
    pub text: String,
    /// What the extractor proposed.
    pub extraction: Extraction,
    /// The person's choices for each proposed actor.
    pub actors: Vec<ActorRow>,
    /// The person's choices for each proposed cooperation.
    pub cooperations: Vec<CooperationRow>,
    /// Whose sentence is shown.
    pub focus: Option<ReviewFocus>,
    /// Source fields, editable.
    pub form: ArticleForm,
}

impl ArticleReview {
    /// Everything accepted; proposals the graph already has (by name or alias) merged into it.
    pub fn new(text: String, extraction: Extraction, graph: &KnowledgeGraph, form: ArticleForm) -> Self {
        let actors = extraction
            .actors
            .iter()
            .map(|a| ActorRow {
                accept: true,
                label: a.label.clone(),
                kind: a.kind,
                merge_into: existing_match(graph, a),
            })
            .collect();
        let cooperations =
            extraction.cooperations.iter().map(|c| CooperationRow { accept: true, kind: c.kind }).collect();
        let mut form = form;
        if form.title.is_empty() {
            form.title = extraction.source.title.clone();
        }
        let focus = (!extraction.actors.is_empty()).then_some(ReviewFocus::Actor(0));
        Self { text, extraction, actors, cooperations, focus, form }
    }

    /// Whether proposed actor `id` (an extraction id) is taken.
    pub fn actor_taken(&self, id: &str) -> bool {
        self.extraction.actors.iter().zip(&self.actors).any(|(a, row)| a.id == id && row.accept)
    }

    /// Whether cooperation `k` would go in: accepted, and both its actors taken.
    pub fn cooperation_taken(&self, k: usize) -> bool {
        let (Some(c), Some(row)) = (self.extraction.cooperations.get(k), self.cooperations.get(k)) else {
            return false;
        };
        row.accept && self.actor_taken(&c.from) && self.actor_taken(&c.to)
    }

    /// (new actors, merged actors, cooperations) that "Add to graph" would bring in.
    pub fn counts(&self) -> (usize, usize, usize) {
        let new = self.actors.iter().filter(|r| r.accept && r.merge_into.is_none()).count();
        let merged = self.actors.iter().filter(|r| r.accept && r.merge_into.is_some()).count();
        let cooperations = (0..self.cooperations.len()).filter(|&k| self.cooperation_taken(k)).count();
        (new, merged, cooperations)
    }

    /// Accepts (or rejects) every proposal at once; with `min_confidence`, only those at least
    /// that sure, rejecting the rest.
    pub fn set_all(&mut self, accept: bool, min_confidence: Option<f32>) {
        for (row, proposal) in self.actors.iter_mut().zip(&self.extraction.actors) {
            row.accept = accept && min_confidence.is_none_or(|m| proposal.confidence >= m);
        }
        for (row, proposal) in self.cooperations.iter_mut().zip(&self.extraction.cooperations) {
            row.accept = accept && min_confidence.is_none_or(|m| proposal.confidence >= m);
        }
    }

    /// The display name of proposed actor `id`, as edited.
    pub fn actor_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.extraction
            .actors
            .iter()
            .zip(&self.actors)
            .find(|(a, _)| a.id == id)
            .map_or(id, |(_, row)| row.label.as_str())
    }

    /// The single edit that adds what the person accepted: one undo step.
    ///
    /// # Errors
    /// A merge target that is no longer in the graph, or a date in the form that is not one
    /// (as a [`ModelError`]-free message).
    pub fn edit(&self, graph: &KnowledgeGraph) -> Result<Edit, String> {
        let mut extraction = self.extraction.clone();
        extraction.source = self.form.source()?;
        if extraction.source.title.is_empty() {
            extraction.source.title = self.extraction.source.title.clone();
        }
        for (proposal, row) in extraction.actors.iter_mut().zip(&self.actors) {
            let label = row.label.trim();
            if !label.is_empty() && label != proposal.label {
                let old = std::mem::replace(&mut proposal.label, label.to_owned());
                if !proposal.aliases.contains(&old) {
                    proposal.aliases.push(old);
                }
            }
            proposal.kind = row.kind;
        }
        for (proposal, row) in extraction.cooperations.iter_mut().zip(&self.cooperations) {
            proposal.kind = row.kind;
        }
        let review = Review {
            actors: self
                .actors
                .iter()
                .map(|row| match (&row.merge_into, row.accept) {
                    (_, false) => ActorDecision::Reject,
                    (Some(target), true) => ActorDecision::MergeInto(target.clone()),
                    (None, true) => ActorDecision::Accept,
                })
                .collect(),
            cooperations: self.cooperations.iter().map(|row| row.accept).collect(),
        };
        review_edit(graph, &extraction, &review).map_err(|e: ModelError| e.to_string())
    }

    /// The byte range of the focused proposal's sentence.
    pub fn focused_sentence(&self) -> Option<std::ops::Range<usize>> {
        match self.focus? {
            ReviewFocus::Actor(i) => self.extraction.actors.get(i).map(|a| a.sentence.clone()),
            ReviewFocus::Cooperation(k) => self.extraction.cooperations.get(k).map(|c| c.sentence.clone()),
        }
    }
}

/// The article window: the form, a running extraction, or a review.
#[derive(Debug, Default)]
pub enum ArticleState {
    /// Not shown.
    #[default]
    Closed,
    /// The form (and, while `job` runs, its progress).
    Form {
        /// What the person typed.
        form: Box<ArticleForm>,
        /// The extraction, once started.
        job: Option<ExtractJob>,
    },
    /// The proposals under review.
    Review(Box<ArticleReview>),
}

impl ArticleState {
    /// Whether the article window is open.
    pub fn is_open(&self) -> bool {
        !matches!(self, ArticleState::Closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Gazetteer, SourceMeta, extract};
    use crate::model::{Actor, KnowledgeGraph};

    fn review(graph: &KnowledgeGraph) -> ArticleReview {
        let text = "Kenya thanked China for the ventilators. The Kenya Medical Research Institute (KEMRI) is working with BGI Genomics.";
        let extraction = extract(text, &Gazetteer::builtin(), &SourceMeta::default()).expect("English text");
        ArticleReview::new(text.to_owned(), extraction, graph, ArticleForm::default())
    }

    #[test]
    fn known_actors_are_merged_and_the_rest_added_in_one_step() {
        let mut graph = KnowledgeGraph::new();
        graph.add_actor(Actor::new("prc", "People's Republic of China", ActorKind::Country)).expect("new id");
        if let Some(a) = graph.actor_mut(&ActorId::new("prc")) {
            a.aliases.push("China".into());
        }
        let review = review(&graph);
        let (new, merged, cooperations) = review.counts();
        assert_eq!(merged, 1, "China is the graph's PRC");
        assert!(new >= 3 && cooperations >= 2, "{new} new, {cooperations} cooperations");
        let edit = review.edit(&graph).expect("valid review");
        edit.apply(&mut graph).expect("applies");
        assert_eq!(graph.actor_count(), 1 + new);
        assert!(graph.actors().all(|a| a.label != "China"), "no duplicate of a merged actor");
        assert!(graph.cooperations_of(&ActorId::new("prc")).len() == 1, "the endorsement goes to the merged actor");
    }

    #[test]
    fn rejecting_an_actor_drops_its_cooperations() {
        let graph = KnowledgeGraph::new();
        let mut review = review(&graph);
        let kenya = review.extraction.actors.iter().position(|a| a.label == "Kenya").expect("Kenya proposed");
        if let Some(row) = review.actors.get_mut(kenya) {
            row.accept = false;
        }
        let (_, _, cooperations) = review.counts();
        let mut graph = KnowledgeGraph::new();
        review.edit(&graph).expect("valid").apply(&mut graph).expect("applies");
        assert_eq!(graph.cooperation_count(), cooperations);
        assert!(graph.actors().all(|a| a.label != "Kenya"));
    }
}
