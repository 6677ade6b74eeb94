//! The parts the overlay and the popup share: reasons, suggestion, "what I read".

use super::dom::{child, text_child};
use crate::core::correction::Said;
use crate::core::date::Day;
use crate::core::lang::Lang;
use crate::core::message::{Choice, Suggestion, TONES};
use crate::core::risk::Reason;
use crate::view::action::Action;
use crate::view::copy;
use crate::view::serde_name;
use crate::view::{field_label, DealView};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The reasons, each with "not right here" (`correcting`: the code whose choices are open),
/// then the ones the rep corrected. `today` bounds a reply date's calendar.
pub fn reasons(
    parent: &Element,
    v: &DealView,
    correcting: Option<&str>,
    today: Day,
) -> Result<(), JsValue> {
    if let Some(note) = &v.confidence_note {
        let p = text_child(parent, "p", "missing", note)?;
        p.set_attribute("data-testid", "confidence")?;
    }
    if let Some(note) = v.no_reasons_note {
        text_child(parent, "p", "quiet", note)?;
    }
    // What the buyer's side said that changes what to do (an auto-reply, a date to come back).
    if !v.notices.is_empty() {
        text_child(parent, "h2", "", copy::HEARD)?;
        let list = child(parent, "ul", "notices")?;
        for n in &v.notices {
            let li = text_child(&list, "li", "notice", &n.fact)?;
            li.set_attribute("data-testid", "notice")?;
            li.set_attribute("data-code", n.code.as_str())?;
        }
    }
    if v.reasons.is_empty() && v.corrected.is_empty() {
        return Ok(());
    }
    text_child(parent, "h2", "", copy::WHY)?;
    let list = child(parent, "ol", "reasons")?;
    for (i, r) in v.reasons.iter().enumerate() {
        let li = child(&list, "li", "reason")?;
        li.set_attribute("data-testid", "stall-reason")?;
        li.set_attribute("data-code", r.code.as_str())?;
        text_child(&li, "span", "points", &format!("+{}", r.points))?;
        text_child(&li, "span", "fact", &r.fact)?;
        // One row under the fact: what it used, and "not right here".
        let tools = child(&li, "div", "tools")?;
        if let Some(lines) = v.used.get(i).filter(|l| !l.is_empty()) {
            // What it was computed from, as read: open it to check any number on the page.
            let details = child(&tools, "details", "used")?;
            details.set_attribute("data-testid", "reason-used")?;
            text_child(&details, "summary", "", copy::correction::USED)?;
            let ul = child(&details, "ul", "")?;
            for line in lines {
                text_child(&ul, "li", "", line)?;
            }
        }
        if v.deal_key.is_some() {
            correct_control(&li, &tools, r, correcting == Some(r.code.as_str()), today)?;
        }
    }
    // The reasons the rep corrected: struck through, with what they said and an undo.
    for c in &v.corrected {
        let li = child(&list, "li", "reason corrected")?;
        li.set_attribute("data-testid", "corrected-reason")?;
        li.set_attribute("data-code", c.code.as_str())?;
        if c.overtaken {
            li.set_attribute("data-overtaken", "")?;
        }
        match &c.was {
            Some(was) => {
                let s = child(&li, "s", "fact")?;
                text_child(&s, "span", "points", &format!("+{}", was.points))?;
                text_child(&s, "span", "", &was.fact)?;
            }
            None => {
                text_child(&li, "span", "fact", c.code.label())?;
            }
        }
        let said = text_child(&li, "span", "you-said", &c.said)?;
        said.set_attribute("data-testid", "you-said")?;
        let undo = text_child(&li, "button", "link", copy::correction::UNDO)?;
        undo.set_attribute("type", "button")?;
        super::dom::action(&undo, Action::Uncorrect)?;
        undo.set_attribute("data-code", c.code.as_str())?;
        undo.set_attribute("data-testid", "undo-correction")?;
        undo.set_attribute(
            "aria-label",
            &format!("{}: {}", copy::correction::UNDO, c.said),
        )?;
    }
    Ok(())
}

/// "Not right here" on a reason (in its `tools` row) and, when the rep opened it (`open`), the
/// choices that fit it, under the row.
fn correct_control(
    li: &Element,
    tools: &Element,
    r: &Reason,
    open: bool,
    today: Day,
) -> Result<(), JsValue> {
    let code = r.code.as_str();
    let b = text_child(
        tools,
        "button",
        "link not-right",
        copy::correction::NOT_RIGHT,
    )?;
    b.set_attribute("type", "button")?;
    super::dom::action(
        &b,
        if open {
            Action::CorrectCancel
        } else {
            Action::Correct
        },
    )?;
    b.set_attribute("data-code", code)?;
    b.set_attribute("data-testid", "not-right")?;
    b.set_attribute("aria-expanded", if open { "true" } else { "false" })?;
    b.set_attribute(
        "aria-label",
        &format!("{}{}", copy::correction::NOT_RIGHT_LABEL, r.fact),
    )?;
    if !open {
        return Ok(());
    }
    let group = child(li, "div", "correct")?;
    group.set_attribute("role", "group")?;
    group.set_attribute("aria-label", copy::correction::WHAT_IS_RIGHT)?;
    group.set_attribute("data-testid", "correct-choices")?;
    for (i, said) in Said::for_code(r.code).iter().enumerate() {
        let row = child(&group, "div", "choice")?;
        let button = if said.needs_day() {
            let id = format!("correct-day-{}", said.as_str());
            let label = text_child(&row, "label", "", said.label())?;
            label.set_attribute("for", &id)?;
            let input = child(&row, "input", "")?;
            input.set_attribute("type", "date")?;
            input.set_attribute("id", &id)?;
            input.set_attribute("data-testid", &id)?;
            if *said == Said::Replied {
                // Their reply cannot be later than today.
                input.set_attribute("max", &today.iso())?;
            }
            text_child(&row, "button", "chip", copy::correction::SAVE)?
        } else {
            text_child(&row, "button", "chip", said.label())?
        };
        button.set_attribute("type", "button")?;
        super::dom::action(&button, Action::CorrectAs)?;
        button.set_attribute("data-code", code)?;
        button.set_attribute("data-said", said.as_str())?;
        button.set_attribute("data-testid", &format!("correct-{}", said.as_str()))?;
        if i == 0 {
            // Where the keyboard lands when the choices open.
            button.set_attribute("data-autofocus", "")?;
        }
    }
    let status = child(&group, "p", "correct-status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "correct-status")?;
    Ok(())
}

/// "Since you last looked": what changed on the deal since the rep's previous look.
pub fn since_looked(parent: &Element, v: &DealView) -> Result<(), JsValue> {
    if let Some(line) = &v.since_looked {
        let p = text_child(parent, "p", "since", line)?;
        p.set_attribute("data-testid", "since-looked")?;
    }
    Ok(())
}

pub fn suggestion(parent: &Element, v: &DealView, choice: Choice) -> Result<(), JsValue> {
    let Some(m) = &v.message else {
        return Ok(());
    };
    text_child(parent, "h2", "", copy::SUGGESTED)?;
    let meta = child(parent, "div", "msg-meta")?;
    let kind = text_child(&meta, "span", "kind", m.kind.label())?;
    kind.set_attribute("data-testid", "next-message-kind")?;
    kind.set_attribute("data-kind", &serde_name(&m.kind))?;
    let draft = m.pick(choice);
    let channel = draft.map(|d| d.channel).or(m.channel);
    if let Some(c) = channel {
        let ch = text_child(&meta, "span", "channel", c.as_str())?;
        ch.set_attribute("data-testid", "next-message-channel")?;
    }
    let Some(draft) = draft else {
        // Nothing to send: the advice takes the message's place.
        let advice = m.advice.as_deref().unwrap_or(copy::NOTHING_TO_SEND);
        let el = text_child(parent, "div", "message advice", advice)?;
        el.set_attribute("data-testid", "next-message")?;
        text_child(parent, "p", "why", &m.why)?;
        return Ok(());
    };
    language_switch(parent, m)?;
    let switch = child(parent, "div", "switch")?;
    for c in m.channels() {
        let b = text_child(&switch, "button", "chip", c.as_str())?;
        b.set_attribute("type", "button")?;
        super::dom::action(&b, Action::Channel)?;
        b.set_attribute("data-channel", c.as_str())?;
        b.set_attribute(
            "aria-pressed",
            if c == draft.channel { "true" } else { "false" },
        )?;
    }
    for t in TONES {
        let b = text_child(&switch, "button", "chip tone", t.label())?;
        b.set_attribute("type", "button")?;
        super::dom::action(&b, Action::Tone)?;
        b.set_attribute("data-tone", &serde_name(&t))?;
        b.set_attribute("data-testid", "variant")?;
        b.set_attribute(
            "aria-pressed",
            if t == draft.tone { "true" } else { "false" },
        )?;
    }
    if let Some(subject) = &draft.subject {
        let s = text_child(parent, "div", "subject", copy::SUBJECT)?;
        let subj = text_child(&s, "span", "", subject)?;
        subj.set_attribute("data-testid", "next-message-subject")?;
    }
    let body = text_child(parent, "div", "message", &draft.text)?;
    body.set_attribute("data-testid", "next-message")?;
    if !draft.openers.is_empty() {
        text_child(parent, "div", "openers-title", copy::CALL_OPENERS)?;
        let list = child(parent, "ul", "openers")?;
        list.set_attribute("data-testid", "call-openers")?;
        for q in &draft.openers {
            text_child(&list, "li", "", q)?;
        }
    }
    text_child(parent, "p", "why", &m.why)?;
    let actions = child(parent, "div", "actions")?;
    let copy = text_child(&actions, "button", "copy", copy::COPY)?;
    copy.set_attribute("type", "button")?;
    super::dom::action(&copy, Action::Copy)?;
    copy.set_attribute("data-testid", "copy-message")?;
    let status = child(&actions, "span", "copied")?;
    status.set_attribute("role", "status")?;
    Ok(())
}

/// The drafts' language, where that choice came from, and one chip per language: the glue saves
/// the pick as this deal's language note (`data-lang`), and the drafts follow.
fn language_switch(parent: &Element, m: &Suggestion) -> Result<(), JsValue> {
    let row = child(parent, "div", "switch lang")?;
    let said = text_child(
        &row,
        "span",
        "lang-from",
        &copy::language_from(m.lang, m.lang_from),
    )?;
    said.set_attribute("data-testid", "message-language")?;
    said.set_attribute("data-lang", m.lang.code())?;
    for l in Lang::ALL {
        let b = text_child(&row, "button", "chip", l.code())?;
        b.set_attribute("type", "button")?;
        super::dom::action(&b, Action::Language)?;
        b.set_attribute("data-lang", l.code())?;
        b.set_attribute("title", l.name())?;
        // The name starts with what the chip shows (WCAG 2.5.3, label in name).
        b.set_attribute("aria-label", &format!("{} ({})", l.code(), l.name()))?;
        b.set_attribute("aria-pressed", if l == m.lang { "true" } else { "false" })?;
    }
    Ok(())
}

pub fn read_fields(parent: &Element, v: &DealView, open: bool) -> Result<(), JsValue> {
    if v.read.is_empty() {
        return Ok(());
    }
    let details = child(parent, "details", "read")?;
    if open {
        details.set_attribute("open", "")?;
    }
    text_child(&details, "summary", "", copy::WHAT_I_READ)?;
    let list = child(&details, "ul", "")?;
    for f in &v.read {
        let li = child(&list, "li", if f.value.is_some() { "ok" } else { "unread" })?;
        li.set_attribute("data-testid", "read-field")?;
        li.set_attribute("data-field", f.field)?;
        text_child(&li, "span", "k", field_label(f.field))?;
        let value = f.value.as_deref().unwrap_or(copy::NOT_READ);
        let val = text_child(&li, "span", "v", value)?;
        val.set_attribute("data-testid", "read-value")?;
        if let Some(note) = &f.note {
            text_child(&li, "span", "note", note)?;
        }
    }
    Ok(())
}

/// "Copy page structure": for a rep whose page was misread, a report of the page's layout with
/// every text and value removed, copied for them to send; Stallwatch sends nothing.
pub fn structure_action(parent: &Element) -> Result<(), JsValue> {
    let row = child(parent, "div", "structure")?;
    let b = text_child(&row, "button", "chip", copy::structure::BUTTON)?;
    b.set_attribute("type", "button")?;
    super::dom::action(&b, Action::Structure)?;
    b.set_attribute("data-testid", "copy-structure")?;
    b.set_attribute("title", copy::structure::HINT)?;
    // The glue fills the status with one of these, so every word stays here.
    b.set_attribute("data-copied", copy::structure::COPIED)?;
    b.set_attribute("data-failed", copy::structure::FAILED)?;
    let status = child(&row, "span", "copied")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-testid", "structure-status")?;
    Ok(())
}

/// Problems with what was read or stored, as alerts (the rest still counted).
pub fn problems(parent: &Element, problems: &[String]) -> Result<(), JsValue> {
    for p in problems {
        let el = text_child(parent, "p", "problem", p)?;
        el.set_attribute("role", "alert")?;
    }
    Ok(())
}

/// One deal in a ranked list (the list panel, Today): an `li` with its key and band, the score
/// badge, and the body to fill, which is returned.
pub fn scored_row(
    list: &Element,
    class: &str,
    testid: &str,
    key: &str,
    score: Option<u8>,
    band: Option<crate::core::risk::Band>,
) -> Result<(Element, Element), JsValue> {
    let li = child(list, "li", class)?;
    li.set_attribute("data-testid", testid)?;
    li.set_attribute("data-key", key)?;
    li.set_attribute(
        "data-band",
        &band.map(|b| serde_name(&b)).unwrap_or_default(),
    )?;
    let number = text_child(&li, "span", "row-score", &crate::view::score_text(score))?;
    number.set_attribute("data-testid", "stall-score")?;
    let body = child(&li, "div", "row-body")?;
    Ok((li, body))
}
