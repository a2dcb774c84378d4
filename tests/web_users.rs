//! Utilisateurs in headless Chromium, mounted through the whole app at its URL: the
//! person's form says each field's problem beside it and focuses the first, adds nobody
//! until it holds; the removal dialog offers those who may take the connections over and
//! Personne; a change that takes connections away asks the same.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::model::{Product, Role, UserId};
use mes_apps::ui::state::Contexts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const NAME: &str = "ma-utilisateur-nom";
const EMAIL: &str = "ma-utilisateur-email";

/// The app mounted at Utilisateurs.
struct Page(Mounted);

impl std::ops::Deref for Page {
    type Target = Mounted;
    fn deref(&self) -> &Mounted {
        &self.0
    }
}

impl Page {
    /// The field's error, read through its aria-describedby.
    fn error_of(&self, id: &str) -> Option<String> {
        let described = self.input(id).get_attribute("aria-describedby")?;
        let error = document().get_element_by_id(&described)?;
        Some(
            error
                .text_content()
                .unwrap()
                .replace(['\u{202F}', '\u{A0}'], " "),
        )
    }

    fn users(&self) -> Vec<String> {
        self.state
            .products
            .state(Product::QuickBooks)
            .with_untracked(|s| s.users.iter().map(|u| u.name.clone()).collect())
    }

    fn options(&self, id: &str) -> Vec<(String, String)> {
        let options = document()
            .query_selector_all(&format!("#{id} option"))
            .unwrap();
        (0..options.length())
            .filter_map(|i| options.item(i))
            .map(|o| {
                let o: web_sys::Element = o.unchecked_into();
                (
                    o.get_attribute("value").unwrap_or_default(),
                    o.text_content().unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// Utilisateurs of QuickBooks, Claire Martin acting.
async fn page() -> Page {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    let p = Page(mount_app("/quickbooks/utilisateurs", state).await);
    // The page is a part of its own, loaded once asked for.
    settle().await;
    p
}

#[wasm_bindgen_test]
async fn the_form_says_each_problem_beside_its_field_and_adds_nobody_until_it_holds() {
    let p = page().await;
    p.click("Ajouter un utilisateur").await;
    assert_eq!(focused(), format!("#{NAME}"), "the dialog opens on Nom");
    p.click("Ajouter").await;
    assert_eq!(focused(), format!("#{NAME}"), "the first field to correct");
    assert_eq!(
        p.input(NAME).get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        p.error_of(NAME).as_deref(),
        Some("Saisissez le nom de la personne.")
    );
    assert!(p.error_of(EMAIL).is_some_and(|e| e.contains("adresse")));
    assert_eq!(p.users().len(), 3, "nobody added");

    p.type_into(NAME, "Nina Roux").await;
    p.type_into(EMAIL, "CLAIRE.MARTIN@exemple.fr").await;
    p.click("Ajouter").await;
    assert_eq!(focused(), format!("#{EMAIL}"));
    assert!(p.error_of(NAME).is_none(), "Nom holds now");
    assert_eq!(
        p.error_of(EMAIL).as_deref(),
        Some("Une autre personne de l'équipe a déjà cette adresse.")
    );

    p.type_into(EMAIL, "nina.roux@exemple.fr").await;
    p.click("Ajouter").await;
    assert!(document().query_selector("dialog[open]").unwrap().is_none());
    assert_eq!(p.users().last().map(String::as_str), Some("Nina Roux"));
    let nina = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| s.user(&UserId::new("nina-roux")).map(|u| u.role));
    assert_eq!(
        nina,
        Some(Role::Standard),
        "standard unless Administrateur is chosen"
    );
}

#[wasm_bindgen_test]
async fn removal_offers_who_may_take_over_then_personne() {
    let p = page().await;
    p.click("Supprimer Julien Petit").await;
    assert_eq!(
        p.options("ma-utilisateur-successeur"),
        vec![
            ("claire-martin".to_string(), "Claire Martin".to_string()),
            (String::new(), "Personne".to_string())
        ]
    );
    let select: web_sys::HtmlSelectElement = document()
        .get_element_by_id("ma-utilisateur-successeur")
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "claire-martin", "the primary admin first");
    p.click("Annuler").await;
    assert_eq!(p.users().len(), 3, "Annuler removes nobody");
}

#[wasm_bindgen_test]
async fn a_change_that_takes_connections_away_asks_who_takes_them() {
    let p = page().await;
    p.click("Modifier Julien Petit").await;
    assert!(
        document()
            .get_element_by_id("ma-utilisateur-successeur")
            .is_none(),
        "nothing taken away yet"
    );
    p.input("ma-utilisateur-standard").click();
    settle().await;
    assert!(
        document()
            .get_element_by_id("ma-utilisateur-successeur")
            .is_some(),
        "made a standard user, his connections need someone"
    );
    p.input("ma-utilisateur-admin").click();
    settle().await;
    assert!(document()
        .get_element_by_id("ma-utilisateur-successeur")
        .is_none());
}
