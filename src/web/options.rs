//! The options page: first the few settings a rep changes (name, signature, when silence starts
//! to count, their stages, dates and language), then every threshold under Advanced, grouped by
//! signal; the phrase and tag lists, backup and restore, reminders, and the privacy statement.
//! It renders `view::options::OptionsView`, one function per fieldset or section, and decides
//! nothing: every value, choice and note is in the view, the fixed wording in `copy::options`.

use super::dom::{child, clear, text_child};
use crate::view::action::Action;
use crate::view::copy::options as o;
use crate::view::options::{Choice, ListField, NumberField, OptionsView, RemindersView};
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

/// Renders the options page `v` into `root`.
pub fn render(root: &Element, v: &OptionsView) -> Result<(), JsValue> {
    clear(root);
    text_child(root, "h1", "", o::TITLE)?;
    for p in &v.problems {
        let el = text_child(root, "p", "problem", p)?;
        el.set_attribute("role", "alert")?;
    }
    let form = child(root, "form", "options")?;
    form.set_attribute("autocomplete", "off")?;
    you(&form, v)?;
    first_numbers(&form, &v.first)?;
    stages(&form, v)?;
    dates(&form, v)?;
    advanced(&form, v)?;
    form_actions(&form)?;
    proposals(root, v)?;
    backup(root, v.can_undo)?;
    reminders(root, &v.reminders)?;
    privacy(root)
}

/// A number's field: its label, the input and its unit.
fn number(parent: &Element, n: &NumberField) -> Result<(), JsValue> {
    let f = field(parent, n.label, n.unit)?;
    input(&f, n.key, &n.value.to_string(), "number")
}

/// A list's field: its label and a textarea, one item per line.
fn list(parent: &Element, l: &ListField) -> Result<(), JsValue> {
    let f = field(parent, l.label, "")?;
    textarea(&f, l.key, &l.text, l.rows)
}

/// A select named `name` with its choices, the stored one selected.
fn select(parent: &Element, name: &str, testid: &str, choices: &[Choice]) -> Result<(), JsValue> {
    let select = child(parent, "select", "")?;
    select.set_attribute("name", name)?;
    select.set_attribute("data-testid", testid)?;
    for c in choices {
        let opt = text_child(&select, "option", "", c.label)?;
        opt.set_attribute("value", c.value)?;
        if c.selected {
            opt.set_attribute("selected", "")?;
        }
    }
    Ok(())
}

/// "You": the rep's name and signature line.
fn you(form: &Element, v: &OptionsView) -> Result<(), JsValue> {
    let you = child(form, "fieldset", "")?;
    text_child(&you, "legend", "", o::YOU)?;
    let name = field(&you, o::REP_NAME, "")?;
    input(&name, "rep_name", &v.rep_name, "text")?;
    let sig = field(&you, o::SIGNATURE, "")?;
    input(&sig, "signature", &v.signature, "text")
}

/// The few numbers a rep changes, each with what it means on their own calendar.
fn first_numbers(form: &Element, numbers: &[NumberField]) -> Result<(), JsValue> {
    let first = child(form, "fieldset", "numbers first")?;
    text_child(&first, "legend", "", o::FIRST)?;
    for n in numbers {
        number(&first, n)?;
        if let Some(example) = &n.example {
            let p = text_child(&first, "p", "example", example)?;
            p.set_attribute("data-testid", &format!("example-{}", n.key))?;
            p.set_attribute("data-example-for", n.key)?;
        }
    }
    Ok(())
}

/// Their stages: the norms, with the stages seen on their pages that have none.
fn stages(form: &Element, v: &OptionsView) -> Result<(), JsValue> {
    let stages = child(form, "fieldset", "")?;
    text_child(&stages, "legend", "", o::YOUR_STAGES)?;
    text_child(&stages, "p", "note", o::YOUR_STAGES_NOTE)?;
    let f = field(&stages, o::STAGE_NORMS, "")?;
    textarea(&f, "stage_norms", &v.stage_norms, 6)?;
    if let Some(note) = &v.stages_without_norm {
        let p = text_child(&stages, "p", "note", note)?;
        p.set_attribute("data-testid", "stages-seen")?;
    }
    Ok(())
}

/// Dates and language: the two selects.
fn dates(form: &Element, v: &OptionsView) -> Result<(), JsValue> {
    let dates = child(form, "fieldset", "")?;
    text_child(&dates, "legend", "", o::DATES)?;
    let order = field(&dates, o::DATE_ORDER, "")?;
    select(&order, "date_order", "options-date-order", &v.date_order)?;
    let language = field(&dates, o::MESSAGE_LANGUAGE, "")?;
    select(
        &language,
        "message_language",
        "options-message-language",
        &v.message_language,
    )
}

/// Everything else, by signal, folded away; then the lists.
fn advanced(form: &Element, v: &OptionsView) -> Result<(), JsValue> {
    let advanced = child(form, "details", "advanced")?;
    advanced.set_attribute("data-testid", "options-advanced")?;
    text_child(&advanced, "summary", "", o::ADVANCED)?;
    for g in &v.groups {
        let group = child(&advanced, "fieldset", "numbers")?;
        group.set_attribute("data-testid", "options-group")?;
        text_child(&group, "legend", "", g.title)?;
        text_child(&group, "p", "note", g.what)?;
        for n in &g.numbers {
            number(&group, n)?;
        }
    }
    let lists = child(&advanced, "fieldset", "")?;
    text_child(&lists, "legend", "", o::LISTS)?;
    for l in &v.lists {
        list(&lists, l)?;
    }
    Ok(())
}

/// Save and Restore the defaults, with the form's status.
fn form_actions(form: &Element) -> Result<(), JsValue> {
    let actions = child(form, "div", "actions")?;
    for (action, class, label) in [
        (Action::Save, "copy", o::SAVE),
        (Action::Defaults, "chip", o::DEFAULTS),
    ] {
        let b = text_child(&actions, "button", class, label)?;
        b.set_attribute("type", "button")?;
        super::dom::action(&b, action)?;
        b.set_attribute("data-testid", &format!("options-{}", action.name()))?;
    }
    let status = child(&actions, "span", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "options-status")?;
    Ok(())
}

/// Your data: export, import, delete everything, and undo the last restore when it can be.
fn backup(root: &Element, can_undo: bool) -> Result<(), JsValue> {
    let backup = child(root, "section", "backup")?;
    text_child(&backup, "h2", "", o::YOUR_DATA)?;
    text_child(&backup, "p", "", o::YOUR_DATA_NOTE)?;
    let row = child(&backup, "div", "actions")?;
    let export = text_child(&row, "button", "chip", o::EXPORT)?;
    export.set_attribute("type", "button")?;
    super::dom::action(&export, Action::Export)?;
    export.set_attribute("data-testid", "options-export")?;
    let label = text_child(&row, "label", "chip", o::IMPORT)?;
    let file = child(&label, "input", "")?;
    file.set_attribute("type", "file")?;
    file.set_attribute("accept", "application/json,.json")?;
    super::dom::action(&file, Action::Import)?;
    file.set_attribute("data-testid", "options-import")?;
    file.set_attribute("hidden", "")?;
    let delete = text_child(&row, "button", "chip danger", o::DELETE_ALL)?;
    delete.set_attribute("type", "button")?;
    super::dom::action(&delete, Action::DeleteAll)?;
    delete.set_attribute("data-testid", "options-delete-all")?;
    delete.set_attribute("data-confirm", o::DELETE_ALL_CONFIRM)?;
    delete.set_attribute("data-done", o::DELETED_ALL)?;
    if can_undo {
        let undo = text_child(&row, "button", "chip", crate::view::copy::backup::UNDO)?;
        undo.set_attribute("type", "button")?;
        super::dom::action(&undo, Action::Undo)?;
        undo.set_attribute("data-testid", "options-undo")?;
    }
    let status = child(&backup, "div", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "backup-status")?;
    Ok(())
}

/// The proposals from the rep's corrections, each with its evidence, Accept and Ignore.
fn proposals(root: &Element, v: &OptionsView) -> Result<(), JsValue> {
    use crate::view::copy::proposals as p;
    if v.proposals.is_empty() {
        return Ok(());
    }
    let section = child(root, "section", "proposals")?;
    section.set_attribute("data-testid", "proposals")?;
    text_child(&section, "h2", "", p::SECTION)?;
    text_child(&section, "p", "", p::WHY)?;
    for proposal in &v.proposals {
        let item = child(&section, "div", "proposal")?;
        item.set_attribute("data-testid", "proposal")?;
        item.set_attribute("data-id", &proposal.id)?;
        text_child(&item, "p", "evidence", &proposal.evidence)?;
        let q = text_child(&item, "p", "question", &proposal.question)?;
        q.set_attribute("data-testid", "proposal-question")?;
        let row = child(&item, "div", "actions")?;
        for (label, action, testid) in [
            (p::ACCEPT, Action::AcceptProposal, "proposal-accept"),
            (p::IGNORE, Action::IgnoreProposal, "proposal-ignore"),
        ] {
            let b = text_child(&row, "button", "chip", label)?;
            b.set_attribute("type", "button")?;
            super::dom::action(&b, action)?;
            b.set_attribute("data-id", &proposal.id)?;
            b.set_attribute("data-testid", testid)?;
            b.set_attribute("aria-label", &format!("{label}: {}", proposal.question))?;
        }
    }
    let status = child(&section, "div", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "proposals-status")?;
    Ok(())
}

/// The reminders section: what they are, the permission they need and why, on or off.
fn reminders(root: &Element, v: &RemindersView) -> Result<(), JsValue> {
    use crate::view::copy::reminders as r;
    let section = child(root, "section", "reminders")?;
    text_child(&section, "h2", "", r::SECTION)?;
    text_child(&section, "p", "", r::WHY)?;
    let row = child(&section, "div", "actions")?;
    let b = text_child(&row, "button", "chip", v.label)?;
    b.set_attribute("type", "button")?;
    super::dom::action(&b, v.action)?;
    b.set_attribute("data-testid", &format!("options-{}", v.action.name()))?;
    b.set_attribute("data-refused", r::REFUSED)?;
    let status = text_child(&section, "p", "status", v.status)?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "reminders-status")?;
    Ok(())
}

/// The privacy statement.
fn privacy(root: &Element) -> Result<(), JsValue> {
    let privacy = child(root, "section", "privacy-statement")?;
    text_child(&privacy, "h2", "", o::PRIVACY)?;
    for line in o::PRIVACY_LINES {
        text_child(&privacy, "p", "", line)?;
    }
    Ok(())
}
