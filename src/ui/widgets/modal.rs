//! The modal dialog of the WAI-ARIA Authoring Practices, on the native `<dialog>`: shown
//! with `showModal()` (the rest of the page becomes inert), focus moves in (to the element
//! marked `data-autofocus`, else the first focusable one), Tab and Shift+Tab cycle inside,
//! Escape closes, and focus returns to the opener (or to `return_focus`) when it closes,
//! or to `fallback_focus` when neither is still in the page.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::ui::web::dom::unique_id;

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// The focusable elements inside `root` that are shown, in document order.
pub fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}

/// The elements Tab stops on inside `root`: the focusable ones, with each radio group
/// reduced to its checked radio (or its first one when none is checked), as browsers do.
pub fn tab_stops(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let all = focusables(root);
    let radio = |e: &web_sys::HtmlElement| {
        e.dyn_ref::<web_sys::HtmlInputElement>()
            .filter(|i| i.type_() == "radio" && !i.name().is_empty())
            .map(|i| (i.name(), i.checked()))
    };
    let mut stops = Vec::new();
    let mut seen_groups: Vec<String> = Vec::new();
    for e in &all {
        match radio(e) {
            None => stops.push(e.clone()),
            Some((name, _)) if seen_groups.contains(&name) => {}
            Some((name, _)) => {
                let group: Vec<&web_sys::HtmlElement> = all
                    .iter()
                    .filter(|x| radio(x).is_some_and(|(n, _)| n == name))
                    .collect();
                let stop = group
                    .iter()
                    .find(|x| radio(x).is_some_and(|(_, checked)| checked))
                    .unwrap_or(&group[0]);
                stops.push((*stop).clone());
                seen_groups.push(name);
            }
        }
    }
    stops
}

/// The element marked `data-autofocus`, else the first control, except that a link (the
/// publisher's address in a note, say) is never where a dialog starts: the title is then
/// focused, and reading begins at the top of the dialog. Also where focus goes when a
/// part of the dialog arrives after **Réessayer** (`frame::page_focus`).
pub fn focus_initial(dialog: &web_sys::Element) {
    let as_html = |e: web_sys::Element| e.dyn_into::<web_sys::HtmlElement>().ok();
    let first = tab_stops(dialog)
        .into_iter()
        .next()
        .filter(|e| e.tag_name() != "A");
    let target = dialog
        .query_selector("[data-autofocus]")
        .ok()
        .flatten()
        .and_then(as_html)
        .or(first)
        .or_else(|| {
            dialog
                .query_selector(".ma-dialog__title")
                .ok()
                .flatten()
                .and_then(as_html)
        });
    if let Some(t) = target {
        let _ = t.focus();
    }
}

/// A modal dialog, shown while it is mounted: wrap it in `<Show>`.
#[component]
pub fn Modal(
    /// The dialog's title, shown as its heading and used as its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// Called when the user dismisses it (Escape); the parent then unmounts it.
    on_close: Callback<()>,
    /// The id of the element to focus once closed; by default, the element that had focus
    /// when the dialog opened.
    #[prop(optional, into)]
    return_focus: Option<String>,
    /// The id of the element to focus when neither `return_focus` nor the opener is still
    /// in the page (the row the dialog acted on is gone, say).
    #[prop(optional_no_strip)]
    fallback_focus: Option<String>,
    /// A class modifier, such as `ma-dialog--wide`.
    #[prop(optional)]
    class: &'static str,
    /// The dialog's body and its buttons.
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("ma-dialog-title");
    let opener = SendWrapper::new(document().active_element());
    Effect::new(move || {
        if let Some(dialog) = node.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
            focus_initial(&dialog);
        }
    });
    let title_for_cleanup = title_id.clone();
    on_cleanup(move || {
        // Close first: while the dialog is modal the rest of the page is inert and
        // cannot take focus.
        if let Some(d) = document()
            .get_element_by_id(&title_for_cleanup)
            .and_then(|t| t.closest("dialog").ok().flatten())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            d.close();
        }
        let by_id = |id: Option<String>| id.and_then(|id| document().get_element_by_id(&id));
        let target = by_id(return_focus)
            .or_else(|| opener.take().filter(|e| e.is_connected()))
            .or_else(|| by_id(fallback_focus));
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    let on_cancel = move |ev: web_sys::Event| {
        ev.prevent_default();
        on_close.run(());
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(dialog) = node.get_untracked() else {
            return;
        };
        let items = tab_stops(&dialog);
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            ev.prevent_default();
            return;
        };
        let active = document().active_element();
        let at = |e: &web_sys::HtmlElement| active.as_ref() == Some(e.unchecked_ref());
        if ev.shift_key() && (at(first) || !items.iter().any(at)) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && (at(last) || !items.iter().any(at)) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=node
            class=format!("ma-dialog {class}")
            aria-labelledby=labelled_by
            on:cancel=on_cancel
            on:keydown=on_keydown
        >
            <h2 id=title_id class="ma-dialog__title" tabindex="-1">{move || title.get()}</h2>
            {children()}
        </dialog>
    }
}
