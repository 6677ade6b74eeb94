//! The application layer: what the overlay, the popup and the list panel show, decided here so
//! the browser glue only renders it. It sits above `crm` (reading pages) and `core` (risk,
//! message, notes): a page snapshot and what is stored go in, a view comes out.
//!
//! Every word the extension's pages show comes from here (`copy` for fixed wording) or from the
//! core (reasons, messages, note field labels).

/// An enum whose values are strings shared with the extension's JavaScript (a `data-action`, a
/// refusal code), declared once: the enum, `ALL` and each value's string come from one list,
/// one `Variant => "string",` per line (the JavaScript tests read that list to compare tables).
macro_rules! shared_strings {
    (
        $(#[doc = $enum_doc:expr])*
        pub enum $name:ident, fn $string:ident;
        $($(#[doc = $doc:expr])* $variant:ident => $value:literal,)*
    ) => {
        $(#[doc = $enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[doc = $doc])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The string the extension's JavaScript uses for it.
            pub const fn $string(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)*
                }
            }
        }
    };
}

pub mod action;
mod badge;
pub mod copy;
mod date_order;
mod deal;
mod list;
mod memory;
pub mod options;
pub mod refused;
pub mod reminders;
mod today;

pub use badge::{corner, corner_moved, score_text, serde_name, BadgeView, CORNERS};
pub use date_order::Remember;
pub use deal::{deal_view, field_label, page_deal, DealView, PageDeal};
use deal::{deal_view_to, Depth};
pub use list::{list_view, ListRowView, ListView};
pub use memory::{seen_writes, stages_seen};
pub use today::{today_copied, today_view, TodayRow, TodaySection, TodayView};

use crate::core::correction::{self, Correction, Said};
use crate::core::date::Day;
use crate::core::message::memory::Copied;
use crate::core::message::Choice;
use crate::core::notes;
use crate::core::risk::ReasonCode;
use crate::core::seen;
use crate::core::store::{Effects, KeyKind, StoreKey, Stored};
use crate::crm::snapshot::RawSnapshot;
use crate::crm::{detect, row_keys, PageKind, PageRef};
use serde_json::Value;

/// What a page gets: a deal's badge and card (a "not a deal" view on other pages), or a
/// list's triage panel.
#[derive(Debug, Clone, PartialEq)]
pub enum PageView {
    Deal(Box<DealView>),
    List(ListView),
}

impl PageView {
    /// What the page settled that is worth storing (the host's date order).
    pub fn remember(&self) -> Effects {
        let r = match self {
            PageView::Deal(v) => v.remember.as_ref(),
            PageView::List(v) => v.remember.as_ref(),
        };
        r.map(Remember::effects).unwrap_or_default()
    }
}

/// One page's reading, classified once: every context starts from this for one event (the
/// background for the badge and the memory, the card and the popup for what they show), so a
/// snapshot is taken apart and its URL classified once per context per event.
#[derive(Debug, Clone)]
pub struct Page {
    snapshot: RawSnapshot,
    page: Option<PageRef>,
}

/// The background's answer to a page: the badge and what to store (the memory of the deals the
/// page showed, the host's date order).
#[derive(Debug, Clone, PartialEq)]
pub struct OnPage {
    pub badge: BadgeView,
    pub effects: Effects,
    /// The writes remember a deal not remembered before: the memory's limit is enforced right
    /// after them (a 1,000-row list must not wait for the next periodic pass).
    pub memory_grew: bool,
}

impl Page {
    pub fn new(snapshot: RawSnapshot) -> Page {
        let page = detect(&snapshot.url);
        Page { snapshot, page }
    }

    fn list(&self) -> Option<&PageRef> {
        self.page.as_ref().filter(|p| p.kind.is_list())
    }

    /// The storage keys the page's views read (badge, card, popup): the settings, the host's
    /// date order, and the notes and copied suggestion of the deal (a record page) or the notes
    /// and memory of every deal shown (a list or board).
    pub fn keys(&self) -> Vec<StoreKey> {
        let mut keys = vec![StoreKey::Settings];
        keys.extend(self.page.as_ref().map(date_order::storage_key));
        match &self.page {
            Some(p) if p.kind.is_list() => {
                for k in row_keys(&self.snapshot, p) {
                    keys.push(notes::storage_key(&k));
                    keys.push(seen::storage_key(&k));
                }
            }
            Some(p) => {
                if let Some(k) = &p.key {
                    keys.push(notes::storage_key(k));
                    keys.push(crate::core::message::memory::storage_key(k));
                    // Its memory: the close dates seen before, and what it looked like last.
                    keys.push(seen::storage_key(k));
                }
            }
            None => {}
        }
        keys
    }

    /// The key of the notes of the deal on a record page; `None` elsewhere (lists too).
    pub fn notes_key(&self) -> Option<StoreKey> {
        self.page
            .as_ref()
            .filter(|p| p.kind == PageKind::DealRecord)
            .and_then(|p| p.key.as_deref())
            .map(notes::storage_key)
    }

    /// The view of the page, with the drafts: the card. `now_ms` is the clock (`Date.now()`),
    /// which tells this look from the last (`seen::since_last_looked`).
    pub fn view(&self, stored: &Stored, now: Day, now_ms: u64) -> PageView {
        self.view_to(stored, now, now_ms, Depth::Drafts)
    }

    fn view_to(&self, stored: &Stored, now: Day, now_ms: u64, depth: Depth) -> PageView {
        match self.list() {
            Some(p) => PageView::List(list_view(&self.snapshot, p, stored, now)),
            None => PageView::Deal(Box::new(deal_view_to(
                &self.snapshot,
                self.page.as_ref(),
                stored,
                now,
                now_ms,
                depth,
            ))),
        }
    }

    /// The deal view of the page, for the popup: a list or a page that is not a deal gets
    /// the "not a deal" view (the popup takes notes for one deal at a time).
    pub fn deal_view(&self, stored: &Stored, now: Day, now_ms: u64) -> DealView {
        deal_view(&self.snapshot, self.page.as_ref(), stored, now, now_ms)
    }

    /// The background's one call per page event: the badge (scored without composing any
    /// draft) and, when `remember`, what the page adds to storage (the memory of its deals, the
    /// host's date order), from one reading. `stored` holds what `keys`
    /// named. A re-score after a storage change saw nothing new: it remembers nothing.
    pub fn on_page(&self, stored: &Stored, now: Day, now_ms: u64, remember: bool) -> OnPage {
        let view = self.view_to(stored, now, now_ms, Depth::Score);
        let badge = view.badge();
        let effects = match (&self.page, remember) {
            (Some(p), true) => {
                view.remember()
                    .and(seen_writes(&self.snapshot, p, &view, stored, now_ms, now))
            }
            _ => Effects::none(),
        };
        let memory_grew = effects.set.keys().any(|k| {
            StoreKey::parse(k)
                .is_some_and(|key| key.kind() == KeyKind::Seen && stored.get(&key).is_none())
        });
        OnPage {
            badge,
            effects,
            memory_grew,
        }
    }

    /// What to store when the rep copies the draft they are looking at (`choice`): the memory
    /// that keeps an unanswered suggestion from being repeated; nothing on a page without one.
    pub fn copied(&self, stored: &Stored, choice: Choice, now: Day, now_ms: u64) -> Effects {
        let view = self.deal_view(stored, now, now_ms);
        let copied = (|| {
            let m = view.message.as_ref()?;
            Some(Copied::effects(
                view.deal_key.as_deref()?,
                m.kind,
                m.pick(choice)?,
                now,
            ))
        })();
        copied.unwrap_or_default()
    }

    /// The rep's edits to this deal's notes (`edits`: only the fields edited, by name), merged
    /// over the stored notes, each changed field stamped with `now_ms`: what to write, with the
    /// status line (what was wrong in the edits, or "saved"). Nothing off a record page.
    pub fn notes_edited(&self, stored: &Stored, edits: &Value, now: Day, now_ms: u64) -> Effects {
        let Some(key) = self.notes_key() else {
            return Effects::none();
        };
        let current = stored.get(&key).unwrap_or(&Value::Null);
        let merged = notes::merge_form(current, edits, now, now_ms);
        let status = copy::saved_or_problems(&merged.problems, copy::notes_status::SAVED);
        match serde_json::to_value(&merged.notes) {
            Ok(v) => Effects::setting(key, v).with_status(status),
            Err(e) => Effects::none().with_status(e.to_string()),
        }
    }
}

impl Page {
    /// What to store when the rep corrects reason `code` on this deal: `said` (`replied`,
    /// `handled`, `close_date`, `not_this_deal`) with `day` (`2026-12-02`) when the choice
    /// needs one. Kept in the deal's notes with the day, what the page showed then and the
    /// reason's size; the effects' status says what was wrong when nothing is stored.
    pub fn corrected(
        &self,
        stored: &Stored,
        code: &str,
        said: &str,
        day: &str,
        now: Day,
        now_ms: u64,
    ) -> Effects {
        let refuse = |why: String| Effects::none().with_status(why);
        let (Some(key), Some(page)) = (self.notes_key(), self.page.as_ref()) else {
            return refuse(copy::correction::NOT_A_DEAL.into());
        };
        let Some(code) = ReasonCode::parse(code) else {
            return refuse(copy::correction::UNKNOWN.into());
        };
        let Some(said) = Said::parse(said) else {
            return refuse(copy::correction::UNKNOWN.into());
        };
        let day = match (said.needs_day(), day.trim()) {
            (false, _) => None,
            (true, "") => None,
            (true, text) => match crate::core::date::parse_iso(text) {
                Some(d) => Some(d),
                None => return refuse(copy::correction::BAD_DAY.into()),
            },
        };
        if let Some(why) = correction::refuse(code, said, day, now) {
            return refuse(why);
        }
        let deal = page_deal(&self.snapshot, Some(page), stored, now);
        let Some(reading) = deal.reading else {
            return refuse(copy::correction::NOT_A_DEAL.into());
        };
        let memory = seen::recalled(stored, &reading.deal.key, now, deal.settings.memory_days);
        let with_history = seen::with_history(&reading.deal, memory.as_ref());
        let c = Correction {
            code,
            said,
            day,
            on: now,
            basis: correction::basis(code, &reading.deal, &deal.notes),
            measure: crate::core::risk::measure(code, &with_history, &deal.settings, now),
        };
        let list = correction::with(&deal.notes.corrections, c);
        self.corrections_stored(stored, key, list, now_ms)
    }

    /// What to store when the rep undoes their correction of reason `code` on this deal.
    pub fn uncorrected(&self, stored: &Stored, code: &str, now_ms: u64) -> Effects {
        let Some(key) = self.notes_key() else {
            return Effects::none();
        };
        let Some(code) = ReasonCode::parse(code) else {
            return Effects::none().with_status(copy::correction::UNKNOWN);
        };
        let current = notes::load(stored.get(&key).unwrap_or(&Value::Null)).notes;
        let list = correction::without(&current.corrections, code);
        self.corrections_stored(stored, key, list, now_ms)
    }

    fn corrections_stored(
        &self,
        stored: &Stored,
        key: StoreKey,
        list: Vec<Correction>,
        now_ms: u64,
    ) -> Effects {
        let current = stored.get(&key).unwrap_or(&Value::Null);
        let merged = notes::with_corrections(current, list, now_ms);
        match serde_json::to_value(&merged.notes) {
            Ok(v) => Effects::setting(key, v),
            Err(e) => Effects::none().with_status(e.to_string()),
        }
    }
}

/// The view of any page, for the tests (the extension keeps a `Page` per reading).
#[cfg(test)]
pub fn page_view(snapshot: &RawSnapshot, stored: &Stored, now: Day) -> PageView {
    Page::new(snapshot.clone()).view(stored, now, 0)
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

    /// A record page with a timeline (so the deal has a message to compose), and its list.
    fn record_with_timeline() -> RawSnapshot {
        serde_json::from_value(json!({
            "url": "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
            "title": "Acme | Salesforce",
            "fields": {"name": {"value": "Acme renewal"}, "stage": {"value": "Negotiation"},
                       "close_date": {"value": "4/30/2026"}},
            "activities": [
                {"kind": "slds-timeline__item_email", "type": "slds-timeline__item_email",
                 "subject": "Following up", "date": "3/12/2026",
                 "header": "You sent an email to Dana Whitfield", "actor": "You",
                 "body": "Just checking in on this."},
                {"kind": "slds-timeline__item_email", "type": "slds-timeline__item_email",
                 "subject": "Re: proposal", "date": "3/2/2026",
                 "header": "Dana Whitfield sent you an email", "actor": "Dana Whitfield",
                 "body": "Thanks, we will review internally."}
            ],
        }))
        .unwrap()
    }

    fn list_page() -> RawSnapshot {
        serde_json::from_value(json!({
            "url": "https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent",
            "title": "Opportunities | Salesforce",
            "rows": [
                {"parts": {"id": "/lightning/r/0065g00000XyZ12AAB/view", "name": "Acme renewal"},
                 "pairs": [["Stage", "Negotiation"], ["Close Date", "4/30/2026"]]},
                {"parts": {"id": "/lightning/r/0065g00000XyZ13AAB/view", "name": "Birch"},
                 "pairs": [["Stage", "Prospecting"]]}
            ],
        }))
        .unwrap()
    }

    /// The counts docs/architecture.md gives: per context and per event, the page is read into
    /// deals once, and the badge composes no draft (the card composes them once).
    #[test]
    fn one_event_reads_the_page_once_and_the_badge_composes_no_draft() {
        use crate::core::message::composed;
        use crate::crm::counted;
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let stored = Stored::empty();
        counted::readings();
        composed::count();

        // The background: keys, then one call for the badge and the memory writes.
        let page = Page::new(record_with_timeline());
        let _ = page.keys();
        assert_eq!(counted::readings(), 0, "the keys need no reading");
        let answer = page.on_page(&stored, today, 1_000, true);
        assert_eq!(answer.badge.kind, "deal");
        assert!(
            answer.badge.number.parse::<u8>().is_ok(),
            "{:?}",
            answer.badge
        );
        assert!(
            answer.effects.set.keys().any(|k| k.starts_with("seen:")),
            "remembered from the same reading"
        );
        assert_eq!(
            counted::readings(),
            1,
            "the badge and the memory: one reading"
        );
        assert_eq!(composed::count(), 0, "the badge composes no draft");

        // The card: one reading and one composition per draw.
        let PageView::Deal(card) = page.view(&stored, today, 1_000) else {
            panic!("a deal view")
        };
        assert!(card.message.is_some(), "the card has its drafts");
        assert_eq!((counted::readings(), composed::count()), (1, 1));
        assert_eq!(
            card.score.map(|s| s.to_string()),
            Some(answer.badge.number),
            "the card's number is the badge's"
        );

        // A list: its keys need the row ids only; the badge and the rows' memory, one reading.
        let list = Page::new(list_page());
        assert_eq!(
            list.keys().len(),
            2 + 2 * 2,
            "settings, date order, notes and seen per row"
        );
        assert_eq!(counted::readings(), 0);
        let answer = list.on_page(&stored, today, 1_000, true);
        assert_eq!(answer.badge.kind, "list");
        assert_eq!(
            answer
                .effects
                .set
                .keys()
                .filter(|k| k.starts_with("seen:"))
                .count(),
            2
        );
        assert_eq!((counted::readings(), composed::count()), (1, 0));

        // A re-score after a storage change remembers nothing.
        assert!(page
            .on_page(&stored, today, 2_000, false)
            .effects
            .is_empty());
    }

    #[test]
    fn a_page_the_reader_could_not_walk_is_not_scored_and_says_why() {
        let url =
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let PageView::Deal(read) = page_view(&snap(url, None), &Stored::empty(), today) else {
            panic!("a record page gives a deal view");
        };
        assert_eq!(read.deal_name.as_deref(), Some("Acme renewal"));
        let PageView::Deal(v) = page_view(
            &snap(url, Some("the page has more than 300000 elements to walk")),
            &Stored::empty(),
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
