//! The Today queue, rendered: in the popup (the first rows, away from a deal) and on its own
//! page (every row, with filters). Remembered page text and note text become text nodes only;
//! a deal's link is set only from an address `view::today` checked is a CRM record page.

use super::dom::{child, clear, text_child};
use crate::view::action::Action;
use crate::view::copy::today as words;
use crate::view::{serde_name, TodaySection, TodayView};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// How much of the queue to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size<'a> {
    /// The popup: the first `n` rows of each section, and a link to the full page.
    Compact(usize),
    /// The page, with the filters set to (CRM, owner).
    Full(Option<&'a str>, Option<&'a str>),
}

pub fn render(root: &Element, v: &TodayView, size: Size) -> Result<(), JsValue> {
    clear(root);
    let wrap = child(root, "section", "today")?;
    wrap.set_attribute("data-testid", "today")?;
    let h = text_child(&wrap, "h1", "", words::TITLE)?;
    h.set_attribute("class", "today-title")?;
    let headline = text_child(&wrap, "p", "headline", &v.headline)?;
    headline.set_attribute("data-testid", "today-headline")?;
    if let Size::Full(crm, owner) = size {
        filters(&wrap, v, [crm, owner])?;
        text_child(&wrap, "p", "keys", words::KEYS)?;
    }
    for p in &v.problems {
        let el = text_child(&wrap, "p", "problem", p)?;
        el.set_attribute("role", "alert")?;
    }
    if let Some(empty) = v.empty {
        let el = text_child(&wrap, "p", "hint", empty)?;
        el.set_attribute("data-testid", "today-empty")?;
    }
    for section in TodaySection::ALL {
        let rows: Vec<_> = v.rows.iter().filter(|r| r.section == section).collect();
        if rows.is_empty() {
            continue;
        }
        let h = text_child(&wrap, "h2", "section", words::section(section))?;
        h.set_attribute("data-testid", "today-section")?;
        h.set_attribute("data-section", &serde_name(&section))?;
        let list = child(&wrap, "ol", "rows")?;
        let shown = match size {
            Size::Compact(n) => n,
            Size::Full(..) => usize::MAX,
        };
        for r in rows.iter().take(shown) {
            let (li, body) = super::sections::scored_row(
                &list,
                "row today-row",
                "today-row",
                &r.key,
                r.score,
                r.band,
            )?;
            li.set_attribute("tabindex", "0")?;
            let name = match &r.url {
                Some(url) => {
                    let a = text_child(&body, "a", "row-name", &r.name)?;
                    a.set_attribute("href", url)?;
                    a.set_attribute("target", "_blank")?;
                    a.set_attribute("rel", "noopener noreferrer")?;
                    a.set_attribute("title", words::OPEN)?;
                    a
                }
                None => text_child(&body, "div", "row-name", &r.name)?,
            };
            name.set_attribute("data-testid", "today-name")?;
            if let Some(reason) = &r.top_reason {
                let el = text_child(&body, "div", "row-reason", reason)?;
                el.set_attribute("data-testid", "today-reason")?;
            }
            if let Some(preview) = &r.preview {
                let el = text_child(&body, "div", "row-preview", preview)?;
                el.set_attribute("data-testid", "today-preview")?;
            }
            let meta = [Some(r.crm), r.owner.as_deref(), Some(r.as_of.as_str())]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            text_child(&body, "div", "row-remembered", &meta)?;
            if let Some(message) = &r.message {
                let actions = child(&body, "div", "row-actions")?;
                let copy = text_child(&actions, "button", "chip", words::COPY)?;
                copy.set_attribute("type", "button")?;
                super::dom::action(&copy, Action::TodayCopy)?;
                copy.set_attribute("data-testid", "today-copy")?;
                copy.set_attribute("data-copied", words::COPIED)?;
                // The words Copy puts on the clipboard, kept as a text node.
                let text = text_child(&actions, "pre", "today-message", message)?;
                text.set_attribute("hidden", "")?;
                text.set_attribute("data-testid", "today-message")?;
            }
        }
    }
    if let Size::Compact(_) = size {
        let more = text_child(&wrap, "a", "full-view", words::FULL_VIEW)?;
        more.set_attribute("href", "today.html")?;
        more.set_attribute("target", "_blank")?;
        more.set_attribute("data-testid", "today-full")?;
    }
    text_child(&wrap, "p", "privacy", words::PRIVACY)?;
    Ok(())
}

/// The full page's filters: one select per CRM and owner, "every" first, `selected` chosen.
fn filters(parent: &Element, v: &TodayView, selected: [Option<&str>; 2]) -> Result<(), JsValue> {
    let bar = child(parent, "div", "filters")?;
    for ((name, all, values), chosen) in [
        (
            "crm",
            words::ALL_CRMS,
            v.crms.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ),
        ("owner", words::ALL_OWNERS, v.owners.clone()),
    ]
    .into_iter()
    .zip(selected)
    {
        let select = child(&bar, "select", "")?;
        select.set_attribute("name", name)?;
        select.set_attribute("aria-label", all)?;
        select.set_attribute("data-testid", &format!("today-filter-{name}"))?;
        let opt = text_child(&select, "option", "", all)?;
        opt.set_attribute("value", "")?;
        for value in values {
            let opt = text_child(&select, "option", "", &value)?;
            opt.set_attribute("value", &value)?;
            if chosen == Some(value.as_str()) {
                opt.set_attribute("selected", "")?;
            }
        }
    }
    Ok(())
}
