//! The options page as data: every value, choice and note it shows, decided here from the
//! settings, so the glue (`web::options`) only renders it, one fieldset at a time. The fixed
//! wording (titles, legends, button labels) is in `copy::options`.

use super::action::Action;
use super::copy::options as o;
use crate::core::backup;
use crate::core::calibration::{self, Proposal};
use crate::core::date::{Day, NumericOrder};
use crate::core::notes::{self, Notes};
use crate::core::settings::{self, Settings, TUNABLE_NUMBERS};
use crate::core::store::{Effects, KeyKind, StoreKey, Stored};
use serde_json::Value;

/// The options page.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionsView {
    /// What was wrong in the stored settings (shown as alerts above the form).
    pub problems: Vec<String>,
    /// "You": the rep's name and signature line, "" when unset.
    pub rep_name: String,
    pub signature: String,
    /// "When Stallwatch speaks up": the few numbers a rep changes, each with its example.
    pub first: Vec<NumberField>,
    /// "Your stages": the norms as the textarea holds them (`Stage = days` lines).
    pub stage_norms: String,
    /// The stages seen on the rep's pages that have no norm of their own, as the note under the
    /// norms says it; `None` when there are none.
    pub stages_without_norm: Option<String>,
    /// "Dates and language": the two selects.
    pub date_order: Vec<Choice>,
    pub message_language: Vec<Choice>,
    /// Under Advanced: every other threshold, by signal (groups left empty are not shown).
    pub groups: Vec<NumberGroup>,
    /// Under Advanced, "Lists": the phrase and tag lists, then the rep's own reply phrases.
    pub lists: Vec<ListField>,
    /// Whether "Undo the last restore" is offered (a copy from before a restore is kept).
    pub can_undo: bool,
    /// The reminders section.
    pub reminders: RemindersView,
    /// Threshold changes the rep's corrections support (`core::calibration`), each applied
    /// only on the rep's click.
    pub proposals: Vec<Proposal>,
}

/// A tunable number: its setting, label, unit and value, and what it means on the rep's
/// calendar (the first numbers only).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberField {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub value: u64,
    pub example: Option<String>,
}

/// An option of a select.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The stored value ("" for "decide for me").
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// A group of advanced thresholds: what signal it tunes and what it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberGroup {
    pub title: &'static str,
    pub what: &'static str,
    pub numbers: Vec<NumberField>,
}

/// A list setting edited as one item per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListField {
    pub key: &'static str,
    pub label: &'static str,
    pub text: String,
    /// The textarea's height.
    pub rows: u32,
}

/// The reminders section: the button's action and label, and whether they are on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemindersView {
    pub on: bool,
    /// What the button does: turn them on, or off.
    pub action: Action,
    pub label: &'static str,
    pub status: &'static str,
}

impl OptionsView {
    /// The options page for the settings `s` (with the `problems` loading them found), the
    /// stages seen on the rep's pages, whether a restore can be undone, whether reminders are on,
    /// and the rep's day (for the examples).
    pub fn new(
        s: &Settings,
        problems: &[String],
        can_undo: bool,
        reminders_on: bool,
        stages_seen: &[String],
        today: Day,
    ) -> OptionsView {
        let values = serde_json::to_value(s).unwrap_or_default();
        let number = |key: &str, with_example: bool| {
            let (key, label, unit) = TUNABLE_NUMBERS.iter().find(|(k, _, _)| *k == key)?;
            let value = values[key].as_u64().unwrap_or(0);
            let example = if with_example {
                o::example(key, value as u32, today)
            } else {
                None
            };
            Some(NumberField {
                key,
                label,
                unit,
                value,
                example,
            })
        };
        let first = o::FIRST_NUMBERS
            .iter()
            .filter_map(|k| number(k, true))
            .collect();
        let groups = o::GROUPS
            .iter()
            .filter_map(|(title, what, keys)| {
                let numbers: Vec<NumberField> = keys
                    .iter()
                    .filter(|k| !o::FIRST_NUMBERS.contains(k))
                    .filter_map(|k| number(k, false))
                    .collect();
                (!numbers.is_empty()).then_some(NumberGroup {
                    title,
                    what,
                    numbers,
                })
            })
            .collect();

        let unset: Vec<&str> = stages_seen
            .iter()
            .map(String::as_str)
            .filter(|st| crate::core::risk::own_norm(st, s).is_none())
            .collect();
        let stages_without_norm =
            (!unset.is_empty()).then(|| o::stages_without_norm(&unset, s.stage_norm_default_days));

        let date_order = match s.date_order {
            Some(NumericOrder::DayFirst) => "day_first",
            Some(NumericOrder::MonthFirst) => "month_first",
            None => "",
        };
        let language = s.message_language.map(|l| l.code()).unwrap_or("");

        let mut lists = vec![
            ListField {
                key: "content_free_phrases",
                label: o::PHRASES,
                text: s.content_free_phrases.join("\n"),
                rows: 6,
            },
            ListField {
                key: "bad_fit_tags",
                label: o::BAD_FIT_TAGS,
                text: s.bad_fit_tags.join("\n"),
                rows: 4,
            },
        ];
        // The rep's own phrases for what a reply means, beside the built-in lists.
        lists.extend(o::HEARD.iter().map(|(key, label)| {
            let lines: Vec<&str> = values[key]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            ListField {
                key,
                label,
                text: lines.join("\n"),
                rows: 3,
            }
        }));

        OptionsView {
            problems: problems.to_vec(),
            rep_name: s.rep_name.clone().unwrap_or_default(),
            signature: s.signature.clone().unwrap_or_default(),
            first,
            stage_norms: settings::stage_norms_text(&s.stage_norms),
            stages_without_norm,
            date_order: choices(&o::DATE_ORDER_CHOICES, date_order),
            message_language: choices(&o::MESSAGE_LANGUAGE_CHOICES, language),
            groups,
            lists,
            can_undo,
            reminders: RemindersView::new(reminders_on),
            proposals: Vec::new(),
        }
    }

    /// With the proposals the notes in `stored` support.
    pub fn with_proposals(mut self, stored: &Stored) -> OptionsView {
        let (s, _) = settings::of(stored);
        self.proposals = calibration::proposals(&all_notes(stored), &s);
        self
    }
}

/// Every deal's notes in `stored`, as read (a corrupt note is read as far as it goes).
fn all_notes(stored: &Stored) -> Vec<Notes> {
    stored
        .of_kind(KeyKind::Notes)
        .map(|(_, v)| notes::load(v).notes)
        .collect()
}

/// What accepting proposal `id` stores: the settings with its change, and the status line;
/// nothing when the proposal no longer stands (the evidence changed since the page was drawn).
pub fn proposal_accepted(id: &str, stored: &Stored) -> Effects {
    let (s, _) = settings::of(stored);
    match calibration::accepted(id, &all_notes(stored), &s) {
        Some(new) => settings_write(&new).with_status(super::copy::proposals::ACCEPTED),
        None => Effects::none().with_status(super::copy::proposals::GONE),
    }
}

/// What ignoring proposal `id` stores: the settings remembering it, so it is not made again.
pub fn proposal_ignored(id: &str, stored: &Stored) -> Effects {
    let (s, _) = settings::of(stored);
    settings_write(&calibration::ignored(id, &s)).with_status(super::copy::proposals::IGNORED)
}

impl RemindersView {
    fn new(on: bool) -> RemindersView {
        use super::copy::reminders as r;
        let (action, label) = if on {
            (Action::RemindersOff, r::TURN_OFF)
        } else {
            (Action::RemindersOn, r::TURN_ON)
        };
        RemindersView {
            on,
            action,
            label,
            status: if on { r::ON } else { r::OFF },
        }
    }
}

fn choices(all: &[(&'static str, &'static str)], current: &str) -> Vec<Choice> {
    all.iter()
        .map(|&(value, label)| Choice {
            value,
            label,
            selected: value == current,
        })
        .collect()
}

/// What saving the options form (`form`: `{name: text}`) does over what is stored: the new
/// settings, and the status line (what was wrong in the form, or that they were saved).
pub fn settings_saved(form: &Value, stored: &Stored) -> Effects {
    let (current, _) = settings::of(stored);
    let (new, problems) = settings::from_form(form, &current);
    let status = super::copy::saved_or_problems(&problems, super::copy::settings_status::SAVED);
    settings_write(&new).with_status(status)
}

/// "Restore the defaults": the default settings, stored, and the status line.
pub fn settings_defaults() -> Effects {
    settings_write(&Settings::default())
        .with_status(super::copy::settings_status::DEFAULTS_RESTORED)
}

fn settings_write(s: &Settings) -> Effects {
    match serde_json::to_value(s) {
        Ok(v) => Effects::setting(StoreKey::Settings, v),
        // Settings always serialise; if they ever did not, nothing is written.
        Err(_) => Effects::none(),
    }
}

/// What restoring a backup file's `text` over what is stored does: one write of the notes,
/// settings and memory it changes (with the copy kept for undo), and the status line saying
/// what was restored, skipped or kept. `key_prefixes`: the deal-key prefixes of the CRMs read.
pub fn backup_restored(text: &str, stored: &Stored, key_prefixes: &[&str], now_ms: u64) -> Effects {
    let r = backup::restore(text, stored, key_prefixes, now_ms);
    let status = std::iter::once(super::copy::backup::report(&r))
        .chain(r.problems.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    Effects {
        set: r.entries,
        ..Effects::none()
    }
    .with_status(status)
}

/// What undoing the last restore does: the values kept before it written back (the keys it
/// created removed), and the status line.
pub fn restore_undone(stored: &Stored) -> Effects {
    let u = backup::undo(stored);
    let status = super::copy::backup::undo_report(&u);
    Effects {
        set: u.set,
        remove: u.remove,
        status: Some(status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use serde_json::json;

    fn today() -> Day {
        Day::from_ymd(2026, 11, 26).unwrap()
    }

    fn view(s: &Settings, stages: &[&str]) -> OptionsView {
        let stages: Vec<String> = stages.iter().map(|s| s.to_string()).collect();
        OptionsView::new(s, &[], false, false, &stages, today())
    }

    #[test]
    fn the_first_numbers_come_first_with_their_examples_and_nowhere_else() {
        let s = Settings {
            silence_start_days: 7,
            ..Settings::default()
        };
        let v = view(&s, &[]);
        let first: Vec<&str> = v.first.iter().map(|n| n.key).collect();
        assert_eq!(first, o::FIRST_NUMBERS);
        assert_eq!(v.first[0].value, 7);
        assert_eq!(v.first[0].unit, "days");
        assert!(v.first[0]
            .example
            .as_deref()
            .unwrap()
            .starts_with("With 7 days, a buyer whose last word was on Monday 23 Nov"));
        assert!(v.first.iter().all(|n| n.example.is_some()));
        // Every other threshold once, under Advanced, without an example; empty groups dropped.
        let advanced: Vec<&str> = v
            .groups
            .iter()
            .flat_map(|g| g.numbers.iter().map(|n| n.key))
            .collect();
        assert_eq!(advanced.len() + first.len(), TUNABLE_NUMBERS.len());
        assert!(advanced.iter().all(|k| !first.contains(k)));
        assert!(v.groups.iter().all(|g| !g.numbers.is_empty()));
        assert!(v
            .groups
            .iter()
            .all(|g| g.numbers.iter().all(|n| n.example.is_none())));
        assert!(
            !v.groups.iter().any(|g| g.title == "Memory"),
            "memory_days is first"
        );
        let silence = &v.groups[0];
        assert_eq!(silence.title, "Silence");
        assert_eq!(silence.numbers[0].key, "silence_full_days");
        assert_eq!(silence.numbers[0].value, u64::from(s.silence_full_days));
    }

    #[test]
    fn the_stage_norms_are_written_as_the_form_reads_them_back() {
        let mut s = Settings {
            stage_norms: [
                ("Discovery".to_string(), 10),
                ("Proposal/Price Quote".into(), 21),
            ]
            .into_iter()
            .collect(),
            ..Settings::default()
        };
        let v = view(&s, &[]);
        assert_eq!(v.stage_norms, "Discovery = 10\nProposal/Price Quote = 21");
        let (back, problems) = settings::from_form(
            &json!({ "stage_norms": v.stage_norms }),
            &Settings::default(),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back.stage_norms, s.stage_norms);
        s.stage_norms.clear();
        assert_eq!(view(&s, &[]).stage_norms, "");
    }

    #[test]
    fn only_the_stages_seen_without_a_norm_of_their_own_are_listed() {
        let s = Settings {
            stage_norms: [("Proposal/Price Quote".to_string(), 21)]
                .into_iter()
                .collect(),
            ..Settings::default()
        };
        let v = view(&s, &["Discovery", "proposal / price quote", "Negotiation"]);
        let note = v.stages_without_norm.unwrap();
        assert!(
            note.contains(": Discovery, Negotiation."),
            "a differently written stage has its norm: {note}"
        );
        assert!(note.contains(&format!("default of {} days", s.stage_norm_default_days)));
        assert_eq!(
            view(&s, &["Proposal/Price Quote"]).stages_without_norm,
            None
        );
        assert_eq!(view(&s, &[]).stages_without_norm, None);
    }

    #[test]
    fn the_selects_mark_the_stored_choice() {
        let selected = |c: &[Choice]| -> Vec<&str> {
            c.iter().filter(|c| c.selected).map(|c| c.value).collect()
        };
        let v = view(&Settings::default(), &[]);
        assert_eq!(selected(&v.date_order), [""]);
        assert_eq!(selected(&v.message_language), [""]);
        assert_eq!(v.date_order.len(), o::DATE_ORDER_CHOICES.len());
        let s = Settings {
            date_order: Some(NumericOrder::MonthFirst),
            message_language: Some(Lang::De),
            ..Settings::default()
        };
        let v = view(&s, &[]);
        assert_eq!(selected(&v.date_order), ["month_first"]);
        assert_eq!(selected(&v.message_language), ["de"]);
        let s = Settings {
            date_order: Some(NumericOrder::DayFirst),
            ..Settings::default()
        };
        assert_eq!(selected(&view(&s, &[]).date_order), ["day_first"]);
    }

    #[test]
    fn lists_names_problems_undo_and_reminders() {
        let (s, _) = settings::load(&json!({
            "rep_name": "Jordan",
            "content_free_phrases": ["checking in", "any update"],
            "heard_no": ["nicht mehr"],
        }));
        let stages: Vec<String> = Vec::new();
        let v = OptionsView::new(&s, &["bad".into()], true, true, &stages, today());
        assert_eq!(v.problems, ["bad"]);
        assert_eq!((v.rep_name.as_str(), v.signature.as_str()), ("Jordan", ""));
        assert!(v.can_undo);
        let keys: Vec<&str> = v.lists.iter().map(|l| l.key).collect();
        assert_eq!(&keys[..2], ["content_free_phrases", "bad_fit_tags"]);
        assert_eq!(keys.len(), 2 + o::HEARD.len());
        assert_eq!(v.lists[0].text, "checking in\nany update");
        assert_eq!(
            (v.lists[0].rows, v.lists[1].rows, v.lists[2].rows),
            (6, 4, 3)
        );
        assert_eq!(
            (v.lists[2].key, v.lists[2].text.as_str()),
            ("heard_no", "nicht mehr")
        );
        assert_eq!(v.reminders.action, Action::RemindersOff);
        assert!(v.reminders.on);
        let off = view(&Settings::default(), &[]).reminders;
        assert_eq!((off.on, off.action), (false, Action::RemindersOn));
        assert_ne!(off.label, v.reminders.label);
        assert_ne!(off.status, v.reminders.status);
    }

    #[test]
    fn saving_says_saved_or_what_was_wrong_and_writes_the_settings() {
        use crate::core::store::{StoreKey, Stored};
        let stored = Stored::empty();
        let ok = settings_saved(&serde_json::json!({"silence_start_days": "9"}), &stored);
        assert_eq!(
            ok.status.as_deref(),
            Some(super::super::copy::settings_status::SAVED)
        );
        let after = stored.after(&ok);
        assert_eq!(crate::core::settings::of(&after).0.silence_start_days, 9);
        let bad = settings_saved(&serde_json::json!({"silence_start_days": "soon"}), &stored);
        assert!(
            bad.status.as_deref().is_some_and(|s| s.contains("soon")),
            "{:?}",
            bad.status
        );
        assert!(
            bad.set.contains_key(&StoreKey::Settings.to_string()),
            "the rest is still saved"
        );
        let d = settings_defaults();
        assert_eq!(
            crate::core::settings::of(&Stored::empty().after(&d)).0,
            Settings::default()
        );
    }
}
