//! Calendar days: the value type the whole model counts in, and its arithmetic.
//!
//! Everything in the model works in whole days: a stall is measured in days. `Day` counts days
//! since 1970-01-01 (UTC civil calendar); its storage and JSON form is ISO (`2026-03-12`).
//! "Now" is always passed in; nothing here reads a clock. Reading the dates CRM pages display is
//! `core::date`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A civil day, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(pub i32);

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Day {
    /// Builds a day from a calendar date; `None` when the date does not exist.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = m as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// The day of the week: Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The calendar date of this day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    /// The day containing a Unix timestamp in milliseconds (UTC).
    pub fn from_unix_ms(ms: f64) -> Day {
        Day((ms / 86_400_000.0).floor() as i32)
    }

    pub fn plus(self, days: i32) -> Day {
        Day(self.0 + days)
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    pub fn days_since(self, earlier: Day) -> i32 {
        self.0 - earlier.0
    }

    /// ISO form, `2026-03-12`: the storage and JSON format.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Short human form for reasons and messages: `12 Mar`, with the year when it differs from
    /// `now`'s year.
    pub fn short(self, now: Day) -> String {
        let (y, m, d) = self.ymd();
        let name = MONTH_NAMES[(m - 1) as usize];
        if y == now.ymd().0 {
            format!("{d} {name}")
        } else {
            format!("{d} {name} {y}")
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.iso()
    }
}

impl TryFrom<String> for Day {
    type Error = String;
    fn try_from(s: String) -> Result<Day, String> {
        parse_iso(&s).ok_or_else(|| format!("not a date in YYYY-MM-DD form: {s:?}"))
    }
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `2026-03-12`, optionally followed by a time (`T…` or a space), which is ignored.
pub fn parse_iso(s: &str) -> Option<Day> {
    let s = s.trim();
    let date = s.split(['T', ' ']).next()?;
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Day::from_ymd(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Day {
        Day::from_ymd(y, m, dd).unwrap()
    }

    #[test]
    fn civil_round_trip() {
        assert_eq!(d(1970, 1, 1), Day(0));
        for n in [-800_000, -1, 0, 59, 60, 11_016, 20_000, 30_000, 2_000_000] {
            let (y, m, dd) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, dd), Some(Day(n)), "day {n}");
        }
        assert_eq!(d(2024, 2, 29).plus(1), d(2024, 3, 1));
        assert!(Day::from_ymd(2023, 2, 29).is_none());
    }

    #[test]
    fn short_form_shows_year_only_when_needed() {
        let now = d(2026, 3, 20);
        assert_eq!(d(2026, 3, 12).short(now), "12 Mar");
        assert_eq!(d(2025, 12, 1).short(now), "1 Dec 2025");
    }
}
