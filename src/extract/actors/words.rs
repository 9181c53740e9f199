//! The small word lists and spelling tests the scanner reads names with: stopwords, speech
//! verbs, honorifics, connectors inside names, capitals and acronyms.

use crate::model::ActorKind;

/// Words that start sentences or are capitalised for other reasons but never begin a name.
pub(super) const STOPWORDS: &[&str] = &[
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
pub(crate) const HONORIFICS: &[&str] = &["mr", "ms", "mrs", "dr", "prof", "professor", "sir", "dame", "madam"];

/// Connectors allowed inside a capitalised name when a capitalised word follows.
pub(super) const CONNECTORS: &[&str] = &["of", "for", "and", "&", "the", "de", "du", "la", "del", "'s", "’s"];

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// An acronym, or a short name in brackets with two capitals or more: "AfDB", "MoU", "IITH".
pub fn is_short_name(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    is_acronym(word)
        || word.len() <= 10
            && upper >= 2
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '&')
}

/// All upper case (letters, with digits or hyphens): an acronym such as `CNCB` or `WHO`.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '.' || c == '&')
}

/// `word` in lower case, borrowed when it is already (most words are): no allocation.
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

pub(super) fn is_stopword(word: &str) -> bool {
    let lower = lowercase(word);
    STOPWORDS.contains(&&*lower) || crate::extract::dates::is_month(&lower) || crate::extract::dates::is_weekday(&lower)
}

/// The kind a common noun right before a name gives it ("the company Vestfrost").
pub fn kind_noun(noun: &str) -> Option<ActorKind> {
    Some(match noun {
        "company" | "firm" | "manufacturer" | "maker" | "supplier" | "producer" | "carrier" | "airline"
        | "start-up" | "startup" | "distributor" | "giant" | "retailer" | "operator" | "developer" | "insurer"
        | "contractor" | "conglomerate" | "group" | "multinational" | "pharmaceutical" | "automaker" => {
            ActorKind::Company
        }
        "foundation" | "charity" | "ngo" | "non-profit" | "nonprofit" | "philanthropy" | "society" | "association" => {
            ActorKind::Foundation
        }
        "organization" | "organisation" => ActorKind::Foundation,
        "hospital" | "clinic" => ActorKind::Hospital,
        "university" => ActorKind::University,
        "institute" | "laboratory" | "lab" => ActorKind::ResearchInstitute,
        "agency" | "regulator" | "authority" => ActorKind::GovernmentAgency,
        "bank" | "lender" => ActorKind::InternationalOrganization,
        "newspaper" | "broadcaster" | "outlet" | "magazine" | "daily" => ActorKind::Media,
        _ => return None,
    })
}

/// Title case for a ministry's domain: "science and technology" → "Science and Technology".
pub(super) fn title_case(words: &[&str]) -> String {
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

pub(super) fn capitalise_first(text: &str) -> String {
    let mut c = text.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
