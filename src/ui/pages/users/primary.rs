//! "Transférer le rôle d'administrateur principal" (the primary admin only): the
//! combobox "Nouvel administrateur principal" lists the administrators; "Confirmer le
//! transfert" hands the role over, and the acting user becomes an administrator.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::model::{Product, Role, UserId};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::widgets::modal::Modal;

#[component]
pub fn PrimaryDialog(product: Product, on_close: Callback<()>) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let admins: Vec<(String, String)> = products.state(product).with_untracked(|s| {
        s.users
            .iter()
            .filter(|u| u.role == Role::Admin)
            .map(|u| (u.id.to_string(), u.name.clone()))
            .collect()
    });
    let chosen = RwSignal::new(admins.first().map(|(id, _)| id.clone()));
    let error = RwSignal::new(None::<String>);
    let confirm = move |_| {
        let Some(to) = chosen.get_untracked() else {
            error.set(Some(lang.users_choose_person().to_string()));
            return;
        };
        let command = Command::HandPrimary {
            to: UserId::new(to),
        };
        match products.dispatch(product, command) {
            Ok(_) => on_close.run(()),
            Err(e) => error.set(Some(e.text(lang))),
        }
    };
    let none = admins.is_empty();
    view! {
        <Modal title=lang.users_ctl_primary() on_close=on_close>
            <p>{lang.users_primary_lead()}</p>
            {if none {
                view! { <p class="ma-message ma-message--info">{lang.users_primary_none()}</p> }.into_any()
            } else {
                view! {
                    <div class="ma-field">
                        <label for="ma-nouveau-principal">{lang.users_ctl_new_primary()}</label>
                        <select id="ma-nouveau-principal" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                            {admins.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            }}
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" data-autofocus="" on:click=move |_| on_close.run(())>{lang.users_ctl_cancel()}</button>
                <button type="button" class="ma-button ma-button--primary" disabled=none on:click=confirm>{lang.users_ctl_primary_confirm()}</button>
            </div>
        </Modal>
    }
}
