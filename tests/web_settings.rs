//! A connection's settings view in headless Chromium, mounted through the whole app at its
//! URL: field-level validation, saving, "Utilisateur associé" and the unsaved flag.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::Command;
use mes_apps::domain::forms::settings::SettingValue;
use mes_apps::domain::model::{AppId, CompanyId, Product, UserId};
use mes_apps::ui::state::Contexts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const COMPANY: &str = "boulangerie-martin";
const APP: &str = "paie-facile";
const EMAIL: &str = "ma-reglage-email_gestionnaire";
const JOURNAL: &str = "ma-reglage-journal_paie";
const TOGGLE: &str = "ma-reglage-ecriture_par_salarie";

/// The app mounted at a connection's settings.
struct Page(Mounted);

impl std::ops::Deref for Page {
    type Target = Mounted;
    fn deref(&self) -> &Mounted {
        &self.0
    }
}

impl std::ops::DerefMut for Page {
    fn deref_mut(&mut self) -> &mut Mounted {
        &mut self.0
    }
}

impl Page {
    fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        find(&self.root, selector)
    }

    fn save_button(&self) -> web_sys::HtmlButtonElement {
        let list = self.root.query_selector_all("button[type=submit]").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlButtonElement>()
            })
            .find(|b| b.text_content().unwrap_or_default().trim() == "Enregistrer")
            .expect("the Enregistrer button")
    }

    async fn save(&self) {
        self.save_button().click();
        settle().await;
    }

    fn saved(&self, key: &str) -> Option<SettingValue> {
        self.state
            .products
            .state(Product::QuickBooks)
            .with_untracked(|s| {
                s.connection(&AppId::new(APP), &CompanyId::new(COMPANY))
                    .and_then(|c| c.settings.get(key).cloned())
            })
    }

    fn journal_len(&self) -> usize {
        self.state
            .products
            .state(Product::QuickBooks)
            .with_untracked(|s| s.journal.len())
    }

    fn associated(&self) -> String {
        self.find(".ma-associated__line")
            .expect("the Utilisateur associé line")
            .text_content()
            .unwrap()
    }

    /// The field's error: the element its aria-describedby names, next to it.
    fn error_of(&self, id: &str) -> Option<String> {
        let input = self.input(id);
        let error_id = format!("{id}-erreur");
        let error = document().get_element_by_id(&error_id)?;
        let described = input.get_attribute("aria-describedby").unwrap_or_default();
        assert!(
            described.split_whitespace().any(|d| d == error_id),
            "#{id} is described by its error (aria-describedby=\"{described}\")"
        );
        let field = input.closest(".ma-field").unwrap().unwrap();
        assert!(
            field.contains(Some(&error)),
            "the error of #{id} is next to it"
        );
        // French typography's no-break spaces read as spaces.
        Some(
            error
                .text_content()
                .unwrap()
                .replace(['\u{202F}', '\u{A0}'], " "),
        )
    }
}

/// The settings of Paie Facile, connected first by Claire Martin (the acting user).
async fn page() -> Page {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    state
        .products
        .dispatch(
            Product::QuickBooks,
            Command::Get {
                app: AppId::new(APP),
                company: CompanyId::new(COMPANY),
            },
        )
        .unwrap();
    let p = Page(
        mount_app(
            &format!("/quickbooks/mes-apps/connexions/{COMPANY}/{APP}/parametres"),
            state,
        )
        .await,
    );
    let heading = p
        .find("#ma-settings-title")
        .expect("the heading")
        .text_content()
        .unwrap();
    assert_eq!(heading, "Paramètres de Paie Facile");
    p
}

#[wasm_bindgen_test]
async fn invalid_fields_get_their_own_message_focus_and_nothing_is_saved() {
    let p = page().await;
    let journal = p.journal_len();
    assert_eq!(
        p.saved("email_gestionnaire"),
        Some(SettingValue::Text("paie@exemple.fr".into()))
    );
    p.type_into(EMAIL, "paie-at-exemple").await;
    p.type_into(JOURNAL, "").await;
    // Focus elsewhere first, so that the focus move is the form's doing.
    p.save_button().focus().unwrap();
    p.save().await;

    for id in [EMAIL, JOURNAL] {
        assert_eq!(
            p.input(id).get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "#{id} is marked invalid"
        );
    }
    assert_eq!(
        p.error_of(EMAIL).as_deref(),
        Some("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")
    );
    assert_eq!(
        p.error_of(JOURNAL).as_deref(),
        Some("Ce champ est obligatoire.")
    );
    assert_eq!(p.error_of(TOGGLE), None, "a valid field has no message");
    assert_eq!(p.input(TOGGLE).get_attribute("aria-invalid"), None);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some(EMAIL),
        "focus goes to the first invalid field"
    );
    let alert = p
        .find("form [role=alert]")
        .expect("a summary of the refusal")
        .text_content()
        .unwrap();
    assert!(!alert.is_empty());
    // Nothing saved.
    assert_eq!(
        p.saved("email_gestionnaire"),
        Some(SettingValue::Text("paie@exemple.fr".into()))
    );
    assert_eq!(
        p.saved("journal_paie"),
        Some(SettingValue::Text("PAIE".into()))
    );
    assert_eq!(p.journal_len(), journal, "no journal entry");
    assert!(p.state.leave.is_unsaved(), "the draft is still unsaved");

    // Correcting a field clears its own message only.
    p.type_into(JOURNAL, "SAL").await;
    assert_eq!(p.input(JOURNAL).get_attribute("aria-invalid"), None);
    assert_eq!(p.error_of(JOURNAL), None);
    assert!(p.error_of(EMAIL).is_some());
    assert_eq!(
        p.input(JOURNAL)
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("ma-reglage-journal_paie-aide"),
        "no dangling reference to a removed message"
    );
}

#[wasm_bindgen_test]
async fn a_code_in_lower_case_is_refused_next_to_its_field() {
    let p = page().await;
    p.type_into(JOURNAL, "sal").await;
    p.save().await;
    assert_eq!(
        p.error_of(JOURNAL).as_deref(),
        Some("Utilisez des majuscules, des chiffres et des tirets.")
    );
    assert_eq!(p.error_of(EMAIL), None);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some(JOURNAL)
    );
    assert_eq!(
        p.saved("journal_paie"),
        Some(SettingValue::Text("PAIE".into()))
    );
}

#[wasm_bindgen_test]
async fn a_valid_change_is_saved_and_confirmed() {
    let p = page().await;
    let journal = p.journal_len();
    p.type_into(JOURNAL, "SAL").await;
    p.input(TOGGLE).click();
    settle().await;
    p.save().await;
    assert_eq!(
        p.saved("journal_paie"),
        Some(SettingValue::Text("SAL".into()))
    );
    assert_eq!(
        p.saved("ecriture_par_salarie"),
        Some(SettingValue::Bool(true))
    );
    assert_eq!(
        p.saved("email_gestionnaire"),
        Some(SettingValue::Text("paie@exemple.fr".into()))
    );
    assert_eq!(p.journal_len(), journal + 1, "one journal entry");
    let success = p
        .find("form .ma-message--success")
        .expect("a success message by the form");
    assert_eq!(
        success
            .text_content()
            .unwrap()
            .replace(['\u{202F}', '\u{A0}'], " "),
        "Paramètres de Paie Facile enregistrés (2 modifications)."
    );
    // Announced once, by the page's status region: the message by the form is not a
    // second live region.
    assert_eq!(success.get_attribute("role"), None);
    assert!(p.find("form [role=status]").is_none());
    assert_eq!(
        p.state
            .status
            .text_untracked()
            .replace(['\u{202F}', '\u{A0}'], " "),
        "Paramètres de Paie Facile enregistrés (2 modifications)."
    );
    assert!(p.find("form [role=alert]").is_none());
    assert!(!p.state.leave.is_unsaved(), "nothing left unsaved");
    let stored = saved("mes-apps/quickbooks").unwrap();
    assert!(stored.contains("\"SAL\""), "saved to storage too");
}

#[wasm_bindgen_test]
async fn utilisateur_associe_names_the_manager_and_follows_the_acting_user() {
    let p = page().await;
    let line = p.associated();
    assert!(line.contains("Utilisateur associé"), "{line}");
    assert!(line.contains("Claire Martin"), "{line}");
    assert!(line.contains("c'est vous"), "{line}");
    assert!(!line.contains("ce n'est pas vous"), "{line}");

    p.state
        .session
        .set_actor(Product::QuickBooks, UserId::new("julien-petit"));
    settle().await;
    let line = p.associated();
    assert!(line.contains("Claire Martin"), "{line}");
    assert!(line.contains("ce n'est pas vous"), "{line}");
    let take_over = p.find("#ma-reprendre");
    assert!(
        take_over.is_some(),
        "an administrator of QuickBooks may take it over"
    );

    p.state
        .session
        .set_actor(Product::QuickBooks, UserId::new("sophie-bernard"));
    settle().await;
    let line = p.associated();
    assert!(line.contains("ce n'est pas vous"), "{line}");
    assert!(p.find("#ma-reprendre").is_none(), "a standard user may not");
    assert!(
        p.input(JOURNAL).disabled(),
        "a standard user sees the settings read-only"
    );

    p.state
        .session
        .set_actor(Product::QuickBooks, UserId::new("claire-martin"));
    settle().await;
    let line = p.associated();
    assert!(line.contains("c'est vous"), "{line}");
    assert!(!line.contains("ce n'est pas vous"), "{line}");
}

#[wasm_bindgen_test]
async fn the_unsaved_flag_follows_the_form() {
    let p = page().await;
    assert!(!p.state.leave.is_unsaved(), "clean at first");
    let hint = || {
        p.root
            .text_content()
            .unwrap()
            .contains("Modifications non enregistrées")
    };
    assert!(!hint());

    p.input(TOGGLE).click();
    settle().await;
    assert!(p.state.leave.is_unsaved(), "a toggled option");
    assert!(hint());
    p.input(TOGGLE).click();
    settle().await;
    assert!(!p.state.leave.is_unsaved(), "toggled back: clean again");
    assert!(!hint());

    p.type_into(JOURNAL, "PAIE2").await;
    assert!(p.state.leave.is_unsaved());
    p.type_into(JOURNAL, "PAIE").await;
    assert!(!p.state.leave.is_unsaved(), "typed back to the saved value");

    p.type_into(JOURNAL, "SAL").await;
    assert!(p.state.leave.is_unsaved());
    p.save().await;
    assert!(!p.state.leave.is_unsaved(), "saved: clean");

    p.type_into(EMAIL, "rh@exemple.fr").await;
    assert!(p.state.leave.is_unsaved());
    let mut p = p;
    p.handle.take();
    settle().await;
    assert!(
        !p.state.leave.is_unsaved(),
        "leaving the view clears the flag"
    );
}

#[wasm_bindgen_test]
async fn a_demo_connection_managed_by_someone_else_says_so() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    let p = Page(
        mount_app(
            &format!("/quickbooks/mes-apps/connexions/{COMPANY}/stock-malin/parametres"),
            state,
        )
        .await,
    );
    let line = p.associated();
    assert!(line.contains("Julien Petit"), "{line}");
    assert!(line.contains("ce n'est pas vous"), "{line}");
    let id = "ma-reglage-compte_stock";
    p.type_into(id, "12").await;
    p.save().await;
    assert_eq!(
        p.input(id).get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        p.error_of(id).as_deref(),
        Some("6 caractères au minimum (2 saisis).")
    );
    let saved = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| {
            s.connection(&AppId::new("stock-malin"), &CompanyId::new(COMPANY))
                .and_then(|c| c.settings.get("compte_stock").cloned())
        });
    assert_eq!(saved, Some(SettingValue::Text("370000".into())));
}

/// Sets the journal code through the app state, as another tab or a reset would.
async fn change_journal_elsewhere(p: &Page, code: &str) {
    let mut values = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| {
            s.connection(&AppId::new(APP), &CompanyId::new(COMPANY))
                .map(|c| c.settings.clone())
        })
        .unwrap();
    values.insert(
        JOURNAL.trim_start_matches("ma-reglage-").to_string(),
        SettingValue::Text(code.into()),
    );
    p.state
        .products
        .dispatch(
            Product::QuickBooks,
            Command::UpdateSettings {
                app: AppId::new(APP),
                company: CompanyId::new(COMPANY),
                values,
            },
        )
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn an_untouched_form_follows_settings_changed_elsewhere() {
    let p = page().await;
    change_journal_elsewhere(&p, "AILLEURS").await;
    assert_eq!(
        p.input(JOURNAL).value(),
        "AILLEURS",
        "the form shows the new value"
    );
    assert!(!p.state.leave.is_unsaved(), "and has nothing unsaved");

    // With an edit in progress, the edit is kept.
    p.type_into(EMAIL, "rh@exemple.fr").await;
    change_journal_elsewhere(&p, "ENCORE").await;
    assert_eq!(
        p.input(EMAIL).value(),
        "rh@exemple.fr",
        "the edit in progress stays"
    );
    assert!(p.state.leave.is_unsaved());
}

impl Page {
    /// Picks who acts through the header's Utilisateur control, as a user does.
    async fn choose_user(&self, id: &str) {
        let select: web_sys::HtmlSelectElement = document()
            .get_element_by_id("ma-utilisateur")
            .expect("the Utilisateur control")
            .unchecked_into();
        select.set_value(id);
        select.dispatch_event(&plain_event("change")).unwrap();
        settle().await;
    }

    fn user_shown(&self) -> String {
        document()
            .get_element_by_id("ma-utilisateur")
            .unwrap()
            .unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    }

    fn actor(&self) -> String {
        self.state
            .session
            .actor_untracked(Product::QuickBooks)
            .to_string()
    }

    /// The leave question's button named `name`, if the question is open.
    fn leave_button(&self, name: &str) -> Option<web_sys::HtmlElement> {
        let dialog = document().query_selector("dialog[open]").unwrap()?;
        let list = dialog.query_selector_all("button").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == name)
    }
}

#[wasm_bindgen_test]
async fn switching_user_with_unsaved_settings_asks_like_leaving_the_page() {
    let p = page().await;
    p.type_into(EMAIL, "claire@exemple.fr").await;
    p.choose_user("julien-petit").await;
    let stay = p
        .leave_button("Rester sur la page")
        .expect("the leave question");
    assert_eq!(p.actor(), "claire-martin", "nobody switched yet");
    assert_eq!(
        p.user_shown(),
        "claire-martin",
        "the control still shows Claire"
    );

    // Staying keeps Claire and her edit.
    stay.click();
    settle().await;
    assert!(
        p.leave_button("Rester sur la page").is_none(),
        "the question is gone"
    );
    assert_eq!(p.actor(), "claire-martin");
    assert_eq!(p.input(EMAIL).value(), "claire@exemple.fr");

    // Leaving anyway switches to Julien, whose form shows what is saved.
    p.choose_user("julien-petit").await;
    p.leave_button("Quitter sans enregistrer")
        .expect("the leave question again")
        .click();
    settle().await;
    assert_eq!(p.actor(), "julien-petit");
    assert_eq!(p.user_shown(), "julien-petit");
    assert_ne!(
        p.input(EMAIL).value(),
        "claire@exemple.fr",
        "Claire's edit is not Julien's"
    );
    assert!(!p.state.leave.is_unsaved(), "nothing unsaved for Julien");
    assert_ne!(
        p.saved("email_gestionnaire"),
        Some(SettingValue::Text("claire@exemple.fr".into())),
        "and nothing of Claire's edit was saved"
    );
}

#[wasm_bindgen_test]
async fn a_draft_is_given_back_only_to_the_user_who_typed_it() {
    let p = page().await;
    p.type_into(EMAIL, "claire@exemple.fr").await;
    // The acting user changes without the question (another tab's import, say): Claire's
    // edit is kept for her.
    p.state
        .session
        .set_actor(Product::QuickBooks, UserId::new("julien-petit"));
    settle().await;
    assert_ne!(
        p.input(EMAIL).value(),
        "claire@exemple.fr",
        "not shown to Julien"
    );
    p.save().await;
    assert_ne!(
        p.saved("email_gestionnaire"),
        Some(SettingValue::Text("claire@exemple.fr".into())),
        "Julien's save does not save Claire's edit"
    );
    p.state
        .session
        .set_actor(Product::QuickBooks, UserId::new("claire-martin"));
    settle().await;
    assert_eq!(
        p.input(EMAIL).value(),
        "claire@exemple.fr",
        "given back to Claire"
    );
    assert!(p.state.leave.is_unsaved(), "and still unsaved");
}
