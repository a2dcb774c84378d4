//! A table of connections for the acting user (Aperçu, Applis du cabinet, Applis
//! clientes): app, client, who manages it, since when, its health (État), Lancer (or
//! Reconnecter once expired) and the ▼ menu (Reconnecter while it expires, Paramètres,
//! Déconnectez-vous) of each row; when selectable, an app's name shows its details below
//! its row. A summary above says what needs attention. Disconnecting runs the
//! questionnaire's dialog; focus then goes on to the next row's ▼.

mod actions;
mod attention;
mod details;
mod health;
mod row;

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::access::queries::{self, Listing};
use crate::domain::model::{AppId, CompanyId, Connection, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::paths;
use crate::ui::widgets::disconnect_dialog::DisconnectDialog;
use crate::ui::widgets::selection::{SelectAll, Selection};

use attention::Attention;
use row::Row;

/// The id of a row's ▼ button, so that a closed dialog can give focus back to it.
fn menu_id(c: &Connection) -> String {
    format!("ma-actions-{}-{}", c.company, c.app)
}

/// A row's identity: which app, where.
pub(crate) type RowKey = (CompanyId, AppId);

#[component]
pub fn ConnectionTable(
    /// The product whose connections are listed.
    product: Product,
    /// Which connections.
    listing: Signal<Listing>,
    /// The id of the section's heading: focus goes there when no row is left.
    heading_id: &'static str,
    /// Whether to show the company column (Applis clientes).
    #[prop(optional)]
    show_company: bool,
    /// Whether selecting an app's name shows its details below its row.
    #[prop(optional)]
    selectable: bool,
    /// When given, a checkbox per row (and "Tout sélectionner") chooses rows into it.
    #[prop(optional)]
    choose: Option<Selection>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let rows = Memo::new(move |_| {
        let actor = session.actor(product);
        let listing = listing.get();
        products.catalogue.with_value(|cat| {
            products.state(product).with(|s| {
                queries::connections(s, cat, &actor, &listing)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let selected = RwSignal::new(None::<RowKey>);
    let disconnecting = RwSignal::new(None::<Connection>);
    // What is no longer listed (disconnected, another client chosen) is no longer chosen.
    if let Some(choose) = choose {
        Effect::new(move || {
            let listed: BTreeSet<RowKey> = rows.with(|r| {
                r.iter()
                    .map(|c| (c.company.clone(), c.app.clone()))
                    .collect()
            });
            choose.update(|s| s.retain(|k| listed.contains(k)));
        });
    }
    let keys = Signal::derive(move || {
        rows.with(|r| {
            r.iter()
                .map(|c| (c.company.clone(), c.app.clone()))
                .collect()
        })
    });
    let lang = use_lang();
    view! {
        <Attention product=product rows=rows review=Signal::derive(move || !matches!(listing.get(), Listing::Clients { .. }))/>
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <Empty product=product/> }>
            {choose.map(|choose| view! { <div class="ma-toolbar"><SelectAll keys=keys selected=choose/></div> })}
            <table class="ma-table">
                <caption class="ma-visually-hidden">{lang.ctl_connected_apps()}</caption>
                <thead>
                    <tr>
                        {choose.map(|_| view! { <th scope="col" class="ma-table__choose"><span class="ma-visually-hidden">{lang.ctl_col_choose()}</span></th> })}
                        <th scope="col">{lang.ctl_col_app()}</th>
                        {show_company.then(|| view! { <th scope="col">{lang.ctl_col_client()}</th> })}
                        <th scope="col">{lang.ctl_col_managed_by()}</th>
                        <th scope="col">{lang.ctl_col_since()}</th>
                        <th scope="col">{lang.ctl_col_state()}</th>
                        <th scope="col"><span class="ma-visually-hidden">{lang.ctl_col_actions()}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|c| (c.company.clone(), c.app.clone(), c.manager.clone(), c.since)
                        children=move |c| {
                            view! {
                                <Row
                                    product=product
                                    connection=c
                                    show_company=show_company
                                    selectable=selectable
                                    selected=selected
                                    disconnecting=disconnecting
                                    choose=choose
                                />
                            }
                        }
                    />
                </tbody>
            </table>
        </Show>
        <DisconnectRow product=product rows=rows disconnecting=disconnecting heading_id=heading_id/>
    }
}

/// No connection here yet: the way to find one.
#[component]
fn Empty(product: Product) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="ma-empty">
            <p>{lang.widgets_none_connected()}</p>
            <p><A href=paths::href(&paths::search(product, "", None))>{lang.ctl_find_app_to_connect()}</A></p>

        </div>
    }
}

/// The disconnection dialog of the row whose ▼ menu asked for it.
#[component]
fn DisconnectRow(
    product: Product,
    rows: Memo<Vec<Connection>>,
    disconnecting: RwSignal<Option<Connection>>,
    heading_id: &'static str,
) -> impl IntoView {
    let close = Callback::new(move |_| disconnecting.set(None));
    move || {
        disconnecting.get().map(|c| {
            // Once its row is gone, focus goes on to the next row's ▼ (the previous one's
            // for the last row), where a keyboard user goes on working; to the heading
            // when no row is left.
            let neighbour = rows.with_untracked(|rows| {
                let at = rows
                    .iter()
                    .position(|r| r.app == c.app && r.company == c.company)?;
                rows.get(at + 1)
                    .or_else(|| at.checked_sub(1).and_then(|i| rows.get(i)))
                    .map(menu_id)
            });
            view! {
                <DisconnectDialog
                    product=product
                    app=c.app.clone()
                    company=c.company.clone()
                    on_close=close
                    on_done=close
                    return_focus=menu_id(&c)
                    fallback_focus=neighbour.unwrap_or_else(|| heading_id.to_string())
                />
            }
        })
    }
}
