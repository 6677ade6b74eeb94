//! List views and boards, read: each row or card becomes a `Deal` keyed like its record page.

use super::parsed::{settle_page_order, DateOrder};
use super::record::{clean_field, date_problem};
use super::snapshot::{Field, RawSnapshot};
use super::url::PageRef;
use crate::core::date::{read_display_date, DateRead, Day, NumericOrder, When};
use crate::core::model::{status_from_stage, Deal};
use crate::core::money::parse_money;

/// A deal read from one row of a list or card of a board, with what could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub deal: Deal,
    pub problems: Vec<String>,
}

/// A list or board, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ListReading {
    pub rows: Vec<ListRow>,
    /// Rows that could not be read at all, in plain words.
    pub problems: Vec<String>,
    pub date_order: DateOrder,
    /// The order the page itself proved, worth remembering for the host.
    pub page_order: Option<NumericOrder>,
}

/// The deal keys of the rows a list or board shows, in page order, without reading the rows'
/// fields: what the storage keys of a list need before its values are read.
pub fn row_keys(snapshot: &RawSnapshot, page: &PageRef) -> Vec<String> {
    let adapter = page.adapter;
    snapshot
        .rows
        .iter()
        .flatten()
        .filter_map(|row| row.parts.get("id").and_then(|raw| (adapter.row_id)(raw)))
        .map(|id| adapter.deal_key(&page.account, &id))
        .collect()
}

/// Turns a list or board page (`page`, as `detect` classified it) into deals. Rows without a
/// readable record id are skipped and counted in the problems. `preferred` is the rep's (or
/// the host's remembered) day/month order; the page's own evidence wins over it.
pub fn read_rows(
    snapshot: &RawSnapshot,
    page: &PageRef,
    now: Day,
    preferred: Option<NumericOrder>,
) -> ListReading {
    #[cfg(test)]
    super::counted::reading();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let adapter = page.adapter;
    let page_order = settle_page_order(snapshot);
    let order = page_order.or(preferred);
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
            let Some(v) = clean_field(adapter, field, value) else {
                return;
            };
            match field {
                Field::Name => deal.name = Some(v),
                Field::Stage => {
                    let v = without_count(&v).to_string();
                    deal.status = status_from_stage(&v);
                    deal.stage = Some(v);
                }
                Field::Amount => match parse_money(&v) {
                    Ok(m) => deal.amount = Some(m),
                    Err(e) => row_problems.push(e),
                },
                Field::CloseDate => match read_display_date(&v, now, order, When::Any) {
                    DateRead::Day(d) => deal.close_date = Some(d),
                    read => row_problems.extend(date_problem(&v, &read, now)),
                },
                Field::Owner => deal.owner = Some(v),
                Field::NextStep => deal.next_step = Some(v),
                Field::Contact => {}
            }
        };
        // A part is read by a selector made for that field (a name cell's label link), a pair
        // by its whole cell: where both found a field, the part is the cleaner value.
        let mut from_parts = Vec::new();
        for (part, value) in &row.parts {
            if let Some(field) = Field::parse(part) {
                set(field, value);
                from_parts.push(field);
            }
        }
        for (label, value) in &row.pairs {
            let label = label.trim().trim_end_matches(':').trim();
            let known = |f: Field| from_parts.contains(&f);
            if let Some(field) = (adapter.pair_property)(label).filter(|f| !known(*f)) {
                // A table cell's stage reads "<stage> (<pipeline>)" (HubSpot; part 2 §6).
                let value = match field {
                    Field::Stage => value
                        .trim()
                        .strip_suffix(')')
                        .and_then(|v| v.rsplit_once(" ("))
                        .map_or(value.as_str(), |(stage, _)| stage),
                    _ => value.as_str(),
                };
                set(field, value);
                continue;
            }
            let by_label = Field::ALL.into_iter().find(|f| {
                (adapter.field_labels)(*f)
                    .iter()
                    .any(|l| l.to_lowercase() == label.to_lowercase())
            });
            if let Some(field) = by_label.filter(|f| !known(*f)) {
                set(field, value);
            }
        }
        // A board column's internal stage id (`closedwon`) decides won/lost in any language.
        if let Some(id) = row.parts.get("stage_id") {
            let status = status_from_stage(id);
            if status != crate::core::model::DealStatus::Open {
                deal.status = status;
            }
        }

        out.push(ListRow {
            deal,
            problems: row_problems,
        });
    }
    ListReading {
        rows: out,
        problems,
        date_order: DateOrder::from(order),
        page_order,
    }
}

/// A Kanban column header's card count removed: "Proposal sent (16)" → "Proposal sent".
fn without_count(stage: &str) -> &str {
    match stage.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) {
        Some((name, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => name,
        _ => stage,
    }
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
        let ListReading { rows, problems, .. } =
            read_rows(&snap, &page, now, Some(NumericOrder::MonthFirst));
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
