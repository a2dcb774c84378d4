//! Connections' health in the lists, in headless Chromium: the État column in words, the
//! summary above the table and its links, Reconnecter in the ▼ menu of a connection that
//! expires soon and in Lancer's place once it has expired — all following the demo's
//! clock as it moves — the Démo area's date, and the icons beside the words, drawn with
//! the style sheet in place.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::Command;
use mes_apps::domain::model::{AppId, CompanyId, Product};
use mes_apps::ui::state::Contexts;
use mes_apps::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

struct Page {
    root: web_sys::HtmlElement,
    state: Contexts,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
        window()
            .history()
            .unwrap()
            .push_state_with_url(&JsValue::NULL, "", Some("/"))
            .unwrap();
    }
}

fn text(e: &web_sys::Element) -> String {
    // French typography's no-break spaces read as spaces.
    e.text_content()
        .unwrap_or_default()
        .trim()
        .replace(['\u{202F}', '\u{A0}'], " ")
}

impl Page {
    /// The row whose app is `name`.
    fn row(&self, name: &str) -> web_sys::Element {
        let rows = self.root.query_selector_all("tr.ma-table__row").unwrap();
        (0..rows.length())
            .map(|i| rows.item(i).unwrap().unchecked_into::<web_sys::Element>())
            .find(|r| {
                r.query_selector(".ma-table__name")
                    .unwrap()
                    .is_some_and(|n| text(&n) == name)
            })
            .unwrap_or_else(|| panic!("a row for {name}"))
    }

    fn state_of(&self, name: &str) -> String {
        let cell = self
            .row(name)
            .query_selector("td[data-label='État']")
            .unwrap();
        text(&cell.expect("an État cell"))
    }

    fn main_button(&self, name: &str) -> String {
        text(
            &self
                .row(name)
                .query_selector(".ma-split__main")
                .unwrap()
                .unwrap(),
        )
    }

    fn menu_items(&self, name: &str) -> Vec<String> {
        let items = self
            .row(name)
            .query_selector_all("[role=menuitem]")
            .unwrap();
        (0..items.length())
            .map(|i| text(&items.item(i).unwrap().unchecked_into()))
            .collect()
    }

    fn summary(&self) -> Option<String> {
        find(&self.root, ".ma-attention__summary").map(|e| text(&e))
    }
}

async fn aper_u() -> Page {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some("/quickbooks/mes-apps/apercu"))
        .unwrap();
    let state = Contexts::new(Catalogue::shipped().unwrap());
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        state.provide();
        view! { <App/> }
    });
    settle().await;
    Page {
        root,
        state,
        _handle: Box::new(handle),
    }
}

#[wasm_bindgen_test]
async fn the_lists_say_each_connections_state_in_words() {
    let p = aper_u().await;
    let headers = p.root.query_selector_all("th").unwrap();
    let names: Vec<String> = (0..headers.length())
        .map(|i| text(&headers.item(i).unwrap().unchecked_into()))
        .collect();
    assert!(names.contains(&"État".to_string()), "{names:?}");
    assert_eq!(p.state_of("Tableau Clair"), "Expire dans 9 jours");
    assert_eq!(p.state_of("Banque Sereine"), "Active");
    assert_eq!(p.summary().as_deref(), Some("1 appli expire dans 9 jours"));
    assert_eq!(p.main_button("Tableau Clair"), "Lancer");
    assert_eq!(
        p.menu_items("Tableau Clair"),
        ["Reconnecter", "Paramètres", "Suspendre", "Déconnectez-vous"]
    );
    assert_eq!(
        p.menu_items("Banque Sereine"),
        ["Paramètres", "Suspendre", "Déconnectez-vous"]
    );
}

#[wasm_bindgen_test]
async fn the_rows_follow_the_demos_clock() {
    let p = aper_u().await;
    let date_before = text(&find(&p.root, ".ma-demo__date").unwrap());
    assert!(
        date_before.starts_with("Date de la démo : "),
        "{date_before}"
    );
    p.state
        .products
        .dispatch(Product::QuickBooks, Command::AdvanceClock { days: 30 })
        .unwrap();
    settle().await;
    assert_eq!(p.state_of("Tableau Clair"), "À reconnecter");
    assert_eq!(p.main_button("Tableau Clair"), "Reconnecter");
    assert_eq!(p.menu_items("Tableau Clair")[0], "Reconnecter");
    assert_eq!(p.state_of("Notes Éclair"), "Expire dans 10 jours");
    assert_eq!(p.main_button("Notes Éclair"), "Lancer");
    assert_eq!(
        p.summary().as_deref(),
        Some("1 appli à reconnecter, 1 expire dans 10 jours")
    );
    assert_ne!(text(&find(&p.root, ".ma-demo__date").unwrap()), date_before);
    // The summary's link takes focus to where the expired one is acted on.
    let link: web_sys::HtmlElement = find(&p.root, ".ma-attention__list a").unwrap();
    assert!(text(&link).starts_with("Tableau Clair"), "{}", text(&link));
    link.click();
    settle().await;
    assert_eq!(focused(), "#ma-principal-boulangerie-martin-tableau-clair");
}

/// The shipped style sheet, in the page for as long as it is kept.
struct Styled(web_sys::Element);

impl Styled {
    fn new() -> Styled {
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some(include_str!("../style/main.css")));
        document().head().unwrap().append_child(&style).unwrap();
        Styled(style)
    }
}

impl Drop for Styled {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// What a state's icon is, for each `.ma-health` of the page: its state's class, the
/// icon's tag, whether it is hidden from assistive technologies, its drawn size, its
/// stroke's colour against the words', and what the style sheet draws before the words.
fn icons(root: &web_sys::Element) -> Vec<(String, String, bool, bool, bool, String)> {
    let all = root.query_selector_all(".ma-health").unwrap();
    (0..all.length())
        .map(|i| all.item(i).unwrap().unchecked_into::<web_sys::Element>())
        .map(|badge| {
            let style = |e: &web_sys::Element, pseudo: &str| {
                window()
                    .get_computed_style_with_pseudo_elt(e, pseudo)
                    .unwrap()
                    .unwrap()
            };
            let icon = badge.first_element_child();
            let (tag, hidden, drawn, in_colour) = match &icon {
                Some(icon) => {
                    let rect = icon.get_bounding_client_rect();
                    let stroke = style(icon, "").get_property_value("stroke").unwrap();
                    let colour = style(&badge, "").get_property_value("color").unwrap();
                    (
                        icon.tag_name().to_lowercase(),
                        icon.get_attribute("aria-hidden").as_deref() == Some("true"),
                        rect.width() > 0.0 && rect.height() > 0.0,
                        stroke == colour,
                    )
                }
                None => (String::new(), false, false, false),
            };
            let before = style(&badge, "::before")
                .get_property_value("content")
                .unwrap();
            (badge.class_name(), tag, hidden, drawn, in_colour, before)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn each_state_has_a_drawn_icon_beside_its_words() {
    let _css = Styled::new();
    let p = aper_u().await;
    p.state
        .products
        .dispatch(Product::QuickBooks, Command::AdvanceClock { days: 30 })
        .unwrap();
    p.state
        .products
        .dispatch(
            Product::QuickBooks,
            Command::Suspend {
                app: AppId::new("stock-malin"),
                company: CompanyId::new("boulangerie-martin"),
            },
        )
        .unwrap();
    settle().await;
    let icons = icons(&p.root);
    for state in ["active", "bientot", "expiree", "suspendue"] {
        assert!(
            icons.iter().any(|i| i.0.ends_with(&format!("--{state}"))),
            "a connection {state}: {icons:?}"
        );
    }
    for (class, tag, hidden, drawn, in_colour, before) in &icons {
        // An inline SVG, not a character a font may lack: drawn whatever the fonts.
        assert_eq!(tag, "svg", "{class}");
        assert!(hidden, "{class}: decorative, the words say it");
        assert!(drawn, "{class}: a size of its own");
        assert!(
            in_colour,
            "{class}: the words' colour, forced colours included"
        );
        assert!(
            before == "none" || before == "normal",
            "{class}: no glyph before the words ({before})"
        );
    }
    // The words alone, still.
    assert_eq!(p.state_of("Tableau Clair"), "À reconnecter");
    assert_eq!(p.state_of("Stock Malin"), "Suspendue");
}
