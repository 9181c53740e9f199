//! Words as search compares them: lower case, accents dropped, British spellings written the
//! American way (so "organisation" finds "Organization" and "center" finds "Centre"), and the
//! small words a query can leave out ("of", "the", "and", …).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Words a query may leave out or add: "Ministry of Science" and "ministry science" mean the
/// same actor.
const STOP_WORDS: [&str; 22] = [
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "du", "for", "from", "in", "into", "la", "le", "of", "on",
    "or", "the", "to", "with",
];

/// British spellings that no suffix rule covers, with their American form.
const IRREGULAR: [(&str, &str); 58] = [
    ("acknowledgement", "acknowledgment"),
    ("aeroplane", "airplane"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("anaemia", "anemia"),
    ("anaesthesia", "anesthesia"),
    ("anaesthetic", "anesthetic"),
    ("anaesthetics", "anesthetics"),
    ("archaeology", "archeology"),
    ("calibre", "caliber"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("counselling", "counseling"),
    ("counsellor", "counselor"),
    ("counsellors", "counselors"),
    ("defence", "defense"),
    ("diarrhoea", "diarrhea"),
    ("encyclopaedia", "encyclopedia"),
    ("enrolment", "enrollment"),
    ("fibre", "fiber"),
    ("foetal", "fetal"),
    ("foetus", "fetus"),
    ("fuelled", "fueled"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
    ("gynaecology", "gynecology"),
    ("haematology", "hematology"),
    ("haemophilia", "hemophilia"),
    ("instalment", "installment"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("leukaemia", "leukemia"),
    ("licence", "license"),
    ("manoeuvre", "maneuver"),
    ("modelled", "modeled"),
    ("modelling", "modeling"),
    ("mould", "mold"),
    ("oedema", "edema"),
    ("oesophagus", "esophagus"),
    ("odour", "odor"),
    ("odours", "odors"),
    ("oestrogen", "estrogen"),
    ("offence", "offense"),
    ("orthopaedic", "orthopedic"),
    ("orthopaedics", "orthopedics"),
    ("paediatric", "pediatric"),
    ("paediatrics", "pediatrics"),
    ("paediatrician", "pediatrician"),
    ("plough", "plow"),
    ("pretence", "pretense"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("signalling", "signaling"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("tyre", "tire"),
];

/// Endings written differently (British, American), with the shortest stem each applies to, so
/// "four", "hour" or "rogue" stay as they are. Both the query and the text go through the same
/// rules, so a word changed that has no American form still matches itself.
const ENDINGS: [(&str, &str, usize); 23] = [
    ("isations", "izations", 3),
    ("isation", "ization", 3),
    ("ising", "izing", 4),
    ("ised", "ized", 4),
    ("ises", "izes", 4),
    ("iser", "izer", 4),
    ("isers", "izers", 4),
    ("ise", "ize", 4),
    ("ysing", "yzing", 3),
    ("ysed", "yzed", 3),
    ("yse", "yze", 3),
    ("tres", "ters", 2),
    ("tre", "ter", 2),
    ("ourites", "orites", 3),
    ("ourite", "orite", 3),
    ("ouring", "oring", 3),
    ("oured", "ored", 3),
    ("ours", "ors", 3),
    ("our", "or", 3),
    ("ogues", "ogs", 3),
    ("ogue", "og", 3),
    ("ammes", "ams", 3),
    ("amme", "am", 3),
];

/// Whether `word` (as [`words`] gives it) is one a query may leave out.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// The words of `text` as search compares them: split at anything that is not a letter or digit,
/// lower case, accents dropped, British endings and spellings made American. O(text length).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| american(&fold(w)).into_owned())
}

/// Lower case without accents ("Zürich" → "zurich").
fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The American spelling of a lower-case word, or the word itself.
fn american(word: &str) -> Cow<'_, str> {
    if let Some((_, us)) = IRREGULAR.iter().find(|(uk, _)| *uk == word) {
        return Cow::Borrowed(us);
    }
    for (uk, us, stem) in ENDINGS {
        if let Some(rest) = word.strip_suffix(uk)
            && rest.len() >= stem
            && rest.is_ascii()
        {
            return Cow::Owned(format!("{rest}{us}"));
        }
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        words(text).collect()
    }

    #[test]
    fn british_and_american_spellings_become_one() {
        for (uk, us) in [
            ("Organisation", "Organization"),
            ("centre", "center"),
            ("Centres", "centers"),
            ("programme", "program"),
            ("colour", "color"),
            ("labour", "labor"),
            ("analyse", "analyze"),
            ("catalogue", "catalog"),
            ("defence", "defense"),
            ("paediatrics", "pediatrics"),
            ("organised", "organized"),
            ("metre", "meter"),
            ("odour", "odor"),
        ] {
            assert_eq!(all(uk), all(us), "{uk} / {us}");
        }
        // Short words that only look like British endings stay apart.
        for word in ["four", "hour", "your", "rogue", "rise"] {
            assert_eq!(all(word), [word]);
        }
    }

    #[test]
    fn words_split_at_punctuation_and_lose_case_and_accents() {
        assert_eq!(all("Zürich's  China.org.cn (2019-nCoV)"), ["zurich", "s", "china", "org", "cn", "2019", "ncov"]);
        assert_eq!(all("北京大学"), ["北京大学"]);
        assert!(is_stop_word("of") && is_stop_word("the") && !is_stop_word("ministry"));
    }
}
