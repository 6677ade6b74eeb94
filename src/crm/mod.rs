//! CRM knowledge: which pages are deals, and how a raw page snapshot becomes a `Deal`.
//!
//! Each CRM's selectors and label maps live in its own module as data (`salesforce`,
//! `hubspot`); this module holds what both share: URL recognition and interpretation.

pub mod hubspot;
pub mod plan;
pub mod salesforce;

use crate::core::date::{parse_display_date, Day, NumericOrder};
use crate::core::model::{status_from_stage, Crm, Deal, Direction, Touch};
use crate::core::money::parse_money;
use crate::core::snapshot::{RawSnapshot, FIELDS};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    DealRecord,
    DealList,
    DealBoard,
    NotADeal,
}

/// What a URL says about the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageRef {
    pub crm: Crm,
    pub kind: PageKind,
    /// The notes key for a deal record (`sf:acme:0065g00000XyZ12`, `hs:123:456`).
    pub key: Option<String>,
}

/// Splits `https://host/path?query#frag` into (lowercase host, path).
fn host_and_path(url: &str) -> Option<(String, &str)> {
    // (Also used for list pages' org and portal.)
    let rest = url.strip_prefix("https://")?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    Some((host, path))
}

fn is_salesforce_host(host: &str) -> bool {
    let org = host.split('.').next().unwrap_or("");
    let tail = &host[org.len()..];
    let tail = [".sandbox", ".develop", ".scratch"]
        .iter()
        .find_map(|p| tail.strip_prefix(p))
        .unwrap_or(tail);
    !org.is_empty()
        && org.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && (tail == ".lightning.force.com" || tail == ".my.salesforce.com")
}

fn is_hubspot_host(host: &str) -> bool {
    match host.strip_suffix(".hubspot.com") {
        Some("app") => true,
        Some(h) => h.strip_prefix("app-").is_some_and(|region| {
            let letters = region.trim_end_matches(|c: char| c.is_ascii_digit());
            !letters.is_empty()
                && letters.len() < region.len()
                && letters.chars().all(|c| c.is_ascii_lowercase())
        }),
        None => false,
    }
}

fn is_sf_record_id(s: &str) -> bool {
    (s.len() == 15 || s.len() == 18) && s.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Recognises a CRM page from its URL. Mirrors the read plans' `hosts` and `pages` patterns
/// (the same URL table tests both: tests/urls.json).
pub fn detect(url: &str) -> Option<PageRef> {
    let (host, path) = host_and_path(url)?;
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if is_salesforce_host(&host) {
        let org = host.split('.').next().unwrap_or("");
        let record = match segs.as_slice() {
            ["lightning", "r", "Opportunity", id, "view", ..] => Some(*id),
            ["lightning", "r", id, "view", ..] => Some(*id),
            _ => None,
        };
        let (kind, key) = match record {
            Some(id) if is_sf_record_id(id) && id.starts_with("006") => (
                PageKind::DealRecord,
                // The 18-character form only adds a case checksum to the 15-character id.
                Some(format!("sf:{org}:{}", &id[..15])),
            ),
            _ => match segs.as_slice() {
                ["lightning", "o", "Opportunity", "list" | "home", ..] => {
                    (PageKind::DealList, None)
                }
                _ => (PageKind::NotADeal, None),
            },
        };
        return Some(PageRef {
            crm: Crm::Salesforce,
            kind,
            key,
        });
    }
    if is_hubspot_host(&host) {
        let (kind, key) = match segs.as_slice() {
            ["contacts", portal, "record", "0-3", deal, ..]
            | ["contacts", portal, "deal", deal, ..]
                if is_digits(portal) && is_digits(deal) =>
            {
                (PageKind::DealRecord, Some(format!("hs:{portal}:{deal}")))
            }
            ["contacts", portal, "objects", "0-3", "views", _, view, ..] if is_digits(portal) => {
                match *view {
                    "list" => (PageKind::DealList, None),
                    "board" => (PageKind::DealBoard, None),
                    _ => (PageKind::NotADeal, None),
                }
            }
            _ => (PageKind::NotADeal, None),
        };
        return Some(PageRef {
            crm: Crm::Hubspot,
            kind,
            key,
        });
    }
    None
}

/// One line of the overlay's "what I read" list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadField {
    pub field: &'static str,
    /// The value as read (for `activities`: how many items), or `None` when not read.
    pub value: Option<String>,
    /// What went wrong or what it means, in plain words ("not on this page", "could not
    /// read '#Error!' as an amount").
    pub note: Option<String>,
}

/// A page, read and interpreted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub page: Option<PageRef>,
    /// Present for deal record pages.
    pub deal: Option<Deal>,
    pub fields: Vec<ReadField>,
}

/// Values CRMs show for "nothing here".
fn is_placeholder(v: &str) -> bool {
    matches!(
        v.trim(),
        "" | "-" | "--" | "—" | "–" | "No value" | "None" | "(none)" | "No owner"
    )
}

/// Collapses whitespace and removes a label glued in front of the value.
fn clean(value: &str, labels: &[&str]) -> Option<String> {
    let collapsed = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut v = collapsed.as_str();
    for label in labels {
        if let Some(rest) = v.strip_prefix(label) {
            v = rest.trim_start_matches([':', ' ']);
            break;
        }
    }
    if is_placeholder(v) {
        None
    } else {
        Some(v.to_string())
    }
}

/// Turns a raw snapshot into a deal (on a deal record page) and the "what I read" list.
/// Never fails: what cannot be read is said in the list and left out of the deal.
pub fn read(snapshot: &RawSnapshot, now: Day) -> Reading {
    let page = detect(&snapshot.url);
    let Some(page_ref) = page.clone().filter(|p| p.kind == PageKind::DealRecord) else {
        return Reading {
            page,
            deal: None,
            fields: Vec::new(),
        };
    };
    let labels = match page_ref.crm {
        Crm::Salesforce => salesforce::LABELS,
        _ => hubspot::LABELS,
    };
    let mut fields = Vec::new();
    let mut deal = Deal {
        crm: page_ref.crm,
        key: page_ref.key.clone().unwrap_or_default(),
        ..Deal::default()
    };
    for field in FIELDS {
        let raw = snapshot.fields.get(field).cloned().flatten();
        let value = raw.as_ref().and_then(|r| clean(&r.value, labels));
        let mut note = None;
        match (field, value.as_deref()) {
            ("name", None) => {
                // Fall back on the tab title: "Northwind — Rollout | Opportunity | Salesforce".
                let t = snapshot.title.split(" | ").next().unwrap_or("").trim();
                if !t.is_empty() && !is_placeholder(t) {
                    deal.name = Some(t.to_string());
                    note = Some("from the tab title".into());
                }
            }
            ("name", Some(v)) => deal.name = Some(v.to_string()),
            ("stage", Some(v)) => {
                deal.stage = Some(v.to_string());
                deal.status = status_from_stage(v);
            }
            ("amount", Some(v)) => match parse_money(v) {
                Ok(m) => deal.amount = Some(m),
                Err(e) => note = Some(format!("not used: {e}")),
            },
            ("close_date", Some(v)) => match parse_display_date(v, now, NumericOrder::MonthFirst) {
                Some(d) => deal.close_date = Some(d),
                None => note = Some(format!("not used: {v:?} is not a date I can read")),
            },
            ("owner", Some(v)) => deal.owner = Some(v.to_string()),
            ("next_step", Some(v)) => deal.next_step = Some(v.to_string()),
            ("contact", Some(v)) => deal.contact = Some(v.to_string()),
            (_, None) => {}
            _ => {}
        }
        if value.is_none() && note.is_none() {
            note = Some("not found on this page".into());
        }
        let shown = value.or_else(|| (field == "name").then(|| deal.name.clone()).flatten());
        fields.push(ReadField {
            field,
            value: shown,
            note,
        });
    }
    let (touches, activity_line) = read_activities(snapshot, page_ref.crm, now);
    deal.touches = touches;
    fields.push(activity_line);
    Reading {
        page,
        deal: Some(deal),
        fields,
    }
}

fn read_activities(snapshot: &RawSnapshot, crm: Crm, now: Day) -> (Option<Vec<Touch>>, ReadField) {
    let Some(items) = &snapshot.activities else {
        return (
            None,
            ReadField {
                field: "activities",
                value: None,
                note: Some("no activity timeline found on this page".into()),
            },
        );
    };
    let mut touches = Vec::new();
    let mut skipped = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let part = |k: &str| item.get(k).map(String::as_str).unwrap_or("");
        let channel = match crm {
            Crm::Salesforce => salesforce::channel_of(part("kind"), part("icon")),
            _ => hubspot::channel_of(part("kind"), part("header")),
        };
        let Some(channel) = channel else {
            skipped.push(format!("item {} (unknown type)", i + 1));
            continue;
        };
        let Some(day) = parse_display_date(part("date"), now, NumericOrder::MonthFirst) else {
            skipped.push(format!("item {} (date {:?})", i + 1, part("date")));
            continue;
        };
        let direction: Direction = match crm {
            Crm::Salesforce => salesforce::direction_of(channel, part("header"), part("subject")),
            _ => hubspot::direction_of(channel, part("header")),
        };
        touches.push(Touch {
            day,
            direction,
            channel,
            subject: collapse(part("subject")),
            body: collapse(part("body")),
        });
    }
    let value = format!("{} items", items.len());
    let note = if skipped.is_empty() {
        None
    } else {
        Some(format!("could not read {}", skipped.join(", ")))
    };
    (
        Some(touches),
        ReadField {
            field: "activities",
            value: Some(value),
            note,
        },
    )
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A deal read from one row of a list or card of a board, with what could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct RowRead {
    pub deal: Deal,
    pub problems: Vec<String>,
}

/// The record id in a row: the plan's `id` part, or the id at the end of a record link.
fn row_id(raw: &str, crm: Crm) -> Option<String> {
    let tail = raw
        .trim_end_matches('/')
        .trim_end_matches("/view")
        .rsplit('/')
        .next()
        .unwrap_or("");
    let ok = match crm {
        Crm::Salesforce => is_sf_record_id(tail) && tail.starts_with("006"),
        _ => is_digits(tail),
    };
    ok.then(|| match crm {
        Crm::Salesforce => tail[..15].to_string(),
        _ => tail.to_string(),
    })
}

/// Turns a list or board page into deals. Rows without a readable record id are skipped and
/// counted in the returned problems.
pub fn read_rows(snapshot: &RawSnapshot, now: Day) -> (Vec<RowRead>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let Some(page) = detect(&snapshot.url) else {
        return (out, problems);
    };
    let (host, path) = host_and_path(&snapshot.url).unwrap_or_default();
    let (scope, labels) = match page.crm {
        Crm::Salesforce => (
            host.split('.').next().unwrap_or("").to_string(),
            salesforce::LIST_LABELS,
        ),
        _ => (
            path.split('/').nth(2).unwrap_or("").to_string(),
            hubspot::LIST_LABELS,
        ),
    };
    let prefix = if page.crm == Crm::Salesforce {
        "sf"
    } else {
        "hs"
    };
    for (i, row) in snapshot.rows.iter().flatten().enumerate() {
        let Some(id) = row.parts.get("id").and_then(|raw| row_id(raw, page.crm)) else {
            problems.push(format!("row {} has no record id I can read", i + 1));
            continue;
        };
        let mut deal = Deal {
            crm: page.crm,
            key: format!("{prefix}:{scope}:{id}"),
            // Lists show no next step; its absence there says nothing.
            next_step_unknown: true,
            ..Deal::default()
        };
        let mut row_problems = Vec::new();
        let mut set = |field: &str, value: &str| {
            let Some(v) = clean(value, &[]) else { return };
            match field {
                "name" => deal.name = Some(v),
                "stage" => {
                    deal.status = status_from_stage(&v);
                    deal.stage = Some(v);
                }
                "amount" => match parse_money(&v) {
                    Ok(m) => deal.amount = Some(m),
                    Err(e) => row_problems.push(e),
                },
                "close_date" => match parse_display_date(&v, now, NumericOrder::MonthFirst) {
                    Some(d) => deal.close_date = Some(d),
                    None => row_problems.push(format!("{v:?} is not a date I can read")),
                },
                "owner" => deal.owner = Some(v),
                "next_step" => deal.next_step = Some(v),
                _ => {}
            }
        };
        for (part, value) in &row.parts {
            set(part, value);
        }
        for (label, value) in &row.pairs {
            let label = label.trim().trim_end_matches(':').trim();
            if let Some((_, field)) = labels.iter().find(|(l, _)| l.eq_ignore_ascii_case(label)) {
                set(field, value);
            }
        }
        out.push(RowRead {
            deal,
            problems: row_problems,
        });
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::RawRow;

    #[test]
    fn list_rows_become_deals_with_notes_keys() {
        let row = |parts: &[(&str, &str)], pairs: &[(&str, &str)]| RawRow {
            parts: parts
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let snap = RawSnapshot {
            url: "https://app.hubspot.com/contacts/123/objects/0-3/views/all/board".into(),
            rows: Some(vec![
                row(
                    &[
                        ("id", "456"),
                        ("name", "Brightline"),
                        ("stage", "Contract Sent"),
                    ],
                    &[
                        ("Amount:", "$36,000"),
                        ("Close date:", "garbled"),
                        ("Deal owner:", "Priya"),
                    ],
                ),
                row(&[("name", "No id")], &[]),
                row(
                    &[
                        ("id", "/contacts/123/record/0-3/789"),
                        ("stage", "Closed Won"),
                    ],
                    &[],
                ),
            ]),
            ..RawSnapshot::default()
        };
        let now = Day::from_ymd(2026, 3, 20).unwrap();
        let (rows, problems) = read_rows(&snap, now);
        assert_eq!(rows.len(), 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(rows[0].deal.key, "hs:123:456");
        assert_eq!(
            rows[0].deal.amount.as_ref().map(|m| m.units()),
            Some(36_000)
        );
        assert_eq!(rows[0].deal.owner.as_deref(), Some("Priya"));
        assert_eq!(rows[0].problems.len(), 1, "the garbled date is reported");
        assert_eq!(rows[1].deal.key, "hs:123:789");
        assert_eq!(rows[1].deal.status, crate::core::model::DealStatus::Won);
    }

    #[test]
    fn recognises_deal_urls_and_nothing_else() {
        let sf = detect(
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
        )
        .unwrap();
        assert_eq!(sf.kind, PageKind::DealRecord);
        assert_eq!(sf.key.as_deref(), Some("sf:acme:0065g00000XyZ12"));
        let hs = detect("https://app-eu1.hubspot.com/contacts/123/record/0-3/456/").unwrap();
        assert_eq!(hs.key.as_deref(), Some("hs:123:456"));
        assert_eq!(
            detect("https://acme.lightning.force.com/lightning/r/Contact/0035g00000QwErTy/view")
                .unwrap()
                .kind,
            PageKind::NotADeal
        );
        assert!(
            detect("https://evil.example.com/lightning/r/Opportunity/0065g00000XyZ12/view")
                .is_none()
        );
        assert!(detect("https://app.hubspot.com.evil.com/contacts/1/record/0-3/2").is_none());
        assert!(
            detect("http://app.hubspot.com/contacts/1/record/0-3/2").is_none(),
            "https only"
        );
    }
}
