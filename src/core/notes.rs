//! The rep's private quick notes on a deal, and how they are stored.
//!
//! Notes live in the browser's `storage.local` under `notes:<deal key>` as a JSON object. They
//! are read field by field: a corrupt field is reported and dropped, and the rest still count,
//! so one bad value never loses a rep's other notes.
//!
//! Each field may carry the time it was last changed (`changed`, milliseconds since the epoch),
//! so a restored backup can keep whichever copy of a field is newer. The time is passed in by
//! the caller: the core never reads a clock.

use super::correction::{self, Correction};
use super::date::{parse_iso, Day};
use super::lang::Lang;
use super::model::Channel;
use super::store::StoreKey;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The key of the change times inside a stored notes object: `{field name: milliseconds}`.
/// Reserved: no note field may be called this.
pub const CHANGED: &str = "changed";

/// The storage key for a deal's notes.
pub fn storage_key(deal_key: &str) -> StoreKey {
    StoreKey::Notes(deal_key.to_string())
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Notes {
    /// Why the buyer wants this, in the buyer's terms ("pass the Q1 audit"): messages quote it
    /// to the buyer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The rep's private notes on the deal ("her boss is skeptical"): no message ever quotes
    /// them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<String>,
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
    /// The language to write to this buyer in; `None`: the rep's default, then the page's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
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
    /// When each field was last changed (milliseconds since the epoch), keyed by the names in
    /// `NOTE_FIELDS`; only fields that have a value keep a time. Notes saved before times were
    /// kept have none: a field without a time counts as older than one with a time.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub changed: BTreeMap<String, u64>,
    /// The rep's corrections to this deal's reasons (`correction`), one per reason at most.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// The longest text a note field keeps; longer text is cut, with a problem reported.
pub const MAX_TEXT: usize = 500;
/// The longest single tag.
pub const MAX_TAG: usize = 60;
/// The longest private note: the rep's own notes may run longer than a quotable sentence.
pub const MAX_PRIVATE: usize = 2000;

/// The field messages quote to the buyer, which the popup checks for a private note's voice
/// (`note_voice`).
pub const BUYER_FACING: &str = "reason";
/// Every field messages quote to the buyer (their reason and the result they are after): each
/// is checked for a private note's voice.
pub const BUYER_FACING_FIELDS: [&str; 2] = [BUYER_FACING, "goal"];
/// The field for what must never reach the buyer: where the popup offers to move such text.
pub const PRIVATE: &str = "private";

/// What kind of value a note field holds, which decides how it is checked and which control
/// the popup shows for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A sentence or two (a text area).
    LongText,
    /// A short text (a one-line input).
    Text,
    /// A calendar day, stored as `2026-03-12`.
    Date,
    /// One sendable channel, or none.
    Channel,
    /// One of the languages messages are written in, or none.
    Language,
    /// Any number of sendable channels (check boxes).
    Channels,
    /// The rep's labels: a list, typed comma-separated.
    Tags,
    /// The rep's corrections to the reasons, made on the card (`correction`).
    Corrections,
}

/// One note field: the single definition that loading, checking, the popup form, the form's
/// reading in JavaScript and backups all follow.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct NoteField {
    /// The key in storage and in the form (`preferred_channel`).
    pub name: &'static str,
    /// The popup's label for it.
    pub label: &'static str,
    /// How problems with it are worded ("The deadline …").
    pub subject: &'static str,
    pub kind: NoteKind,
    /// The longest text kept (characters; for tags, per tag).
    pub limit: usize,
    /// A hint shown in the empty control.
    pub placeholder: &'static str,
    /// Fields with the same row number sit side by side in the popup.
    pub row: u8,
    /// Whether the rep edits it in the popup (`false`: Stallwatch keeps it itself).
    pub in_form: bool,
    /// The `data-testid` of the popup's control.
    pub testid: &'static str,
    /// Another field this one belongs to (the date a reason was noted goes with the reason):
    /// a restore takes it from whichever copy it takes that field from.
    pub follows: Option<&'static str>,
}

const fn field(
    name: &'static str,
    label: &'static str,
    subject: &'static str,
    kind: NoteKind,
    row: u8,
    testid: &'static str,
) -> NoteField {
    NoteField {
        name,
        label,
        subject,
        kind,
        limit: MAX_TEXT,
        placeholder: "",
        row,
        in_form: true,
        testid,
        follows: None,
    }
}

/// Every note field, in the popup's order.
pub const NOTE_FIELDS: &[NoteField] = &[
    NoteField {
        placeholder: "e.g. have dispatch live before the spring peak",
        ..field(
            BUYER_FACING,
            "Why do they want it? (their words; may be quoted to them)",
            "The buyer's reason",
            NoteKind::LongText,
            1,
            "note-reason",
        )
    },
    NoteField {
        limit: MAX_PRIVATE,
        placeholder: "e.g. her boss is skeptical after the last tool flopped",
        ..field(
            PRIVATE,
            "Private notes (never quoted to them)",
            "The private note",
            NoteKind::LongText,
            2,
            "note-private",
        )
    },
    NoteField {
        placeholder: "e.g. cut no-shows by a third",
        ..field(
            "goal",
            "The result they are after (a number, if they named one)",
            "The goal",
            NoteKind::Text,
            3,
            "note-goal",
        )
    },
    NoteField {
        in_form: false,
        follows: Some("reason"),
        ..field(
            "reason_noted_on",
            "Reason noted on",
            "The date the reason was noted",
            NoteKind::Date,
            0,
            "",
        )
    },
    field(
        "deadline",
        "Their deadline",
        "The deadline",
        NoteKind::Date,
        4,
        "note-deadline",
    ),
    field(
        "preferred_channel",
        "Preferred channel",
        "The preferred channel",
        NoteKind::Channel,
        4,
        "note-channel",
    ),
    field(
        "language",
        "Write to them in",
        "The language",
        NoteKind::Language,
        5,
        "note-language",
    ),
    field(
        "avoid_channels",
        "They asked me not to use",
        "Channels to avoid",
        NoteKind::Channels,
        5,
        "note-avoid",
    ),
    field(
        "approver",
        "Who else must approve?",
        "The approver",
        NoteKind::Text,
        6,
        "note-approver",
    ),
    field(
        "snooze_until",
        "Snooze until",
        "The snooze date",
        NoteKind::Date,
        7,
        "note-snooze-until",
    ),
    field(
        "snooze_reason",
        "Because",
        "The snooze reason",
        NoteKind::Text,
        7,
        "note-snooze-reason",
    ),
    NoteField {
        limit: MAX_TAG,
        placeholder: "e.g. needy, slow payer",
        ..field(
            "tags",
            "Your tags, comma-separated (private)",
            "Tags",
            NoteKind::Tags,
            8,
            "note-tags",
        )
    },
    NoteField {
        in_form: false,
        ..field(
            "corrections",
            "Your corrections to the reasons",
            "The corrections",
            NoteKind::Corrections,
            0,
            "",
        )
    },
];

/// The field called `name`.
pub fn note_field(name: &str) -> Option<&'static NoteField> {
    NOTE_FIELDS.iter().find(|f| f.name == name)
}

/// Notes read from storage, with what was wrong in them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LoadedNotes {
    pub notes: Notes,
    /// One plain sentence per dropped or repaired field.
    pub problems: Vec<String>,
}

/// Reads notes from a stored JSON value, keeping every field that is valid. Keys that are not
/// note fields are ignored.
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
    let mut clean = Map::new();
    for f in NOTE_FIELDS {
        if let Some(v) = obj.get(f.name).and_then(|v| check(f, v, &mut out.problems)) {
            clean.insert(f.name.to_string(), v);
        }
    }
    if let Some(v) = obj.get(CHANGED) {
        let times = change_times(v, &clean, &mut out.problems);
        if !times.is_empty() {
            clean.insert(CHANGED.to_string(), Value::Object(times));
        }
    }
    // Every value was checked against its kind above, so this cannot fail; if the table and
    // the struct ever disagree, say so rather than lose the notes silently.
    match serde_json::from_value(Value::Object(clean)) {
        Ok(notes) => out.notes = notes,
        Err(e) => out.problems.push(format!(
            "The notes could not be read ({e}); they were ignored."
        )),
    }
    out
}

/// The change times of the fields in `fields` (the fields already read): a time for a field
/// that has no value, or for a name that is not a note field, is dropped; a time that is not a
/// whole number of milliseconds is reported and dropped. The fields themselves are never lost.
fn change_times(v: &Value, fields: &Map<String, Value>, p: &mut Vec<String>) -> Map<String, Value> {
    let mut out = Map::new();
    let all = match v {
        Value::Null => return out,
        Value::Object(o) => o,
        other => {
            p.push(format!(
                "The times the notes were changed were not a set of fields (found {}); they were ignored and the notes kept.",
                kind(other)
            ));
            return out;
        }
    };
    for (name, t) in all {
        let Some(f) = note_field(name) else { continue };
        if !fields.contains_key(f.name) {
            continue;
        }
        match millis(t) {
            Some(ms) => {
                out.insert(f.name.to_string(), Value::from(ms));
            }
            None => p.push(format!(
                "The time of the last change to {} could not be read (found {}); the note was kept without it.",
                lower_first(f.subject),
                short_json(t)
            )),
        }
    }
    out
}

/// "The deadline" → "the deadline", for a subject in the middle of a sentence (subjects are
/// plain ASCII; ASCII only, so the WebAssembly build carries no Unicode case tables).
fn lower_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// A time in whole milliseconds since the epoch (JavaScript's `Date.now()`).
fn millis(v: &Value) -> Option<u64> {
    // The largest integer a JavaScript number holds exactly.
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    v.as_u64().or_else(|| {
        v.as_f64()
            .filter(|f| f.is_finite() && *f >= 0.0 && f.fract() == 0.0 && *f <= MAX_SAFE)
            .map(|f| f as u64)
    })
}

/// A field's stored value, checked and normalised for its kind; `None` when empty or invalid
/// (invalid values are reported in `p`).
fn check(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Option<Value> {
    match f.kind {
        NoteKind::LongText | NoteKind::Text => text(f, v, p).map(Value::String),
        NoteKind::Date => date(f, v, p).map(|d| Value::String(d.iso())),
        NoteKind::Channel => channel(f, v, p).map(|c| Value::String(c.as_str().into())),
        NoteKind::Language => language(f, v, p).map(|l| Value::String(l.code().into())),
        NoteKind::Channels => {
            let list = channels(f, v, p);
            (!list.is_empty()).then(|| list.iter().map(|c| c.as_str()).collect())
        }
        NoteKind::Tags => {
            let list = tags(f, v, p);
            (!list.is_empty()).then(|| list.into_iter().collect())
        }
        NoteKind::Corrections => {
            let list = correction::check(v, p);
            (!list.is_empty())
                .then(|| serde_json::to_value(list).ok())
                .flatten()
        }
    }
}

/// What a JSON value is, in words ("text", "a list").
pub(super) fn kind(v: &Value) -> &'static str {
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

fn text(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                None
            } else if t.chars().count() > f.limit {
                p.push(format!(
                    "{} was longer than {} characters and was shortened.",
                    f.subject, f.limit
                ));
                Some(t.chars().take(f.limit).collect())
            } else {
                Some(t.to_string())
            }
        }
        other => {
            p.push(format!(
                "{} should be text (found {}); ignored.",
                f.subject,
                kind(other)
            ));
            None
        }
    }
}

fn date(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Option<Day> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => parse_iso(s).or_else(|| {
            p.push(format!(
                "{} {:?} is not a date like 2026-03-12; ignored.",
                f.subject, s
            ));
            None
        }),
        other => {
            p.push(format!(
                "{} should be a date (found {}); ignored.",
                f.subject,
                kind(other)
            ));
            None
        }
    }
}

fn channel(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Option<Channel> {
    one_of(f, v, p, Channel::parse, "email, text, call or meeting")
}

fn language(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Option<Lang> {
    one_of(f, v, p, Lang::parse, "en, fr, de or es")
}

/// One of a fixed set of choices, stored as text: `parse` reads it, `choices` names them in
/// the problem reported for anything else.
fn one_of<T>(
    f: &NoteField,
    v: &Value,
    p: &mut Vec<String>,
    parse: impl Fn(&str) -> Option<T>,
    choices: &str,
) -> Option<T> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => parse(s).or_else(|| {
            p.push(format!(
                "{} {:?} is not one of {choices}; ignored.",
                f.subject, s
            ));
            None
        }),
        other => {
            p.push(format!(
                "{} should be text (found {}); ignored.",
                f.subject,
                kind(other)
            ));
            None
        }
    }
}

fn channels(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Vec<Channel> {
    let mut out = Vec::new();
    match v {
        Value::Array(items) => {
            for item in items {
                match item.as_str().and_then(Channel::parse) {
                    Some(c) if !out.contains(&c) => out.push(c),
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
            "{} should be a list (found {}); ignored.",
            f.subject,
            kind(other)
        )),
    }
    out
}

fn tags(f: &NoteField, v: &Value, p: &mut Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |t: &str| {
        let t = t.trim();
        if !t.is_empty() && !out.iter().any(|x| x == t) {
            out.push(t.chars().take(f.limit).collect());
        }
    };
    match v {
        Value::Null => {}
        Value::Array(items) => {
            for item in items {
                match item.as_str() {
                    Some(t) => add(t),
                    None => p.push(format!(
                        "Ignored a tag that is not text: {}.",
                        short_json(item)
                    )),
                }
            }
        }
        // A comma-separated string, as typed in the popup.
        Value::String(s) => s.split(',').for_each(add),
        other => p.push(format!(
            "{} should be a list (found {}); ignored.",
            f.subject,
            kind(other)
        )),
    }
    out
}

/// The notes' field values as stored (normalised, absent fields left out), without the change
/// times: what a restore compares field by field.
pub fn field_values(n: &Notes) -> Map<String, Value> {
    match serde_json::to_value(n) {
        Ok(Value::Object(mut m)) => {
            m.remove(CHANGED);
            m
        }
        _ => Map::new(),
    }
}

/// Applies what the rep edited in the popup to the stored notes. `form` holds only the fields
/// the rep edited (empty text clears a field); every other field is kept exactly as stored, so
/// a field the form does not show, or one edited in another window, is never lost. The date a
/// reason was noted is set when the reason changes. Each field whose value actually changed is
/// stamped with `now_ms` (a cleared field loses its time); the others keep theirs.
pub fn merge_form(stored: &Value, form: &Value, today: Day, now_ms: u64) -> LoadedNotes {
    let old = load(stored).notes;
    let mut merged = match stored {
        Value::Object(o) => o.clone(),
        _ => Map::new(),
    };
    if let Value::Object(edits) = form {
        for (name, value) in edits {
            if note_field(name).is_some_and(|f| f.in_form) {
                merged.insert(name.clone(), value.clone());
            }
        }
    }
    let mut out = load(&Value::Object(merged));
    let n = &mut out.notes;
    n.reason_noted_on = match (&old.reason, &n.reason) {
        (Some(a), Some(b)) if a == b => old.reason_noted_on,
        (_, Some(_)) => Some(today),
        (_, None) => None,
    };
    if n.snooze_until.is_none() {
        n.snooze_reason = None;
    }
    let before = field_values(&old);
    let after = field_values(n);
    for f in NOTE_FIELDS {
        match after.get(f.name) {
            None => {
                n.changed.remove(f.name);
            }
            Some(v) if before.get(f.name) != Some(v) => {
                n.changed.insert(f.name.to_string(), now_ms);
            }
            Some(_) => {}
        }
    }
    out
}

/// The stored notes with the corrections `list` in place of the stored ones, the change time
/// stamped when they changed (a backup keeps whichever copy's corrections are newer).
pub fn with_corrections(stored: &Value, list: Vec<Correction>, now_ms: u64) -> LoadedNotes {
    let mut out = load(stored);
    let n = &mut out.notes;
    if n.corrections != list {
        n.corrections = list;
        if n.corrections.is_empty() {
            n.changed.remove("corrections");
        } else {
            n.changed.insert("corrections".to_string(), now_ms);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// A time the popup passes in (`Date.now()`): 20 Mar 2026, in milliseconds.
    const NOW: u64 = 1_774_000_000_000;

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
        let old = serde_json::to_value(&old).unwrap();
        let same = merge_form(
            &old,
            &json!({"reason": "pass the audit", "approver": "CFO"}),
            today,
            NOW,
        );
        assert_eq!(same.notes.reason_noted_on, Some(today.plus(-10)));
        assert_eq!(same.notes.approver.as_deref(), Some("CFO"));
        let changed = merge_form(&old, &json!({"reason": "cut audit prep time"}), today, NOW);
        assert_eq!(changed.notes.reason_noted_on, Some(today));
        let cleared = merge_form(
            &old,
            &json!({"reason": "", "snooze_reason": "vacation"}),
            today,
            NOW,
        );
        assert_eq!(
            cleared.notes,
            Notes::default(),
            "no snooze date: its reason goes too"
        );
    }

    /// A note with every field set, as a backup restored from another machine would hold.
    pub(crate) fn every_field() -> Notes {
        Notes {
            reason: Some("pass the Q1 audit".into()),
            private: Some("her boss is skeptical after the last tool flopped".into()),
            goal: Some("cut audit prep from 6 weeks to 2".into()),
            reason_noted_on: Day::from_ymd(2026, 3, 1),
            deadline: Day::from_ymd(2026, 3, 31),
            preferred_channel: Some(Channel::Email),
            language: Some(Lang::Fr),
            avoid_channels: vec![Channel::Call, Channel::Text],
            approver: Some("CFO".into()),
            snooze_until: Day::from_ymd(2026, 4, 2),
            snooze_reason: Some("board meeting".into()),
            tags: vec!["needy".into(), "slow payer".into()],
            changed: BTreeMap::new(),
            corrections: vec![Correction {
                code: crate::core::risk::ReasonCode::Silence,
                said: correction::Said::Replied,
                day: Day::from_ymd(2026, 3, 2),
                on: Day::from_ymd(2026, 3, 3).unwrap(),
                basis: String::new(),
                measure: Some(9),
            }],
        }
    }

    #[test]
    fn the_field_table_names_every_field_of_the_notes() {
        let stored = serde_json::to_value(every_field()).unwrap();
        let keys: Vec<&str> = stored
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut names: Vec<&str> = NOTE_FIELDS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        assert_eq!(
            keys, names,
            "Notes and NOTE_FIELDS must list the same fields"
        );
        assert_eq!(load(&stored).notes, every_field());
        assert!(note_field(CHANGED).is_none(), "\"{CHANGED}\" is reserved");
        for f in NOTE_FIELDS {
            if let Some(leader) = f.follows {
                assert!(note_field(leader).is_some(), "{} follows {leader}", f.name);
            }
        }
    }

    #[test]
    fn the_form_stamps_only_the_fields_it_changed() {
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let earlier = NOW - 86_400_000;
        let stored = json!({
            "reason": "pass the audit",
            "reason_noted_on": "2026-03-01",
            "approver": "CFO",
            "goal": "cut prep time",
            "changed": {"reason": earlier, "approver": earlier}
        });
        let saved = merge_form(
            &stored,
            &json!({"approver": "CFO", "goal": "halve prep time", "reason": "pass the Q2 audit"}),
            today,
            NOW,
        );
        let c = &saved.notes.changed;
        assert_eq!(
            c.get("approver"),
            Some(&earlier),
            "unchanged value: time kept"
        );
        assert_eq!(
            c.get("goal"),
            Some(&NOW),
            "a field with no time gets one when changed"
        );
        assert_eq!(c.get("reason"), Some(&NOW));
        assert_eq!(c.get("reason_noted_on"), Some(&NOW), "set with the reason");
        let cleared = merge_form(&stored, &json!({"approver": ""}), today, NOW);
        assert!(
            !cleared.notes.changed.contains_key("approver"),
            "a cleared field has no time"
        );
        assert_eq!(cleared.notes.changed.get("reason"), Some(&earlier));
        // The times round-trip through storage.
        let again = load(&serde_json::to_value(&saved.notes).unwrap());
        assert_eq!(again.notes, saved.notes);
        assert!(again.problems.is_empty(), "{:?}", again.problems);
    }

    #[test]
    fn corrupt_change_times_are_reported_and_the_notes_kept() {
        let loaded = load(&json!({
            "reason": "pass the audit",
            "deadline": "2026-03-31",
            "changed": {"reason": "yesterday", "deadline": 1_774_000_000_000u64,
                        "goal": 5, "not_a_field": 7}
        }));
        assert_eq!(loaded.notes.reason.as_deref(), Some("pass the audit"));
        assert_eq!(
            loaded.notes.changed,
            BTreeMap::from([("deadline".to_string(), NOW)]),
            "times of absent or unknown fields are dropped quietly"
        );
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        assert!(
            loaded.problems[0].contains("the buyer's reason"),
            "{:?}",
            loaded.problems
        );

        let whole = load(&json!({"reason": "pass the audit", "changed": [1, 2]}));
        assert_eq!(whole.notes.reason.as_deref(), Some("pass the audit"));
        assert!(whole.notes.changed.is_empty());
        assert_eq!(whole.problems.len(), 1, "{:?}", whole.problems);
        // A time written by JavaScript as a float is still a time.
        let float = load(&json!({"goal": "x", "changed": {"goal": 1_774_000_000_000.0}}));
        assert_eq!(float.notes.changed.get("goal"), Some(&NOW));
        assert!(load(&json!({"goal": "x", "changed": {"goal": -1}}))
            .notes
            .changed
            .is_empty());
    }

    #[test]
    fn saving_a_form_keeps_every_field_it_does_not_show_or_did_not_edit() {
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let stored = serde_json::to_value(every_field()).unwrap();
        let saved = merge_form(&stored, &json!({"approver": "Head of Finance"}), today, NOW);
        assert!(saved.problems.is_empty(), "{:?}", saved.problems);
        assert_eq!(
            saved.notes,
            Notes {
                approver: Some("Head of Finance".into()),
                changed: [("approver".to_string(), NOW)].into(),
                ..every_field()
            }
        );
        // A form that sends a field Stallwatch keeps itself cannot overwrite it.
        let forged = merge_form(
            &stored,
            &json!({"reason_noted_on": "2020-01-01"}),
            today,
            NOW,
        );
        assert_eq!(forged.notes, every_field());
    }

    #[test]
    fn a_private_note_is_a_field_of_its_own() {
        for name in [BUYER_FACING, PRIVATE] {
            let f = note_field(name).unwrap();
            assert!(f.in_form && f.kind == NoteKind::LongText, "{name}");
        }
        let today = Day::from_ymd(2026, 3, 20).unwrap();
        let stored = json!({"reason": "pass the audit", "reason_noted_on": "2026-03-01"});
        let long = "x".repeat(MAX_TEXT + 100);
        let saved = merge_form(&stored, &json!({ "private": long }), today, NOW);
        assert!(saved.problems.is_empty(), "{:?}", saved.problems);
        assert_eq!(saved.notes.private.as_deref(), Some(long.as_str()));
        assert_eq!(
            saved.notes.reason_noted_on,
            Day::from_ymd(2026, 3, 1),
            "a private note is not the reason: its date stays"
        );
        assert_eq!(saved.notes.changed.get(PRIVATE), Some(&NOW));
        let too_long = load(&json!({ "private": "y".repeat(MAX_PRIVATE + 1) }));
        assert_eq!(too_long.notes.private.map(|p| p.len()), Some(MAX_PRIVATE));
        assert_eq!(
            too_long.problems,
            ["The private note was longer than 2000 characters and was shortened."]
        );
        // Moving text from the reason to the private note (the popup's "move it?"): one save.
        let moved = merge_form(
            &stored,
            &json!({"reason": "", "private": "pass the audit"}),
            today,
            NOW,
        );
        assert_eq!(moved.notes.reason, None);
        assert_eq!(moved.notes.reason_noted_on, None);
        assert_eq!(moved.notes.private.as_deref(), Some("pass the audit"));
    }

    #[test]
    fn non_object_notes_are_reported() {
        let loaded = load(&json!("garbage"));
        assert_eq!(loaded.notes, Notes::default());
        assert_eq!(loaded.problems.len(), 1);
        assert!(load(&Value::Null).problems.is_empty());
    }
}
