//! Names the word lists do not know, told by the words around them: an organisation that acts
//! ("Siemens Healthineers donated …", "HCA today announced …"), one with its acronym in brackets
//! ("Navodaya Vidyalaya Samiti (NVS)"), one listed beside an organisation ("Purdue University and
//! Rolls-Royce"), one after a preposition of a cooperation ("a grant to Atal Innovation Mission");
//! and a person after a title-case office ("Minister of Higher Education and Scientific Research
//! Azmi Mahafzah", "Secretary of State Colin Powell").

use super::registry::{Mention, Registry};
use super::scanner::Scanner;
use super::words::{is_acronym, is_capitalised, is_stopword, title_case};
use crate::extract::text::TokenKind;
use crate::model::ActorKind;

/// Words that may stand between a name and the verb it does: "HCA today announced", "X has
/// also signed", "X will jointly fund".
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "is",
    "are",
    "was",
    "were",
    "also",
    "today",
    "recently",
    "jointly",
    "been",
    "already",
    "now",
    "officially",
    "formally",
    "further",
    "then",
    "later",
    "yesterday",
    "to",
];

/// Currency codes, which look like acronyms ("up to USD 40,959").
const CURRENCIES: &[&str] =
    &["USD", "US", "EUR", "GBP", "CHF", "JPY", "CNY", "RMB", "INR", "KES", "NGN", "ZAR", "AUD", "CAD"];

/// Words after a name that make it part of a longer name, not a doer ("X grant", "X loan").
const NOUN_FORMS: &[&str] = &[
    "grant",
    "grants",
    "aid",
    "support",
    "funding",
    "loan",
    "loans",
    "donation",
    "agreement",
    "partnership",
    "deal",
    "contract",
    "project",
    "programme",
    "program",
    "scheme",
    "fund",
    "funds",
    "gift",
    "cooperation",
];

/// Verbs that announce a cooperation named after them ("X announced a partnership").
const ANNOUNCING: &[&str] = &["announced", "announces", "launched", "launches", "unveiled", "agreed", "agrees"];

impl Scanner<'_, '_> {
    /// An organisation at `i..b` (a capitalised span no list knows) told by its context; returns
    /// where its name ends and its kind.
    pub(super) fn unlisted_organisation(
        &self,
        registry: &Registry,
        i: usize,
        b: usize,
        end: usize,
        mentions: &[Mention],
    ) -> Option<(usize, ActorKind)> {
        let words: Vec<&str> = (i..b).map(|k| self.word(k)).collect();
        let first = *words.first()?;
        if words.len() > 6
            || words.iter().any(|w| self.role_at_word(w))
            || self.gazetteer.given_names.contains(&first.to_lowercase())
            || words.iter().any(|w| {
                self.countries.demonyms.contains_key(&w.to_lowercase())
                    || crate::extract::dates::is_month(&w.to_lowercase())
            })
            || self.text.tokens.get(i).is_some_and(|t| t.quoted)
            // "Memorandum of Understanding (MoU)", "Grand Challenges Explorations grant" name no body.
            || words.iter().any(|w| self.gazetteer.verbs.contains_key(&w.to_lowercase()))
            || CURRENCIES.contains(&first)
            || self.locative(i)
        {
            return None;
        }
        let acronym =
            words.len() == 1 && is_acronym(first) && first.chars().filter(char::is_ascii_uppercase).count() >= 2;
        let sentences = &self.text.sentences;
        let sentence_start =
            sentences.get(sentences.partition_point(|s| s.tokens.start < i)).is_some_and(|s| s.tokens.start == i);
        // A single ordinary word could be anything ("Besides", "Officials"): only an acronym, or a
        // word that is no sentence's first.
        if words.len() == 1 && !acronym && sentence_start {
            return None;
        }
        // "Navodaya Vidyalaya Samiti (NVS)", not "Science and Technology (HEST)".
        let bracketed = self.word(b) == "("
            && is_acronym(self.word(b + 1))
            && self.word(b + 2) == ")"
            && self.word(b + 1).chars().next() == first.chars().next();
        let previous = i.checked_sub(1).map(|k| self.word(k)).unwrap_or("");
        let previous = if previous.eq_ignore_ascii_case("the") {
            i.checked_sub(2).map(|k| self.word(k)).unwrap_or("")
        } else {
            previous
        };
        let after_preposition =
            ["to", "with", "from", "between", "by"].iter().any(|p| previous.eq_ignore_ascii_case(p));
        let named = words.len() >= 2 || acronym;
        let acts = named && self.verb_follows(b, end);
        let object = named
            && after_preposition
            && (i.saturating_sub(14)..i).any(|k| self.gazetteer.verbs.contains_key(&*self.lower(k)));
        // "Purdue University and Rolls-Royce", "MedShare, Hill-Rom and Cardinal"
        let listed = matches!(previous, "and" | "&" | ",")
            && mentions.last().is_some_and(|m| {
                m.end + 1 == i - usize::from(self.lower(i - 1) == "the")
                    && m.actors
                        .first()
                        .and_then(|&a| registry.candidates.get(a))
                        .is_some_and(|c| !matches!(c.kind, ActorKind::Person | ActorKind::Country) && !c.group)
            });
        // A single word acts or receives only as an acronym: "from Geneva", "Hamburg signed" are places.
        if !(bracketed || listed || acts || object) {
            return None;
        }
        let kind = if words.len() <= 2 { ActorKind::Company } else { ActorKind::Other };
        Some((b, kind))
    }

    /// Whether a cooperation verb (or "announced") follows token `b`, with only auxiliaries and
    /// adverbs between.
    fn verb_follows(&self, b: usize, end: usize) -> bool {
        let mut k = b;
        while k < end && k < b + 4 {
            let w = self.lower(k);

            let w: &str = &w;
            if self.gazetteer.verbs.contains_key(w) || ANNOUNCING.contains(&w) {
                // "Siemens Healthineers donated", "X has signed"; not "X grant from".
                return k > b || !NOUN_FORMS.contains(&w);
            }
            if !BETWEEN_SUBJECT_AND_VERB.contains(&w) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether one of `words` follows within the next four tokens.
    fn of_soon(&self, i: usize, words: &[&str]) -> bool {
        (i + 1..i + 5).any(|k| words.iter().any(|w| self.word(k).eq_ignore_ascii_case(w)))
    }

    /// Whether a single word is a role ("CEO", "Officer").
    pub(super) fn role_at_word(&self, word: &str) -> bool {
        self.roles_by_first
            .get(&word.to_lowercase())
            .is_some_and(|roles| roles.iter().filter_map(|&r| self.gazetteer.roles.get(r)).any(|r| r.words.len() == 1))
    }

    /// "Chief Executive Officer of the Hospital, Diana Brown-Miller", "Senior Medical Officer at
    /// the hospital, Dr. Sheriff Imoru": a title-case role of a body, a comma, a name. Registers
    /// the person, affiliated to the body when the text named it, and returns where the name ends.
    pub(super) fn role_of_body_then_name(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
    ) -> Option<usize> {
        // A role is at most three words: "of", "at" or "for" must come soon (checked first, cheaply).
        if !self.of_soon(i, &["of", "at", "for"]) {
            return None;
        }
        let (role_end, _) = self.role_at(i, end)?;
        if !matches!(&*self.lower(role_end), "of" | "at" | "for") {
            return None;
        }
        let body_start = role_end + 1 + usize::from(self.lower(role_end + 1) == "the");
        let comma = (body_start + 1..(body_start + 8).min(end)).find(|&k| self.word(k) == ",")?;
        let mut name_at = comma + 1;
        if super::words::HONORIFICS.contains(&self.lower(name_at).trim_end_matches('.')) {
            name_at += 1 + usize::from(self.word(name_at + 1) == ".");
        }
        let (name_end, name) = self.name_at(name_at, end)?;
        if name_end < name_at + 2 || self.gazetteer.heads.contains_key(&*self.lower(name_end - 1)) {
            return None;
        }
        let body_words = self.text.slice(body_start, comma);
        // The body: a name the text gave already, or "the hospital" for the last hospital named.
        let body = registry.find(body_words).or_else(|| {
            let noun = body_words.to_lowercase();
            let kind = match self.gazetteer.heads.get(noun.as_str()) {
                Some(super::super::gazetteer::Head::Actor(kind)) => *kind,
                _ => return None,
            };
            registry.last_by_kind.get(&kind).copied()
        });
        let role = self.text.slice(i, role_end).to_lowercase();
        let p = self.person(registry, s, &name, Some(&role));
        if let Some(body) = body {
            registry.affiliate(p, body, s, &role);
            mentions.push(Mention { actors: vec![body], start: body_start, end: comma, pronoun: None });
        }
        mentions.push(Mention { actors: vec![p], start: name_at, end: name_end, pronoun: None });
        Some(name_end)
    }

    /// "Minister of Higher Education and Scientific Research Azmi Mahafzah": a role, "of", a
    /// title-case domain and a two-word name. Registers the person (and the ministry the role
    /// names) and returns where the name ends.
    pub(super) fn office_with_domain(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
    ) -> Option<usize> {
        if !self.of_soon(i, &["of", "for"]) {
            return None;
        }
        let (role_end, role) = self.role_at(i, end)?;
        if !matches!(&*self.lower(role_end), "of" | "for") {
            return None;
        }
        let mut e = role_end + 1;
        while e < end {
            let w = self.word(e);
            let word = self.text.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Word);
            if word && is_capitalised(w) && !is_stopword(w)
                || matches!(w, "and" | "of" | "&") && is_capitalised(self.word(e + 1))
            {
                e += 1;
            } else {
                break;
            }
        }
        // At least one domain word and a name of two plain words that are no heads or countries;
        // an honorific ("Health Dr James Fong") or a given name ("Research Khaled Abdel Ghaffar")
        // starts the name earlier.
        if e < role_end + 4 {
            return None;
        }
        let honorific = (role_end + 2..e.saturating_sub(1)).find(|&k| {
            let w = self.lower(k);

            let w: &str = &w;
            super::words::HONORIFICS.contains(&w.trim_end_matches('.'))
        });
        let mut name_start = e - 2;
        if let Some(h) = honorific {
            name_start = h + 1 + usize::from(self.word(h + 1) == ".");
        } else if e >= role_end + 5 && self.gazetteer.given_names.contains(&*self.lower(e - 3)) {
            name_start = e - 3;
        }
        if name_start + 2 > e {
            return None;
        }
        let plain = |k: usize| {
            let w = self.word(k);
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is_acronym(w)
                && !self.gazetteer.heads.contains_key(&w.to_lowercase())
                && !self.countries.names.contains_key(&w.to_lowercase())
                && !self.countries.demonyms.contains_key(&w.to_lowercase())
        };
        let name_word = |k: usize| plain(k) && is_capitalised(self.word(k)) && !is_stopword(self.word(k));
        if !(name_start..e).all(name_word)
            || matches!(self.word(name_start - 1), "and" | "of" | "&")
            || self.word(e) == ","
        {
            return None;
        }
        let domain_end = honorific.unwrap_or(name_start);
        let domain_words: Vec<&str> = (role_end + 1..domain_end).map(|k| self.word(k)).collect();
        if domain_words.is_empty() {
            return None;
        }
        let name = self.text.slice(name_start, e).to_owned();
        let role_text = self.text.slice(i, domain_end).to_owned();
        let p = self.person(registry, s, &name, Some(&role_text));
        if role.body.contains("{}") {
            let ministry =
                registry.add(&role.body.replace("{}", &title_case(&domain_words)), ActorKind::Ministry, 0.7, s);
            registry.affiliate(p, ministry, s, &role_text.to_lowercase());
        }
        mentions.push(Mention { actors: vec![p], start: name_start, end: e, pronoun: None });
        Some(e)
    }
}
