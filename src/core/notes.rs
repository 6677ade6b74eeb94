//! The rep's private quick notes on a deal, and how they are stored.
//!
//! Notes live in the browser's `storage.local` under `notes:<deal key>` as a JSON object. They
//! are read field by field: a corrupt field is reported and dropped, and the rest still count,
//! so one bad value never loses a rep's other notes.

use super::date::{parse_iso, Day};
use super::model::Channel;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The storage key for a deal's notes.
pub fn storage_key(deal_key: &str) -> String {
    format!("notes:{deal_key}")
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Notes {
    /// Why the buyer wants this, in the buyer's terms ("pass the Q1 audit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The measurable result they are after ("cut no-shows by a third"), if they named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// When the reason was recorded, so messages can say "you told me on 3 Mar".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_noted_on: Option<Day>,
    /// The buyer's own deadline, if they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_channel: Option<Channel>,
    /// Channels the buyer asked not to be used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avoid_channels: Vec<Channel>,
    /// Who else must approve (a name or a role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snooze_until: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snooze_reason: Option<String>,
    /// The rep's own labels for the deal ("needy", "slow payer"); some mark a bad fit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The longest text a note field keeps; longer text is cut, with a problem reported.
pub const MAX_TEXT: usize = 500;

/// Notes read from storage, with what was wrong in them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LoadedNotes {
    pub notes: Notes,
    /// One plain sentence per dropped or repaired field.
    pub problems: Vec<String>,
}

/// Reads notes from a stored JSON value, keeping every field that is valid.
pub fn load(value: &Value) -> LoadedNotes {
    let mut out = LoadedNotes::default();
    let obj = match value {
        Value::Null => return out,
        Value::Object(o) => o,
        other => {
            out.problems.push(format!(
                "The stored notes were not a set of fields (found {}); they were ignored.",
                kind(other)
            ));
            return out;
        }
    };
    let n = &mut out.notes;
    let p = &mut out.problems;
    n.reason = text(obj, "reason", p);
    n.goal = text(obj, "goal", p);
    n.reason_noted_on = date(obj, "reason_noted_on", p);
    n.deadline = date(obj, "deadline", p);
    n.preferred_channel = channel(obj, "preferred_channel", p);
    n.approver = text(obj, "approver", p);
    n.snooze_until = date(obj, "snooze_until", p);
    n.snooze_reason = text(obj, "snooze_reason", p);
    match obj.get("tags") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                match item.as_str().map(str::trim) {
                    Some(t) if !t.is_empty() && !n.tags.iter().any(|x| x == t) => {
                        n.tags.push(t.chars().take(60).collect())
                    }
                    Some(_) => {}
                    None => p.push(format!(
                        "Ignored a tag that is not text: {}.",
                        short_json(item)
                    )),
                }
            }
        }
        // A comma-separated string, as typed in the popup.
        Some(Value::String(s)) => {
            for t in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                if !n.tags.iter().any(|x| x == t) {
                    n.tags.push(t.chars().take(60).collect());
                }
            }
        }
        Some(other) => p.push(format!(
            "Tags should be a list (found {}); ignored.",
            kind(other)
        )),
    }
    if let Some(v) = obj.get("avoid_channels") {
        match v {
            Value::Array(items) => {
                for item in items {
                    match item.as_str().and_then(Channel::parse) {
                        Some(c) if !n.avoid_channels.contains(&c) => n.avoid_channels.push(c),
                        Some(_) => {}
                        None => p.push(format!(
                            "Ignored an unknown channel to avoid: {}.",
                            short_json(item)
                        )),
                    }
                }
            }
            Value::Null => {}
            other => p.push(format!(
                "Channels to avoid should be a list (found {}); ignored.",
                kind(other)
            )),
        }
    }
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a set of fields",
    }
}

fn short_json(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

fn label(field: &str) -> &'static str {
    match field {
        "reason" => "The buyer's reason",
        "goal" => "The goal",
        "reason_noted_on" => "The date the reason was noted",
        "deadline" => "The deadline",
        "preferred_channel" => "The preferred channel",
        "approver" => "The approver",
        "snooze_until" => "The snooze date",
        "snooze_reason" => "The snooze reason",
        _ => "A note field",
    }
}

fn text(obj: &Map<String, Value>, field: &str, p: &mut Vec<String>) -> Option<String> {
    match obj.get(field)? {
        Value::Null => None,
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                None
            } else if t.chars().count() > MAX_TEXT {
                p.push(format!(
                    "{} was longer than {MAX_TEXT} characters and was shortened.",
                    label(field)
                ));
                Some(t.chars().take(MAX_TEXT).collect())
            } else {
                Some(t.to_string())
            }
        }
        other => {
            p.push(format!(
                "{} should be text (found {}); ignored.",
                label(field),
                kind(other)
            ));
            None
        }
    }
}

fn date(obj: &Map<String, Value>, field: &str, p: &mut Vec<String>) -> Option<Day> {
    match obj.get(field)? {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => parse_iso(s).or_else(|| {
            p.push(format!(
                "{} {:?} is not a date like 2026-03-12; ignored.",
                label(field),
                s
            ));
            None
        }),
        other => {
            p.push(format!(
                "{} should be a date (found {}); ignored.",
                label(field),
                kind(other)
            ));
            None
        }
    }
}

fn channel(obj: &Map<String, Value>, field: &str, p: &mut Vec<String>) -> Option<Channel> {
    match obj.get(field)? {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Channel::parse(s).or_else(|| {
            p.push(format!(
                "{} {:?} is not one of email, text, call or meeting; ignored.",
                label(field),
                s
            ));
            None
        }),
        other => {
            p.push(format!(
                "{} should be text (found {}); ignored.",
                label(field),
                kind(other)
            ));
            None
        }
    }
}

/// Applies what the rep typed in the popup form to the stored notes. The form sends every
/// field (empty text clears it); the date a reason was noted is set when the reason changes.
pub fn merge_form(old: &Notes, form: &Value, today: Day) -> LoadedNotes {
    let mut merged = load(form);
    let n = &mut merged.notes;
    n.reason_noted_on = match (&old.reason, &n.reason) {
        (Some(a), Some(b)) if a == b => old.reason_noted_on,
        (_, Some(_)) => Some(today),
        (_, None) => None,
    };
    if n.snooze_until.is_none() {
        n.snooze_reason = None;
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_through_storage_json() {
        let notes = Notes {
            reason: Some("pass the Q1 audit".into()),
            deadline: Day::from_ymd(2026, 3, 31),
            preferred_channel: Some(Channel::Email),
            avoid_channels: vec![Channel::Call],
            ..Notes::default()
        };
        let stored = serde_json::to_value(&notes).unwrap();
        let loaded = load(&stored);
        assert_eq!(loaded.notes, notes);
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn a_corrupt_field_is_reported_and_the_rest_kept() {
        let loaded = load(&json!({
            "reason": "cut onboarding time before the spring hiring wave",
            "deadline": "next tuesday",
            "preferred_channel": 42,
            "avoid_channels": ["call", "pigeon"],
            "approver": "   "
        }));
        assert_eq!(
            loaded.notes.reason.as_deref(),
            Some("cut onboarding time before the spring hiring wave")
        );
        assert_eq!(loaded.notes.deadline, None);
        assert_eq!(loaded.notes.preferred_channel, None);
        assert_eq!(loaded.notes.avoid_channels, vec![Channel::Call]);
        assert_eq!(loaded.notes.approver, None, "blank text is no note");
        assert_eq!(loaded.problems.len(), 3, "{:?}", loaded.problems);
        assert!(loaded.problems[0].contains("next tuesday"));
    }

    #[test]
    fn the_form_keeps_the_noted_date_until_the_reason_changes() {
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let old = Notes {
            reason: Some("pass the audit".into()),
            reason_noted_on: Some(today.plus(-10)),
            ..Notes::default()
        };
        let same = merge_form(
            &old,
            &json!({"reason": "pass the audit", "approver": "CFO"}),
            today,
        );
        assert_eq!(same.notes.reason_noted_on, Some(today.plus(-10)));
        assert_eq!(same.notes.approver.as_deref(), Some("CFO"));
        let changed = merge_form(&old, &json!({"reason": "cut audit prep time"}), today);
        assert_eq!(changed.notes.reason_noted_on, Some(today));
        let cleared = merge_form(
            &old,
            &json!({"reason": "", "snooze_reason": "vacation"}),
            today,
        );
        assert_eq!(
            cleared.notes,
            Notes::default(),
            "no snooze date: its reason goes too"
        );
    }

    #[test]
    fn non_object_notes_are_reported() {
        let loaded = load(&json!("garbage"));
        assert_eq!(loaded.notes, Notes::default());
        assert_eq!(loaded.problems.len(), 1);
        assert!(load(&Value::Null).problems.is_empty());
    }
}
