//! Browser glue (wasm32 only): each export converts JavaScript values, calls one function of
//! `view` or `core`, and renders or converts the result back. No decisions and no wording here:
//! what is shown comes from `view` (fixed wording in `view::copy`) and the core.
//!
//! Page and note text only ever becomes text nodes (`dom::text`); nothing builds HTML from
//! strings.

mod dom;
mod options;
mod overlay;
mod popup;
mod sections;
mod today;

use crate::core::date::Day;
use crate::core::message::Choice;
use crate::core::store::{self, StoreKey, Stored};
use crate::core::{backup, seen, settings};
use crate::crm::snapshot::RawSnapshot;
use crate::view::{self, Page, PageView};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Local "today": the rep's calendar day, not UTC's.
fn today() -> Day {
    let now = js_sys::Date::new_0();
    let offset_ms = now.get_timezone_offset() * 60_000.0;
    Day::from_unix_ms(now.get_time() - offset_ms)
}

/// The rep's calendar day at `ms` (local time).
fn local_day(ms: u64) -> Day {
    let at = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    Day::from_unix_ms(ms as f64 - at.get_timezone_offset() * 60_000.0)
}

/// The clock now, in whole milliseconds since the epoch.
fn now_ms() -> u64 {
    millis(js_sys::Date::now())
}

/// `Date.now()` as whole milliseconds (a JavaScript number; anything odd counts as 0, "oldest").
fn millis(now_ms: f64) -> u64 {
    if now_ms.is_finite() && now_ms > 0.0 {
        now_ms as u64
    } else {
        0
    }
}

fn json(value: JsValue) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// What JavaScript read from storage, taken apart once for the call.
fn stored(value: JsValue) -> Result<Stored, JsValue> {
    Ok(Stored::from_value(json(value)?))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

fn keys(keys: Vec<StoreKey>) -> Vec<String> {
    keys.into_iter().map(String::from).collect()
}

/// The draft the rep picked (`{channel, tone}`); anything unreadable means "the first".
fn choice(value: &JsValue) -> Choice {
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or_default()
}

/// `picked.refused`: why the overlay's last action was refused (`view::refused::Refused`).
fn refused(picked: &JsValue) -> Option<String> {
    js_sys::Reflect::get(picked, &JsValue::from_str("refused"))
        .ok()
        .and_then(|v| v.as_string())
}

/// One page's snapshot, taken apart and classified once (`view::Page`): every context makes
/// one per reading and asks it what it needs, so a snapshot is parsed once per context per
/// event. Free it (`free()`) when a newer reading replaces it.
#[wasm_bindgen]
pub struct PageReading {
    page: Page,
}

#[wasm_bindgen]
impl PageReading {
    #[wasm_bindgen(constructor)]
    pub fn new(snapshot: JsValue) -> Result<PageReading, JsValue> {
        let raw: RawSnapshot = serde_wasm_bindgen::from_value(snapshot)
            .map_err(|e| JsValue::from_str(&format!("the page snapshot could not be read: {e}")))?;
        Ok(PageReading {
            page: Page::new(raw),
        })
    }

    /// The storage keys the page's views read (`Page::keys`).
    pub fn keys(&self) -> Vec<String> {
        keys(self.page.keys())
    }

    /// What the background reads for `on_page`: `keys` and the badge's corner.
    pub fn keys_on_page(&self) -> Vec<String> {
        let mut all = self.page.keys();
        all.push(StoreKey::OverlayCorner);
        keys(all)
    }

    /// The storage key of the deal's notes on a record page (`undefined` elsewhere): the popup
    /// tells a change to the notes from a change to the settings by it.
    pub fn notes_key(&self) -> Option<String> {
        self.page.notes_key().map(String::from)
    }

    /// A deal record page: the popup shows its notes form.
    pub fn has_notes(&self) -> bool {
        self.page.notes_key().is_some()
    }

    /// The background's answer (`Page::on_page`): `{badge, keys, corner: {key, value},
    /// effects, memory_grew}`, where `keys` are the storage keys the badge was scored from (a
    /// change to one re-scores it), `corner` where the rep keeps the badge, and `memory_grew`
    /// whether the memory's limit is to be enforced after the writes. `stored` is what
    /// `keys_on_page` named. No DOM: this runs in the worker.
    pub fn on_page(
        &self,
        stored_now: JsValue,
        now_ms: f64,
        remember: bool,
    ) -> Result<JsValue, JsValue> {
        let stored = stored(stored_now)?;
        let answer = self
            .page
            .on_page(&stored, today(), millis(now_ms), remember);
        to_js(&serde_json::json!({
            "badge": answer.badge,
            "keys": self.keys(),
            "corner": {"key": StoreKey::OverlayCorner, "value": view::corner(&stored)},
            "effects": answer.effects,
            "memory_grew": answer.memory_grew,
        }))
    }

    /// Renders the card into `root` (`picked`: `{channel, tone, refused}`): a deal's card, or a
    /// list's triage panel. Returns the effects to apply (the host's date order the page proved).
    pub fn render_card(
        &self,
        root: &web_sys::Element,
        stored_now: JsValue,
        expanded: bool,
        picked: JsValue,
    ) -> Result<JsValue, JsValue> {
        let refused = refused(&picked);
        let refused = refused
            .as_deref()
            .map(|code| crate::view::copy::refusal(crate::view::refused::Refused::parse(code)));
        let view = self.page.view(&stored(stored_now)?, today(), now_ms());
        let badge = view.badge();
        match &view {
            PageView::Deal(v) => {
                let correcting = string_field(&picked, "correcting");
                let picked = overlay::Picked {
                    choice: choice(&picked),
                    correcting: correcting.as_deref(),
                    refused,
                };
                overlay::render(root, &badge, v, expanded, &picked, today())?
            }
            PageView::List(v) => overlay::render_list(root, &badge, v, expanded, refused)?,
        }
        to_js(&view.remember())
    }

    /// Renders the popup: the notes form into `form_root` (when `with_form`), and the deal's
    /// score, suggestion and reasons into `result_root`.
    pub fn render_popup(
        &self,
        form_root: &web_sys::Element,
        result_root: &web_sys::Element,
        stored_now: JsValue,
        with_form: bool,
        picked: JsValue,
    ) -> Result<(), JsValue> {
        let v = self.page.deal_view(&stored(stored_now)?, today(), now_ms());
        if with_form {
            popup::render_form(form_root, &v)?;
        }
        let correcting = string_field(&picked, "correcting");
        popup::render_result(
            result_root,
            &v,
            choice(&picked),
            correcting.as_deref(),
            today(),
        )
    }

    /// What to store when the rep corrects reason `code` (`said`: `replied`, `handled`,
    /// `close_date`, `not_this_deal`; `day`: `2026-12-02` or empty): effects, whose status says
    /// what was wrong when nothing is stored.
    pub fn corrected(
        &self,
        stored_now: JsValue,
        code: &str,
        said: &str,
        day: &str,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let effects = self.page.corrected(
            &stored(stored_now)?,
            code,
            said,
            day,
            today(),
            millis(now_ms),
        );
        to_js(&effects)
    }

    /// What to store when the rep undoes their correction of reason `code`.
    pub fn uncorrected(
        &self,
        stored_now: JsValue,
        code: &str,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .page
                .uncorrected(&stored(stored_now)?, code, millis(now_ms)),
        )
    }

    /// What to store when the rep copies the draft they are looking at (`picked` = `{channel,
    /// tone}`): effects (none on a page without a suggestion).
    pub fn copied(&self, stored_now: JsValue, picked: JsValue) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .page
                .copied(&stored(stored_now)?, choice(&picked), today(), now_ms()),
        )
    }

    /// The rep's edits to this deal's notes (`edits`: only the fields edited, by name) merged
    /// over the stored notes: effects, with the status line once written.
    pub fn notes_edited(
        &self,
        stored_now: JsValue,
        edits: JsValue,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let effects =
            self.page
                .notes_edited(&stored(stored_now)?, &json(edits)?, today(), millis(now_ms));
        to_js(&effects)
    }
}

/// What to store when the rep drops the badge in `corner` (nothing for a corner that is none).
#[wasm_bindgen]
pub fn corner_moved(corner: &str) -> Result<JsValue, JsValue> {
    to_js(&view::corner_moved(corner))
}

/// The memory keys to forget from everything stored (`all`): past the rep's retention,
/// unreadable, or beyond the number of deals kept (`core::seen::to_forget`). Never a note.
#[wasm_bindgen]
pub fn memory_to_forget(all: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let all = stored(all)?;
    let (settings, _) = settings::of(&all);
    to_js(&seen::to_forget(&all, millis(now_ms), settings.memory_days))
}

/// When the browser refused a write for lack of room: the oldest memory keys to remove before
/// trying again (`core::seen::to_free`). Never a note.
#[wasm_bindgen]
pub fn memory_to_free(all: JsValue) -> Result<JsValue, JsValue> {
    to_js(&seen::to_free(&stored(all)?))
}

/// A string field of a JS object, when it is a non-empty string.
fn string_field(obj: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(obj, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.is_empty())
}

/// Renders the Today queue into `root` from everything stored (`all`) at `now_ms`. `options`:
/// `{compact: n}` for the popup (the first n rows of each section), or `{crm, owner}` for the
/// full page's filters.
#[wasm_bindgen]
pub fn render_today(
    root: &web_sys::Element,
    all: JsValue,
    now_ms: f64,
    options: JsValue,
) -> Result<(), JsValue> {
    let crm = string_field(&options, "crm");
    let owner = string_field(&options, "owner");
    let compact = js_sys::Reflect::get(&options, &JsValue::from_str("compact"))
        .ok()
        .and_then(|v| v.as_f64());
    let view = view::today_view(&stored(all)?, today(), millis(now_ms));
    match compact {
        Some(n) => today::render(root, &view, today::Size::Compact(n as usize)),
        None => {
            let view = view.filtered(crm.as_deref(), owner.as_deref());
            today::render(
                root,
                &view,
                today::Size::Full(crm.as_deref(), owner.as_deref()),
            )
        }
    }
}

/// What to store when the rep copies a message in the Today queue (`view::today_copied`).
#[wasm_bindgen]
pub fn today_copied(all: JsValue, deal_key: &str) -> Result<JsValue, JsValue> {
    to_js(&view::today_copied(&stored(all)?, deal_key, today()))
}

/// The reminders due at `now_ms` that were not shown yet (`view::reminders::due`), from
/// everything stored (`all`, which holds the time of the last run): `[{id, title, body, url}]`.
#[wasm_bindgen]
pub fn reminders_due(all: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let all = stored(all)?;
    let last_run = view::reminders::last_run_ms(&all).map(local_day);
    let now = local_day(millis(now_ms));
    to_js(&view::reminders::due(&all, now, millis(now_ms), last_run))
}

/// What a run at `now_ms` that showed the reminders `ids` stores (each is shown once).
#[wasm_bindgen]
pub fn reminders_ran(all: JsValue, ids: Vec<String>, now_ms: f64) -> Result<JsValue, JsValue> {
    let effects = view::reminders::ran(
        &stored(all)?,
        &ids,
        local_day(millis(now_ms)),
        millis(now_ms),
    );
    to_js(&effects)
}

/// The record page a reminder opens: the remembered address of its deal, only when it is a
/// CRM record page Stallwatch reads; `undefined` otherwise.
#[wasm_bindgen]
pub fn reminder_url(all: JsValue, id: &str) -> Result<Option<String>, JsValue> {
    Ok(view::reminders::url_of(&stored(all)?, id))
}

/// Renders the options page from everything stored (`all`): the settings (problems in them are
/// shown), the stages seen on the rep's pages, the "Undo the last restore" button when a copy
/// from before a restore is kept, and the reminders section saying whether they are on
/// (`reminders_on`: the browser's permission).
#[wasm_bindgen]
pub fn render_options(
    root: &web_sys::Element,
    all: JsValue,
    reminders_on: bool,
    now_ms: f64,
) -> Result<(), JsValue> {
    let all = stored(all)?;
    let (s, problems) = settings::of(&all);
    let can_undo = all.get(&StoreKey::RestoreUndo).is_some();
    let stages = view::stages_seen(&all, millis(now_ms));
    let page =
        view::options::OptionsView::new(&s, &problems, can_undo, reminders_on, &stages, today())
            .with_proposals(&all);
    options::render(root, &page)
}

/// What accepting the options page's proposal `id` stores (`view::options::proposal_accepted`).
#[wasm_bindgen]
pub fn proposal_accepted(id: &str, all: JsValue) -> Result<JsValue, JsValue> {
    to_js(&view::options::proposal_accepted(id, &stored(all)?))
}

/// What ignoring the options page's proposal `id` stores (`view::options::proposal_ignored`).
#[wasm_bindgen]
pub fn proposal_ignored(id: &str, all: JsValue) -> Result<JsValue, JsValue> {
    to_js(&view::options::proposal_ignored(id, &stored(all)?))
}

/// What a first setting of the options page changes, for the number typed (`undefined` for
/// the others): shown under the field as the rep types.
#[wasm_bindgen]
pub fn setting_example(key: &str, value: &str) -> Option<String> {
    let n = value.trim().parse::<u32>().ok()?;
    crate::view::copy::options::example(key, n, today())
}

/// Settings from the options form (`{name: text}`) over the stored ones (`all`): effects,
/// with the status line (`view::options::settings_saved`).
#[wasm_bindgen]
pub fn settings_saved(form: JsValue, all: JsValue) -> Result<JsValue, JsValue> {
    to_js(&view::options::settings_saved(&json(form)?, &stored(all)?))
}

/// "Restore the defaults": effects with the status line.
#[wasm_bindgen]
pub fn settings_defaults() -> Result<JsValue, JsValue> {
    to_js(&view::options::settings_defaults())
}

/// A backup file's text from everything in storage.
#[wasm_bindgen]
pub fn export_backup(all: JsValue) -> Result<String, JsValue> {
    let v = backup::export(&stored(all)?, today());
    serde_json::to_string_pretty(&v).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// What restoring a backup file's text over everything in storage (`all`) does: effects with
/// the status line (`view::options::backup_restored`).
#[wasm_bindgen]
pub fn restore_backup(text: &str, all: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let prefixes = crate::crm::adapter::key_prefixes();
    to_js(&view::options::backup_restored(
        text,
        &stored(all)?,
        &prefixes,
        millis(now_ms),
    ))
}

/// The status line when the browser refused to write a restore (`detail`: its error).
#[wasm_bindgen]
pub fn restore_not_written(detail: &str) -> String {
    view::copy::backup::not_written(detail)
}

/// What undoing the last restore does, from everything in storage: effects with the status.
#[wasm_bindgen]
pub fn undo_restore(all: JsValue) -> Result<JsValue, JsValue> {
    to_js(&view::options::restore_undone(&stored(all)?))
}

/// The status line when the browser refused to write an undo.
#[wasm_bindgen]
pub fn undo_not_written(detail: &str) -> String {
    view::copy::backup::undo_not_written(detail)
}

/// "Delete everything Stallwatch keeps here", from everything in storage (`all`): effects that
/// remove every key (`core::store::delete_everything`).
#[wasm_bindgen]
pub fn delete_everything(all: JsValue) -> Result<JsValue, JsValue> {
    let all = json(all)?;
    let keys: Vec<String> = all
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    to_js(&store::delete_everything(&keys))
}
