//! The triage panel on list views and boards: the deals on screen, riskiest first.

use super::copy;
use crate::core::date::Day;
use crate::core::notes;
use crate::core::risk::{assess, today_order, Band, Section, State, TodayKey};
use crate::core::seen;
use crate::core::settings;
use crate::core::store::Stored;
use crate::crm::snapshot::RawSnapshot;
use crate::crm::{read_rows, PageRef, Parsed};
use serde::Serialize;
use serde_json::Value;

/// One deal in the list/board triage panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListRowView {
    pub key: String,
    pub name: String,
    pub stage: Option<String>,
    /// The stall risk 0–100; `None` for closed deals.
    pub score: Option<u8>,
    pub band: Option<Band>,
    pub state: State,
    /// The largest reason's fact, or the state in words.
    pub top_reason: Option<String>,
    /// What the row was understood to say, machine-readable (the row's `data-json`).
    pub parsed: Parsed,
    /// Where it goes in the day's queue.
    pub section: Section,
    /// "as of Tue": the row is scored with the timeline its record page showed that day (the
    /// list shows none); `None` when the rep has not opened the deal (or not within the
    /// retention period).
    pub remembered: Option<String>,
    /// Its place in the queue (section, risk, the buyer's deadline, the date to act, amount).
    #[serde(skip)]
    pub order: TodayKey,
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
    /// A storage write for the glue: the date order this page proved for its host.
    pub remember: Option<super::Remember>,
    /// Each row's deal as the list shows it (before notes and memory), for the memory of deals.
    #[serde(skip)]
    pub deals: Vec<crate::core::model::Deal>,
}

/// Scores every deal a list or board shows, with the rep's notes for each (`stored` holds
/// `settings` and `notes:<key>` entries, as in storage). A list shows no timeline, so the
/// reasons are the ones its columns and the notes support.
pub fn list_view(snapshot: &RawSnapshot, page: &PageRef, stored: &Stored, now: Day) -> ListView {
    let (settings, mut problems) = settings::of(stored);
    if let Some(why) = &snapshot.unreadable {
        problems.insert(0, super::copy::unreadable_problem(why));
    }
    let preferred = super::date_order::preferred(&settings, stored, Some(page));
    let read = read_rows(snapshot, page, now, preferred);
    let remember = super::date_order::remember(read.page_order, stored, Some(page));
    let date_order = read.date_order;
    let rows = read.rows;
    problems.extend(read.problems);
    let mut views: Vec<ListRowView> = rows
        .iter()
        .map(|r| {
            let key = notes::storage_key(&r.deal.key);
            let loaded = notes::load(stored.get(&key).unwrap_or(&Value::Null));
            // A deal whose record page the rep opened: its remembered reading (the timeline,
            // the next step) under what this row shows now, field by field.
            let recalled = seen::recalled(stored, &r.deal.key, now, settings.memory_days)
                .filter(|m| m.record_day.is_some());
            let deal = match &recalled {
                Some(m) => seen::merged(&m.deal, &r.deal),
                None => r.deal.clone(),
            };
            let a = assess(Some(&deal), &loaded.notes, &settings, now);
            let order = TodayKey::of(
                &a,
                loaded.notes.deadline,
                deal.amount.as_ref().map(|m| m.units()),
            );
            let top_reason = match a.state {
                State::Closed => Some("Closed: not scored".to_string()),
                State::Snoozed => a
                    .snoozed_until
                    .map(|d| format!("Snoozed until {}", d.short(now))),
                State::Wait => a
                    .act_from
                    .map(|d| format!("Wait: act from {}", d.short(now))),
                _ => a.top_reason().map(|x| x.fact.clone()),
            };
            ListRowView {
                key: r.deal.key.clone(),
                name: r
                    .deal
                    .name
                    .clone()
                    .unwrap_or_else(|| copy::UNNAMED_DEAL.to_string()),
                stage: r.deal.stage.clone(),
                score: a.stall_risk,
                band: a.band,
                state: a.state,
                top_reason,
                parsed: Parsed::of(&r.deal, date_order),
                section: a.section(),
                remembered: recalled
                    .and_then(|m| m.record_day)
                    .map(|d| copy::remembered_as_of(d, now)),
                order,
            }
        })
        .collect();
    // The day's queue: act today (riskiest, nearest deadline, largest first), then waiting,
    // paused and closed; ties keep page order.
    today_order(&mut views, |v| v.order);
    let stalling = views.iter().filter(|v| v.band == Some(Band::High)).count();
    let open = views.iter().filter(|v| v.score.is_some()).count();
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
        rows: views,
        problems,
        remember,
        deals: rows.into_iter().map(|r| r.deal).collect(),
    }
}
