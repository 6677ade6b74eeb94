//! The overlay: a badge with the stall-risk number, expanding to a card.

use super::dom::{child, clear, text_child};
use super::sections;
use crate::core::date::Day;
use crate::core::message::Choice;
use crate::view::action::Action;
use crate::view::copy;
use crate::view::{serde_name, BadgeView, DealView, ListView};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// What the badge and the card's header show; the rest of the card differs per page kind.
struct Frame<'a> {
    badge: &'a BadgeView,
    headline: &'a str,
    subtitle: Option<&'a str>,
    /// Why the last action was refused (the page hid, moved or covered the overlay).
    refused: Option<&'a str>,
}

/// Builds the badge and the card with its header; returns the card to fill. The card is always
/// built so its content can be read; collapsed, it is hidden.
fn badge_and_card(root: &Element, f: &Frame, expanded: bool) -> Result<Element, JsValue> {
    clear(root);
    let sw = child(root, "div", "sw")?;
    sw.set_attribute("data-state", &f.badge.state)?;
    if let Some(b) = &f.badge.band {
        sw.set_attribute("data-band", b)?;
    }
    let badge = child(&sw, "button", "badge")?;
    badge.set_attribute("type", "button")?;
    super::dom::action(&badge, Action::Toggle)?;
    badge.set_attribute("data-testid", "stall-badge")?;
    badge.set_attribute("aria-expanded", if expanded { "true" } else { "false" })?;
    badge.set_attribute(
        "title",
        &format!("{}{}", copy::BADGE_TITLE_PREFIX, f.headline),
    )?;
    if let Some(why) = f.refused {
        badge.set_attribute("data-refused", "")?;
        badge.set_attribute("title", why)?;
    }
    text_child(
        &badge,
        "span",
        "brand",
        f.refused.map_or(f.badge.brand, |_| copy::BADGE_REFUSED),
    )?;
    let number = text_child(&badge, "span", "score", &f.badge.number)?;
    let testid = if f.badge.kind == "list" {
        "stall-count"
    } else {
        "stall-score"
    };
    number.set_attribute("data-testid", testid)?;

    let card = child(&sw, "section", "card")?;
    card.set_attribute("data-testid", "stall-card")?;
    if !expanded {
        card.set_attribute("hidden", "")?;
    }
    let head = child(&card, "header", "")?;
    let headline = text_child(&head, "div", "headline", f.headline)?;
    headline.set_attribute("data-testid", "stall-headline")?;
    if let Some(sub) = f.subtitle {
        text_child(&head, "div", "deal", sub)?;
    }
    if let Some(why) = f.refused {
        let p = text_child(&card, "p", "problem", why)?;
        p.set_attribute("role", "alert")?;
        p.set_attribute("data-testid", "overlay-refused")?;
    }
    let close = text_child(&head, "button", "close", "×")?;
    close.set_attribute("type", "button")?;
    super::dom::action(&close, Action::Toggle)?;
    close.set_attribute("aria-label", copy::COLLAPSE)?;
    Ok(card)
}

/// What the rep picked on the card: the draft, the reason whose correction choices are open,
/// and why the last action was refused.
pub struct Picked<'a> {
    pub choice: Choice,
    pub correcting: Option<&'a str>,
    pub refused: Option<&'a str>,
}

/// The overlay on a deal page: the stall-risk badge, expanding to reasons and the message.
pub fn render(
    root: &Element,
    badge: &BadgeView,
    v: &DealView,
    expanded: bool,
    picked: &Picked,
    today: Day,
) -> Result<(), JsValue> {
    let frame = Frame {
        badge,
        headline: &v.headline,
        subtitle: v.deal_name.as_deref(),
        refused: picked.refused,
    };
    let card = badge_and_card(root, &frame, expanded)?;
    sections::problems(&card, &v.problems)?;
    sections::since_looked(&card, v)?;
    sections::reasons(&card, v, picked.correcting, today)?;
    sections::suggestion(&card, v, picked.choice)?;
    sections::read_fields(&card, v, false)?;
    if let Some(parsed) = &v.parsed {
        // What was understood, machine-readable, for tests and for a rep helping support.
        let el = child(&card, "div", "")?;
        el.set_attribute("hidden", "")?;
        el.set_attribute("data-testid", "read-parsed")?;
        el.set_attribute(
            "data-json",
            &serde_json::to_string(parsed).unwrap_or_default(),
        )?;
        // Which plan selector found each field: a broken first choice hidden by a fallback shows.
        let sources: serde_json::Map<String, serde_json::Value> = v
            .read
            .iter()
            .filter_map(|f| Some((f.field.to_string(), f.source?.into())))
            .collect();
        el.set_attribute(
            "data-sources",
            &serde_json::Value::Object(sources).to_string(),
        )?;
    }
    sections::structure_action(&card)?;
    text_child(&card, "p", "privacy", copy::DEAL_PRIVACY)?;
    Ok(())
}

/// The triage panel on list and board pages: a badge with how many deals are stalling,
/// expanding to the visible deals, riskiest first. It never touches the CRM's own rows.
pub fn render_list(
    root: &Element,
    badge: &BadgeView,
    v: &ListView,
    expanded: bool,
    refused: Option<&str>,
) -> Result<(), JsValue> {
    let frame = Frame {
        badge,
        headline: &v.headline,
        subtitle: Some(copy::LIST_SUBTITLE),
        refused,
    };
    let card = badge_and_card(root, &frame, expanded)?;
    sections::problems(&card, &v.problems)?;
    let mut list = None;
    let mut section = None;
    for r in &v.rows {
        // One heading and list per section of the day's queue, in order.
        if section != Some(r.section) {
            section = Some(r.section);
            let h = text_child(&card, "h2", "section", copy::section(r.section))?;
            h.set_attribute("data-testid", "list-section")?;
            h.set_attribute("data-section", &serde_name(&r.section))?;
            list = Some(child(&card, "ol", "rows")?);
        }
        let Some(list) = &list else { continue };
        let (li, body) = sections::scored_row(list, "row", "list-row", &r.key, r.score, r.band)?;
        li.set_attribute(
            "data-json",
            &serde_json::to_string(&r.parsed).unwrap_or_default(),
        )?;
        let name = text_child(&body, "div", "row-name", &r.name)?;
        name.set_attribute("data-testid", "list-name")?;
        if let Some(stage) = &r.stage {
            text_child(&body, "div", "row-stage", stage)?;
        }
        if let Some(reason) = &r.top_reason {
            let el = text_child(&body, "div", "row-reason", reason)?;
            el.set_attribute("data-testid", "list-reason")?;
        }
        if let Some(as_of) = &r.remembered {
            // Scored with the timeline its record page showed then (the list shows none).
            let el = text_child(&body, "div", "row-remembered", as_of)?;
            el.set_attribute("data-testid", "list-remembered")?;
        }
    }
    sections::structure_action(&card)?;
    text_child(&card, "p", "privacy", copy::LIST_FOOTER)?;
    Ok(())
}
