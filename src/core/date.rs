//! The lenient date parsing CRM pages need: dates as pages display them, in the user's locale
//! and eight languages (`date_words`), with or without a time. The calendar day they read to is
//! `Day` (`core::day`, re-exported here). "Now" is always passed in; nothing here reads a clock.

pub use super::day::{days_in_month, parse_iso, Day};

use super::date_words;
use serde::{Deserialize, Serialize};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

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

// ---------------------------------------------------------------------------------------------
// Reading dates in the page's language, without guessing the numeric order.

/// Whether a date is expected in the past (a timeline item already done) or may be ahead
/// (an upcoming/overdue item, a close date). Decides which year a yearless date gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Past,
    Any,
}

/// What one displayed date says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRead {
    Day(Day),
    /// An all-numeric date whose day/month order is not known and whose two readings are both
    /// valid and different ("05/03/2026" with no order): never pick one.
    Ambiguous {
        month_first: Day,
        day_first: Day,
    },
    Unreadable,
}

impl DateRead {
    /// The day, when the date says exactly one.
    pub fn day(self) -> Option<Day> {
        match self {
            DateRead::Day(d) => Some(d),
            _ => None,
        }
    }
}

/// Reads a date as a CRM page displays it, in any language of `date_words`, relative to `now`
/// for forms without a year ("3 Nov", "Monday", "Yesterday", "2 days ago"). A time of day and
/// a zone after it are ignored.
///
/// `order` is how the page writes all-numeric dates, if known (see `settle_order`). A numeric
/// date that can be read only one way (`25/03/2026`) is read that way whatever `order` says;
/// dotted dates are day first and year-first dates are unambiguous; any other numeric date
/// with no `order` is `Ambiguous`.
pub fn read_display_date(raw: &str, now: Day, order: Option<NumericOrder>, when: When) -> DateRead {
    let Some(shape) = scan(raw) else {
        return DateRead::Unreadable;
    };
    let day = match shape {
        Shape::Offset(n) => Some(now.plus(n)),
        Shape::Date(d) => Some(d),
        Shape::Numeric { a, b, year, dotted } => {
            let month_first = Day::from_ymd(year, a, b);
            let day_first = Day::from_ymd(year, b, a);
            if dotted {
                day_first
            } else {
                match (month_first, day_first, order) {
                    (Some(m), Some(d), _) if m == d => Some(m),
                    (Some(m), None, _) | (Some(m), _, Some(NumericOrder::MonthFirst)) => Some(m),
                    (None, Some(d), _) | (_, Some(d), Some(NumericOrder::DayFirst)) => Some(d),
                    (Some(month_first), Some(day_first), None) => {
                        return DateRead::Ambiguous {
                            month_first,
                            day_first,
                        }
                    }
                    (None, None, _) => None,
                }
            }
        }
        Shape::Yearless {
            month,
            day,
            weekday,
        } => yearless(now, month, day, when).filter(|d| weekday.is_none_or(|w| d.weekday() == w)),
        Shape::Weekday(w) => {
            // Past: the last such day before today; Any: the next one after today.
            let step = if when == When::Past { -1 } else { 1 };
            (1..=7)
                .map(|k| now.plus(step * k))
                .find(|d| d.weekday() == w)
        }
    };
    day.map_or(DateRead::Unreadable, DateRead::Day)
}

/// What a single displayed date proves about the numeric order of its page: a first number
/// over 12 ("25/11/2026") → DayFirst; a second number over 12 ("11/25/2026") → MonthFirst;
/// dotted ("12.03.2026") → DayFirst; year-first, month names, relative words → None.
pub fn order_evidence(raw: &str) -> Option<NumericOrder> {
    let Some(Shape::Numeric { a, b, year, dotted }) = scan(raw) else {
        return None;
    };
    // Only a date that exists in the order it proves counts: "31/02/2026" proves nothing.
    if dotted || (a > 12 && b <= 12) {
        Day::from_ymd(year, b, a).map(|_| NumericOrder::DayFirst)
    } else if b > 12 && a <= 12 {
        Day::from_ymd(year, a, b).map(|_| NumericOrder::MonthFirst)
    } else {
        None
    }
}

/// The order a set of dates shown on one page settles, or None when none settles it or they
/// disagree (then nothing is settled: say so, do not guess).
pub fn settle_order<'a>(samples: impl IntoIterator<Item = &'a str>) -> Option<NumericOrder> {
    settle(samples, order_evidence)
}

/// The one order every sample with evidence agrees on; `None` when none has any or two disagree.
fn settle<'a>(
    samples: impl IntoIterator<Item = &'a str>,
    evidence: fn(&str) -> Option<NumericOrder>,
) -> Option<NumericOrder> {
    let mut settled = None;
    for order in samples.into_iter().filter_map(evidence) {
        match settled {
            None => settled = Some(order),
            Some(o) if o != order => return None,
            Some(_) => {}
        }
    }
    settled
}

/// What a date written with a month name suggests about its page's numeric dates: the day
/// before the month ("12 Mar", "12. März", "3 de marzo") goes with day-first numbers in every
/// locale we read (en-GB, de, fr, es, nl, pt, it), the month first ("Mar 12") with en-US. Both
/// CRMs format named and numeric dates from one locale setting. Weaker than `order_evidence`:
/// used only when no numeric date settles the page.
pub fn named_order_evidence(raw: &str) -> Option<NumericOrder> {
    let tokens = tokenize(raw);
    let date = date_part(&tokens)?;
    let lex = lexicon();
    named(date, lex)?;
    let mut t = date;
    if let Some((n, _)) = weekday_word(t, lex) {
        t = &t[n..];
        if is_punct(t.first(), ',') {
            t = &t[1..];
        }
    }
    Some(if day_number(t).is_some() {
        NumericOrder::DayFirst
    } else {
        NumericOrder::MonthFirst
    })
}

/// `settle_order` for dates written with month names (see `named_order_evidence`).
pub fn settle_named_order<'a>(samples: impl IntoIterator<Item = &'a str>) -> Option<NumericOrder> {
    settle(samples, named_order_evidence)
}

/// The year a yearless date falls in: for `Past` the most recent occurrence at most a week
/// ahead (timelines show past activity; a week allows for scheduled items), for `Any` the
/// occurrence nearest to now (the earlier one on a tie).
fn yearless(now: Day, month: u32, day: u32, when: When) -> Option<Day> {
    let ny = now.ymd().0;
    let candidates = (ny - 1..=ny + 1).filter_map(|y| Day::from_ymd(y, month, day));
    match when {
        When::Past => candidates.filter(|d| d.days_since(now) <= 7).max(),
        When::Any => candidates.min_by_key(|d| d.days_since(now).abs()),
    }
}

/// What the words of a date say, before `now` and the numeric order are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Days from today ("Yesterday", "2 days ago").
    Offset(i32),
    Date(Day),
    /// `a/b/year`, day and month not yet told apart.
    Numeric {
        a: u32,
        b: u32,
        year: i32,
        dotted: bool,
    },
    Yearless {
        month: u32,
        day: u32,
        weekday: Option<u32>,
    },
    Weekday(u32),
}

fn scan(raw: &str) -> Option<Shape> {
    let tokens = tokenize(raw);
    let date = date_part(&tokens)?;
    if date.is_empty() {
        return None;
    }
    let lex = lexicon();
    relative_word(date, lex)
        .or_else(|| ago(date, lex))
        .or_else(|| weekday_alone(date, lex))
        .or_else(|| numeric(date))
        .or_else(|| cjk(date))
        .or_else(|| named(date, lex))
}

// --- Tokens ----------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// Value (saturating) and digit count: the count tells `2026` from `26` and `03` from `3`.
    Num(u32, usize),
    /// Lowercase, accents folded. Each CJK character is a word of its own.
    Word(String),
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    /// Whitespace before it.
    gap: bool,
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn tokenize(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut gap = false;
    // Whether the last token is a Latin word or a number that the next letter/digit extends.
    let mut open_word = false;
    let mut open_num = false;
    for c in s.chars() {
        let c = match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            '\u{FF1A}' => ':',
            '\u{FF0F}' => '/',
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            gap = true;
            open_word = false;
            open_num = false;
            continue;
        }
        // Combining accents (decomposed text): dropping them is folding them.
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        if c.is_ascii_digit() {
            let d = c as u32 - '0' as u32;
            if let (true, Some(Tok::Num(v, len))) = (open_num, out.last_mut().map(|t| &mut t.tok)) {
                *v = v.saturating_mul(10).saturating_add(d);
                *len += 1;
            } else {
                out.push(Token {
                    tok: Tok::Num(d, 1),
                    gap,
                });
            }
            open_num = true;
            open_word = false;
        } else if is_cjk(c) {
            out.push(Token {
                tok: Tok::Word(c.to_string()),
                gap,
            });
            open_word = false;
            open_num = false;
        } else if c.is_alphabetic() {
            if !open_word {
                out.push(Token {
                    tok: Tok::Word(String::new()),
                    gap,
                });
            }
            if let Some(Tok::Word(w)) = out.last_mut().map(|t| &mut t.tok) {
                crate::core::phrases::fold_char(c, w);
            }
            open_word = true;
            open_num = false;
        } else {
            out.push(Token {
                tok: Tok::Punct(c),
                gap,
            });
            open_word = false;
            open_num = false;
        }
        gap = false;
    }
    out
}

fn num(t: Option<&Token>) -> Option<(u32, usize)> {
    match t?.tok {
        Tok::Num(v, len) => Some((v, len)),
        _ => None,
    }
}

fn is_punct(t: Option<&Token>, c: char) -> bool {
    matches!(t, Some(Token { tok: Tok::Punct(p), .. }) if *p == c)
}

fn is_word(t: Option<&Token>, w: &str) -> bool {
    matches!(t, Some(Token { tok: Tok::Word(x), .. }) if x == w)
}

// --- The words, tokenized once ---------------------------------------------------------------

type Phrase = Vec<Tok>;

struct AgoLex {
    forms: Vec<(Phrase, Phrase)>,
    one: Vec<Phrase>,
    few: Vec<Phrase>,
    day_units: Vec<Phrase>,
    same_day_units: Vec<Phrase>,
}

struct Lexicon {
    months: Vec<(Phrase, u32)>,
    /// Without words that are also months ("mar"): those are read as months only.
    weekdays: Vec<(Phrase, u32)>,
    relative: Vec<(Phrase, i32)>,
    ago: Vec<AgoLex>,
    at: Vec<Phrase>,
    fillers: Vec<Phrase>,
    zones: Vec<Phrase>,
}

fn phrase(s: &str) -> Phrase {
    tokenize(s).into_iter().map(|t| t.tok).collect()
}

fn phrases(list: &[&str]) -> Vec<Phrase> {
    list.iter().map(|s| phrase(s)).collect()
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let langs = date_words::LANGUAGES;
        let months: Vec<(Phrase, u32)> = langs
            .iter()
            .flat_map(|l| l.months.iter().zip(1..))
            .flat_map(|(words, m)| words.iter().map(move |w| (phrase(w), m)))
            .collect();
        let weekdays = langs
            .iter()
            .flat_map(|l| l.weekdays.iter().zip(0..))
            .flat_map(|(words, d)| words.iter().map(move |w| (phrase(w), d)))
            .filter(|(p, _)| !months.iter().any(|(m, _)| m == p))
            .collect();
        Lexicon {
            weekdays,
            months,
            relative: langs
                .iter()
                .flat_map(|l| l.relative_days.iter().map(|(w, n)| (phrase(w), *n)))
                .collect(),
            ago: langs
                .iter()
                .map(|l| AgoLex {
                    forms: l.ago.iter().map(|(b, a)| (phrase(b), phrase(a))).collect(),
                    one: phrases(l.one),
                    few: phrases(l.few),
                    day_units: phrases(l.day_units),
                    same_day_units: phrases(l.same_day_units),
                })
                .collect(),
            at: langs.iter().flat_map(|l| phrases(l.at)).collect(),
            fillers: langs.iter().flat_map(|l| phrases(l.fillers)).collect(),
            zones: phrases(date_words::ZONES),
        }
    })
}

/// Whether `tokens` starts with `p` (token by token, ignoring spacing).
fn starts(tokens: &[Token], p: &[Tok]) -> bool {
    !p.is_empty() && tokens.len() >= p.len() && tokens.iter().zip(p).all(|(t, w)| t.tok == *w)
}

fn is(tokens: &[Token], p: &[Tok]) -> bool {
    tokens.len() == p.len() && starts(tokens, p)
}

/// The longest phrase of `list` that `tokens` starts with, and its value.
fn longest<T: Copy>(tokens: &[Token], list: &[(Phrase, T)]) -> Option<(usize, T)> {
    list.iter()
        .filter(|(p, _)| starts(tokens, p))
        .map(|(p, v)| (p.len(), *v))
        .max_by_key(|(n, _)| *n)
}

// --- Time of day -----------------------------------------------------------------------------

/// The end of a time of day starting at `i` (`14:05`, `9:45 AM`, `2:26 p. m.`, `16:40 Uhr`,
/// `11:53 GMT+2`, `14:05:00.000Z`), or None when there is none.
fn time_end(t: &[Token], i: usize) -> Option<usize> {
    let (h, hl) = num(t.get(i))?;
    let attached = |j: usize| t.get(j).is_some_and(|x| !x.gap);
    if hl > 2 || !is_punct(t.get(i + 1), ':') || !attached(i + 1) {
        return None;
    }
    let (m, 2) = num(t.get(i + 2)).filter(|_| attached(i + 2))? else {
        return None;
    };
    let mut j = i + 3;
    let mut s = 0;
    if is_punct(t.get(j), ':') && attached(j) {
        let (sec, 2) = num(t.get(j + 1))? else {
            return None;
        };
        s = sec;
        j += 2;
        if is_punct(t.get(j), '.') && attached(j) && num(t.get(j + 1)).is_some() {
            j += 2;
        }
    }
    let mut twelve_hour = false;
    if is_word(t.get(j), "am") || is_word(t.get(j), "pm") {
        twelve_hour = true;
        j += 1;
    } else if (is_word(t.get(j), "a") || is_word(t.get(j), "p"))
        && is_punct(t.get(j + 1), '.')
        && is_word(t.get(j + 2), "m")
    {
        twelve_hour = true;
        j += 3;
        if is_punct(t.get(j), '.') {
            j += 1;
        }
    }
    let hour_ok = if twelve_hour {
        (1..=12).contains(&h)
    } else {
        h <= 23
    };
    if !hour_ok || m > 59 || s > 59 {
        return None;
    }
    if is_word(t.get(j), "uhr") {
        j += 1;
    }
    let lex = lexicon();
    if let Some(z) = lex.zones.iter().find(|z| starts(&t[j.min(t.len())..], z)) {
        j += z.len();
    }
    // An offset: `+2`, `+01:00`, `-0500`.
    if is_punct(t.get(j), '+') || is_punct(t.get(j), '-') {
        let (off, ol) = num(t.get(j + 1))?;
        let (oh, om) = if ol > 2 {
            (off / 100, off % 100)
        } else {
            (off, 0)
        };
        if ol > 4 || oh > 14 || om > 59 {
            return None;
        }
        j += 2;
        if ol <= 2 && is_punct(t.get(j), ':') {
            let (om, 2) = num(t.get(j + 1))? else {
                return None;
            };
            if om > 59 {
                return None;
            }
            j += 2;
        }
    }
    Some(j)
}

fn is_time(t: &[Token]) -> bool {
    time_end(t, 0) == Some(t.len())
}

/// The tokens that hold the date: without a leading `time |` or a trailing time (and the
/// `,`/`at`/`à`/`um`… before it). None when the shape around a `|` is not time-and-date.
fn date_part(t: &[Token]) -> Option<&[Token]> {
    let bars: Vec<usize> = (0..t.len()).filter(|&i| is_punct(t.get(i), '|')).collect();
    match bars[..] {
        [] => {}
        [i] if is_time(&t[..i]) => return Some(&t[i + 1..]),
        [i] if is_time(&t[i + 1..]) => return Some(&t[..i]),
        _ => return None,
    }
    let Some(i) = (0..t.len()).find(|&i| time_end(t, i) == Some(t.len())) else {
        return Some(t);
    };
    let date = &t[..i];
    let lex = lexicon();
    // ISO `2026-03-12T14:05`: the `T` sticks to both sides.
    if is_word(date.last(), "t") && !t[i].gap && !date[date.len() - 1].gap {
        return Some(&date[..date.len() - 1]);
    }
    if is_punct(date.last(), ',') {
        return Some(&date[..date.len() - 1]);
    }
    if let Some(at) = lex
        .at
        .iter()
        .filter(|p| date.len() >= p.len() && starts(&date[date.len() - p.len()..], p))
        .max_by_key(|p| p.len())
    {
        return Some(&date[..date.len() - at.len()]);
    }
    // A time glued to a word ("Mar12:05") is not a time after a date.
    if t[i].gap {
        Some(date)
    } else {
        Some(t)
    }
}

// --- Date forms ------------------------------------------------------------------------------

fn relative_word(t: &[Token], lex: &Lexicon) -> Option<Shape> {
    lex.relative
        .iter()
        .find(|(p, _)| is(t, p))
        .map(|(_, n)| Shape::Offset(*n))
}

/// "2 days ago", "vor 3 Stunden", "il y a un jour", "2日前": days back, or today for units
/// shorter than a day. Weeks, months and years are approximate in such texts, so unread.
fn ago(t: &[Token], lex: &Lexicon) -> Option<Shape> {
    for l in &lex.ago {
        for (before, after) in &l.forms {
            if t.len() < before.len() + after.len() + 2
                || !t.iter().zip(before).all(|(x, w)| x.tok == *w)
                || !t[t.len() - after.len()..]
                    .iter()
                    .zip(after)
                    .all(|(x, w)| x.tok == *w)
            {
                continue;
            }
            let mid = &t[before.len()..t.len() - after.len()];
            // The count: a number, a word for one, or a vague "a few".
            let mut counts: Vec<(usize, Option<i32>)> = Vec::new();
            if let Some((n, len)) = num(mid.first()) {
                if len <= 4 {
                    counts.push((1, Some(n as i32)));
                }
            }
            counts.extend(
                l.one
                    .iter()
                    .filter(|p| starts(mid, p))
                    .map(|p| (p.len(), Some(1))),
            );
            counts.extend(
                l.few
                    .iter()
                    .filter(|p| starts(mid, p))
                    .map(|p| (p.len(), None)),
            );
            for (used, n) in counts {
                let unit = &mid[used..];
                if l.same_day_units.iter().any(|p| is(unit, p)) {
                    return Some(Shape::Offset(0));
                }
                if let Some(n) = n.filter(|_| l.day_units.iter().any(|p| is(unit, p))) {
                    return Some(Shape::Offset(-n));
                }
            }
        }
    }
    None
}

/// A weekday word ("Montag", "Mon.", "segunda-feira") at the start: its length and day.
fn weekday_word(t: &[Token], lex: &Lexicon) -> Option<(usize, u32)> {
    let (n, d) = longest(t, &lex.weekdays)?;
    Some((if is_punct(t.get(n), '.') { n + 1 } else { n }, d))
}

fn weekday_alone(t: &[Token], lex: &Lexicon) -> Option<Shape> {
    match weekday_word(t, lex)? {
        (n, d) if n == t.len() => Some(Shape::Weekday(d)),
        _ => None,
    }
}

/// `3/12/2026`, `12.03.2026`, `12. 03. 2026`, `05-03-2026`, `2026/03/12`, `2026-03-12`,
/// `3/12/26`.
fn numeric(t: &[Token]) -> Option<Shape> {
    let sep = match t.get(1)?.tok {
        Tok::Punct(c @ ('/' | '.' | '-')) => c,
        _ => return None,
    };
    // Hungarian-style `2026. 03. 12.` ends with a dot too.
    let len = if sep == '.' && t.len() == 6 && is_punct(t.get(5), '.') {
        5
    } else {
        t.len()
    };
    if len != 5 || !is_punct(t.get(3), sep) {
        return None;
    }
    let ((a, al), (b, bl), (c, cl)) = (num(t.first())?, num(t.get(2))?, num(t.get(4))?);
    if al == 4 && bl <= 2 && cl <= 2 {
        return Day::from_ymd(a as i32, b, c).map(Shape::Date);
    }
    // Two-digit years are `M/d/yy` (en_US) or `dd.MM.yy` (de); with dashes they could as well
    // be year first (`26-03-12`), so they are not read.
    let year = match cl {
        4 => c as i32,
        2 if sep != '-' => 2000 + c as i32,
        _ => return None,
    };
    if al > 2 || bl > 2 {
        return None;
    }
    Some(Shape::Numeric {
        a,
        b,
        year,
        dotted: sep == '.',
    })
}

/// Japanese (and Chinese) `2026年3月12日`, `3月12日`.
fn cjk(t: &[Token]) -> Option<Shape> {
    let (year, rest) = match (num(t.first()), t.get(1)) {
        (Some((y, 4)), Some(x)) if x.tok == Tok::Word(date_words::CJK_YEAR.into()) => {
            (Some(y as i32), &t[2..])
        }
        _ => (None, t),
    };
    let [m, mm, d, dm] = rest else {
        return None;
    };
    let (month, ml) = num(Some(m))?;
    let (day, dl) = num(Some(d))?;
    if ml > 2
        || dl > 2
        || !is_word(Some(mm), date_words::CJK_MONTH)
        || !is_word(Some(dm), date_words::CJK_DAY)
    {
        return None;
    }
    finish(year, month, day, None)
}

/// A day number with what may follow it: `1st`, `1er`, `1º`, `12.`. Returns tokens used.
fn day_number(t: &[Token]) -> Option<(u32, usize)> {
    let (d, len) = num(t.first())?;
    if len > 2 {
        return None;
    }
    if let Some(Token {
        tok: Tok::Word(w),
        gap: false,
    }) = t.get(1)
    {
        let english = match (d % 10, d % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        return (w == english || (d == 1 && (w == "er" || w == "º"))).then_some((d, 2));
    }
    Some((d, if is_punct(t.get(1), '.') { 2 } else { 1 }))
}

fn year_number(t: Option<&Token>) -> Option<i32> {
    match num(t)? {
        (y, 4) => Some(y as i32),
        _ => None,
    }
}

/// Month-name dates, after an optional weekday: `12 Mar 2026`, `12. März 2026`, `2. Dez.`,
/// `3 de marzo de 2026`, `1er mars`, `12-Mar-2026`, `March 12, 2026`, `Thu, Mar 12`.
fn named(t: &[Token], lex: &Lexicon) -> Option<Shape> {
    let mut weekday = None;
    let mut t = t;
    if let Some((n, d)) = weekday_word(t, lex) {
        weekday = Some(d);
        t = &t[n..];
        if is_punct(t.first(), ',') {
            t = &t[1..];
        }
    }
    let filler = |t: &[Token]| {
        lex.fillers
            .iter()
            .find(|p| starts(t, p))
            .map_or(0, |p| p.len())
    };
    let month_word = |t: &[Token]| {
        let (n, m) = longest(t, &lex.months)?;
        Some((if is_punct(t.get(n), '.') { n + 1 } else { n }, m))
    };
    // Day first.
    if let Some((day, used)) = day_number(t) {
        let rest = &t[used..];
        // `12-Mar-2026`.
        if is_punct(rest.first(), '-') {
            let (n, month) = longest(&rest[1..], &lex.months)?;
            let rest = &rest[1 + n..];
            return match rest {
                [dash, y] if is_punct(Some(dash), '-') => {
                    finish(Some(year_number(Some(y))?), month, day, weekday)
                }
                _ => None,
            };
        }
        let rest = &rest[filler(rest)..];
        let (n, month) = month_word(rest)?;
        let mut rest = &rest[n..];
        if rest.is_empty() {
            return finish(None, month, day, weekday);
        }
        if is_punct(rest.first(), ',') {
            rest = &rest[1..];
        }
        let rest = &rest[filler(rest)..];
        return match rest {
            [y] => finish(Some(year_number(Some(y))?), month, day, weekday),
            _ => None,
        };
    }
    // Month first.
    let (n, month) = month_word(t)?;
    let rest = &t[n..];
    let (day, used) = day_number(rest)?;
    if is_punct(rest.get(1), '.') {
        return None; // `Mar 12.` is no form
    }
    match &rest[used..] {
        [] => finish(None, month, day, weekday),
        [y] => finish(Some(year_number(Some(y))?), month, day, weekday),
        [comma, y] if is_punct(Some(comma), ',') => {
            finish(Some(year_number(Some(y))?), month, day, weekday)
        }
        _ => None,
    }
}

/// A date from its parts; a weekday shown with it must agree with it.
fn finish(year: Option<i32>, month: u32, day: u32, weekday: Option<u32>) -> Option<Shape> {
    match year {
        Some(y) => Day::from_ymd(y, month, day)
            .filter(|d| weekday.is_none_or(|w| d.weekday() == w))
            .map(Shape::Date),
        // Checked against the weekday once the year is known; 2024 is a leap year, so 29 Feb
        // passes here and fails later in years without it.
        None => (day >= 1 && day <= days_in_month(2024, month)).then_some(Shape::Yearless {
            month,
            day,
            weekday,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Day {
        Day::from_ymd(y, m, dd).unwrap()
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
}

#[cfg(test)]
mod reading_tests {
    use super::*;
    use NumericOrder::{DayFirst, MonthFirst};

    fn d(y: i32, m: u32, dd: u32) -> Day {
        Day::from_ymd(y, m, dd).unwrap()
    }

    /// Friday 2026-03-20.
    fn now() -> Day {
        d(2026, 3, 20)
    }

    fn read(raw: &str, order: Option<NumericOrder>) -> DateRead {
        read_display_date(raw, now(), order, When::Past)
    }

    fn day(raw: &str, order: Option<NumericOrder>) -> Option<Day> {
        read(raw, order).day()
    }

    /// Unreadable in every order and with either rule for the year.
    fn assert_unreadable(raw: &str) {
        for order in [None, Some(MonthFirst), Some(DayFirst)] {
            for when in [When::Past, When::Any] {
                assert_eq!(
                    read_display_date(raw, now(), order, when),
                    DateRead::Unreadable,
                    "{raw:?} {order:?} {when:?}"
                );
            }
        }
    }

    /// The same day in every order (the date is not all-numeric, or dotted, or year first).
    fn assert_day(raw: &str, expected: Day) {
        for order in [None, Some(MonthFirst), Some(DayFirst)] {
            assert_eq!(day(raw, order), Some(expected), "{raw:?} {order:?}");
        }
    }

    #[test]
    fn numeric_dates_follow_the_order_and_never_guess() {
        let mar12 = d(2026, 3, 12);
        let dec3 = d(2026, 12, 3);
        assert_eq!(day("3/12/2026", Some(MonthFirst)), Some(mar12));
        assert_eq!(day("3/12/2026", Some(DayFirst)), Some(dec3));
        assert_eq!(
            read("3/12/2026", None),
            DateRead::Ambiguous {
                month_first: mar12,
                day_first: dec3
            }
        );
        assert_eq!(day("12/03/2026", Some(DayFirst)), Some(mar12));
        assert!(matches!(
            read("12/03/2026", None),
            DateRead::Ambiguous { .. }
        ));
        // nl_NL writes dd-MM-yyyy; a dash alone does not tell the order.
        assert_eq!(
            read("05-03-2026", None),
            DateRead::Ambiguous {
                month_first: d(2026, 5, 3),
                day_first: d(2026, 3, 5)
            }
        );
        assert_eq!(day("05-03-2026", Some(DayFirst)), Some(d(2026, 3, 5)));
        // Dotted dates are day first everywhere; year-first dates are unambiguous.
        for raw in [
            "12.03.2026",
            "12. 03. 2026",
            "12.03.26",
            "2026/03/12",
            "2026-03-12",
            "2026.03.12",
            "2026. 03. 12.",
        ] {
            assert_day(raw, mar12);
        }
        assert_eq!(day("3/12/26", Some(MonthFirst)), Some(mar12));
        // One reading only: read that way whatever the order says.
        assert_day("25/03/2026", d(2026, 3, 25));
        assert_day("11/25/2026", d(2026, 11, 25));
        assert_day("25-03-2026", d(2026, 3, 25));
        // Equal numbers read the same both ways.
        assert_day("05/05/2026", d(2026, 5, 5));
    }

    #[test]
    fn numeric_dates_with_a_time() {
        let mar12 = d(2026, 3, 12);
        for raw in [
            "12/03/2026, 14:05",
            "12/03/2026 14:05",
            "12/03/2026 14:05:33",
            "12/03/2026, 2:05 PM",
        ] {
            assert_eq!(day(raw, Some(DayFirst)), Some(mar12), "{raw:?}");
            assert!(
                matches!(read(raw, None), DateRead::Ambiguous { .. }),
                "{raw:?}"
            );
        }
        for raw in [
            "3/12/2026, 9:45 AM",
            "3/12/2026, 9:45\u{202F}AM", // Intl's narrow no-break space
            "3/12/2026 9:45am",
            "3/12/2026 9:45 a.m.",
        ] {
            assert_eq!(day(raw, Some(MonthFirst)), Some(mar12), "{raw:?}");
        }
        for raw in [
            "12.03.2026, 14:05",
            "12.03.2026 14:05 Uhr",
            "2026/03/12 14:05",
            "2026-03-12T14:05:00Z",
            "2026-03-12T14:05:00.000+01:00",
            "2026-03-12 14:05 UTC",
        ] {
            assert_day(raw, mar12);
        }
    }

    #[test]
    fn numeric_near_misses_are_unreadable() {
        for raw in [
            "13/13/2026",
            "2/30/2026",
            "31/04/2026",
            "3/12",
            "12.03.",
            "3/12/2026/1",
            "12/03/20266",
            "1.2.3",
            "3/12/126",
            "12-03-26", // dashed two-digit year: could be year first
            "2026/13/01",
            "2026-02-30",
            "003/12/2026",
            "3/12-2026",
            "12 03 2026",
            "12/03/2026 25:00",
            "12/03/2026 9:45 XM",
            "12/03/2026 at",
            "12/03/2026 14:5",
            "12/03/2026 13:05 PM",
            "12.25.2026", // dotted is day first, and there is no month 25
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn time_first_dates() {
        let now = d(2026, 11, 20);
        let past = |raw| read_display_date(raw, now, None, When::Past);
        assert_eq!(past("14:05 | 3 Nov"), DateRead::Day(d(2026, 11, 3)));
        assert_eq!(past("10:00am | 3/24/17"), DateRead::Day(d(2017, 3, 24)));
        assert_eq!(past("08:00 | Today"), DateRead::Day(now));
        assert_eq!(past("3 Nov | 14:05"), DateRead::Day(d(2026, 11, 3)));
        for raw in [
            "14:05 | 15:00",
            "| 3 Nov",
            "14:05 |",
            "14:05 | 3 Nov | 9:00",
            "Q3 | 3 Nov",
            "14:05 | Q3",
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn month_names_in_each_language() {
        let mar12 = d(2026, 3, 12);
        for raw in [
            "Mar 12",
            "mar 12",
            "MAR 12",
            "Mar. 12",
            "12 Mar 2026",
            "March 12, 2026",
            "March 12 2026",
            "12th March 2026",
            "Mar 12th",
            "12-Mar-2026",
            "Thu, Mar 12",
            "Thursday, March 12, 2026",
            "12 Mar 2026 at 2:26 PM GMT",
            "Mar 12 at 9:45 AM",
            "12. März 2026",
            "12. MÄRZ 2026",
            "12. Marz 2026",
            "12. Ma\u{0308}rz 2026", // decomposed ä
            "12. Mär. 2026",
            "Donnerstag, 12. März 2026",
            "12. März 2026 um 14:05 Uhr",
            "12 mars 2026",
            "jeudi 12 mars 2026",
            "12 mars 2026 à 14:05",
            "3 de marzo de 2026",
            "12 de marzo de 2026",
            "12 de marzo del 2026",
            "jueves, 12 de marzo de 2026",
            "12 de marzo de 2026 a las 14:05",
            "12 mrt. 2026",
            "12 maart 2026 om 14:05",
            "12 de mar. de 2026",
            "12 de março de 2026 às 14:05",
            "quinta-feira, 12 de março de 2026",
            "12 marzo 2026 alle 14:05",
            "giovedì 12 marzo 2026",
            "12 mar 2026, 14:05 UTC+01:00",
            "12 Mar 2026 14:05 CET",
            "2026年3月12日",
            "3月12日",
            "3月12日 14:05",
            "2026年3月12日 14:05",
        ] {
            let expected = if raw.starts_with("3 de") {
                d(2026, 3, 3)
            } else {
                mar12
            };
            assert_day(raw, expected);
        }
        assert_day("2. Dez.", d(2025, 12, 2));
        assert_day("20. Okt.", d(2025, 10, 20));
        assert_day("1er mars", d(2026, 3, 1));
        assert_day("1º de março de 2026", d(2026, 3, 1));
        assert_day("March 1st", d(2026, 3, 1));
        assert_day("10 sept. 2026 à 11:53 GMT+2", d(2026, 9, 10));
        assert_day("12 août 2026", d(2026, 8, 12));
        assert_day("12 aout 2026", d(2026, 8, 12));
        assert_day("15 févr. 2026", d(2026, 2, 15));
        assert_day("9 set 2025", d(2025, 9, 9));
        assert_day("12 ott 2025", d(2025, 10, 12));
        assert_day("12 gen. 2026", d(2026, 1, 12));
        assert_day("Dec 30 at 9:45 AM", d(2025, 12, 30));
        assert_day("Mar 12, 2025 at 9:45 AM", d(2025, 3, 12));
    }

    #[test]
    fn month_name_near_misses_are_unreadable() {
        for raw in [
            "Mar Mar 12",
            "3 Nov 2026 3 Nov",
            "12 Marching 2026",
            "12 Marc 2026",
            "Mar 32",
            "31 Feb",
            "Feb 29 2026",
            "1st",
            "2er mars",
            "12st March",
            "Mar 12 26",
            "Mar 2026",
            "March",
            "Fri, Mar 12 2026", // 12 March 2026 was a Thursday
            "12 Mar 2026 GMT",  // a zone needs a time before it
            "Mar 12 at",
            "at 14:05",
            "12 de de marzo",
            "Mar 12.",
            "12 Mar 2026 2027",
            "Marzo 12 de 2026",
            "2026年13月1日",
            "3月",
            "12日",
            "26年3月12日",
            "Mar12:05",
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn yearless_dates_pick_the_year_by_when() {
        let now = now();
        let at = |raw, when| read_display_date(raw, now, None, when).day();
        assert_eq!(
            at("Mar 27", When::Past),
            Some(d(2026, 3, 27)),
            "a week ahead"
        );
        assert_eq!(at("Mar 28", When::Past), Some(d(2025, 3, 28)));
        assert_eq!(at("Mar 28", When::Any), Some(d(2026, 3, 28)));
        assert_eq!(at("Dec 30", When::Any), Some(d(2025, 12, 30)));
        assert_eq!(at("Sep 30", When::Any), Some(d(2025, 9, 30)));
        assert_eq!(at("Jul 1", When::Any), Some(d(2026, 7, 1)));
        assert_eq!(at("Jul 1", When::Past), Some(d(2025, 7, 1)));
        let new_year = d(2026, 12, 28);
        let at = |raw, when| read_display_date(raw, new_year, None, when).day();
        assert_eq!(at("Jan 2", When::Past), Some(d(2027, 1, 2)));
        assert_eq!(at("Jan 2", When::Any), Some(d(2027, 1, 2)));
        assert_eq!(at("Jan 10", When::Past), Some(d(2026, 1, 10)));
        assert_eq!(at("Dec 27", When::Past), Some(d(2026, 12, 27)));
        // 29 February: only in a year near now that has it.
        assert_eq!(at("29 Feb", When::Past), None);
        let leap = d(2028, 3, 1);
        assert_eq!(
            read_display_date("29 Feb", leap, None, When::Past).day(),
            Some(d(2028, 2, 29))
        );
        // A weekday shown with a yearless date must agree with the year chosen.
        assert_eq!(
            read_display_date("Thu, Mar 12", now, None, When::Any).day(),
            Some(d(2026, 3, 12))
        );
        assert_eq!(
            read_display_date("Wed, Mar 12", now, None, When::Past),
            DateRead::Unreadable
        );
    }

    #[test]
    fn relative_words_in_each_language() {
        let now = now();
        let cases: &[(&str, i32)] = &[
            ("Today", 0),
            ("today", 0),
            ("Yesterday", -1),
            ("Tomorrow", 1),
            ("Heute", 0),
            ("Gestern", -1),
            ("Morgen", 1),
            ("Aujourd'hui", 0),
            ("Aujourd’hui", 0),
            ("AUJOURD'HUI", 0),
            ("Hier", -1),
            ("Demain", 1),
            ("Hoy", 0),
            ("Ayer", -1),
            ("Mañana", 1),
            ("manana", 1),
            ("Vandaag", 0),
            ("Gisteren", -1),
            ("Hoje", 0),
            ("Ontem", -1),
            ("Amanhã", 1),
            ("Oggi", 0),
            ("Ieri", -1),
            ("Domani", 1),
            ("今日", 0),
            ("昨日", -1),
            ("明日", 1),
            ("Yesterday at 16:40", -1),
            ("Yesterday at 9:10 AM", -1),
            ("Today at 2:26 PM", 0),
            ("Hier à 16:40", -1),
            ("Gestern um 16:40", -1),
            ("Heute, 14:05", 0),
            ("Ayer a las 16:40", -1),
            ("Gisteren om 16:40", -1),
            ("Ontem às 16:40", -1),
            ("Ieri alle 16:40", -1),
            ("昨日 16:40", -1),
            ("Morgen um 9:00", 1),
            ("  Today  ", 0),
        ];
        for &(raw, offset) in cases {
            assert_day(raw, now.plus(offset));
        }
        for raw in [
            "Today's agenda",
            "Guten Morgen",
            "Morgen früh",
            "Morgenrunde",
            "Tomorrow-ish",
            "yesterdays",
            "Heute Abend",
            "Yesterday at",
            "今日は",
            "Today Today",
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn days_ago_in_each_language() {
        let now = now();
        for raw in [
            "2 days ago",
            "vor 2 Tagen",
            "il y a 2 jours",
            "hace 2 días",
            "hace 2 dias",
            "2 dagen geleden",
            "há 2 dias",
            "2 dias atrás",
            "2 giorni fa",
            "2日前",
            "2 days ago at 14:05",
        ] {
            assert_day(raw, now.plus(-2));
        }
        for raw in [
            "a day ago",
            "vor einem Tag",
            "il y a un jour",
            "un giorno fa",
        ] {
            assert_day(raw, now.plus(-1));
        }
        for raw in [
            "an hour ago",
            "vor 3 Stunden",
            "il y a 5 minutes",
            "a few seconds ago",
            "hace una hora",
            "een uur geleden",
            "un'ora fa",
            "3時間前",
            "数分前",
        ] {
            assert_day(raw, now);
        }
        for raw in [
            "2 days",
            "ago",
            "days ago",
            "2 weeks ago",
            "3 months ago",
            "a year ago",
            "in 2 days",
            "vor 2 days",
            "2 Tagen ago",
            "a few days ago",
            "2 days ago ago",
            "vor",
            "2 jours",
            "12345 days ago",
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn weekdays_alone_are_the_last_or_next_one() {
        let now = now(); // a Friday
        let monday_before = d(2026, 3, 16);
        for raw in [
            "Monday",
            "Mon",
            "Mon.",
            "Mon 14:05",
            "Monday at 2:26 PM",
            "Montag",
            "Mo.",
            "lundi",
            "lundi à 14:05",
            "lunes",
            "maandag",
            "segunda-feira",
            "lunedì",
            "月曜日",
        ] {
            assert_eq!(
                read_display_date(raw, now, None, When::Past),
                DateRead::Day(monday_before),
                "{raw:?}"
            );
            assert_eq!(
                read_display_date(raw, now, None, When::Any),
                DateRead::Day(d(2026, 3, 23)),
                "{raw:?}"
            );
        }
        // Today's own weekday is a week away: today would be shown as "Today".
        assert_eq!(
            read_display_date("Friday", now, None, When::Past).day(),
            Some(d(2026, 3, 13))
        );
        assert_eq!(
            read_display_date("Friday", now, None, When::Any).day(),
            Some(d(2026, 3, 27))
        );
        assert_eq!(
            read_display_date("martes", now, None, When::Past).day(),
            Some(d(2026, 3, 17))
        );
        assert_eq!(
            read_display_date("Do.", now, None, When::Past).day(),
            Some(d(2026, 3, 19))
        );
        // "mar" is March in every language that has it, so never Tuesday.
        for raw in [
            "Maybe Monday",
            "Mondays",
            "Monday Monday",
            "Monday 12",
            "mar",
            "mar.",
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn the_brief_near_misses_are_unreadable() {
        for raw in [
            "",
            "   ",
            "12:30",
            "Q3",
            "FY2026",
            "Today's agenda",
            "Mar Mar 12",
            "13/13/2026",
            "2/30/2026",
            "soon",
            "next quarter",
            "#Error!",
            "--",
            "Maybe Monday",
            "3 Nov 2026 3 Nov",
            "12",
            "1,200",
            "2026",
            "—",
            "N/A",
        ] {
            assert_unreadable(raw);
        }
    }

    #[test]
    fn order_evidence_from_one_date() {
        assert_eq!(order_evidence("25/11/2026"), Some(DayFirst));
        assert_eq!(order_evidence("25/11/2026, 14:05"), Some(DayFirst));
        assert_eq!(order_evidence("14:05 | 25/11/2026"), Some(DayFirst));
        assert_eq!(order_evidence("25-11-2026"), Some(DayFirst));
        assert_eq!(order_evidence("11/25/2026"), Some(MonthFirst));
        assert_eq!(order_evidence("11/25/26 9:45 AM"), Some(MonthFirst));
        assert_eq!(order_evidence("12.03.2026"), Some(DayFirst));
        assert_eq!(order_evidence("05.05.2026"), Some(DayFirst));
        for raw in [
            "05/03/2026",
            "05/05/2026",
            "2026-03-12",
            "2026/11/25",
            "12 Mar 2026",
            "25 Nov",
            "Today",
            "2 days ago",
            "31/02/2026", // exists in neither order
            "25/13/2026",
            "12.25.2026",
            "soon",
        ] {
            assert_eq!(order_evidence(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn settle_order_needs_agreement() {
        assert_eq!(
            settle_order(["05/03/2026", "25/03/2026", "Today", "12 Mar"]),
            Some(DayFirst)
        );
        assert_eq!(settle_order(["12.03.2026", "25/03/2026"]), Some(DayFirst));
        assert_eq!(
            settle_order(["3/5/2026", "3/25/2026", "3/25/2026"]),
            Some(MonthFirst)
        );
        assert_eq!(settle_order(["25/03/2026", "3/25/2026"]), None);
        assert_eq!(settle_order(["05/03/2026", "2026-03-25"]), None);
        assert_eq!(settle_order([]), None);
        let owned = ["25/03/2026".to_string()];
        assert_eq!(
            settle_order(owned.iter().map(String::as_str)),
            Some(DayFirst)
        );
    }

    #[test]
    fn every_day_of_2025_to_2027_reads_back() {
        let first = d(2025, 1, 1);
        let last = d(2027, 12, 31);
        let mut month: Vec<(String, String, String)> = Vec::new();
        for n in first.0..=last.0 {
            let day = Day(n);
            let (y, m, dd) = day.ymd();
            let gb = format!("{dd:02}/{m:02}/{y}");
            let us = format!("{m}/{dd}/{y}");
            let de = format!("{dd:02}.{m:02}.{y}");
            assert_eq!(
                read_display_date(&gb, now(), Some(DayFirst), When::Past),
                DateRead::Day(day),
                "{gb}"
            );
            assert_eq!(
                read_display_date(&us, now(), Some(MonthFirst), When::Past),
                DateRead::Day(day),
                "{us}"
            );
            for raw in [
                de.clone(),
                format!("{y}-{m:02}-{dd:02}"),
                format!("{y}/{m:02}/{dd:02}"),
                format!("{y}年{m}月{dd}日"),
            ] {
                assert_day_any(&raw, day);
            }
            // Without an order, a date is read only when both readings agree.
            match read_display_date(&gb, now(), None, When::Past) {
                DateRead::Day(x) => assert!(x == day && (dd > 12 || dd == m), "{gb}"),
                DateRead::Ambiguous { day_first, .. } => {
                    assert!(day_first == day && dd <= 12 && dd != m, "{gb}")
                }
                DateRead::Unreadable => panic!("{gb}"),
            }
            // Month names, every word of every language, in its usual shape.
            for lang in date_words::LANGUAGES {
                for word in lang.months[m as usize - 1] {
                    let raw = match lang.code {
                        "es" | "pt" => format!("{dd} de {word} de {y}"),
                        "de" => format!("{dd}. {word} {y}"),
                        "en" => format!("{word} {dd}, {y}"),
                        _ => format!("{dd} {word} {y}"),
                    };
                    assert_day_any(&raw, day);
                }
            }
            month.push((gb, us, de));
            let month_ends = day.plus(1).ymd().2 == 1;
            if month_ends {
                let settle = |pick: fn(&(String, String, String)) -> &String| {
                    settle_order(month.iter().map(|t| pick(t).as_str()))
                };
                assert_eq!(settle(|t| &t.0), Some(DayFirst), "{y}-{m}");
                assert_eq!(settle(|t| &t.1), Some(MonthFirst), "{y}-{m}");
                assert_eq!(settle(|t| &t.2), Some(DayFirst), "{y}-{m}");
                month.clear();
            }
        }
    }

    fn assert_day_any(raw: &str, expected: Day) {
        assert_eq!(
            read_display_date(raw, now(), None, When::Past),
            DateRead::Day(expected),
            "{raw:?}"
        );
    }

    /// Random strings from date-like pieces: nothing panics, `Ambiguous` needs a missing order,
    /// and a known order only ever picks one of the readings the missing order offers.
    #[test]
    fn random_date_like_text_keeps_the_invariants() {
        const PIECES: &[&str] = &[
            "12", "3", "05", "25", "2026", "26", "/", ".", "-", ":", ",", " ", "|", "Mar", "März",
            "de", "am", "pm", "GMT", "+", "2", "at", "à", "um", "Today", "ago", "days", "vor",
            "Tagen", "年", "月", "日", "前", "Mon", "1er", "th", "'", "’", "é", "T", "Z", "00",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..10_000 {
            let len = 1 + next() % 8;
            let raw: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            for when in [When::Past, When::Any] {
                let none = read_display_date(&raw, now(), None, when);
                let mf = read_display_date(&raw, now(), Some(MonthFirst), when);
                let df = read_display_date(&raw, now(), Some(DayFirst), when);
                assert!(!matches!(mf, DateRead::Ambiguous { .. }), "{raw:?}");
                assert!(!matches!(df, DateRead::Ambiguous { .. }), "{raw:?}");
                match none {
                    DateRead::Ambiguous {
                        month_first,
                        day_first,
                    } => {
                        assert_eq!(mf, DateRead::Day(month_first), "{raw:?}");
                        assert_eq!(df, DateRead::Day(day_first), "{raw:?}");
                    }
                    _ => assert!(mf == none && df == none, "{raw:?}"),
                }
            }
            let _ = order_evidence(&raw);
        }
    }

    #[test]
    fn word_lists_do_not_contradict_each_other() {
        let lex = lexicon();
        for (i, (p, m)) in lex.months.iter().enumerate() {
            assert!(!p.is_empty());
            for (q, n) in &lex.months[i + 1..] {
                assert!(p != q || m == n, "{p:?} is two months");
            }
        }
        for (i, (p, w)) in lex.weekdays.iter().enumerate() {
            for (q, v) in &lex.weekdays[i + 1..] {
                assert!(p != q || w == v, "{p:?} is two weekdays");
            }
        }
        for (i, (p, o)) in lex.relative.iter().enumerate() {
            for (q, r) in &lex.relative[i + 1..] {
                assert!(p != q || o == r, "{p:?} is two days");
            }
        }
        // Only "mar" (Tuesday in es/fr/it) is both, and it was dropped from the weekdays.
        let weekday_words: Vec<&str> = date_words::LANGUAGES
            .iter()
            .flat_map(|l| l.weekdays.iter().flat_map(|w| w.iter().copied()))
            .collect();
        let both: Vec<&str> = weekday_words
            .into_iter()
            .filter(|w| lex.months.iter().any(|(m, _)| *m == phrase(w)))
            .collect();
        assert!(both.iter().all(|w| *w == "mar"), "{both:?}");
        for lang in date_words::LANGUAGES {
            assert!(lang.weekdays.iter().all(|w| !w.is_empty()), "{}", lang.code);
            assert!(
                lang.code == "ja" || lang.months.iter().all(|m| !m.is_empty()),
                "{}",
                lang.code
            );
        }
    }

    #[test]
    fn every_message_language_has_its_date_words() {
        // A deal whose messages are in a language may show its dates in that language too.
        for lang in crate::core::lang::Lang::ALL {
            assert!(
                date_words::LANGUAGES.iter().any(|l| l.code == lang.code()),
                "{lang:?}: no date words in date_words::LANGUAGES"
            );
        }
    }

    #[test]
    fn month_names_suggest_the_numeric_order() {
        for (raw, want) in [
            ("12 Mar 2026 at 14:26 GMT", Some(NumericOrder::DayFirst)),
            ("14:05 | 3 Nov", Some(NumericOrder::DayFirst)),
            ("10 sept. 2026 à 11:53 GMT+2", Some(NumericOrder::DayFirst)),
            ("2. Dez.", Some(NumericOrder::DayFirst)),
            ("Donnerstag, 12. März 2026", Some(NumericOrder::DayFirst)),
            ("Mar 12 at 9:45 AM", Some(NumericOrder::MonthFirst)),
            ("Thu, Mar 12", Some(NumericOrder::MonthFirst)),
            ("10:00am | Nov 3", Some(NumericOrder::MonthFirst)),
            ("Yesterday", None),
            ("3月12日", None),
            ("12/03/2026", None),
            ("Mar Mar 12", None),
        ] {
            assert_eq!(named_order_evidence(raw), want, "{raw}");
        }
        assert_eq!(
            settle_named_order(["Yesterday", "3 Nov", "28 Oct"]),
            Some(NumericOrder::DayFirst)
        );
        assert_eq!(
            settle_named_order(["3 Nov", "Oct 28"]),
            None,
            "disagreeing forms settle nothing"
        );
    }
}
