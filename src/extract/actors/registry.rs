//! The registry of proposed actors: candidates found by normalised name, their aliases and short
//! forms, structural affiliations, and the mentions a sentence makes of them.

use foldhash::HashMap;

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
    /// it: the organisation the sentence or the one before is about.
    It,
    /// "the two institutions", "both countries": the last two actors named of the kinds the
    /// noun means.
    Both {
        /// What the noun means.
        kinds: BothKinds,
    },
}

/// What "the two X" means by its noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BothKinds {
    /// Countries, nations, governments.
    Countries,
    /// Universities.
    Universities,
    /// Hospitals.
    Hospitals,
    /// Companies, firms.
    Companies,
    /// Institutions, institutes: research bodies, universities, hospitals.
    Institutions,
    /// Sides, parties, partners, organisations: any body that is no person.
    Bodies,
}

impl BothKinds {
    /// Whether an actor of `kind` can be meant.
    pub fn fits(self, kind: ActorKind) -> bool {
        match self {
            BothKinds::Countries => matches!(kind, ActorKind::Country | ActorKind::GovernmentAgency),
            BothKinds::Universities => kind == ActorKind::University,
            BothKinds::Hospitals => kind == ActorKind::Hospital,
            BothKinds::Companies => kind == ActorKind::Company,
            BothKinds::Institutions => {
                matches!(kind, ActorKind::ResearchInstitute | ActorKind::University | ActorKind::Hospital)
            }
            BothKinds::Bodies => !matches!(kind, ActorKind::Person | ActorKind::Country),
        }
    }
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
    /// The organisation (not a person or country) named last, for "the organisation".
    pub last_organisation: Option<usize>,
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

    pub(super) fn find_short(&self, name: &str) -> Option<usize> {
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

    pub(super) fn short_form(&mut self, i: usize, short: &str) {
        let key = normalise(short);
        if key.is_empty() || self.names.contains_key(&key) {
            return;
        }
        self.shorts.entry(key).or_insert(i);
        if let Some(c) = self.candidates.get_mut(i) {
            c.short_forms.push(short.to_owned());
        }
    }

    pub(super) fn set_country(&mut self, i: usize, country: &str) {
        if let Some(c) = self.candidates.get_mut(i)
            && c.country.is_none()
            && c.kind != ActorKind::Country
        {
            c.country = Some(country.to_owned());
        }
    }

    pub(super) fn affiliate(&mut self, member: usize, body: usize, sentence: usize, label: &str) {
        if member != body && !self.affiliations.iter().any(|a| a.member == member && a.body == body) {
            self.affiliations.push(Affiliation { member, body, sentence, label: label.to_owned() });
        }
    }
}
