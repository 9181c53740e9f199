//! Calendar dates of known precision (a year, a month or a day) and date ranges.
//!
//! Sources often give only "March 2020"; a [`PartialDate`] keeps that precision instead of
//! inventing a day. Written in files as ISO 8601: `2020`, `2020-03`, `2020-03-15`, and ranges as
//! `2020-03-15/2020-03-22`.

use std::fmt;
use std::str::FromStr;

/// A date known to the year, the month or the day.
///
/// Ordering compares the earliest day each date can mean, so `2020-03` sorts before
/// `2020-03-15`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("`{0}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Malformed(String),
    /// The month is outside 1–12.
    #[error("month {0} is not between 1 and 12")]
    Month(u32),
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year}-{month:02}")]
    Day {
        /// The year given.
        year: i32,
        /// The month given.
        month: u8,
        /// The day that does not exist.
        day: u32,
    },
    /// A range ends before it starts.
    #[error("the range ends ({end}) before it starts ({start})")]
    Reversed {
        /// First date of the range.
        start: PartialDate,
        /// Last date of the range.
        end: PartialDate,
    },
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Self {
        Self { year, month: None, day: None }
    }

    /// A date known to the month.
    ///
    /// # Errors
    /// [`DateError::Month`] if `month` is not 1–12.
    pub fn year_month(year: i32, month: u32) -> Result<Self, DateError> {
        let month = valid_month(month)?;
        Ok(Self { year, month: Some(month), day: None })
    }

    /// A date known to the day.
    ///
    /// # Errors
    /// [`DateError::Month`] or [`DateError::Day`] if the day does not exist.
    pub fn ymd(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let month = valid_month(month)?;
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day { year, month, day });
        }
        Ok(Self { year, month: Some(month), day: Some(day as u8) })
    }

    /// The year.
    pub fn year_number(self) -> i32 {
        self.year
    }

    /// The month (1–12) if known.
    pub fn month(self) -> Option<u8> {
        self.month
    }

    /// The day of the month if known.
    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// Days since 0000-03-01 of the first day this date can mean; a total order usable on a
    /// timeline axis.
    pub fn first_day_number(self) -> i64 {
        day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 0000-03-01 of the last day this date can mean.
    pub fn last_day_number(self) -> i64 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month) as u8);
        day_number(self.year, month, day)
    }
}

fn valid_month(month: u32) -> Result<u8, DateError> {
    if (1..=12).contains(&month) { Ok(month as u8) } else { Err(DateError::Month(month)) }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from the civil calendar, Howard Hinnant's algorithm shifted to start in March.
fn day_number(year: i32, month: u8, day: u8) -> i64 {
    let (y, m) = if month <= 2 { (year as i64 - 1, month as i64 + 9) } else { (year as i64, month as i64 - 3) };
    365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + (153 * m + 2) / 5 + day as i64 - 1
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let malformed = || DateError::Malformed(text.to_owned());
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |part: &str, width: usize| -> Result<u32, DateError> {
            if part.len() == width && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| malformed())
            } else {
                Err(malformed())
            }
        };
        match parts.as_slice() {
            [y] => Ok(Self::year(number(y, 4)? as i32)),
            [y, m] => Self::year_month(number(y, 4)? as i32, number(m, 2)?),
            [y, m, d] => Self::ymd(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?),
            _ => Err(malformed()),
        }
    }
}

/// When a cooperation happened: one date, or a range from `start` to `end` inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateSpan {
    start: PartialDate,
    end: Option<PartialDate>,
}

impl DateSpan {
    /// A single date.
    pub fn on(date: PartialDate) -> Self {
        Self { start: date, end: None }
    }

    /// A range from `start` to `end`, both included.
    ///
    /// # Errors
    /// [`DateError::Reversed`] if `end` is before `start`.
    pub fn between(start: PartialDate, end: PartialDate) -> Result<Self, DateError> {
        if end.last_day_number() < start.first_day_number() {
            return Err(DateError::Reversed { start, end });
        }
        Ok(Self { start, end: Some(end) })
    }

    /// The first (or only) date.
    pub fn start(self) -> PartialDate {
        self.start
    }

    /// The last date of a range, or the only date.
    pub fn end(self) -> PartialDate {
        self.end.unwrap_or(self.start)
    }

    /// Whether this is a range rather than one date.
    pub fn is_range(self) -> bool {
        self.end.is_some()
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{}/{}", self.start, end),
            None => write!(f, "{}", self.start),
        }
    }
}

impl FromStr for DateSpan {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        match text.split_once('/') {
            Some((start, end)) => Self::between(start.parse()?, end.parse()?),
            None => Ok(Self::on(text.parse()?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for text in ["2020", "2020-03", "2020-03-15", "2020-03-15/2020-03-22", "2020-02/2020-03"] {
            let span: DateSpan = text.parse().unwrap();
            assert_eq!(span.to_string(), text);
        }
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert_eq!("2021-02-29".parse::<PartialDate>(), Err(DateError::Day { year: 2021, month: 2, day: 29 }));
        assert!("2020-02-29".parse::<PartialDate>().is_ok());
        assert_eq!("2020-13".parse::<PartialDate>(), Err(DateError::Month(13)));
        assert!(matches!("March 2020".parse::<PartialDate>(), Err(DateError::Malformed(_))));
        assert!(matches!("2020-3-5".parse::<PartialDate>(), Err(DateError::Malformed(_))));
    }

    #[test]
    fn rejects_reversed_ranges() {
        assert!(matches!("2020-03-22/2020-03-15".parse::<DateSpan>(), Err(DateError::Reversed { .. })));
    }

    #[test]
    fn day_numbers_are_consecutive_across_months_and_years() {
        let feb29 = PartialDate::ymd(2020, 2, 29).unwrap().first_day_number();
        let mar1 = PartialDate::ymd(2020, 3, 1).unwrap().first_day_number();
        assert_eq!(mar1 - feb29, 1);
        let dec31 = PartialDate::ymd(2019, 12, 31).unwrap().first_day_number();
        let jan1 = PartialDate::ymd(2020, 1, 1).unwrap().first_day_number();
        assert_eq!(jan1 - dec31, 1);
        let march = PartialDate::year_month(2020, 3).unwrap();
        assert_eq!(march.last_day_number() - march.first_day_number(), 30);
    }
}
