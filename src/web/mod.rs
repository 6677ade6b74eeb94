//! Browser glue (wasm32 only): converts JavaScript values, renders views with web-sys.
//! No decisions here: every word and number shown comes from `core::view`.
//!
//! Page and note text only ever becomes text nodes (`dom::text`); nothing builds HTML from
//! strings.

mod dom;
mod options;
mod overlay;
mod popup;
mod sections;

use crate::core::date::Day;
use crate::core::message::Choice;
use crate::core::notes::storage_key;
use crate::core::snapshot::RawSnapshot;
use crate::core::view::{deal_view, list_view, DealView};
use crate::crm::PageKind;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Local "today": the rep's calendar day, not UTC's.
fn today() -> Day {
    let now = js_sys::Date::new_0();
    let offset_ms = now.get_timezone_offset() * 60_000.0;
    Day::from_unix_ms(now.get_time() - offset_ms)
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

fn view(snap: JsValue, notes: JsValue, settings: JsValue) -> Result<DealView, JsValue> {
    Ok(deal_view(
        &snapshot(snap)?,
        &json(notes)?,
        &json(settings)?,
        today(),
    ))
}

/// The storage keys a page needs: `settings`, and the notes of the deal (a record page) or of
/// every deal shown (a list or board).
#[wasm_bindgen]
pub fn storage_keys(snap: JsValue) -> Result<Vec<String>, JsValue> {
    let snap = snapshot(snap)?;
    let mut keys = vec!["settings".to_string()];
    match crate::crm::detect(&snap.url) {
        Some(p) if is_list(p.kind) => {
            let (rows, _) = crate::crm::read_rows(&snap, today());
            keys.extend(rows.iter().map(|r| storage_key(&r.deal.key)));
        }
        Some(p) => keys.extend(p.key.map(|k| storage_key(&k))),
        None => {}
    }
    Ok(keys)
}

/// The notes key of the deal on a record page; `undefined` elsewhere (lists included).
#[wasm_bindgen]
pub fn notes_key(snap: JsValue) -> Result<Option<String>, JsValue> {
    let snap = snapshot(snap)?;
    Ok(crate::crm::detect(&snap.url)
        .filter(|p| p.kind == PageKind::DealRecord)
        .and_then(|p| p.key)
        .map(|k| storage_key(&k)))
}

fn is_list(kind: PageKind) -> bool {
    matches!(kind, PageKind::DealList | PageKind::DealBoard)
}

/// The draft the rep picked (`{channel, tone}`); anything unreadable means "the first".
fn choice(value: JsValue) -> Choice {
    serde_wasm_bindgen::from_value(value).unwrap_or_default()
}

/// Renders the overlay into `root`: on a deal page the badge (and the card when `expanded`), on
/// a list or board the triage panel. `stored` is what `storage_keys` named, as read.
#[wasm_bindgen]
pub fn render_overlay(
    root: &web_sys::Element,
    snap: JsValue,
    stored: JsValue,
    expanded: bool,
    picked: JsValue,
) -> Result<(), JsValue> {
    let snap = snapshot(snap)?;
    let stored = json(stored)?;
    let page = crate::crm::detect(&snap.url);
    if page.as_ref().is_some_and(|p| is_list(p.kind)) {
        let v = list_view(&snap, &stored, today());
        return overlay::render_list(root, &v, expanded);
    }
    let notes = page
        .and_then(|p| p.key)
        .and_then(|k| stored.get(storage_key(&k)).cloned())
        .unwrap_or(Value::Null);
    let settings = stored.get("settings").cloned().unwrap_or(Value::Null);
    let v = deal_view(&snap, &notes, &settings, today());
    overlay::render(root, &v, expanded, choice(picked))
}

/// Renders the popup: the notes form into `form_root` (when `with_form`), and the deal's score,
/// suggestion and reasons into `result_root`.
#[wasm_bindgen]
pub fn render_popup(
    form_root: &web_sys::Element,
    result_root: &web_sys::Element,
    snap: JsValue,
    notes: JsValue,
    settings: JsValue,
    with_form: bool,
    picked: JsValue,
) -> Result<(), JsValue> {
    let v = view(snap, notes, settings)?;
    if with_form {
        popup::render_form(form_root, &v)?;
    }
    popup::render_result(result_root, &v, choice(picked))
}

/// Merges the popup form into the stored notes; returns `{notes, problems}`.
#[wasm_bindgen]
pub fn notes_from_form(old: JsValue, form: JsValue) -> Result<JsValue, JsValue> {
    let old = crate::core::notes::load(&json(old)?).notes;
    let merged = crate::core::notes::merge_form(&old, &json(form)?, today());
    to_js(&serde_json::json!({ "notes": merged.notes, "problems": merged.problems }))
}

/// Renders the options page from the stored settings (problems in them are shown).
#[wasm_bindgen]
pub fn render_options(root: &web_sys::Element, settings: JsValue) -> Result<(), JsValue> {
    let (s, problems) = crate::core::settings::load(&json(settings)?);
    options::render(root, &s, &problems)
}

/// Settings from the options form (`{name: text}`) over the stored ones; `{settings, problems}`.
#[wasm_bindgen]
pub fn settings_from_form(form: JsValue, current: JsValue) -> Result<JsValue, JsValue> {
    let (current, _) = crate::core::settings::load(&json(current)?);
    let (s, problems) = crate::core::settings::from_form(&json(form)?, &current);
    to_js(&serde_json::json!({ "settings": s, "problems": problems }))
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

/// What a backup file restores: `{entries, problems}`.
#[wasm_bindgen]
pub fn import_backup(text: &str) -> Result<JsValue, JsValue> {
    let r = crate::core::backup::import(text);
    to_js(&serde_json::json!({ "entries": r.entries, "problems": r.problems }))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

use serde::Serialize;
