//! The popup: the deal's score, the quick-notes form, and the suggestion.

use super::dom::{child, clear, document, text, text_child};
use super::sections;
use crate::core::date::Day;
use crate::core::message::Choice;
use crate::core::model::Channel;
use crate::core::notes::{
    NoteField, NoteKind, Notes, BUYER_FACING, BUYER_FACING_FIELDS, NOTE_FIELDS, PRIVATE,
};
use crate::view::action::Action;
use crate::view::copy;
use crate::view::DealView;
use crate::view::{score_text, serde_name};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The deal summary, suggestion and reasons: re-rendered on every change.
/// `correcting`: the reason whose correction choices are open; `today` bounds their calendar.
pub fn render_result(
    root: &Element,
    v: &DealView,
    choice: Choice,
    correcting: Option<&str>,
    today: Day,
) -> Result<(), JsValue> {
    // The form is drawn once, but its flag follows the notes as they are saved.
    refresh_voice_flag(v)?;
    clear(root);
    if v.deal_key.is_none() {
        return Ok(());
    }
    let head = child(root, "header", "summary")?;
    head.set_attribute(
        "data-band",
        &v.band.map(|b| serde_name(&b)).unwrap_or_default(),
    )?;
    let score = text_child(&head, "span", "score", &score_text(v.score))?;
    score.set_attribute("data-testid", "stall-score")?;
    let titles = child(&head, "div", "")?;
    text_child(&titles, "div", "headline", &v.headline)?;
    text_child(
        &titles,
        "div",
        "deal",
        v.deal_name.as_deref().unwrap_or(copy::UNNAMED_DEAL),
    )?;
    sections::problems(root, &v.problems)?;
    sections::suggestion(root, v, choice)?;
    sections::since_looked(root, v)?;
    sections::reasons(root, v, correcting, today)?;
    Ok(())
}

/// The notes form, one control per editable field of `NOTE_FIELDS` (fields sharing a row number
/// side by side), rendered once per deal so typing is never interrupted.
pub fn render_form(root: &Element, v: &DealView) -> Result<(), JsValue> {
    clear(root);
    let Some(key) = &v.deal_key else {
        text_child(root, "p", "empty", copy::POPUP_NOT_A_DEAL)?;
        return Ok(());
    };
    // Which deal these notes are for, first: the score and the message are further down.
    let title = text_child(
        root,
        "p",
        "form-title",
        v.deal_name.as_deref().unwrap_or(copy::UNNAMED_DEAL),
    )?;
    title.set_attribute("data-testid", "notes-deal")?;
    text_child(root, "p", "form-keys", copy::POPUP_KEYS)?;
    let form = child(root, "form", "notes")?;
    form.set_attribute("data-deal-key", key)?;
    form.set_attribute("autocomplete", "off")?;
    // The notes as stored, once, for every control's value.
    let stored = serde_json::to_value(&v.notes).unwrap_or_default();
    let mut row: Option<(u8, Element)> = None;
    for f in NOTE_FIELDS.iter().filter(|f| f.in_form) {
        let same_row = NOTE_FIELDS
            .iter()
            .filter(|g| g.in_form && g.row == f.row)
            .count()
            > 1;
        let parent = match (&row, same_row) {
            (Some((r, el)), true) if *r == f.row => el.clone(),
            (_, true) => {
                let el = child(&form, "div", "row")?;
                row = Some((f.row, el.clone()));
                el
            }
            (_, false) => form.clone(),
        };
        control(&parent, f, &v.notes, &stored)?;
        if BUYER_FACING_FIELDS.contains(&f.name) {
            voice_flag(&parent, f.name, v)?;
        }
    }
    let status = child(&form, "p", "status")?;
    status.set_attribute("data-testid", "save-status")?;
    status.set_attribute("role", "status")?;
    // The words the popup's script shows while saving (it cannot hold wording of its own).
    status.set_attribute("data-saving", copy::notes_status::SAVING)?;
    status.set_attribute("data-saved", copy::notes_status::SAVED)?;
    status.set_attribute("data-not-saved", copy::notes_status::NOT_SAVED)?;
    text_child(root, "p", "privacy", copy::POPUP_PRIVACY)?;
    Ok(())
}

/// The stored value of a field (`stored`: the notes as JSON) as the form shows it.
fn shown(f: &NoteField, stored: &serde_json::Value) -> String {
    match stored.get(f.name) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

fn control(
    parent: &Element,
    f: &NoteField,
    n: &Notes,
    stored: &serde_json::Value,
) -> Result<(), JsValue> {
    let value = shown(f, stored);
    match f.kind {
        NoteKind::Channels => {
            let set = child(parent, "fieldset", "avoid")?;
            set.set_attribute("data-testid", f.testid)?;
            text_child(&set, "legend", "", f.label)?;
            for c in [Channel::Email, Channel::Text, Channel::Call] {
                let l = child(&set, "label", "check")?;
                let i = child(&l, "input", "")?;
                i.set_attribute("type", "checkbox")?;
                i.set_attribute("name", f.name)?;
                i.set_attribute("value", c.as_str())?;
                if n.avoid_channels.contains(&c) {
                    i.set_attribute("checked", "")?;
                }
                super::dom::text(&l, c.as_str())?;
            }
        }
        NoteKind::Channel | NoteKind::Language => {
            let l = labelled(parent, f.label)?;
            let select = child(&l, "select", "")?;
            select.set_attribute("name", f.name)?;
            select.set_attribute("data-testid", f.testid)?;
            let options: &[(&str, &str)] = if f.kind == NoteKind::Channel {
                &copy::CHANNEL_OPTIONS
            } else {
                &copy::LANGUAGE_OPTIONS
            };
            for &(option, label) in options {
                let o = text_child(&select, "option", "", label)?;
                o.set_attribute("value", option)?;
                if value == option {
                    o.set_attribute("selected", "")?;
                }
            }
        }
        NoteKind::LongText => {
            let l = labelled(parent, f.label)?;
            let ta = child(&l, "textarea", "")?;
            ta.set_attribute("name", f.name)?;
            ta.set_attribute("rows", "2")?;
            ta.set_attribute("maxlength", &f.limit.to_string())?;
            ta.set_attribute("data-testid", f.testid)?;
            ta.set_attribute("placeholder", f.placeholder)?;
            if let Some(area) = ta.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(&value);
            }
        }
        NoteKind::Text | NoteKind::Date | NoteKind::Tags => {
            let l = labelled(parent, f.label)?;
            let i = child(&l, "input", "")?;
            let kind = if f.kind == NoteKind::Date {
                "date"
            } else {
                "text"
            };
            i.set_attribute("type", kind)?;
            i.set_attribute("name", f.name)?;
            i.set_attribute("data-testid", f.testid)?;
            if f.kind == NoteKind::Text {
                i.set_attribute("maxlength", &f.limit.to_string())?;
            }
            if !f.placeholder.is_empty() {
                i.set_attribute("placeholder", f.placeholder)?;
            }
            if let Some(input) = i.dyn_ref::<web_sys::HtmlInputElement>() {
                input.set_value(&value);
            }
        }
        // Made on the reasons ("not right here"), never typed in the form.
        NoteKind::Corrections => {}
    }
    Ok(())
}

/// The `data-testid` of the flag under a buyer-facing field (`note-reason-flag`).
fn voice_flag_id(field: &str) -> String {
    format!("note-{field}-flag")
}

/// The field's flag message, if it reads like a private note.
fn flag_for<'a>(v: &'a DealView, field: &str) -> Option<&'a str> {
    v.voice_flags
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, m)| m.as_str())
}

/// The flag under a buyer-facing field when it reads like a private note, with the button that
/// moves the text into the private notes (`popup.js` does the move and saves both fields).
fn voice_flag(parent: &Element, field: &str, v: &DealView) -> Result<(), JsValue> {
    let p = child(parent, "p", "problem voice-flag")?;
    p.set_attribute("data-testid", &voice_flag_id(field))?;
    p.set_attribute("role", "status")?;
    child(&p, "span", "")?;
    text(&p, " ")?;
    let b = text_child(&p, "button", "chip", copy::MOVE_TO_PRIVATE)?;
    b.set_attribute("type", "button")?;
    super::dom::action(&b, Action::MoveNote)?;
    b.set_attribute("data-from", field)?;
    b.set_attribute("data-to", PRIVATE)?;
    b.set_attribute(
        "data-testid",
        if field == BUYER_FACING {
            "move-to-private"
        } else {
            "move-goal-to-private"
        },
    )?;
    show_voice_flag(&p, flag_for(v, field))
}

/// Shows the flag with `message`, or hides it.
fn show_voice_flag(flag: &Element, message: Option<&str>) -> Result<(), JsValue> {
    if let Some(span) = flag.first_element_child() {
        span.set_text_content(message);
    }
    match message {
        Some(_) => flag.remove_attribute("hidden"),
        None => flag.set_attribute("hidden", ""),
    }
}

/// Brings the form's flags (if the form is shown) up to date with the saved fields.
fn refresh_voice_flag(v: &DealView) -> Result<(), JsValue> {
    for field in BUYER_FACING_FIELDS {
        let selector = format!("[data-testid=\"{}\"]", voice_flag_id(field));
        if let Some(flag) = document()?.query_selector(&selector)? {
            show_voice_flag(&flag, flag_for(v, field))?;
        }
    }
    Ok(())
}

fn labelled(parent: &Element, label: &str) -> Result<Element, JsValue> {
    let l = child(parent, "label", "field")?;
    text_child(&l, "span", "label", label)?;
    Ok(l)
}
