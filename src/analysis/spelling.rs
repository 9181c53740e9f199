//! Words as search compares them: lower case, accents dropped, British spellings written the
//! American way (so "organisation" finds "Organization" and "center" finds "Centre"), and the
//! small words a query can leave out ("of", "the", "and", …).

use unicode_normalization::UnicodeNormalization;

/// Words a query may leave out or add: "Ministry of Science" and "ministry science" mean the
/// same actor.
const STOP_WORDS: [&str; 22] = [
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "du", "for", "from", "in", "into", "la", "le", "of", "on",
    "or", "the", "to", "with",
];

/// British spellings that no suffix rule covers, with their American form; sorted, for a binary
/// search.
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
    ("odour", "odor"),
    ("odours", "odors"),
    ("oedema", "edema"),
    ("oesophagus", "esophagus"),
    ("oestrogen", "estrogen"),
    ("offence", "offense"),
    ("orthopaedic", "orthopedic"),
    ("orthopaedics", "orthopedics"),
    ("paediatric", "pediatric"),
    ("paediatrician", "pediatrician"),
    ("paediatrics", "pediatrics"),
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
pub fn words(text: &str) -> Vec<String> {
    let mut out = String::new();
    let mut ends = Vec::new();
    push_words(text, &mut out, &mut ends);
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let word = out.get(start..end as usize).unwrap_or_default().to_owned();
            start = end as usize;
            word
        })
        .collect()
}

/// As [`words`], appending the words to `out` one after the other and the end of each (a byte
/// offset in `out`) to `ends`: no allocation per word, for indexing many texts.
pub fn push_words(text: &str, out: &mut String, ends: &mut Vec<u32>) {
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let start = out.len();
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.extend(
                word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase),
            );
        }
        if let Some(us) = out.get(start..).and_then(american) {
            out.truncate(start);
            out.push_str(&us);
        }
        ends.push(out.len() as u32);
    }
}

/// The American spelling of a lower-case British word, or `None` when it is the same.
fn american(word: &str) -> Option<String> {
    if let Ok(k) = IRREGULAR.binary_search_by(|(uk, _)| (*uk).cmp(word)) {
        return IRREGULAR.get(k).map(|(_, us)| (*us).to_owned());
    }
    ENDINGS.iter().find_map(|(uk, us, stem)| {
        let rest = word.strip_suffix(uk)?;
        (rest.len() >= *stem && rest.is_ascii()).then(|| format!("{rest}{us}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        words(text)
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
    fn the_irregular_spellings_are_sorted_for_the_binary_search() {
        assert!(IRREGULAR.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn words_split_at_punctuation_and_lose_case_and_accents() {
        assert_eq!(all("Zürich's  China.org.cn (2019-nCoV)"), ["zurich", "s", "china", "org", "cn", "2019", "ncov"]);
        assert_eq!(all("北京大学"), ["北京大学"]);
        assert!(is_stop_word("of") && is_stop_word("the") && !is_stop_word("ministry"));
    }
}
