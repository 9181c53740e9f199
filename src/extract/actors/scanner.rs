//! The scanner: reads a sentence token by token and registers what it names (pronouns, fixed
//! phrases, "the institute", offices, demonyms, groups, ministries, capitalised names).

use foldhash::{HashMap, HashMapExt};

use super::registry::{BothKinds, Mention, Pronoun, Registry, normalise};
use super::words::{is_acronym, is_capitalised, is_stopword};
use crate::extract::gazetteer::{CountryIndex, Gazetteer, Head};
use crate::extract::text::{TokenKind, Tokenized};
use crate::model::ActorKind;

/// Reads sentences for actors, registering candidates.
pub struct Scanner<'g, 't> {
    pub(super) gazetteer: &'g Gazetteer,
    pub(super) countries: CountryIndex,
    /// Known organisations and their aliases by normalised name.
    pub(super) known: HashMap<String, usize>,
    /// Roles by their first word (positions in the gazetteer's list, longest first).
    pub(super) roles_by_first: HashMap<String, Vec<usize>>,
    /// First words of the fixed phrases.
    pub(super) phrase_starts: std::collections::HashSet<String>,
    pub(super) text: &'t Tokenized<'t>,
}

/// What a capitalised span turned out to be.
pub(super) enum SpanKind {
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

    pub(super) fn word(&self, i: usize) -> &'t str {
        self.text.word(i)
    }

    pub(super) fn lower(&self, i: usize) -> std::borrow::Cow<'t, str> {
        crate::extract::actors::lowercase(self.text.word(i))
    }

    pub(super) fn country_name(&self, index: usize) -> Option<&'g str> {
        self.gazetteer.countries.get(index).map(|c| c.name.as_str())
    }

    /// The country actor for gazetteer country `index`.
    pub(super) fn country_actor(&self, registry: &mut Registry, index: usize, sentence: usize) -> Option<usize> {
        let name = self.country_name(index)?;
        Some(registry.add(name, ActorKind::Country, 0.9, sentence))
    }

    /// The government of gazetteer country `index`, affiliated to the country.
    pub(super) fn government(&self, registry: &mut Registry, index: usize, sentence: usize) -> Option<usize> {
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
                        if !matches!(c.kind, ActorKind::Person | ActorKind::Country) && !c.group && m.pronoun.is_none()
                        {
                            registry.last_organisation = Some(a);
                        }
                    }
                }
            }
            i = next.max(i + 1);
        }
        mentions
    }

    /// Reads what starts at token `i`; returns where to continue.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn scan_at(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
        count_countries: bool,
    ) -> usize {
        let word = self.word(i);
        let lower = super::words::lowercase(word);
        let lower: &str = &lower;
        let push = |mentions: &mut Vec<Mention>, actors: Vec<usize>, a: usize, b: usize| {
            mentions.push(Mention { actors, start: a, end: b, pronoun: None });
        };
        if self.text.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Word) {
            // "70 countries and regions"
            if self.text.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
                && matches!(&*self.lower(i + 1), "countries" | "nations")
            {
                let mut b = i + 2;
                if self.lower(b) == "and" && matches!(&*self.lower(b + 1), "regions" | "territories") {
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
        let pronoun = match lower {
            "we" | "us" => Some(Pronoun::We),
            "they" | "them" => Some(Pronoun::They),
            "he" | "she" | "him" => Some(Pronoun::Person),
            // "It will train nurses", not "for what it has done" or "it is expected".
            "it" if self.it_acts(i) => Some(Pronoun::It),
            _ => None,
        };
        if let Some(p) = pronoun {
            mentions.push(Mention { actors: Vec::new(), start: i, end: i + 1, pronoun: Some(p) });
            return i + 1;
        }
        // "the two institutions", "both countries", "both sides": the last two actors named.
        if let Some((b, kinds)) = self.both_at(i, end) {
            mentions.push(Mention { actors: Vec::new(), start: i, end: b, pronoun: Some(Pronoun::Both { kinds }) });
            return b;
        }
        // Fixed phrases for the world at large.
        let phrases = if self.phrase_starts.contains(lower) { self.gazetteer.phrases.as_slice() } else { &[] };
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
        if let Some(&country) = self.countries.demonyms.get(lower)
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
        // "Secretary of State Colin Powell": a title-case office and a name.
        if is_capitalised(word)
            && let Some(e) = self.office_with_domain(registry, s, i, end, mentions)
        {
            return e;
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
        if is_stopword(word) && !(self.known.contains_key(lower) && is_acronym(word)) {
            // "The" before a name, or a capitalised function word.
            return i + 1;
        }
        self.capitalised(registry, s, i, end, mentions, count_countries)
    }

    /// Whether "it" at `i` is a subject that acts: no preposition or "what" before it, an
    /// auxiliary or a cooperation verb after it.
    fn it_acts(&self, i: usize) -> bool {
        let before = i.checked_sub(1).map(|k| self.lower(k)).unwrap_or_default();
        if matches!(
            &*before,
            "what" | "for" | "to" | "of" | "with" | "by" | "from" | "about" | "on" | "in" | "at" | "whether" | "if"
        ) {
            return false;
        }
        let after = self.lower(i + 1);

        let after: &str = &after;
        let verb = |w: &str| self.gazetteer.verbs.contains_key(w);
        matches!(after, "will" | "would" | "has" | "had" | "can" | "could" | "also" | "plans" | "hopes")
            && (verb(&self.lower(i + 2)) || verb(&self.lower(i + 3)) || self.lower(i + 2) == "also")
            || verb(after)
    }

    /// "the two institutions", "both countries", "both sides": (end, what the noun means).
    fn both_at(&self, i: usize, end: usize) -> Option<(usize, BothKinds)> {
        let (first, second) = (self.word(i), self.word(i + 1));
        let noun_at = if first.eq_ignore_ascii_case("the") && second.eq_ignore_ascii_case("two") {
            i + 2
        } else if first.eq_ignore_ascii_case("both") {
            i + 1
        } else {
            return None;
        };
        if noun_at >= end {
            return None;
        }
        let kinds = match &*self.lower(noun_at) {
            "countries" | "nations" | "governments" | "states" => BothKinds::Countries,
            "universities" => BothKinds::Universities,
            "hospitals" => BothKinds::Hospitals,
            "companies" | "firms" => BothKinds::Companies,
            "institutions" | "institutes" => BothKinds::Institutions,
            "sides" | "parties" | "organisations" | "organizations" | "partners" | "agencies" | "ministries"
            | "banks" | "groups" => BothKinds::Bodies,
            _ => return None,
        };
        Some((noun_at + 1, kinds))
    }

    /// "the institute", "the embassy", "its": the actor of that kind named last; also a bare
    /// head noun before a role ("ministry spokesperson").
    pub(super) fn definite(
        &self,
        registry: &Registry,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
    ) -> Option<usize> {
        let (noun_at, bare) = match &*self.lower(i) {
            // "the teaching hospital", "the Swiss company": one word may come between.
            "the"
                if self.word(i + 1).chars().all(|c| c.is_lowercase() || c == '-')
                    && !self.gazetteer.heads.contains_key(self.word(i + 1))
                    && !matches!(self.word(i + 1), "company" | "firm" | "lab" | "laboratory")
                    && (self.gazetteer.heads.contains_key(self.word(i + 2))
                        || matches!(self.word(i + 2), "company" | "firm")) =>
            {
                (i + 2, false)
            }
            "the" => (i + 1, false),
            _ => (i, true),
        };
        let noun = self.word(noun_at);
        if noun_at >= end || is_capitalised(noun) {
            return None;
        }
        // "the organisation", "the charity", "the bank": the organisation named last, whatever its kind.
        let any_organisation = matches!(
            noun,
            "organisation"
                | "organization"
                | "charity"
                | "group"
                | "ngo"
                | "bank"
                | "lender"
                | "donor"
                | "agency"
                | "company"
                | "firm"
        );
        let kind = match self.gazetteer.heads.get(noun) {
            Some(Head::Actor(kind)) => *kind,
            _ => match noun {
                "laboratory" | "lab" => ActorKind::ResearchInstitute,
                "company" | "firm" => ActorKind::Company,
                _ if any_organisation => ActorKind::Other,
                _ => return None,
            },
        };
        let after = self.lower(noun_at + 1);

        let after: &str = &after;
        // "the ministry of health" names a body; "the company's" and "the institute said" refer.
        if after == "of" || after == "for" {
            return None;
        }
        if bare && self.role_at(noun_at + 1, end).is_none() {
            return None;
        }
        // "the institute" for the Robert Koch Institute, a government agency: a name with the noun.
        let named = || {
            let noun = noun.to_lowercase();
            registry.candidates.iter().rposition(|c| {
                c.kind != ActorKind::Person && c.label.split_whitespace().any(|w| w.eq_ignore_ascii_case(&noun))
            })
        };
        let actor = match registry.last_by_kind.get(&kind) {
            Some(&a) => a,
            None if bare => return None,
            None => match named() {
                Some(a) => a,
                None if any_organisation => registry.last_organisation?,
                None => return None,
            },
        };
        mentions.push(Mention { actors: vec![actor], start: i, end: noun_at + 1, pronoun: None });
        Some(noun_at + 1)
    }
}
