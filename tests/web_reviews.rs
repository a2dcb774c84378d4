//! Revue des accès in headless Chromium, mounted through the whole app at its URL: a
//! decision is saved the moment its radio is chosen and focus stays on that radio; under
//! "À examiner" a decided article stays in place; "Appliquer les décisions" waits for
//! every connection and says how many are left.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::model::review::Decision;
use mes_apps::domain::model::Product;
use mes_apps::domain::reviews;
use mes_apps::ui::state::Contexts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const APPLY: &str = "Appliquer les décisions";

/// Revue des accès of QuickBooks, Claire Martin acting, with her review started.
async fn started() -> Mounted {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    let p = mount_app("/quickbooks/mes-apps/revue", state).await;
    // The page is a part of its own, loaded once asked for.
    settle().await;
    p.click("Commencer une revue").await;
    p
}

fn decisions(p: &Mounted) -> Vec<Option<Decision>> {
    p.state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| {
            reviews::under_way(s)
                .map(|r| r.items.iter().map(|i| i.decision).collect())
                .unwrap_or_default()
        })
}

fn radios(value: &str) -> Vec<web_sys::HtmlInputElement> {
    let list = document()
        .query_selector_all(&format!("input[type=radio][value={value}]"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn choose(radio: &web_sys::HtmlInputElement) {
    radio.focus().unwrap();
    radio.click();
}

fn articles() -> u32 {
    document()
        .query_selector_all(".ma-review__item")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn a_decision_is_saved_at_once_and_focus_stays_on_its_radio() {
    let p = started().await;
    assert_eq!(decisions(&p), vec![None; 4]);
    let suspend = radios("suspendre");
    choose(&suspend[1]);
    settle().await;

    assert_eq!(decisions(&p)[1], Some(Decision::Suspend));
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), suspend[1].id(), "the radio chosen keeps focus");
    assert!(suspend[1].is_connected(), "its article was not drawn again");
    // Stored too: what a reload reads.
    let stored = saved("mes-apps/quickbooks").unwrap_or_default();
    assert!(stored.contains("\"decision\":\"suspend\""), "{stored}");
}

#[wasm_bindgen_test]
async fn under_a_filter_a_decided_article_stays_in_place() {
    let p = started().await;
    let select: web_sys::HtmlSelectElement = document()
        .get_element_by_id("ma-revue-afficher")
        .unwrap()
        .unchecked_into();
    select.set_value("a-examiner");
    select.dispatch_event(&plain_event("change")).unwrap();
    settle().await;
    assert_eq!(articles(), 4);
    choose(&radios("conserver")[0]);
    settle().await;
    assert_eq!(decisions(&p)[0], Some(Decision::Keep));
    assert_eq!(articles(), 4, "nothing moves under the reader's hands");
    // Chosen again, the filter leaves out what is decided.
    select.dispatch_event(&plain_event("change")).unwrap();
    settle().await;
    assert_eq!(articles(), 3);
}

#[wasm_bindgen_test]
async fn apply_waits_for_every_connection_and_says_how_many_are_left() {
    let p = started().await;
    let apply = p.button(APPLY);
    assert!(apply.has_attribute("disabled"));
    let left = || {
        document()
            .get_element_by_id("ma-revue-reste")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
            .replace(['\u{202F}', '\u{A0}'], " ")
    };
    assert!(left().contains("Il reste 4 connexions"), "{}", left());
    for radio in radios("conserver").iter().take(3) {
        choose(radio);
        settle().await;
    }
    assert!(left().contains("Il reste 1 connexion "), "{}", left());
    assert!(p.button(APPLY).has_attribute("disabled"));
    choose(&radios("conserver")[3]);
    settle().await;
    assert!(!p.button(APPLY).has_attribute("disabled"));
    assert_eq!(left().trim(), "");
}
