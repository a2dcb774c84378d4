//! The menu button of the WAI-ARIA Authoring Practices, as the ▼ beside "Lancer": Enter,
//! Space or ↓ opens the menu on its first item, ↑ on its last; in the menu ↑/↓ move (and
//! wrap), Home/End jump, a letter moves to the next item starting with it, Escape closes
//! and returns focus to the button, Tab closes; leaving the widget (a click elsewhere)
//! closes it.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dialog::unique_id;

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
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button_id = id.unwrap_or_else(|| unique_id("ma-menu-button"));
    let menu_id = unique_id("ma-menu");
    let button = NodeRef::<html::Button>::new();
    let menu = NodeRef::<html::Ul>::new();
    let wrapper = NodeRef::<html::Div>::new();

    // Moves focus to item `index` of the menu (negative counts from the end).
    let focus_now = move |index: i32| {
        if let Some(m) = menu.get_untracked() {
            let items = items_of(&m);
            let n = items.len() as i32;
            if n > 0 {
                let _ = items[index.rem_euclid(n) as usize].focus();
            }
        }
    };
    // The same once the menu, just opened, is shown.
    let focus_item = move |index: i32| request_animation_frame(move || focus_now(index));
    let close_to_button = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            open.set(true);
            focus_item(0);
        }
        "ArrowUp" => {
            ev.prevent_default();
            open.set(true);
            focus_item(-1);
        }
        _ => {}
    };
    // Keyboard activation is handled on keydown; only pointer clicks (detail ≥ 1) toggle.
    let on_button_click = move |ev: web_sys::MouseEvent| {
        if ev.detail() == 0 {
            return;
        }
        if open.get_untracked() {
            open.set(false);
        } else {
            open.set(true);
            focus_item(0);
        }
    };
    let on_menu_key = move |ev: web_sys::KeyboardEvent| {
        let Some(m) = menu.get_untracked() else {
            return;
        };
        let items = items_of(&m);
        let active = document().active_element();
        let current = items
            .iter()
            .position(|i| active.as_ref() == Some(i.unchecked_ref()))
            .unwrap_or(0) as i32;
        let key = ev.key();
        match key.as_str() {
            "ArrowDown" => focus_now(current + 1),
            "ArrowUp" => focus_now(current - 1),
            "Home" | "PageUp" => focus_now(0),
            "End" | "PageDown" => focus_now(-1),
            "Escape" => close_to_button(),
            "Tab" => {
                open.set(false);
                return;
            }
            k if k.chars().count() == 1 && k != " " => {
                let letter = k.to_lowercase();
                let n = items.len() as i32;
                let next = (1..=n).map(|d| (current + d).rem_euclid(n)).find(|&i| {
                    items[i as usize]
                        .text_content()
                        .unwrap_or_default()
                        .to_lowercase()
                        .starts_with(&letter)
                });
                if let Some(i) = next {
                    focus_now(i);
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };
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
                close_to_button();
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
                node_ref=button
                class="ma-button ma-button--icon ma-menu__button"
                aria-label=label
                aria-describedby=described_by
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                on:keydown=on_button_key
                on:click=on_button_click
            >
                <span aria-hidden="true">"▼"</span>
            </button>
            <ul
                id=menu_id
                node_ref=menu
                role="menu"
                class="ma-menu__list"
                aria-labelledby=button_id.clone()
                hidden=move || !open.get()
                on:keydown=on_menu_key
            >
                {entries}
            </ul>
        </div>
    }
}
