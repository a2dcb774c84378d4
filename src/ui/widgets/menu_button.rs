//! The menu button of the WAI-ARIA Authoring Practices, as the ▼ beside "Lancer": Enter,
//! Space or ↓ opens the menu on its first item, ↑ on its last; in the menu ↑/↓ move (and
//! wrap), Home/End jump, a letter moves to the next item starting with it, Escape closes
//! and returns focus to the button, Tab closes; leaving the widget (a click elsewhere)
//! closes it.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::web::dom::unique_id;

/// One entry of the menu.
#[derive(Clone)]
pub struct MenuItem {
    pub label: &'static str,
    pub on_select: Callback<()>,
}

fn items_of(menu: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The widget's moving parts, shared by its handlers.
#[derive(Clone, Copy)]
struct Menu {
    /// Told each time the menu opens.
    on_open: Option<Callback<()>>,
    open: RwSignal<bool>,
    button: NodeRef<html::Button>,
    list: NodeRef<html::Ul>,
}

impl Menu {
    /// The menu's items; none once the widget is gone (a handler may outlive it).
    fn items(self) -> Vec<web_sys::HtmlElement> {
        self.list
            .try_get_untracked()
            .flatten()
            .map(|m| items_of(&m))
            .unwrap_or_default()
    }

    /// Moves focus to item `index` of the menu (negative counts from the end; wraps).
    fn focus_now(self, index: i32) {
        let items = self.items();
        let n = items.len() as i32;
        if n > 0 {
            let _ = items[index.rem_euclid(n) as usize].focus();
        }
    }

    /// Opens the menu on item `index` at once: the list is shown here rather than when
    /// the view next updates, so that a key pressed right after (↑ twice, quickly) is
    /// already handled by the menu, and no deferred step can outlive the widget.
    fn open_on(self, index: i32) {
        self.open.set(true);
        if let Some(list) = self.list.try_get_untracked().flatten() {
            let _ = list.remove_attribute("hidden");
        }
        self.focus_now(index);
        if let Some(f) = self.on_open {
            f.run(());
        }
    }

    fn close_to_button(self) {
        self.open.set(false);
        if let Some(b) = self.button.try_get_untracked().flatten() {
            let _ = b.focus();
        }
    }

    fn on_button_key(self, ev: web_sys::KeyboardEvent) {
        match ev.key().as_str() {
            "ArrowDown" | "Enter" | " " => self.open_on(0),
            "ArrowUp" => self.open_on(-1),
            _ => return,
        }
        ev.prevent_default();
    }

    /// Keyboard activation is handled on keydown; only pointer clicks (detail ≥ 1) toggle.
    fn on_button_click(self, ev: web_sys::MouseEvent) {
        if ev.detail() == 0 {
            return;
        }
        if self.open.try_get_untracked().unwrap_or(false) {
            self.open.set(false);
        } else {
            self.open_on(0);
        }
    }

    fn on_menu_key(self, ev: web_sys::KeyboardEvent) {
        let items = self.items();
        let active = document().active_element();
        let current = items
            .iter()
            .position(|i| active.as_ref() == Some(i.unchecked_ref()))
            .unwrap_or(0) as i32;
        match ev.key().as_str() {
            "ArrowDown" => self.focus_now(current + 1),
            "ArrowUp" => self.focus_now(current - 1),
            "Home" | "PageUp" => self.focus_now(0),
            "End" | "PageDown" => self.focus_now(-1),
            "Escape" => self.close_to_button(),
            "Tab" => {
                self.open.set(false);
                return;
            }
            k if k.chars().count() == 1 && k != " " => {
                if let Some(i) = next_starting_with(&items, current, k) {
                    self.focus_now(i);
                }
            }
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The next item after `current` (wrapping) whose text starts with `letter`.
fn next_starting_with(items: &[web_sys::HtmlElement], current: i32, letter: &str) -> Option<i32> {
    let letter = letter.to_lowercase();
    let n = items.len() as i32;
    (1..=n).map(|d| (current + d).rem_euclid(n)).find(|&i| {
        items[i as usize]
            .text_content()
            .unwrap_or_default()
            .to_lowercase()
            .starts_with(&letter)
    })
}

/// A ▼ button whose menu lists `items`.
#[component]
pub fn MenuButton(
    /// The button's accessible name ("Plus d'actions pour Caisse Horizon").
    #[prop(into)]
    label: String,
    /// The id of an element describing the button further (the row's client, say).
    #[prop(optional_no_strip)]
    described_by: Option<String>,
    /// The menu's entries, in order.
    items: Vec<MenuItem>,
    /// The button's id, so that a dialog opened from the menu can give focus back to it.
    #[prop(optional, into)]
    id: Option<String>,
    /// Called each time the menu opens.
    #[prop(optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let menu = Menu {
        on_open,
        open: RwSignal::new(false),
        button: NodeRef::new(),
        list: NodeRef::new(),
    };
    let open = menu.open;
    let button_id = id.unwrap_or_else(|| unique_id("ma-menu-button"));
    let menu_id = unique_id("ma-menu");
    let wrapper = NodeRef::<html::Div>::new();
    // Focus leaving the widget (Tab away, a click elsewhere) closes the menu.
    // Also fired when the widget is removed while it has focus (its row disconnected, the
    // page changed): by then its signals are disposed, and there is nothing to close.
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let Some(w) = wrapper.try_get_untracked().flatten() else {
            return;
        };
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|t| w.contains(Some(&t)));
        if !inside {
            open.try_set(false);
        }
    };
    let entries = items
        .into_iter()
        .map(|item| {
            // Focus goes back to the button first; the item's action may then move it
            // (into a dialog, to another page).
            let select = move |_| {
                menu.close_to_button();
                item.on_select.run(());
            };
            view! {
                <li role="none">
                    <button type="button" role="menuitem" tabindex="-1" class="ma-menu__item" on:click=select>
                        {item.label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="ma-menu" node_ref=wrapper on:focusout=on_focus_out>
            <button
                type="button"
                id=button_id.clone()
                node_ref=menu.button
                class="ma-button ma-button--icon ma-menu__button"
                aria-label=label
                aria-describedby=described_by
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                on:keydown=move |ev| menu.on_button_key(ev)
                on:click=move |ev| menu.on_button_click(ev)
            >
                <span aria-hidden="true">"▼"</span>
            </button>
            <ul
                id=menu_id
                node_ref=menu.list
                role="menu"
                class="ma-menu__list"
                aria-labelledby=button_id.clone()
                hidden=move || !open.get()
                on:keydown=move |ev| menu.on_menu_key(ev)
            >
                {entries}
            </ul>
        </div>
    }
}
