//! The popup: the deal's score, the quick-notes form, and the suggestion.

use super::dom::{child, clear, text_child};
use super::overlay::serde_name;
use super::sections;
use crate::core::message::Choice;
use crate::core::model::Channel;
use crate::core::view::DealView;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The deal summary, suggestion and reasons: re-rendered on every change.
pub fn render_result(root: &Element, v: &DealView, choice: Choice) -> Result<(), JsValue> {
    clear(root);
    if v.deal_key.is_none() {
        return Ok(());
    }
    let head = child(root, "header", "summary")?;
    head.set_attribute(
        "data-band",
        &v.band.map(|b| serde_name(&b)).unwrap_or_default(),
    )?;
    let score = text_child(&head, "span", "score", &v.score)?;
    score.set_attribute("data-testid", "stall-score")?;
    let titles = child(&head, "div", "")?;
    text_child(&titles, "div", "headline", &v.headline)?;
    text_child(
        &titles,
        "div",
        "deal",
        v.deal_name.as_deref().unwrap_or("Unnamed deal"),
    )?;
    sections::problems(root, &v.problems)?;
    sections::suggestion(root, v, choice)?;
    sections::reasons(root, v)?;
    Ok(())
}

/// The notes form, rendered once per deal so typing is never interrupted.
pub fn render_form(root: &Element, v: &DealView) -> Result<(), JsValue> {
    clear(root);
    let Some(key) = &v.deal_key else {
        text_child(
            root,
            "p",
            "empty",
            "Open a Salesforce opportunity or a HubSpot deal to see its stall risk and take notes.",
        )?;
        return Ok(());
    };
    let form = child(root, "form", "notes")?;
    form.set_attribute("data-deal-key", key)?;
    form.set_attribute("autocomplete", "off")?;
    let n = &v.notes;
    let reason = labelled(&form, "Why do they want it? (their reason, in their words)")?;
    let ta = child(&reason, "textarea", "")?;
    ta.set_attribute("name", "reason")?;
    ta.set_attribute("rows", "2")?;
    ta.set_attribute("maxlength", "500")?;
    ta.set_attribute("data-testid", "note-reason")?;
    ta.set_attribute(
        "placeholder",
        "e.g. have dispatch live before the spring peak",
    )?;
    if let Some(area) = ta.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(n.reason.as_deref().unwrap_or(""));
    }

    let row = child(&form, "div", "row")?;
    input(
        &labelled(&row, "Their deadline")?,
        "date",
        "deadline",
        n.deadline.map(|d| d.iso()),
    )?;
    let pref = labelled(&row, "Preferred channel")?;
    let select = child(&pref, "select", "")?;
    select.set_attribute("name", "preferred_channel")?;
    select.set_attribute("data-testid", "note-channel")?;
    for (value, label) in [
        ("", "No preference"),
        ("email", "Email"),
        ("text", "Text"),
        ("call", "Call"),
    ] {
        let o = text_child(&select, "option", "", label)?;
        o.set_attribute("value", value)?;
        if n.preferred_channel.map(Channel::as_str).unwrap_or("") == value {
            o.set_attribute("selected", "")?;
        }
    }

    let avoid = child(&form, "fieldset", "avoid")?;
    text_child(&avoid, "legend", "", "They asked me not to use")?;
    for c in [Channel::Email, Channel::Text, Channel::Call] {
        let l = child(&avoid, "label", "check")?;
        let i = child(&l, "input", "")?;
        i.set_attribute("type", "checkbox")?;
        i.set_attribute("name", "avoid_channels")?;
        i.set_attribute("value", c.as_str())?;
        if n.avoid_channels.contains(&c) {
            i.set_attribute("checked", "")?;
        }
        super::dom::text(&l, c.as_str())?;
    }

    input(
        &labelled(&form, "Who else must approve?")?,
        "text",
        "approver",
        n.approver.clone(),
    )?;
    let snooze = child(&form, "div", "row")?;
    input(
        &labelled(&snooze, "Snooze until")?,
        "date",
        "snooze_until",
        n.snooze_until.map(|d| d.iso()),
    )?;
    input(
        &labelled(&snooze, "Because")?,
        "text",
        "snooze_reason",
        n.snooze_reason.clone(),
    )?;
    let status = child(&form, "p", "status")?;
    status.set_attribute("data-testid", "save-status")?;
    status.set_attribute("role", "status")?;
    text_child(
        root,
        "p",
        "privacy",
        "Notes stay in this browser. Stallwatch writes nothing into the CRM and sends nothing anywhere.",
    )?;
    Ok(())
}

fn labelled(parent: &Element, label: &str) -> Result<Element, JsValue> {
    let l = child(parent, "label", "field")?;
    text_child(&l, "span", "label", label)?;
    Ok(l)
}

fn input(parent: &Element, kind: &str, name: &str, value: Option<String>) -> Result<(), JsValue> {
    let i = child(parent, "input", "")?;
    i.set_attribute("type", kind)?;
    i.set_attribute("name", name)?;
    i.set_attribute("data-testid", &format!("note-{}", name.replace('_', "-")))?;
    if kind == "text" {
        i.set_attribute("maxlength", "500")?;
    }
    if let Some(input) = i.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value.as_deref().unwrap_or(""));
    }
    Ok(())
}
