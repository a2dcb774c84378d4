//! Asks before leaving a view with unsaved changes: in-app links, the Produit control and
//! the Utilisateur control go through it; closing or reloading the tab gets the browser's
//! own question, also while changes are only in this tab's memory.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::ui::state::leave::{use_leave_guard, Leave};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session, Session};
use crate::ui::web::listeners::CaptureListener;
use crate::ui::web::paths;
use crate::ui::widgets::modal::Modal;

/// Carries out `leave`, now that nothing would be lost (or the user chose to lose it).
fn carry_out(leave: Leave, navigate: &impl Fn(&str), session: Session) {
    match leave {
        Leave::Navigate(href) => navigate(&href),
        Leave::SwitchUser { product, user } => session.set_actor(product, user),
        Leave::SwitchLang(lang) => session.set_lang(lang),
    }
}

/// Leaves (navigates, switches user) through the guard: `true` when done at once,
/// `false` when it now waits for the user's answer.
pub fn use_guarded_leave() -> impl Fn(Leave) -> bool + Clone + 'static {
    let guard = use_leave_guard();
    let session = use_session();
    let navigate = use_navigate();
    move |leave: Leave| match guard.ask(leave) {
        Some(leave) => {
            carry_out(leave, &|href| navigate(href, Default::default()), session);
            true
        }
        None => false,
    }
}

/// An in-app link's path (without the base path) when a click on it leaves the page;
/// `None` for in-page anchors, downloads and clicks another handler took.
fn leaving_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 {
        return None;
    }
    let anchor = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())?;
    let href = anchor.get_attribute("href").unwrap_or_default();
    if href.starts_with('#') || anchor.has_attribute("download") {
        return None;
    }
    Some(
        href.strip_prefix(paths::base())
            .unwrap_or(&href)
            .to_string(),
    )
}

#[component]
pub fn LeaveDialog() -> impl IntoView {
    let guard = use_leave_guard();
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let navigate = use_navigate();
    // In-app links: intercepted before the router sees the click.
    let click = CaptureListener::on_window("click", move |ev: web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        if !guard.is_unsaved() {
            return;
        }
        if let Some(path) = leaving_link(ev) {
            ev.prevent_default();
            ev.stop_propagation();
            guard.ask(Leave::Navigate(path));
        }
    });
    // Also when changes are only in this tab's memory (storage full or blocked, unreadable
    // data kept aside): reloading would lose them.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if guard.is_unsaved() || products.would_lose_on_close() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    let click = send_wrapper::SendWrapper::new(click);
    on_cleanup(move || {
        drop(click);
        unload.remove();
    });
    let stay = Callback::new(move |_| guard.stay());
    let leave = Callback::new(move |_| {
        if let Some(leave) = guard.leave_anyway() {
            carry_out(leave, &|href| navigate(href, Default::default()), session);
        }
    });
    view! {
        <Show when=move || guard.pending().is_some()>
            <Modal title=lang.ctl_leave_title() on_close=stay>
                <p>
                    {move || match guard.pending() {
                        Some(Leave::SwitchUser { .. }) => lang.frame_leave_user_lost(),
                        _ => lang.frame_leave_page_lost(),
                    }}
                </p>
                <div class="ma-dialog__actions">
                    <button type="button" class="ma-button ma-button--primary" on:click=move |_| stay.run(())>
                        {lang.ctl_stay_on_page()}
                    </button>
                    <button type="button" class="ma-button ma-button--danger" on:click=move |_| leave.run(())>
                        {lang.ctl_leave_without_saving()}

                    </button>
                </div>
            </Modal>
        </Show>
    }
}
