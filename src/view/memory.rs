//! What a page adds to the memory of deals (`core::seen`): the deal of a record page with its
//! timeline, or every deal a list or board shows. The background stores it after answering
//! with the badge, so remembering never delays the score.

use super::PageView;
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::seen::{self, SeenOn};
use crate::core::settings;
use crate::core::store::{Effects, Stored};
use crate::crm::snapshot::RawSnapshot;
use crate::crm::{PageKind, PageRef};

/// The `seen:<key>` entries to write after reading a page at `now_ms` (the rep's day `now`):
/// the deals its view (`view`, of the page `page` classified) read, given what is stored
/// (what `Page::keys` named). Nothing for a page that is not a deal
/// page, one the reader could not take, and deals whose memory would not change. The page is
/// not read again: the view's reading is remembered.
pub fn seen_writes(
    snapshot: &RawSnapshot,
    page: &PageRef,
    view: &PageView,
    stored: &Stored,
    now_ms: u64,
    now: Day,
) -> Effects {
    let mut out = Effects::none();
    if snapshot.unreadable.is_some() {
        return out;
    }
    let host = &page.host;
    let retention = settings::of(stored).0.memory_days;
    let mut write = |deal: &Deal, url: &str, on: SeenOn| {
        let key = seen::storage_key(&deal.key);
        // An entry past the retention period is forgotten already: this reading starts afresh.
        let earlier = stored
            .get(&key)
            .filter(|v| !seen::load(v).is_ok_and(|s| seen::expired(&s, now_ms, retention)));
        if let Some(entry) = seen::remember(earlier, deal, url, on, now_ms, now) {
            if let Ok(v) = serde_json::to_value(entry) {
                out.set(key, v);
            }
        }
    };
    match (page.kind, view) {
        (PageKind::DealRecord, PageView::Deal(v)) => {
            if let Some(deal) = &v.deal {
                write(deal, &snapshot.url, SeenOn::Record);
            }
        }
        (PageKind::DealList | PageKind::DealBoard, PageView::List(v)) => {
            let on = if page.kind == PageKind::DealList {
                SeenOn::List
            } else {
                SeenOn::Board
            };
            for deal in &v.deals {
                let url = page
                    .adapter
                    .record_url(host, &deal.key)
                    .unwrap_or_else(|| snapshot.url.clone());
                write(deal, &url, on);
            }
        }
        _ => {}
    }
    out
}

/// The open deals' stages among the deals remembered (distinct, sorted): what the options page
/// offers to give a norm of its own.
pub fn stages_seen(stored: &Stored, now_ms: u64) -> Vec<String> {
    let (settings, _) = settings::of(stored);
    let (entries, _) = seen::all(stored, now_ms, settings.memory_days);
    let mut stages: Vec<String> = entries
        .into_iter()
        .filter(|s| s.deal.status == crate::core::model::DealStatus::Open)
        .filter_map(|s| s.deal.stage)
        .collect();
    stages.sort();
    stages.dedup();
    stages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::store::StoreKey;
    use crate::view::{Page, PageView};
    use serde_json::{json, Value};

    /// The memory writes the background makes for a page (`Page::on_page`), as (key, value).
    fn seen_writes(
        snap: &RawSnapshot,
        stored: &Value,
        now: Day,
        now_ms: u64,
    ) -> Vec<(String, Value)> {
        let stored = Stored::from_value(stored.clone());
        Page::new(snap.clone())
            .on_page(&stored, now, now_ms, true)
            .effects
            .set
            .into_iter()
            .filter(|(k, _)| k.starts_with("seen:"))
            .collect()
    }

    fn page_view(snap: &RawSnapshot, stored: &Value, now: Day) -> PageView {
        crate::view::page_view(snap, &Stored::from_value(stored.clone()), now)
    }

    fn stages_seen(stored: &Value, now_ms: u64) -> Vec<String> {
        super::stages_seen(&Stored::from_value(stored.clone()), now_ms)
    }

    const RECORD: &str =
        "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";
    const LIST: &str =
        "https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent";

    fn today() -> Day {
        Day::from_ymd(2026, 11, 27).unwrap()
    }

    /// The record page: a buyer silent since 6 Nov after four of our emails.
    fn record() -> RawSnapshot {
        let mut activities = vec![json!({
            "kind": "slds-timeline__item_email", "type": "slds-timeline__item_email",
            "subject": "Re: proposal", "date": "11/6/2026",
            "header": "Dana Whitfield sent you an email", "actor": "Dana Whitfield",
            "body": "Thanks, we will review internally."
        })];
        for d in [10, 14, 18, 24] {
            activities.insert(
                0,
                json!({
                    "kind": "slds-timeline__item_email", "type": "slds-timeline__item_email",
                    "subject": "Following up", "date": format!("11/{d}/2026"),
                    "header": "You sent an email to Dana Whitfield", "actor": "You",
                    "body": "Just checking in on this."
                }),
            );
        }
        serde_json::from_value(json!({
            "url": RECORD, "title": "Northwind | Salesforce",
            "fields": {
                "name": {"value": "Northwind renewal"}, "stage": {"value": "Proposal/Price Quote"},
                "amount": {"value": "USD 48,500.00"}, "close_date": {"value": "12/20/2026"},
                "owner": {"value": "Jordan Reyes"}, "next_step": {"value": "Send revised SOW"},
                "contact": {"value": "Dana Whitfield"}
            },
            "activities": activities,
        }))
        .unwrap()
    }

    /// The list view a minute later: the same deal, one row, no timeline.
    fn list() -> RawSnapshot {
        serde_json::from_value(json!({
            "url": LIST, "title": "Opportunities | Salesforce",
            "rows": [{
                "parts": {"id": "/lightning/r/0065g00000XyZ12AAB/view", "name": "Northwind renewal"},
                "pairs": [["Stage", "Proposal/Price Quote"], ["Amount", "USD 48,500.00"],
                          ["Close Date", "12/20/2026"]]
            }],
        }))
        .unwrap()
    }

    fn store(map: &mut serde_json::Map<String, Value>, writes: Vec<(String, Value)>) {
        for (k, v) in writes {
            map.insert(k, v);
        }
    }

    fn list_row_score(stored: &Value) -> (Option<u8>, Option<String>) {
        let PageView::List(v) = page_view(&list(), stored, today()) else {
            panic!("a list view")
        };
        assert_eq!(v.rows.len(), 1, "{:?}", v.problems);
        (v.rows[0].score, v.rows[0].remembered.clone())
    }

    #[test]
    fn a_list_row_shows_what_the_record_page_read_once_the_deal_was_opened() {
        let PageView::Deal(rec) = page_view(&record(), &Value::Null, today()) else {
            panic!("a deal view")
        };
        let (before, remembered) = list_row_score(&Value::Null);
        assert_eq!(remembered, None, "never opened: nothing remembered");
        assert!(
            rec.score > before,
            "the record page (timeline) scores higher than the bare row: {:?} vs {before:?}",
            rec.score
        );

        let mut map = serde_json::Map::new();
        let writes = seen_writes(&record(), &Value::Null, today(), 1_000);
        assert_eq!(writes.len(), 1);
        assert_eq!(writes[0].0, "seen:sf:acme:0065g00000XyZ12");
        store(&mut map, writes);
        let (after, remembered) = list_row_score(&Value::Object(map.clone()));
        assert_eq!(after, rec.score, "the row now agrees with the record page");
        assert_eq!(remembered.as_deref(), Some("as of today"));

        // Seen on the list: the remembered timeline stays, the link stays the record page.
        let writes = seen_writes(
            &list(),
            &Value::Object(map.clone()),
            today(),
            2_000 + 3_600_000,
        );
        assert_eq!(writes.len(), 1, "an hour later, seen again");
        store(&mut map, writes);
        let entry = seen::load(&map["seen:sf:acme:0065g00000XyZ12"]).unwrap();
        assert_eq!(entry.url, RECORD);
        assert!(entry.deal.touches.is_some());
        // Two days later the same memory reads "as of" its day.
        let PageView::List(v) = page_view(&list(), &Value::Object(map), today().plus(2)) else {
            panic!()
        };
        assert!(v.rows[0]
            .remembered
            .as_deref()
            .unwrap()
            .starts_with("as of 27 Nov"));
    }

    #[test]
    fn a_list_seen_first_remembers_each_row_with_a_link_to_its_record() {
        let writes = seen_writes(&list(), &Value::Null, today(), 1_000);
        assert_eq!(writes.len(), 1);
        let entry = seen::load(&writes[0].1).unwrap();
        assert_eq!(
            entry.url,
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view"
        );
        assert_eq!((entry.on, entry.record_day), (SeenOn::List, None));
        // Only seen on a list: a row is not marked as remembered (nothing the list lacks).
        let map = json!({ writes[0].0.clone(): writes[0].1.clone() });
        assert_eq!(list_row_score(&map).1, None);
    }

    #[test]
    fn the_keys_name_every_memory_entry_remembering_reads() {
        let key = StoreKey::Seen("sf:acme:0065g00000XyZ12".to_string());
        assert!(
            Page::new(record()).keys().contains(&key),
            "the card reads its memory: the close dates seen before, the last look"
        );
        assert!(Page::new(list()).keys().contains(&key));
    }

    #[test]
    fn the_stages_of_open_deals_seen_are_offered_for_norms() {
        let writes = seen_writes(&record(), &Value::Null, today(), 1_000);
        let map = Value::Object(writes.into_iter().collect());
        assert_eq!(stages_seen(&map, 2_000), ["Proposal/Price Quote"]);
        assert!(stages_seen(&Value::Null, 2_000).is_empty());
    }

    #[test]
    fn pages_that_are_not_deals_or_could_not_be_read_remember_nothing() {
        let mut unreadable = record();
        unreadable.unreadable = Some("too big".into());
        assert!(seen_writes(&unreadable, &Value::Null, today(), 1).is_empty());
        let mut contact = record();
        contact.url =
            "https://acme.lightning.force.com/lightning/r/Contact/0035g00000Ax7Cc/view".into();
        assert!(seen_writes(&contact, &Value::Null, today(), 1).is_empty());
    }
}
