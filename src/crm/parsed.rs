//! What a page was understood to say, in one machine-readable shape: the overlay's
//! `[data-testid="read-parsed"]` and each list row's `data-json` carry it, for tests and for a
//! rep helping support ("this is what Stallwatch understood").

use super::snapshot::RawSnapshot;
use crate::core::date::{settle_named_order, settle_order, NumericOrder};
use crate::core::model::{Channel, Deal, Direction};
use serde::Serialize;

/// How a page's all-numeric dates were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
    /// Nothing on the page, in the settings or remembered for the host says: ambiguous dates
    /// are not used.
    Unsure,
}

impl From<Option<NumericOrder>> for DateOrder {
    fn from(order: Option<NumericOrder>) -> Self {
        match order {
            Some(NumericOrder::DayFirst) => DateOrder::DayFirst,
            Some(NumericOrder::MonthFirst) => DateOrder::MonthFirst,
            None => DateOrder::Unsure,
        }
    }
}

/// The day/month order a page's own dates prove: every date it shows (fields, the dates read
/// only as evidence, timeline items, list cells) is a sample; `None` when none settles it or
/// they disagree.
pub fn settle_page_order(snapshot: &RawSnapshot) -> Option<NumericOrder> {
    let fields = snapshot.fields.values().flatten().map(|f| f.value.as_str());
    let hints = snapshot.date_hints.iter().map(String::as_str);
    let items = snapshot
        .activities
        .iter()
        .flatten()
        .filter_map(|a| a.get("date").map(String::as_str));
    let rows = snapshot.rows.iter().flatten().flat_map(|r| {
        r.pairs
            .iter()
            .map(|(_, v)| v.as_str())
            .chain(r.parts.values().map(String::as_str))
    });
    // Samples are the numeric dates inside each value ("Jordan Reyes, 25/03/2025, 09:12" holds
    // one); a value longer than a sentence (a deal name, a body) is not looked into. Without a
    // numeric proof, dates written with month names say which way the locale goes ("3 Nov").
    let values: Vec<&str> = fields
        .chain(hints)
        .chain(items)
        .chain(rows)
        .filter(|s| s.len() <= 80)
        .collect();
    settle_order(values.iter().flat_map(|v| numeric_dates(v)))
        .or_else(|| settle_named_order(values.iter().copied()))
}

/// The all-numeric dates in a value: words of digits with two `/`, `.` or `-` separators.
fn numeric_dates(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| {
            let seps = w.chars().filter(|c| matches!(c, '/' | '.' | '-')).count();
            seps == 2
                && w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
        })
}

/// The ISO code for a symbol that names one currency (`€` → `EUR`); `$`, `¥` and codes stay as
/// shown, since the page does not say which dollar or yen.
fn currency_code(shown: &str) -> String {
    match shown {
        "€" => "EUR",
        "£" | "£GB" => "GBP",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        other => other,
    }
    .to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedAmount {
    pub units: i64,
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedTouches {
    /// Past activities read with their side (emails, calls, meetings, notes and done tasks).
    pub total: usize,
    pub inbound: usize,
    pub outbound: usize,
    /// Past meetings (also counted in inbound or outbound).
    pub meetings: usize,
    pub internal: usize,
    /// The buyer's most recent inbound touch, `YYYY-MM-DD`.
    pub last_inbound: Option<String>,
    /// Scheduled and open items, not counted as touches.
    pub upcoming: usize,
    /// Past activities whose side the page did not show (not in `total`): counted, never
    /// guessed. Left out of the JSON when there are none.
    #[serde(skip_serializing_if = "is_zero")]
    pub unknown: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parsed {
    pub name: Option<String>,
    pub stage: Option<String>,
    pub amount: Option<ParsedAmount>,
    pub close_date: Option<String>,
    pub owner: Option<String>,
    pub next_step: Option<String>,
    pub contact: Option<String>,
    pub date_order: DateOrder,
    /// `None` when no timeline was read (list rows, pages without one).
    pub touches: Option<ParsedTouches>,
}

impl Parsed {
    pub fn of(deal: &Deal, date_order: DateOrder) -> Parsed {
        let touches = deal.touches.as_ref().map(|ts| {
            let count = |d: Direction| ts.iter().filter(|t| t.direction == d).count();
            ParsedTouches {
                total: ts.len() - count(Direction::Unknown),
                unknown: count(Direction::Unknown),
                inbound: count(Direction::Inbound),
                outbound: count(Direction::Outbound),
                meetings: ts.iter().filter(|t| t.channel == Channel::Meeting).count(),
                internal: count(Direction::Internal),
                last_inbound: ts
                    .iter()
                    .filter(|t| t.direction == Direction::Inbound)
                    .map(|t| t.day)
                    .max()
                    .map(|d| d.iso()),
                upcoming: deal.upcoming.len(),
            }
        });
        Parsed {
            name: deal.name.clone(),
            stage: deal.stage.clone(),
            amount: deal.amount.as_ref().map(|m| ParsedAmount {
                units: m.units(),
                currency: m.currency.as_deref().map(currency_code),
            }),
            close_date: deal.close_date.map(|d| d.iso()),
            owner: deal.owner.clone(),
            next_step: deal.next_step.clone(),
            contact: deal.contact.clone(),
            date_order,
            touches,
        }
    }
}
