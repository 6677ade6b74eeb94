//! Reminders: what to tell the rep when a pause ends, from the deals they opened (the memory
//! of deals seen) and their notes. The background asks on a timer, with "now" and the day of
//! its last run; it shows each reminder once (the ids it showed are stored) and only when the
//! rep turned reminders on (the browser's notifications permission).
//!
//! Three moments, each a fact the rep set or the buyer said:
//! - a snooze ends (the notes' "snooze until" day has come);
//! - a wait ends (the day to act again, from the buyer's own words or our last valuable touch,
//!   has come since the last run);
//! - the buyer's deadline is 3 days away or less (and not past).

use super::copy::reminders as words;
use crate::core::date::Day;
use crate::core::notes;
use crate::core::risk::{assess, State};
use crate::core::seen;
use crate::core::settings;
use crate::core::store::{Effects, StoreKey, Stored};
use serde::Serialize;
use serde_json::Value;

/// The buyer's deadline this close (days) brings a reminder.
pub const DEADLINE_DAYS: i32 = 3;
/// The storage key of the reminders already shown (`{id: day}`), so each shows once.
/// Shown ids are forgotten after this many days.
const SHOWN_KEPT_DAYS: i32 = 60;

/// One reminder to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// Stable for one event (`snooze:<deal key>:<day>`): shown once.
    pub id: String,
    pub title: String,
    pub body: String,
    /// The deal's record page, opened when the rep clicks the reminder.
    pub url: Option<String>,
}

/// The reminders due at `now` (the rep's day) that were not shown yet, given everything stored
/// and the day of the last run (`None`: the first run, which looks back one day).
pub fn due(stored: &Stored, now: Day, now_ms: u64, last_run: Option<Day>) -> Vec<Reminder> {
    let (settings, _) = settings::of(stored);
    let shown = stored
        .get(&StoreKey::RemindersShown)
        .and_then(Value::as_object);
    let since = last_run.unwrap_or(now.plus(-1)).min(now);
    let (entries, _) = seen::all(stored, now_ms, settings.memory_days);
    let mut out = Vec::new();
    for s in &entries {
        let deal = &s.deal;
        let loaded = notes::load(
            stored
                .get(&notes::storage_key(&deal.key))
                .unwrap_or(&Value::Null),
        );
        let n = &loaded.notes;
        let name = deal
            .name
            .clone()
            .unwrap_or_else(|| super::copy::UNNAMED_DEAL.to_string());
        let url = crate::crm::record_address(&s.url, &deal.key);
        let today = assess(Some(deal), n, &settings, now);
        if today.state == State::Closed {
            continue;
        }
        let mut add = |id: String, title: String, body: String| {
            if !shown.is_some_and(|m| m.contains_key(&id)) {
                out.push(Reminder {
                    id,
                    title,
                    body,
                    url: url.clone(),
                });
            }
        };
        // A snooze that ended since the last run (or today).
        if let Some(until) = n.snooze_until.filter(|d| *d <= now && *d > since.plus(-1)) {
            let reason = n.snooze_reason.as_deref();
            add(
                format!("snooze:{}:{}", deal.key, until.iso()),
                words::snooze_over(&name),
                words::snooze_body(until, now, reason),
            );
        }
        // A wait that ended since the last run: waiting then, to act now.
        let then = assess(Some(deal), n, &settings, since);
        if then.state == State::Wait && today.state == State::Act {
            if let Some(from) = then.act_from.filter(|d| *d <= now) {
                add(
                    format!("wait:{}:{}", deal.key, from.iso()),
                    words::wait_over(&name),
                    words::wait_body(today.top_reason().map(|r| r.fact.as_str())),
                );
            }
        }
        // Their deadline close.
        if let Some(deadline) = n.deadline {
            let left = deadline.days_since(now);
            if (0..=DEADLINE_DAYS).contains(&left) {
                add(
                    format!("deadline:{}:{}", deal.key, deadline.iso()),
                    words::deadline_close(&name, left),
                    words::deadline_body(deadline, now, n.reason.as_deref()),
                );
            }
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The record page of the deal a reminder is about (its id holds the deal key), rebuilt from
/// the key on the remembered host (`crm::record_address`).
pub fn url_of(stored: &Stored, id: &str) -> Option<String> {
    let (_, rest) = id.split_once(':')?;
    let (key, _day) = rest.rsplit_once(':')?;
    let s = seen::load(stored.get(&seen::storage_key(key))?).ok()?;
    crate::crm::record_address(&s.url, key)
}

/// When the reminders last ran (ms since the epoch), if they have.
pub fn last_run_ms(stored: &Stored) -> Option<u64> {
    stored
        .get(&StoreKey::RemindersLastRun)
        .and_then(Value::as_f64)
        .filter(|ms| ms.is_finite() && *ms > 0.0)
        .map(|ms| ms as u64)
}

/// What a run at `now_ms` (the rep's day `now`) that showed `ids` stores: the ids shown (each
/// is shown once) and the time of the run.
pub fn ran(stored: &Stored, ids: &[String], now: Day, now_ms: u64) -> Effects {
    let mut e = Effects::setting(StoreKey::RemindersShown, shown_after(stored, ids, now));
    e.set(StoreKey::RemindersLastRun, Value::from(now_ms));
    e
}

/// The stored `reminders_shown` after showing `ids` on `now`, without ids older than 60 days.
fn shown_after(stored: &Stored, ids: &[String], now: Day) -> Value {
    let mut map = stored
        .get(&StoreKey::RemindersShown)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    map.retain(|_, v| {
        v.as_str()
            .and_then(crate::core::date::parse_iso)
            .is_some_and(|d| now.days_since(d) <= SHOWN_KEPT_DAYS)
    });
    for id in ids {
        map.insert(id.clone(), Value::from(now.iso()));
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Channel, Crm, Deal, Direction, Touch};
    use crate::core::seen::{remember, SeenOn};
    use serde_json::json;

    const NOW_MS: u64 = 1_764_400_000_000;

    fn day(d: u32) -> Day {
        Day::from_ymd(2026, 12, d).unwrap()
    }

    fn deal(id: &str, touches: Vec<Touch>) -> Deal {
        Deal {
            crm: Crm::Hubspot,
            key: format!("hs:123:{id}"),
            name: Some(format!("Deal {id}")),
            stage: Some("Contract Sent".into()),
            close_date: Some(day(30)),
            next_step: Some("Call".into()),
            touches: Some(touches),
            ..Deal::default()
        }
    }

    fn stored(deals: &[(&Deal, Value)]) -> Stored {
        let mut map = serde_json::Map::new();
        for (d, notes) in deals {
            let s = remember(
                None,
                d,
                &format!(
                    "https://app.hubspot.com/contacts/123/record/0-3/{}",
                    &d.key[7..]
                ),
                SeenOn::Record,
                NOW_MS,
                day(1),
            )
            .unwrap();
            map.insert(
                seen::storage_key(&d.key).to_string(),
                serde_json::to_value(s).unwrap(),
            );
            map.insert(notes::storage_key(&d.key).to_string(), notes.clone());
        }
        Stored::from_value(Value::Object(map))
    }

    fn touch(on: Day, direction: Direction, body: &str) -> Touch {
        Touch {
            day: on,
            direction,
            channel: Channel::Email,
            subject: "Contract".into(),
            body: body.into(),
        }
    }

    #[test]
    fn a_snooze_ending_today_reminds_once_and_links_the_deal() {
        let d = deal("1", vec![touch(day(1), Direction::Inbound, "Ok")]);
        let all = stored(&[(
            &d,
            json!({"snooze_until": day(10).iso(), "snooze_reason": "board meeting"}),
        )]);
        assert!(
            due(&all, day(9), NOW_MS, Some(day(8))).is_empty(),
            "not yet"
        );
        let r = due(&all, day(10), NOW_MS, Some(day(9)));
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].id, format!("snooze:hs:123:1:{}", day(10).iso()));
        assert!(r[0].title.contains("Deal 1"), "{:?}", r[0]);
        assert!(r[0].body.contains("board meeting"), "{:?}", r[0]);
        assert_eq!(
            r[0].url.as_deref(),
            Some("https://app.hubspot.com/contacts/123/record/0-3/1")
        );
        assert_eq!(url_of(&all, &r[0].id), r[0].url);
        assert_eq!(url_of(&all, "snooze:hs:123:999:2026-12-10"), None);
        // Shown: not again, even on a later run.
        let with_shown = all.after(&ran(&all, &[r[0].id.clone()], day(10), NOW_MS));
        assert_eq!(last_run_ms(&with_shown), Some(NOW_MS));
        assert!(due(&with_shown, day(11), NOW_MS, Some(day(10))).is_empty());
        // The browser was closed on the day: the next run still says it.
        assert_eq!(due(&all, day(13), NOW_MS, Some(day(8))).len(), 1);
    }

    #[test]
    fn a_wait_the_buyer_asked_for_ends_on_its_day() {
        // "Back on 10 December": an auto-reply that sets the day to act again.
        let d = deal(
            "2",
            vec![
                touch(
                    day(3),
                    Direction::Inbound,
                    "I am out of the office until 10 December with limited access to email.",
                ),
                touch(
                    day(2),
                    Direction::Outbound,
                    "Here is the signed order form to review.",
                ),
            ],
        );
        let all = stored(&[(&d, json!({"reason": "go live before the audit"}))]);
        let waiting = assess(Some(&d), &Default::default(), &Default::default(), day(8));
        assert_eq!(waiting.state, State::Wait, "{waiting:?}");
        let from = waiting.act_from.expect("a day to act again");
        assert!(due(&all, from.plus(-1), NOW_MS, Some(from.plus(-2))).is_empty());
        let r = due(&all, from, NOW_MS, Some(from.plus(-1)));
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].id.starts_with("wait:hs:123:2:"), "{r:?}");
    }

    #[test]
    fn the_buyers_deadline_three_days_out_reminds_and_a_passed_one_does_not() {
        let d = deal("3", vec![touch(day(1), Direction::Inbound, "Ok")]);
        let all = stored(&[(
            &d,
            json!({"deadline": day(12).iso(), "reason": "pass the audit"}),
        )]);
        assert!(
            due(&all, day(8), NOW_MS, Some(day(7))).is_empty(),
            "4 days out"
        );
        let r = due(&all, day(9), NOW_MS, Some(day(8)));
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].title.contains("3 days"), "{:?}", r[0]);
        assert!(r[0].body.contains("pass the audit"), "{:?}", r[0]);
        assert!(
            due(&all, day(13), NOW_MS, Some(day(12))).is_empty(),
            "passed"
        );
    }

    #[test]
    fn shown_ids_are_kept_sixty_days() {
        let all = Stored::from_value(
            json!({ "reminders_shown": {"old": day(1).iso(), "recent": day(20).iso(), "bad": 5} }),
        );
        let after = shown_after(
            &all,
            &["new".to_string()],
            Day::from_ymd(2027, 2, 5).unwrap(),
        );
        let keys: Vec<&String> = after.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["new", "recent"]);
    }
}
