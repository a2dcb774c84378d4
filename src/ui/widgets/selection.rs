//! Choosing connections in a list: a checkbox per connection, named `APP — COMPANY`, and
//! "Tout sélectionner", checked when all are, mixed when some are.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::model::{AppId, CompanyId};

/// A connection, as a selection holds it.
pub type Key = (CompanyId, AppId);

/// The chosen connections.
pub type Selection = RwSignal<BTreeSet<Key>>;

/// The accessible name of a connection's checkbox: "Stock Malin — Boulangerie Martin".
pub fn label(app: &str, company: &str) -> String {
    format!("{app} — {company}")
}

/// One connection's checkbox.
#[component]
pub fn SelectOne(
    key: Key,
    /// Its accessible name (see [`label`]).
    #[prop(into)]
    label: String,
    selected: Selection,
) -> impl IntoView {
    let checked = {
        let key = key.clone();
        move || selected.with(|s| s.contains(&key))
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        selected.update(|s| {
            if on {
                s.insert(key.clone());
            } else {
                s.remove(&key);
            }
        });
    };
    view! {
        <input type="checkbox" class="ma-select" aria-label=label prop:checked=checked on:change=toggle/>
    }
}

/// "Tout sélectionner": all of `keys`, or none once all are chosen.
#[component]
pub fn SelectAll(
    /// Every connection that can be chosen.
    keys: Signal<Vec<Key>>,
    selected: Selection,
) -> impl IntoView {
    let chosen =
        move || keys.with(|k| selected.with(|s| k.iter().filter(|key| s.contains(key)).count()));
    let all = move || {
        let n = keys.with(Vec::len);
        n > 0 && chosen() == n
    };
    let some = move || {
        let c = chosen();
        c > 0 && c < keys.with(Vec::len)
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        selected.update(|s| {
            for key in keys.get_untracked() {
                if on {
                    s.insert(key);
                } else {
                    s.remove(&key);
                }
            }
        });
    };
    view! {
        <label class="ma-checkbox ma-select-all">
            <input
                type="checkbox"
                prop:checked=all
                prop:indeterminate=some
                disabled=move || keys.with(Vec::is_empty)
                on:change=toggle
            />
            {crate::ui::state::session::use_lang().ctl_select_all()}

        </label>
    }
}
