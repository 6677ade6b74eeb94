//! Everything the overlay and popup show, decided here so the browser glue only renders it.

use super::date::Day;
use super::message::{compose, Suggestion};
use super::notes::{self, Notes};
use super::risk::{assess, Band, Confidence, Reason, State, MISSING_NOTES};
use super::settings::{self, Settings};
use super::snapshot::RawSnapshot;
use crate::crm::{self, PageKind, ReadField};
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealView {
    pub page_kind: Option<PageKind>,
    /// The notes key; `None` when the page is not a deal record.
    pub deal_key: Option<String>,
    pub deal_name: Option<String>,
    /// The integer 0–100, or `–` when the page is not a scoreable open deal.
    pub score: String,
    pub band: Option<Band>,
    pub state: State,
    pub headline: String,
    pub reasons: Vec<Reason>,
    pub confidence: Confidence,
    pub missing: Vec<String>,
    /// One line on how much the score can be trusted, naming what could not be seen.
    pub confidence_note: Option<String>,
    pub message: Option<Suggestion>,
    /// The "what I read" list.
    pub read: Vec<ReadField>,
    /// Problems with stored notes or settings (the rest still counted).
    pub problems: Vec<String>,
    /// The notes as understood, for the popup's form.
    pub notes: Notes,
}

/// The label the "what I read" list shows for a field.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "name" => "Deal",
        "stage" => "Stage",
        "amount" => "Amount",
        "close_date" => "Close date",
        "owner" => "Owner",
        "next_step" => "Next step",
        "contact" => "Contact",
        "activities" => "Activity",
        _ => "Field",
    }
}

/// Reads the page, assesses the deal and composes the message, in one pure step.
pub fn deal_view(
    snapshot: &RawSnapshot,
    notes_json: &Value,
    settings_json: &Value,
    now: Day,
) -> DealView {
    let reading = crm::read(snapshot, now);
    let loaded = notes::load(notes_json);
    let (settings, mut problems): (Settings, Vec<String>) = settings::load(settings_json);
    problems.extend(loaded.problems);
    let deal = reading.deal.as_ref();
    let assessment = assess(deal, &loaded.notes, &settings, now);
    let message = compose(deal, &loaded.notes, &assessment, &settings, now);
    let score = assessment
        .stall_risk
        .map_or_else(|| "–".to_string(), |r| r.to_string());
    let headline = match assessment.state {
        State::NotADeal => "Not a deal page: nothing to score".to_string(),
        State::Closed => format!(
            "{}: closed deals are not scored",
            deal.and_then(|d| d.stage.clone())
                .unwrap_or_else(|| "Closed".into())
        ),
        State::Snoozed => match assessment.snoozed_until {
            Some(d) => format!("Snoozed until {}", d.short(now)),
            None => "Snoozed".to_string(),
        },
        State::Wait => match assessment.act_from {
            Some(d) => format!("Wait: act from {}", d.short(now)),
            None => "Wait".to_string(),
        },
        State::WalkAway => "Consider walking away".to_string(),
        State::Act => match assessment.band {
            Some(Band::High) => "High stall risk".to_string(),
            Some(Band::Watch) => "Watch this deal".to_string(),
            _ => "Low stall risk".to_string(),
        },
    };
    // What the page lacked; missing notes already show as the `no_reason` reason.
    let unseen: Vec<&str> = assessment
        .missing
        .iter()
        .map(String::as_str)
        .filter(|m| *m != MISSING_NOTES)
        .collect();
    let confidence_note = (!unseen.is_empty() && assessment.stall_risk.is_some()).then(|| {
        let level = match assessment.confidence {
            Confidence::High => "High",
            Confidence::Medium => "Medium",
            Confidence::Low => "Low",
        };
        format!("{level} confidence. Could not see: {}.", unseen.join("; "))
    });
    DealView {
        confidence_note,
        page_kind: reading.page.as_ref().map(|p| p.kind),
        deal_key: deal.map(|d| d.key.clone()),
        deal_name: deal.and_then(|d| d.name.clone()),
        score,
        band: assessment.band,
        state: assessment.state,
        headline,
        reasons: assessment.reasons,
        confidence: assessment.confidence,
        missing: assessment.missing,
        message,
        read: reading.fields,
        problems,
        notes: loaded.notes,
    }
}

/// One deal in the list/board triage panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListRowView {
    pub key: String,
    pub name: String,
    pub stage: Option<String>,
    /// The integer 0–100, or `–` for closed deals.
    pub score: String,
    pub band: Option<Band>,
    pub state: State,
    /// The largest reason's fact, or the state in words.
    pub top_reason: Option<String>,
}

/// The triage panel on list and board pages: the visible deals, riskiest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListView {
    pub headline: String,
    /// Open deals in the high band.
    pub stalling: usize,
    pub rows: Vec<ListRowView>,
    /// What could not be read, in plain words.
    pub problems: Vec<String>,
}

/// Scores every deal a list or board shows, with the rep's notes for each (`stored` holds
/// `settings` and `notes:<key>` entries, as in storage). A list shows no timeline, so the
/// reasons are the ones its columns and the notes support.
pub fn list_view(snapshot: &RawSnapshot, stored: &Value, now: Day) -> ListView {
    let (settings, mut problems) = settings::load(stored.get("settings").unwrap_or(&Value::Null));
    let (rows, row_problems) = crm::read_rows(snapshot, now);
    problems.extend(row_problems);
    let mut views: Vec<(Option<u8>, ListRowView)> = rows
        .iter()
        .map(|r| {
            let key = notes::storage_key(&r.deal.key);
            let loaded = notes::load(stored.get(&key).unwrap_or(&Value::Null));
            let a = assess(Some(&r.deal), &loaded.notes, &settings, now);
            let top_reason = match a.state {
                State::Closed => Some("Closed: not scored".to_string()),
                State::Snoozed => a
                    .snoozed_until
                    .map(|d| format!("Snoozed until {}", d.short(now))),
                _ => a.reasons.first().map(|x| x.fact.clone()),
            };
            let view = ListRowView {
                key: r.deal.key.clone(),
                name: r
                    .deal
                    .name
                    .clone()
                    .unwrap_or_else(|| "Unnamed deal".to_string()),
                stage: r.deal.stage.clone(),
                score: a
                    .stall_risk
                    .map_or_else(|| "–".to_string(), |x| x.to_string()),
                band: a.band,
                state: a.state,
                top_reason,
            };
            (a.stall_risk, view)
        })
        .collect();
    // Riskiest first; unscored (closed) deals last; ties keep page order.
    views.sort_by_key(|(risk, _)| std::cmp::Reverse(risk.map_or(-1, i32::from)));
    let stalling = views
        .iter()
        .filter(|(_, v)| v.band == Some(Band::High))
        .count();
    let open = views.iter().filter(|(r, _)| r.is_some()).count();
    let headline = match (views.len(), stalling) {
        (0, _) => "No deals found on this page".to_string(),
        (_, 0) => format!("None of the {open} open deals here is stalling"),
        (_, n) => format!(
            "{n} of the {open} open deals here {} stalling",
            if n == 1 { "is" } else { "are" }
        ),
    };
    for r in &rows {
        for p in &r.problems {
            problems.push(format!(
                "{}: {p}",
                r.deal.name.as_deref().unwrap_or("a deal")
            ));
        }
    }
    ListView {
        headline,
        stalling,
        rows: views.into_iter().map(|(_, v)| v).collect(),
        problems,
    }
}
