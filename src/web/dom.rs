//! Small DOM builders. Text is always added as text nodes.

use crate::view::action::Action;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// A new element with an optional class, appended to `parent`.
pub fn child(parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
    let el = document()?.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    parent.append_child(&el)?;
    Ok(el)
}

/// Appends `s` as a text node.
pub fn text(parent: &Element, s: &str) -> Result<(), JsValue> {
    let node = document()?.create_text_node(s);
    parent.append_child(&node)?;
    Ok(())
}

/// A new element holding `s` as text.
pub fn text_child(parent: &Element, tag: &str, class: &str, s: &str) -> Result<Element, JsValue> {
    let el = child(parent, tag, class)?;
    text(&el, s)?;
    Ok(el)
}

pub fn clear(el: &Element) {
    while let Some(c) = el.first_child() {
        // A child that cannot be removed is not worth failing the render for.
        if el.remove_child(&c).is_err() {
            break;
        }
    }
}

/// Marks `el` as a control that does `action` (its `data-action`, which the page's script reads).
pub fn action(el: &Element, action: Action) -> Result<(), JsValue> {
    el.set_attribute("data-action", action.name())
}
