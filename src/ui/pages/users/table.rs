//! The table of the product's people: name, address, role, clients (Expert-Comptable),
//! the connections each manages (a link to Passation for that person), and "Modifier
//! NAME" and "Supprimer NAME" where the acting user may.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::access::queries;
use crate::domain::catalogue::product::Section;
use crate::domain::model::{Product, ProductState, User, UserId};
use crate::domain::people::{self, PeopleAction};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::paths;

use super::Dialog;

/// One person's row, as the acting user sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: UserId,
    name: String,
    email: String,
    role: String,
    /// "Tous les clients", the list, or "Aucun client"; `None` in QuickBooks.
    clients: Option<String>,
    managed: usize,
    may_edit: bool,
    may_remove: bool,
}

fn row(s: &ProductState, actor: Option<&User>, u: &User, lang: crate::domain::i18n::Lang) -> Row {
    let may = |action| actor.is_some_and(|a| people::check(s, a, action).is_ok());
    let clients = (s.clients().next().is_some()).then(|| {
        if u.sees_every_client() {
            lang.users_ctl_all_clients().to_string()
        } else {
            let names: Vec<&str> = s
                .clients()
                .filter(|c| u.clients.contains(&c.id))
                .map(|c| c.name.as_str())
                .collect();
            if names.is_empty() {
                lang.users_no_clients().to_string()
            } else {
                names.join(", ")
            }
        }
    });
    Row {
        id: u.id.clone(),
        name: u.name.clone(),
        email: u.email.clone(),
        role: capitalised(u.role.label(u.gender, lang)),
        clients,
        managed: actor.map_or(0, |a| queries::managed_by(s, &a.id, &u.id).len()),
        may_edit: may(PeopleAction::Change {
            who: u,
            role: u.role,
        }),
        may_remove: may(PeopleAction::Remove { who: u }),
    }
}

/// "Administratrice principale": a role as a cell starts it.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[component]
pub fn UsersTable(product: Product, dialog: RwSignal<Option<Dialog>>) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let rows = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            let me = s.user(&actor);
            s.users
                .iter()
                .map(|u| row(s, me, u, lang))
                .collect::<Vec<_>>()
        })
    });
    let (caption, with_clients) = products.state(product).with_untracked(|s| {
        let company = s.home_company().map(|c| c.name.clone()).unwrap_or_default();
        (lang.users_caption(&company), s.clients().next().is_some())
    });
    view! {
        <table class="ma-table ma-users__table">
            <caption class="ma-visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{lang.users_ctl_name()}</th>
                    <th scope="col">{lang.users_ctl_email()}</th>
                    <th scope="col">{lang.users_ctl_role()}</th>
                    {with_clients.then(|| view! { <th scope="col">{lang.users_col_clients()}</th> })}
                    <th scope="col">{lang.users_col_managed()}</th>
                    <th scope="col">{lang.users_col_actions()}</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get()
                    key=|r| r.clone()
                    children=move |r| view! { <UserRow product=product row=r dialog=dialog/> }
                />
            </tbody>
        </table>
    }
}

#[component]
fn UserRow(product: Product, row: Row, dialog: RwSignal<Option<Dialog>>) -> impl IntoView {
    let lang = use_lang();
    let passation = paths::href(&paths::with_query(
        paths::section(product, Section::Handover),
        &[("de", Some(row.id.as_str()))],
    ));
    let (edit_id, remove_id) = (row.id.clone(), row.id.clone());
    let name = row.name.clone();
    let (edit_name, remove_name) = (name.clone(), name.clone());
    view! {
        <tr>
            <th scope="row" class="ma-table__name">{row.name.clone()}</th>
            <td data-label=lang.users_ctl_email()>{row.email.clone()}</td>
            <td data-label=lang.users_ctl_role()>{row.role.clone()}</td>
            {row.clients.clone().map(|c| view! { <td data-label=lang.users_col_clients()>{c}</td> })}
            <td data-label=lang.users_col_managed()>
                <A href=passation>
                    {lang.users_managed(row.managed)}
                    <span class="ma-visually-hidden">{lang.users_managed_context(&name)}</span>
                </A>
            </td>
            <td class="ma-table__actions" data-label=lang.users_col_actions()>
                {row.may_edit.then(|| view! {
                    <button type="button" class="ma-button" on:click=move |_| dialog.set(Some(Dialog::Edit(edit_id.clone())))>
                        {lang.users_ctl_edit()}<span class="ma-visually-hidden">" "{edit_name.clone()}</span>
                    </button>
                })}
                {row.may_remove.then(|| view! {
                    <button type="button" class="ma-button ma-button--danger" on:click=move |_| dialog.set(Some(Dialog::Remove(remove_id.clone())))>
                        {lang.users_ctl_remove()}<span class="ma-visually-hidden">" "{remove_name.clone()}</span>
                    </button>
                })}
            </td>
        </tr>
    }
}
