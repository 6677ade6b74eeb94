//! The storage seam and the one call per page event, checked on every scenario.
//!
//! The badge is scored without composing any draft (`Depth::Score`): it must show exactly the
//! number, band and state the card shows with its drafts, for every scenario and notes variant.

mod common;
use common::{all_inputs, variants};

use stallwatch::core::message::assess_and_compose_after;
use stallwatch::core::risk::assess;

use stallwatch::core::correction::{Correction, Said};
use stallwatch::core::date::Day;
use stallwatch::core::risk::ReasonCode;

fn correction(code: ReasonCode, said: Said, day: Option<Day>) -> Correction {
    Correction {
        code,
        said,
        day,
        on: Day::from_ymd(2026, 1, 1).unwrap(),
        basis: String::new(),
        measure: None,
    }
}

#[test]
fn the_badge_scored_without_drafts_says_what_the_card_says() {
    let mut checked = 0;
    for input in all_inputs() {
        let Some((deal, notes)) = &input.deal else {
            continue;
        };
        // And with the rep's corrections: a reply the page did not show, a reason set aside.
        let corrected = stallwatch::core::notes::Notes {
            corrections: vec![
                correction(ReasonCode::Silence, Said::Replied, Some(input.now.plus(-3))),
                correction(ReasonCode::FollowUpTrap, Said::NotThisDeal, None),
                correction(
                    ReasonCode::CloseDatePast,
                    Said::CloseDate,
                    Some(input.now.plus(20)),
                ),
            ],
            ..notes.clone()
        };
        let mut all = variants(notes, input.now);
        all.push(("with corrections", corrected));
        for (variant, notes) in all {
            let badge = assess(Some(deal), &notes, &input.settings, input.now);
            let (card, _) =
                assess_and_compose_after(deal, &notes, &input.settings, input.now, None);
            assert_eq!(
                (badge.stall_risk, badge.band, badge.state),
                (card.stall_risk, card.band, card.state),
                "{} ({variant})",
                input.name
            );
            assert_eq!(badge, card, "{} ({variant})", input.name);
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} deals checked");
}

/// What the schema says of each kind is what the code does: a backup holds exactly the kinds
/// marked backed up, the retention forgets only the kinds marked so, and "delete everything"
/// removes every kind marked so.
#[test]
fn the_schema_says_what_backup_retention_and_delete_everything_do() {
    use serde_json::{json, Value};
    use stallwatch::core::date::Day;
    use stallwatch::core::store::{delete_everything, KeyKind, StoreKey, Stored, SCHEMA};
    use stallwatch::core::{backup, seen};

    let deal = "sf:acme:0065g00000XyZ12";
    // A remembered deal seen long ago (past any retention), so retention forgets it.
    let old_seen = json!({"v": 1, "deal": {"crm": "salesforce", "key": deal}, "url": "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view",
        "on": "record", "seen_ms": 1_000, "seen_day": "2020-01-01"});
    let one_of_each = [
        (StoreKey::Settings, json!({"silence_days": 9})),
        (
            StoreKey::Notes(deal.into()),
            json!({"reason": "audit in March"}),
        ),
        (StoreKey::Seen(deal.into()), old_seen),
        (StoreKey::Copied(deal.into()), json!({"kind": "answer"})),
        (
            StoreKey::DateOrder("acme.lightning.force.com".into()),
            json!("month_first"),
        ),
        (StoreKey::RestoreUndo, json!({"previous": {}})),
        (StoreKey::RemindersShown, json!({})),
        (StoreKey::RemindersLastRun, json!(1_000)),
        (StoreKey::OverlayCorner, json!("top-left")),
    ];
    assert_eq!(
        one_of_each.len(),
        KeyKind::ALL.len(),
        "one key of every kind"
    );
    let map: serde_json::Map<String, Value> = one_of_each
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let stored = Stored::from_value(Value::Object(map.clone()));

    let file = backup::export(&stored, Day::from_ymd(2026, 12, 7).unwrap()).to_string();
    for (key, _) in &one_of_each {
        let spec = key.kind().spec();
        assert_eq!(
            file.contains(&format!("\"{key}\""))
                || (spec.kind == KeyKind::Settings && file.contains("silence_days")),
            spec.backed_up,
            "{key} in the backup file: {file}"
        );
    }

    let forgotten = seen::to_forget(&stored, 10_000_000_000_000, 90).remove;
    for (key, _) in &one_of_each {
        assert_eq!(
            forgotten.contains(&key.to_string()),
            key.kind().spec().forgotten_by_retention,
            "{key} forgotten by retention"
        );
    }

    let keys: Vec<String> = map.keys().cloned().collect();
    let removed = delete_everything(&keys).remove;
    for spec in SCHEMA {
        let key = one_of_each
            .iter()
            .find(|(k, _)| k.kind() == spec.kind)
            .unwrap();
        assert_eq!(
            removed.contains(&key.0.to_string()),
            spec.deleted_by_delete_all
        );
    }
}
