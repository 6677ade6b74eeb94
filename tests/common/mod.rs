//! Shared by the scenario suite (tests/scenarios.rs), the message rules and lint
//! (tests/message_rules.rs, tests/message_lint.rs) and the generated-doc tests: finding scenario
//! files and building their settings and inputs, the notes variants every message is checked
//! under, and keeping a generated section of a doc current.
#![allow(dead_code)] // each test binary uses a different part of this module

use serde_json::Value;
use stallwatch::core::date::{parse_iso, Day};
use stallwatch::core::input::deal_from_json;
use stallwatch::core::model::Channel;
use stallwatch::core::model::Deal;
use stallwatch::core::notes::Notes;
use stallwatch::core::settings::Settings;

pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");

/// Defaults overlaid with the scenario's overrides. Top-level names must be real settings (a
/// typo must not silently test the defaults); nested objects (`stage_norms`) are merged key by
/// key, everything else (numbers, lists) is replaced.
pub fn build_settings(overrides: Option<&Value>) -> Result<Settings, String> {
    let mut base = serde_json::to_value(Settings::default()).map_err(|e| e.to_string())?;
    match overrides {
        None | Some(Value::Null) => {}
        Some(Value::Object(o)) => {
            let known = base.as_object().expect("settings serialize to an object");
            for key in o.keys() {
                if !known.contains_key(key) {
                    return Err(format!("unknown setting `{key}`"));
                }
            }
            merge(&mut base, &Value::Object(o.clone()));
        }
        Some(other) => return Err(format!("settings must be an object, found {other}")),
    }
    serde_json::from_value::<Settings>(base).map_err(|e| format!("settings: {e}"))
}

pub fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

pub fn scenario_files() -> Vec<(String, std::path::PathBuf)> {
    let mut files: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(DIR)
        .unwrap_or_else(|e| panic!("cannot read {DIR}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a UTF-8 file name")
                .to_string();
            (stem, p)
        })
        .collect();
    files.sort();
    files
}

/// A scenario's inputs: now, settings, and the deal with its notes (`None`: not a deal).
pub struct Inputs {
    pub name: String,
    pub now: Day,
    pub settings: Settings,
    pub deal: Option<(Deal, Notes)>,
}

/// Every scenario's inputs, in file-name order; a file that cannot be read panics with its name.
pub fn all_inputs() -> Vec<Inputs> {
    scenario_files()
        .into_iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            let raw: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let now = raw["now"]
                .as_str()
                .and_then(parse_iso)
                .unwrap_or_else(|| panic!("{name}: no valid `now`"));
            let settings =
                build_settings(raw.get("settings")).unwrap_or_else(|e| panic!("{name}: {e}"));
            let deal = (!raw["deal"].is_null()).then(|| {
                let (deal, notes) =
                    deal_from_json(&raw["deal"], &name).unwrap_or_else(|e| panic!("{name}: {e}"));
                (deal, notes.notes)
            });
            Inputs {
                name,
                now,
                settings,
                deal,
            }
        })
        .collect()
}

/// The name of the variant that is each scenario's own notes.
pub const AS_WRITTEN: &str = "as written";

/// Notes variants layered on each scenario's own notes, so that every kind (an approver check
/// needs an approver) and every optional sentence (goal, deadline, the buyer's channel) is
/// written.
pub fn variants(base: &Notes, now: Day) -> Vec<(&'static str, Notes)> {
    let reason = "have all 120 trucks tracked before the spring delivery peak, because missed windows cost us two contracts last year.";
    let with_reason = Notes {
        reason: base.reason.clone().or(Some(reason.to_string())),
        ..base.clone()
    };
    vec![
        (AS_WRITTEN, base.clone()),
        ("with a reason", with_reason.clone()),
        (
            "with an approver",
            Notes {
                approver: Some("Maria Chen, their CFO".into()),
                ..with_reason.clone()
            },
        ),
        (
            "prefers text, no calls",
            Notes {
                preferred_channel: Some(Channel::Text),
                avoid_channels: vec![Channel::Call],
                ..with_reason.clone()
            },
        ),
        (
            "email only",
            Notes {
                avoid_channels: vec![Channel::Call, Channel::Text],
                ..with_reason.clone()
            },
        ),
        (
            "deadline and goal",
            Notes {
                deadline: Some(now.plus(12)),
                goal: Some("cut late deliveries by a third across all three depots".into()),
                ..with_reason
            },
        ),
    ]
}

/// The settings with a rep name and signature line, so sign-offs are written too.
pub fn signed(settings: &Settings) -> Settings {
    Settings {
        rep_name: Some("Jordan Reyes".into()),
        signature: Some("Account Executive, Northwind Telematics · +1 555 0100".into()),
        ..settings.clone()
    }
}

/// Keeps the section of `doc` (a path) between `start` and `end` equal to `fresh`: fails when
/// it differs, or rewrites it when `STALLWATCH_UPDATE_DOCS` is set (`test` names the command).
pub fn check_generated_section(doc: &str, start: &str, end: &str, fresh: &str, test: &str) {
    let text = std::fs::read_to_string(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let (Some(a), Some(b)) = (text.find(start), text.find(end)) else {
        panic!("{doc} lacks the markers {start:?} … {end:?}");
    };
    let current = text[a + start.len()..b].trim();
    if current == fresh {
        return;
    }
    if std::env::var_os("STALLWATCH_UPDATE_DOCS").is_some() {
        let updated = format!("{}{start}\n\n{fresh}\n\n{}", &text[..a], &text[b..]);
        std::fs::write(doc, updated).unwrap_or_else(|e| panic!("write {doc}: {e}"));
    } else {
        panic!("{doc} is out of date; run STALLWATCH_UPDATE_DOCS=1 cargo test --test {test}");
    }
}
