//! What Stallwatch remembers of each deal the rep has seen: the last reading of the deal (its
//! fields and, once its record page was open, its timeline), where and when it was seen. With it
//! a list row shows what the record page read, and the Today queue covers every deal the rep has
//! opened. It lives in `storage.local` under `seen:<deal key>`, on this machine only.
//!
//! Bounded on purpose: a few hundred deals, the newest touches of each, bodies cut short (the
//! browser's `storage.local` holds 10 MB, shared with the rep's notes, which are never evicted
//! to make room for memory). Entries not seen for the retention period are forgotten.

use super::date::Day;
use super::model::{Deal, Touch};
use super::since::{close_history, Glance, SinceLooked};
use super::store::{Effects, KeyKind, StoreKey, Stored};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema written now. An entry from a newer Stallwatch is left alone (not read, not
/// overwritten) so a downgrade does not lose it.
pub const VERSION: u32 = 1;
/// Deals remembered at most: with entries bounded below (~25 KB at worst, ~3 KB typical), the
/// memory stays far inside the 10 MB `storage.local` quota next to the notes.
pub const MAX_DEALS: usize = 300;
/// Touches kept per deal, newest first: every signal looks at far fewer (the follow-up streak
/// since the buyer's last reply, the effort balance over the last 10, silence from the newest).
pub const MAX_TOUCHES: usize = 40;
/// Characters kept of each touch's subject and body (pages show previews of about this size).
pub const MAX_TEXT: usize = 500;
/// Bytes one stored entry takes at most (as JSON, what `storage.local` counts): multi-byte text
/// can make 40 touches of 500 characters six times this, so the oldest touches go until it fits.
pub const MAX_ENTRY_BYTES: usize = 25_000;
/// A remembered deal's "last seen" may be at most this far ahead of the clock (clock skew
/// between machines); an entry dated later (a restored "year 9999") is refused.
const FUTURE_SLACK_MS: u64 = 86_400_000;
/// Retention when the rep has not set one (days since the deal was last seen).
pub const DEFAULT_RETENTION_DAYS: u32 = 90;
/// A deal seen again with nothing new is rewritten at most this often (its "last seen" time):
/// every write wakes every open CRM tab's storage listener.
pub const RESEEN_AFTER_MS: u64 = 60 * 60 * 1000;

/// Where a deal was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeenOn {
    Record,
    List,
    Board,
}

/// One remembered deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    /// The schema version (`VERSION`).
    pub v: u32,
    /// The latest reading, merged field by field over the earlier ones.
    pub deal: Deal,
    /// The page to open it on (its record page when it was seen there).
    pub url: String,
    pub on: SeenOn,
    /// When it was last seen anywhere (ms since the epoch), and the rep's calendar day then.
    pub seen_ms: u64,
    pub seen_day: Day,
    /// When its record page, with the timeline, was last read; `None` when only seen in lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_ms: Option<u64>,
    /// The rep's calendar day of that reading ("as of Tue").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_day: Option<Day>,
    /// The rep's day Stallwatch first saw the deal (entries written before this was kept have
    /// none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_day: Option<Day>,
    /// The deal as the rep's previous look left it: what "since you last looked" compares the
    /// page with. Set when a look starts (`VISIT_GAP_MS` after the last sighting); `None`
    /// until the deal has been looked at twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Glance>,
}

/// A sighting this long after the last one starts a new look (`Seen::before`): readings of
/// the same open tab, or of a list and then the deal, are one look.
pub const VISIT_GAP_MS: u64 = RESEEN_AFTER_MS;

/// The storage key of a deal's memory (`seen:<deal key>`).
pub fn storage_key(deal_key: &str) -> StoreKey {
    StoreKey::Seen(deal_key.to_string())
}

/// Why a stored entry was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Written by a newer Stallwatch: kept as it is, not read.
    Newer(u32),
    /// Not a memory entry this version can read (the reason, for the rep's problem list).
    Corrupt(String),
}

/// Reads a stored entry, migrating older schemas to this one.
pub fn load(value: &Value) -> Result<Seen, Unusable> {
    let v = value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or_else(|| Unusable::Corrupt("it has no schema version".into()))?;
    if v > u64::from(VERSION) {
        return Err(Unusable::Newer(v as u32));
    }
    let migrated = migrate(value.clone(), v as u32)?;
    serde_json::from_value(migrated).map_err(|e| Unusable::Corrupt(e.to_string()))
}

/// Steps an entry of schema `from` up to `VERSION`, one version at a time. Version 1 is the
/// first: there is nothing older to step from yet, and version 0 never existed.
fn migrate(value: Value, from: u32) -> Result<Value, Unusable> {
    match from {
        VERSION => Ok(value),
        other => Err(Unusable::Corrupt(format!(
            "schema version {other} was never written by Stallwatch"
        ))),
    }
}

/// `fresh` over `earlier`, field by field: what the page shows now wins; what it does not show
/// (a list has no timeline and often no next step) keeps the earlier reading.
pub fn merged(earlier: &Deal, fresh: &Deal) -> Deal {
    let pick = |f: &Option<String>, e: &Option<String>| f.clone().or_else(|| e.clone());
    let next_step_known = !fresh.next_step_unknown;
    Deal {
        crm: fresh.crm,
        key: fresh.key.clone(),
        name: pick(&fresh.name, &earlier.name),
        stage: pick(&fresh.stage, &earlier.stage),
        status: fresh.status,
        amount: fresh.amount.clone().or_else(|| earlier.amount.clone()),
        close_date: fresh.close_date.or(earlier.close_date),
        // An export's history is the CRM's own; otherwise each change of the close date seen
        // between two readings is one move.
        previous_close_dates: if fresh.previous_close_dates.is_empty() {
            close_history(
                &earlier.previous_close_dates,
                earlier.close_date,
                fresh.close_date,
            )
        } else {
            fresh.previous_close_dates.clone()
        },
        stage_entered: fresh.stage_entered.or(earlier.stage_entered),
        owner: pick(&fresh.owner, &earlier.owner),
        next_step: if next_step_known {
            fresh.next_step.clone()
        } else {
            earlier.next_step.clone()
        },
        next_step_date: if next_step_known {
            fresh.next_step_date
        } else {
            earlier.next_step_date
        },
        next_step_unknown: fresh.next_step_unknown && earlier.next_step_unknown,
        contact: pick(&fresh.contact, &earlier.contact),
        touches: fresh.touches.clone().or_else(|| earlier.touches.clone()),
        // Goes with the timeline it was counted on.
        undated: if fresh.touches.is_some() {
            fresh.undated
        } else {
            earlier.undated
        },
        older_not_shown: if fresh.touches.is_some() {
            fresh.older_not_shown
        } else {
            earlier.older_not_shown
        },
        upcoming: if fresh.touches.is_some() {
            fresh.upcoming.clone()
        } else {
            earlier.upcoming.clone()
        },
        last_inbound: fresh.last_inbound.or(earlier.last_inbound),
        language: fresh.language.or(earlier.language),
    }
}

/// The deal with what is kept: every text field cut to `MAX_TEXT` characters, the newest
/// `MAX_TOUCHES` touches, and then, while the deal is larger than `MAX_ENTRY_BYTES` as JSON
/// (multi-byte text), the oldest touch and upcoming item dropped, one at a time.
fn bounded(mut deal: Deal) -> Deal {
    let cut = |t: &mut Touch| {
        t.subject = cut_text(&t.subject);
        t.body = cut_text(&t.body);
    };
    for v in [
        &mut deal.name,
        &mut deal.stage,
        &mut deal.owner,
        &mut deal.next_step,
        &mut deal.contact,
    ]
    .into_iter()
    .flatten()
    {
        *v = cut_text(v);
    }
    if let Some(touches) = &mut deal.touches {
        touches.sort_by_key(|t| std::cmp::Reverse(t.day));
        touches.truncate(MAX_TOUCHES);
        touches.iter_mut().for_each(cut);
    }
    deal.upcoming.truncate(MAX_TOUCHES);
    deal.upcoming.iter_mut().for_each(cut);
    // Room for the entry's other fields: its URL (bounded by the reader's 2,000 characters)
    // and the last look's fields (`bounded_glance`, at most 3 × 2 × 200 bytes of text).
    let budget = MAX_ENTRY_BYTES - 5_000;
    while serde_json::to_vec(&deal).map_or(0, |v| v.len()) > budget {
        let dropped = match &mut deal.touches {
            Some(t) if !t.is_empty() => t.pop().is_some(),
            _ => deal.upcoming.pop().is_some(),
        };
        if !dropped {
            break;
        }
    }
    deal
}

/// A remembered entry as it may be kept, from anywhere (a backup file): the same bounds as a
/// fresh reading, its address cut like the reader's, and `None` when it claims to have been
/// seen in the future (beyond a day of clock skew), which would never be forgotten.
pub fn sanitized(mut s: Seen, now_ms: u64) -> Option<Seen> {
    let latest = now_ms.saturating_add(FUTURE_SLACK_MS);
    if s.seen_ms > latest || s.record_ms.is_some_and(|r| r > latest) || s.deal.key.len() > 200 {
        return None;
    }
    s.deal = bounded(s.deal);
    s.before = s.before.map(bounded_glance);
    if s.url.len() > 2_000 {
        s.url.clear(); // not an address the reader would have kept: no link
    }
    Some(s)
}

/// The last look's text fields cut to `GLANCE_TEXT` characters.
fn bounded_glance(mut g: Glance) -> Glance {
    for v in [&mut g.stage, &mut g.owner, &mut g.contact]
        .into_iter()
        .flatten()
    {
        truncate_chars(v, GLANCE_TEXT);
    }
    g
}

/// Characters kept of each of the last look's fields (a stage, an owner, a contact's name).
const GLANCE_TEXT: usize = 200;

fn cut_text(s: &str) -> String {
    let mut out = s.to_string();
    truncate_chars(&mut out, MAX_TEXT);
    out
}

/// `v` cut to its first `n` characters.
fn truncate_chars(v: &mut String, n: usize) {
    if let Some((at, _)) = v.char_indices().nth(n) {
        v.truncate(at);
    }
}

/// What to store after seeing `deal` on `url` at `now_ms` (the rep's day `today`), given what
/// was stored: `None` when
/// the entry would only move its "last seen" time forward by less than `RESEEN_AFTER_MS`, or
/// when the stored entry is a newer Stallwatch's (left alone).
pub fn remember(
    stored: Option<&Value>,
    deal: &Deal,
    url: &str,
    on: SeenOn,
    now_ms: u64,
    today: Day,
) -> Option<Seen> {
    if deal.key.is_empty() {
        return None;
    }
    let earlier = match stored.map(load) {
        Some(Ok(s)) => Some(s),
        Some(Err(Unusable::Newer(_))) => return None,
        // Corrupt or absent: this reading replaces it.
        Some(Err(Unusable::Corrupt(_))) | None => None,
    };
    let deal = bounded(match &earlier {
        Some(e) => merged(&e.deal, deal),
        None => deal.clone(),
    });
    let from_record = on == SeenOn::Record;
    let next = Seen {
        v: VERSION,
        // A list's link is the list; the record page is where the rep acts.
        url: match (&earlier, from_record) {
            (Some(e), false) if e.on == SeenOn::Record => e.url.clone(),
            _ => url.to_string(),
        },
        on: match (&earlier, from_record) {
            (Some(e), false) if e.record_ms.is_some() => SeenOn::Record,
            _ => on,
        },
        deal,
        seen_ms: now_ms,
        seen_day: today,
        record_ms: if from_record {
            Some(now_ms)
        } else {
            earlier.as_ref().and_then(|e| e.record_ms)
        },
        record_day: if from_record {
            Some(today)
        } else {
            earlier.as_ref().and_then(|e| e.record_day)
        },
        first_day: match &earlier {
            Some(e) => e.first_day,
            None => Some(today),
        },
        before: match &earlier {
            // A new look: the last one's deal is what this one is compared with.
            Some(e) if now_ms.saturating_sub(e.seen_ms) >= VISIT_GAP_MS => {
                Some(bounded_glance(Glance::of(&e.deal, e.seen_day)))
            }
            Some(e) => e.before.clone(),
            None => None,
        },
    };
    if let Some(e) = &earlier {
        let same =
            e.deal == next.deal && e.url == next.url && e.on == next.on && e.before == next.before;
        let recent = now_ms.saturating_sub(e.seen_ms) < RESEEN_AFTER_MS;
        if same && recent {
            return None;
        }
    }
    Some(next)
}

/// The deal read now (`deal`) with the close dates it had before, as Stallwatch saw them
/// (`entry`: its memory, which may or may not hold this reading yet): what counts the pushes
/// of the close date. A deal whose source gives its own history (an export) keeps it.
pub fn with_history(deal: &Deal, entry: Option<&Seen>) -> Deal {
    let mut out = deal.clone();
    if let (Some(e), true) = (entry, deal.previous_close_dates.is_empty()) {
        out.previous_close_dates = close_history(
            &e.deal.previous_close_dates,
            e.deal.close_date,
            deal.close_date,
        );
    }
    out
}

/// What changed since the rep last looked at the deal read now (`deal`, with its history from
/// `with_history`), from its memory `entry`: `None` the first time. The entry may already
/// hold this look (the background wrote it): then the look before it is compared.
pub fn since_last_looked(
    entry: &Seen,
    deal: &Deal,
    now_ms: u64,
    today: Day,
) -> Option<SinceLooked> {
    let this_look = now_ms.saturating_sub(entry.seen_ms) < VISIT_GAP_MS;
    let before = if this_look {
        entry.before.clone()?
    } else {
        Glance::of(&entry.deal, entry.seen_day)
    };
    Some(super::since::since(&before, deal, entry.first_day, today))
}

/// The remembered reading of `deal_key` in `stored` (a storage map), if there is one this
/// version can read and it was seen within `retention_days` of `today`.
pub fn recalled(stored: &Stored, deal_key: &str, today: Day, retention_days: u32) -> Option<Seen> {
    let s = load(stored.get(&storage_key(deal_key))?).ok()?;
    (today.days_since(s.seen_day) <= retention_days as i32).then_some(s)
}

/// Every readable memory entry in `stored` (a storage map), with the problems of the others.
/// Entries older than `retention_days` are left out: they are forgotten (see `to_forget`).
pub fn all(stored: &Stored, now_ms: u64, retention_days: u32) -> (Vec<Seen>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (deal_key, value) in stored.of_kind(KeyKind::Seen) {
        match load(value) {
            Ok(s) if !expired(&s, now_ms, retention_days) => out.push(s),
            Ok(_) | Err(Unusable::Newer(_)) => {}
            Err(Unusable::Corrupt(why)) => problems.push(format!(
                "The remembered reading of deal {deal_key} could not be read ({why}); it is ignored and will be replaced the next time you open the deal."
            )),
        }
    }
    (out, problems)
}

/// Seen longer ago than the rep's retention period: forgotten (even before the periodic pass
/// deletes it), so a new reading starts afresh rather than from it.
pub fn expired(s: &Seen, now_ms: u64, retention_days: u32) -> bool {
    now_ms.saturating_sub(s.seen_ms) > u64::from(retention_days) * 86_400_000
}

/// The order in which remembered deals give way, first to last: deals only seen in a list
/// before deals the rep opened on their record page (a list view, however long, never evicts an
/// opened deal), and within each, the one seen longest ago first.
pub fn eviction_rank(s: &Seen) -> (bool, u64) {
    (s.record_ms.is_some(), s.seen_ms)
}

/// The memory keys to delete from a storage map: entries past the retention period, corrupt
/// ones, and, beyond `MAX_DEALS`, the first in eviction order (`eviction_rank`). Never a note,
/// never an entry of a newer Stallwatch.
pub fn to_forget(stored: &Stored, now_ms: u64, retention_days: u32) -> Effects {
    let mut forget = Vec::new();
    let mut kept: Vec<((bool, u64), &str)> = Vec::new();
    for (key, value) in stored.of_kind(KeyKind::Seen) {
        match load(value) {
            Ok(s) if expired(&s, now_ms, retention_days) => forget.push(key),
            Ok(s) => kept.push((eviction_rank(&s), key)),
            Err(Unusable::Corrupt(_)) => forget.push(key),
            Err(Unusable::Newer(_)) => {}
        }
    }
    if kept.len() > MAX_DEALS {
        kept.sort();
        let over = kept.len() - MAX_DEALS;
        forget.extend(kept.into_iter().take(over).map(|(_, k)| k));
    }
    let mut out = Effects::none();
    for k in forget {
        out.remove(storage_key(k));
    }
    out
}

/// When the browser refuses a write for lack of room: the first tenth of the memory in
/// eviction order (at least one entry) to delete before trying again. Notes are never among
/// them.
pub fn to_free(stored: &Stored) -> Effects {
    let mut kept: Vec<((bool, u64), &str)> = stored
        .of_kind(KeyKind::Seen)
        .filter_map(|(k, v)| Some((eviction_rank(&load(v).ok()?), k)))
        .collect();
    kept.sort();
    let n = (kept.len() / 10).max(1).min(kept.len());
    let mut out = Effects::none();
    for (_, k) in kept.into_iter().take(n) {
        out.remove(storage_key(k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Day;
    use crate::core::model::{Channel, Direction};
    use serde_json::json;

    const DAY_MS: u64 = 86_400_000;
    const NOW: u64 = 1_764_400_000_000;

    fn today() -> Day {
        day(29)
    }

    fn day(d: u32) -> Day {
        Day::from_ymd(2026, 11, d).unwrap()
    }

    fn touch(d: u32, direction: Direction, body: &str) -> Touch {
        Touch {
            day: day(d),
            direction,
            channel: Channel::Email,
            subject: "Proposal".into(),
            body: body.into(),
        }
    }

    fn record_deal() -> Deal {
        Deal {
            key: "sf:acme:0065g00000XyZ12".into(),
            name: Some("Northwind renewal".into()),
            stage: Some("Proposal".into()),
            owner: Some("Jordan Reyes".into()),
            next_step: Some("Send revised SOW".into()),
            close_date: Some(day(24)),
            touches: Some(vec![
                touch(20, Direction::Outbound, "Checking in"),
                touch(8, Direction::Inbound, "Can you send the revised quote?"),
            ]),
            ..Deal::default()
        }
    }

    /// The same deal as a list row shows it: a newer stage, no timeline, no next step column.
    fn list_row() -> Deal {
        Deal {
            key: "sf:acme:0065g00000XyZ12".into(),
            name: Some("Northwind renewal".into()),
            stage: Some("Negotiation".into()),
            close_date: Some(day(30)),
            next_step_unknown: true,
            ..Deal::default()
        }
    }

    fn stored(s: &Seen) -> Value {
        serde_json::to_value(s).unwrap()
    }

    #[test]
    fn a_list_row_updates_the_fields_it_shows_and_keeps_the_timeline_the_record_read() {
        let rec = remember(
            None,
            &record_deal(),
            "https://r",
            SeenOn::Record,
            NOW,
            today(),
        )
        .unwrap();
        assert_eq!(rec.record_ms, Some(NOW));
        let later = NOW + 2 * DAY_MS;
        let s = remember(
            Some(&stored(&rec)),
            &list_row(),
            "https://list",
            SeenOn::List,
            later,
            today(),
        )
        .unwrap();
        assert_eq!(s.deal.stage.as_deref(), Some("Negotiation"), "fresh wins");
        assert_eq!(s.deal.close_date, Some(day(30)));
        assert_eq!(
            s.deal.owner.as_deref(),
            Some("Jordan Reyes"),
            "kept: not shown"
        );
        assert_eq!(
            s.deal.next_step.as_deref(),
            Some("Send revised SOW"),
            "a list cannot show it"
        );
        assert_eq!(
            s.deal.touches.as_ref().map(Vec::len),
            Some(2),
            "the timeline is kept"
        );
        assert_eq!(
            (s.url.as_str(), s.on),
            ("https://r", SeenOn::Record),
            "opens the record"
        );
        assert_eq!(
            (s.seen_ms, s.record_ms),
            (later, Some(NOW)),
            "as of the record's reading"
        );
        assert_eq!(s.record_day, Some(today()));
        let map = Stored::from_value(
            json!({ storage_key("sf:acme:0065g00000XyZ12").to_string(): stored(&s) }),
        );
        let key = "sf:acme:0065g00000XyZ12";
        assert!(recalled(&map, key, today().plus(90), 90).is_some());
        assert!(
            recalled(&map, key, today().plus(91), 90).is_none(),
            "past the retention"
        );
        assert!(recalled(&map, "sf:acme:other", today(), 90).is_none());
    }

    #[test]
    fn a_record_page_replaces_the_timeline_and_a_missing_next_step_there_is_missing() {
        let rec = remember(
            None,
            &record_deal(),
            "https://r",
            SeenOn::Record,
            NOW,
            today(),
        )
        .unwrap();
        let mut again = record_deal();
        again.next_step = None;
        again.touches = Some(vec![touch(27, Direction::Inbound, "Signed, see attached")]);
        let s = remember(
            Some(&stored(&rec)),
            &again,
            "https://r",
            SeenOn::Record,
            NOW + DAY_MS,
            today(),
        )
        .unwrap();
        assert_eq!(
            s.deal.next_step, None,
            "the record page shows the field: empty is empty"
        );
        assert_eq!(s.deal.touches.unwrap()[0].body, "Signed, see attached");
    }

    #[test]
    fn seeing_the_same_deal_again_writes_only_when_something_changed_or_an_hour_passed() {
        let rec = remember(
            None,
            &record_deal(),
            "https://r",
            SeenOn::Record,
            NOW,
            today(),
        )
        .unwrap();
        let at = |ms| {
            remember(
                Some(&stored(&rec)),
                &record_deal(),
                "https://r",
                SeenOn::Record,
                ms,
                today(),
            )
        };
        assert_eq!(
            at(NOW + 60_000),
            None,
            "a re-read a minute later writes nothing"
        );
        assert!(
            at(NOW + RESEEN_AFTER_MS).is_some(),
            "an hour later, the time seen moves"
        );
        let mut changed = record_deal();
        changed.stage = Some("Closed Won".into());
        assert!(remember(
            Some(&stored(&rec)),
            &changed,
            "https://r",
            SeenOn::Record,
            NOW + 1,
            today(),
        )
        .is_some());
    }

    #[test]
    fn the_timeline_is_bounded_newest_first_and_texts_are_cut() {
        let mut d = record_deal();
        d.touches = Some(
            (1..=60)
                .map(|i| Touch {
                    day: Day::from_ymd(2026, 1, 1).unwrap().plus(i),
                    direction: Direction::Outbound,
                    channel: Channel::Email,
                    subject: "x".repeat(2000),
                    body: "é".repeat(900),
                })
                .collect(),
        );
        let s = remember(None, &d, "https://r", SeenOn::Record, NOW, today()).unwrap();
        // Bounded in bytes as stored (two-byte "é"s): the oldest touches give way.
        let bytes = serde_json::to_vec(&s).unwrap().len();
        assert!(bytes <= MAX_ENTRY_BYTES, "{bytes} bytes");
        let t = s.deal.touches.unwrap();
        assert!(
            t.len() < MAX_TOUCHES && t.len() >= 10,
            "{} touches kept",
            t.len()
        );
        assert_eq!(
            t[0].day,
            Day::from_ymd(2026, 1, 1).unwrap().plus(60),
            "newest kept"
        );
        assert_eq!(t[0].body.chars().count(), MAX_TEXT);
        assert_eq!(t[0].subject.len(), MAX_TEXT);
        let bytes = serde_json::to_string(&stored(
            &remember(None, &record_deal(), "u", SeenOn::Record, NOW, today()).unwrap(),
        ))
        .unwrap()
        .len();
        assert!(bytes < 2_000, "a typical entry is small ({bytes} bytes)");
    }

    #[test]
    fn a_newer_schema_is_left_alone_and_a_corrupt_entry_is_reported_and_replaced() {
        let newer = json!({"v": VERSION + 1, "whatever": true});
        assert_eq!(load(&newer), Err(Unusable::Newer(VERSION + 1)));
        assert_eq!(
            remember(
                Some(&newer),
                &record_deal(),
                "u",
                SeenOn::Record,
                NOW,
                today()
            ),
            None,
            "never overwritten: a downgrade must not lose it"
        );
        for bad in [json!("text"), json!({"v": 0}), json!({"v": 1, "deal": 5})] {
            assert!(matches!(load(&bad), Err(Unusable::Corrupt(_))), "{bad}");
            assert!(remember(
                Some(&bad),
                &record_deal(),
                "u",
                SeenOn::Record,
                NOW,
                today()
            )
            .is_some());
        }
        let map = Stored::from_value(json!({"seen:a": {"v": 1}, "notes:a": {"reason": "x"}}));
        let (entries, problems) = all(&map, NOW, 90);
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("deal a"), "{problems:?}");
    }

    #[test]
    fn the_current_schema_reads_back_what_it_wrote() {
        let s = remember(
            None,
            &record_deal(),
            "https://r",
            SeenOn::Record,
            NOW,
            today(),
        )
        .unwrap();
        assert_eq!(load(&stored(&s)), Ok(s));
    }

    #[test]
    fn old_entries_are_forgotten_after_the_retention_and_the_oldest_beyond_the_cap() {
        let entry = |key: &str, ms: u64| {
            let mut d = record_deal();
            d.key = key.into();
            stored(&remember(None, &d, "u", SeenOn::Record, ms, today()).unwrap())
        };
        let mut map = serde_json::Map::new();
        map.insert("seen:old".into(), entry("old", NOW - 91 * DAY_MS));
        map.insert("seen:recent".into(), entry("recent", NOW - 89 * DAY_MS));
        map.insert("seen:bad".into(), json!({"v": "one"}));
        map.insert("seen:future".into(), json!({"v": 99}));
        map.insert("notes:old".into(), json!({"reason": "kept forever"}));
        let map = Stored::from_value(Value::Object(map));
        let mut forget = to_forget(&map, NOW, 90).remove;
        forget.sort();
        assert_eq!(forget, ["seen:bad", "seen:old"]);
        let (entries, _) = all(&map, NOW, 90);
        assert_eq!(entries.len(), 1, "the expired one is not shown either");
        assert_eq!(
            to_forget(&map, NOW, 30).remove.len(),
            3,
            "a shorter retention forgets more"
        );

        let mut many = serde_json::Map::new();
        for i in 0..(MAX_DEALS + 5) {
            many.insert(
                format!("seen:d{i}"),
                entry(&format!("d{i}"), NOW - i as u64 * 1000),
            );
        }
        many.insert("notes:d0".into(), json!({"reason": "x"}));
        let mut over = to_forget(&Stored::from_value(Value::Object(many.clone())), NOW, 90).remove;
        over.sort();
        let mut oldest: Vec<String> = (MAX_DEALS..MAX_DEALS + 5)
            .map(|i| format!("seen:d{i}"))
            .collect();
        oldest.sort();
        assert_eq!(over, oldest, "the five seen longest ago");
        let free = to_free(&Stored::from_value(Value::Object(many))).remove;
        assert_eq!(free.len(), (MAX_DEALS + 5) / 10);
        assert!(free.iter().all(|k| k.starts_with("seen:")), "never a note");
        assert!(
            free.contains(&format!("seen:d{}", MAX_DEALS + 4)),
            "oldest first"
        );
    }

    #[test]
    fn a_list_never_evicts_the_deals_the_rep_opened() {
        // 20 deals opened on their record page long ago, then a list of MAX_DEALS rows seen now.
        let entry = |key: &str, ms: u64, on: SeenOn| {
            let mut d = record_deal();
            d.key = key.into();
            stored(&remember(None, &d, "u", on, ms, today()).unwrap())
        };
        let mut map = serde_json::Map::new();
        for i in 0..20 {
            map.insert(
                format!("seen:opened{i}"),
                entry(&format!("opened{i}"), NOW - 30 * DAY_MS + i, SeenOn::Record),
            );
        }
        for i in 0..MAX_DEALS as u64 {
            map.insert(
                format!("seen:row{i}"),
                entry(&format!("row{i}"), NOW + i, SeenOn::List),
            );
        }
        let map = Stored::from_value(Value::Object(map));
        let forget = to_forget(&map, NOW + 1_000, 90).remove;
        assert_eq!(forget.len(), 20);
        assert!(
            forget.iter().all(|k| k.starts_with("seen:row")),
            "{forget:?}"
        );
        assert!(
            forget.contains(&"seen:row0".to_string()),
            "the oldest rows first"
        );
        let free = to_free(&map).remove;
        assert!(free.iter().all(|k| k.starts_with("seen:row")), "{free:?}");
    }

    #[test]
    fn a_restored_entry_gets_the_bounds_of_a_reading_and_a_sane_date() {
        let mut d = record_deal();
        d.name = Some("N".repeat(100_000));
        d.touches = Some(
            (0..300)
                .map(|i| Touch {
                    day: Day::from_ymd(2026, 1, 1).unwrap().plus(i),
                    direction: Direction::Inbound,
                    channel: Channel::Email,
                    subject: "s".repeat(3_000),
                    body: "ü".repeat(3_000),
                })
                .collect(),
        );
        let huge = Seen {
            v: VERSION,
            deal: d,
            url: "https://r".into(),
            on: SeenOn::Record,
            seen_ms: NOW,
            seen_day: today(),
            record_ms: Some(NOW),
            record_day: Some(today()),
            first_day: Some(today()),
            before: Some(Glance {
                stage: Some("ü".repeat(3_000)),
                owner: Some("ü".repeat(3_000)),
                contact: Some("ü".repeat(3_000)),
                ..Glance::of(&Deal::default(), today())
            }),
        };
        let s = sanitized(huge.clone(), NOW).unwrap();
        assert!(serde_json::to_vec(&s).unwrap().len() <= MAX_ENTRY_BYTES);
        assert_eq!(s.deal.name.as_ref().unwrap().chars().count(), MAX_TEXT);
        // Seen in year 9999 (never forgotten, evicted last): refused; a day of skew is not.
        let mut future = huge.clone();
        future.seen_ms = 253_402_300_799_000;
        assert_eq!(sanitized(future, NOW), None);
        let mut skewed = huge;
        skewed.seen_ms = NOW + DAY_MS / 2;
        assert!(sanitized(skewed, NOW).is_some());
    }
}
