//! The ranked deals as a text table (about 120 columns wide) or as JSON.

use super::ranking::Ranked;
use crate::core::model::DealStatus;
use crate::core::risk::{Assessment, Band, Confidence, Reason};
use serde::Serialize;
use serde_json::Value;

/// Column widths: rank, risk, band, state, deal; the top reason takes the rest of the line.
const RANK: usize = 4;
const RISK: usize = 4;
const BAND: usize = 5;
const STATE: usize = 10;
const DEAL: usize = 32;
const LINE: usize = 120;
const REASON: usize = LINE - (RANK + RISK + BAND + STATE + DEAL + 2 * 5);

/// The table, a header line then one line per deal, ranked.
pub fn render_table(ranked: &[Ranked]) -> String {
    let mut out = line(["RANK", "RISK", "BAND", "STATE", "DEAL", "TOP REASON"]);
    let mut rank = 0;
    for r in ranked {
        let rank_text = match r.stall_risk() {
            Some(_) => {
                rank += 1;
                rank.to_string()
            }
            None => "-".to_string(),
        };
        let (risk, band, state) = match &r.assessment {
            Some(a) => (
                a.stall_risk.map_or("-".to_string(), |n| n.to_string()),
                a.band.map_or("-".to_string(), |b| snake(&b)),
                snake(&a.state),
            ),
            None => ("-".to_string(), "-".to_string(), "unreadable".to_string()),
        };
        out.push_str(&line([
            &rank_text,
            &risk,
            &band,
            &state,
            &deal_label(r),
            &top_reason(r),
        ]));
    }
    out.push_str(&summary(ranked));
    out
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

/// The ranked deals as a JSON array: {source, row, key, name, stall_risk, band, state,
/// reasons, confidence, missing, problems}. Unreadable rows have state `unreadable` and nulls.
pub fn render_json(ranked: &[Ranked]) -> Result<String, serde_json::Error> {
    let rows: Vec<JsonRow> = ranked.iter().map(JsonRow::of).collect();
    serde_json::to_string_pretty(&rows)
}

/// One deal in `--json` output; a struct so the fields keep this order.
#[derive(Serialize)]
struct JsonRow<'a> {
    source: &'a str,
    row: usize,
    key: &'a str,
    name: Option<&'a str>,
    stall_risk: Option<u8>,
    band: Option<Band>,
    state: String,
    reasons: &'a [Reason],
    confidence: Option<Confidence>,
    missing: &'a [String],
    /// Why the row was not read, or what was dropped from its notes.
    problems: Vec<String>,
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
            reasons: a.map_or(&[], |a| &a.reasons),
            confidence: a.map(|a| a.confidence),
            missing: a.map_or(&[], |a| &a.missing),
            problems: r.read.problems.iter().map(|p| p.to_string()).collect(),
        }
    }
}

/// A serde enum's snake_case name (`walk_away`, `watch`).
fn snake<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => "-".to_string(),
    }
}

fn deal_label(r: &Ranked) -> String {
    r.read.name.clone().unwrap_or_else(|| r.read.key.clone())
}

fn top_reason(r: &Ranked) -> String {
    match &r.assessment {
        None => {
            let problem = r.read.problems.first().map(|p| p.short());
            format!("not scored: {}", problem.unwrap_or_default())
        }
        Some(a) if a.stall_risk.is_none() => format!("not scored: {}", closed_label(r, a)),
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

fn line(cells: [&str; 6]) -> String {
    let [rank, risk, band, state, deal, reason] = cells;
    let text = format!(
        "{:>RANK$}  {:>RISK$}  {:<BAND$}  {:<STATE$}  {:<DEAL$}  {}",
        fit(rank, RANK),
        fit(risk, RISK),
        fit(band, BAND),
        fit(state, STATE),
        fit(deal, DEAL),
        fit(reason, REASON),
    );
    format!("{}\n", text.trim_end())
}

/// Cuts text to `width` characters, ending with `…` when cut; newlines become spaces.
fn fit(text: &str, width: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        flat
    } else {
        let mut cut: String = flat.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
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
        let l = line(["1", "100", "watch", "walk_away", &long, &long]);
        assert_eq!(l.trim_end().chars().count(), LINE);
    }
}
