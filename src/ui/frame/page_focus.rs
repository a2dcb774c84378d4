//! What a new page does for keyboard and screen-reader users: the tab's title names the
//! page (from its heading), and after a navigation inside the app (a link, a button that
//! opens another view, Back or Forward) focus moves to that heading, so that reading
//! starts there instead of at the top of the document. The first page keeps the browser's
//! own focus; a change of query alone (search, filters) moves nothing. The skip link
//! moves focus to the content.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::domain::guide::Seen;
use crate::domain::i18n::Lang;
use crate::ui::state::guide::use_reporter;
use crate::ui::state::session::use_lang;
use crate::ui::web::{dom, paths};
use crate::ui::widgets::lazy_view::{Arrival, Arrivals};
use crate::ui::widgets::modal::focus_initial;

/// "Aller au contenu": the router handles in-page links without moving focus, so the
/// link moves it itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        dom::focus("contenu");
    };
    view! { <a class="ma-skip" href="#contenu" on:click=skip>{use_lang().ctl_skip_to_content()}</a> }
}

/// Names the page and moves focus to its heading after a navigation; a page whose part
/// arrives later (see `widgets::lazy_view`) is named, and focused if the navigation
/// found no heading to focus, when it arrives.
#[component]
pub fn PageChange() -> impl IntoView {
    let location = use_location();
    let guide = use_reporter();
    let lang = use_lang();
    let arrivals = Arrivals(RwSignal::new(Arrival::default()));
    provide_context(arrivals);
    // Whether the last navigation still owes the new page's heading its focus.
    let owed = StoredValue::new(false);
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_deref() != Some(path.as_str()) {
            guide.tell(Seen::Page(paths::page_of(&path)));
            let moved = previous.is_some();
            // After the new view is in the page.
            request_animation_frame(move || {
                let found = name_and_focus_page(moved, lang);
                owed.set_value(moved && !found);
            });
        }
        path
    });
    Effect::new(move |previous: Option<u32>| {
        let arrival = arrivals.0.get();
        if previous.is_some() {
            request_animation_frame(move || {
                // A dialog's part: the dialog opened on its title while the part was on
                // its way (or on Réessayer, now gone); it now starts on its first
                // control, as it would have with the part there. Never the page behind.
                if let Some(dialog) = document().query_selector("dialog[open]").ok().flatten() {
                    if arrival.after_retry || !focus_on_a_control_in(&dialog) {
                        focus_initial(&dialog);
                    }
                    return;
                }
                let moved = owed.get_value() || arrival.after_retry;
                name_and_focus_page(moved, lang);
                owed.set_value(false);
            });
        }
        arrival.count
    });
}

/// Whether focus is on a control of `dialog` (not on its title, nor outside it).
fn focus_on_a_control_in(dialog: &web_sys::Element) -> bool {
    document().active_element().is_some_and(|a| {
        dialog.contains(Some(&a)) && a.closest(".ma-dialog__title").ok().flatten().is_none()
    })
}

/// Names the page after its heading and, when `moved`, focuses that heading; false (and
/// nothing done) while the page's part is still loading.
fn name_and_focus_page(moved: bool, lang: Lang) -> bool {
    let doc = document();
    if doc
        .query_selector("main .ma-part-loading")
        .ok()
        .flatten()
        .is_some()
    {
        return false;
    }
    let heading = doc
        .get_element_by_id("ma-section-title")
        .or_else(|| doc.query_selector("main h2[tabindex='-1']").ok().flatten())
        .or_else(|| doc.query_selector("main h1").ok().flatten());
    let name = heading
        .as_ref()
        .and_then(|h| h.text_content())
        .map(|t| t.trim().to_string())
        .unwrap_or_default();
    doc.set_title(&page_title(&name, lang));
    let in_dialog = doc
        .active_element()
        .is_some_and(|a| a.closest("dialog[open]").ok().flatten().is_some());
    if moved && !in_dialog {
        if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            if !h.has_attribute("tabindex") {
                let _ = h.set_attribute("tabindex", "-1");
            }
            let _ = h.focus();
        }
    }
    true
}

/// The tab's title: the page's heading, then the app's name.
fn page_title(heading: &str, lang: Lang) -> String {
    let app = lang.ctl_mes_apps();
    if heading.is_empty() || heading == app {
        app.to_string()
    } else {
        lang.frame_page_title(heading)
    }
}
