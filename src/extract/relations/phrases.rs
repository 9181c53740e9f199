//! Relations stated as noun phrases and the kind a relation takes from what is given:
//! "a donation from X to Y", "X's partnership with Y", "with support from X", "with Chinese aid",
//! "X-funded"; "provided expert advice to" (expert consultation, not supply), "provided $2
//! million to" (funding); "working with" is joint research only where research is done.

use super::{Link, SentenceLinks};
use crate::extract::gazetteer::{Frame, Verb};
use crate::model::{ActorKind, CooperationKind};

/// Words before an expression that make it a noun ("a grant", "its partnership", "$2 million loan").
const NOUN_MARKERS: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "'s",
    "’s",
    "million",
    "billion",
    "thousand",
    "new",
    "joint",
    "financial",
    "technical",
    "humanitarian",
    "strategic",
    "long-term",
    "further",
];

/// General verbs whose kind comes from what they give ("provide", "offer", "extend").
const GENERAL_GIVING: &[&str] = &[
    "provide",
    "provides",
    "provided",
    "providing",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "offer",
    "offers",
    "offered",
    "offering",
    "extend",
    "extends",
    "extended",
    "extending",
    "send",
    "sends",
    "sent",
    "sending",
    "bring",
    "brings",
    "brought",
    "deliver",
    "delivers",
    "delivered",
    "support",
    "supports",
    "supported",
    "supporting",
    "assist",
    "assists",
    "assisted",
    "commit",
    "commits",
    "committed",
];

/// Words of research, which make a partnership joint research.
const RESEARCH: &[&str] = &[
    "research",
    "researchers",
    "study",
    "studies",
    "scientific",
    "science",
    "scientists",
    "vaccine",
    "vaccines",
    "trial",
    "trials",
    "laboratory",
    "laboratories",
    "sequencing",
    "genome",
    "genomes",
    "clinical",
    "r&d",
    "discover",
    "invent",
    "patents",
    "experiments",
    "innovation",
];

/// Suffixes that make "X-funded" a relation: the suffix and its kind.
const COMPOUNDS: &[(&str, CooperationKind)] = &[
    ("-funded", CooperationKind::Funding),
    ("-financed", CooperationKind::Funding),
    ("-sponsored", CooperationKind::Funding),
    ("-backed", CooperationKind::Funding),
    ("-supported", CooperationKind::Funding),
    ("-donated", CooperationKind::Donation),
    ("-built", CooperationKind::Supply),
    ("-supplied", CooperationKind::Supply),
];

impl SentenceLinks<'_, '_> {
    /// Whether the expression at `k` is used as a noun ("a donation", "Kenya's partnership").
    pub(super) fn noun_use(&self, k: usize) -> bool {
        let previous = k.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        NOUN_MARKERS.contains(&&*previous)
            || k.checked_sub(1)
                .and_then(|p| self.text.tokens.get(p))
                .is_some_and(|t| t.kind == crate::extract::text::TokenKind::Number)
    }

    /// "The largest grant ... was awarded": a noun of giving is the passive's subject.
    pub(super) fn noun_before_passive(&self, k: usize, start: usize) -> bool {
        (start..k).any(|i| {
            matches!(
                &*self.lower(i),
                "grant" | "grants" | "loan" | "loans" | "funding" | "award" | "donation" | "contract"
            )
        })
    }

    /// "according to the Lafayette Journal & Courier": the outlet reports on the sentence's
    /// first actor.
    pub(super) fn according_to(&self) -> Vec<Link> {
        let Some(sentence) = self.text.sentences.get(self.sentence) else { return Vec::new() };
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut links = Vec::new();
        for k in start..end {
            if !(self.lower(k) == "according" && self.lower(k + 1) == "to") {
                continue;
            }
            let Some(outlet) = self.mention_after(k + 2, end, 3) else { continue };
            let media = outlet
                .actors
                .iter()
                .all(|&a| self.registry.candidates.get(a).is_some_and(|c| c.kind == ActorKind::Media));
            let subject =
                self.mentions.iter().find(|m| m.pronoun.is_none() && !m.actors.is_empty() && m.start != outlet.start);
            if let (true, Some(subject)) = (media, subject) {
                for &o in &outlet.actors {
                    for &a in subject.actors.iter().filter(|&&a| a != o) {
                        links.push(Link {
                            from: o,
                            to: a,
                            kind: CooperationKind::Reporting,
                            directed: true,
                            sentence: self.sentence,
                            words: "according to".to_owned(),
                            confidence: 0.5,
                        });
                    }
                }
            }
        }
        links
    }

    /// "X's partnership", "Kenya's donation": the possessor of a noun expression.
    pub(super) fn possessor(&self, k: usize) -> Option<Vec<usize>> {
        let mark = k.checked_sub(1).filter(|&p| matches!(self.text.word(p), "'s" | "’s"))?;
        let m = self.mentions.iter().find(|m| m.end == mark && !m.actors.is_empty() && m.pronoun.is_none())?;
        Some(self.with_coordinated(m, false))
    }

    /// "a donation from X", "a grant of $2 million from X": the giver after "from" close to a
    /// noun expression.
    pub(super) fn noun_giver(&self, last: usize, end: usize) -> Option<Vec<usize>> {
        let from = (last + 1..(last + 9).min(end))
            .take_while(|&i| !matches!(self.text.word(i), "," | "." | ";" | "(" | "to" | "for"))
            .find(|&i| self.lower(i) == "from")?;
        let m = self.mention_after(from + 1, end, 4)?;
        Some(self.with_coordinated(m, true))
    }

    /// "with Chinese support", "with the support of X", "with funding from X", "with X's aid":
    /// the giver of a noun expression after "with".
    pub(super) fn with_support(&self, k: usize, last: usize, start: usize, end: usize) -> Option<Vec<usize>> {
        // "with" up to three words before the noun, with only modifiers between.
        let with = (k.saturating_sub(4).max(start)..k).rev().find(|&i| self.lower(i) == "with")?;
        let between = with + 1..k;
        let modifiers = between.clone().all(|i| {
            let w = self.text.word(i);
            self.mentions.iter().any(|m| m.start <= i && i < m.end)
                || matches!(w, "'s" | "’s")
                || w.chars().all(|c| c.is_lowercase() || c == '-')
        });
        if !modifiers {
            return None;
        }
        if let Some(m) = self.mentions.iter().find(|m| between.contains(&m.start) && !m.actors.is_empty()) {
            return Some(m.actors.clone());
        }
        // "with the support of X" / "with funding from X"
        let of = (last + 1..(last + 3).min(end)).find(|&i| matches!(&*self.lower(i), "of" | "from"))?;
        let m = self.mention_after(of + 1, end, 4)?;
        Some(self.with_coordinated(m, true))
    }

    /// The kind a general verb takes from what it gives: advice and experts are consultation,
    /// money is funding, data is sharing, aid is a donation.
    pub(super) fn object_kind(&self, k: usize, last: usize, end: usize, verb: Verb) -> CooperationKind {
        if verb.frame != Frame::Give && verb.frame != Frame::Fund
            || !GENERAL_GIVING.iter().any(|g| self.text.word(k).eq_ignore_ascii_case(g))
        {
            return verb.kind;
        }
        let mut money = false;
        for i in last + 1..(last + 12).min(end) {
            let w = self.lower(i);

            let w: &str = &w;
            if matches!(w, "to" | "for" | "with" | "," | "." | ";" | "which" | "who" | "that") {
                break;
            }
            match w {
                "advice" | "expertise" | "expert" | "experts" | "guidance" | "training" | "know-how"
                | "consultancy" | "specialists" | "advisers" | "advisors" | "mentoring" | "team" | "teams" => {
                    return CooperationKind::ExpertConsultation;
                }
                "technical" if matches!(&*self.lower(i + 1), "assistance" | "support" | "advice") => {
                    return CooperationKind::ExpertConsultation;
                }
                "data" | "information" | "sequences" | "results" | "findings" => return CooperationKind::DataSharing,
                "funding" | "funds" | "grant" | "grants" | "loan" | "loans" | "financing" | "money" | "dollars"
                | "euros" | "pounds" | "yuan" | "$" | "€" | "£" | "us$" => money = true,
                "aid" | "relief" | "donation" | "donations" | "assistance" => return CooperationKind::Donation,
                _ => {}
            }
            money |= w.starts_with('$') || w.starts_with("us$");
        }
        if money { CooperationKind::Funding } else { verb.kind }
    }

    /// A partnership is joint research where the sentence speaks of research or a party is a
    /// research body; otherwise another cooperation.
    pub(super) fn mutual_kind(&self, kind: CooperationKind, parties: &[usize]) -> CooperationKind {
        if kind != CooperationKind::JointResearch {
            return kind;
        }
        let research_body = parties.iter().any(|&p| {
            self.registry.candidates.get(p).is_some_and(|c| {
                matches!(c.kind, ActorKind::ResearchInstitute | ActorKind::University | ActorKind::Hospital)
            })
        });
        let Some(sentence) = self.text.sentences.get(self.sentence) else { return kind };
        let research_words = sentence.tokens.clone().any(|i| RESEARCH.contains(&&*self.lower(i)));
        if research_body || research_words { kind } else { CooperationKind::Other }
    }

    /// "EU-funded", "a Japanese-built clinic": the actor in the compound gives to the mention
    /// right after it or to the clause's subject.
    pub(super) fn compounds(&self) -> Vec<Link> {
        let mut links = Vec::new();
        for m in self.mentions.iter().filter(|m| m.end == m.start + 1 && m.pronoun.is_none()) {
            let word = self.lower(m.start);

            let word: &str = &word;
            let Some(&(suffix, kind)) = COMPOUNDS.iter().find(|(s, _)| word.ends_with(s)) else { continue };
            let receiver = self
                .mention_after(m.end, m.end + 4, 3)
                .map(|r| r.actors.clone())
                .or_else(|| self.subject(m.start, self.text.sentences.get(self.sentence)?.tokens.start));
            for &giver in &m.actors {
                for &receiver in receiver.iter().flatten() {
                    if giver != receiver {
                        links.push(Link {
                            from: giver,
                            to: receiver,
                            kind,
                            directed: true,
                            sentence: self.sentence,
                            words: suffix.trim_start_matches('-').to_owned(),
                            confidence: 0.55,
                        });
                    }
                }
            }
        }
        links
    }
}
