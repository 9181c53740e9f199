//! Capitalised names: known organisations, countries, organisations by head word ("… Hospital",
//! "Ministry of …"), acronyms, short forms, and the parts of a name ("Hospital of Wuhan
//! University").

use super::registry::{Mention, Registry, normalise};
use super::scanner::{Scanner, SpanKind};
use super::words::{CONNECTORS, HONORIFICS, is_acronym, is_capitalised, is_short_name, is_stopword, kind_noun};
use crate::extract::gazetteer::Head;
use crate::extract::text::TokenKind;
use crate::model::ActorKind;

impl Scanner<'_, '_> {
    /// A capitalised span at `i`: a known name, an organisation, a country, a person.
    pub(super) fn capitalised(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        mentions: &mut Vec<Mention>,
        count_countries: bool,
    ) -> usize {
        // "Minister of Higher Education and Scientific Research Azmi Mahafzah"
        if let Some(e) = self.office_with_domain(registry, s, i, end, mentions) {
            return e;
        }
        // "Chief Executive Officer of the Hospital, Diana Brown-Miller"
        if let Some(e) = self.role_of_body_then_name(registry, s, i, end, mentions) {
            return e;
        }
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
            } else if matches!(w, "of" | "for")
                && self.word(b + 1) == "the"
                && is_capitalised(self.word(b + 2))
                && !is_stopword(self.word(b + 2))
                && self.head_of(&(i..b).map(|k| self.word(k)).collect::<Vec<_>>()).is_some()
            {
                // "European Organisation for the Exploitation of Meteorological Satellites": a name
                // with its head before "for the" goes on.
                b += 3;
            } else {
                break;
            }
        }
        // "Siemens Healthineers donated": a known name ("Siemens") that a longer name continues
        // is part of that name when the longer one acts.
        if b > i + 1
            && registry.find(self.text.slice(i, b)).is_none()
            && !self.known.contains_key(&normalise(self.text.slice(i, b)))
            && (i + 1..b).any(|k| self.known.contains_key(&normalise(self.text.slice(i, k))))
            && self.head_of(&(i..b).map(|k| self.word(k)).collect::<Vec<_>>()).is_none()
            && let Some((whole, kind)) = self.unlisted_organisation(registry, i, b, end, mentions)
        {
            let a = registry.add(self.text.slice(i, whole), kind, 0.6, s);
            let whole = self.after_name(registry, a, whole);
            mentions.push(Mention { actors: vec![a], start: i, end: whole, pronoun: None });
            return whole;
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
        let title_end = self
            .role_at(i, end)
            .map(|(e, _)| e)
            .or_else(|| HONORIFICS.contains(&&*self.lower(i)).then_some(i + 1 + usize::from(self.word(i + 1) == ".")));
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
            && let Some(kind) = i
                .checked_sub(1)
                .filter(|&k| self.word(k).chars().all(|c| c.is_lowercase() || c == '-'))
                .and_then(|k| kind_noun(&self.lower(k)))
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
            && matches!(&*self.lower(i + 2), "the" | "a" | "an")
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
        // An organisation no list knows, told by what it does or where it stands.
        if let Some((stop, kind)) = self.unlisted_organisation(registry, i, b, end, mentions) {
            let a = registry.add(self.text.slice(i, stop), kind, 0.6, s);
            let stop = self.after_name(registry, a, stop);
            mentions.push(Mention { actors: vec![a], start: i, end: stop, pronoun: None });
            return stop;
        }
        i + 1
    }

    /// Whether "and" at `b` joins one name ("Science and Technology Daily") rather than two
    /// ("Kenya and Serbia"): it does unless the words before it already make a known name.
    pub(super) fn and_joins(&self, i: usize, b: usize) -> bool {
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
    pub(super) fn classify(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        stop: usize,
        count_countries: bool,
    ) -> SpanKind {
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
            && let Some(org) = self.gazetteer.organisations.get(k)
            && (!single
                || !is_acronym(&text.to_uppercase())
                || is_acronym(text)
                || text.len() > 5
                || org.name == text
                || org.aliases.iter().any(|a| a == text))
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
    pub(super) fn locative(&self, i: usize) -> bool {
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
        matches!(&*before, "in" | "at" | "near" | "across" | "throughout" | "within" | "inside" | "around")
    }

    /// The head of a capitalised name: the word before "of"/"for"/"on" or the last word; a
    /// company suffix at the end; two-word heads ("Medical Center").
    pub(super) fn head_of(&self, words: &[&str]) -> Option<Head> {
        // "Hospital CEO", "Chief Operating Officer": a role at the end makes a title, not a body.
        if words.len() >= 2 && words.last().is_some_and(|w| self.role_at_word(w)) {
            return None;
        }
        // "Lafayette Journal & Courier": the head before "&" heads the whole name.
        if let Some(amp) = words.iter().position(|w| *w == "&")
            && let Some(&head @ Head::Actor(_)) =
                amp.checked_sub(1).and_then(|k| words.get(k)).and_then(|w| self.gazetteer.heads.get(&w.to_lowercase()))
        {
            return Some(head);
        }
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
            // "Medicines for Malaria Venture": a head at the end when the word before "for" is none.
            Some(&head @ Head::Actor(_))
                if words.len() >= 3
                    && words.get(cut) == Some(&"for")
                    && !words.first().is_some_and(|w| self.role_at_word(w)) =>
            {
                Some(head)
            }
            _ => None,
        }
    }

    /// "Zhongnan Hospital of Wuhan University": the part after "of" is an actor too, and the
    /// first belongs to it. "Government of Serbia": the government of the country.
    pub(super) fn of_parts(&self, registry: &mut Registry, s: usize, a: usize, words: &[&str]) {
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
    pub(super) fn after_name(&self, registry: &mut Registry, a: usize, stop: usize) -> usize {
        let mut stop = stop;
        if self.word(stop) == "(" && self.word(stop + 2) == ")" && is_short_name(self.word(stop + 1)) {
            registry.alias(a, self.word(stop + 1));
            stop += 3;
        }
        stop
    }
}
