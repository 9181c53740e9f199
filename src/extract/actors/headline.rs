//! Headlines: title case makes every word look like part of a name ("University of Nairobi and
//! Kenyan", "Hospital Beds"), so a headline names only actors the article's body names, known
//! organisations and countries. It never makes a new organisation or person.

use super::registry::{Mention, Registry, normalise};
use super::scanner::Scanner;
use super::words::is_capitalised;
use crate::extract::text::TokenKind;
use crate::model::ActorKind;

/// Longest name a headline is searched for, in tokens.
const LONGEST: usize = 8;

impl Scanner<'_, '_> {
    /// The mentions of headline sentence `s`: the longest runs of words that name an actor
    /// already proposed, a known organisation or a country.
    pub fn scan_headline(&self, registry: &mut Registry, s: usize) -> Vec<Mention> {
        let Some(sentence) = self.text.sentences.get(s) else { return Vec::new() };
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut mentions = Vec::new();
        let mut i = start;
        while i < end {
            let word = self.word(i);
            let is_word = self.text.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word);
            if !is_word || !is_capitalised(word) {
                i += 1;
                continue;
            }
            let found = (i + 1..=(i + LONGEST).min(end)).rev().find_map(|stop| {
                let text = self.text.slice(i, stop);
                self.headline_actor(registry, text, s).map(|a| (stop, a))
            });
            match found {
                Some((stop, actor)) => {
                    mentions.push(Mention { actors: vec![actor], start: i, end: stop, pronoun: None });
                    i = stop;
                }
                None => i += 1,
            }
        }
        mentions
    }

    /// The actor `text` names in a headline, if it names one the lists or the body know.
    fn headline_actor(&self, registry: &mut Registry, text: &str, s: usize) -> Option<usize> {
        if let Some(a) = registry.find(text).or_else(|| registry.find_short(text)) {
            // Only a named actor: a group ("Kenyan experts") is no headline subject.
            return registry.candidates.get(a).is_some_and(|c| !c.group).then_some(a);
        }
        let key = normalise(text);
        if let Some(org) = self.known.get(&key).and_then(|&k| self.gazetteer.organisations.get(k)) {
            // Acronyms only in capitals: "Who" in a headline is no WHO.
            if !text.contains(' ') && text.to_uppercase() != text && org.name != text {
                return None;
            }
            let a = registry.add(&org.name, org.kind, 0.9, s);
            if let Some(country) = &org.country {
                registry.set_country(a, country);
            }
            return Some(a);
        }
        let country = *self.countries.names.get(&key)?;
        // The headline counts towards the country the text is about.
        *registry.country_mentions.entry(country).or_default() += 1;
        let name = self.country_name(country)?;
        Some(registry.add(name, ActorKind::Country, 0.9, s))
    }
}
