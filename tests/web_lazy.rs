//! A view kept out of the first load, in headless Chromium: the loading line while its
//! part is fetched, the message and Réessayer when the fetch fails, the view once a retry
//! succeeds, and a part already loaded drawn at once.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::ui::state::Contexts;
use mes_apps::ui::web::split::{Loading, Part, Unloaded};
use mes_apps::ui::widgets::lazy_view::{Draw, LazyView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

/// Whether the test part's fetch fails, and how many fetches were tried.
static DOWN: AtomicBool = AtomicBool::new(true);
static TRIES: AtomicUsize = AtomicUsize::new(0);

fn drawn() -> AnyView {
    view! { <h2 id="ma-lazy-drawn">"Partie chargée"</h2> }.into_any()
}

fn fetch() -> Loading<Draw> {
    Box::pin(async {
        TRIES.fetch_add(1, Ordering::SeqCst);
        if DOWN.load(Ordering::SeqCst) {
            Err(Unloaded)
        } else {
            Ok(drawn as Draw)
        }
    })
}

static PART: Part<Draw> = Part::new(fetch);

fn mount(root: &web_sys::HtmlElement) -> impl Drop {
    leptos::mount::mount_to(root.clone(), || {
        Contexts::new(Catalogue::shipped().unwrap()).provide();
        view! { <LazyView part=&PART/> }
    })
}

#[wasm_bindgen_test]
async fn a_failed_part_says_so_and_a_retry_draws_it_then_it_is_drawn_at_once() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let root = container();
    let handle = mount(&root);
    // Until the fetch answers: a polite loading line.
    let loading = root.query_selector(".ma-part-loading").unwrap();
    assert_eq!(
        loading.and_then(|l| l.get_attribute("role")).as_deref(),
        Some("status")
    );
    settle().await;

    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a failed fetch is an alert");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("Cette partie de Mes apps n'a pas pu être chargée"),
        "{text}"
    );
    assert!(root.query_selector("#ma-lazy-drawn").unwrap().is_none());
    let retry: web_sys::HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .expect("Réessayer")
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Réessayer");
    assert_eq!(TRIES.load(Ordering::SeqCst), 1);

    // Still down: a retry fetches again and fails again.
    retry.click();
    settle().await;
    assert_eq!(TRIES.load(Ordering::SeqCst), 2);
    let retry: web_sys::HtmlElement = root
        .query_selector("[role=alert] button")
        .unwrap()
        .expect("Réessayer again")
        .unchecked_into();

    // Back: the retry draws the view, and the alert is gone.
    DOWN.store(false, Ordering::SeqCst);
    retry.click();
    settle().await;
    assert_eq!(TRIES.load(Ordering::SeqCst), 3);
    assert!(root.query_selector("#ma-lazy-drawn").unwrap().is_some());
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    drop(handle);

    // Loaded once, the part is drawn at once, with no fetch and no loading line.
    let again = container();
    let _handle = mount(&again);
    assert!(again.query_selector("#ma-lazy-drawn").unwrap().is_some());
    assert!(again.query_selector(".ma-part-loading").unwrap().is_none());
    assert_eq!(TRIES.load(Ordering::SeqCst), 3);
}
