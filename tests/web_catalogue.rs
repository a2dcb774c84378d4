//! Stored data saved under an older catalogue, opened by the app in headless Chromium: the
//! settings follow the newer catalogue, the banner says what changed for which connection
//! (an information, closed with Fermer), and the result is saved at once.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::data::demo;
use mes_apps::domain::forms::settings::{SettingDef, SettingKind};
use mes_apps::domain::model::Product;
use mes_apps::storage::browser::BrowserKv;
use mes_apps::storage::store::ProductStore;
use mes_apps::ui::state::Contexts;
use mes_apps::ui::widgets::data_note::DataNote;
use mes_apps::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

#[wasm_bindgen_test]
async fn a_newer_catalogue_is_followed_and_reported_in_the_banner() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // The demo data saved as the shipped catalogue defines it.
    let shipped = Catalogue::shipped().unwrap();
    let state = demo::state(Product::QuickBooks, &shipped, NOW);
    let kv = BrowserKv::open().expect("localStorage is there");
    let (mut store, mut working, _) = ProductStore::open(kv, Product::QuickBooks, &shipped, NOW);
    store.replace(&mut working, state.clone()).unwrap();

    // A newer catalogue: the first connected app has one more setting.
    let first = state.connections[0].app.clone();
    let name = shipped.app_name(&first).to_string();
    let mut apps = shipped.apps().to_vec();
    for app in &mut apps {
        if app.id == first {
            app.settings.push(SettingDef {
                key: "rapprochement_auto".into(),
                label: "Rapprochement automatique".into(),
                help: String::new(),
                kind: SettingKind::Toggle { default: false },
            });
        }
    }
    let newer = Catalogue::new(apps);

    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        Contexts::new(newer).provide();
        view! { <App/> }
    });
    leptos::task::tick().await;

    let notice = root
        .query_selector(".ma-notice--info")
        .unwrap()
        .expect("an information notice");
    let text = notice.text_content().unwrap();
    assert!(text.contains("ont changé"), "{text}");
    let items: Vec<String> = {
        let list = notice.query_selector_all("li").unwrap();
        (0..list.length())
            // French typography's no-break spaces read as spaces.
            .map(|i| {
                let item = list.item(i).unwrap().text_content().unwrap();
                item.replace(['\u{a0}', '\u{202f}'], " ")
            })
            .collect()
    };
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(items[0].starts_with(&name), "{items:?}");
    assert!(
        items[0].contains("nouveau réglage « Rapprochement automatique »"),
        "{items:?}"
    );
    // Saved at once.
    let saved = storage.get_item("mes-apps/quickbooks").unwrap().unwrap();
    assert!(saved.contains("rapprochement_auto"));

    // Fermer closes it; nothing else is offered (there is nothing to fix).
    let buttons = notice.query_selector_all("button").unwrap();
    assert_eq!(buttons.length(), 1);
    let close: web_sys::HtmlElement = buttons.item(0).unwrap().unchecked_into();
    assert_eq!(close.text_content().unwrap(), "Fermer");
    close.click();
    leptos::task::tick().await;
    assert!(root.query_selector(".ma-notice--info").unwrap().is_none());
    root.remove();
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_data_note_of_an_app_that_left_the_catalogue_has_no_broken_contact() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let shipped = Catalogue::shipped().unwrap();
    let gone = shipped.apps()[0].id.clone();
    let newer = Catalogue::new(
        shipped
            .apps()
            .iter()
            .filter(|a| a.id != gone)
            .cloned()
            .collect(),
    );
    let root = container();
    let known = shipped.apps()[1].id.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        Contexts::new(newer).provide();
        view! {
            <div id="gone"><DataNote app=gone situation="la déconnexion"/></div>
            <div id="known"><DataNote app=known situation="la déconnexion"/></div>
        }
    });
    leptos::task::tick().await;
    let gone = root.query_selector("#gone").unwrap().unwrap();
    let text = gone.text_content().unwrap();
    assert!(text.contains("n'est plus au catalogue"), "{text}");
    assert!(!text.contains(" : ."), "{text}");
    assert!(
        gone.query_selector("a").unwrap().is_none(),
        "no empty contact link"
    );
    // The others keep their publisher's contact.
    let known = root.query_selector("#known a[href^='mailto:']").unwrap();
    assert!(known.is_some_and(|a| !a.text_content().unwrap().is_empty()));
    root.remove();
}
