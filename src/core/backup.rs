//! Backing up the rep's notes, settings and the memory of deals seen (`seen`) to a file, and
//! restoring them. The file is plain
//! JSON the rep keeps; nothing is sent anywhere.
//!
//! Restoring merges the backup into what is stored, and never loses a note: per deal and per
//! field, a field only in the backup is added, and a field on both sides keeps the copy changed
//! later (`notes::CHANGED`; a field with no time counts as older than one with a time, and when
//! neither has one the stored value is kept). A corrupt entry in the backup never removes or
//! replaces anything stored. Settings are restored field by field. Before anything is written,
//! the previous value of every key the restore changes is kept under `UNDO_KEY`, in the same
//! write, so the restore can be undone exactly.

use super::date::Day;
use super::notes::{self, NOTE_FIELDS};
use super::seen;
use super::settings;
use super::store::{KeyKind, StoreKey, Stored};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The format marker, so a random JSON file is not taken for a backup.
const MARKER: &str = "stallwatch_backup";
/// The backup format this version writes and reads.
pub const VERSION: u64 = 1;
/// The `storage.local` key holding the copy taken before the last restore. It is never part of
/// a backup: it describes this browser's storage just before a restore, and restoring it
/// elsewhere would undo changes that never happened there.
/// The backup of everything Stallwatch keeps in `storage.local`.
pub fn export(storage: &Stored, today: Day) -> Value {
    // The kinds the schema backs up: the settings, the notes and the memory of deals.
    let mut notes_out = Map::new();
    let mut seen_out = Map::new();
    for (k, v) in storage.iter() {
        let Some(key) = StoreKey::parse(k).filter(|k| k.kind().spec().backed_up) else {
            continue;
        };
        match key.kind() {
            KeyKind::Notes => {
                notes_out.insert(k.clone(), v.clone());
            }
            KeyKind::Seen => {
                seen_out.insert(k.clone(), v.clone());
            }
            _ => {}
        }
    }
    json!({
        MARKER: VERSION,
        "exported_on": today.iso(),
        "settings": storage.get(&StoreKey::Settings).cloned().unwrap_or(Value::Null),
        "notes": notes_out,
        "seen": seen_out,
    })
}

/// Why a file was not restored at all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    /// Not JSON: the parser's words.
    NotJson { detail: String },
    /// JSON, but no `"stallwatch_backup"` marker this version knows.
    NotABackup,
    /// A backup written by a newer Stallwatch, in a format this one does not read.
    Newer { version: u64 },
}

/// How many deals and settings a restore touched, for its report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Deals with at least one field taken from the backup (added or newer there).
    pub restored: usize,
    /// Deals where the backup held a different, older value of a field, and yours was kept.
    pub kept_newer: usize,
    /// Deals where the backup held a different value and neither side said which was newer
    /// (no change time on either, or the same one): yours was kept.
    pub kept_undated: usize,
    /// Deals the backup already matched: nothing to do.
    pub unchanged: usize,
    /// Backup entries that could not be read at all (not a deal key, or no readable field).
    pub skipped: usize,
    /// Settings the backup changed.
    pub settings_restored: usize,
    /// Settings in the backup that could not be read (yours kept).
    pub settings_kept: usize,
    /// Remembered deals taken from the backup (absent here, or seen later there).
    pub seen_restored: usize,
}

/// What restoring a backup file does.
#[derive(Debug, Default, PartialEq, Serialize)]
pub struct Restore {
    /// `storage.local` entries to write in one call: only the notes keys and `settings` the
    /// restore changes, plus `UNDO_KEY` (their previous values) when there is anything to write.
    pub entries: Map<String, Value>,
    pub refused: Option<Refusal>,
    pub counts: Counts,
    /// One plain sentence per thing in the backup that was skipped, dropped or kept.
    pub problems: Vec<String>,
}

/// `notes:<prefix>:<account>:<id>` for one of the CRMs' key prefixes.
fn is_deal_key(key: &str, key_prefixes: &[&str]) -> bool {
    let Some(StoreKey::Notes(deal)) = StoreKey::parse(key) else {
        return false;
    };
    let mut parts = deal.splitn(3, ':');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(p), Some(a), Some(b)) if key_prefixes.contains(&p) && !a.is_empty() && !b.is_empty()
    )
}

/// Which copy of one field a restore keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pick {
    /// The same value on both sides (or only in storage): nothing to do.
    Same,
    /// The backup's: the field is missing here, or the backup's copy is newer.
    Backup,
    /// Yours, because it changed later than the backup's.
    KeptNewer,
    /// Yours, because neither copy says which is newer.
    KeptUndated,
}

fn pick(
    stored: Option<&Value>,
    backup: &Value,
    t_stored: Option<u64>,
    t_backup: Option<u64>,
) -> Pick {
    match stored {
        None => Pick::Backup,
        Some(v) if v == backup => Pick::Same,
        Some(_) => match (t_stored, t_backup) {
            (Some(a), Some(b)) if b > a => Pick::Backup,
            (Some(a), Some(b)) if a > b => Pick::KeptNewer,
            (None, Some(_)) => Pick::Backup,
            (Some(_), None) => Pick::KeptNewer,
            _ => Pick::KeptUndated,
        },
    }
}

/// What restoring one deal's notes changes.
struct DealMerge {
    /// The stored notes with the fields taken from the backup; `None` when nothing is taken.
    value: Option<Value>,
    kept_newer: bool,
    kept_undated: bool,
}

/// Merges one deal's notes from the backup (already read: `from`) over what is stored under
/// the key (`stored`, as it is). The stored object is kept as it is (fields Stallwatch does not
/// know, their times) except for the fields taken from the backup and their times.
fn merge_deal(stored: &Value, from: &notes::Notes) -> DealMerge {
    let here = notes::load(stored).notes;
    let mine = notes::field_values(&here);
    let theirs = notes::field_values(from);
    let mut picks: Vec<(&str, Pick)> = Vec::new();
    for f in NOTE_FIELDS {
        let Some(b) = theirs.get(f.name) else {
            continue;
        };
        let by_time = || {
            pick(
                mine.get(f.name),
                b,
                here.changed.get(f.name).copied(),
                from.changed.get(f.name).copied(),
            )
        };
        // A field that goes with another (the date a reason was noted) comes from the copy
        // its leader comes from; with the same leader on both sides, by its own time.
        let leader = f.follows.map(|l| {
            let decided = picks.iter().find(|(n, _)| *n == l).map(|(_, p)| *p);
            (mine.contains_key(l), decided)
        });
        let p = match leader {
            None | Some((false, None)) | Some((_, Some(Pick::Same))) => by_time(),
            Some((_, Some(Pick::Backup))) => Pick::Backup,
            Some(_) => Pick::Same,
        };
        picks.push((f.name, p));
    }
    let counted = |want: Pick| {
        picks.iter().any(|(name, p)| {
            *p == want && notes::note_field(name).is_some_and(|f| f.follows.is_none())
        })
    };
    let mut out = DealMerge {
        value: None,
        kept_newer: counted(Pick::KeptNewer),
        kept_undated: counted(Pick::KeptUndated),
    };
    if !picks.iter().any(|(_, p)| *p == Pick::Backup) {
        return out;
    }
    let mut obj = match stored {
        Value::Object(o) => o.clone(),
        _ => Map::new(),
    };
    let mut times = match obj.get(notes::CHANGED) {
        Some(Value::Object(t)) => t.clone(),
        _ => Map::new(),
    };
    for (name, p) in &picks {
        if *p != Pick::Backup {
            continue;
        }
        if let Some(v) = theirs.get(*name) {
            obj.insert(name.to_string(), v.clone());
        }
        match from.changed.get(*name) {
            Some(t) => times.insert(name.to_string(), Value::from(*t)),
            None => times.remove(*name),
        };
    }
    if times.is_empty() {
        obj.remove(notes::CHANGED);
    } else {
        obj.insert(notes::CHANGED.to_string(), Value::Object(times));
    }
    out.value = Some(Value::Object(obj));
    out
}

/// Restores a backup file's text over `current` (everything in `storage.local`, as read).
/// `key_prefixes` are the deal-key prefixes of the CRMs this version reads (the CRM
/// registry's), so notes of every CRM are restored; `now_ms` stamps the undo copy.
pub fn restore(text: &str, current: &Stored, key_prefixes: &[&str], now_ms: u64) -> Restore {
    let mut out = Restore::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.refused = Some(Refusal::NotJson {
                detail: e.to_string(),
            });
            return out;
        }
    };
    match value.get(MARKER).and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            out.refused = Some(Refusal::Newer { version: v });
            return out;
        }
        _ => {
            out.refused = Some(Refusal::NotABackup);
            return out;
        }
    }
    let stored = |key: &str| {
        StoreKey::parse(key)
            .and_then(|k| current.get(&k))
            .unwrap_or(&Value::Null)
    };

    if let Some(s) = value.get("settings") {
        let r = settings::restore(current.get(&StoreKey::Settings).unwrap_or(&Value::Null), s);
        out.counts.settings_restored = r.restored;
        out.counts.settings_kept = r.kept;
        out.problems
            .extend(r.problems.into_iter().map(|p| format!("Settings: {p}")));
        if let Some(v) = r.value {
            out.entries.insert(StoreKey::Settings.to_string(), v);
        }
    }
    match value.get("notes") {
        Some(Value::Object(all)) => {
            for (key, v) in all {
                if !is_deal_key(key, key_prefixes) {
                    out.counts.skipped += 1;
                    out.problems
                        .push(format!("Skipped {key:?}: not a Stallwatch deal key."));
                    continue;
                }
                if !v.is_object() {
                    out.counts.skipped += 1;
                    out.problems.push(format!(
                        "{key}: not a set of note fields (found {}); skipped, your notes for this deal are unchanged.",
                        notes::kind(v)
                    ));
                    continue;
                }
                let loaded = notes::load(v);
                out.problems
                    .extend(loaded.problems.iter().map(|p| format!("{key}: {p}")));
                if notes::field_values(&loaded.notes).is_empty() {
                    if loaded.problems.is_empty() {
                        // An empty set of notes: nothing to restore, nothing wrong.
                        out.counts.unchanged += 1;
                    } else {
                        out.counts.skipped += 1;
                        out.problems.push(format!(
                            "{key}: nothing in this entry could be read; skipped, your notes for this deal are unchanged."
                        ));
                    }
                    continue;
                }
                let m = merge_deal(stored(key), &loaded.notes);
                out.counts.kept_newer += usize::from(m.kept_newer);
                out.counts.kept_undated += usize::from(m.kept_undated);
                if m.kept_undated {
                    out.problems.push(format!(
                        "{key}: the backup holds different notes and neither copy says which is newer; kept yours."
                    ));
                }
                match m.value {
                    Some(v) => {
                        out.counts.restored += 1;
                        out.entries.insert(key.clone(), v);
                    }
                    None if !m.kept_newer && !m.kept_undated => out.counts.unchanged += 1,
                    None => {}
                }
            }
        }
        None | Some(Value::Null) => {}
        Some(_) => out
            .problems
            .push("The backup's notes are not a set of deals; none restored.".into()),
    }
    // The memory of deals seen: an entry is taken when this browser has none for the deal, or
    // an older one (seen earlier); an unreadable one is skipped and changes nothing. Each goes
    // through the bounds a fresh reading gets (`seen::sanitized`), and at most `MAX_DEALS` are
    // taken, the ones that would be evicted last.
    if let Some(Value::Object(all)) = value.get("seen") {
        let mut taken: Vec<(String, seen::Seen)> = Vec::new();
        for (key, v) in all {
            let deal = match StoreKey::parse(key) {
                Some(StoreKey::Seen(d)) => d,
                _ => String::new(),
            };
            let prefix_ok = deal
                .split(':')
                .next()
                .is_some_and(|p| key_prefixes.contains(&p));
            let Ok(entry) = seen::load(v).map_err(|_| ()).and_then(|e| {
                if prefix_ok && e.deal.key == deal {
                    Ok(e)
                } else {
                    Err(())
                }
            }) else {
                out.problems.push(format!(
                    "{key}: not a remembered deal this version can read; skipped."
                ));
                continue;
            };
            let Some(entry) = seen::sanitized(entry, now_ms) else {
                out.problems.push(format!(
                    "{key}: dated in the future or too large to be a reading; skipped."
                ));
                continue;
            };
            let newer = match seen::load(stored(key)) {
                Ok(here) => entry.seen_ms > here.seen_ms,
                Err(seen::Unusable::Newer(_)) => false,
                Err(seen::Unusable::Corrupt(_)) => true,
            };
            if newer {
                taken.push((key.clone(), entry));
            }
        }
        if taken.len() > seen::MAX_DEALS {
            taken.sort_by_key(|(_, s)| std::cmp::Reverse(seen::eviction_rank(s)));
            out.problems.push(format!(
                "{} remembered deals seen longest ago were not restored: the memory keeps {} at most.",
                taken.len() - seen::MAX_DEALS,
                seen::MAX_DEALS
            ));
            taken.truncate(seen::MAX_DEALS);
        }
        for (key, entry) in taken {
            if let Ok(v) = serde_json::to_value(&entry) {
                out.counts.seen_restored += 1;
                out.entries.insert(key, v);
            }
        }
    }
    if !out.entries.is_empty() {
        let previous: Map<String, Value> = out
            .entries
            .keys()
            .map(|k| (k.clone(), stored(k).clone()))
            .collect();
        let undo = json!({
            "taken_at": now_ms,
            "previous": previous,
            "written": out.entries.clone(),
        });
        out.entries.insert(StoreKey::RestoreUndo.to_string(), undo);
    }
    out
}

/// What undoing the last restore does to storage.
#[derive(Debug, Default, PartialEq, Serialize)]
pub struct Undo {
    /// Entries to write back (their values before the restore).
    pub set: Map<String, Value>,
    /// Keys to remove: those the restore created, and `UNDO_KEY` itself.
    pub remove: Vec<String>,
    /// Keys changed again since the restore: kept as they are now, so undoing never loses
    /// an edit made after the restore.
    pub kept: Vec<String>,
    /// Nothing to undo (no copy, or one that cannot be read: then it is left alone).
    pub nothing: bool,
    pub problems: Vec<String>,
}

/// Undoes the last restore from the copy taken before it (`current`: everything in storage).
/// Every key the restore changed gets its previous value back, or is removed if it did not
/// exist before, unless it has changed again since the restore.
pub fn undo(current: &Stored) -> Undo {
    let mut out = Undo::default();
    let record = current.get(&StoreKey::RestoreUndo).unwrap_or(&Value::Null);
    let (Some(previous), written) = (
        record.get("previous").and_then(Value::as_object),
        record.get("written").and_then(Value::as_object),
    ) else {
        out.nothing = true;
        if !record.is_null() {
            out.problems.push(
                "The copy kept before the last restore could not be read; nothing was changed."
                    .into(),
            );
        }
        return out;
    };
    for (key, before) in previous {
        let Some(store_key) = StoreKey::parse(key).filter(|k| *k != StoreKey::RestoreUndo) else {
            continue;
        };
        let now = current.get(&store_key).unwrap_or(&Value::Null);
        let restored = written.and_then(|w| w.get(key)).unwrap_or(&Value::Null);
        if now != restored {
            out.kept.push(key.clone());
        } else if before.is_null() {
            out.remove.push(key.clone());
        } else {
            out.set.insert(key.clone(), before.clone());
        }
    }
    out.remove.push(StoreKey::RestoreUndo.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tests build storage as JSON maps: taken apart as the glue does (`Stored::from_value`).
    const UNDO_KEY: &str = "restore_undo";
    fn restore(text: &str, current: &Value, prefixes: &[&str], now_ms: u64) -> Restore {
        super::restore(text, &Stored::from_value(current.clone()), prefixes, now_ms)
    }
    fn undo(current: &Value) -> Undo {
        super::undo(&Stored::from_value(current.clone()))
    }
    fn export(storage: &Value, today: Day) -> Value {
        super::export(&Stored::from_value(storage.clone()), today)
    }

    const PREFIXES: &[&str] = &["sf", "hs"];
    const NOW: u64 = 1_774_000_000_000;
    const KEY: &str = "notes:hs:123:456";

    fn run(backup: Value, current: Value) -> Restore {
        restore(&backup.to_string(), &current, PREFIXES, NOW)
    }

    fn backup_of(notes: Value) -> Value {
        json!({"stallwatch_backup": 1, "notes": notes})
    }

    #[test]
    fn a_backup_round_trips() {
        let storage = json!({
            "settings": {"silence_start_days": 10},
            "notes:sf:acme:0065g00000XyZ12": {"reason": "pass the audit"},
            "unrelated": 1
        });
        let file = export(&storage, Day::from_ymd(2026, 3, 20).unwrap());
        let restored = restore(&file.to_string(), &json!({}), PREFIXES, NOW);
        assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        assert_eq!(
            restored.entries["notes:sf:acme:0065g00000XyZ12"]["reason"],
            "pass the audit"
        );
        assert_eq!(restored.entries["settings"]["silence_start_days"], 10);
        assert!(!restored.entries.contains_key("unrelated"));
        assert_eq!(restored.counts.restored, 1);
        assert_eq!(restored.counts.settings_restored, 1);
        // Restoring the same file again changes nothing and writes nothing.
        let again = restore(&file.to_string(), &storage, PREFIXES, NOW);
        assert!(again.entries.is_empty(), "{:?}", again.entries);
        assert_eq!(again.counts.unchanged, 1);
    }

    #[test]
    fn a_backup_restores_at_most_the_memory_limit_and_never_a_deal_seen_in_the_future() {
        use crate::core::model::Deal;
        use crate::core::seen::{remember, SeenOn, MAX_DEALS};
        let day = Day::from_ymd(2026, 11, 20).unwrap();
        let mut seen = serde_json::Map::new();
        for i in 0..1_000u64 {
            let deal = Deal {
                key: format!("sf:acme:0065g0000{i:06}"),
                ..Deal::default()
            };
            let s = remember(None, &deal, "https://r", SeenOn::List, NOW - 1_000 + i, day);
            seen.insert(
                format!("seen:{}", deal.key),
                serde_json::to_value(s.unwrap()).unwrap(),
            );
        }
        let mut future = seen["seen:sf:acme:0065g0000000999"].clone();
        future["seen_ms"] = json!(253_402_300_799_000u64);
        seen.insert("seen:sf:acme:0065g0000000999".into(), future);
        let file = json!({"stallwatch_backup": 1, "seen": seen});
        let r = restore(&file.to_string(), &json!({}), PREFIXES, NOW);
        assert_eq!(r.counts.seen_restored, MAX_DEALS);
        assert!(
            !r.entries.contains_key("seen:sf:acme:0065g0000000999"),
            "the future one"
        );
        assert!(
            r.entries.contains_key("seen:sf:acme:0065g0000000998"),
            "the newest kept"
        );
        assert!(
            !r.entries.contains_key("seen:sf:acme:0065g0000000000"),
            "the oldest not"
        );
        assert!(
            r.problems
                .iter()
                .any(|p| p.contains("699 remembered deals")),
            "{:?}",
            r.problems
        );
        assert!(r.problems.iter().any(|p| p.contains("in the future")));
    }

    #[test]
    fn remembered_deals_travel_in_the_backup_and_the_newer_copy_wins() {
        use crate::core::model::Deal;
        use crate::core::seen::{remember, SeenOn};
        let day = Day::from_ymd(2026, 11, 20).unwrap();
        let seen_at = |ms: u64, stage: &str| {
            let deal = Deal {
                key: "sf:acme:0065g00000XyZ12".into(),
                stage: Some(stage.into()),
                ..Deal::default()
            };
            serde_json::to_value(
                remember(None, &deal, "https://r", SeenOn::Record, ms, day).unwrap(),
            )
            .unwrap()
        };
        let key = "seen:sf:acme:0065g00000XyZ12";
        let file = export(&json!({ key: seen_at(NOW, "Proposal") }), day);
        assert_eq!(file["seen"][key]["deal"]["stage"], "Proposal");
        // Into an empty browser: taken.
        let r = restore(&file.to_string(), &json!({}), PREFIXES, NOW);
        assert_eq!(
            (r.counts.seen_restored, r.entries.contains_key(key)),
            (1, true)
        );
        // Over a newer reading here: kept.
        let r = restore(
            &file.to_string(),
            &json!({ key: seen_at(NOW + 1, "Negotiation") }),
            PREFIXES,
            NOW,
        );
        assert_eq!(
            (r.counts.seen_restored, r.entries.contains_key(key)),
            (0, false)
        );
        // Over an older one: taken, and the undo copy holds the older one.
        let older = seen_at(NOW - 1, "Qualification");
        let r = restore(
            &file.to_string(),
            &json!({ key: older.clone() }),
            PREFIXES,
            NOW,
        );
        assert_eq!(r.entries[key]["deal"]["stage"], "Proposal");
        assert_eq!(r.entries[UNDO_KEY]["previous"][key], older);
        // An unreadable entry, or one filed under another deal's key, changes nothing.
        let bad = json!({"stallwatch_backup": 1, "seen": {
            key: {"v": 1, "deal": 5},
            "seen:sf:acme:0065g00000Other": seen_at(NOW, "Proposal"),
        }});
        let r = run(bad, json!({}));
        assert!(r.entries.is_empty(), "{:?}", r.entries);
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
    }

    #[test]
    fn notes_with_every_field_survive_a_round_trip() {
        let mut notes = crate::core::notes::tests::every_field();
        notes.changed.insert("approver".into(), NOW);
        let stored = serde_json::to_value(notes).unwrap();
        let file = export(&json!({ KEY: stored }), Day::from_ymd(2026, 3, 20).unwrap());
        let restored = restore(&file.to_string(), &json!({}), PREFIXES, NOW);
        assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        assert_eq!(restored.entries[KEY], stored, "times travel with the notes");
    }

    #[test]
    fn the_copy_kept_for_undo_is_never_part_of_a_backup() {
        let storage = json!({ KEY: {"reason": "x"}, UNDO_KEY: {"previous": {KEY: null}} });
        let file = export(&storage, Day::from_ymd(2026, 3, 20).unwrap());
        assert!(!file.to_string().contains(UNDO_KEY), "{file}");
    }

    #[test]
    fn notes_of_any_registered_crm_are_restored() {
        let text = backup_of(json!({"notes:zz:1:2": {"reason": "x"}})).to_string();
        assert!(restore(&text, &json!({}), PREFIXES, NOW).entries.is_empty());
        let r = restore(&text, &json!({}), &["sf", "hs", "zz"], NOW);
        assert_eq!(r.entries["notes:zz:1:2"]["reason"], "x");
    }

    #[test]
    fn a_corrupt_entry_is_reported_and_the_rest_restored() {
        let r = run(
            backup_of(json!({
                "notes:hs:123:456": {"reason": "cut no-shows", "deadline": "soon"},
                "notes:hs:123:789": "garbage",
                "evil": {"reason": "x"}
            })),
            json!({}),
        );
        assert_eq!(r.entries[KEY]["reason"], "cut no-shows");
        assert!(r.entries[KEY].get("deadline").is_none());
        assert!(!r.entries.contains_key("evil"));
        assert!(!r.entries.contains_key("notes:hs:123:789"));
        assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
        assert_eq!((r.counts.restored, r.counts.skipped), (1, 2));
    }

    #[test]
    fn a_corrupt_entry_never_removes_or_replaces_stored_notes() {
        let current = json!({ KEY: {"reason": "pass the audit", "approver": "CFO"} });
        for corrupt in [
            json!("garbage"),
            json!({"reason": 42}),
            json!([1, 2]),
            json!(7),
        ] {
            let r = run(backup_of(json!({ KEY: corrupt })), current.clone());
            assert!(r.entries.is_empty(), "{corrupt}: {:?}", r.entries);
            assert_eq!(r.counts.skipped, 1, "{corrupt}");
            assert_eq!(r.counts.restored, 0);
            assert!(!r.problems.is_empty());
        }
        // A corrupt field next to a good one: the good one is restored, the stored value of
        // the corrupt one stays.
        let r = run(
            backup_of(json!({ KEY: {"reason": 42, "goal": "halve prep time"} })),
            current,
        );
        assert_eq!(r.entries[KEY]["reason"], "pass the audit");
        assert_eq!(r.entries[KEY]["approver"], "CFO");
        assert_eq!(r.entries[KEY]["goal"], "halve prep time");
        assert_eq!(r.counts.restored, 1);
    }

    #[test]
    fn newer_notes_are_kept_and_newer_backup_fields_restored() {
        let current = json!({ KEY: {
            "reason": "pass the Q2 audit", "approver": "CFO",
            "changed": {"reason": NOW, "approver": NOW - 10}
        }});
        // An older backup: the stored reason stays; the field only in the backup is added.
        let old = run(
            backup_of(json!({ KEY: {
                "reason": "pass the Q1 audit", "goal": "cut prep time",
                "changed": {"reason": NOW - 1000}
            }})),
            current.clone(),
        );
        let e = &old.entries[KEY];
        assert_eq!(
            e["reason"], "pass the Q2 audit",
            "your newer reason is kept"
        );
        assert_eq!(
            e["goal"], "cut prep time",
            "a field only in the backup is added"
        );
        assert_eq!(e["approver"], "CFO");
        assert_eq!(e["changed"]["reason"], NOW);
        assert!(
            e["changed"].get("goal").is_none(),
            "the backup had no time for it"
        );
        assert_eq!((old.counts.restored, old.counts.kept_newer), (1, 1));

        // A newer backup: its value and its time win.
        let newer = run(
            backup_of(json!({ KEY: {
                "approver": "Head of Finance", "changed": {"approver": NOW}
            }})),
            current.clone(),
        );
        assert_eq!(newer.entries[KEY]["approver"], "Head of Finance");
        assert_eq!(newer.entries[KEY]["changed"]["approver"], NOW);
        assert_eq!(newer.entries[KEY]["reason"], "pass the Q2 audit");
        assert_eq!((newer.counts.restored, newer.counts.kept_newer), (1, 0));

        // An older backup with nothing new: nothing written at all.
        let nothing = run(
            backup_of(json!({ KEY: {"reason": "pass the Q1 audit"} })),
            current,
        );
        assert!(nothing.entries.is_empty(), "{:?}", nothing.entries);
        assert_eq!(
            (nothing.counts.restored, nothing.counts.kept_newer),
            (0, 1),
            "a field without a time is older than one with a time"
        );
    }

    #[test]
    fn a_field_with_a_time_beats_one_without() {
        let current = json!({ KEY: {"reason": "old wording"} });
        let r = run(
            backup_of(json!({ KEY: {"reason": "new wording", "changed": {"reason": 5}} })),
            current,
        );
        assert_eq!(r.entries[KEY]["reason"], "new wording");
        assert_eq!(r.counts.restored, 1);
    }

    #[test]
    fn with_no_times_on_either_side_yours_are_kept_and_the_report_says_so() {
        let current = json!({ KEY: {"reason": "mine", "goal": "same"} });
        let r = run(
            backup_of(json!({ KEY: {"reason": "theirs", "goal": "same", "approver": "CFO"} })),
            current,
        );
        assert_eq!(r.entries[KEY]["reason"], "mine");
        assert_eq!(r.entries[KEY]["approver"], "CFO");
        assert_eq!(r.counts.kept_undated, 1);
        assert_eq!(r.counts.kept_newer, 0);
        assert!(r
            .problems
            .iter()
            .any(|p| p.contains(KEY) && p.contains("neither copy")));
    }

    #[test]
    fn the_date_a_reason_was_noted_comes_with_its_reason() {
        let current = json!({ KEY: {
            "reason": "mine", "reason_noted_on": "2026-03-10",
            "changed": {"reason": NOW, "reason_noted_on": NOW}
        }});
        // The backup's reason is older: its date is not mixed into your reason.
        let older = run(
            backup_of(json!({ KEY: {
                "reason": "theirs", "reason_noted_on": "2026-01-01",
                "changed": {"reason": NOW - 5, "reason_noted_on": NOW + 5}
            }})),
            current.clone(),
        );
        assert!(older.entries.is_empty(), "{:?}", older.entries);
        // A newer reason brings its date.
        let newer = run(
            backup_of(json!({ KEY: {
                "reason": "theirs", "reason_noted_on": "2026-03-15",
                "changed": {"reason": NOW + 5}
            }})),
            current,
        );
        assert_eq!(newer.entries[KEY]["reason"], "theirs");
        assert_eq!(newer.entries[KEY]["reason_noted_on"], "2026-03-15");
        assert!(newer.entries[KEY]["changed"]
            .get("reason_noted_on")
            .is_none());
    }

    #[test]
    fn settings_are_restored_field_by_field() {
        let current = json!({ "settings": {"streak_start": 4, "wait_days": 9} });
        let r = run(
            json!({"stallwatch_backup": 1, "settings": {"streak_start": "three", "silence_start_days": 10}}),
            current,
        );
        let s = &r.entries["settings"];
        assert_eq!(
            s["streak_start"], 4,
            "the bad field keeps your value, not the default"
        );
        assert_eq!(
            s["wait_days"], 9,
            "a setting the backup does not name is kept"
        );
        assert_eq!(s["silence_start_days"], 10);
        assert_eq!((r.counts.settings_restored, r.counts.settings_kept), (1, 1));
        assert!(r
            .problems
            .iter()
            .any(|p| p.starts_with("Settings:") && p.contains("streak_start")));
        // A settings block that is not a set of fields changes nothing.
        let bad = run(
            json!({"stallwatch_backup": 1, "settings": 3}),
            json!({"settings": {"wait_days": 9}}),
        );
        assert!(bad.entries.is_empty());
        assert_eq!(bad.problems.len(), 1);
    }

    #[test]
    fn files_that_are_not_backups_of_this_version_are_refused() {
        let newer = run(
            json!({"stallwatch_backup": 2, "notes": {KEY: {"reason": "x"}}}),
            json!({}),
        );
        assert_eq!(newer.refused, Some(Refusal::Newer { version: 2 }));
        assert!(newer.entries.is_empty());
        assert_eq!(run(json!({}), json!({})).refused, Some(Refusal::NotABackup));
        assert_eq!(
            run(json!({"stallwatch_backup": "1"}), json!({})).refused,
            Some(Refusal::NotABackup)
        );
        let not_json = restore("nope", &json!({}), PREFIXES, NOW);
        assert!(matches!(not_json.refused, Some(Refusal::NotJson { .. })));
    }

    #[test]
    fn the_counts_add_up() {
        let current = json!({
            "notes:hs:1:1": {"reason": "newer here", "changed": {"reason": NOW}},
            "notes:hs:1:2": {"reason": "same"},
            "notes:hs:1:3": {"reason": "undated here"},
            "notes:hs:1:4": {"reason": "older here", "changed": {"reason": 1}},
        });
        let r = run(
            backup_of(json!({
                "notes:hs:1:1": {"reason": "older there", "changed": {"reason": 5}},
                "notes:hs:1:2": {"reason": "same"},
                "notes:hs:1:3": {"reason": "undated there"},
                "notes:hs:1:4": {"reason": "newer there", "changed": {"reason": NOW}},
                "notes:hs:1:5": {"reason": "new deal"},
                "notes:hs:1:6": "garbage",
                "notes:hs:1:7": {},
            })),
            current,
        );
        assert_eq!(
            r.counts,
            Counts {
                restored: 2,
                kept_newer: 1,
                kept_undated: 1,
                unchanged: 2,
                skipped: 1,
                settings_restored: 0,
                settings_kept: 0,
                seen_restored: 0,
            }
        );
        let written: Vec<&str> = r.entries.keys().map(String::as_str).collect();
        assert_eq!(written, vec!["notes:hs:1:4", "notes:hs:1:5", UNDO_KEY]);
    }

    /// Stored notes and settings, and the result of restoring over them a backup that changes
    /// both and adds a deal: the shared setup of the undo tests.
    fn restore_over_mine() -> (Value, Restore) {
        let current = json!({ KEY: {"reason": "mine"}, "settings": {"wait_days": 9}, "other": 1 });
        let r = run(
            json!({
                "stallwatch_backup": 1,
                "settings": {"wait_days": 3},
                "notes": {KEY: {"goal": "x"}, "notes:hs:9:9": {"reason": "new"}}
            }),
            current.clone(),
        );
        (current, r)
    }

    #[test]
    fn the_undo_copy_holds_what_each_written_key_held_before() {
        let (_, r) = restore_over_mine();
        let u = &r.entries[UNDO_KEY];
        assert_eq!(u["taken_at"], NOW);
        assert_eq!(
            u["previous"],
            json!({KEY: {"reason": "mine"}, "settings": {"wait_days": 9}, "notes:hs:9:9": null})
        );
        assert_eq!(u["written"][KEY], r.entries[KEY]);
    }

    /// Storage after writing `entries` over `current`.
    fn write(current: &Value, entries: &Map<String, Value>) -> Value {
        let mut all = current.as_object().unwrap().clone();
        all.extend(entries.clone());
        Value::Object(all)
    }

    #[test]
    fn undo_puts_back_exactly_what_was_there() {
        let (current, r) = restore_over_mine();
        let after = write(&current, &r.entries);
        let u = undo(&after);
        assert!(
            !u.nothing && u.kept.is_empty() && u.problems.is_empty(),
            "{u:?}"
        );
        let mut back = write(&after, &u.set);
        for k in &u.remove {
            back.as_object_mut().unwrap().remove(k);
        }
        assert_eq!(back, current);
    }

    #[test]
    fn undo_keeps_a_deal_changed_after_the_restore() {
        let current = json!({ KEY: {"reason": "mine"} });
        let r = run(
            backup_of(json!({ KEY: {"goal": "x"}, "notes:hs:9:9": {"reason": "new"} })),
            current.clone(),
        );
        let mut after = write(&current, &r.entries);
        after[KEY]["approver"] = json!("typed after the restore");
        let u = undo(&after);
        assert_eq!(u.kept, vec![KEY.to_string()]);
        assert_eq!(
            u.remove,
            vec!["notes:hs:9:9".to_string(), UNDO_KEY.to_string()]
        );
        assert!(u.set.is_empty());
    }

    #[test]
    fn undo_without_a_readable_copy_changes_nothing() {
        assert!(undo(&json!({})).nothing);
        let bad = undo(&json!({ UNDO_KEY: "garbage" }));
        assert!(bad.nothing && bad.remove.is_empty() && bad.set.is_empty());
        assert_eq!(bad.problems.len(), 1);
    }
}
