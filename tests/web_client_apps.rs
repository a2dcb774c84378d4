//! Applis clientes in headless Chromium, mounted through the whole app at its URL: a
//! selected row's details show the connection as it is now, after a settings change made
//! elsewhere or a reset of the demo.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::Command;
use mes_apps::domain::forms::settings::SettingValue;
use mes_apps::domain::model::{AppId, CompanyId, Product};
use mes_apps::ui::state::Contexts;
use mes_apps::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const EC: Product = Product::ExpertComptable;
const CLIENT: &str = "boulangerie-martin";
const APP: &str = "stock-malin";

/// The details' text, French typography's no-break spaces read as spaces.
fn details_text() -> String {
    document()
        .get_element_by_id(&format!("ma-details-{CLIENT}-{APP}"))
        .expect("the details of Stock Malin are shown")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{202F}', '\u{A0}'], " ")
}

async fn set_stock_account(state: Contexts, value: &str) {
    let (app, company) = (AppId::new(APP), CompanyId::new(CLIENT));
    let mut values = state
        .products
        .state(EC)
        .with_untracked(|s| s.connection(&app, &company).map(|c| c.settings.clone()))
        .unwrap();
    values.insert("compte_stock".into(), SettingValue::Text(value.into()));
    state
        .products
        .dispatch(
            EC,
            Command::UpdateSettings {
                app,
                company,
                values,
            },
        )
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn an_open_details_panel_shows_the_current_settings() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    window()
        .history()
        .unwrap()
        .push_state_with_url(
            &JsValue::NULL,
            "",
            Some("/expert-comptable/mes-apps/clients"),
        )
        .unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        state.provide();
        view! { <App/> }
    });
    settle().await;
    let toggle: web_sys::HtmlElement = root
        .query_selector(&format!("button[aria-controls=ma-details-{CLIENT}-{APP}]"))
        .unwrap()
        .expect("Stock Malin's name selects its row")
        .unchecked_into();
    toggle.click();
    settle().await;
    assert!(
        details_text().contains("Compte de stock : 370000"),
        "{}",
        details_text()
    );

    set_stock_account(state, "371000").await;
    assert!(
        details_text().contains("Compte de stock : 371000"),
        "{}",
        details_text()
    );

    state.products.dispatch(EC, Command::Reset).unwrap();
    settle().await;
    assert!(
        details_text().contains("Compte de stock : 370000"),
        "after a reset: {}",
        details_text()
    );
    root.remove();
}
