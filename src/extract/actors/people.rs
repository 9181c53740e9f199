//! People, offices and groups: names with titles and roles, office holders of a country,
//! governments, ministries named by a role ("minister of health"), nationality groups.

use super::registry::{Mention, Registry, normalise};
use super::scanner::Scanner;
use super::words::{HONORIFICS, SPEECH, capitalise_first, is_acronym, is_capitalised, is_stopword, title_case};
use crate::extract::gazetteer::RoleScope;
use crate::model::ActorKind;

impl<'g> Scanner<'g, '_> {
    /// After a demonym at `i`: "Serbian government", "Serbian President (Name)", "Kenyan
    /// counterparts", "Chinese medical experts". Returns where to continue when it matched.
    pub(super) fn after_demonym(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
        country: usize,
        mentions: &mut Vec<Mention>,
    ) -> Option<usize> {
        let next = self.lower(i + 1);

        let next: &str = &next;
        if next == "government" {
            let g = self.government(registry, country, s)?;
            registry.alias(g, self.text.slice(i, i + 2));
            mentions.push(Mention { actors: vec![g], start: i, end: i + 2, pronoun: None });
            return Some(i + 2);
        }
        // "Zheng Zhuqiang, Chinese ambassador to Uganda,": the office of the person just named.
        if let Some((role_end, role)) = self.role_at(i + 1, end)
            && role.scope == RoleScope::Office
            && i.checked_sub(1).is_some_and(|k| self.word(k) == ",")
            && let Some(&person) = mentions
                .last()
                .filter(|m| m.end + 1 == i)
                .and_then(|m| m.actors.first())
                .filter(|&&p| registry.candidates.get(p).is_some_and(|c| c.kind == ActorKind::Person))
            && self.name_at(role_end, end).is_none()
        {
            let role_text = self.text.slice(i + 1, role_end).to_lowercase();
            let country_actor = self.country_actor(registry, country, s)?;
            registry.affiliate(person, country_actor, s, &role_text);
            if let Some(c) = registry.candidates.get_mut(person) {
                c.role.get_or_insert(role_text);
            }
            return Some(role_end);
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
        // "with Chinese support", "Japanese grant aid": the country gives.
        if matches!(
            next,
            "support"
                | "aid"
                | "assistance"
                | "funding"
                | "help"
                | "grant"
                | "grants"
                | "donation"
                | "donations"
                | "loan"
                | "financing"
        ) {
            let a = self.country_actor(registry, country, s)?;
            mentions.push(Mention { actors: vec![a], start: i, end: i + 1, pronoun: None });
            return Some(i + 1);
        }
        // Groups: demonym, lower-case adjectives, a group noun.
        let mut b = i + 1;
        while b < end && b <= i + 4 {
            let w = self.lower(b);

            let w: &str = &w;
            if self.gazetteer.group_nouns.contains(w) {
                let label = self.text.slice(i, b + 1);
                let g = self.group(registry, label, w, s);
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
    pub(super) fn group(&self, registry: &mut Registry, label: &str, noun: &str, s: usize) -> usize {
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
    pub(super) fn office(&self, registry: &mut Registry, s: usize, p: usize, country: usize, role: &str, body: &str) {
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
    pub(super) fn offices_of_country(
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
    pub(super) fn country_at(&self, i: usize) -> Option<(usize, usize)> {
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
    pub(super) fn role_at(&self, i: usize, end: usize) -> Option<(usize, &'g crate::extract::gazetteer::Role)> {
        let first = self.word(i);
        if i >= end || !first.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        let candidates = self.roles_by_first.get(&*super::words::lowercase(first))?;
        candidates.iter().filter_map(|&r| self.gazetteer.roles.get(r)).find_map(|role| {
            let fits =
                role.words.iter().enumerate().all(|(k, w)| i + k < end && self.word(i + k).eq_ignore_ascii_case(w));
            fits.then_some((i + role.words.len(), role))
        })
    }

    /// A person's name at `i`: one to three capitalised words that are not stopwords, known
    /// places or organisation heads. Returns (end, name).
    pub(super) fn name_at(&self, i: usize, end: usize) -> Option<(usize, String)> {
        let mut b = i;
        let mut longest = i + 3;
        while b < end && b < longest {
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
                || self.role_at_word(w)
            {
                break;
            }
            b += 1;
            // A middle initial: "Jack O. Bovender".
            if b > i + 1
                && b < end
                && self.word(b).len() == 1
                && self.word(b).chars().all(|c| c.is_ascii_uppercase())
                && self.word(b + 1) == "."
                && is_capitalised(self.word(b + 2))
            {
                b += 2;
                longest += 2;
            }
        }
        (b > i).then(|| (b, self.text.slice(i, b).to_owned()))
    }

    /// "international peers", "relevant government departments", "the global scientific and
    /// technological community", "hard-hit areas": (end, label).
    pub(super) fn qualified_group(&self, i: usize, end: usize) -> Option<(usize, String)> {
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

            let w: &str = &w;
            if self.gazetteer.qualifiers.contains(w) {
                has_strong |= strong.contains(&w);
                words += 1;
                k += 1;
            } else if w == "and" && k > i && self.gazetteer.qualifiers.contains(&*self.lower(k + 1)) {
                k += 1;
            } else {
                break;
            }
        }
        if k == i || !has_strong || !self.gazetteer.group_nouns.contains(&*self.lower(k)) {
            return None;
        }
        // "international orders" is no group, "international peers" is.
        let label = capitalise_first(self.text.slice(i, k + 1));
        Some((k + 1, label))
    }

    /// "minister of science and technology" (lower case, no name after): the ministry.
    pub(super) fn ministry_phrase(
        &self,
        registry: &mut Registry,
        s: usize,
        i: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let (role_end, role) = self.role_at(i, end)?;
        if !role.body.contains("{}") || !matches!(&*self.lower(role_end), "of" | "for") {
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
    pub(super) fn domain(&self, i: usize, end: usize) -> Option<(usize, String)> {
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
    pub(super) fn person(&self, registry: &mut Registry, s: usize, name: &str, role: Option<&str>) -> usize {
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

    /// Whether the words around a name at `i..name_end` mark a person; returns the role text
    /// found ("" when the context is a speech verb or "by").
    pub(super) fn person_context(&self, i: usize, name_end: usize, end: usize) -> Option<Option<String>> {
        let before = i.checked_sub(1).map(|k| self.lower(k)).unwrap_or_default();
        let after = self.lower(name_end);

        let after: &str = &after;
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
            if matches!(&*self.lower(r), "the" | "a" | "an") {
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
        if speech(&before) || speech(after) || before == "by" || HONORIFICS.contains(&before.trim_end_matches('.')) {
            return Some(None);
        }
        if matches!(after, "from" | "of" | "at") && is_capitalised(self.word(name_end + 1)) || after == "from" {
            return Some(None);
        }
        None
    }

    /// Links a person to the body its role names: "vice minister of science and technology" →
    /// the Ministry of Science and Technology; "director of the Pasteur Institute" → that
    /// institute (when it is known).
    pub(super) fn role_body(&self, registry: &mut Registry, s: usize, p: usize, role: &str) {
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
        // "Director of Clinical Engineering for Waterbury Hospital": the body after a later "for"/"at".
        for (k, w) in rest.iter().enumerate() {
            if matches!(*w, "for" | "at" | "of")
                && let Some(tail) = rest.get(k + 1..)
                && let Some(body) = registry.find(&tail.join(" "))
            {
                registry.affiliate(p, body, s, &lower.join(" "));
                return;
            }
        }
        if found.body.contains("{}") && rest.iter().all(|w| w.chars().all(char::is_alphabetic)) && !rest.is_empty() {
            let domain = title_case(rest);
            let ministry = registry.add(&found.body.replace("{}", &domain), ActorKind::Ministry, 0.7, s);
            registry.affiliate(p, ministry, s, &lower.join(" "));
        }
    }
}
