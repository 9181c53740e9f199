//! Finding actors in sentences: known names, capitalised names with an organisation head word,
//! acronyms defined in parentheses, short forms, people with titles or speech verbs, office
//! holders ("the president of Serbia"), governments, and groups ("Kenyan counterparts").

use std::collections::HashMap;

use super::gazetteer::{CountryIndex, Gazetteer, Head, RoleScope};
use super::text::{TokenKind, Tokenized};
use crate::model::ActorKind;

/// An actor the extractor proposes, built up as the text is read.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The name shown.
    pub label: String,
    /// Its kind.
    pub kind: ActorKind,
    /// Other names the text uses for it.
    pub aliases: Vec<String>,
    /// Names that match it when met alone but are not proposed as aliases until used
    /// (a person's family name, an organisation's first word).
    pub short_forms: Vec<String>,
    /// Its country, when the text or the gazetteer says.
    pub country: Option<String>,
    /// Figures and facts from the text.
    pub attributes: Vec<(String, String)>,
    /// How sure the extractor is, 0–1.
    pub confidence: f32,
    /// An unnamed group or the world at large: kept only when it takes part in a cooperation.
    pub group: bool,
    /// For an office holder, the country whose office it is.
    pub office_of: Option<String>,
    /// The person's role as written.
    pub role: Option<String>,
    /// Sentence where it first appears.
    pub first_sentence: usize,
}

/// A structural link found while reading names: a person's post, a hospital of a university,
/// a government of a country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Affiliation {
    /// The member.
    pub member: usize,
    /// What it belongs to.
    pub body: usize,
    /// Sentence that says so.
    pub sentence: usize,
    /// The role or relation, for the cooperation's label.
    pub label: String,
}

/// An actor named in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The actors meant (two for "the president and prime minister of Serbia").
    pub actors: Vec<usize>,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// A pronoun still to resolve ("we", "they", "he").
    pub pronoun: Option<Pronoun>,
}

/// Pronouns the extractor resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// we, our, us (inside a quotation: the speaker's side).
    We,
    /// they, their.
    They,
    /// he, she, his, her.
    Person,
}

/// Every candidate, found by normalised name.
#[derive(Debug, Default)]
pub struct Registry {
    /// The candidates.
    pub candidates: Vec<Candidate>,
    /// Normalised names and aliases → candidate.
    names: HashMap<String, usize>,
    /// Normalised short forms → candidate.
    shorts: HashMap<String, usize>,
    /// Structural links.
    pub affiliations: Vec<Affiliation>,
    /// Mentions of each country (by gazetteer position), names and demonyms, to find the
    /// text's home country.
    pub country_mentions: HashMap<usize, usize>,
    /// The actor of each kind named last, for "the institute".
    pub last_by_kind: HashMap<ActorKind, usize>,
}

/// Lower case, no leading "the", one space between words, straight apostrophes.
pub fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ").replace(" 's", "'s")
}

impl Registry {
    /// The candidate a name stands for, if any.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.get(&normalise(name)).copied()
    }

    fn find_short(&self, name: &str) -> Option<usize> {
        self.shorts.get(&normalise(name)).copied()
    }

    /// Adds a candidate, or returns the one already holding that name (raising its confidence).
    pub fn add(&mut self, label: &str, kind: ActorKind, confidence: f32, sentence: usize) -> usize {
        let key = normalise(label);
        if let Some(&i) = self.names.get(&key) {
            if let Some(c) = self.candidates.get_mut(i) {
                c.confidence = c.confidence.max(confidence);
                // A named actor found again as a named actor stops being a mere group.
                if kind != ActorKind::Other && c.kind == ActorKind::Other {
                    c.kind = kind;
                }
            }
            return i;
        }
        // "Bernhard Nocht Institute" and "Bernhard Nocht Institute for Tropical Medicine" are one.
        let longer = self.candidates.iter().position(|c| {
            c.kind == kind && kind != ActorKind::Person && {
                let other = normalise(&c.label);
                other.starts_with(&format!("{key} for ")) || key.starts_with(&format!("{other} for "))
            }
        });
        if let Some(i) = longer {
            let short_is_new = self.candidates.get(i).is_some_and(|c| normalise(&c.label).len() > key.len());
            if short_is_new {
                self.alias(i, label);
            } else if let Some(c) = self.candidates.get_mut(i) {
                let old = std::mem::replace(&mut c.label, label.to_owned());
                c.aliases.retain(|a| normalise(a) != key);
                self.names.insert(key, i);
                self.alias(i, &old);
            }
            return i;
        }
        let i = self.candidates.len();
        self.candidates.push(Candidate {
            label: label.to_owned(),
            kind,
            aliases: Vec::new(),
            short_forms: Vec::new(),
            country: None,
            attributes: Vec::new(),
            confidence,
            group: false,
            office_of: None,
            role: None,
            first_sentence: sentence,
        });
        self.names.insert(key, i);
        self.shorts.remove(&normalise(label));
        i
    }

    /// Gives candidate `i` another name.
    pub fn alias(&mut self, i: usize, alias: &str) {
        let key = normalise(alias);
        if key.is_empty() || self.names.contains_key(&key) {
            return;
        }
        self.names.insert(key, i);
        if let Some(c) = self.candidates.get_mut(i)
            && !c.aliases.iter().any(|a| a == alias)
        {
            c.aliases.push(alias.to_owned());
        }
    }

    fn short_form(&mut self, i: usize, short: &str) {
        let key = normalise(short);
        if key.is_empty() || self.names.contains_key(&key) {
            return;
        }
        self.shorts.entry(key).or_insert(i);
        if let Some(c) = self.candidates.get_mut(i) {
            c.short_forms.push(short.to_owned());
        }
    }

    fn set_country(&mut self, i: usize, country: &str) {
        if let Some(c) = self.candidates.get_mut(i)
            && c.country.is_none()
            && c.kind != ActorKind::Country
        {
            c.country = Some(country.to_owned());
        }
    }

    fn affiliate(&mut self, member: usize, body: usize, sentence: usize, label: &str) {
        if member != body && !self.affiliations.iter().any(|a| a.member == member && a.body == body) {
            self.affiliations.push(Affiliation { member, body, sentence, label: label.to_owned() });
        }
    }
}

/// Words that start sentences or are capitalised for other reasons but never begin a name.
const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "as",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "and",
    "but",
    "or",
    "if",
    "when",
    "while",
    "since",
    "during",
    "after",
    "before",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "we",
    "our",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "i",
    "you",
    "every",
    "each",
    "many",
    "some",
    "meanwhile",
    "however",
    "also",
    "according",
    "under",
    "over",
    "despite",
    "although",
    "though",
    "there",
    "here",
    "what",
    "which",
    "who",
    "how",
    "why",
    "where",
    "both",
    "all",
    "most",
    "more",
    "other",
    "another",
    "such",
    "not",
    "no",
    "yes",
    "mr",
    "ms",
    "mrs",
    "dr",
    "prof",
    "photo",
    "file",
    "read",
    "related",
    "editor",
    "note",
    "update",
    "then",
    "now",
    "today",
    "yesterday",
    "so",
    "thus",
    "earlier",
    "later",
    "last",
    "next",
    "first",
    "one",
    "two",
    "three",
    "until",
    "about",
    "than",
    "just",
    "only",
    "covid-19",
    "coronavirus",
    "sars-cov-2",
    "internet",
    "between",
    "among",
    "against",
    "through",
    "without",
    "within",
    "across",
    "via",
    "per",
    "including",
    "following",
    "amid",
    "apart",
    "besides",
    "instead",
    "whether",
];

/// Speech verbs that mark the person next to them.
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "explained",
    "added",
    "told",
    "noted",
    "stressed",
    "stated",
    "announced",
    "wrote",
    "urged",
    "insisted",
    "remarked",
    "emphasized",
    "emphasised",
    "commented",
    "asked",
    "recalled",
    "pointed",
    "declared",
    "confirmed",
    "acknowledged",
    "argued",
    "warned",
    "according",
];

/// Honorifics before a name.
const HONORIFICS: &[&str] = &["mr", "ms", "mrs", "dr", "prof", "professor", "sir", "dame", "madam"];

/// Connectors allowed inside a capitalised name when a capitalised word follows.
const CONNECTORS: &[&str] = &["of", "for", "and", "&", "the", "de", "du", "la", "del", "'s", "’s"];

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// All upper case (letters, with digits or hyphens): an acronym such as `CNCB` or `WHO`.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '.' || c == '&')
}

fn is_stopword(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOPWORDS.contains(&lower.as_str()) || super::dates::is_month(&lower) || super::dates::is_weekday(&lower)
}

/// The kind a common noun right before a name gives it ("the company Vestfrost").
pub fn kind_noun(noun: &str) -> Option<ActorKind> {
    Some(match noun {
        "company" | "firm" | "manufacturer" | "maker" | "supplier" | "producer" | "carrier" | "airline"
        | "start-up" | "startup" => ActorKind::Company,
        "foundation" | "charity" | "ngo" => ActorKind::Foundation,
        "organization" | "organisation" => ActorKind::Foundation,
        "hospital" | "clinic" => ActorKind::Hospital,
        "university" => ActorKind::University,
        "institute" | "laboratory" | "lab" => ActorKind::ResearchInstitute,
        "agency" | "regulator" => ActorKind::GovernmentAgency,
        "newspaper" | "broadcaster" | "outlet" | "magazine" | "daily" => ActorKind::Media,
        _ => return None,
    })
}

/// Title case for a ministry's domain: "science and technology" → "Science and Technology".
fn title_case(words: &[&str]) -> String {
    words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if k > 0 && matches!(*w, "and" | "of" | "for" | "the") {
                (*w).to_owned()
            } else {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise_first(text: &str) -> String {
    let mut c = text.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Reads sentences for actors, registering candidates.
pub struct Scanner<'g, 't> {
    gazetteer: &'g Gazetteer,
    countries: CountryIndex,
    /// Known organisations and their aliases by normalised name.
    known: HashMap<String, usize>,
    /// Roles by their first word (positions in the gazetteer's list, longest first).
    roles_by_first: HashMap<String, Vec<usize>>,
    /// First words of the fixed phrases.
    phrase_starts: std::collections::HashSet<String>,
    text: &'t Tokenized<'t>,
}

/// What a capitalised span turned out to be.
enum SpanKind {
    Actor(usize),
    Place,
    Unknown,
}

impl<'g, 't> Scanner<'g, 't> {
    /// A scanner over `text` with `gazetteer`'s lists.
    pub fn new(gazetteer: &'g Gazetteer, text: &'t Tokenized<'t>) -> Self {
        let mut known = HashMap::new();
        for (i, org) in gazetteer.organisations.iter().enumerate() {
            for name in std::iter::once(&org.name).chain(&org.aliases) {
                known.insert(normalise(name), i);
            }
        }
        let mut roles_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (r, role) in gazetteer.roles.iter().enumerate() {
            if let Some(first) = role.words.first() {
                roles_by_first.entry(first.clone()).or_default().push(r);
            }
        }
        let phrase_starts = gazetteer.phrases.iter().filter_map(|p| p.first().cloned()).collect();
        Self { gazetteer, countries: gazetteer.country_index(), known, roles_by_first, phrase_starts, text }
    }

    fn word(&self, i: usize) -> &'t str {
        self.text.word(i)
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    fn country_name(&self, index: usize) -> Option<&'g str> {
        self.gazetteer.countries.get(index).map(|c| c.name.as_str())
    }

    /// The country actor for gazetteer country `index`.
    fn country_actor(&self, registry: &mut Registry, index: usize, sentence: usize) -> Option<usize> {
        let name = self.country_name(index)?;
        Some(registry.add(name, ActorKind::Country, 0.9, sentence))
    }

    /// The government of gazetteer country `index`, affiliated to the country.
    fn government(&self, registry: &mut Registry, index: usize, sentence: usize) -> Option<usize> {
        let name = self.country_name(index)?;
        let government = registry.add(&format!("Government of {name}"), ActorKind::GovernmentAgency, 0.8, sentence);
        registry.set_country(government, name);
        if let Some(demonym) = self.gazetteer.countries.get(index).and_then(|c| c.demonyms.first()) {
            registry.alias(government, &format!("{demonym} government"));
        }
        let country = self.country_actor(registry, index, sentence)?;
        registry.affiliate(government, country, sentence, "government");
        Some(government)
    }

    /// Reads sentence `s`, registering what it names, and returns its mentions in order.
    pub fn scan(&self, registry: &mut Registry, s: usize, count_countries: bool) -> Vec<Mention> {
        let Some(sentence) = self.text.sentences.get(s) else { return Vec::new() };
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut mentions = Vec::new();
        let mut i = start;
        while i < end {
            let before = mentions.len();
            let next = self.scan_at(registry, s, i, end, &mut mentions, count_countries);
            for m in mentions.get(before..).unwrap_or_default() {
                for &a in &m.actors {
                    if let Some(c) = registry.candidates.get(a) {
                        registry.last_by_kind.insert(c.kind, a);
                    }
                }
            }
            i = next.max(i + 1);
        }
        mentions
    }

    /// Reads what starts at token `i`; returns where to continue.
    #[allow(clippy::too_many_arguments)]
    fn scan_at(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
        count_countries: bool,
    ) -> usize {
        let word = self.word(i);
        let lower = word.to_lowercase();
        let push = |mentions: &mut Vec<Mention>, actors: Vec<usize>, a: usize, b: usize| {
            mentions.push(Mention { actors, start: a, end: b, pronoun: None });
        };
        if self.text.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Word) {
            // "70 countries and regions"
            if self.text.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
                && matches!(self.lower(i + 1).as_str(), "countries" | "nations")
            {
                let mut b = i + 2;
                if self.lower(b) == "and" && matches!(self.lower(b + 1).as_str(), "regions" | "territories") {
                    b += 2;
                }
                let label = self.text.slice(i, b);
                let g = registry.add(label, ActorKind::Other, 0.5, s);
                if let Some(c) = registry.candidates.get_mut(g) {
                    c.group = true;
                }
                push(mentions, vec![g], i, b);
                return b;
            }
            return i + 1;
        }
        // Pronouns.
        // Possessives ("our peers", "their counterparts") are no actors of their own.
        let pronoun = match lower.as_str() {
            "we" | "us" => Some(Pronoun::We),
            "they" | "them" => Some(Pronoun::They),
            "he" | "she" | "him" => Some(Pronoun::Person),
            _ => None,
        };
        if let Some(p) = pronoun {
            mentions.push(Mention { actors: Vec::new(), start: i, end: i + 1, pronoun: Some(p) });
            return i + 1;
        }
        // Fixed phrases for the world at large.
        let phrases = if self.phrase_starts.contains(&lower) { self.gazetteer.phrases.as_slice() } else { &[] };
        for phrase in phrases {
            let fits = phrase
                .iter()
                .enumerate()
                .all(|(k, w)| i + k < end && if k == 0 { self.lower(i) == *w } else { self.word(i + k) == w.as_str() });
            if fits {
                let b = i + phrase.len();
                let g = registry.add(self.text.slice(i, b), ActorKind::Other, 0.5, s);
                if let Some(c) = registry.candidates.get_mut(g) {
                    c.group = true;
                }
                push(mentions, vec![g], i, b);
                return b;
            }
        }
        // "the institute", "the ministry": the last actor of that kind.
        if let Some(b) = self.definite(registry, i, end, mentions) {
            return b;
        }
        // Office holders named by office: "the president and prime minister of Serbia".
        if let Some((b, persons)) = self.offices_of_country(registry, s, i, end) {
            push(mentions, persons, i, b);
            return b;
        }
        // Nationality first: governments, office holders, groups.
        if let Some(&country) = self.countries.demonyms.get(&lower)
            && is_capitalised(word)
        {
            if count_countries {
                *registry.country_mentions.entry(country).or_default() += 1;
            }
            if let Some(result) = self.after_demonym(registry, s, i, end, country, mentions) {
                return result;
            }
        }
        // Qualified groups: "international peers", "relevant government departments".
        if let Some((b, label)) = self.qualified_group(i, end) {
            let g = self.group(registry, &label, &self.lower(b - 1), s);
            if let Some(c) = registry.candidates.get_mut(g) {
                c.group = true;
            }
            push(mentions, vec![g], i, b);
            return b;
        }
        // "minister of science and technology" with no name: the ministry.
        if let Some((b, ministry)) = self.ministry_phrase(registry, s, i, end) {
            push(mentions, vec![ministry], i, b);
            return b;
        }
        if !is_capitalised(word) {
            // Web addresses as publishers: "china.org.cn".
            if word.contains('.')
                && word.split('.').count() >= 2
                && word.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '-')
            {
                let tld = word.rsplit('.').next().unwrap_or("");
                if (2..=4).contains(&tld.len()) && word.len() > 5 {
                    let m = registry.add(word, ActorKind::Media, 0.6, s);
                    push(mentions, vec![m], i, i + 1);
                }
            }
            return i + 1;
        }
        if word.ends_with("-based") {
            return i + 1;
        }
        if is_stopword(word) && !(self.known.contains_key(&lower) && is_acronym(word)) {
            // "The" before a name, or a capitalised function word.
            return i + 1;
        }
        self.capitalised(registry, s, i, end, mentions, count_countries)
    }

    /// "the institute", "the embassy", "its": the actor of that kind named last; also a bare
    /// head noun before a role ("ministry spokesperson").
    fn definite(&self, registry: &Registry, i: usize, end: usize, mentions: &mut Vec<Mention>) -> Option<usize> {
        let (noun_at, bare) = match self.lower(i).as_str() {
            "the" => (i + 1, false),
            _ => (i, true),
        };
        let noun = self.word(noun_at);
        if noun_at >= end || is_capitalised(noun) {
            return None;
        }
        let kind = match self.gazetteer.heads.get(noun) {
            Some(Head::Actor(kind)) => *kind,
            _ => match noun {
                "laboratory" | "lab" => ActorKind::ResearchInstitute,
                "company" | "firm" => ActorKind::Company,
                _ => return None,
            },
        };
        let after = self.lower(noun_at + 1);
        // "the ministry of health" names a body; "the company's" and "the institute said" refer.
        if after == "of" || after == "for" {
            return None;
        }
        if bare && self.role_at(noun_at + 1, end).is_none() {
            return None;
        }
        let actor = *registry.last_by_kind.get(&kind)?;
        mentions.push(Mention { actors: vec![actor], start: i, end: noun_at + 1, pronoun: None });
        Some(noun_at + 1)
    }

    /// After a demonym at `i`: "Serbian government", "Serbian President (Name)", "Kenyan
    /// counterparts", "Chinese medical experts". Returns where to continue when it matched.
    fn after_demonym(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        country: usize,
        mentions: &mut Vec<Mention>,
    ) -> Option<usize> {
        let next = self.lower(i + 1);
        if next == "government" {
            let g = self.government(registry, country, s)?;
            registry.alias(g, self.text.slice(i, i + 2));
            mentions.push(Mention { actors: vec![g], start: i, end: i + 2, pronoun: None });
            return Some(i + 2);
        }
        // "Serbian President Aleksandar Vucic" or "the Serbian president".
        if let Some((role_end, role)) = self.role_at(i + 1, end)
            && role.scope == RoleScope::Office
        {
            let role_text = self.text.slice(i + 1, role_end).to_lowercase();
            // "Chinese Ambassador to Kenya Zhou Ling"
            let role_end = match self.country_at(role_end + 1) {
                Some((after_country, _)) if self.lower(role_end) == "to" => after_country,
                _ => role_end,
            };
            if let Some((name_end, name)) = self.name_at(role_end, end) {
                let p = self.person(registry, s, &name, Some(&role_text));
                self.office(registry, s, p, country, &role_text, &role.body);
                mentions.push(Mention { actors: vec![p], start: i, end: name_end, pronoun: None });
                return Some(name_end);
            }
            let country_name = self.country_name(country)?;
            let label = format!("{} of {country_name}", title_case(&role_text.split(' ').collect::<Vec<_>>()));
            let p = registry.add(&label, ActorKind::Person, 0.75, s);
            registry.alias(p, self.text.slice(i, role_end));
            self.office(registry, s, p, country, &role_text, &role.body);
            mentions.push(Mention { actors: vec![p], start: i, end: role_end, pronoun: None });
            return Some(role_end);
        }
        // Groups: demonym, lower-case adjectives, a group noun.
        let mut b = i + 1;
        while b < end && b <= i + 4 {
            let w = self.lower(b);
            if self.gazetteer.group_nouns.contains(&w) {
                let label = self.text.slice(i, b + 1);
                let g = self.group(registry, label, &w, s);
                if let Some(c) = registry.candidates.get_mut(g) {
                    c.group = true;
                }
                registry.set_country(g, self.country_name(country)?);
                mentions.push(Mention { actors: vec![g], start: i, end: b + 1, pronoun: None });
                return Some(b + 1);
            }
            let word = self.word(b);
            if is_capitalised(word) || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
                break;
            }
            b += 1;
        }
        None
    }

    /// A group, the same as one already named with a synonym ("Chinese scientists" is
    /// "Chinese researchers").
    fn group(&self, registry: &mut Registry, label: &str, noun: &str, s: usize) -> usize {
        let canonical = self.gazetteer.same_group.get(noun).filter(|c| c.as_str() != noun);
        let existing = canonical.and_then(|c| {
            let stem = label.get(..label.len().saturating_sub(noun.len()))?;
            registry.find(&format!("{stem}{c}"))
        });
        let existing = existing.or_else(|| {
            // Any synonym already used with the same words before it.
            let stem = label.get(..label.len().saturating_sub(noun.len()))?;
            self.gazetteer
                .same_group
                .iter()
                .filter(|(w, c)| Some(*c) == self.gazetteer.same_group.get(noun) && w.as_str() != noun)
                .find_map(|(w, _)| registry.find(&format!("{stem}{w}")))
        });
        match existing {
            Some(g) => {
                registry.alias(g, label);
                g
            }
            None => {
                let g = registry.add(label, ActorKind::Other, 0.5, s);
                if let Some(c) = registry.candidates.get_mut(g) {
                    c.group = true;
                }
                g
            }
        }
    }

    /// Links office holder `p` to the body of its office: the government of the country, or
    /// a named ministry or embassy.
    fn office(&self, registry: &mut Registry, s: usize, p: usize, country: usize, role: &str, body: &str) {
        let Some(country_name) = self.country_name(country) else { return };
        if let Some(c) = registry.candidates.get_mut(p) {
            c.office_of = Some(country_name.to_owned());
            c.role.get_or_insert_with(|| role.to_owned());
        }
        registry.set_country(p, country_name);
        let body_actor = if body.contains("{country}") && body.starts_with("Government") {
            self.government(registry, country, s)
        } else if body.contains("Embassy")
            && let Some(embassy) = registry
                .candidates
                .iter()
                .position(|c| c.label.contains("Embassy") && c.country.as_deref() == Some(country_name))
        {
            Some(embassy)
        } else if body.contains("{country}") {
            let label = body.replace("{country}", country_name);
            let kind = ActorKind::GovernmentAgency;
            let b = registry.add(&label, kind, 0.7, s);
            registry.set_country(b, country_name);
            Some(b)
        } else if !body.is_empty() && !body.contains("{}") {
            let b = registry.add(&format!("{body} of {country_name}"), ActorKind::Ministry, 0.7, s);
            registry.set_country(b, country_name);
            Some(b)
        } else {
            None
        };
        if let Some(b) = body_actor {
            registry.affiliate(p, b, s, role);
        }
    }

    /// "(the) president (and prime minister) of COUNTRY" with no name after it.
    fn offices_of_country(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
    ) -> Option<(usize, Vec<usize>)> {
        let mut k = i;
        if self.lower(k) == "the" {
            k += 1;
        }
        let mut roles = Vec::new();
        loop {
            let (role_end, role) = self.role_at(k, end)?;
            if role.scope != RoleScope::Office || !role.body.contains("{country}") {
                return None;
            }
            roles.push((self.text.slice(k, role_end).to_lowercase(), role.body.clone()));
            k = role_end;
            if self.lower(k) == "and" && self.role_at(k + 1, end).is_some() {
                k += 1;
                continue;
            }
            break;
        }
        if self.lower(k) != "of" {
            return None;
        }
        let (country_end, country) = self.country_at(k + 1)?;
        if self.name_at(country_end, end).is_some() {
            return None;
        }
        let country_name = self.country_name(country)?;
        let mut persons = Vec::new();
        for (role, body) in roles {
            let label = format!("{} of {country_name}", title_case(&role.split(' ').collect::<Vec<_>>()));
            let p = registry.add(&label, ActorKind::Person, 0.75, s);
            self.office(registry, s, p, country, &role, &body);
            persons.push(p);
        }
        self.country_actor(registry, country, s);
        Some((country_end, persons))
    }

    /// A country name at `i`: (end, gazetteer index).
    fn country_at(&self, i: usize) -> Option<(usize, usize)> {
        for len in (1..=4).rev() {
            let text = self.text.slice(i, i + len);
            if text.is_empty() || !is_capitalised(self.word(i)) && self.lower(i) != "the" {
                continue;
            }
            if let Some(&c) =
                self.countries.names.get(&normalise(text)).or_else(|| self.countries.names.get(&text.to_lowercase()))
            {
                return Some((i + len, c));
            }
        }
        None
    }

    /// A role at `i` (lower or title case): (end, role).
    fn role_at(&self, i: usize, end: usize) -> Option<(usize, &'g super::gazetteer::Role)> {
        let first = self.word(i);
        if i >= end || !first.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        let candidates = self.roles_by_first.get(&first.to_lowercase())?;
        candidates.iter().filter_map(|&r| self.gazetteer.roles.get(r)).find_map(|role| {
            let fits =
                role.words.iter().enumerate().all(|(k, w)| i + k < end && self.word(i + k).eq_ignore_ascii_case(w));
            fits.then_some((i + role.words.len(), role))
        })
    }

    /// A person's name at `i`: one to three capitalised words that are not stopwords, known
    /// places or organisation heads. Returns (end, name).
    fn name_at(&self, i: usize, end: usize) -> Option<(usize, String)> {
        let mut b = i;
        while b < end && b < i + 3 {
            let w = self.word(b);
            let plain = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
            if !is_capitalised(w)
                || !plain
                || is_stopword(w)
                || is_acronym(w)
                || self.gazetteer.heads.contains_key(&w.to_lowercase())
            {
                break;
            }
            if self.countries.names.contains_key(&w.to_lowercase())
                || self.countries.demonyms.contains_key(&w.to_lowercase())
            {
                break;
            }
            b += 1;
        }
        (b > i).then(|| (b, self.text.slice(i, b).to_owned()))
    }

    /// "international peers", "relevant government departments", "the global scientific and
    /// technological community", "hard-hit areas": (end, label).
    fn qualified_group(&self, i: usize, end: usize) -> Option<(usize, String)> {
        let strong = [
            "international",
            "global",
            "foreign",
            "overseas",
            "relevant",
            "local",
            "hard-hit",
            "affected",
            "developing",
        ];
        let mut k = i;
        let mut has_strong = false;
        let mut words = 0;
        while k < end && words < 6 {
            let w = self.lower(k);
            if self.gazetteer.qualifiers.contains(&w) {
                has_strong |= strong.contains(&w.as_str());
                words += 1;
                k += 1;
            } else if w == "and" && k > i && self.gazetteer.qualifiers.contains(&self.lower(k + 1)) {
                k += 1;
            } else {
                break;
            }
        }
        if k == i || !has_strong || !self.gazetteer.group_nouns.contains(&self.lower(k)) {
            return None;
        }
        // "international orders" is no group, "international peers" is.
        let label = capitalise_first(self.text.slice(i, k + 1));
        Some((k + 1, label))
    }

    /// "minister of science and technology" (lower case, no name after): the ministry.
    fn ministry_phrase(&self, registry: &mut Registry, s: usize, i: usize, end: usize) -> Option<(usize, usize)> {
        let (role_end, role) = self.role_at(i, end)?;
        if !role.body.contains("{}") || !matches!(self.lower(role_end).as_str(), "of" | "for") {
            return None;
        }
        let (domain_end, domain) = self.domain(role_end + 1, end)?;
        if self.name_at(domain_end, end).is_some() {
            return None;
        }
        let ministry = registry.add(&role.body.replace("{}", &domain), ActorKind::Ministry, 0.7, s);
        // "Nepal's Minister of Health and Population, Sunita Thapa, received"
        if self.word(domain_end) == ","
            && let Some((name_end, name)) = self.name_at(domain_end + 1, end)
            && name_end >= domain_end + 3
            && matches!(self.word(name_end), "," | "said" | "says")
        {
            let role = self.text.slice(i, domain_end).to_lowercase();
            let p = self.person(registry, s, &name, Some(&role));
            registry.affiliate(p, ministry, s, &role);
        }
        Some((domain_end, ministry))
    }

    /// A ministry's domain after "of": lower-case words joined by "and" ("science and
    /// technology", "foreign affairs"). Returns (end, title-cased domain).
    fn domain(&self, i: usize, end: usize) -> Option<(usize, String)> {
        let mut b = i;
        let mut words: Vec<&str> = Vec::new();
        while b < end && words.len() < 5 {
            let w = self.word(b);
            if !w.chars().all(|c| c.is_alphabetic())
                || is_capitalised(w) && words.first().is_some_and(|f| !is_capitalised(f))
            {
                break;
            }
            if matches!(w, "and" | "of") {
                if b + 1 < end && self.word(b + 1).chars().all(char::is_alphabetic) && !words.is_empty() {
                    words.push(w);
                    b += 1;
                    continue;
                }
                break;
            }
            if is_stopword(w) || SPEECH.contains(&w) || self.gazetteer.verbs.contains_key(&w.to_lowercase()) {
                break;
            }
            words.push(w);
            b += 1;
        }
        while words.last().is_some_and(|w| matches!(*w, "and" | "of")) {
            words.pop();
            b -= 1;
        }
        (!words.is_empty()).then(|| (b, title_case(&words)))
    }

    /// A person, found again or new, with a role.
    fn person(&self, registry: &mut Registry, s: usize, name: &str, role: Option<&str>) -> usize {
        let p = registry.find(name).unwrap_or_else(|| registry.add(name, ActorKind::Person, 0.75, s));
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 2 {
            if let Some(first) = words.first() {
                registry.short_form(p, first);
            }
            if let Some(last) = words.last() {
                registry.short_form(p, last);
            }
        }
        if let (Some(role), Some(c)) = (role, registry.candidates.get_mut(p)) {
            c.role.get_or_insert_with(|| role.to_owned());
        }
        p
    }

    /// A capitalised span at `i`: a known name, an organisation, a country, a person.
    fn capitalised(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
        count_countries: bool,
    ) -> usize {
        // The span: capitalised words and connectors between them, up to a "-based" word.
        let mut b = i + 1;
        while b < end {
            let w = self.word(b);
            let token_is_word = self.text.tokens.get(b).is_some_and(|t| t.kind == TokenKind::Word);
            if token_is_word && is_capitalised(w) && !w.ends_with("-based") && !is_stopword(w) {
                b += 1;
            } else if matches!(w, "'s" | "’s") && self.countries.names.contains_key(&normalise(self.text.slice(i, b)))
            {
                break;
            } else if CONNECTORS.contains(&w.to_lowercase().as_str())
                && is_capitalised(self.word(b + 1))
                && !is_stopword(self.word(b + 1))
                && !(w == "in" || w == "and")
                || (w == "and"
                    && is_capitalised(self.word(b + 1))
                    && !is_stopword(self.word(b + 1))
                    && self.and_joins(i, b))
            {
                b += 2;
            } else {
                break;
            }
        }
        // Try the whole span, then shorter ones from the left.
        for stop in (i + 1..=b).rev() {
            match self.classify(registry, s, i, stop, count_countries) {
                SpanKind::Actor(a) => {
                    let stop = self.after_name(registry, a, stop);
                    mentions.push(Mention { actors: vec![a], start: i, end: stop, pronoun: None });
                    return stop;
                }
                SpanKind::Place => return stop,
                SpanKind::Unknown => {}
            }
        }
        // A title and a name: "President Xi Jinping", "Dr. Tedros".
        let title_end = self.role_at(i, end).map(|(e, _)| e).or_else(|| {
            HONORIFICS.contains(&self.lower(i).as_str()).then_some(i + 1 + usize::from(self.word(i + 1) == "."))
        });
        if let Some(role_end) = title_end
            && let Some((name_end, name)) = self.name_at(role_end, end)
        {
            let role = self.text.slice(i, role_end).to_lowercase();
            let p = self.person(registry, s, &name, Some(&role));
            // "Health Cabinet Secretary Mary Wanjiru": a post in the Ministry of Health.
            if let Some((_, found)) = self.role_at(i, end)
                && !found.body.is_empty()
                && !found.body.contains('{')
            {
                // "Health Minister X" in a text that named the "Ministry of Public Health".
                let domain = found.body.rsplit(' ').next().unwrap_or_default().to_lowercase();
                let named = registry
                    .candidates
                    .iter()
                    .position(|c| c.kind == ActorKind::Ministry && c.label.to_lowercase().contains(&domain));
                let body = named.unwrap_or_else(|| registry.add(&found.body, ActorKind::Ministry, 0.6, s));
                registry.affiliate(p, body, s, &role);
            }
            mentions.push(Mention { actors: vec![p], start: i, end: name_end, pronoun: None });
            return name_end;
        }
        // A noun before the name says what it is: "the Danish company Vestfrost Solutions".
        if let Some((name_end, _)) = self
            .name_at(i, end)
            .or_else(|| (is_capitalised(self.word(i)) && !is_acronym(self.word(i))).then(|| (i + 1, String::new())))
            && let Some(kind) = i.checked_sub(1).and_then(|k| kind_noun(&self.lower(k)))
        {
            let mut stop = name_end;
            while stop < end && is_capitalised(self.word(stop)) && !is_stopword(self.word(stop)) {
                stop += 1;
            }
            let a = registry.add(self.text.slice(i, stop), kind, 0.7, s);
            mentions.push(Mention { actors: vec![a], start: i, end: stop, pronoun: None });
            return stop;
        }
        // The apposition says what it is: "Zipline, the drone delivery company,".
        if is_capitalised(self.word(i))
            && !is_acronym(self.word(i))
            && self.word(i + 1) == ","
            && matches!(self.lower(i + 2).as_str(), "the" | "a" | "an")
        {
            let mut k = i + 3;
            while k < end && k < i + 8 && self.word(k).chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                if let Some(kind) = kind_noun(&self.lower(k))
                    .filter(|_| matches!(self.word(k + 1), "," | "." | "that" | "which" | "based"))
                {
                    let a = registry.add(self.word(i), kind, 0.65, s);
                    mentions.push(Mention { actors: vec![a], start: i, end: i + 1, pronoun: None });
                    return i + 1;
                }
                k += 1;
            }
        }
        // A person known by context: a speech verb, "by", a role before or after.
        if let Some((name_end, name)) = self.name_at(i, end)
            && name_end - i >= 2
            && let Some(role) = self.person_context(i, name_end, end)
        {
            let p = self.person(registry, s, &name, role.as_deref().filter(|r| !r.is_empty()));
            if let Some(role) = role.filter(|r| !r.is_empty()) {
                self.role_body(registry, s, p, &role);
            }
            mentions.push(Mention { actors: vec![p], start: i, end: name_end, pronoun: None });
            return self.after_name(registry, p, name_end);
        }
        i + 1
    }

    /// Whether "and" at `b` joins one name ("Science and Technology Daily") rather than two
    /// ("Kenya and Serbia"): it does unless the words before it already make a known name.
    fn and_joins(&self, i: usize, b: usize) -> bool {
        let left = normalise(self.text.slice(i, b));
        if self.known.contains_key(&left) || self.countries.names.contains_key(&left) {
            return false;
        }
        // Two names with heads of their own: "University of Ghana and Bernhard Nocht Institute".
        let left_words: Vec<&str> = (i..b).map(|k| self.word(k)).collect();
        let mut e = b + 1;
        while is_capitalised(self.word(e)) || matches!(self.word(e), "of" | "for") && is_capitalised(self.word(e + 1)) {
            e += 1;
        }
        let right_words: Vec<&str> = (b + 1..e).map(|k| self.word(k)).collect();
        let right = normalise(&right_words.join(" "));
        let right_is_name = self.head_of(&right_words).is_some()
            || self.known.contains_key(&right)
            || self.countries.names.contains_key(&right);
        !(self.head_of(&left_words).is_some() && right_is_name)
    }

    /// What a span is.
    fn classify(&self, registry: &mut Registry, s: usize, i: usize, stop: usize, count_countries: bool) -> SpanKind {
        let text = self.text.slice(i, stop);
        let key = normalise(text);
        let single = stop == i + 1;
        // Already proposed.
        if let Some(a) = registry.find(text) {
            if registry.candidates.get(a).is_some_and(|c| c.kind == ActorKind::Country)
                && let Some(&c) = self.countries.names.get(&key)
            {
                if count_countries {
                    *registry.country_mentions.entry(c).or_default() += 1;
                }
                if self.locative(i) {
                    return SpanKind::Place;
                }
            }
            return SpanKind::Actor(a);
        }
        // Known organisations (acronyms only in capitals).
        if let Some(&k) = self.known.get(&key)
            && (!single || !is_acronym(&text.to_uppercase()) || is_acronym(text) || text.len() > 5)
            && let Some(org) = self.gazetteer.organisations.get(k)
        {
            let a = registry.add(&org.name, org.kind, 0.95, s);
            if text != org.name {
                registry.alias(a, text);
            }
            if let Some(country) = &org.country {
                registry.set_country(a, country);
            }
            return SpanKind::Actor(a);
        }
        // Countries and capitals.
        if let Some(&c) = self.countries.names.get(&key) {
            if count_countries {
                *registry.country_mentions.entry(c).or_default() += 1;
            }
            if self.locative(i) {
                return SpanKind::Place;
            }
            let actor = self.country_actor(registry, c, s);
            if let Some(a) = actor
                && registry.candidates.get(a).is_some_and(|x| normalise(&x.label) != key)
            {
                registry.alias(a, text);
            }
            return actor.map_or(SpanKind::Unknown, SpanKind::Actor);
        }
        if self.countries.capitals.contains_key(&key) {
            // A capital is a place unless it acts ("Beijing said"); relations decide.
            return SpanKind::Place;
        }
        if self.countries.demonyms.contains_key(&key) && single {
            return SpanKind::Unknown;
        }
        // A short form of an actor already proposed ("BGI" for "BGI Genomics", "Xu").
        if single && let Some(a) = registry.find_short(text) {
            registry.alias(a, text);
            return SpanKind::Actor(a);
        }
        // An acronym of an organisation's initials: "MIT" for "Massachusetts Institute of Technology".
        if single && is_acronym(text) && text.chars().all(|c| c.is_ascii_uppercase()) {
            let initials = |label: &str| -> String {
                label
                    .split_whitespace()
                    .filter(|w| !matches!(*w, "of" | "for" | "and" | "the" | "&" | "de"))
                    .filter_map(|w| w.chars().next())
                    .collect()
            };
            let by_initials = registry.candidates.iter().position(|c| {
                !matches!(c.kind, ActorKind::Person | ActorKind::Country | ActorKind::Other)
                    && c.label.split_whitespace().count() >= 3
                    && initials(&c.label) == text
            });
            if let Some(a) = by_initials {
                registry.alias(a, text);
                return SpanKind::Actor(a);
            }
        }
        // Organisations by head word.
        let words: Vec<&str> = (i..stop).map(|k| self.word(k)).collect();
        if let Some(head) = self.head_of(&words) {
            return match head {
                Head::Place => SpanKind::Place,
                Head::Actor(kind) => {
                    // A leading demonym gives the country: "Chinese Center for Disease Control".
                    let country = words.first().and_then(|w| self.countries.demonyms.get(&w.to_lowercase()).copied());
                    let a = registry.add(text, kind, 0.85, s);
                    if let Some(country) = country.and_then(|c| self.country_name(c)) {
                        registry.set_country(a, country);
                    }
                    // An organisation's first word as a short form: "BGI" for "BGI Genomics".
                    if let Some(first) = words.first()
                        && words.len() >= 2
                        && country.is_none()
                        && !self.gazetteer.heads.contains_key(&first.to_lowercase())
                        && !self.countries.names.contains_key(&first.to_lowercase())
                        && (is_acronym(first) || kind == ActorKind::Company)
                    {
                        registry.short_form(a, first);
                    }
                    self.of_parts(registry, s, a, &words);
                    SpanKind::Actor(a)
                }
            };
        }
        SpanKind::Unknown
    }

    /// A name after "in", "at", "near" is a place, not an actor.
    fn locative(&self, i: usize) -> bool {
        let before = i.checked_sub(1).map(|k| self.lower(k)).unwrap_or_default();
        let before = if before == "central"
            || before == "northern"
            || before == "southern"
            || before == "eastern"
            || before == "western"
        {
            i.checked_sub(2).map(|k| self.lower(k)).unwrap_or_default()
        } else {
            before
        };
        if before == "," {
            // "Wuhan, China" and "ACCRA, Ghana" but not "Serbia, Montenegro".
            let place = i.checked_sub(2).map(|k| self.word(k)).unwrap_or("");
            return is_capitalised(place)
                && !self.countries.names.contains_key(&place.to_lowercase())
                && !self.known.contains_key(&place.to_lowercase());
        }
        matches!(before.as_str(), "in" | "at" | "near" | "across" | "throughout" | "within" | "inside" | "around")
    }

    /// The head of a capitalised name: the word before "of"/"for"/"on" or the last word; a
    /// company suffix at the end; two-word heads ("Medical Center").
    fn head_of(&self, words: &[&str]) -> Option<Head> {
        if let Some(&head) = words
            .len()
            .checked_sub(2)
            .and_then(|k| words.get(k..))
            .and_then(|two| self.gazetteer.heads.get(&two.join(" ").to_lowercase()))
        {
            return Some(head);
        }
        let cut =
            words.iter().position(|w| matches!(*w, "of" | "for" | "on" | "de" | "du" | "del")).unwrap_or(words.len());
        let before = words.get(..cut)?;
        let phrase = words.join(" ").to_lowercase();
        if phrase.contains("disease control") || phrase.contains("state council") || phrase.contains("news agency") {
            return Some(Head::Actor(if phrase.contains("news agency") {
                ActorKind::Media
            } else {
                ActorKind::GovernmentAgency
            }));
        }
        if before.len() >= 2 {
            let two = before.get(before.len() - 2..)?.join(" ").to_lowercase();
            if let Some(&head) = self.gazetteer.heads.get(&two) {
                return Some(head);
            }
        }
        let last_before = before.last()?.to_lowercase();
        if let Some(&head) = self.gazetteer.heads.get(&last_before) {
            // A single head word alone ("Ministry", "Government") is no name.
            return (words.len() >= 2).then_some(head);
        }
        // Names that start with their head: "Institut Pasteur de Dakar".
        if let Some(&head @ Head::Actor(kind)) =
            before.first().and_then(|w| self.gazetteer.heads.get(&w.to_lowercase()))
            && words.len() >= 2
            && kind != ActorKind::Company
            && kind != ActorKind::Media
        {
            return Some(head);
        }
        let last = words.last()?.trim_end_matches('.').to_lowercase();
        match self.gazetteer.heads.get(&last) {
            Some(&Head::Actor(ActorKind::Company)) if words.len() >= 2 => Some(Head::Actor(ActorKind::Company)),
            _ => None,
        }
    }

    /// "Zhongnan Hospital of Wuhan University": the part after "of" is an actor too, and the
    /// first belongs to it. "Government of Serbia": the government of the country.
    fn of_parts(&self, registry: &mut Registry, s: usize, a: usize, words: &[&str]) {
        let Some(of) = words.iter().position(|w| *w == "of") else { return };
        // "American University of Beirut Medical Center" is one name with a two-word head.
        let two_word_head = words
            .len()
            .checked_sub(2)
            .and_then(|k| words.get(k..))
            .is_some_and(|two| self.gazetteer.heads.contains_key(&two.join(" ").to_lowercase()));
        if two_word_head {
            return;
        }
        let rest = words.get(of + 1..).unwrap_or_default();
        let rest = rest.strip_prefix(&["the"]).unwrap_or(rest);
        if rest.is_empty() {
            return;
        }
        let text = rest.join(" ");
        if let Some(&c) = self.countries.names.get(&normalise(&text)) {
            let name = self.country_name(c).unwrap_or_default().to_owned();
            registry.set_country(a, &name);
            let government = registry
                .candidates
                .get(a)
                .is_some_and(|x| matches!(x.kind, ActorKind::Ministry | ActorKind::GovernmentAgency));
            if government && let Some(country) = self.country_actor(registry, c, s) {
                registry.affiliate(a, country, s, &words.get(..of).unwrap_or_default().join(" ").to_lowercase());
            }
            return;
        }
        let body = match self.head_of(rest) {
            Some(Head::Actor(kind)) if kind != ActorKind::Ministry => registry.add(&text, kind, 0.8, s),
            _ => match self.known.get(&normalise(&text)).and_then(|&k| self.gazetteer.organisations.get(k)) {
                Some(org) => registry.add(&org.name, org.kind, 0.9, s),
                None => return,
            },
        };
        let relation = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let head = of.checked_sub(1).and_then(|h| words.get(h)).map(|w| w.to_lowercase());
        let label = format!("{} of {text}", head.unwrap_or(relation));
        registry.affiliate(a, body, s, &label);
    }

    /// After a name: its acronym in brackets ("(KEMRI)") becomes an alias; returns where the
    /// mention ends.
    fn after_name(&self, registry: &mut Registry, a: usize, stop: usize) -> usize {
        let mut stop = stop;
        if self.word(stop) == "(" && self.word(stop + 2) == ")" && is_acronym(self.word(stop + 1)) {
            registry.alias(a, self.word(stop + 1));
            stop += 3;
        }
        stop
    }

    /// Whether the words around a name at `i..name_end` mark a person; returns the role text
    /// found ("" when the context is a speech verb or "by").
    fn person_context(&self, i: usize, name_end: usize, end: usize) -> Option<Option<String>> {
        let before = i.checked_sub(1).map(|k| self.lower(k)).unwrap_or_default();
        let after = self.lower(name_end);
        // A role phrase right before: "vice minister of science and technology Xu Nanping".
        let mut k = i;
        while k > i.saturating_sub(8) {
            k -= 1;
            let w = self.word(k);
            if !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                break;
            }
            if let Some((role_end, _)) = self.role_at(k, end)
                && role_end <= i
            {
                return Some(Some(self.text.slice(k, i).to_owned()));
            }
        }
        // A role after a comma: "Xu Nanping, vice minister of science and technology,".
        if after == "," {
            let mut r = name_end + 1;
            if matches!(self.lower(r).as_str(), "the" | "a" | "an") {
                r += 1;
            }
            let mut q = r;
            while q < end
                && q < r + 4
                && self.role_at(q, end).is_none()
                && self.word(q).chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            {
                q += 1;
            }
            if self.role_at(q, end).is_some() {
                let mut e = q;
                while e < end && !matches!(self.word(e), "," | "." | ";" | "\"" | "”" | ")") && e < q + 10 {
                    e += 1;
                }
                return Some(Some(self.text.slice(r, e).to_owned()));
            }
        }
        let speech = |w: &str| SPEECH.contains(&w);
        if speech(&before) || speech(&after) || before == "by" || HONORIFICS.contains(&before.trim_end_matches('.')) {
            return Some(None);
        }
        if matches!(after.as_str(), "from" | "of" | "at") && is_capitalised(self.word(name_end + 1)) || after == "from"
        {
            return Some(None);
        }
        None
    }

    /// Links a person to the body its role names: "vice minister of science and technology" →
    /// the Ministry of Science and Technology; "director of the Pasteur Institute" → that
    /// institute (when it is known).
    fn role_body(&self, registry: &mut Registry, s: usize, p: usize, role: &str) {
        let words: Vec<&str> = role.split_whitespace().collect();
        let Some(of) = words.iter().position(|w| matches!(*w, "of" | "for" | "at")) else { return };
        let lower: Vec<String> = words.iter().take(of).map(|w| w.to_lowercase()).collect();
        let Some(found) = self.gazetteer.roles.iter().find(|r| lower.ends_with(&r.words)) else { return };
        let rest = words.get(of + 1..).unwrap_or_default();
        let rest = rest.strip_prefix(&["the"]).unwrap_or(rest);
        let text = rest.join(" ");
        if let Some(&c) = self.countries.names.get(&normalise(&text)) {
            if found.scope == RoleScope::Office {
                self.office(registry, s, p, c, &lower.join(" "), &found.body);
            }
            return;
        }
        if let Some(body) = registry.find(&text) {
            registry.affiliate(p, body, s, &lower.join(" "));
            return;
        }
        if found.body.contains("{}") && rest.iter().all(|w| w.chars().all(char::is_alphabetic)) && !rest.is_empty() {
            let domain = title_case(rest);
            let ministry = registry.add(&found.body.replace("{}", &domain), ActorKind::Ministry, 0.7, s);
            registry.affiliate(p, ministry, s, &lower.join(" "));
        }
    }
}
