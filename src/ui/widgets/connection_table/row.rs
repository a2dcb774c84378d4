//! One connection's row: its app (a link to the app's page, or a button that shows its
//! details), client, manager, date and health, its main button and the ▼ menu.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::model::{Connection, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::{format, paths};
use crate::ui::widgets::selection::{label, SelectOne, Selection};

use super::actions::RowActions;
use super::details::Details;
use super::health::HealthCell;
use super::RowKey;

#[component]
pub fn Row(
    product: Product,
    connection: Connection,
    show_company: bool,
    selectable: bool,
    selected: RwSignal<Option<RowKey>>,
    disconnecting: RwSignal<Option<Connection>>,
    /// Where the row's checkbox chooses it, when rows can be chosen.
    choose: Option<Selection>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let c = connection;
    let (name, category) = products.catalogue.with_value(|cat| {
        (
            cat.app_name(&c.app).to_string(),
            cat.category_label(&c.app, crate::ui::state::session::use_lang()),
        )
    });
    let company_name = products
        .state(product)
        .with_untracked(|s| s.company_name(&c.company).to_string());
    let manager = c.manager.clone();
    let manager_label = Signal::derive(move || {
        products.state(product).with(|s| match &manager {
            Some(m) => format::person(lang, s.user_name(m), &session.actor(product) == m),
            None => s.manager_name(None, lang),
        })
    });
    let key: RowKey = (c.company.clone(), c.app.clone());
    let is_selected = {
        let key = key.clone();
        Memo::new(move |_| selected.with(|s| s.as_ref() == Some(&key)))
    };
    let details_id = format!("ma-details-{}-{}", c.company, c.app);
    let describe_id = format!("ma-row-{}-{}", c.company, c.app);
    let name_cell = if selectable {
        view! { <NameToggle name=name.clone() key=key.clone() selected=selected controls=details_id.clone()/> }
            .into_any()
    } else {
        let href = paths::href(&paths::app(product, &c.app));
        let text = name.clone();
        view! { <A href=href attr:class="ma-table__name">{text}</A> }.into_any()
    };
    view! {
        <tr class="ma-table__row" class:ma-table__row--selected=move || is_selected.get()>
            {choose.map(|choose| {
                let label = label(&name, &company_name);
                view! { <td class="ma-table__choose"><SelectOne key=key.clone() label=label selected=choose/></td> }
            })}
            <td data-label=lang.ctl_col_app()>
                {name_cell}
                <span class="ma-tag">{category}</span>
            </td>
            {show_company.then(|| view! { <td data-label=lang.ctl_col_client() id=describe_id.clone()>{company_name}</td> })}
            <td data-label=lang.ctl_col_managed_by()>{manager_label}</td>
            <td data-label=lang.ctl_col_since()><time datetime=format::iso(c.since)>{format::date(lang, c.since)}</time></td>

            <HealthCell product=product key=key.clone()/>
            <td class="ma-table__actions">
                <RowActions
                    product=product
                    connection=c.clone()
                    name=name.clone()
                    described_by=show_company.then(|| describe_id.clone())
                    disconnecting=disconnecting
                />
            </td>
        </tr>
        <Show when=move || is_selected.get()>
            <Details
                product=product
                key=key.clone()
                name=name.clone()
                manager=manager_label
                id=details_id.clone()
                columns=5 + usize::from(show_company) + usize::from(choose.is_some())
            />
        </Show>
    }
}

/// The app's name as a button that shows or hides the row's details.
#[component]
fn NameToggle(
    name: String,
    key: RowKey,
    selected: RwSignal<Option<RowKey>>,
    /// The id of the details row it shows.
    controls: String,
) -> impl IntoView {
    let is_selected = {
        let key = key.clone();
        move || selected.with(|s| s.as_ref() == Some(&key))
    };
    let toggle = move |_| {
        selected.update(|s| {
            *s = if s.as_ref() == Some(&key) {
                None
            } else {
                Some(key.clone())
            };
        })
    };
    view! {
        <button
            type="button"
            class="ma-link-button ma-table__name"
            aria-expanded=move || if is_selected() { "true" } else { "false" }
            aria-controls=controls
            on:click=toggle
        >
            {name}
        </button>
    }
}
