//! The ranked deals as text or JSON: the day's queue as a table (120 columns, one line per deal,
//! grouped by section), as a JSON array, and one deal's suggestion in full (`suggest`).

use super::ranking::Ranked;
use crate::core::date::Day;
use crate::core::message::{Draft, Kind, Suggestion};
use crate::core::model::{Channel, DealStatus};
use crate::core::money::Money;
use crate::core::risk::{Assessment, Band, Confidence, Notice, Reason, Section, State};
use crate::view::copy;
use serde::Serialize;
use serde_json::Value;

/// Column widths: rank, risk, state, deal, amount, act on; the top reason takes the rest.
const RANK: usize = 4;
const RISK: usize = 4;
const STATE: usize = 10;
const DEAL: usize = 30;
const AMOUNT: usize = 11;
const ACT_ON: usize = 11;
const LINE: usize = 120;
const GAPS: usize = 2 * 6;
/// How the reason column of a closed deal or unreadable row starts.
const NOT_SCORED: &str = "not scored: ";
const REASON: usize = LINE - (RANK + RISK + STATE + DEAL + AMOUNT + ACT_ON + GAPS);

/// The table: a header line, then the deals in queue order under a heading per section (act
/// today, waiting, paused, then closed and unreadable rows), then a summary line.
pub fn render_table(ranked: &[Ranked], now: Day) -> String {
    let mut out = line([
        "RANK",
        "RISK",
        "STATE",
        "DEAL",
        "AMOUNT",
        "ACT ON",
        "TOP REASON",
    ]);
    let mut rank = 0;
    let mut current: Option<Option<Section>> = None;
    for (i, r) in ranked.iter().enumerate() {
        let group = group_of(r);
        if current != Some(group) {
            current = Some(group);
            let size = ranked[i..]
                .iter()
                .take_while(|x| group_of(x) == group)
                .count();
            out.push_str(&format!("\n{}\n", heading(&ranked[i..i + size])));
        }
        let rank_text = match r.stall_risk() {
            Some(_) => {
                rank += 1;
                rank.to_string()
            }
            None => "-".to_string(),
        };
        let (risk, state) = match &r.assessment {
            Some(a) => (
                a.stall_risk.map_or("-".to_string(), |n| n.to_string()),
                snake(&a.state),
            ),
            None => ("-".to_string(), "unreadable".to_string()),
        };
        let amount = r
            .read
            .deal
            .as_ref()
            .and_then(|d| d.amount.as_ref())
            .map_or(String::new(), |m| amount_cell(m, AMOUNT));
        out.push_str(&line([
            &rank_text,
            &risk,
            &state,
            &deal_label(r),
            &amount,
            &act_on(r, now),
            &top_reason(r),
        ]));
    }
    out.push_str(&summary(ranked));
    out
}

/// Rows are grouped by section; unreadable rows share the last group with closed deals.
fn group_of(r: &Ranked) -> Option<Section> {
    match r.section() {
        Some(Section::Closed) | None => None,
        s => s,
    }
}

/// "ACT TODAY (3)", "WAITING (1)", …, "CLOSED OR NOT READ (5)".
fn heading(rows: &[Ranked]) -> String {
    let label = match rows.first().and_then(group_of) {
        Some(section) => copy::section(section).to_string(),
        None => {
            let unread = rows.iter().any(|r| r.assessment.is_none());
            let closed = rows.iter().any(|r| r.assessment.is_some());
            match (closed, unread) {
                (true, true) => "Closed or not read".to_string(),
                (false, true) => "Not read".to_string(),
                _ => copy::section(Section::Closed).to_string(),
            }
        }
    };
    format!("{} ({})", label.to_uppercase(), rows.len())
}

/// When to act: `today`, the first day to act again (waiting), the end of a snooze; blank
/// otherwise.
fn act_on(r: &Ranked, now: Day) -> String {
    match &r.assessment {
        Some(a) => match a.state {
            State::Act => "today".to_string(),
            State::Wait => a.act_from.map(|d| d.short(now)).unwrap_or_default(),
            State::Snoozed => a.snoozed_until.map(|d| d.short(now)).unwrap_or_default(),
            _ => String::new(),
        },
        None => String::new(),
    }
}

/// "\n31 deals: 21 scored, 8 closed, 2 could not be read."
fn summary(ranked: &[Ranked]) -> String {
    let scored = ranked.iter().filter(|r| r.stall_risk().is_some()).count();
    let unreadable = ranked.iter().filter(|r| r.assessment.is_none()).count();
    let closed = ranked.len() - scored - unreadable;
    let deals = if ranked.len() == 1 { "deal" } else { "deals" };
    format!(
        "\n{} {deals}: {scored} scored, {closed} closed, {unreadable} could not be read.\n",
        ranked.len()
    )
}

/// An amount in its own currency, as read (`Money::text`).
pub fn amount_text(m: &Money) -> String {
    m.text()
}

/// The amount in `width` characters: as `amount_text` when it fits, else rounded to thousands or
/// millions (`USD 1.3M`) so that its number is never cut.
fn amount_cell(m: &Money, width: usize) -> String {
    let full = amount_text(m);
    if full.chars().count() <= width {
        return full;
    }
    let units = m.minor.unsigned_abs() as f64 / 100.0;
    let number = if units >= 1_000_000.0 {
        format!("{:.1}M", units / 1_000_000.0)
    } else {
        format!("{:.0}K", units / 1_000.0)
    };
    m.with_currency(&number)
}

/// The ranked deals as a JSON array; see `JsonRow` and docs/cli.md.
pub fn render_json(ranked: &[Ranked]) -> Result<String, serde_json::Error> {
    let rows: Vec<JsonRow> = ranked.iter().map(JsonRow::of).collect();
    serde_json::to_string_pretty(&rows)
}

/// One deal in `--json` output; a struct so the fields keep this order. Unreadable rows have
/// state `unreadable` and nulls.
#[derive(Serialize)]
struct JsonRow<'a> {
    source: &'a str,
    row: usize,
    key: &'a str,
    name: Option<&'a str>,
    stall_risk: Option<u8>,
    band: Option<Band>,
    state: String,
    /// `act_today`, `waiting`, `paused`, `closed`; `null` for an unreadable row.
    section: Option<Section>,
    /// Waiting: the first day to act again.
    act_from: Option<Day>,
    snoozed_until: Option<Day>,
    reasons: &'a [Reason],
    notices: &'a [Notice],
    confidence: Option<Confidence>,
    missing: &'a [String],
    /// Why the row was not read, or what was dropped from its notes.
    problems: Vec<String>,
    /// The suggested next message; `null` for closed deals and unreadable rows.
    message: Option<JsonMessage<'a>>,
}

#[derive(Serialize)]
struct JsonMessage<'a> {
    kind: Kind,
    /// The best channel: the first draft's, or the one to use when a wait ends.
    channel: Option<Channel>,
    why: &'a str,
    /// Wait and snoozed (or no channel allowed): what to do instead of sending.
    advice: Option<&'a str>,
    drafts: &'a [Draft],
}

impl<'a> JsonRow<'a> {
    fn of(r: &'a Ranked) -> JsonRow<'a> {
        let a = r.assessment.as_ref();
        JsonRow {
            source: &r.read.source,
            row: r.read.row,
            key: &r.read.key,
            name: r.read.name.as_deref(),
            stall_risk: a.and_then(|a| a.stall_risk),
            band: a.and_then(|a| a.band),
            state: a.map_or_else(|| "unreadable".to_string(), |a| snake(&a.state)),
            section: r.section(),
            act_from: a.and_then(|a| a.act_from),
            snoozed_until: a.and_then(|a| a.snoozed_until),
            reasons: a.map_or(&[], |a| &a.reasons),
            notices: a.map_or(&[], |a| &a.notices),
            confidence: a.map(|a| a.confidence),
            missing: a.map_or(&[], |a| &a.missing),
            // What could not be read, then values no real deal has ("Check this: …").
            problems: r
                .read
                .problems
                .iter()
                .map(|p| p.to_string())
                .chain(a.into_iter().flat_map(|a| {
                    a.doubts
                        .iter()
                        .map(|d| format!("{}{d}", copy::DOUBT_PREFIX))
                }))
                .collect(),
            message: r.suggestion.as_ref().map(|s| JsonMessage {
                kind: s.kind,
                channel: s.channel,
                why: &s.why,
                advice: s.advice.as_deref(),
                drafts: &s.drafts,
            }),
        }
    }
}

/// One deal for `stallwatch suggest`: what it is, its state, every reason, what the buyer's
/// side said, and the suggested message in full (every draft), or the advice to wait.
pub fn render_suggestion(r: &Ranked, now: Day) -> String {
    let mut out = format!("{}\n", deal_label(r));
    let mut about = vec![format!("key {}", r.read.key), location(r)];
    if let Some(deal) = &r.read.deal {
        about.extend(deal.amount.as_ref().map(amount_text));
        about.extend(deal.stage.clone());
        about.extend(deal.close_date.map(|d| format!("closes {}", d.short(now))));
    }
    out.push_str(&format!("{}\n", about.join(" · ")));
    let Some(a) = &r.assessment else {
        out.push_str("\nNot read, so not scored:\n");
        for p in &r.read.problems {
            out.push_str(&format!("  {}\n", p.short()));
        }
        return out;
    };
    out.push_str(&format!("{}\n", state_line(a, now)));
    if a.stall_risk.is_none() {
        out.push_str(&format!("\nNothing to send: {}.\n", closed_label(r, a)));
        return out;
    }
    if !a.reasons.is_empty() {
        out.push_str(&format!("\n{}:\n", copy::WHY));
        let code_width = a.reasons.iter().map(|x| x.code.as_str().len()).max();
        for reason in &a.reasons {
            out.push_str(&format!(
                "  {:>4}  {:<w$}  {}\n",
                format!("+{}", reason.points),
                reason.code.as_str(),
                reason.fact,
                w = code_width.unwrap_or(0),
            ));
        }
    } else {
        out.push_str("\nNo stall signals.\n");
    }
    if !a.notices.is_empty() {
        out.push_str(&format!("\n{}:\n", copy::HEARD));
        for n in &a.notices {
            out.push_str(&format!("  {}  {}\n", n.code.as_str(), n.fact));
        }
    }
    if !a.missing.is_empty() {
        out.push_str(&format!("\nNot seen: {}.\n", a.missing.join("; ")));
    }
    for d in &a.doubts {
        out.push_str(&format!("{}{d}\n", copy::DOUBT_PREFIX));
    }
    for problem in &r.read.problems {
        out.push_str(&format!("Dropped: {}\n", problem.short()));
    }
    match &r.suggestion {
        Some(s) => out.push_str(&suggestion_text(s)),
        None => out.push_str(&format!("\n{}\n", copy::NOTHING_TO_SEND)),
    }
    out
}

/// "State: wait (waiting) · act on 30 Mar · stall risk 41 (watch) · confidence high"
fn state_line(a: &Assessment, now: Day) -> String {
    let state = snake(&a.state);
    let section = copy::section(a.section()).to_lowercase();
    let mut parts = vec![if section == state {
        format!("State: {state}")
    } else {
        format!("State: {state} ({section})")
    }];
    match a.state {
        State::Wait => parts.extend(a.act_from.map(|d| format!("act on {}", d.short(now)))),
        State::Snoozed => parts.extend(
            a.snoozed_until
                .map(|d| format!("snoozed until {}", d.short(now))),
        ),
        _ => {}
    }
    if let (Some(risk), Some(band)) = (a.stall_risk, a.band) {
        parts.push(format!("stall risk {risk} ({})", snake(&band)));
        parts.push(format!("confidence {}", snake(&a.confidence)));
    }
    parts.join(" · ")
}

fn suggestion_text(s: &Suggestion) -> String {
    let by = match (s.kind, s.channel) {
        (Kind::Wait, Some(c)) => format!(" (then by {})", channel_label(c).to_lowercase()),
        (_, Some(c)) if !s.drafts.is_empty() => {
            format!(" (best by {})", channel_label(c).to_lowercase())
        }
        _ => String::new(),
    };
    let mut out = format!("\n{}: {}{by}\n{}\n", copy::SUGGESTED, s.kind.label(), s.why);
    if let Some(advice) = &s.advice {
        out.push_str(&format!("{advice}\n"));
    }
    for d in &s.drafts {
        out.push_str(&format!(
            "\n── {}, {} ──\n",
            match d.channel {
                Channel::Call => "Call (voicemail)",
                c => channel_label(c),
            },
            d.tone.label().to_lowercase()
        ));
        if let Some(subject) = &d.subject {
            out.push_str(&format!("{}{subject}\n\n", copy::SUBJECT));
        }
        out.push_str(d.text.trim_end());
        out.push('\n');
        if !d.openers.is_empty() {
            out.push_str(&format!("\n{}\n", copy::CALL_OPENERS));
            for q in &d.openers {
                out.push_str(&format!("  - {q}\n"));
            }
        }
    }
    out
}

fn channel_label(c: Channel) -> &'static str {
    match c {
        Channel::Email => "Email",
        Channel::Text => "Text",
        Channel::Call => "Call",
        Channel::Meeting => "Meeting",
        Channel::Other => "Other",
    }
}

/// "pipeline.csv row 7" (JSON: the deal's position).
fn location(r: &Ranked) -> String {
    format!("{} row {}", r.read.source, r.read.row)
}

/// A serde enum's snake_case name (`walk_away`, `watch`).
fn snake<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => "-".to_string(),
    }
}

pub fn deal_label(r: &Ranked) -> String {
    r.read.name.clone().unwrap_or_else(|| r.read.key.clone())
}

fn top_reason(r: &Ranked) -> String {
    match &r.assessment {
        None => {
            let problem = r.read.problems.first().map(|p| p.short());
            format!("{NOT_SCORED}{}", problem.unwrap_or_default())
        }
        Some(a) if a.stall_risk.is_none() => format!("{NOT_SCORED}{}", closed_label(r, a)),
        Some(a) => match a.top_reason() {
            Some(reason) => reason.fact.clone(),
            None => "no stall signals".to_string(),
        },
    }
}

fn closed_label(r: &Ranked, a: &Assessment) -> String {
    let deal = r.read.deal.as_ref();
    let status = match deal.map(|d| d.status) {
        Some(DealStatus::Won) => "won",
        Some(DealStatus::Lost) => "lost",
        _ => return snake(&a.state),
    };
    match deal.and_then(|d| d.stage.as_deref()) {
        Some(stage) => format!("closed, {status} ({stage})"),
        None => format!("closed, {status}"),
    }
}

fn line(cells: [&str; 7]) -> String {
    let [rank, risk, state, deal, amount, act_on, reason] = cells;
    // A fact keeps its numbers; a problem with an unread row is simply cut.
    let reason = if reason.starts_with(NOT_SCORED) {
        fit(reason, REASON)
    } else {
        shorten_around_numbers(reason, REASON)
    };
    let text = format!(
        "{:>RANK$}  {:>RISK$}  {:<STATE$}  {:<DEAL$}  {:>AMOUNT$}  {:<ACT_ON$}  {}",
        fit(rank, RANK),
        fit(risk, RISK),
        fit(state, STATE),
        fit(deal, DEAL),
        fit(amount, AMOUNT),
        fit(act_on, ACT_ON),
        reason,
    );
    format!("{}\n", text.trim_end())
}

/// The text on one line: newlines and runs of spaces become one space.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts text to `width` characters, ending with `…` when cut; newlines become spaces.
fn fit(text: &str, width: usize) -> String {
    let flat = flatten(text);
    if flat.chars().count() <= width {
        flat
    } else {
        let mut cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Shortens a fact to `width` characters without cutting out its key number: the first count
/// with its unit ("21 days ago", "4 emails"; else the first date) is kept, then the words
/// before it, then the other numbers, then the words after, as far as they fit; whatever is
/// left out becomes `…`. A fact that fits is unchanged.
pub fn shorten_around_numbers(text: &str, width: usize) -> String {
    let flat = flatten(text);
    if flat.chars().count() <= width {
        return flat;
    }
    let words: Vec<&str> = flat.split(' ').collect();
    let fits = |keep: &[bool]| elided(&words, keep).chars().count() <= width;
    let phrases = number_phrases(&words);
    let mut keep = vec![false; words.len()];
    let add = |keep: &mut Vec<bool>, range: std::ops::Range<usize>| {
        let mut trial = keep.clone();
        trial[range].fill(true);
        if fits(&trial) {
            *keep = trial;
        }
    };
    // The words, a number phrase counting as one.
    let mut units: Vec<std::ops::Range<usize>> = Vec::new();
    let mut next = 0;
    for p in &phrases {
        units.extend((next..p.words.start).map(|i| i..i + 1));
        units.push(p.words.clone());
        next = p.words.end;
    }
    units.extend((next..words.len()).map(|i| i..i + 1));
    // Words from the start, in order, before `end` or up to the first that does not fit.
    let fill = |keep: &mut Vec<bool>, end: usize| {
        for unit in units.iter().filter(|u| u.start < end) {
            if keep[unit.start] {
                continue;
            }
            let mut trial = keep.clone();
            trial[unit.clone()].fill(true);
            if !fits(&trial) {
                break;
            }
            *keep = trial;
        }
    };
    let counts = phrases.iter().filter(|p| p.count);
    let dates = phrases.iter().filter(|p| !p.count);
    let mut ordered = counts.chain(dates);
    let key = ordered.next();
    if let Some(key) = key {
        add(&mut keep, key.words.clone());
        fill(&mut keep, key.words.start);
    }
    for phrase in ordered {
        add(&mut keep, phrase.words.clone());
    }
    fill(&mut keep, words.len());
    if keep.iter().any(|k| *k) {
        elided(&words, &keep)
    } else {
        fit(&flat, width)
    }
}

/// The kept words in order, each run of left-out words shown as `…`.
fn elided(words: &[&str], keep: &[bool]) -> String {
    let mut out = String::new();
    let mut gap = false;
    for (word, kept) in words.iter().zip(keep) {
        if !kept {
            gap = true;
            continue;
        }
        if gap && out.is_empty() {
            out.push('…');
        } else if gap {
            out.truncate(out.trim_end_matches([',', ';', ':']).len());
            out.push_str(" … ");
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        gap = false;
    }
    if gap {
        out.truncate(out.trim_end_matches([',', ';', ':', '.']).len());
        out.push('…');
    }
    out
}

/// A number in a fact with the words that give it its meaning: `21 days ago`, `4 emails`,
/// `(29 days ago)`, `60%`, `27 Feb`, `Feb 27, 2026`, `2026-03-12`.
struct Phrase {
    words: std::ops::Range<usize>,
    /// A count (`21 days`), kept before a date.
    count: bool,
}

/// Month names; a word of three letters or more that starts one is a month ("Mar", "Sept").
const MONTHS: [&str; 12] = [
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
/// Words after a number that are not its unit ("on 3 and 4 March").
const NOT_UNITS: [&str; 14] = [
    "and", "or", "to", "the", "of", "in", "on", "at", "for", "from", "since", "with", "by", "a",
];

fn number_phrases(words: &[&str]) -> Vec<Phrase> {
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let is_month = |w: &str| {
        let b = bare(w);
        b.len() >= 3
            && b.chars().all(char::is_alphabetic)
            && MONTHS.iter().any(|m| m.starts_with(b.as_str()))
    };
    let is_year = |w: &&str| {
        let b = bare(w);
        b.len() == 4 && b.chars().all(|c| c.is_ascii_digit())
    };
    // A word that ends its phrase: "ago)," "days;".
    let closes = |w: &str| w.ends_with([')', ',', ';', ':', '.']);
    let mut out: Vec<Phrase> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if !word.chars().any(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let b = bare(word);
        let numeric = b
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        // "2026-03-12", "3/12/2026": a date on its own.
        let dated = b.as_bytes().windows(3).any(|w| {
            w[0].is_ascii_digit() && (w[1] == b'-' || w[1] == b'/') && w[2].is_ascii_digit()
        });
        // "Feb 27": a month just before, not already part of the phrase before.
        let free = out.last().is_none_or(|p| p.words.end < i);
        let after_month = free
            && i > 0
            && numeric
            && word.starts_with(|c: char| c.is_ascii_digit())
            && is_month(words[i - 1]);
        let start = if after_month { i - 1 } else { i };
        let mut end = i + 1;
        let mut count = !dated && !after_month;
        let next = words.get(end).copied();
        if after_month {
            // "Feb 27, 2026"
            if (!closes(word) || word.ends_with(',')) && words.get(end).is_some_and(is_year) {
                end += 1;
            }
        } else if let Some(next) = next.filter(|_| numeric && !closes(word)) {
            let unit = bare(next);
            if is_month(next) {
                // "27 Feb", "27 Feb 2026"
                count = false;
                end += 1;
                if !closes(next) && words.get(end).is_some_and(is_year) {
                    end += 1;
                }
            } else if !unit.is_empty()
                && unit.chars().all(char::is_alphabetic)
                && !NOT_UNITS.contains(&unit.as_str())
            {
                // "21 days", "21 days ago", "4 emails"
                end += 1;
                if !closes(next) && words.get(end).is_some_and(|w| bare(w) == "ago") {
                    end += 1;
                }
            }
        }
        out.push(Phrase {
            words: start..end,
            count,
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_the_column() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a much longer deal name", 10), "a much lo…");
        assert_eq!(fit("two\nlines", 10), "two lines");
    }

    #[test]
    fn lines_fit_in_120_columns() {
        let long = "x".repeat(300);
        let l = line(["1", "100", "walk_away", &long, &long, &long, &long]);
        assert_eq!(l.trim_end().chars().count(), LINE);
    }

    #[test]
    fn shortening_keeps_the_numbers() {
        let fact = "Close date 27 Feb passed 21 days ago and the deal is still open";
        assert_eq!(shorten_around_numbers(fact, 80), fact);
        assert_eq!(
            shorten_around_numbers(fact, 38),
            "Close date 27 Feb passed 21 days ago…"
        );
        assert_eq!(shorten_around_numbers(fact, 20), "Close … 21 days ago…");
        let late = "Last reply from the buyer (per the export) was on 30 Jan (49 days ago), and you have written 4 emails since";
        assert_eq!(
            shorten_around_numbers(late, 38),
            "Last reply from the … (49 days ago)…"
        );
        let short = shorten_around_numbers(late, 70);
        assert_eq!(
            short,
            "Last reply from the buyer (per the export) was on … (49 days ago)…"
        );
        let no_numbers = "No recorded reason why the buyer wants this: the deal runs on hope";
        assert_eq!(
            shorten_around_numbers(no_numbers, 38),
            "No recorded reason why the buyer…"
        );
    }

    #[test]
    fn phrases_take_their_unit_and_dates_their_month() {
        let words: Vec<&str> =
            "on Feb 27, 2026 (29 days ago) 4 emails and 60% on 2026-03-12, 3 May 2026 and 5 and Mar 3 2027"
            .split(' ')
            .collect();
        let found: Vec<(String, bool)> = number_phrases(&words)
            .into_iter()
            .map(|p| (words[p.words].join(" "), p.count))
            .collect();
        assert_eq!(
            found,
            [
                ("Feb 27, 2026".to_string(), false),
                ("(29 days ago)".to_string(), true),
                ("4 emails".to_string(), true),
                ("60%".to_string(), true),
                ("2026-03-12,".to_string(), false),
                ("3 May 2026".to_string(), false),
                ("5".to_string(), true),
                ("Mar 3 2027".to_string(), false),
            ]
        );
    }

    #[test]
    fn amounts_keep_their_currency() {
        let m = |minor, c: Option<&str>| Money {
            minor,
            currency: c.map(str::to_string),
        };
        assert_eq!(amount_text(&m(4_850_000, Some("USD"))), "USD 48,500");
        assert_eq!(amount_text(&m(3_600_050, Some("$"))), "$36,000.50");
        assert_eq!(amount_text(&m(123_456, Some("€"))), "€1,234.56");
        assert_eq!(amount_text(&m(123_456_700, None)), "1,234,567");
        assert_eq!(amount_text(&m(-480_000, None)), "-4,800");
        assert_eq!(amount_text(&m(0, None)), "0");
        assert_eq!(amount_cell(&m(126_000_000, Some("USD")), 11), "USD 1.3M");
        assert_eq!(amount_cell(&m(-98_765_400, Some("€")), 8), "-€988K");
        assert_eq!(amount_cell(&m(4_850_000, Some("USD")), 11), "USD 48,500");
    }
}
