//! Small DOM helpers: focusing an element by id, page-unique ids.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::document;
use wasm_bindgen::JsCast;

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A page-unique id with a prefix, for `aria-labelledby` and friends.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// The element with this id, as an HTML element.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves focus to the element with this id, if it is in the page.
pub fn focus(id: &str) {
    if let Some(e) = element(id) {
        let _ = e.focus();
    }
}

/// The CSS selector of the elements that can have `role`.
fn candidates(role: &str) -> &'static str {
    match role {
        "link" => "a[href]",
        "button" => "button",
        "searchbox" => "input[type=search]",
        "radio" => "input[type=radio]",
        "menuitem" => "[role=menuitem]",
        "group" => "fieldset",
        "combobox" => "select",
        _ => "section[aria-labelledby], [role=region]",
    }
}

fn text_of(e: &web_sys::Element) -> String {
    e.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An element's accessible name, as far as this app's markup needs: `aria-label`, then
/// `aria-labelledby`, a `<label for>`, a fieldset's legend, then its text.
pub fn accessible_name(e: &web_sys::Element) -> String {
    if let Some(label) = e.get_attribute("aria-label") {
        return label;
    }
    let doc = leptos::prelude::document();
    if let Some(ids) = e.get_attribute("aria-labelledby") {
        return ids
            .split_whitespace()
            .filter_map(|id| doc.get_element_by_id(id))
            .map(|l| text_of(&l))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if e.tag_name() == "INPUT" && !e.id().is_empty() {
        if let Ok(Some(label)) = doc.query_selector(&format!("label[for='{}']", e.id())) {
            return text_of(&label);
        }
    }
    if e.tag_name() == "FIELDSET" {
        if let Ok(Some(legend)) = e.query_selector("legend") {
            return text_of(&legend);
        }
    }
    text_of(e)
}

/// The shown control of `role` whose accessible name is `name` (or starts with it, for
/// a region), inside the open dialog when one is open: where a guide's step points.
pub fn find_control(role: &str, name: &str) -> Option<web_sys::HtmlElement> {
    let doc = leptos::prelude::document();
    let scope: web_sys::Element = match doc.query_selector("dialog[open]").ok().flatten() {
        Some(dialog) => dialog,
        None => doc.body()?.into(),
    };
    let list = scope.query_selector_all(candidates(role)).ok()?;
    let region = role == "region";
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.get_client_rects().length() > 0 || e.tag_name() == "INPUT")
        .find(|e| {
            let n = accessible_name(e);
            n == name || (region && n.starts_with(name))
        })
}
