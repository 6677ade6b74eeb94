//! The options page: first the few settings a rep changes (name, signature, when silence starts
//! to count, their stages, dates and language), then every threshold under Advanced, grouped by
//! signal; the phrase and tag lists, backup and restore, reminders, and the privacy statement.
//! Values come from `core::settings`.

use super::dom::{child, clear, text_child};
use crate::core::settings::{Settings, TUNABLE_NUMBERS};
use crate::view::copy::options as o;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

fn field(parent: &Element, label: &str, unit: &str) -> Result<Element, JsValue> {
    let l = child(parent, "label", "field")?;
    text_child(&l, "span", "label", label)?;
    let wrap = child(&l, "span", "input")?;
    if !unit.is_empty() {
        // The unit follows the input inside `wrap`; the caller appends the input first.
        wrap.set_attribute("data-unit", unit)?;
    }
    Ok(wrap)
}

fn input(parent: &Element, name: &str, value: &str, kind: &str) -> Result<(), JsValue> {
    let i = child(parent, "input", "")?;
    i.set_attribute("type", kind)?;
    i.set_attribute("name", name)?;
    i.set_attribute("data-testid", &format!("setting-{name}"))?;
    if kind == "number" {
        i.set_attribute("min", "0")?;
        i.set_attribute("max", &crate::core::settings::MAX_NUMBER.to_string())?;
        i.set_attribute("step", "1")?;
    }
    if let Some(el) = i.dyn_ref::<web_sys::HtmlInputElement>() {
        el.set_value(value);
    }
    if let Some(unit) = parent.get_attribute("data-unit") {
        text_child(parent, "span", "unit", &unit)?;
    }
    Ok(())
}

fn textarea(parent: &Element, name: &str, value: &str, rows: u32) -> Result<(), JsValue> {
    let t = child(parent, "textarea", "")?;
    t.set_attribute("name", name)?;
    t.set_attribute("rows", &rows.to_string())?;
    t.set_attribute("data-testid", &format!("setting-{name}"))?;
    if let Some(el) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        el.set_value(value);
    }
    Ok(())
}

pub fn render(
    root: &Element,
    s: &Settings,
    problems: &[String],
    can_undo: bool,
    reminders_on: bool,
    stages_seen: &[String],
    today: crate::core::date::Day,
) -> Result<(), JsValue> {
    clear(root);
    text_child(root, "h1", "", o::TITLE)?;
    for p in problems {
        let el = text_child(root, "p", "problem", p)?;
        el.set_attribute("role", "alert")?;
    }
    let form = child(root, "form", "options")?;
    form.set_attribute("autocomplete", "off")?;

    let you = child(&form, "fieldset", "")?;
    text_child(&you, "legend", "", o::YOU)?;
    let name = field(&you, o::REP_NAME, "")?;
    input(
        &name,
        "rep_name",
        s.rep_name.as_deref().unwrap_or(""),
        "text",
    )?;
    let sig = field(&you, o::SIGNATURE, "")?;
    input(
        &sig,
        "signature",
        s.signature.as_deref().unwrap_or(""),
        "text",
    )?;

    // The few numbers a rep changes, each with what it means on their own calendar.
    let values = serde_json::to_value(s).unwrap_or_default();
    let first = child(&form, "fieldset", "numbers first")?;
    text_child(&first, "legend", "", o::FIRST)?;
    for key in o::FIRST_NUMBERS {
        let Some((_, label, unit)) = TUNABLE_NUMBERS.iter().find(|(k, _, _)| *k == key) else {
            continue;
        };
        let n = values[key].as_u64().unwrap_or(0);
        let f = field(&first, label, unit)?;
        input(&f, key, &n.to_string(), "number")?;
        if let Some(example) = o::example(key, n as u32, today) {
            let p = text_child(&first, "p", "example", &example)?;
            p.set_attribute("data-testid", &format!("example-{key}"))?;
            p.set_attribute("data-example-for", key)?;
        }
    }

    // Their stages: the norms, with the stages seen on their pages that have none.
    let stages = child(&form, "fieldset", "")?;
    text_child(&stages, "legend", "", o::YOUR_STAGES)?;
    text_child(&stages, "p", "note", o::YOUR_STAGES_NOTE)?;
    let norms: Vec<String> = s
        .stage_norms
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    let f = field(&stages, o::STAGE_NORMS, "")?;
    textarea(&f, "stage_norms", &norms.join("\n"), 6)?;
    let unset: Vec<&str> = stages_seen
        .iter()
        .map(String::as_str)
        .filter(|st| crate::core::risk::own_norm(st, s).is_none())
        .collect();
    if !unset.is_empty() {
        let p = text_child(
            &stages,
            "p",
            "note",
            &o::stages_without_norm(&unset, s.stage_norm_default_days),
        )?;
        p.set_attribute("data-testid", "stages-seen")?;
    }

    let dates = child(&form, "fieldset", "")?;
    text_child(&dates, "legend", "", o::DATES)?;
    let order = field(&dates, o::DATE_ORDER, "")?;
    let current = match s.date_order {
        Some(crate::core::date::NumericOrder::DayFirst) => "day_first",
        Some(crate::core::date::NumericOrder::MonthFirst) => "month_first",
        None => "",
    };
    let select = child(&order, "select", "")?;
    select.set_attribute("name", "date_order")?;
    select.set_attribute("data-testid", "options-date-order")?;
    for (value, label) in o::DATE_ORDER_CHOICES {
        let opt = text_child(&select, "option", "", label)?;
        opt.set_attribute("value", value)?;
        if value == current {
            opt.set_attribute("selected", "")?;
        }
    }

    let language = field(&dates, o::MESSAGE_LANGUAGE, "")?;
    let current = s.message_language.map(|l| l.code()).unwrap_or("");
    let select = child(&language, "select", "")?;
    select.set_attribute("name", "message_language")?;
    select.set_attribute("data-testid", "options-message-language")?;
    for (value, label) in o::MESSAGE_LANGUAGE_CHOICES {
        let opt = text_child(&select, "option", "", label)?;
        opt.set_attribute("value", value)?;
        if value == current {
            opt.set_attribute("selected", "")?;
        }
    }

    // Everything else, by signal, folded away.
    let advanced = child(&form, "details", "advanced")?;
    advanced.set_attribute("data-testid", "options-advanced")?;
    text_child(&advanced, "summary", "", o::ADVANCED)?;
    for (title, what, keys) in o::GROUPS {
        let keys: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| !o::FIRST_NUMBERS.contains(k))
            .collect();
        if keys.is_empty() {
            continue;
        }
        let group = child(&advanced, "fieldset", "numbers")?;
        group.set_attribute("data-testid", "options-group")?;
        text_child(&group, "legend", "", title)?;
        text_child(&group, "p", "note", what)?;
        for key in keys {
            let Some((_, label, unit)) = TUNABLE_NUMBERS.iter().find(|(k, _, _)| *k == key) else {
                continue;
            };
            let f = field(&group, label, unit)?;
            input(
                &f,
                key,
                &values[key].as_u64().unwrap_or(0).to_string(),
                "number",
            )?;
        }
    }

    let lists = child(&advanced, "fieldset", "")?;
    text_child(&lists, "legend", "", o::LISTS)?;
    let phrases = field(&lists, o::PHRASES, "")?;
    textarea(
        &phrases,
        "content_free_phrases",
        &s.content_free_phrases.join("\n"),
        6,
    )?;
    let tags = field(&lists, o::BAD_FIT_TAGS, "")?;
    textarea(&tags, "bad_fit_tags", &s.bad_fit_tags.join("\n"), 4)?;
    // The rep's own phrases for what a reply means, beside the built-in lists.
    for (key, label) in o::HEARD {
        let f = field(&lists, label, "")?;
        let lines: Vec<&str> = values[key]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        textarea(&f, key, &lines.join("\n"), 3)?;
    }

    let actions = child(&form, "div", "actions")?;
    for (action, label) in [("save", o::SAVE), ("defaults", o::DEFAULTS)] {
        let b = text_child(
            &actions,
            "button",
            if action == "save" { "copy" } else { "chip" },
            label,
        )?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-action", action)?;
        b.set_attribute("data-testid", &format!("options-{action}"))?;
    }
    let status = child(&actions, "span", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "options-status")?;

    let backup = child(root, "section", "backup")?;
    text_child(&backup, "h2", "", o::YOUR_DATA)?;
    text_child(&backup, "p", "", o::YOUR_DATA_NOTE)?;
    let row = child(&backup, "div", "actions")?;
    let export = text_child(&row, "button", "chip", o::EXPORT)?;
    export.set_attribute("type", "button")?;
    export.set_attribute("data-action", "export")?;
    export.set_attribute("data-testid", "options-export")?;
    let label = text_child(&row, "label", "chip", o::IMPORT)?;
    let file = child(&label, "input", "")?;
    file.set_attribute("type", "file")?;
    file.set_attribute("accept", "application/json,.json")?;
    file.set_attribute("data-action", "import")?;
    file.set_attribute("data-testid", "options-import")?;
    file.set_attribute("hidden", "")?;
    let delete = text_child(&row, "button", "chip danger", o::DELETE_ALL)?;
    delete.set_attribute("type", "button")?;
    delete.set_attribute("data-action", "delete-all")?;
    delete.set_attribute("data-testid", "options-delete-all")?;
    delete.set_attribute("data-confirm", o::DELETE_ALL_CONFIRM)?;
    delete.set_attribute("data-done", o::DELETED_ALL)?;
    if can_undo {
        let undo = text_child(&row, "button", "chip", crate::view::copy::backup::UNDO)?;
        undo.set_attribute("type", "button")?;
        undo.set_attribute("data-action", "undo")?;
        undo.set_attribute("data-testid", "options-undo")?;
    }
    let status = child(&backup, "div", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "backup-status")?;

    reminders(root, reminders_on)?;

    let privacy = child(root, "section", "privacy-statement")?;
    text_child(&privacy, "h2", "", o::PRIVACY)?;
    for line in o::PRIVACY_LINES {
        text_child(&privacy, "p", "", line)?;
    }
    Ok(())
}

/// The reminders section: what they are, the permission they need and why, on or off.
fn reminders(root: &Element, on: bool) -> Result<(), JsValue> {
    use crate::view::copy::reminders as r;
    let section = child(root, "section", "reminders")?;
    text_child(&section, "h2", "", r::SECTION)?;
    text_child(&section, "p", "", r::WHY)?;
    let row = child(&section, "div", "actions")?;
    let (action, label) = if on {
        ("reminders-off", r::TURN_OFF)
    } else {
        ("reminders-on", r::TURN_ON)
    };
    let b = text_child(&row, "button", "chip", label)?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-action", action)?;
    b.set_attribute("data-testid", &format!("options-{action}"))?;
    b.set_attribute("data-refused", r::REFUSED)?;
    let status = text_child(&section, "p", "status", if on { r::ON } else { r::OFF })?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "reminders-status")?;
    Ok(())
}
