//! Datelines: the place, date and agency news copy puts before its first sentence
//! ("NAIROBI, May 12, 2021 --", "KAMPALA, Aug. 11 (Xinhua) --", "NASHVILLE, Tenn., Nov. 17
//! /PRNewswire/ --", "WASHINGTON —", "Geneva/Ankara (6 February 2023) -"). A dateline names no
//! actor: its date is the article's date, its agency the publisher.

use std::ops::Range;

use super::text::{TokenKind, tokenize};
use crate::model::PartialDate;

/// A dateline found at the start of the article's first paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Byte range in the text, the dash after it included.
    pub range: Range<usize>,
    /// The place as written ("NAIROBI").
    pub place: String,
    /// The words before the dash, as written.
    pub head: String,
    /// The news agency in brackets or slashes ("Xinhua", "PRNewswire-FirstCall").
    pub agency: Option<String>,
}

/// Dashes and colons that end a dateline, with the spaces around them.
const ENDS: &[&str] = &[" -- ", " — ", " – ", " - ", "—", " --", ": "];

impl Dateline {
    /// The date it states, the year from `year` when it states none ("Aug. 11").
    pub fn date(&self, year: Option<i32>) -> Option<PartialDate> {
        super::dates::first_date(&tokenize(&self.head), year)
    }
}

/// The dateline of `text`, after its title line when it has one. Cost: reads the first 160
/// bytes of the first paragraph.
pub fn find(text: &str, has_title: bool) -> Option<Dateline> {
    let mut offset = 0;
    let mut lines_seen = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            continue;
        }
        lines_seen += 1;
        if has_title && lines_seen == 1 {
            continue;
        }
        let lead = line.len() - trimmed.len();
        return parse(trimmed).map(|mut d| {
            d.range = start + lead + d.range.start..start + lead + d.range.end;
            d
        });
    }
    None
}

/// A dateline at the start of `line`.
fn parse(line: &str) -> Option<Dateline> {
    let window = line.get(..line.len().min(160)).unwrap_or(line);
    // The first dash, with all the spaces after it.
    let (cut, end) = ENDS
        .iter()
        .filter_map(|sep| window.find(sep).map(|at| (at, std::cmp::Reverse(at + sep.len()))))
        .min()
        .map(|(at, std::cmp::Reverse(end))| (at, end))?;
    let head = window.get(..cut)?.trim();
    // The rest must read as a sentence.
    let rest = line.get(end..)?.trim_start();
    if head.is_empty() || !rest.chars().next().is_some_and(|c| c.is_uppercase() || c == '"' || c == '“') {
        return None;
    }
    let tokens = tokenize(head);
    let words: Vec<&str> = (0..tokens.tokens.len())
        .filter(|&k| tokens.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
        .map(|k| tokens.word(k))
        .collect();
    let first = *words.first()?;
    if tokens.tokens.len() > 16 || !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // Every word is capitalised (a place, a month, an agency) or a small abbreviation.
    let all_capitalised = words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    let shouting = first.len() >= 3 && first.chars().all(|c| !c.is_lowercase());
    let date = super::dates::first_date(&tokens, Some(2000));
    let colon = window.get(cut..end).is_some_and(|s| s.trim() == ":");
    // "Hyderabad:" is a dateline; "Ratier added:" is not.
    if !all_capitalised || colon && (words.len() > 3 || date.is_some()) {
        return None;
    }
    if !shouting && date.is_none() && !head.contains('(') && !head.contains('/') && !colon {
        return None;
    }
    let agency = bracketed(head).filter(|a| super::dates::first_date(&tokenize(a), Some(2000)).is_none());
    let place_end = head.find([',', '(', '/']).unwrap_or(head.len());
    Some(Dateline {
        range: 0..end,
        place: head.get(..place_end).unwrap_or(head).trim().to_owned(),
        head: head.to_owned(),
        agency,
    })
}

/// The text inside "(…)" or "/…/".
fn bracketed(head: &str) -> Option<String> {
    let inside = |open: char, close: char| {
        let a = head.find(open)?;
        let b = head.get(a + 1..)?.find(close)? + a + 1;
        let text = head.get(a + 1..b)?.trim();
        (!text.is_empty()).then(|| text.to_owned())
    };
    inside('(', ')').or_else(|| inside('/', '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        let d = find(text, true)?;
        let rest = text.get(d.range.end..).unwrap_or("").chars().take(5).collect();
        Some((d.place.clone(), d.date(Some(2021)).map(|d| d.to_string()), d.agency, rest))
    }

    #[test]
    fn datelines_in_the_forms_wires_use() {
        let d = line("Title here\n\nNAIROBI, May 12, 2021 -- The ministry said.").unwrap();
        assert_eq!(d, ("NAIROBI".into(), Some("2021-05-12".into()), None, "The m".into()));
        let d = line("Title here\n\nKAMPALA, Aug. 11 (Xinhua) -- China donated.").unwrap();
        assert_eq!(d, ("KAMPALA".into(), Some("2021-08-11".into()), Some("Xinhua".into()), "China".into()));
        let d = line("T t\n\nNASHVILLE, Tenn., Nov. 17 /PRNewswire-FirstCall/ -- HCA today").unwrap();
        assert_eq!(d.2.as_deref(), Some("PRNewswire-FirstCall"));
        assert_eq!(d.1.as_deref(), Some("2021-11-17"));
        let d = line("T t\n\nWASHINGTON — The U.S. National Oceanic").unwrap();
        assert_eq!((d.0.as_str(), d.1, d.3.as_str()), ("WASHINGTON", None, "The U"));
        let d = line("T t\n\nMANDEVILLE, Manchester - The Rotary Club").unwrap();
        assert_eq!(d.0, "MANDEVILLE");
    }

    #[test]
    fn sentences_are_no_datelines() {
        assert_eq!(line("Title here\n\nThe ministry said on Monday -- in a statement -- that"), None);
        assert_eq!(line("Title here\n\nRatier added: \"The partnership\""), None);
        assert_eq!(line("Title here\n\nChina donated 50 ventilators to Kenya - the embassy said."), None);
        // Without a title the first paragraph is read.
        assert!(find("LAGOS, March 3 -- The bank approved a loan.", false).is_some());
    }
}
