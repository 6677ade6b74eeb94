//! List views and boards, read: each row or card becomes a `Deal` keyed like its record page.

use super::record::clean;
use super::snapshot::{Field, RawSnapshot};
use super::url::PageRef;
use crate::core::date::{parse_display_date, Day, NumericOrder};
use crate::core::model::{status_from_stage, Deal};
use crate::core::money::parse_money;

/// A deal read from one row of a list or card of a board, with what could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub deal: Deal,
    pub problems: Vec<String>,
}

/// Turns a list or board page (`page`, as `detect` classified it) into deals. Rows without a
/// readable record id are skipped and counted in the returned problems.
pub fn read_rows(snapshot: &RawSnapshot, page: &PageRef, now: Day) -> (Vec<ListRow>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let adapter = page.adapter;
    for (i, row) in snapshot.rows.iter().flatten().enumerate() {
        let Some(id) = row.parts.get("id").and_then(|raw| (adapter.row_id)(raw)) else {
            problems.push(format!("row {} has no record id I can read", i + 1));
            continue;
        };
        let mut deal = Deal {
            crm: adapter.crm,
            key: adapter.deal_key(&page.account, &id),
            // Lists show no next step; its absence there says nothing.
            next_step_unknown: true,
            ..Deal::default()
        };
        let mut row_problems = Vec::new();
        let mut set = |field: Field, value: &str| {
            let Some(v) = clean(value, &[]) else { return };
            match field {
                Field::Name => deal.name = Some(v),
                Field::Stage => {
                    deal.status = status_from_stage(&v);
                    deal.stage = Some(v);
                }
                Field::Amount => match parse_money(&v) {
                    Ok(m) => deal.amount = Some(m),
                    Err(e) => row_problems.push(e),
                },
                Field::CloseDate => match parse_display_date(&v, now, NumericOrder::MonthFirst) {
                    Some(d) => deal.close_date = Some(d),
                    None => row_problems.push(format!("{v:?} is not a date I can read")),
                },
                Field::Owner => deal.owner = Some(v),
                Field::NextStep => deal.next_step = Some(v),
                Field::Contact => {}
            }
        };
        for (part, value) in &row.parts {
            if let Some(field) = Field::parse(part) {
                set(field, value);
            }
        }
        for (label, value) in &row.pairs {
            let label = label.trim().trim_end_matches(':').trim();
            if let Some((_, field)) = adapter
                .list_labels
                .iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(label))
            {
                set(*field, value);
            }
        }
        out.push(ListRow {
            deal,
            problems: row_problems,
        });
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::snapshot::RawRow;
    use crate::crm::url::detect;

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
        let page = detect(&snap.url).unwrap();
        let (rows, problems) = read_rows(&snap, &page, now);
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
}
