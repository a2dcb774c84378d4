//! The modal dialog in headless Chromium: focus moves in, Tab and Shift+Tab cycle inside,
//! the `cancel` event (what Escape fires) asks to close, and focus returns when it closes.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use mes_apps::ui::widgets::modal::Modal;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

/// Presses Tab (or Shift+Tab) on the focused element; whether the page prevented it.
fn press_tab(shift: bool) -> bool {
    let ev = keydown("Tab", shift);
    document()
        .active_element()
        .expect("something has focus")
        .dispatch_event(&ev)
        .unwrap();
    ev.default_prevented()
}

fn by_id(id: &str) -> web_sys::HtmlElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is in the page"))
        .unchecked_into()
}

struct Page {
    root: web_sys::HtmlElement,
    show: RwSignal<bool>,
    closes: Arc<AtomicUsize>,
    _handle: Box<dyn std::any::Any>,
}

impl Page {
    fn dialog(&self) -> Option<web_sys::HtmlDialogElement> {
        self.root
            .query_selector("dialog")
            .unwrap()
            .map(|d| d.unchecked_into())
    }

    async fn open_from(&self, opener: &str) {
        by_id(opener).focus().unwrap();
        assert_eq!(focused(), format!("#{opener}"));
        self.show.set(true);
        settle().await;
    }

    async fn close(&self) {
        self.show.set(false);
        settle().await;
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// A page with two buttons and a modal (shown while `show`) holding a first button, a
/// text field (marked `data-autofocus` when `autofocus`), a last button and a hidden one.
async fn page(autofocus: bool, return_focus: Option<&'static str>) -> Page {
    let root = container();
    let show = RwSignal::new(false);
    let closes = Arc::new(AtomicUsize::new(0));
    let counter = closes.clone();
    let on_close = Callback::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <button type="button" id="ouvrir">"Ouvrir"</button>
            <button type="button" id="ailleurs">"Ailleurs"</button>
            <Show when=move || show.get()>
                {match return_focus {
                    Some(id) => view! {
                        <Modal title="Essai" on_close=on_close return_focus=id>
                            <Body autofocus=autofocus/>
                        </Modal>
                    }
                    .into_any(),
                    None => view! {
                        <Modal title="Essai" on_close=on_close>
                            <Body autofocus=autofocus/>
                        </Modal>
                    }
                    .into_any(),
                }}
            </Show>
        }
    });
    leptos::task::tick().await;
    Page {
        root,
        show,
        closes,
        _handle: Box::new(handle),
    }
}

#[component]
fn Body(autofocus: bool) -> impl IntoView {
    view! {
        <p>"Un texte sans contrôle."</p>
        <button type="button" id="premier">"Premier"</button>
        <input type="text" id="milieu" data-autofocus=autofocus.then_some("")/>
        <button type="button" id="dernier">"Dernier"</button>
        <button type="button" id="cache" hidden=true>"Caché"</button>
    }
}

#[wasm_bindgen_test]
async fn opening_shows_a_modal_named_by_its_title_and_focuses_the_autofocus_element() {
    let p = page(true, None).await;
    assert!(p.dialog().is_none(), "nothing shown before opening");
    p.open_from("ouvrir").await;
    let dialog = p.dialog().expect("the dialog is mounted");
    assert!(dialog.open(), "the dialog is shown");
    let title = by_id(&dialog.get_attribute("aria-labelledby").unwrap());
    assert_eq!(title.text_content().unwrap(), "Essai");
    assert!(dialog.contains(Some(&title)));
    assert_eq!(focused(), "#milieu", "focus goes to [data-autofocus]");
    // Modal: the rest of the page is inert and cannot take focus.
    by_id("ailleurs").focus().unwrap();
    assert_eq!(
        focused(),
        "#milieu",
        "the page behind a modal dialog is inert"
    );
    assert!(
        dialog.matches(":modal").unwrap(),
        "shown with showModal(), not show()"
    );
}

#[wasm_bindgen_test]
async fn without_autofocus_the_first_focusable_element_gets_focus() {
    let p = page(false, None).await;
    p.open_from("ouvrir").await;
    assert_eq!(focused(), "#premier");
}

#[wasm_bindgen_test]
async fn tab_from_the_last_wraps_to_the_first() {
    let p = page(true, None).await;
    p.open_from("ouvrir").await;
    by_id("dernier").focus().unwrap();
    assert!(press_tab(false), "Tab on the last element is handled");
    assert_eq!(focused(), "#premier", "the hidden button is skipped");
    // Tab elsewhere inside is left to the browser.
    by_id("milieu").focus().unwrap();
    assert!(!press_tab(false), "Tab in the middle keeps its default");
    assert_eq!(focused(), "#milieu");
}

#[wasm_bindgen_test]
async fn shift_tab_from_the_first_wraps_to_the_last() {
    let p = page(true, None).await;
    p.open_from("ouvrir").await;
    by_id("premier").focus().unwrap();
    assert!(press_tab(true), "Shift+Tab on the first element is handled");
    assert_eq!(focused(), "#dernier", "the hidden button is not the last");
    by_id("milieu").focus().unwrap();
    assert!(
        !press_tab(true),
        "Shift+Tab in the middle keeps its default"
    );
    assert_eq!(focused(), "#milieu");
}

#[wasm_bindgen_test]
async fn cancel_what_escape_fires_calls_on_close() {
    let p = page(true, None).await;
    p.open_from("ouvrir").await;
    let dialog = p.dialog().unwrap();
    let cancel = event(
        "Event",
        "cancel",
        &[("cancelable", JsValue::TRUE), ("bubbles", JsValue::FALSE)],
    );
    dialog.dispatch_event(&cancel).unwrap();
    settle().await;
    assert_eq!(p.closes.load(Ordering::SeqCst), 1, "on_close called once");
    assert!(
        cancel.default_prevented(),
        "the native close is prevented: the parent unmounts the dialog"
    );
    assert!(p.dialog().is_some_and(|d| d.open()));
    p.close().await;
    assert!(p.dialog().is_none());
    assert_eq!(p.closes.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
async fn unmounting_returns_focus_to_the_opener() {
    let p = page(true, None).await;
    p.open_from("ouvrir").await;
    assert_eq!(focused(), "#milieu");
    p.close().await;
    assert!(p.dialog().is_none());
    assert_eq!(focused(), "#ouvrir");
    assert_eq!(p.closes.load(Ordering::SeqCst), 0, "closing by the parent");
    // Again from the other button: focus goes back to that one.
    p.open_from("ailleurs").await;
    assert_eq!(focused(), "#milieu");
    p.close().await;
    assert_eq!(focused(), "#ailleurs");
}

#[wasm_bindgen_test]
async fn unmounting_returns_focus_to_return_focus_when_given() {
    let p = page(false, Some("ailleurs")).await;
    p.open_from("ouvrir").await;
    assert_eq!(focused(), "#premier");
    p.close().await;
    assert!(p.dialog().is_none());
    assert_eq!(focused(), "#ailleurs");
}

#[wasm_bindgen_test]
async fn a_link_first_is_skipped_and_the_title_takes_focus() {
    let root = container();
    let show = RwSignal::new(false);
    let on_close = Callback::new(|_| {});
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <button type="button" id="ouvrir-lien">"Ouvrir"</button>
            <Show when=move || show.get()>
                <Modal title="Avec un lien" on_close=on_close>
                    <p>"Écrivez à " <a href="mailto:donnees@exemple.fr">"donnees@exemple.fr"</a></p>
                    <button type="button" id="apres-lien">"Connecter"</button>
                </Modal>
            </Show>
        }
    });
    leptos::task::tick().await;
    by_id("ouvrir-lien").focus().unwrap();
    show.set(true);
    settle().await;
    let active = document().active_element().expect("something has focus");
    assert_eq!(active.tag_name(), "H2", "focus is on {}", focused());
    assert_eq!(active.text_content().unwrap(), "Avec un lien");
    // Tab then goes on through the dialog's controls as usual.
    by_id("apres-lien").focus().unwrap();
    assert_eq!(focused(), "#apres-lien");
    show.set(false);
    settle().await;
}
