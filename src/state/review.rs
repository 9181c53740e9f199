//! Turning an article into graph edits in the window: the import form, the extraction running
//! on a worker thread, and the review of its proposals (accept, edit, reject, or merge into an
//! actor the graph has), which becomes one undoable edit.

use std::path::PathBuf;
use std::time::Instant;

use crate::edit::Edit;
use crate::extract::{
    ActorDecision, Engine, Extraction, Gazetteer, Review, SourceMeta, existing_match, extract_with, review_edit,
};
use crate::model::{ActorId, ActorKind, CooperationKind, Kind, KnowledgeGraph, ModelError};
use crate::state::job::{Job, Polled};

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
    /// Propose with a model behind an OpenAI-compatible API instead of the rules.
    pub use_model: bool,
    /// The model API's base URL (`http://127.0.0.1:8080/v1`).
    pub model_url: String,
    /// The model's name.
    pub model_name: String,
    /// The environment variable holding the API key (empty: KGX_MODEL_API_KEY).
    pub model_key_variable: String,
}

impl ArticleForm {
    /// The engine the form chooses.
    ///
    /// # Errors
    /// A model engine without a usable URL or model name.
    pub fn engine(&self) -> Result<Engine, String> {
        if !self.use_model {
            return Ok(Engine::Rules);
        }
        let mut engine = Engine::parse(&format!("openai:{}", self.model_url.trim()), Some(&self.model_name))
            .map_err(|e| format!("Model: {e}"))?;
        if let Engine::Model(endpoint) = &mut engine
            && !self.model_key_variable.trim().is_empty()
        {
            endpoint.key_variable = self.model_key_variable.trim().to_owned();
        }
        Ok(engine)
    }

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
    job: Job<Result<(String, Extraction), String>>,
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
    Done(String, Box<Extraction>),
    /// A message for the person (file unreadable, not English, empty …).
    Failed(String),
}

impl ExtractJob {
    /// Reads the input and extracts with `engine` on a worker thread.
    pub fn start(input: ArticleInput, source: SourceMeta, engine: Engine) -> Self {
        let mut name = match &input {
            ArticleInput::File(path) => path.display().to_string(),
            ArticleInput::Text(_) => "pasted text".to_owned(),
        };
        if let Engine::Model(_) = &engine {
            name = format!("{name} with the {}", engine.describe());
        }
        let label = name.clone();
        let job = Job::start(format!("Reading {name}"), move |_| {
            let text = match input {
                ArticleInput::Text(text) => Ok(text),
                ArticleInput::File(path) => crate::extract::read_article(&path),
            };
            text.and_then(|text| {
                let mut source = source;
                if source.title.is_empty() && crate::extract::title_line(&text).is_none() {
                    source.title = label.rsplit('/').next().unwrap_or(&label).to_owned();
                }
                extract_with(&engine, &text, &Gazetteer::builtin(), &source)
                    .map(|e| (text, e))
                    .map_err(|e| format!("{label}: {e}"))
            })
        });
        Self { job, started: Instant::now(), name }
    }

    /// Whether it finished, without waiting.
    pub fn poll(&self) -> JobPoll {
        match self.job.poll() {
            Polled::Done(Ok((text, extraction))) => JobPoll::Done(text, Box::new(extraction)),
            Polled::Done(Err(message)) => JobPoll::Failed(message),
            Polled::Running => JobPoll::Running,
            Polled::Lost => JobPoll::Failed(format!("{}: the extraction stopped", self.name)),
        }
    }

    /// Stops caring about the result (the worker finishes its text and drops it).
    pub fn cancel(&self) {
        self.job.cancel();
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

/// What the person is adding by hand: the kind of an actor named by a selection, and a
/// cooperation between two proposed actors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManualEntry {
    /// The kind a selected name gets.
    pub actor_kind: ActorKind,
    /// The proposed actor (by extraction id) who acts.
    pub from: Option<String>,
    /// The proposed actor (by extraction id) acted on, or the other side.
    pub to: Option<String>,
    /// The cooperation's kind.
    pub kind: CooperationKind,
    /// Both sides act together.
    pub mutual: bool,
}

impl Default for ManualEntry {
    fn default() -> Self {
        Self { actor_kind: ActorKind::Company, from: None, to: None, kind: CooperationKind::Other, mutual: false }
    }
}

/// The most a selected name may hold, in bytes.
pub const MAX_NAME_BYTES: usize = 160;

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
    /// The byte range the person selected in the article text, if any.
    pub selection: Option<std::ops::Range<usize>>,
    /// The actor and cooperation being added by hand.
    pub manual: ManualEntry,
    /// The focus changed: the article text scrolls to its sentence.
    pub scroll_to_focus: bool,
    /// What the last "add" did or why it could not.
    pub notice: Option<String>,
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
        let mut notice = extraction.report.fallback.as_ref().map(|f| format!("The rules proposed these: {f}"));
        if extraction.report.dropped > 0 {
            let dropped = format!(
                "{} of the model's cooperations dropped: their quote is not a sentence of the article.",
                extraction.report.dropped
            );
            notice = Some(notice.map_or(dropped.clone(), |n| format!("{n} {dropped}")));
        }
        Self {
            text,
            extraction,
            actors,
            cooperations,
            focus,
            form,
            selection: None,
            manual: ManualEntry::default(),
            scroll_to_focus: true,
            notice,
        }
    }

    /// The selected text, trimmed, if the selection is one line of a name's length.
    pub fn selected_name(&self) -> Option<&str> {
        let range = self.selection.clone()?;
        let name =
            self.text.get(range)?.trim().trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '"' | '“' | '”'));
        (!name.is_empty() && name.len() <= MAX_NAME_BYTES && !name.contains('\n')).then_some(name)
    }

    /// The sentence holding byte `at` of the article (binary search over the extraction's
    /// sentences).
    pub fn sentence_at(&self, at: usize) -> Option<std::ops::Range<usize>> {
        let spans = &self.extraction.sentence_spans;
        let k = spans.partition_point(|s| s.end <= at);
        spans.get(k).filter(|s| s.start <= at || k == 0).cloned().or_else(|| spans.get(k.checked_sub(1)?).cloned())
    }

    /// The sentence a cooperation added by hand quotes: the one holding the selection, else the
    /// focused proposal's.
    pub fn chosen_sentence(&self) -> Option<std::ops::Range<usize>> {
        match &self.selection {
            Some(range) => self.sentence_at(range.start),
            None => self.focused_sentence(),
        }
    }

    /// Adds the selected name as a proposed actor of the chosen kind (accepted; the same as a
    /// graph actor of that name), or accepts the proposal that already has the name. Returns
    /// its position.
    ///
    /// # Errors
    /// Nothing selected, or a selection that is no name (empty, several lines, too long).
    pub fn add_selected_actor(&mut self, graph: &KnowledgeGraph) -> Result<usize, String> {
        let name = self.selected_name().ok_or("Select a name in the article text first (one line, a few words).")?;
        let name = name.to_owned();
        let key = name.to_lowercase();
        let same = self.extraction.actors.iter().zip(&self.actors).position(|(a, row)| {
            row.label.to_lowercase() == key
                || a.label.to_lowercase() == key
                || a.aliases.iter().any(|x| x.to_lowercase() == key)
        });
        if let Some(i) = same {
            if let Some(row) = self.actors.get_mut(i) {
                row.accept = true;
            }
            self.focus = Some(ReviewFocus::Actor(i));
            self.notice = Some(format!("{name} was proposed already: it is accepted."));
            return Ok(i);
        }
        let taken: std::collections::HashSet<&str> = self.extraction.actors.iter().map(|a| a.id.as_str()).collect();
        let base = crate::extract::slug(&name);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(id.as_str()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let start = self.selection.as_ref().map_or(0, |r| r.start);
        let proposal = crate::extract::ProposedActor {
            id,
            label: name.clone(),
            kind: self.manual.actor_kind,
            aliases: Vec::new(),
            country: None,
            attributes: Vec::new(),
            role: None,
            confidence: 1.0,
            sentence: self.sentence_at(start).unwrap_or(start..start),
        };
        let merge_into = existing_match(graph, &proposal);
        self.extraction.actors.push(proposal);
        self.actors.push(ActorRow { accept: true, label: name.clone(), kind: self.manual.actor_kind, merge_into });
        let i = self.actors.len() - 1;
        self.focus = Some(ReviewFocus::Actor(i));
        self.notice = Some(format!("Added {name} as an actor."));
        Ok(i)
    }

    /// Adds the cooperation the manual entry describes, quoting the chosen sentence verbatim.
    /// Returns its position.
    ///
    /// # Errors
    /// An actor not chosen, the same actor twice, or no sentence chosen.
    pub fn add_manual_cooperation(&mut self) -> Result<usize, String> {
        let (Some(from), Some(to)) = (self.manual.from.clone(), self.manual.to.clone()) else {
            return Err("Choose both actors of the cooperation.".to_owned());
        };
        if from == to {
            return Err("A cooperation needs two different actors.".to_owned());
        }
        if !self.extraction.actors.iter().any(|a| a.id == from) || !self.extraction.actors.iter().any(|a| a.id == to) {
            return Err("That actor is no longer proposed.".to_owned());
        }
        let sentence = self
            .chosen_sentence()
            .ok_or("Select the sentence that says it in the article text (or show a proposal's sentence).")?;
        let quote = self.text.get(sentence.clone()).unwrap_or_default().trim().to_owned();
        if quote.is_empty() {
            return Err("The chosen sentence is empty.".to_owned());
        }
        let kind = self.manual.kind;
        let taken: std::collections::HashSet<&str> =
            self.extraction.cooperations.iter().map(|c| c.id.as_str()).collect();
        let base = format!("{from}-{}-{to}", crate::extract::slug(kind.name()));
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(id.as_str()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.extraction.cooperations.push(crate::extract::ProposedCooperation {
            id,
            from: from.clone(),
            to: to.clone(),
            kind,
            directed: !self.manual.mutual,
            label: "added in review".to_owned(),
            date: None,
            quote,
            sentence,
            confidence: 1.0,
        });
        self.cooperations.push(CooperationRow { accept: true, kind });
        for id in [&from, &to] {
            if let Some(i) = self.extraction.actors.iter().position(|a| &a.id == id)
                && let Some(row) = self.actors.get_mut(i)
            {
                row.accept = true;
            }
        }
        let k = self.cooperations.len() - 1;
        self.focus = Some(ReviewFocus::Cooperation(k));
        self.notice = Some(format!("Added {} – {}.", self.actor_label(&from), self.actor_label(&to)));
        Ok(k)
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
    fn a_selected_name_and_a_cooperation_quoting_its_sentence_are_added() {
        let graph = KnowledgeGraph::new();
        let mut review = review(&graph);
        let text = review.text.clone();
        let at = text.find("BGI Genomics").expect("in the text");
        // The extractor proposed BGI Genomics: selecting it again accepts that proposal.
        review.selection = Some(at..at + "BGI Genomics".len());
        let bgi = review.add_selected_actor(&graph).expect("a name");
        assert_eq!(review.extraction.actors.get(bgi).map(|a| a.label.as_str()), Some("BGI Genomics"));
        let before = review.actors.len();
        // "ventilators" is no actor the extractor proposed; the person names it one.
        let at = text.find("ventilators").expect("in the text");
        review.selection = Some(at..at + "ventilators".len());
        review.manual.actor_kind = ActorKind::Other;
        let added = review.add_selected_actor(&graph).expect("a name");
        assert_eq!(review.actors.len(), before + 1);
        let id = review.extraction.actors.get(added).map(|a| a.id.clone());
        let china = review.extraction.actors.iter().find(|a| a.label == "China").map(|a| a.id.clone());
        review.manual.from = china;
        review.manual.to = id;
        review.manual.kind = CooperationKind::Supply;
        let k = review.add_manual_cooperation().expect("two actors and a sentence");
        let c = review.extraction.cooperations.get(k).expect("added");
        assert_eq!(c.quote, "Kenya thanked China for the ventilators.");
        let mut graph = KnowledgeGraph::new();
        review.edit(&graph).expect("valid").apply(&mut graph).expect("applies");
        assert!(graph.actors().any(|a| a.label == "ventilators"));
        // Nothing selected: a clear refusal, nothing added.
        review.selection = None;
        assert!(review.add_selected_actor(&graph).is_err());
        review.manual.to = review.manual.from.clone();
        assert!(review.add_manual_cooperation().is_err_and(|e| e.contains("two different")));
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
