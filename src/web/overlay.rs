//! The overlay: a badge with the stall-risk number, expanding to a card.

use super::dom::{child, clear, text_child};
use super::sections;
use crate::core::message::Choice;
use crate::core::view::DealView;
use wasm_bindgen::JsValue;
use web_sys::Element;

pub fn render(root: &Element, v: &DealView, expanded: bool, choice: Choice) -> Result<(), JsValue> {
    clear(root);
    let sw = child(root, "div", "sw")?;
    sw.set_attribute("data-state", &serde_name(&v.state))?;
    if let Some(b) = v.band {
        sw.set_attribute("data-band", &serde_name(&b))?;
    }
    let badge = child(&sw, "button", "badge")?;
    badge.set_attribute("type", "button")?;
    badge.set_attribute("data-action", "toggle")?;
    badge.set_attribute("data-testid", "stall-badge")?;
    badge.set_attribute("aria-expanded", if expanded { "true" } else { "false" })?;
    badge.set_attribute("title", &format!("Stallwatch: {}", v.headline))?;
    text_child(&badge, "span", "brand", "Stall risk")?;
    let score = text_child(&badge, "span", "score", &v.score)?;
    score.set_attribute("data-testid", "stall-score")?;

    // The card is always built so its content can be read; collapsed, it is hidden.
    let card = child(&sw, "section", "card")?;
    card.set_attribute("data-testid", "stall-card")?;
    if !expanded {
        card.set_attribute("hidden", "")?;
    }
    let head = child(&card, "header", "")?;
    let headline = text_child(&head, "div", "headline", &v.headline)?;
    headline.set_attribute("data-testid", "stall-headline")?;
    if let Some(name) = &v.deal_name {
        text_child(&head, "div", "deal", name)?;
    }
    let close = text_child(&head, "button", "close", "×")?;
    close.set_attribute("type", "button")?;
    close.set_attribute("data-action", "toggle")?;
    close.set_attribute("aria-label", "Collapse")?;
    sections::problems(&card, v)?;
    sections::reasons(&card, v)?;
    sections::suggestion(&card, v, choice)?;
    sections::read_fields(&card, v, false)?;
    text_child(
        &card,
        "p",
        "privacy",
        "Read-only: Stallwatch changes nothing in the CRM and sends nothing anywhere.",
    )?;
    Ok(())
}

/// The serde name of an enum value (`high`, `act`), for data attributes and CSS.
pub fn serde_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|x| x.as_str().map(str::to_string))
        .unwrap_or_default()
}
