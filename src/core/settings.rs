//! The thresholds a rep can tune, with the defaults documented in docs/scoring.md.
//!
//! Settings are stored in `storage.local` under `settings`; a missing or invalid value falls
//! back on its default (reported, never fatal).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::store::{StoreKey, Stored};

/// The largest value a tunable number takes (the options page's input limit too).
pub const MAX_NUMBER: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Days of buyer silence before it costs points.
    pub silence_start_days: u32,
    /// Days of silence at which the silence points reach their maximum.
    pub silence_full_days: u32,
    pub silence_max_points: u32,
    /// The buyer's deadline counts when it is this close (days).
    pub deadline_window_days: u32,
    pub deadline_near_points: u32,
    /// Their deadline this close (days) with silence: points enough for "high" on its own.
    pub deadline_urgent_days: u32,
    pub deadline_urgent_points: u32,
    /// Their deadline within this many days (and beyond the urgent ones).
    pub deadline_soon_days: u32,
    pub deadline_soon_points: u32,
    pub deadline_passed_points: u32,
    /// Outbound touches in a row (since the buyer's last reply) at which the trap starts.
    pub streak_start: u32,
    pub streak_points_per_touch: u32,
    /// Extra points for each content-free touch in the streak.
    pub content_free_extra_points: u32,
    pub streak_max_points: u32,
    /// Phrases that mark a touch as content-free (matched case- and punctuation-insensitively).
    pub content_free_phrases: Vec<String>,
    pub balance_window_touches: u32,
    pub balance_window_days: u32,
    pub balance_min_touches: u32,
    /// Percent share of touches (ours) where effort balance starts to cost points.
    pub balance_start_percent: u32,
    /// Percent share at which it reaches its maximum.
    pub balance_full_percent: u32,
    pub balance_max_points: u32,
    pub no_reason_points: u32,
    pub channel_window_days: u32,
    pub channel_avoided_points: u32,
    pub channel_avoided_max_points: u32,
    pub channel_other_points: u32,
    pub channel_other_max_points: u32,
    pub past_due_points: u32,
    /// Moves of the close date to a later date before they count (a single slip is common:
    /// a third or more of deals slip; docs/scoring.md).
    pub close_push_min: u32,
    pub close_push_points: u32,
    pub close_push_max_points: u32,
    /// Days a deal may sit in a stage, by stage name (compared case- and punctuation-
    /// insensitively); other stages use `stage_norm_default_days`.
    pub stage_norms: BTreeMap<String, u32>,
    pub stage_norm_default_days: u32,
    pub stage_age_min_points: u32,
    pub stage_age_max_points: u32,
    pub no_next_step_points: u32,
    pub next_step_overdue_points: u32,
    pub fit_short_replies_points: u32,
    /// The last reply counts as short under this many characters.
    pub short_reply_chars: u32,
    pub fit_resent_quote_points: u32,
    pub resend_threshold: u32,
    pub fit_discount_points: u32,
    pub discount_threshold: u32,
    pub fit_tags_points: u32,
    /// Tags in the rep's notes that mark a bad fit.
    pub bad_fit_tags: Vec<String>,
    /// Bad-fit points at which the advice becomes "walk away".
    pub walk_away_fit_points: u32,
    /// After a valuable touch of ours, how many days the ball stays in the buyer's court.
    pub wait_days: u32,
    /// Days of silence after which, with a known reason, the suggestion brings something new
    /// instead of asking for feedback again.
    pub new_value_after_days: u32,
    /// The buyer asked or requested something and nobody answered: points at once, more per
    /// day of waiting, up to a maximum.
    pub buyer_waiting_points: u32,
    pub buyer_waiting_points_per_day: u32,
    pub buyer_waiting_max_points: u32,
    /// The buyer said no (or that they chose someone else).
    pub buyer_said_no_points: u32,
    /// The contact left the company, or their address bounced.
    pub champion_left_points: u32,
    /// Concessions the rep offered unprompted (within the effort-balance window) that count.
    pub concession_threshold: u32,
    pub rep_concessions_points: u32,
    /// Days without a word from the buyer after which a deal is closed out, not chased.
    pub close_out_after_days: u32,
    /// Days after which a deal not seen again is forgotten by the Today queue and the lists
    /// (its remembered reading, never its notes).
    pub memory_days: u32,
    /// Your own phrases, in any language, added to the built-in lists of what a buyer's reply
    /// can mean (src/core/listen): a no, a buying signal, price pushing, an auto-reply, a
    /// contact who left, a request. Matched like the content-free phrases.
    pub heard_no: Vec<String>,
    pub heard_buying: Vec<String>,
    pub heard_price_push: Vec<String>,
    pub heard_auto_reply: Vec<String>,
    pub heard_left: Vec<String>,
    pub heard_request: Vec<String>,
    /// Signs the messages with this name when set.
    pub rep_name: Option<String>,
    /// One line under the name (title, company, phone), when set.
    pub signature: Option<String>,
    /// How the CRM shows dates like 05/03/2026, when the rep says; `None`: decide from each
    /// page (a date like 25/11/2026 settles it) and never use an ambiguous date unsettled.
    pub date_order: Option<super::date::NumericOrder>,
    /// The language to write messages in when a deal's notes do not name one; `None`: the
    /// page's language when it says, else English.
    pub message_language: Option<super::lang::Lang>,
    /// Proposals from the rep's corrections the rep chose to ignore (`calibration`), by id
    /// (`silence_start_days=11`): not proposed again.
    pub ignored_proposals: Vec<String>,
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for Settings {
    fn default() -> Self {
        let norms: &[(&str, u32)] = &[
            ("Prospecting", 14),
            ("Qualification", 21),
            ("Needs Analysis", 21),
            ("Value Proposition", 21),
            ("Proposal/Price Quote", 21),
            ("Negotiation/Review", 21),
            ("Appointment Scheduled", 14),
            ("Qualified To Buy", 21),
            ("Presentation Scheduled", 14),
            ("Decision Maker Bought-In", 21),
            ("Contract Sent", 14),
        ];
        Settings {
            silence_start_days: 7,
            silence_full_days: 42,
            silence_max_points: 65,
            deadline_window_days: 14,
            deadline_near_points: 15,
            deadline_urgent_days: 3,
            deadline_urgent_points: 65,
            deadline_soon_days: 7,
            deadline_soon_points: 35,
            deadline_passed_points: 40,
            streak_start: 2,
            streak_points_per_touch: 8,
            content_free_extra_points: 3,
            streak_max_points: 35,
            content_free_phrases: super::phrases::DEFAULT_CONTENT_FREE
                .iter()
                .chain(super::listen::CONTENT_FREE_MORE)
                .map(|s| s.to_string())
                .collect(),
            balance_window_touches: 10,
            balance_window_days: 60,
            balance_min_touches: 4,
            balance_start_percent: 60,
            balance_full_percent: 90,
            balance_max_points: 20,
            no_reason_points: 15,
            channel_window_days: 30,
            channel_avoided_points: 12,
            channel_avoided_max_points: 24,
            channel_other_points: 5,
            channel_other_max_points: 10,
            past_due_points: 15,
            close_push_min: 2,
            close_push_points: 6,
            close_push_max_points: 18,
            stage_norms: norms.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            stage_norm_default_days: 30,
            stage_age_min_points: 5,
            stage_age_max_points: 15,
            no_next_step_points: 8,
            next_step_overdue_points: 10,
            fit_short_replies_points: 10,
            short_reply_chars: 40,
            fit_resent_quote_points: 10,
            resend_threshold: 3,
            fit_discount_points: 10,
            discount_threshold: 2,
            fit_tags_points: 15,
            bad_fit_tags: strings(&[
                "needy",
                "slow",
                "unprofitable",
                "bad fit",
                "tire kicker",
                "tyre kicker",
                "price shopper",
                "no budget",
            ]),
            walk_away_fit_points: 25,
            wait_days: 5,
            new_value_after_days: 21,
            buyer_waiting_points: 15,
            buyer_waiting_points_per_day: 5,
            buyer_waiting_max_points: 60,
            buyer_said_no_points: 40,
            champion_left_points: 35,
            concession_threshold: 2,
            rep_concessions_points: 10,
            close_out_after_days: 90,
            memory_days: super::seen::DEFAULT_RETENTION_DAYS,
            heard_no: Vec::new(),
            heard_buying: Vec::new(),
            heard_price_push: Vec::new(),
            heard_auto_reply: Vec::new(),
            heard_left: Vec::new(),
            heard_request: Vec::new(),
            rep_name: None,
            signature: None,
            date_order: None,
            message_language: None,
            ignored_proposals: Vec::new(),
        }
    }
}

/// Every number a rep can tune on the options page: (setting, label, unit). Kept beside the
/// struct so the page can never miss one (a test checks).
pub const TUNABLE_NUMBERS: &[(&str, &str, &str)] = &[
    ("silence_start_days", "Silence counts after", "days"),
    (
        "silence_full_days",
        "Silence reaches its maximum at",
        "days",
    ),
    ("silence_max_points", "Silence: maximum points", "points"),
    (
        "deadline_window_days",
        "Their deadline counts when it is within",
        "days",
    ),
    ("deadline_near_points", "Deadline near: points", "points"),
    (
        "deadline_urgent_days",
        "Their deadline is urgent within",
        "days",
    ),
    (
        "deadline_urgent_points",
        "Deadline urgent: points",
        "points",
    ),
    (
        "deadline_soon_days",
        "Their deadline is soon within",
        "days",
    ),
    ("deadline_soon_points", "Deadline soon: points", "points"),
    (
        "deadline_passed_points",
        "Deadline passed: points",
        "points",
    ),
    (
        "streak_start",
        "The follow-up trap starts at",
        "touches in a row",
    ),
    (
        "streak_points_per_touch",
        "Follow-up trap: points per touch",
        "points",
    ),
    (
        "content_free_extra_points",
        "Extra points per content-free touch",
        "points",
    ),
    (
        "streak_max_points",
        "Follow-up trap: maximum points",
        "points",
    ),
    (
        "balance_window_touches",
        "Effort balance looks at the last",
        "touches",
    ),
    ("balance_window_days", "…within the last", "days"),
    (
        "balance_min_touches",
        "Effort balance needs at least",
        "touches",
    ),
    (
        "balance_start_percent",
        "Effort balance counts from your share of",
        "%",
    ),
    ("balance_full_percent", "…and is at its maximum at", "%"),
    (
        "balance_max_points",
        "Effort balance: maximum points",
        "points",
    ),
    ("no_reason_points", "No recorded reason: points", "points"),
    (
        "channel_window_days",
        "Channel touches count within the last",
        "days",
    ),
    (
        "channel_avoided_points",
        "Each touch on a channel they ruled out",
        "points",
    ),
    ("channel_avoided_max_points", "…at most", "points"),
    (
        "channel_other_points",
        "Each extra touch off their preferred channel",
        "points",
    ),
    ("channel_other_max_points", "…at most", "points"),
    ("past_due_points", "Close date passed: points", "points"),
    ("close_push_min", "Close date pushes count from", "pushes"),
    ("close_push_points", "Each push of the close date", "points"),
    ("close_push_max_points", "…at most", "points"),
    (
        "stage_norm_default_days",
        "Stage norm for stages not listed",
        "days",
    ),
    (
        "stage_age_min_points",
        "Stage age: points just past the norm",
        "points",
    ),
    (
        "stage_age_max_points",
        "Stage age: points at twice the norm",
        "points",
    ),
    ("no_next_step_points", "No next step: points", "points"),
    (
        "next_step_overdue_points",
        "Next step overdue: points",
        "points",
    ),
    (
        "fit_short_replies_points",
        "Shrinking replies: points",
        "points",
    ),
    ("short_reply_chars", "A reply is short under", "characters"),
    ("fit_resent_quote_points", "Quote re-sent: points", "points"),
    ("resend_threshold", "A quote counts as re-sent at", "sends"),
    ("fit_discount_points", "Discount requests: points", "points"),
    (
        "discount_threshold",
        "Discount requests count from",
        "requests",
    ),
    ("fit_tags_points", "Your bad-fit tags: points", "points"),
    (
        "walk_away_fit_points",
        "Suggest walking away at bad-fit points of",
        "points",
    ),
    ("wait_days", "After a useful touch, wait", "days"),
    (
        "new_value_after_days",
        "Bring something new after a silence of",
        "days",
    ),
    (
        "buyer_waiting_points",
        "The buyer is waiting on you: points",
        "points",
    ),
    (
        "buyer_waiting_points_per_day",
        "…plus per day of waiting",
        "points",
    ),
    ("buyer_waiting_max_points", "…up to", "points"),
    (
        "buyer_said_no_points",
        "The buyer said no: points",
        "points",
    ),
    (
        "champion_left_points",
        "Your contact left: points",
        "points",
    ),
    (
        "concession_threshold",
        "Unasked concessions count from",
        "offers",
    ),
    (
        "rep_concessions_points",
        "Unasked concessions: points",
        "points",
    ),
    (
        "close_out_after_days",
        "Close out after no word from the buyer for",
        "days",
    ),
    (
        "memory_days",
        "Forget a deal's remembered reading (never its notes) when not seen for",
        "days",
    ),
];

/// The stage norms as the options form shows them: one `Stage = days` line each, which
/// `from_form` reads back.
pub fn stage_norms_text(norms: &BTreeMap<String, u32>) -> String {
    let lines: Vec<String> = norms.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    lines.join("\n")
}

/// Settings from the options form: numbers as text, lists one item per line, stage norms as
/// `Stage = days` lines. Every field is checked; what is wrong is reported and keeps its
/// previous value (from `current`).
pub fn from_form(form: &Value, current: &Settings) -> (Settings, Vec<String>) {
    let mut problems = Vec::new();
    let mut out = match serde_json::to_value(current) {
        Ok(Value::Object(m)) => m,
        _ => return (current.clone(), problems),
    };
    let field = |k: &str| form.get(k).and_then(Value::as_str).map(str::trim);
    for (key, label, _) in TUNABLE_NUMBERS {
        let Some(text) = field(key) else { continue };
        match text.parse::<u32>() {
            Ok(n) if n <= MAX_NUMBER => {
                out.insert(key.to_string(), Value::from(n));
            }
            _ => problems.push(format!(
                "\"{label}\" must be a whole number from 0 to {MAX_NUMBER} (found {text:?}); kept the previous value."
            )),
        }
    }
    let lines = |text: &str| -> Vec<Value> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Value::from(l.chars().take(120).collect::<String>()))
            .collect()
    };
    for key in [
        "content_free_phrases",
        "bad_fit_tags",
        "heard_no",
        "heard_buying",
        "heard_price_push",
        "heard_auto_reply",
        "heard_left",
        "heard_request",
    ] {
        if let Some(text) = field(key) {
            out.insert(key.to_string(), Value::Array(lines(text)));
        }
    }
    if let Some(text) = field("stage_norms") {
        let mut norms = serde_json::Map::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match line
                .rsplit_once('=')
                .map(|(k, v)| (k.trim(), v.trim().parse::<u32>()))
            {
                Some((stage, Ok(days))) if !stage.is_empty() => {
                    norms.insert(stage.to_string(), Value::from(days));
                }
                _ => problems.push(format!(
                    "Stage norm line {line:?} is not like \"Proposal/Price Quote = 21\"; ignored."
                )),
            }
        }
        out.insert("stage_norms".into(), Value::Object(norms));
    }
    for key in ["rep_name", "signature"] {
        if let Some(text) = field(key) {
            let v = if text.is_empty() {
                Value::Null
            } else {
                Value::from(text.chars().take(120).collect::<String>())
            };
            out.insert(key.to_string(), v);
        }
    }
    if let Some(text) = field("date_order") {
        match text {
            "" | "auto" => {
                out.insert("date_order".into(), Value::Null);
            }
            "day_first" | "month_first" => {
                out.insert("date_order".into(), Value::from(text));
            }
            other => problems.push(format!(
                "Date order {other:?} is not one of the choices; kept the previous value."
            )),
        }
    }
    if let Some(text) = field("message_language") {
        match text {
            "" | "auto" => {
                out.insert("message_language".into(), Value::Null);
            }
            code => match super::lang::Lang::parse(code) {
                Some(l) => {
                    out.insert("message_language".into(), Value::from(l.code()));
                }
                None => problems.push(format!(
                    "Message language {code:?} is not one of the choices; kept the previous value."
                )),
            },
        }
    }
    let (settings, more) = load(&Value::Object(out));
    problems.extend(more);
    (settings, problems)
}

/// The settings as stored (`StoreKey::Settings`), with what was wrong in them.
pub fn of(stored: &Stored) -> (Settings, Vec<String>) {
    load(stored.get(&StoreKey::Settings).unwrap_or(&Value::Null))
}

/// Settings from storage, with what was wrong in them. Read field by field, like notes: an
/// unknown or invalid field is reported and falls back on its default; the others still count.
pub fn load(value: &Value) -> (Settings, Vec<String>) {
    let mut problems = Vec::new();
    let obj = match value {
        Value::Null => return (Settings::default(), problems),
        Value::Object(o) => o,
        _ => {
            problems.push("Saved settings were not a set of fields; using the defaults.".into());
            return (Settings::default(), problems);
        }
    };
    let mut merged = match serde_json::to_value(Settings::default()) {
        Ok(Value::Object(m)) => m,
        _ => return (Settings::default(), problems),
    };
    for (key, v) in obj {
        if !merged.contains_key(key) {
            problems.push(format!("Unknown setting \"{key}\" ignored."));
            continue;
        }
        match check_field(&merged, key, v) {
            Ok(()) => {
                merged.insert(key.clone(), v.clone());
            }
            Err(e) => problems.push(format!(
                "Setting \"{key}\" could not be read ({e}); using its default."
            )),
        }
    }
    let settings = serde_json::from_value(Value::Object(merged)).unwrap_or_default();
    (settings, problems)
}

/// Whether `v` reads as the setting `key`, tried over `base` (every setting, as a JSON map).
fn check_field(base: &Map<String, Value>, key: &str, v: &Value) -> Result<(), String> {
    let mut trial = base.clone();
    trial.insert(key.to_string(), v.clone());
    serde_json::from_value::<Settings>(Value::Object(trial))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// What restoring a backup's settings does to the stored ones.
#[derive(Debug, Default, PartialEq)]
pub struct RestoredSettings {
    /// The stored settings with the backup's readable fields written over them; `None` when
    /// nothing changes.
    pub value: Option<Value>,
    /// Settings whose value the backup changed.
    pub restored: usize,
    /// Settings in the backup that could not be read (the current value is kept).
    pub kept: usize,
    pub problems: Vec<String>,
}

/// Restores settings field by field: each setting that reads cleanly from the backup replaces
/// the stored one; a bad one is reported and the current value kept (never reset to its
/// default). Stored settings the backup does not name are kept as they are.
pub fn restore(current: &Value, backup: &Value) -> RestoredSettings {
    let mut out = RestoredSettings::default();
    let fields = match backup {
        Value::Null => return out,
        Value::Object(o) => o,
        _ => {
            out.problems.push(
                "The backup's settings were not a set of fields; your current settings were kept."
                    .into(),
            );
            return out;
        }
    };
    let Ok(Value::Object(defaults)) = serde_json::to_value(Settings::default()) else {
        return out;
    };
    let mut stored = match current {
        Value::Object(o) => o.clone(),
        _ => Map::new(),
    };
    for (key, v) in fields {
        if !defaults.contains_key(key) {
            out.problems
                .push(format!("Unknown setting \"{key}\" in the backup ignored."));
            continue;
        }
        match check_field(&defaults, key, v) {
            Ok(()) if stored.get(key) != Some(v) => {
                stored.insert(key.clone(), v.clone());
                out.restored += 1;
            }
            Ok(()) => {}
            Err(e) => {
                out.kept += 1;
                out.problems.push(format!(
                    "Setting \"{key}\" could not be read ({e}); kept your current value."
                ));
            }
        }
    }
    if out.restored > 0 {
        out.value = Some(Value::Object(stored));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_number_is_on_the_options_page() {
        let all = serde_json::to_value(Settings::default()).unwrap();
        for (key, v) in all.as_object().unwrap() {
            if v.is_u64() {
                assert!(
                    TUNABLE_NUMBERS.iter().any(|(k, _, _)| k == key),
                    "{key} is missing from TUNABLE_NUMBERS"
                );
            }
        }
        for (key, _, _) in TUNABLE_NUMBERS {
            assert!(all[*key].is_u64(), "{key} is not a number setting");
        }
    }

    #[test]
    fn the_options_form_reports_bad_values_and_keeps_the_rest() {
        let form = json!({
            "silence_start_days": "10",
            "streak_start": "two",
            "content_free_phrases": "checking in\n\n  any update  \n",
            "stage_norms": "Discovery = 10\nbroken line",
            "rep_name": "Jordan"
        });
        let (s, problems) = from_form(&form, &Settings::default());
        assert_eq!(s.silence_start_days, 10);
        assert_eq!(s.streak_start, 2, "kept");
        assert_eq!(s.content_free_phrases, vec!["checking in", "any update"]);
        assert_eq!(s.stage_norms.get("Discovery"), Some(&10));
        assert_eq!(s.rep_name.as_deref(), Some("Jordan"));
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn the_message_language_is_chosen_in_the_options_and_a_bad_one_keeps_the_current() {
        use crate::core::lang::Lang;
        let (s, problems) = from_form(&json!({"message_language": "fr"}), &Settings::default());
        assert_eq!(s.message_language, Some(Lang::Fr));
        assert!(problems.is_empty(), "{problems:?}");
        let (s, problems) = from_form(&json!({"message_language": "klingon"}), &s);
        assert_eq!(s.message_language, Some(Lang::Fr), "kept");
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (s, _) = from_form(&json!({"message_language": ""}), &s);
        assert_eq!(s.message_language, None, "back to the page's language");
    }

    #[test]
    fn a_restore_takes_each_readable_setting_and_keeps_the_current_value_of_a_bad_one() {
        let current = json!({"silence_start_days": 12, "streak_start": 4, "rep_name": "Jordan"});
        let r = restore(
            &current,
            &json!({
                "silence_start_days": 20,
                "streak_start": "three",
                "rep_name": "Jordan",
                "wait_days": 6,
                "no_such_setting": 1
            }),
        );
        let v = r.value.expect("something changed");
        assert_eq!(v["silence_start_days"], 20, "a readable field is restored");
        assert_eq!(
            v["streak_start"], 4,
            "a bad field keeps the current value, not the default"
        );
        assert_eq!(v["wait_days"], 6);
        assert_eq!(v["rep_name"], "Jordan");
        assert!(v.get("no_such_setting").is_none());
        assert_eq!((r.restored, r.kept), (2, 1));
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(r
            .problems
            .iter()
            .any(|p| p.contains("streak_start") && p.contains("kept your current value")));
        // A block that is not a set of fields changes nothing.
        let bad = restore(&current, &json!("garbage"));
        assert_eq!(bad.value, None);
        assert_eq!(bad.problems.len(), 1);
        // Nothing differs: nothing to write.
        assert_eq!(restore(&current, &json!({"streak_start": 4})).value, None);
    }

    #[test]
    fn a_bad_setting_keeps_the_good_ones() {
        let (s, problems) = load(&json!({
            "silence_start_days": 10,
            "streak_start": "three",
            "silense_start_days": 4
        }));
        assert_eq!(s.silence_start_days, 10);
        assert_eq!(s.streak_start, Settings::default().streak_start);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("silense_start_days")));
    }
}
