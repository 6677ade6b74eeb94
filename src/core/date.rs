//! Calendar days and the lenient date parsing CRM pages need.
//!
//! Everything in the model works in whole days: a stall is measured in days, and CRM pages show
//! dates in the user's locale with or without a time. `Day` counts days since 1970-01-01 (UTC
//! civil calendar). "Now" is always passed in; nothing here reads a clock.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A civil day, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(pub i32);

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
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

fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// How to read an all-numeric date whose first two numbers could be either day or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NumericOrder {
    /// `3/12/2026` is 12 March (en_US, the Salesforce and HubSpot default).
    #[default]
    MonthFirst,
    /// `12/03/2026` is 12 March (en_GB and most of Europe).
    DayFirst,
}

/// Parses a date as CRM pages display it, leniently, relative to `now` for forms that omit the
/// year or say "Today"/"Yesterday". Any time of day is ignored.
///
/// Understood: ISO `2026-03-12`; numeric `3/12/2026`, `12.03.2026`, `3/12/26` (order from
/// `order`, unless one number is over 12); `March 12, 2026`, `Mar 12`, `12 Mar 2026`;
/// `Today`, `Yesterday`, `Tomorrow`, each optionally followed by ` at 2:26 PM`.
pub fn parse_display_date(raw: &str, now: Day, order: NumericOrder) -> Option<Day> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    // Cut a trailing time: "…, 9:45 AM", "… at 2:26 PM", "… 14:05".
    let lower = s.to_ascii_lowercase();
    let date_part = match lower.find(" at ") {
        Some(i) => &s[..i],
        None => s,
    };
    let date_part = strip_time(date_part);
    let dl = date_part.to_ascii_lowercase();
    match dl.as_str() {
        "today" => return Some(now),
        "yesterday" => return Some(now.plus(-1)),
        "tomorrow" => return Some(now.plus(1)),
        _ => {}
    }
    if let Some(d) = parse_iso(date_part) {
        return Some(d);
    }
    parse_numeric(date_part, order).or_else(|| parse_named(date_part, now))
}

/// Removes a trailing clock time such as `, 9:45 AM` or ` 14:05`.
fn strip_time(s: &str) -> &str {
    let mut t = s.trim_end();
    let lower = t.to_ascii_lowercase();
    if lower.ends_with(" am") || lower.ends_with(" pm") {
        t = t[..t.len() - 3].trim_end();
    } else if (lower.ends_with("am") || lower.ends_with("pm"))
        && t[..t.len() - 2].ends_with(|c: char| c.is_ascii_digit())
    {
        t = &t[..t.len() - 2];
    }
    let cut = t.rfind([' ', ',']).map_or(0, |i| i + 1);
    if t[cut..].contains(':') {
        t[..cut].trim_end_matches([',', ' '])
    } else {
        t
    }
}

fn parse_numeric(s: &str, order: NumericOrder) -> Option<Day> {
    let nums: Vec<&str> = s.split(['/', '.', '-']).map(str::trim).collect();
    if nums.len() != 3 || nums.iter().any(|n| n.is_empty()) {
        return None;
    }
    let a: u32 = nums[0].parse().ok()?;
    let b: u32 = nums[1].parse().ok()?;
    let mut y: i32 = nums[2].parse().ok()?;
    if nums[2].len() == 2 {
        y += 2000;
    }
    // Dotted dates (12.03.2026) are day first wherever they are written (de, fr, nl, ru…).
    let order = if s.contains('.') {
        NumericOrder::DayFirst
    } else {
        order
    };
    let (m, d) = if a > 12 {
        (b, a)
    } else if b > 12 {
        (a, b)
    } else {
        match order {
            NumericOrder::MonthFirst => (a, b),
            NumericOrder::DayFirst => (b, a),
        }
    };
    Day::from_ymd(y, m, d)
}

/// `March 12, 2026`, `Mar 12`, `12 Mar 2026`, `Thu, Mar 12`.
fn parse_named(s: &str, now: Day) -> Option<Day> {
    let words: Vec<&str> = s
        .split([' ', ','])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for w in words {
        if let Ok(n) = w
            .trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r'])
            .parse::<u32>()
        {
            if n > 31 {
                year = Some(n as i32);
            } else if day.is_none() {
                day = Some(n);
            } else {
                return None;
            }
        } else if let Some(m) = month_from_name(w) {
            if month.is_some() {
                // A weekday name like "Mon" does not match a month, but "Mar" twice is garbage.
                return None;
            }
            month = Some(m);
        } else if is_weekday(w) {
            continue;
        } else {
            return None;
        }
    }
    let (m, d) = (month?, day?);
    match year {
        Some(y) => Day::from_ymd(y, m, d),
        None => {
            // No year: the page means the most recent such date not far in the future
            // (timelines show past activity; allow a week ahead for scheduled items).
            let (ny, _, _) = now.ymd();
            let this_year = Day::from_ymd(ny, m, d)?;
            if this_year.days_since(now) > 7 {
                Day::from_ymd(ny - 1, m, d)
            } else {
                Some(this_year)
            }
        }
    }
}

fn is_weekday(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| w.starts_with(d))
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
    fn parses_the_forms_crm_pages_show() {
        let now = d(2026, 3, 20);
        let us = NumericOrder::MonthFirst;
        assert_eq!(
            parse_display_date("3/12/2026", now, us),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            parse_display_date("3/12/2026, 9:45 AM", now, us),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            parse_display_date("2026-03-12", now, us),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            parse_display_date("March 12, 2026", now, us),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            parse_display_date("12 Mar 2026", now, us),
            Some(d(2026, 3, 12))
        );
        assert_eq!(parse_display_date("Today at 2:26 PM", now, us), Some(now));
        assert_eq!(
            parse_display_date("Yesterday at 9:10 AM", now, us),
            Some(now.plus(-1))
        );
        assert_eq!(
            parse_display_date("Mar 12 at 9:45 AM", now, us),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            parse_display_date("Dec 30 at 9:45 AM", now, us),
            Some(d(2025, 12, 30)),
            "a yearless date far ahead of now means last year"
        );
        assert_eq!(
            parse_display_date("Mar 12, 2025 at 9:45 AM", now, us),
            Some(d(2025, 3, 12))
        );
        assert_eq!(
            parse_display_date("12/03/2026", now, NumericOrder::DayFirst),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            parse_display_date("25/03/2026", now, us),
            Some(d(2026, 3, 25)),
            "a first number over 12 can only be a day"
        );
        assert_eq!(
            parse_display_date("14.03.2026", now, us),
            Some(d(2026, 3, 14))
        );
    }

    #[test]
    fn rejects_garbage_without_guessing() {
        let now = d(2026, 3, 20);
        for bad in [
            "",
            "--",
            "#Error!",
            "13/13/2026",
            "Mar Mar 12",
            "soon",
            "2/30/2026",
            "12:30",
        ] {
            assert_eq!(
                parse_display_date(bad, now, NumericOrder::MonthFirst),
                None,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn short_form_shows_year_only_when_needed() {
        let now = d(2026, 3, 20);
        assert_eq!(d(2026, 3, 12).short(now), "12 Mar");
        assert_eq!(d(2025, 12, 1).short(now), "1 Dec 2025");
    }
}
