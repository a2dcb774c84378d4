//! The disconnection dialog in headless Chromium: the questionnaire gates "Déconnecter",
//! "Autre" needs a bounded text, Annuler changes nothing, a valid answer disconnects, and a
//! standard user is told who may.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::forms::questionnaire::{Questionnaire, Reason};
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::{AppId, CompanyId, Product, UserId};
use mes_apps::ui::state::Contexts;
use mes_apps::ui::widgets::disconnect_dialog::DisconnectDialog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const APP: &str = "banque-sereine";
const COMPANY: &str = "boulangerie-martin";

struct Page {
    root: web_sys::HtmlElement,
    state: Contexts,
    closes: Arc<AtomicUsize>,
    dones: Arc<AtomicUsize>,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.handle.take();
        self.root.remove();
        if let Some(opener) = document().get_element_by_id("retour") {
            opener.remove();
        }
    }
}

impl Page {
    fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        find(&self.root, selector)
    }

    fn get(&self, selector: &str) -> web_sys::HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} is in the dialog"))
    }

    fn button(&self, text: &str) -> Option<web_sys::HtmlButtonElement> {
        let list = self.root.query_selector_all("button").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlButtonElement>()
            })
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
    }

    fn submit(&self) -> web_sys::HtmlButtonElement {
        self.button("Déconnecter").expect("the Déconnecter button")
    }

    async fn choose(&self, reason: Reason) {
        self.get(&format!("#ma-raison-{}", reason.slug())).click();
        settle().await;
    }

    fn textarea(&self) -> Option<web_sys::HtmlTextAreaElement> {
        self.find("textarea").map(|e| e.unchecked_into())
    }

    async fn type_other(&self, text: &str) {
        let area = self.textarea().expect("the Autre text");
        area.set_value(text);
        area.dispatch_event(&plain_event("input")).unwrap();
        settle().await;
    }

    fn counter(&self) -> String {
        let area = self.textarea().unwrap();
        let id = area.get_attribute("aria-describedby").unwrap();
        document()
            .get_element_by_id(&id)
            .expect("the counter describes the text")
            .text_content()
            .unwrap()
            .trim()
            // French typography's no-break spaces read as spaces.
            .replace(['\u{202F}', '\u{A0}'], " ")
    }

    fn connected(&self) -> bool {
        self.state
            .products
            .state(Product::QuickBooks)
            .with_untracked(|s| {
                s.connection(&AppId::new(APP), &CompanyId::new(COMPANY))
                    .is_some()
            })
    }
}

async fn page(actor: Option<&str>) -> Page {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    if let Some(actor) = actor {
        state
            .session
            .set_actor(Product::QuickBooks, UserId::new(actor));
    }
    // The element focus returns to lives outside the mounted view, as the row's ▼ does.
    let opener = document().create_element("button").unwrap();
    opener.set_id("retour");
    opener.set_text_content(Some("Plus d'actions"));
    let root = container();
    root.before_with_node_1(&opener).unwrap();
    let closes = Arc::new(AtomicUsize::new(0));
    let dones = Arc::new(AtomicUsize::new(0));
    let (c, d) = (closes.clone(), dones.clone());
    let on_close = Callback::new(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
    });
    let on_done = Callback::new(move |_| {
        d.fetch_add(1, Ordering::SeqCst);
    });
    let handle = leptos::mount::mount_to(root.clone(), move || {
        state.provide();
        // Within a router, as in the app: the take-over's dialog opens the settings after.
        view! {
            <leptos_router::components::Router>
                <DisconnectDialog
                    product=Product::QuickBooks
                    app=AppId::new(APP)
                    company=CompanyId::new(COMPANY)
                    on_close=on_close
                    on_done=on_done
                    return_focus="retour"
                />
            </leptos_router::components::Router>
        }
    });
    settle().await;
    Page {
        root,
        state,
        closes,
        dones,
        handle: Some(Box::new(handle)),
    }
}

#[wasm_bindgen_test]
async fn deconnecter_stays_disabled_until_a_reason_is_chosen() {
    let p = page(None).await;
    let dialog = p.get("dialog");
    let title = document()
        .get_element_by_id(&dialog.get_attribute("aria-labelledby").unwrap())
        .unwrap();
    assert_eq!(title.text_content().unwrap(), "Déconnecter Banque Sereine");
    let legend = p.get("fieldset legend").text_content().unwrap();
    assert!(legend.contains("Pourquoi"), "{legend}");
    let radios = p.root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length() as usize, Reason::ALL.len());
    for i in 0..radios.length() {
        let r: web_sys::HtmlInputElement = radios.item(i).unwrap().unchecked_into();
        assert_eq!(r.name(), "ma-raison", "one radio group");
        let label = p.get(&format!("label[for='{}']", r.id()));
        assert!(!label.text_content().unwrap().is_empty());
    }
    // The note, with the publisher's contact.
    let note = p.get("aside").text_content().unwrap();
    assert!(note.contains("Sereine Finance SAS"), "{note}");
    assert!(p
        .find("a[href='mailto:donnees@sereine-finance.exemple.fr']")
        .is_some());

    assert!(p.submit().disabled(), "disabled before any answer");
    assert!(p.textarea().is_none(), "no text asked before Autre");
    p.choose(Reason::TooExpensive).await;
    assert!(!p.submit().disabled(), "enabled once a reason is chosen");
    assert!(p.textarea().is_none());
    assert!(p.connected(), "choosing changes nothing yet");
}

#[wasm_bindgen_test]
async fn autre_reveals_a_required_text_that_gates_deconnecter() {
    let p = page(None).await;
    p.choose(Reason::Other).await;
    let area = p.textarea().expect("Autre asks for a text");
    assert!(area.required(), "the text is required");
    let label = p.get(&format!("label[for='{}']", area.id()));
    assert!(!label.text_content().unwrap().trim().is_empty());
    assert!(p.submit().disabled(), "Autre without text is not an answer");
    assert_eq!(p.counter(), "0 / 500 caractères");

    p.type_other("Trop lente").await;
    assert_eq!(p.counter(), "10 / 500 caractères");
    assert!(!p.submit().disabled());

    p.type_other("    ").await;
    assert!(p.submit().disabled(), "blank text is not an answer");

    p.type_other("Écran illisible").await;
    assert_eq!(p.counter(), "15 / 500 caractères", "counted in characters");
    assert!(!p.submit().disabled());

    // Back to another reason: the text goes away, the answer stands.
    p.choose(Reason::Replaced).await;
    assert!(p.textarea().is_none());
    assert!(!p.submit().disabled());
}

#[wasm_bindgen_test]
async fn the_autre_text_is_bounded_with_a_message() {
    let p = page(None).await;
    p.choose(Reason::Other).await;
    let area = p.textarea().unwrap();
    assert_eq!(
        area.max_length(),
        500,
        "the browser bounds typing and pasting"
    );
    p.type_other(&"é".repeat(499)).await;
    assert_eq!(p.counter(), "499 / 500 caractères");
    p.type_other(&"é".repeat(500)).await;
    let counter = p.counter();
    assert!(
        counter.starts_with("500 / 500") && counter.contains("maximum"),
        "{counter}"
    );
    assert!(!p.submit().disabled(), "500 characters are allowed");
    // Past the bound (script-set, the browser would not let a user type it): refused.
    p.type_other(&"x".repeat(501)).await;
    let counter = p.counter();
    assert!(counter.contains("maximum"), "{counter}");
    assert!(p.submit().disabled(), "501 characters are refused");
    p.submit().click();
    settle().await;
    assert!(p.connected());
    assert_eq!(p.dones.load(Ordering::SeqCst), 0);
}

#[wasm_bindgen_test]
async fn annuler_and_escape_close_and_change_nothing() {
    let p = page(None).await;
    let before = p.state.products.state(Product::QuickBooks).get_untracked();
    p.choose(Reason::Other).await;
    p.type_other("Je reviendrai").await;
    p.button("Annuler").expect("Annuler").click();
    settle().await;
    assert_eq!(p.closes.load(Ordering::SeqCst), 1);
    assert_eq!(p.dones.load(Ordering::SeqCst), 0);
    // Escape fires `cancel` on the dialog.
    let cancel = plain_event("cancel");
    p.get("dialog").dispatch_event(&cancel).unwrap();
    settle().await;
    assert_eq!(p.closes.load(Ordering::SeqCst), 2);
    assert_eq!(p.dones.load(Ordering::SeqCst), 0);
    assert_eq!(
        p.state.products.state(Product::QuickBooks).get_untracked(),
        before
    );
    assert!(p.connected());
    let saved = saved("mes-apps/quickbooks");
    assert_eq!(saved, None, "nothing was saved");
}

#[wasm_bindgen_test]
async fn a_valid_answer_disconnects_and_calls_on_done() {
    let p = page(None).await;
    let journal_before = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| s.journal.len());
    p.choose(Reason::Other).await;
    p.type_other("  Nous changeons de banque  ").await;
    assert!(!p.submit().disabled());
    p.submit().click();
    settle().await;
    assert_eq!(p.dones.load(Ordering::SeqCst), 1);
    assert_eq!(p.closes.load(Ordering::SeqCst), 0);
    assert!(!p.connected(), "the connection left the state");
    let last = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| {
            assert_eq!(s.journal.len(), journal_before + 1);
            s.journal.last().cloned().unwrap()
        });
    assert_eq!(last.app, Some(AppId::new(APP)));
    assert_eq!(last.company, CompanyId::new(COMPANY));
    assert_eq!(last.actor, UserId::new("claire-martin"));
    assert_eq!(
        last.event,
        Event::Disconnection {
            answers: Questionnaire {
                reason: Reason::Other,
                other: Some("Nous changeons de banque".into()),
            }
        }
    );
    let status = p.state.status.text_untracked();
    assert!(status.contains("Banque Sereine"), "{status}");
    let saved = saved("mes-apps/quickbooks").expect("the change is saved");
    // The connection is gone from what is saved; its receipt keeps its name.
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let connections = saved["data"]["connections"].to_string();
    assert!(
        !connections.contains(APP),
        "the saved connections no longer hold it"
    );
    assert!(
        saved["data"]["receipts"].to_string().contains(APP),
        "its receipt is saved"
    );
    assert_eq!(
        untrack(|| p.state.status.link()).map(|l| l.label),
        Some("Voir le reçu"),
        "the status line links to the receipt"
    );
}

#[wasm_bindgen_test]
async fn a_standard_user_is_told_who_may_and_gets_no_form() {
    let p = page(Some("sophie-bernard")).await;
    let alert = p.get("[role=alert]").text_content().unwrap();
    assert!(alert.contains("Claire Martin"), "{alert}");
    assert!(alert.contains("Julien Petit"), "{alert}");
    assert!(p.find("form").is_none(), "no questionnaire");
    assert!(p.find("input[type=radio]").is_none());
    assert!(p.button("Déconnecter").is_none());
    p.button("Fermer").expect("a way out").click();
    settle().await;
    assert_eq!(p.closes.load(Ordering::SeqCst), 1);
    assert_eq!(p.dones.load(Ordering::SeqCst), 0);
    assert!(p.connected());
}

#[wasm_bindgen_test]
async fn focus_starts_inside_and_returns_to_the_given_element() {
    let mut p = page(None).await;
    let dialog = p.get("dialog");
    let active = document().active_element().unwrap();
    assert!(
        dialog.contains(Some(&active)),
        "focus is inside the dialog, on {}",
        active.outer_html()
    );
    p.handle.take();
    settle().await;
    assert!(p.find("dialog").is_none());
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("retour")
    );
}

#[wasm_bindgen_test]
async fn troubleshooting_offers_to_reconnect_instead_in_the_same_place() {
    let p = page(None).await;
    assert!(
        p.button("Reconnecter plutôt").is_none(),
        "nothing offered before a reason"
    );
    p.choose(Reason::Troubleshooting).await;
    let instead = p
        .button("Reconnecter plutôt")
        .expect("the better way is offered");
    assert!(!p.submit().disabled(), "Déconnecter stays available");
    let journal = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| s.journal.len());
    instead.click();
    settle().await;
    assert!(
        p.button("Déconnecter").is_none(),
        "the questionnaire gave way"
    );
    let title = p.get("dialog h2").text_content().unwrap();
    assert_eq!(title, "Reconnecter Banque Sereine");
    p.button("Reconnecter").expect("its button").click();
    settle().await;
    assert_eq!(
        p.closes.load(Ordering::SeqCst),
        1,
        "closed once reconnected"
    );
    assert_eq!(
        p.dones.load(Ordering::SeqCst),
        0,
        "nothing was disconnected"
    );
    assert!(p.connected());
    let last = p
        .state
        .products
        .state(Product::QuickBooks)
        .with_untracked(|s| {
            assert_eq!(s.journal.len(), journal + 1);
            s.journal.last().cloned().unwrap()
        });
    assert_eq!(last.event, Event::Reconnection);
}

#[wasm_bindgen_test]
async fn a_manager_who_left_offers_the_take_over_to_whoever_may() {
    // Julien may take over Claire's Banque Sereine (QuickBooks admins may).
    let p = page(Some("julien-petit")).await;
    p.choose(Reason::ManagerLeft).await;
    let note = p.get(".ma-way-out").text_content().unwrap();
    assert!(note.contains("Claire Martin"), "{note}");
    p.button("Prendre en charge plutôt")
        .expect("the take-over is offered")
        .click();
    settle().await;
    let title = p.get("dialog h2").text_content().unwrap();
    assert_eq!(title, "Obtenir Banque Sereine");
    let warning = p.get(".ma-message--warning").text_content().unwrap();
    assert!(warning.contains("reprenez la gestion"), "{warning}");
    drop(p);
    // Claire manages it herself: nobody to replace, nothing but Déconnecter.
    let p = page(None).await;
    p.choose(Reason::ManagerLeft).await;
    assert!(p.button("Prendre en charge plutôt").is_none());
    assert!(p
        .get(".ma-way-out")
        .text_content()
        .unwrap()
        .contains("C'est vous qui gérez"));
    assert!(!p.submit().disabled());
}
