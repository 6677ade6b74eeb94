//! Backing up the rep's notes and settings to a file, and restoring them. The file is plain
//! JSON the rep keeps; nothing is sent anywhere. Restoring checks every entry the way notes and
//! settings are read from storage: a corrupt entry is reported and the rest restored.

use super::date::Day;
use super::{notes, settings};
use serde_json::{json, Map, Value};

/// The format marker, so a random JSON file is not taken for a backup.
const MARKER: &str = "stallwatch_backup";

/// The backup of everything Stallwatch keeps in `storage.local`.
pub fn export(storage: &Value, today: Day) -> Value {
    let mut notes_out = Map::new();
    if let Some(all) = storage.as_object() {
        for (k, v) in all {
            if k.starts_with(notes::KEY_PREFIX) {
                notes_out.insert(k.clone(), v.clone());
            }
        }
    }
    json!({
        MARKER: 1,
        "exported_on": today.iso(),
        "settings": storage.get(settings::STORAGE_KEY).cloned().unwrap_or(Value::Null),
        "notes": notes_out,
    })
}

/// What a backup file restores.
#[derive(Debug, Default, PartialEq, serde::Serialize)]
pub struct Restore {
    /// `storage.local` entries to write: notes keys and, when present, `settings`.
    pub entries: Map<String, Value>,
    pub problems: Vec<String>,
}

/// `notes:<prefix>:<account>:<id>` for one of the CRMs' key prefixes.
fn is_deal_key(key: &str, key_prefixes: &[&str]) -> bool {
    let Some(deal) = key.strip_prefix(notes::KEY_PREFIX) else {
        return false;
    };
    let mut parts = deal.splitn(3, ':');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(p), Some(a), Some(b)) if key_prefixes.contains(&p) && !a.is_empty() && !b.is_empty()
    )
}

/// Reads a backup file's text. `key_prefixes` are the deal-key prefixes of the CRMs this
/// version reads (the CRM registry's), so notes of every CRM are restored.
pub fn import(text: &str, key_prefixes: &[&str]) -> Restore {
    let mut out = Restore::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problems.push(format!(
                "The file is not a Stallwatch backup (not JSON: {e})."
            ));
            return out;
        }
    };
    if value.get(MARKER).and_then(Value::as_u64) != Some(1) {
        out.problems
            .push("The file is not a Stallwatch backup (no \"stallwatch_backup\": 1).".into());
        return out;
    }
    if let Some(s) = value.get("settings").filter(|s| !s.is_null()) {
        let (loaded, problems) = settings::load(s);
        out.problems
            .extend(problems.into_iter().map(|p| format!("Settings: {p}")));
        if let Ok(v) = serde_json::to_value(loaded) {
            out.entries.insert(settings::STORAGE_KEY.into(), v);
        }
    }
    match value.get("notes") {
        Some(Value::Object(all)) => {
            for (key, v) in all {
                if !is_deal_key(key, key_prefixes) {
                    out.problems
                        .push(format!("Skipped {key:?}: not a Stallwatch deal key."));
                    continue;
                }
                let loaded = notes::load(v);
                out.problems
                    .extend(loaded.problems.iter().map(|p| format!("{key}: {p}")));
                if let Ok(v) = serde_json::to_value(&loaded.notes) {
                    out.entries.insert(key.clone(), v);
                }
            }
        }
        None | Some(Value::Null) => {}
        Some(_) => out
            .problems
            .push("The backup's notes are not a set of deals; none restored.".into()),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIXES: &[&str] = &["sf", "hs"];

    #[test]
    fn a_backup_round_trips() {
        let storage = json!({
            "settings": {"silence_start_days": 10},
            "notes:sf:acme:0065g00000XyZ12": {"reason": "pass the audit"},
            "unrelated": 1
        });
        let file = export(&storage, Day::from_ymd(2026, 3, 20).unwrap());
        let restored = import(&file.to_string(), PREFIXES);
        assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        assert_eq!(
            restored.entries["notes:sf:acme:0065g00000XyZ12"]["reason"],
            "pass the audit"
        );
        assert_eq!(restored.entries["settings"]["silence_start_days"], 10);
        assert!(!restored.entries.contains_key("unrelated"));
    }

    #[test]
    fn notes_with_every_field_survive_a_round_trip() {
        let key = "notes:hs:123:456";
        let stored = serde_json::to_value(crate::core::notes::tests::every_field()).unwrap();
        let file = export(&json!({ key: stored }), Day::from_ymd(2026, 3, 20).unwrap());
        let restored = import(&file.to_string(), PREFIXES);
        assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        assert_eq!(restored.entries[key], stored);
    }

    #[test]
    fn notes_of_any_registered_crm_are_restored() {
        let text = json!({"stallwatch_backup": 1, "notes": {"notes:zz:1:2": {"reason": "x"}}});
        assert!(import(&text.to_string(), PREFIXES).entries.is_empty());
        let r = import(&text.to_string(), &["sf", "hs", "zz"]);
        assert_eq!(r.entries["notes:zz:1:2"]["reason"], "x");
    }

    #[test]
    fn a_corrupt_entry_is_reported_and_the_rest_restored() {
        let text = json!({
            "stallwatch_backup": 1,
            "notes": {
                "notes:hs:123:456": {"reason": "cut no-shows", "deadline": "soon"},
                "notes:hs:123:789": "garbage",
                "evil": {"reason": "x"}
            }
        })
        .to_string();
        let r = import(&text, PREFIXES);
        assert_eq!(r.entries["notes:hs:123:456"]["reason"], "cut no-shows");
        assert!(r.entries["notes:hs:123:456"].get("deadline").is_none());
        assert!(!r.entries.contains_key("evil"));
        assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
        assert!(import("{}", PREFIXES).problems[0].contains("not a Stallwatch backup"));
        assert!(import("nope", PREFIXES).problems[0].contains("not JSON"));
    }
}
