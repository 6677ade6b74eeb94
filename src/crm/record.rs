//! A deal record page, read: the raw snapshot becomes a `Deal` and the "what I read" list.

use super::adapter::{part, CrmAdapter};
use super::snapshot::{Field, RawSnapshot};
use super::url::{PageKind, PageRef};
use crate::core::date::{parse_display_date, Day, NumericOrder};
use crate::core::model::{status_from_stage, Deal, Direction, Touch};
use crate::core::money::parse_money;
use serde::Serialize;

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

/// A deal record page, read and interpreted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub deal: Deal,
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
pub(super) fn clean(value: &str, labels: &[&str]) -> Option<String> {
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

/// Turns the snapshot of a deal record page (`page`, as `detect` classified it) into a deal and
/// the "what I read" list; `None` when the page is not a deal record. Never fails otherwise:
/// what cannot be read is said in the list and left out of the deal.
pub fn read(snapshot: &RawSnapshot, page: &PageRef, now: Day) -> Option<Reading> {
    if page.kind != PageKind::DealRecord {
        return None;
    }
    let adapter = page.adapter;
    let mut fields = Vec::new();
    let mut deal = Deal {
        crm: adapter.crm,
        key: page.key.clone().unwrap_or_default(),
        ..Deal::default()
    };
    for field in Field::ALL {
        let raw = snapshot.fields.get(field.as_str()).cloned().flatten();
        let value = raw
            .as_ref()
            .and_then(|r| clean(&r.value, adapter.glued_labels));
        let mut note = None;
        match (field, value.as_deref()) {
            (Field::Name, None) => {
                // Fall back on the tab title: "Northwind — Rollout | Opportunity | Salesforce".
                let t = snapshot.title.split(" | ").next().unwrap_or("").trim();
                if !t.is_empty() && !is_placeholder(t) {
                    deal.name = Some(t.to_string());
                    note = Some("from the tab title".into());
                }
            }
            (Field::Name, Some(v)) => deal.name = Some(v.to_string()),
            (Field::Stage, Some(v)) => {
                deal.stage = Some(v.to_string());
                deal.status = status_from_stage(v);
            }
            (Field::Amount, Some(v)) => match parse_money(v) {
                Ok(m) => deal.amount = Some(m),
                Err(e) => note = Some(format!("not used: {e}")),
            },
            (Field::CloseDate, Some(v)) => {
                match parse_display_date(v, now, NumericOrder::MonthFirst) {
                    Some(d) => deal.close_date = Some(d),
                    None => note = Some(format!("not used: {v:?} is not a date I can read")),
                }
            }
            (Field::Owner, Some(v)) => deal.owner = Some(v.to_string()),
            (Field::NextStep, Some(v)) => deal.next_step = Some(v.to_string()),
            (Field::Contact, Some(v)) => deal.contact = Some(v.to_string()),
            (_, None) => {}
        }
        if value.is_none() && note.is_none() {
            note = Some("not found on this page".into());
        }
        let shown = value.or_else(|| (field == Field::Name).then(|| deal.name.clone()).flatten());
        fields.push(ReadField {
            field: field.as_str(),
            value: shown,
            note,
        });
    }
    let (touches, activity_line) = read_activities(snapshot, adapter, now);
    deal.touches = touches;
    fields.push(activity_line);
    Some(Reading { deal, fields })
}

fn read_activities(
    snapshot: &RawSnapshot,
    adapter: &CrmAdapter,
    now: Day,
) -> (Option<Vec<Touch>>, ReadField) {
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
        let part = |name: &str| part(item, name);
        let Some(channel) = (adapter.channel_of)(item) else {
            skipped.push(format!("item {} (unknown type)", i + 1));
            continue;
        };
        let Some(day) = parse_display_date(part("date"), now, NumericOrder::MonthFirst) else {
            skipped.push(format!("item {} (date {:?})", i + 1, part("date")));
            continue;
        };
        let direction: Direction = (adapter.direction_of)(channel, item);
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
