//! The application layer: what the overlay, the popup and the list panel show, decided here so
//! the browser glue only renders it. It sits above `crm` (reading pages) and `core` (risk,
//! message, notes): a page snapshot and what is stored go in, a view comes out.
//!
//! Every word the extension's pages show comes from here (`copy` for fixed wording) or from the
//! core (reasons, messages, note field labels).

mod badge;
pub mod copy;
mod date_order;
mod deal;
mod list;
mod memory;
pub mod options;
pub mod reminders;
mod today;

pub use badge::{score_text, serde_name, BadgeView};
pub use date_order::Remember;
pub use deal::{deal_view, field_label, page_deal, DealView, PageDeal};
pub use list::{list_view, ListRowView, ListView};
pub use memory::{seen_writes, stages_seen};
pub use today::{today_copied, today_view, TodayRow, TodaySection, TodayView};

use crate::core::date::Day;
use crate::core::notes;
use crate::core::seen;
use crate::core::settings;
use crate::crm::snapshot::RawSnapshot;
use crate::crm::{detect, read_rows, PageKind};
use serde_json::Value;

/// What a page gets: a deal's badge and card (a "not a deal" view on other pages), or a
/// list's triage panel.
#[derive(Debug, Clone, PartialEq)]
pub enum PageView {
    Deal(Box<DealView>),
    List(ListView),
}

/// The view of any page: `stored` holds what `storage_keys` named, as read from storage (a map
/// from key to value; missing keys are fine). The page is classified once, here.
pub fn page_view(snapshot: &RawSnapshot, stored: &Value, now: Day) -> PageView {
    let page = detect(&snapshot.url);
    match &page {
        Some(p) if p.kind.is_list() => PageView::List(list_view(snapshot, p, stored, now)),
        _ => PageView::Deal(Box::new(deal_view(snapshot, page.as_ref(), stored, now))),
    }
}

impl PageView {
    /// What the page settled that is worth storing (the host's date order), for the glue.
    pub fn remember(&self) -> Option<&Remember> {
        match self {
            PageView::Deal(v) => v.remember.as_ref(),
            PageView::List(v) => v.remember.as_ref(),
        }
    }
}

/// The deal view of any page, for the popup: a list or a page that is not a deal gets the
/// "not a deal" view (the popup takes notes for one deal at a time).
pub fn deal_page_view(snapshot: &RawSnapshot, stored: &Value, now: Day) -> DealView {
    let page = detect(&snapshot.url);
    deal_view(snapshot, page.as_ref(), stored, now)
}

/// The storage keys a page needs: the settings, and the notes of the deal (a record page) or
/// of every deal shown (a list or board).
pub fn storage_keys(snapshot: &RawSnapshot, now: Day) -> Vec<String> {
    let mut keys = vec![settings::STORAGE_KEY.to_string()];
    keys.extend(date_order::storage_key(snapshot));
    match detect(&snapshot.url) {
        Some(p) if p.kind.is_list() => {
            // The order does not change which rows there are, only how their dates read.
            let read = read_rows(snapshot, &p, now, None);
            for r in &read.rows {
                keys.push(notes::storage_key(&r.deal.key));
                keys.push(seen::storage_key(&r.deal.key));
            }
        }
        Some(p) => {
            if let Some(k) = p.key {
                keys.push(notes::storage_key(&k));
                keys.push(crate::core::message::memory::storage_key(&k));
            }
        }
        None => {}
    }
    keys
}

/// What remembering a page reads (`seen_writes`) beyond `storage_keys`: a record page's memory
/// key (`seen:<key>`). A list's are in `storage_keys` already (its view merges them); a record
/// page's view does not read its own, so the card and the popup are not redrawn when it is
/// written.
pub fn memory_keys(snapshot: &RawSnapshot) -> Vec<String> {
    match detect(&snapshot.url) {
        Some(p) if p.kind == PageKind::DealRecord => {
            p.key.map(|k| seen::storage_key(&k)).into_iter().collect()
        }
        _ => Vec::new(),
    }
}

/// The storage key of the notes of the deal on a record page; `None` elsewhere (lists too).
pub fn notes_storage_key(snapshot: &RawSnapshot) -> Option<String> {
    detect(&snapshot.url)
        .filter(|p| p.kind == PageKind::DealRecord)
        .and_then(|p| p.key)
        .map(|k| notes::storage_key(&k))
}

/// What to store when the rep copies the draft they are looking at (`choice`): the memory that
/// keeps an unanswered suggestion from being repeated; `None` on a page without a suggestion.
pub fn copied_record(
    snapshot: &RawSnapshot,
    stored: &Value,
    choice: crate::core::message::Choice,
    now: Day,
) -> Option<(String, Value)> {
    let view = deal_page_view(snapshot, stored, now);
    let key = view.deal_key.as_deref()?;
    let m = view.message.as_ref()?;
    let draft = m.pick(choice)?;
    let copied = crate::core::message::memory::Copied::of(m.kind, draft, now);
    Some((
        crate::core::message::memory::storage_key(key),
        serde_json::to_value(copied).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn snap(url: &str, unreadable: Option<&str>) -> RawSnapshot {
        serde_json::from_value(json!({
            "url": url,
            "title": "Acme | Salesforce",
            "fields": {"name": {"value": "Acme renewal"}, "stage": {"value": "Negotiation"}},
            "activities": [],
            "unreadable": unreadable,
        }))
        .unwrap()
    }

    #[test]
    fn a_page_the_reader_could_not_walk_is_not_scored_and_says_why() {
        let url =
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let PageView::Deal(read) = page_view(&snap(url, None), &Value::Null, today) else {
            panic!("a record page gives a deal view");
        };
        assert_eq!(read.deal_name.as_deref(), Some("Acme renewal"));
        let PageView::Deal(v) = page_view(
            &snap(url, Some("the page has more than 300000 elements to walk")),
            &Value::Null,
            today,
        ) else {
            panic!("a record page gives a deal view");
        };
        assert_eq!(v.score, None);
        assert!(v.reasons.is_empty() && v.message.is_none() && v.deal_name.is_none());
        assert_eq!(v.headline, copy::UNREADABLE);
        assert!(
            v.problems[0].contains("more than 300000 elements"),
            "{:?}",
            v.problems
        );
    }
}
