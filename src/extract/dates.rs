//! Dates in running text: "March 22, 2020", "22 March 2020", "on March 15" (the year from the
//! source's date or the text), "on Sunday" (the last Sunday on or before the source's date),
//! "in March 2020", "2020-03-15", "Aug. 11", "yesterday" and "today" (against the source's date).

use super::text::{TokenKind, Tokenized};
use crate::model::PartialDate;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const SHORT_MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether a lower-case word is a month's full name.
pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word)
}

/// Whether a lower-case word is a day of the week.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

fn month_of(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| SHORT_MONTHS.iter().position(|m| *m == lower))
        .map(|i| i as u32 + 1)
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A date found in text, with how much of it the text stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Full(PartialDate),
    MonthDay(u32, u32),
    Month(u32),
    Weekday(usize),
    /// "today" (0), "yesterday" (1): days before the source's date.
    DaysBefore(u32),
}

/// The dates of one sentence, in order, read from tokens `range`.
fn scan(text: &Tokenized<'_>, range: std::ops::Range<usize>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let w = text.word(i);
        if let Some(month) = month_of(w) {
            // "March 22, 2020" / "March 22" / "March 2020" / "in March".
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital
                || (w.eq_ignore_ascii_case("may")
                    && day_of(text.word(i + 1)).is_none()
                    && year_of(text.word(i + 1)).is_none())
            {
                i += 1;
                continue;
            }
            // "Aug. 11": the abbreviation's full stop is its own token.
            if text.word(i + 1) == "." && w.len() <= 4 {
                i += 1;
            }
            if let Some(day) = day_of(text.word(i + 1)) {
                let year_at = if text.word(i + 2) == "," { i + 3 } else { i + 2 };
                if let Some(year) = year_of(text.word(year_at)) {
                    if let Ok(date) = PartialDate::ymd(year, month, day) {
                        found.push(Found::Full(date));
                    }
                    i = year_at + 1;
                } else {
                    found.push(Found::MonthDay(month, day));
                    i += 2;
                }
                continue;
            }
            if let Some(year) = year_of(text.word(i + 1)) {
                if let Ok(date) = PartialDate::year_month(year, month) {
                    found.push(Found::Full(date));
                }
                i += 2;
                continue;
            }
            if matches!(text.word(i.saturating_sub(1)).to_lowercase().as_str(), "in" | "since" | "until" | "by") {
                found.push(Found::Month(month));
            }
            i += 1;
            continue;
        }
        // "22 March 2020"
        if let Some(day) = day_of(w)
            && text.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number || w.ends_with("th") || w.ends_with("st"))
            && let Some(month) = month_of(text.word(i + 1))
        {
            if let Some(year) = year_of(text.word(i + 2)) {
                if let Ok(date) = PartialDate::ymd(year, month, day) {
                    found.push(Found::Full(date));
                }
                i += 3;
            } else {
                found.push(Found::MonthDay(month, day));
                i += 2;
            }
            continue;
        }
        // "2020-03-15" comes as one word token.
        if w.len() == 10
            && let Ok(date) = w.parse::<PartialDate>()
        {
            found.push(Found::Full(date));
        }
        if w.eq_ignore_ascii_case("yesterday") {
            found.push(Found::DaysBefore(1));
        } else if w.eq_ignore_ascii_case("today") {
            found.push(Found::DaysBefore(0));
        }
        if let Some(d) = WEEKDAYS.iter().position(|d| w.eq_ignore_ascii_case(d))
            && matches!(text.word(i.saturating_sub(1)).to_lowercase().as_str(), "on" | "last" | "this")
        {
            found.push(Found::Weekday(d));
        }
        i += 1;
    }
    found
}

/// The year dates without one belong to: the source's, or else the latest year the text states
/// in a date.
pub fn reference_year(text: &Tokenized<'_>, source_date: Option<PartialDate>) -> Option<i32> {
    if let Some(date) = source_date {
        return Some(date.year_number());
    }
    scan(text, 0..text.tokens.len())
        .into_iter()
        .filter_map(|f| match f {
            Found::Full(date) => Some(date.year_number()),
            _ => None,
        })
        .max()
}

fn weekday(date: PartialDate) -> Option<usize> {
    let monday_2000_03_06 = PartialDate::ymd(2000, 3, 6).ok()?.first_day_number();
    date.day()?;
    Some((date.first_day_number() - monday_2000_03_06).rem_euclid(7) as usize)
}

fn day_before(date: PartialDate) -> Option<PartialDate> {
    let (y, m, d) = (date.year_number(), u32::from(date.month()?), u32::from(date.day()?));
    if d > 1 {
        return PartialDate::ymd(y, m, d - 1).ok();
    }
    let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    (28..=31).rev().find_map(|d| PartialDate::ymd(y, m, d).ok())
}

/// The first date a sentence gives, resolved against the reference year and the source's date.
pub fn sentence_date(
    text: &Tokenized<'_>,
    range: std::ops::Range<usize>,
    year: Option<i32>,
    source_date: Option<PartialDate>,
) -> Option<PartialDate> {
    scan(text, range).into_iter().find_map(|found| match found {
        Found::Full(date) => Some(date),
        Found::MonthDay(month, day) => PartialDate::ymd(year?, month, day).ok(),
        Found::Month(month) => PartialDate::year_month(year?, month).ok(),
        Found::Weekday(wanted) => {
            let mut date = source_date.filter(|d| d.day().is_some())?;
            for _ in 0..7 {
                if weekday(date)? == wanted {
                    return Some(date);
                }
                date = day_before(date)?;
            }
            None
        }
        Found::DaysBefore(n) => {
            let mut date = source_date.filter(|d| d.day().is_some())?;
            for _ in 0..n {
                date = day_before(date)?;
            }
            Some(date)
        }
    })
}

/// The first date that `text` states with at least a month and a day, the year from `year`
/// when it gives none ("Aug. 11"): what a dateline says.
pub fn first_date(text: &Tokenized<'_>, year: Option<i32>) -> Option<PartialDate> {
    scan(text, 0..text.tokens.len()).into_iter().find_map(|found| match found {
        Found::Full(date) if date.day().is_some() => Some(date),
        Found::MonthDay(month, day) => PartialDate::ymd(year?, month, day).ok(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn date(text: &str, year: Option<i32>, source: Option<&str>) -> Option<String> {
        let t = tokenize(text);
        let source = source.and_then(|s| s.parse().ok());
        sentence_date(&t, 0..t.tokens.len(), year, source).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_the_forms_news_uses() {
        assert_eq!(date("in Wuhan, March 22, 2020.", None, None).as_deref(), Some("2020-03-22"));
        assert_eq!(date("announced on March 15 that", Some(2020), None).as_deref(), Some("2020-03-15"));
        assert_eq!(date("announced on March 15 that", None, None), None);
        assert_eq!(date("on 3 April 2021 the", None, None).as_deref(), Some("2021-04-03"));
        assert_eq!(date("arrived in March 2020", None, None).as_deref(), Some("2020-03"));
        // 2020-03-25 was a Wednesday; the Sunday before it was the 22nd.
        assert_eq!(date("landed on Sunday", None, Some("2020-03-25")).as_deref(), Some("2020-03-22"));
        assert_eq!(date("You may go", Some(2020), None), None);
        assert_eq!(date("KAMPALA, Aug. 11 (Xinhua)", Some(2018), None).as_deref(), Some("2018-08-11"));
        assert_eq!(date("signed the deal yesterday", None, Some("2021-03-01")).as_deref(), Some("2021-02-28"));
        assert_eq!(date("announced today that", None, Some("2021-03-01")).as_deref(), Some("2021-03-01"));
    }
}
