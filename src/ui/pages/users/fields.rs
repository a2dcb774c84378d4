//! The person's form's fields: a text field with its error, the radio group Rôle, and
//! the group Accès aux clients (Expert-Comptable).

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::model::{CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;

use super::form::Draft;

/// A labelled text input; its error, once the form was sent, is read with it.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// The longest text, in characters.
    max: usize,
    error: Signal<Option<String>>,
    /// The input's type: "text", "email".
    kind: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    let error_id = format!("{id}-erreur");
    let described = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="ma-field" class:ma-field--invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                maxlength=(max * 4).to_string()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || error.get().map(|e| view! { <p id=error_id.clone() class="ma-field__error">{e}</p> })}
        </div>
    }
}

/// "Rôle": Administrateur or Utilisateur standard, a radio group named by its legend.
#[component]
pub fn RoleGroup(admin: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    let choice = move |value: bool, id: &'static str, label: &'static str| {
        view! {
            <div class="ma-radio">
                <input
                    type="radio"
                    id=id
                    name="ma-utilisateur-role"
                    prop:checked=move || admin.get() == value
                    on:change=move |_| admin.set(value)
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class="ma-fieldset" role="radiogroup" aria-labelledby="ma-utilisateur-role-titre">
            <legend id="ma-utilisateur-role-titre">{lang.users_ctl_role()}</legend>
            {choice(true, "ma-utilisateur-admin", lang.users_ctl_admin())}
            {choice(false, "ma-utilisateur-standard", lang.users_ctl_standard())}
        </fieldset>
    }
}

/// "Accès aux clients": "Tous les clients", then a checkbox per client (set aside while
/// every client is chosen).
#[component]
pub fn ClientsGroup(
    product: Product,
    draft: Draft,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let clients: Vec<(CompanyId, String)> = products.state(product).with_untracked(|s| {
        s.clients()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect()
    });
    let toggle = move |id: CompanyId, on: bool| {
        draft.clients.update(|set: &mut BTreeSet<CompanyId>| {
            if on {
                set.insert(id);
            } else {
                set.remove(&id);
            }
        })
    };
    let boxes = clients
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let input = format!("ma-utilisateur-client-{i}");
            let (checked, changed) = (id.clone(), id);
            view! {
                <div class="ma-checkbox">
                    <input
                        type="checkbox"
                        id=input.clone()
                        disabled=move || draft.all_clients.get()
                        prop:checked=move || draft.all_clients.get() || draft.clients.with(|s| s.contains(&checked))
                        on:change=move |ev| toggle(changed.clone(), event_target_checked(&ev))
                    />
                    <label for=input>{name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="ma-fieldset">
            <legend>{lang.users_ctl_clients()}</legend>
            <div class="ma-checkbox">
                <input
                    type="checkbox"
                    id="ma-utilisateur-tous-clients"
                    prop:checked=move || draft.all_clients.get()
                    on:change=move |ev| draft.all_clients.set(event_target_checked(&ev))
                />
                <label for="ma-utilisateur-tous-clients">{lang.users_ctl_all_clients()}</label>
            </div>
            {boxes}
            {move || error.get().map(|e| view! { <p class="ma-field__error" role="alert">{e}</p> })}
        </fieldset>
    }
}
