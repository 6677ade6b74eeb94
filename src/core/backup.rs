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
            if k.starts_with("notes:") {
                notes_out.insert(k.clone(), v.clone());
            }
        }
    }
    json!({
        MARKER: 1,
        "exported_on": today.iso(),
        "settings": storage.get("settings").cloned().unwrap_or(Value::Null),
        "notes": notes_out,
    })
}

/// What a backup file restores.
#[derive(Debug, Default, PartialEq)]
pub struct Restore {
    /// `storage.local` entries to write: notes keys and, when present, `settings`.
    pub entries: Map<String, Value>,
    pub problems: Vec<String>,
}

fn is_deal_key(key: &str) -> bool {
    let mut parts = key.splitn(4, ':');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("notes"), Some("sf" | "hs"), Some(a), Some(b)) if !a.is_empty() && !b.is_empty()
    )
}

/// Reads a backup file's text.
pub fn import(text: &str) -> Restore {
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
            out.entries.insert("settings".into(), v);
        }
    }
    match value.get("notes") {
        Some(Value::Object(all)) => {
            for (key, v) in all {
                if !is_deal_key(key) {
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

    #[test]
    fn a_backup_round_trips() {
        let storage = json!({
            "settings": {"silence_start_days": 10},
            "notes:sf:acme:0065g00000XyZ12": {"reason": "pass the audit"},
            "unrelated": 1
        });
        let file = export(&storage, Day::from_ymd(2026, 3, 20).unwrap());
        let restored = import(&file.to_string());
        assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        assert_eq!(
            restored.entries["notes:sf:acme:0065g00000XyZ12"]["reason"],
            "pass the audit"
        );
        assert_eq!(restored.entries["settings"]["silence_start_days"], 10);
        assert!(!restored.entries.contains_key("unrelated"));
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
        let r = import(&text);
        assert_eq!(r.entries["notes:hs:123:456"]["reason"], "cut no-shows");
        assert!(r.entries["notes:hs:123:456"].get("deadline").is_none());
        assert!(!r.entries.contains_key("evil"));
        assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
        assert!(import("{}").problems[0].contains("not a Stallwatch backup"));
        assert!(import("nope").problems[0].contains("not JSON"));
    }
}
