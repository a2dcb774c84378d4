//! The ▼ menu button in headless Chromium: the WAI-ARIA menu button pattern, driven by
//! real keyboard events dispatched on the focused element.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::ui::state::Contexts;
use mes_apps::ui::widgets::menu_button::{MenuButton, MenuItem};
use mes_apps::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

const LABEL: &str = "Plus d'actions pour Caisse Horizon";
const ITEMS: [&str; 3] = ["Paramètres", "Lancer", "Déconnectez-vous"];

/// Presses `key` on the focused element; whether the page prevented its default.
fn press(key: &str) -> bool {
    let target = document().active_element().expect("an element has focus");
    let event = keydown(key, false);
    target.dispatch_event(&event).unwrap();
    event.default_prevented()
}

fn active() -> Option<web_sys::Element> {
    document().active_element()
}

struct Widget {
    root: web_sys::HtmlElement,
    chosen: Arc<Mutex<Vec<&'static str>>>,
    _handle: Box<dyn std::any::Any>,
}

impl Widget {
    fn button(&self) -> web_sys::HtmlElement {
        self.root
            .query_selector("#mb")
            .unwrap()
            .expect("the menu button")
            .unchecked_into()
    }

    fn menu(&self) -> web_sys::HtmlElement {
        let id = self.button().get_attribute("aria-controls").unwrap();
        document()
            .get_element_by_id(&id)
            .expect("aria-controls names the menu")
            .unchecked_into()
    }

    fn items(&self) -> Vec<web_sys::HtmlElement> {
        let list = self.menu().query_selector_all("[role=menuitem]").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn expanded(&self) -> String {
        self.button()
            .get_attribute("aria-expanded")
            .unwrap_or_default()
    }

    /// Open: aria-expanded says so and the menu is shown.
    fn is_open(&self) -> bool {
        let expanded = self.expanded() == "true";
        let shown = !self.menu().hidden();
        assert_eq!(
            expanded, shown,
            "aria-expanded ({expanded}) and the menu's visibility ({shown}) disagree"
        );
        expanded
    }

    fn outside(&self) -> web_sys::HtmlElement {
        self.root
            .query_selector("#apres")
            .unwrap()
            .unwrap()
            .unchecked_into()
    }

    async fn open_with(&self, key: &str) {
        self.button().focus().unwrap();
        assert!(press(key), "{key} on the button should be handled");
        settle().await;
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.root.remove();
    }
}

async fn widget() -> Widget {
    let root = container();
    let chosen = Arc::new(Mutex::new(Vec::new()));
    let items: Vec<MenuItem> = ITEMS
        .into_iter()
        .map(|label| {
            let chosen = chosen.clone();
            MenuItem {
                label,
                on_select: Callback::new(move |_| chosen.lock().unwrap().push(label)),
            }
        })
        .collect();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <button type="button" id="avant">"Avant"</button>
            <MenuButton label=LABEL items=items id="mb"/>
            <button type="button" id="apres">"Après"</button>
        }
        .into_any()
    });
    leptos::task::tick().await;
    Widget {
        root,
        chosen,
        _handle: Box::new(handle),
    }
}

#[wasm_bindgen_test]
async fn button_exposes_the_menu_button_semantics() {
    let w = widget().await;
    let button = w.button();
    assert_eq!(button.tag_name(), "BUTTON");
    assert_eq!(
        button.get_attribute("aria-haspopup").as_deref(),
        Some("menu")
    );
    assert_eq!(button.get_attribute("aria-label").as_deref(), Some(LABEL));
    assert_eq!(w.expanded(), "false");
    // The visible ▼ is decoration: the name comes from aria-label.
    let arrow = button
        .query_selector("[aria-hidden=true]")
        .unwrap()
        .unwrap();
    assert_eq!(arrow.text_content().unwrap(), "▼");

    let menu = w.menu();
    assert_eq!(menu.get_attribute("role").as_deref(), Some("menu"));
    assert_eq!(
        menu.get_attribute("aria-labelledby"),
        Some(button.id()),
        "the menu is named by its button"
    );
    assert!(menu.hidden(), "the menu starts closed");
    let items = w.items();
    let labels: Vec<String> = items
        .iter()
        .map(|i| i.text_content().unwrap().trim().to_string())
        .collect();
    assert_eq!(labels, ITEMS);
    for item in &items {
        assert_eq!(
            item.get_attribute("tabindex").as_deref(),
            Some("-1"),
            "menu items are focused by script, not by Tab"
        );
        let li = item.parent_element().unwrap();
        assert_eq!(li.get_attribute("role").as_deref(), Some("none"));
    }
}

#[wasm_bindgen_test]
async fn enter_opens_on_the_first_item() {
    let w = widget().await;
    w.open_with("Enter").await;
    assert!(w.is_open());
    assert_eq!(w.expanded(), "true");
    assert_eq!(focused(), ITEMS[0]);
}

#[wasm_bindgen_test]
async fn space_opens_on_the_first_item() {
    let w = widget().await;
    w.open_with(" ").await;
    assert!(w.is_open());
    assert_eq!(focused(), ITEMS[0]);
}

#[wasm_bindgen_test]
async fn arrow_down_opens_on_the_first_item() {
    let w = widget().await;
    w.open_with("ArrowDown").await;
    assert!(w.is_open());
    assert_eq!(focused(), ITEMS[0]);
}

#[wasm_bindgen_test]
async fn arrow_up_opens_on_the_last_item() {
    let w = widget().await;
    w.open_with("ArrowUp").await;
    assert!(w.is_open());
    assert_eq!(focused(), ITEMS[2]);
}

/// Keys pressed faster than the page draws (a quick typist, a test driver) each reach
/// the menu: ↑ opens on the last item, the next ↑ moves to the one before.
#[wasm_bindgen_test]
async fn keys_pressed_in_the_same_frame_follow_each_other() {
    let w = widget().await;
    w.button().focus().unwrap();
    assert!(press("ArrowUp"));
    assert!(press("ArrowUp"));
    assert_eq!(focused(), ITEMS[1]);
    settle().await;
    assert!(w.is_open());
    assert_eq!(focused(), ITEMS[1], "nothing deferred moves it afterwards");
}

/// A menu opened, then removed before the page draws again (its row redrawn as the
/// user acts): nothing of it is left to run on the removed widget.
#[wasm_bindgen_test]
async fn a_menu_removed_right_after_opening_leaves_nothing_running() {
    let errors = WindowErrors::watch();
    let w = widget().await;
    w.button().focus().unwrap();
    assert!(press("ArrowDown"));
    drop(w);
    settle().await;
    settle().await;
    assert_eq!(errors.stop(), Vec::<String>::new());
    // Still alive: another widget works as before.
    let w = widget().await;
    w.open_with("ArrowUp").await;
    assert_eq!(focused(), ITEMS[2]);
}

#[wasm_bindgen_test]
async fn other_keys_on_the_button_do_not_open_it() {
    let w = widget().await;
    w.button().focus().unwrap();
    assert!(!press("a"));
    assert!(!press("ArrowLeft"));
    settle().await;
    assert!(!w.is_open());
    assert_eq!(focused(), "#mb");
}

#[wasm_bindgen_test]
async fn arrows_move_and_wrap_home_and_end_jump() {
    let w = widget().await;
    w.open_with("ArrowDown").await;
    assert_eq!(focused(), ITEMS[0]);
    let mut seen = Vec::new();
    for key in [
        "ArrowDown",
        "ArrowDown",
        "ArrowDown",
        "ArrowUp",
        "ArrowUp",
        "Home",
        "End",
        "ArrowDown",
    ] {
        assert!(press(key), "{key} in the menu should be handled");
        settle().await;
        seen.push(focused());
    }
    assert_eq!(
        seen,
        [ITEMS[1], ITEMS[2], ITEMS[0], ITEMS[2], ITEMS[1], ITEMS[0], ITEMS[2], ITEMS[0]]
    );
    assert!(w.is_open(), "moving inside the menu keeps it open");
    assert!(
        w.chosen.lock().unwrap().is_empty(),
        "moving chooses nothing"
    );
}

#[wasm_bindgen_test]
async fn escape_closes_and_focus_returns_to_the_button() {
    let w = widget().await;
    w.open_with("Enter").await;
    press("ArrowDown");
    settle().await;
    assert_eq!(focused(), ITEMS[1]);
    assert!(press("Escape"));
    settle().await;
    assert!(!w.is_open());
    assert_eq!(w.expanded(), "false");
    assert_eq!(focused(), "#mb");
    assert!(w.chosen.lock().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn tab_closes_the_menu() {
    let w = widget().await;
    w.open_with("Enter").await;
    assert!(w.is_open());
    // Tab is left to the browser (focus moves on to the next element).
    assert!(!press("Tab"), "Tab keeps its default: focus moves on");
    settle().await;
    assert!(!w.is_open());
    assert_eq!(w.expanded(), "false");
}

#[wasm_bindgen_test]
async fn focus_leaving_the_widget_closes_the_menu() {
    let w = widget().await;
    w.open_with("ArrowDown").await;
    assert!(w.is_open());
    // Focus moving between the button and the items keeps it open.
    w.button().focus().unwrap();
    settle().await;
    assert!(w.is_open(), "focus on its own button keeps the menu open");
    w.items()[1].focus().unwrap();
    settle().await;
    assert!(w.is_open());
    // Elsewhere closes it.
    w.outside().focus().unwrap();
    settle().await;
    assert_eq!(focused(), "#apres");
    assert!(!w.is_open(), "focus left the widget: the menu closes");
    assert!(w.chosen.lock().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn choosing_an_item_runs_its_callback_and_closes() {
    let w = widget().await;
    w.open_with("ArrowDown").await;
    press("ArrowDown");
    settle().await;
    assert_eq!(focused(), ITEMS[1]);
    active()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(*w.chosen.lock().unwrap(), [ITEMS[1]]);
    assert!(!w.is_open());
    // Opening again and choosing another item runs only that one.
    w.open_with("ArrowUp").await;
    w.items()[2].click();
    settle().await;
    assert_eq!(*w.chosen.lock().unwrap(), [ITEMS[1], ITEMS[2]]);
    assert!(!w.is_open());
}

/// APG (menu button, "actions" example): activating an item closes the menu and sets
/// focus on the menu button, unless the item's action moves focus itself.
#[wasm_bindgen_test]
async fn after_choosing_an_item_focus_is_back_on_the_button() {
    let w = widget().await;
    w.open_with("Enter").await;
    assert_eq!(focused(), ITEMS[0]);
    active()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(*w.chosen.lock().unwrap(), [ITEMS[0]]);
    assert!(!w.is_open());
    assert_eq!(
        focused(),
        "#mb",
        "focus must not be lost on a hidden menu item (or the page's body)"
    );
}

#[wasm_bindgen_test]
async fn connected_apps_have_a_named_menu_button_per_row() {
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
    let list = root
        .query_selector_all("button[aria-haspopup=menu]")
        .unwrap();
    let names: Vec<String> = (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("aria-label")
                .unwrap_or_default()
        })
        .collect();
    let catalogue = Catalogue::shipped().unwrap();
    let mut expected: Vec<String> = state
        .products
        .state(mes_apps::domain::model::Product::QuickBooks)
        .with_untracked(|s| {
            s.connections
                .iter()
                .map(|c| format!("Plus d'actions pour {}", catalogue.app_name(&c.app)))
                .collect()
        });
    let mut sorted = names.clone();
    sorted.sort();
    expected.sort();
    assert_eq!(sorted, expected, "one ▼ per connected app, named after it");
    let button: web_sys::HtmlElement = list.item(0).unwrap().unchecked_into();
    let menu = document()
        .get_element_by_id(&button.get_attribute("aria-controls").unwrap())
        .unwrap();
    let items = menu.query_selector_all("[role=menuitem]").unwrap();
    let labels: Vec<String> = (0..items.length())
        .map(|i| {
            items
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
                .trim()
                .to_string()
        })
        .collect();
    assert_eq!(labels, ["Paramètres", "Suspendre", "Déconnectez-vous"]);
    button.focus().unwrap();
    assert!(press("ArrowDown"));
    settle().await;
    assert_eq!(focused(), "Paramètres");
    assert!(press("Escape"));
    settle().await;
    assert_eq!(active(), Some(button.clone().unchecked_into()));
    drop(handle);
    root.remove();
    window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}

/// The exceptions that reach the window while it watches: those of an event listener
/// (focusout, fired by a removal) or of a frame callback, which the code that caused
/// them never sees.
struct WindowErrors {
    seen: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl WindowErrors {
    fn watch() -> WindowErrors {
        let seen: std::rc::Rc<std::cell::RefCell<Vec<String>>> = Default::default();
        let into = seen.clone();
        let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |ev: web_sys::Event| {
                let text = js_sys::Reflect::get(&ev, &JsValue::from_str("message"))
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_else(|| ev.type_());
                into.borrow_mut().push(text);
            },
        );
        web_sys::window()
            .unwrap()
            .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
            .unwrap();
        WindowErrors { seen, on_error }
    }

    /// Stops watching; what was seen.
    fn stop(self) -> Vec<String> {
        web_sys::window()
            .unwrap()
            .remove_event_listener_with_callback("error", self.on_error.as_ref().unchecked_ref())
            .unwrap();
        self.seen.borrow().clone()
    }
}

#[wasm_bindgen_test]
async fn removing_the_widget_while_its_button_has_focus_raises_nothing() {
    let errors = WindowErrors::watch();
    let root = container();
    let show = RwSignal::new(true);
    let items = vec![MenuItem {
        label: "Paramètres",
        on_select: Callback::new(|_| {}),
    }];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let items = items.clone();
        view! {
            <Show when=move || show.get()>
                <MenuButton label=LABEL items=items.clone() id="mb-retire"/>
            </Show>
        }
    });
    leptos::task::tick().await;
    let button: web_sys::HtmlElement = root
        .query_selector("button[aria-haspopup]")
        .unwrap()
        .expect("the ▼ button")
        .unchecked_into();
    button.focus().unwrap();
    assert!(document()
        .active_element()
        .is_some_and(|a| a == *button.as_ref()));
    // Its row goes away (disconnected here or in another tab) while it has focus.
    show.set(false);
    settle().await;
    assert!(root
        .query_selector("button[aria-haspopup]")
        .unwrap()
        .is_none());
    assert_eq!(errors.stop(), Vec::<String>::new());
    root.remove();
}
