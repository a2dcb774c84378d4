//! Mises à jour in headless Chromium, mounted through the whole app at its URL: approving
//! a selection moves exactly those connections, stores them, empties the selection and
//! gives the report focus; the Démo area offers "Simuler une mise à jour" only on the page
//! of an app with a newer version, then says it is published; a connection's settings
//! page, once approved, has the new setting and says what was added.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::Command;
use mes_apps::domain::model::{AppId, CompanyId, Product};
use mes_apps::ui::state::Contexts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const EC: Product = Product::ExpertComptable;
const QB: Product = Product::QuickBooks;

/// The app at `path` on a fresh profile, with the newer versions of `apps` published.
async fn mounted(product: Product, path: &str, apps: &[&str]) -> Mounted {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    let p = mount_app(path, state).await;
    for app in apps {
        let publish = Command::PublishUpdate {
            app: AppId::new(*app),
        };
        p.state.products.dispatch(product, publish).unwrap();
    }
    // The page is a part of its own, loaded once asked for.
    settle().await;
    settle().await;
    p
}

fn checkbox(name: &str) -> Option<web_sys::HtmlInputElement> {
    let selector = format!("input[type=checkbox][aria-label=\"{name}\"]");
    document()
        .query_selector(&selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn version(p: &Mounted, product: Product, app: &str, company: &str) -> Option<u32> {
    p.state.products.state(product).with_untracked(|s| {
        s.connection(&AppId::new(app), &CompanyId::new(company))
            .map(|c| c.version)
    })
}

fn demo_area() -> web_sys::Element {
    document().query_selector(".ma-demo").unwrap().unwrap()
}

fn has_button(root: &web_sys::Element, name: &str) -> bool {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .any(|b| b.text_content().unwrap_or_default().trim() == name)
}

#[wasm_bindgen_test]
async fn approving_a_selection_moves_exactly_it_and_focuses_the_report() {
    let p = mounted(
        EC,
        "/expert-comptable/mes-apps/mises-a-jour",
        &["stock-malin"],
    )
    .await;
    for client in ["Boulangerie Martin", "Pharmacie du Port"] {
        let name = format!("Stock Malin — {client}");
        checkbox(&name).unwrap_or_else(|| panic!("{name}")).click();
    }
    settle().await;
    p.click("Approuver la sélection").await;
    settle().await;

    assert_eq!(
        version(&p, EC, "stock-malin", "boulangerie-martin"),
        Some(2)
    );
    assert_eq!(version(&p, EC, "stock-malin", "pharmacie-du-port"), Some(2));
    // Stored as a reload reads it: those two, and no other, at version 2.
    let stored = saved("mes-apps/expert-comptable").unwrap_or_default();
    let envelope: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let moved: Vec<&str> = envelope["data"]["connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["version"] == 2)
        .filter_map(|c| c["company"].as_str())
        .collect();
    assert_eq!(moved, ["boulangerie-martin", "pharmacie-du-port"]);
    // The approved ones leave the list.
    assert!(checkbox("Stock Malin — Boulangerie Martin").is_none());
    assert!(checkbox("Stock Malin — Pharmacie du Port").is_none());
    let report = document().query_selector(".ma-report").unwrap().unwrap();
    assert_eq!(report.query_selector_all("li").unwrap().length(), 2);
    let heading = report.query_selector("h3").unwrap().unwrap();
    assert_eq!(
        focused(),
        format!("#{}", heading.id()),
        "the report is read first"
    );
}

#[wasm_bindgen_test]
async fn the_demo_offers_an_update_only_where_there_is_one() {
    {
        let _p = mounted(QB, "/quickbooks/mes-apps/applis/caisse-horizon", &[]).await;
        assert!(!has_button(&demo_area(), "Simuler une mise à jour"));
    }
    let p = mounted(QB, "/quickbooks/mes-apps/applis/stock-malin", &[]).await;
    assert!(has_button(&demo_area(), "Simuler une mise à jour"));
    p.click("Simuler une mise à jour").await;
    assert!(!has_button(&demo_area(), "Simuler une mise à jour"));
    let text = demo_area().text_content().unwrap_or_default();
    assert!(text.contains("Version 2 publiée"), "{text}");
    let published = p
        .state
        .products
        .state(QB)
        .with_untracked(|s| s.published(&AppId::new("stock-malin")).map(|u| u.version));
    assert_eq!(published, Some(2));
}

#[wasm_bindgen_test]
async fn an_approved_connection_s_settings_have_the_new_setting() {
    let path = "/quickbooks/mes-apps/connexions/boulangerie-martin/stock-malin/parametres";
    let p = mounted(QB, path, &["stock-malin"]).await;
    let text = || {
        p.root
            .text_content()
            .unwrap_or_default()
            .replace('\u{a0}', " ")
    };
    assert!(!text().contains("Commandes fournisseurs automatiques"));
    let approve = Command::ApproveUpdate {
        app: AppId::new("stock-malin"),
        company: CompanyId::new("boulangerie-martin"),
    };
    p.state.products.dispatch(QB, approve).unwrap();
    settle().await;
    let now = text();
    assert!(now.contains("Commandes fournisseurs automatiques"), "{now}");
    assert!(now.contains("Ajouté par la version 2"), "{now}");
}
