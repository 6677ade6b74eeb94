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
use crate::crm::snapshot::RawSnapshot;
use crate::view::{self, PageView};
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

fn snapshot(value: JsValue) -> Result<RawSnapshot, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsValue::from_str(&format!("the page snapshot could not be read: {e}")))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The draft the rep picked (`{channel, tone}`); anything unreadable means "the first".
fn choice(value: &JsValue) -> Choice {
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or_default()
}

/// `picked.refused`: why the overlay's last action was refused (see `view::copy::refusal`).
fn refused(picked: &JsValue) -> Option<String> {
    js_sys::Reflect::get(picked, &JsValue::from_str("refused"))
        .ok()
        .and_then(|v| v.as_string())
}

/// The storage keys a page needs: settings, and the notes of the deal or of every deal shown.
#[wasm_bindgen]
pub fn storage_keys(snap: JsValue) -> Result<Vec<String>, JsValue> {
    Ok(view::storage_keys(&snapshot(snap)?, today()))
}

/// The storage key of the notes of the deal on a record page; `undefined` elsewhere.
#[wasm_bindgen]
pub fn notes_storage_key(snap: JsValue) -> Result<Option<String>, JsValue> {
    Ok(view::notes_storage_key(&snapshot(snap)?))
}

/// Renders the overlay into `root`: on a deal page the badge (and the card when `expanded`), on
/// a list or board the triage panel. `stored` is what `storage_keys` named, as read; `picked`
/// is `{channel, tone, refused}`. Returns `{key: value}` to store (what the page proved about
/// its host's date order), or `undefined`.
#[wasm_bindgen]
pub fn render_overlay(
    root: &web_sys::Element,
    snap: JsValue,
    stored: JsValue,
    expanded: bool,
    picked: JsValue,
) -> Result<JsValue, JsValue> {
    let refused = refused(&picked);
    let refused = refused.as_deref().map(crate::view::copy::refusal);
    let view = view::page_view(&snapshot(snap)?, &json(stored)?, today());
    let badge = view.badge();
    match &view {
        PageView::Deal(v) => overlay::render(root, &badge, v, expanded, choice(&picked), refused)?,
        PageView::List(v) => overlay::render_list(root, &badge, v, expanded, refused)?,
    }
    remember(&view)
}

/// `{key: value}` for what the page proved about its host's date order, or `undefined`.
fn remember(view: &PageView) -> Result<JsValue, JsValue> {
    match view.remember() {
        Some(r) => to_js(&serde_json::json!({ r.key.clone(): r.value })),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// The badge of a page, for the content script to draw before any frame starts (run by the
/// background's warm core): `{badge, remember}`, where `remember` is as `render_overlay`'s.
/// No DOM: this runs in the service worker.
#[wasm_bindgen]
pub fn badge_view(snap: JsValue, stored: JsValue) -> Result<JsValue, JsValue> {
    let view = view::page_view(&snapshot(snap)?, &json(stored)?, today());
    let badge = to_js(&view.badge())?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"badge".into(), &badge)?;
    js_sys::Reflect::set(&out, &"remember".into(), &remember(&view)?)?;
    Ok(out.into())
}

/// What `memory_writes` reads beyond `storage_keys` (`view::memory_keys`).
#[wasm_bindgen]
pub fn memory_keys(snap: JsValue) -> Result<Vec<String>, JsValue> {
    Ok(view::memory_keys(&snapshot(snap)?))
}

/// What the page adds to the memory of deals (`view::seen_writes`): `{key: value}`, or
/// `undefined` when nothing changes. `stored` is what `storage_keys` and `memory_keys` named.
#[wasm_bindgen]
pub fn memory_writes(snap: JsValue, stored: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let writes = view::seen_writes(&snapshot(snap)?, &json(stored)?, today(), millis(now_ms));
    if writes.is_empty() {
        return Ok(JsValue::UNDEFINED);
    }
    to_js(&writes.into_iter().collect::<serde_json::Map<_, _>>())
}

/// The memory keys to delete from everything stored (`all`): past the rep's retention,
/// unreadable, or beyond the number of deals kept (`core::seen::to_forget`). Never a note.
#[wasm_bindgen]
pub fn memory_to_forget(all: JsValue, now_ms: f64) -> Result<Vec<String>, JsValue> {
    let all = json(all)?;
    let (settings, _) = crate::core::settings::load(
        all.get(crate::core::settings::STORAGE_KEY)
            .unwrap_or(&Value::Null),
    );
    Ok(crate::core::seen::to_forget(
        &all,
        millis(now_ms),
        settings.memory_days,
    ))
}

/// When the browser refused a write for lack of room: the oldest memory keys to delete before
/// trying again (`core::seen::to_free`). Never a note.
#[wasm_bindgen]
pub fn memory_to_free(all: JsValue) -> Result<Vec<String>, JsValue> {
    Ok(crate::core::seen::to_free(&json(all)?))
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
    let view = view::today_view(&json(all)?, today(), millis(now_ms));
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

/// What to store when the rep copies a message in the Today queue (`view::today_copied`):
/// `{key: value}`, or `undefined`.
#[wasm_bindgen]
pub fn today_copied(all: JsValue, deal_key: &str) -> Result<JsValue, JsValue> {
    match view::today_copied(&json(all)?, deal_key, today()) {
        Some((key, value)) => to_js(&serde_json::json!({ key: value })),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// The reminders due at `now_ms` that were not shown yet (`view::reminders::due`), from
/// everything stored (`all`) and the time of the last run (`last_run_ms`, or null): an array of
/// `{id, title, body, url}`.
#[wasm_bindgen]
pub fn reminders_due(all: JsValue, now_ms: f64, last_run_ms: JsValue) -> Result<JsValue, JsValue> {
    let last_run = last_run_ms.as_f64().map(|ms| local_day(millis(ms)));
    let now = local_day(millis(now_ms));
    let due = view::reminders::due(&json(all)?, now, millis(now_ms), last_run);
    to_js(&due)
}

/// `{reminders_shown: …}` after showing the reminders `ids` (each is shown once).
#[wasm_bindgen]
pub fn reminders_shown(all: JsValue, ids: Vec<String>, now_ms: f64) -> Result<JsValue, JsValue> {
    let value = view::reminders::shown_after(&json(all)?, &ids, local_day(millis(now_ms)));
    to_js(&serde_json::json!({ view::reminders::SHOWN_KEY: value }))
}

/// The record page a reminder opens: the remembered address of its deal, only when it is a
/// CRM record page Stallwatch reads; `undefined` otherwise.
#[wasm_bindgen]
pub fn reminder_url(all: JsValue, id: &str) -> Result<Option<String>, JsValue> {
    Ok(view::reminders::url_of(&json(all)?, id))
}

/// What to store when the rep copies the draft they are looking at (`picked` = `{channel,
/// tone}`): `{key: value}`, or `undefined` when the page has no suggestion.
#[wasm_bindgen]
pub fn copied_record(snap: JsValue, stored: JsValue, picked: JsValue) -> Result<JsValue, JsValue> {
    match view::copied_record(&snapshot(snap)?, &json(stored)?, choice(&picked), today()) {
        Some((key, value)) => to_js(&serde_json::json!({ key: value })),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Renders the popup: the notes form into `form_root` (when `with_form`), and the deal's score,
/// suggestion and reasons into `result_root`. `stored` is what `storage_keys` named, as read.
#[wasm_bindgen]
pub fn render_popup(
    form_root: &web_sys::Element,
    result_root: &web_sys::Element,
    snap: JsValue,
    stored: JsValue,
    with_form: bool,
    picked: JsValue,
) -> Result<(), JsValue> {
    let v = view::deal_page_view(&snapshot(snap)?, &json(stored)?, today());
    if with_form {
        popup::render_form(form_root, &v)?;
    }
    popup::render_result(result_root, &v, choice(&picked))
}

/// The stored notes with the rep's edits applied (`edits`: only the fields edited), each changed
/// field stamped with `now_ms` (`Date.now()`); returns `{notes, problems}`.
#[wasm_bindgen]
pub fn notes_from_form(stored: JsValue, edits: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let merged =
        crate::core::notes::merge_form(&json(stored)?, &json(edits)?, today(), millis(now_ms));
    to_js(&merged)
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
    let all = json(all)?;
    let (s, problems) = crate::core::settings::load(
        all.get(crate::core::settings::STORAGE_KEY)
            .unwrap_or(&Value::Null),
    );
    let can_undo = all.get(crate::core::backup::UNDO_KEY).is_some();
    let stages = view::stages_seen(&all, millis(now_ms));
    let page =
        view::options::OptionsView::new(&s, &problems, can_undo, reminders_on, &stages, today());
    options::render(root, &page)
}

/// What a first setting of the options page changes, for the number typed (`undefined` for
/// the others): shown under the field as the rep types.
#[wasm_bindgen]
pub fn setting_example(key: &str, value: &str) -> Option<String> {
    let n = value.trim().parse::<u32>().ok()?;
    crate::view::copy::options::example(key, n, today())
}

/// Settings from the options form (`{name: text}`) over the stored ones; `{settings, problems}`.
#[wasm_bindgen]
pub fn settings_from_form(form: JsValue, current: JsValue) -> Result<JsValue, JsValue> {
    let (current, _) = crate::core::settings::load(&json(current)?);
    let (settings, problems) = crate::core::settings::from_form(&json(form)?, &current);
    to_js(&serde_json::json!({ "settings": settings, "problems": problems }))
}

/// The default settings, for "Restore the defaults".
#[wasm_bindgen]
pub fn default_settings() -> Result<JsValue, JsValue> {
    to_js(&crate::core::settings::Settings::default())
}

/// A backup file's text from everything in storage.
#[wasm_bindgen]
pub fn export_backup(storage: JsValue) -> Result<String, JsValue> {
    let v = crate::core::backup::export(&json(storage)?, today());
    serde_json::to_string_pretty(&v).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// What restoring a backup file's text over `current` (everything in storage) does:
/// `{entries, text, problems}`. `entries` are written in one `storage.local.set` (they include
/// the copy for undo); `text` is the status line, `problems` what was skipped or kept.
#[wasm_bindgen]
pub fn restore_backup(text: &str, current: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let r = crate::core::backup::restore(
        text,
        &json(current)?,
        &crate::crm::adapter::key_prefixes(),
        millis(now_ms),
    );
    let status = view::copy::backup::report(&r);
    to_js(&serde_json::json!({ "entries": r.entries, "text": status, "problems": r.problems }))
}

/// The status line when the browser refused to write a restore (`detail`: its error).
#[wasm_bindgen]
pub fn restore_not_written(detail: &str) -> String {
    view::copy::backup::not_written(detail)
}

/// What undoing the last restore does, from everything in storage: `{set, remove, text}`;
/// write `set`, then remove `remove`.
#[wasm_bindgen]
pub fn undo_restore(current: JsValue) -> Result<JsValue, JsValue> {
    let u = crate::core::backup::undo(&json(current)?);
    let status = view::copy::backup::undo_report(&u);
    to_js(&serde_json::json!({ "set": u.set, "remove": u.remove, "text": status }))
}

/// The status line when the browser refused to write an undo.
#[wasm_bindgen]
pub fn undo_not_written(detail: &str) -> String {
    view::copy::backup::undo_not_written(detail)
}
