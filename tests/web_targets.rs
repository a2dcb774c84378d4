//! The "Installer pour" choice of Expert-Comptable in headless Chromium: the firm then the
//! clients the acting user may access, installed targets marked with their manager, one
//! radio group, and a filter box once there are many clients.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::data::demo;
use mes_apps::domain::model::{AppId, Company, CompanyId, CompanyKind, Product, UserId};
use mes_apps::ui::state::Contexts;
use mes_apps::ui::widgets::get_dialog::TargetChooser;
use mes_apps::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const EC: Product = Product::ExpertComptable;
const FIRM: &str = "Cabinet Dupont & Associés";

struct Chooser {
    root: web_sys::HtmlElement,
    target: RwSignal<Option<CompanyId>>,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Drop for Chooser {
    fn drop(&mut self) {
        self.handle.take();
        self.root.remove();
    }
}

impl Chooser {
    fn radios(&self) -> Vec<web_sys::HtmlInputElement> {
        let list = self.root.query_selector_all("input[type=radio]").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn label_of(&self, radio: &web_sys::HtmlInputElement) -> String {
        self.root
            .query_selector(&format!("label[for='{}']", radio.id()))
            .unwrap()
            .unwrap_or_else(|| panic!("#{} has a label", radio.id()))
            .text_content()
            .unwrap()
    }

    fn labels(&self) -> Vec<String> {
        self.radios().iter().map(|r| self.label_of(r)).collect()
    }

    fn radio(&self, company: &str) -> web_sys::HtmlInputElement {
        document()
            .get_element_by_id(&format!("ma-cible-{company}"))
            .unwrap_or_else(|| panic!("a radio for {company}"))
            .unchecked_into()
    }

    /// The mark the radio is described by, if any.
    fn mark(&self, company: &str) -> Option<String> {
        let id = self.radio(company).get_attribute("aria-describedby")?;
        let mark = document()
            .get_element_by_id(&id)
            .unwrap_or_else(|| panic!("aria-describedby of {company} names an element"));
        Some(mark.text_content().unwrap())
    }

    fn filter(&self) -> Option<web_sys::HtmlInputElement> {
        self.root
            .query_selector("input[type=search]")
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    async fn filter_by(&self, text: &str) {
        let input = self.filter().expect("the filter box");
        input.set_value(text);
        input.dispatch_event(&plain_event("input")).unwrap();
        settle().await;
    }
}

fn fresh_state(actor: &str) -> Contexts {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    state.session.set_actor(EC, UserId::new(actor));
    state
}

async fn chooser(state: Contexts, app: &str) -> Chooser {
    let root = container();
    let target = RwSignal::new(None::<CompanyId>);
    let filter = RwSignal::new(String::new());
    let app = AppId::new(app);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        state.provide();
        view! { <TargetChooser product=EC app=app target=target filter=filter/> }
    });
    settle().await;
    Chooser {
        root,
        target,
        handle: Some(Box::new(handle)),
    }
}

/// The demo state of Expert-Comptable with `extra` more clients, which Marie Dupont (the
/// primary admin) may all access.
fn with_clients(state: Contexts, extra: &[(&str, &str)]) {
    let mut s = Catalogue::shipped()
        .map(|c| demo::state(EC, &c, NOW))
        .unwrap();
    for (id, name) in extra {
        s.companies.push(Company {
            id: CompanyId::new(*id),
            name: (*name).into(),
            kind: CompanyKind::Client,
        });
    }
    state.products.replace(EC, s).unwrap();
}

#[wasm_bindgen_test]
async fn thomas_sees_the_firm_first_then_his_clients_only() {
    let state = fresh_state("thomas-leroy");
    let c = chooser(state, "caisse-horizon").await;
    assert_eq!(
        c.labels(),
        [
            FIRM,
            "Boulangerie Martin",
            "Garage Lefèvre",
            "Fleurs de Provence",
            "Studio Nova",
            "Restaurant Le Comptoir",
        ]
    );
    assert!(
        !c.root.text_content().unwrap().contains("Pharmacie du Port"),
        "a client he cannot access is absent"
    );
    let legend = c
        .root
        .query_selector("fieldset > legend")
        .unwrap()
        .expect("the group has a legend")
        .text_content()
        .unwrap();
    assert_eq!(legend, "Installer pour");
}

#[wasm_bindgen_test]
async fn lea_sees_her_three_clients() {
    let state = fresh_state("lea-moreau");
    let c = chooser(state, "caisse-horizon").await;
    assert_eq!(
        c.labels(),
        [
            FIRM,
            "Boulangerie Martin",
            "Fleurs de Provence",
            "Studio Nova"
        ]
    );
}

#[wasm_bindgen_test]
async fn marie_sees_every_client() {
    let state = fresh_state("marie-dupont");
    let c = chooser(state, "caisse-horizon").await;
    assert_eq!(c.labels().len(), 7);
    assert_eq!(c.labels()[6], "Pharmacie du Port");
    assert!(c.filter().is_none(), "six clients: no filter box");
}

#[wasm_bindgen_test]
async fn installed_targets_are_marked_with_their_manager() {
    // Notes Éclair: installed for Fleurs de Provence by Marie Dupont.
    let state = fresh_state("thomas-leroy");
    let c = chooser(state, "notes-eclair").await;
    assert_eq!(
        c.mark("fleurs-de-provence").as_deref(),
        Some("déjà installée, gérée par Marie Dupont")
    );
    for other in ["cabinet-dupont", "boulangerie-martin", "garage-lefevre"] {
        assert_eq!(c.mark(other), None, "{other} is not marked");
        assert!(
            c.root
                .query_selector(&format!("#ma-cible-{other}-etat"))
                .unwrap()
                .is_none(),
            "no mark element for {other}"
        );
    }
    drop(c);

    // Stock Malin: Boulangerie Martin by Thomas, Pharmacie du Port by Marie.
    let state = fresh_state("marie-dupont");
    let c = chooser(state, "stock-malin").await;
    assert_eq!(
        c.mark("boulangerie-martin").as_deref(),
        Some("déjà installée, gérée par Thomas Leroy")
    );
    assert_eq!(
        c.mark("pharmacie-du-port").as_deref(),
        Some("déjà installée, gérée par vous")
    );
    assert_eq!(c.mark("studio-nova"), None);
    drop(c);

    // Tableau Clair: the firm's own app, by Marie.
    let state = fresh_state("thomas-leroy");
    let c = chooser(state, "tableau-clair").await;
    assert_eq!(
        c.mark("cabinet-dupont").as_deref(),
        Some("déjà installée, gérée par Marie Dupont")
    );
}

#[wasm_bindgen_test]
async fn the_radios_are_one_group_and_choosing_sets_the_target() {
    let state = fresh_state("thomas-leroy");
    let c = chooser(state, "caisse-horizon").await;
    let radios = c.radios();
    assert!(radios.len() > 2);
    let name = radios[0].name();
    assert!(!name.is_empty());
    let fieldsets = c.root.query_selector_all("fieldset").unwrap().length();
    assert_eq!(fieldsets, 1, "one group");
    for r in &radios {
        assert_eq!(r.name(), name, "same name: arrows move between them");
        assert!(!r.checked(), "nothing chosen in advance");
        assert_eq!(r.tab_index(), 0);
    }
    c.radio("garage-lefevre").click();
    settle().await;
    assert_eq!(
        c.target.get_untracked(),
        Some(CompanyId::new("garage-lefevre"))
    );
    c.radio("cabinet-dupont").click();
    settle().await;
    assert_eq!(
        c.target.get_untracked(),
        Some(CompanyId::new("cabinet-dupont"))
    );
    assert!(c.radio("cabinet-dupont").checked());
    assert!(
        !c.radio("garage-lefevre").checked(),
        "choosing one unchecks the other"
    );
}

#[wasm_bindgen_test]
async fn no_filter_box_with_eight_clients() {
    let state = fresh_state("marie-dupont");
    with_clients(
        state,
        &[
            ("epicerie", "Épicerie Sélection"),
            ("atelier", "Atelier Brun"),
        ],
    );
    let c = chooser(state, "caisse-horizon").await;
    assert_eq!(c.labels().len(), 9, "the firm and eight clients");
    assert!(c.filter().is_none(), "eight clients: no filter box");
}

#[wasm_bindgen_test]
async fn more_than_eight_clients_get_a_filter_that_ignores_accents() {
    let state = fresh_state("marie-dupont");
    with_clients(
        state,
        &[
            ("epicerie", "Épicerie Sélection"),
            ("atelier", "Atelier Brun"),
            ("hotel", "Hôtel des Célestins"),
        ],
    );
    let c = chooser(state, "caisse-horizon").await;
    assert_eq!(c.labels().len(), 10, "the firm and nine clients");
    let filter = c.filter().expect("nine clients: a filter box");
    let label = c
        .root
        .query_selector(&format!("label[for='{}']", filter.id()))
        .unwrap()
        .expect("the filter is labelled")
        .text_content()
        .unwrap();
    assert!(!label.trim().is_empty());

    c.filter_by("epicerie").await;
    assert_eq!(
        c.labels(),
        [FIRM, "Épicerie Sélection"],
        "firm always offered"
    );
    c.filter_by("CELESTINS").await;
    assert_eq!(c.labels(), [FIRM, "Hôtel des Célestins"]);
    c.filter_by("lefevre").await;
    assert_eq!(c.labels(), [FIRM, "Garage Lefèvre"]);
    c.filter_by("zzz").await;
    assert_eq!(c.labels(), [FIRM]);
    c.filter_by("").await;
    assert_eq!(c.labels().len(), 10);

    // A chosen client stays in the list whatever the filter.
    c.radio("studio-nova").click();
    settle().await;
    c.filter_by("provence").await;
    assert_eq!(c.labels(), [FIRM, "Fleurs de Provence", "Studio Nova"]);
    assert!(c.radio("studio-nova").checked());
}

#[wasm_bindgen_test]
async fn the_filter_counts_the_clients_the_user_may_access() {
    let state = fresh_state("thomas-leroy");
    with_clients(
        state,
        &[
            ("epicerie", "Épicerie Sélection"),
            ("atelier", "Atelier Brun"),
            ("hotel", "Hôtel des Célestins"),
        ],
    );
    // Thomas stays the acting user after the replace.
    state.session.set_actor(EC, UserId::new("thomas-leroy"));
    let c = chooser(state, "caisse-horizon").await;
    assert_eq!(c.labels().len(), 6, "the firm and his five clients");
    assert!(c.filter().is_none(), "five clients shown: no filter box");
}

#[wasm_bindgen_test]
async fn obtenir_l_appli_asks_for_whom_then_installs() {
    let state = fresh_state("thomas-leroy");
    window()
        .history()
        .unwrap()
        .push_state_with_url(
            &JsValue::NULL,
            "",
            Some("/expert-comptable/mes-apps/applis/caisse-horizon"),
        )
        .unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        state.provide();
        view! { <App/> }
    });
    settle().await;
    let buttons = root.query_selector_all("button").unwrap();
    let get: web_sys::HtmlElement = (0..buttons.length())
        .map(|i| {
            buttons
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| b.text_content().unwrap().trim() == "Obtenir l'appli")
        .expect("Obtenir l'appli");
    get.click();
    settle().await;
    let dialog = root.query_selector("dialog").unwrap().expect("the dialog");
    let list = dialog.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(list.length(), 6, "the firm and Thomas's five clients");
    let install: web_sys::HtmlButtonElement = dialog
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(install.text_content().unwrap().trim(), "Installer");
    assert!(install.disabled(), "nothing chosen yet");
    document()
        .get_element_by_id("ma-cible-garage-lefevre")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert!(!install.disabled());
    install.click();
    settle().await;
    let installed = state.products.state(EC).with_untracked(|s| {
        s.connection(
            &AppId::new("caisse-horizon"),
            &CompanyId::new("garage-lefevre"),
        )
        .and_then(|c| c.manager.clone())
    });
    assert_eq!(installed, Some(UserId::new("thomas-leroy")));
    assert_eq!(
        window().location().pathname().unwrap(),
        "/expert-comptable/mes-apps/connexions/garage-lefevre/caisse-horizon/parametres"
    );
    drop(handle);
    root.remove();
    window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}
