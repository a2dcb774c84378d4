//! Utilisateurs: the product's people, their role, clients and connections, and the
//! dialogs that add, change and remove them and hand the primary admin's role over. A
//! removal (or a change that takes connections away) asks who takes each connection over,
//! "Personne" included, and reports what became of each one. Those who may not manage
//! people see the table read only, with the sentence that says who may.

mod fields;
mod form;
mod primary;
mod remove;
mod report;
mod successor;
mod table;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::model::{Product, Role, UserId};
use crate::domain::people;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::widgets::not_found::NotFound;

use report::{RemovalReport, ReportLine};

/// The dialog open on the page.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Dialog {
    Add,
    Edit(UserId),
    Remove(UserId),
    Primary,
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let params = use_params_map();
    let product =
        Memo::new(move |_| params.with(|p| p.get("produit").and_then(|s| Product::from_slug(&s))));
    move || match product.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(p) => view! { <Users product=p/> }.into_any(),
    }
}

#[component]
fn Users(product: Product) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let dialog = RwSignal::new(None::<Dialog>);
    let report = RwSignal::new(None::<Vec<ReportLine>>);
    // What the acting user may do here: add someone, hand the primary role over; and the
    // sentence of those who may only read.
    let rights = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            let Some(user) = s.user(&actor) else {
                return (false, false, None);
            };
            let may_add = people::may_add(s, user);
            let primary = user.role == Role::PrimaryAdmin;
            let note = if primary {
                None
            } else if may_add {
                Some(lang.users_admin_standard_only().to_string())
            } else {
                Some(people::forbidden(s).message(lang))
            };
            (may_add, primary, note)
        })
    });
    let lead = lang.users_lead(product.label());
    let close = Callback::new(move |_| dialog.set(None));
    view! {
        <section class="ma-users" aria-labelledby="ma-section-title">
            <h1 id="ma-section-title" tabindex="-1">{lang.users_ctl_title()}</h1>
            <p class="ma-lead">{lead}</p>
            {move || rights.get().2.map(|note| view! { <p class="ma-message ma-message--info" id="ma-utilisateurs-droits">{note}</p> })}
            <div class="ma-toolbar">
                <Show when=move || rights.get().0>
                    <button type="button" id="ma-ajouter-utilisateur" class="ma-button ma-button--primary" on:click=move |_| dialog.set(Some(Dialog::Add))>
                        {lang.users_ctl_add()}
                    </button>
                </Show>
                <Show when=move || rights.get().1>
                    <button type="button" id="ma-transferer-principal" class="ma-button" on:click=move |_| dialog.set(Some(Dialog::Primary))>
                        {lang.users_ctl_primary()}
                    </button>
                </Show>
            </div>
            <table::UsersTable product=product dialog=dialog/>
            <RemovalReport lines=report/>
            {move || dialog.get().map(|d| match d {
                Dialog::Add => view! { <form::UserDialog product=product editing=None on_close=close/> }.into_any(),
                Dialog::Edit(id) => view! { <form::UserDialog product=product editing=Some(id) on_close=close/> }.into_any(),
                Dialog::Remove(id) => view! { <remove::RemoveDialog product=product who=id report=report on_close=close/> }.into_any(),
                Dialog::Primary => view! { <primary::PrimaryDialog product=product on_close=close/> }.into_any(),
            })}
        </section>
    }
}
