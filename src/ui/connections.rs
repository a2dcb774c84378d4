//! The sections that list connections: Aperçu (QuickBooks), Applis du cabinet and Applis
//! clientes (Expert-Comptable). Each row has Lancer and the ▼ menu (Paramètres,
//! Déconnectez-vous); in Applis clientes a Client filter narrows the list and selecting an
//! app's name shows its details.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::model::{AppId, CompanyId, Connection, Product};
use crate::domain::queries::{self, Section};

use super::disconnect::DisconnectDialog;
use super::filter_select::FilterSelect;
use super::format;
use super::menu_button::{MenuButton, MenuItem};
use super::paths;
use super::shell::{use_product, NotFound};
use super::state::use_app;

/// The id of a row's ▼ button, so that a closed dialog can give focus back to it.
fn menu_id(c: &Connection) -> String {
    format!("ma-actions-{}-{}", c.company, c.app)
}

const HEADING_ID: &str = "ma-section-title";

#[component]
pub fn Overview() -> impl IntoView {
    let product = use_product();
    move || {
        if product.get() != Product::QuickBooks {
            return view! { <NotFound section=true/> }.into_any();
        }
        let app = use_app();
        let company = app
            .state(Product::QuickBooks)
            .with_untracked(|s| s.home_company().map(|c| c.name.clone()))
            .unwrap_or_default();
        view! {
            <h2 id=HEADING_ID tabindex="-1">"Aperçu"</h2>
            <p class="ma-lead">{format!("Les applis connectées à {company}.")}</p>
            <ConnectionTable product=Product::QuickBooks section=Signal::derive(|| Section::Overview)/>
        }
        .into_any()
    }
}

#[component]
pub fn FirmApps() -> impl IntoView {
    let product = use_product();
    move || {
        if product.get() != Product::ExpertComptable {
            return view! { <NotFound section=true/> }.into_any();
        }
        view! {
            <h2 id=HEADING_ID tabindex="-1">"Applis du cabinet"</h2>
            <p class="ma-lead">"Les applis installées pour le cabinet lui-même."</p>
            <ConnectionTable product=Product::ExpertComptable section=Signal::derive(|| Section::Firm)/>
        }
        .into_any()
    }
}

#[component]
pub fn ClientApps() -> impl IntoView {
    let product = use_product();
    let app = use_app();
    let query = use_query_map();
    let navigate = use_navigate();
    let client = Memo::new(move |_| {
        query
            .with(|q| q.get("client"))
            .filter(|c| !c.is_empty())
            .map(CompanyId::new)
    });
    let clients = Memo::new(move |_| {
        let actor = app.actor(Product::ExpertComptable);
        app.state(Product::ExpertComptable).with(|s| {
            s.user(&actor)
                .map(|u| {
                    queries::accessible_clients(s, u)
                        .into_iter()
                        .map(|c| (c.id.clone(), c.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // A client the user may not access is treated as no filter at all.
    let section = Signal::derive(move || Section::Clients {
        client: client
            .get()
            .filter(|c| clients.with(|list| list.iter().any(|(id, _)| id == c))),
    });
    // Said rather than silently ignored: the address names a client the list is not about.
    // Without its name, and the same whether it exists or not: a client the user may not
    // access is not theirs to learn about.
    let ignored = move || {
        let c = client.get()?;
        (!clients.with(|list| list.iter().any(|(id, _)| *id == c))).then_some(
            "Le client indiqué dans l'adresse ne fait pas partie de ceux auxquels vous avez accès : la liste montre tous vos clients.",
        )
    };
    let on_client = Callback::new(move |value: Option<String>| {
        let id = value.map(CompanyId::new);
        navigate(&paths::clients(id.as_ref()), Default::default());
    });
    move || {
        if product.get() != Product::ExpertComptable {
            return view! { <NotFound section=true/> }.into_any();
        }
        view! {
            <h2 id=HEADING_ID tabindex="-1">"Applis clientes"</h2>
            <p class="ma-lead">"Les applis installées pour les clients auxquels vous avez accès. Sélectionnez le nom d'une appli pour voir ses détails."</p>
            <div class="ma-filters">
                <FilterSelect
                    id="ma-filtre-client"
                    label="Client"
                    all="Tous les clients"
                    options=Signal::derive(move || {
                        clients.get().into_iter().map(|(id, name)| (id.to_string(), name)).collect()
                    })
                    current=Signal::derive(move || client.get().map(|c| c.to_string()))
                    on_change=on_client
                />
            </div>
            {move || ignored().map(|text| view! { <p class="ma-message ma-message--info" role="status">{text}</p> })}
            <ConnectionTable product=Product::ExpertComptable section=section show_company=true selectable=true/>
        }
        .into_any()
    }
}

/// The connections of a section for the acting user, as a table.
#[component]
fn ConnectionTable(
    /// The product whose connections are listed.
    product: Product,
    /// Which connections.
    section: Signal<Section>,
    /// Whether to show the company column (Applis clientes).
    #[prop(optional)]
    show_company: bool,
    /// Whether selecting an app's name shows its details below its row.
    #[prop(optional)]
    selectable: bool,
) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        let actor = app.actor(product);
        let section = section.get();
        app.catalogue.with_value(|cat| {
            app.state(product).with(|s| {
                queries::connections(s, cat, &actor, &section)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let selected = RwSignal::new(None::<(CompanyId, AppId)>);
    let disconnecting = RwSignal::new(None::<Connection>);
    let close = Callback::new(move |_| disconnecting.set(None));
    // Its row is gone: focus goes to the section's heading (the dialog's fallback).
    let done = Callback::new(move |_| disconnecting.set(None));
    view! {
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=move || {
                view! {
                    <div class="ma-empty">
                        <p>"Aucune appli n'est connectée ici pour l'instant."</p>
                        <p>
                            <A href=paths::href(&paths::search(product, "", None))>"Trouver une appli à connecter"</A>
                        </p>
                    </div>
                }
            }
        >
            <table class="ma-table">
                <caption class="ma-visually-hidden">"Applis connectées"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Appli"</th>
                        {show_company.then(|| view! { <th scope="col">"Client"</th> })}
                        <th scope="col">"Gérée par"</th>
                        <th scope="col">"Depuis"</th>
                        <th scope="col"><span class="ma-visually-hidden">"Actions"</span></th>
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
                                />
                            }
                        }
                    />
                </tbody>
            </table>
        </Show>
        {move || {
            disconnecting
                .get()
                .map(|c| {
                    // Once its row is gone, focus goes on to the next row's ▼ (the previous
                    // one's for the last row), where a keyboard user goes on working; to
                    // the heading when no row is left.
                    let neighbour = rows.with_untracked(|rows| {
                        let at = rows.iter().position(|r| r.app == c.app && r.company == c.company)?;
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
                            on_done=done
                            return_focus=menu_id(&c)
                            fallback_focus=neighbour.unwrap_or_else(|| HEADING_ID.to_string())
                        />
                    }
                })
        }}
    }
}

/// One connection's row (and its details when selected).
#[component]
fn Row(
    product: Product,
    connection: Connection,
    show_company: bool,
    selectable: bool,
    selected: RwSignal<Option<(CompanyId, AppId)>>,
    disconnecting: RwSignal<Option<Connection>>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let c = connection;
    let (name, category, permissions) = app.catalogue.with_value(|cat| {
        cat.app(&c.app)
            .map(|a| (a.name.clone(), a.category.label(), a.permissions.clone()))
            // An app that has left the catalogue since: its id is all that is known.
            .unwrap_or_else(|| (c.app.to_string(), "Retirée du catalogue", Vec::new()))
    });
    let company_name = app
        .state(product)
        .with_untracked(|s| s.company_name(&c.company).to_string());
    let manager = c.manager.clone();
    let manager_label = move || {
        let name = app
            .state(product)
            .with(|s| s.user_name(&manager).to_string());
        if app.actor(product) == manager {
            format!("{name} (vous)")
        } else {
            name
        }
    };
    let key = (c.company.clone(), c.app.clone());
    let is_selected = {
        let key = key.clone();
        Memo::new(move |_| selected.with(|s| s.as_ref() == Some(&key)))
    };
    let details_id = format!("ma-details-{}-{}", c.company, c.app);
    let describe_id = format!("ma-row-{}-{}", c.company, c.app);
    let launch = {
        let navigate = navigate.clone();
        let href = paths::launch(product, &c.company, &c.app);
        move |_| navigate(&href, Default::default())
    };
    let items = {
        let settings_href = paths::settings(product, &c.company, &c.app);
        let navigate = navigate.clone();
        let conn = c.clone();
        vec![
            MenuItem {
                label: "Paramètres",
                on_select: Callback::new(move |_| navigate(&settings_href, Default::default())),
            },
            MenuItem {
                label: "Déconnectez-vous",
                on_select: Callback::new(move |_| disconnecting.set(Some(conn.clone()))),
            },
        ]
    };
    let columns = if show_company { 5 } else { 4 };
    let name_cell = if selectable {
        let key = key.clone();
        let name_text = name.clone();
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
                aria-expanded=move || if is_selected.get() { "true" } else { "false" }
                aria-controls=details_id.clone()
                on:click=toggle
            >
                {name_text}
            </button>
        }
        .into_any()
    } else {
        let link_text = name.clone();
        view! { <A href=paths::href(&paths::app(product, &c.app)) attr:class="ma-table__name">{link_text}</A> }
            .into_any()
    };
    let since = format::date(c.since);
    let since_iso = format::iso(c.since);
    let settings_summary = app.catalogue.with_value(|cat| {
        cat.app(&c.app)
            .map(|a| {
                a.settings
                    .iter()
                    .map(|s| {
                        let value = c
                            .settings
                            .get(&s.key)
                            .map(|v| v.display(Some(s)))
                            .unwrap_or_default();
                        format!("{} : {value}", s.label)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <tr class="ma-table__row" class:ma-table__row--selected=move || is_selected.get()>
            <td data-label="Appli">
                {name_cell}
                <span class="ma-tag">{category}</span>
            </td>
            {show_company.then(|| view! { <td data-label="Client" id=describe_id.clone()>{company_name.clone()}</td> })}
            <td data-label="Gérée par">{manager_label.clone()}</td>
            <td data-label="Depuis"><time datetime=since_iso>{since.clone()}</time></td>
            <td class="ma-table__actions">
                <div class="ma-split">
                    <button type="button" class="ma-button ma-button--primary ma-split__main" on:click=launch>
                        "Lancer"
                    </button>
                    <MenuButton
                        label=format!("Plus d'actions pour {name}")
                        described_by=show_company.then(|| describe_id.clone())
                        items=items
                        id=menu_id(&c)
                    />
                </div>
            </td>
        </tr>
        <Show when=move || is_selected.get()>
            <tr class="ma-table__details" id=details_id.clone()>
                <td colspan=columns>
                    <div class="ma-details">
                        <h3 class="ma-details__title">{format!("{name} pour {company_name}")}</h3>
                        <dl class="ma-details__list">
                            <dt>"Client"</dt>
                            <dd>{company_name.clone()}</dd>
                            <dt>"Gérée par"</dt>
                            <dd>{manager_label.clone()}</dd>
                            <dt>"Installée depuis le"</dt>
                            <dd>{since.clone()}</dd>
                            <dt>"Données auxquelles l'appli accède"</dt>
                            <dd>
                                <ul>{permissions.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                            </dd>
                            <dt>"Paramètres"</dt>
                            <dd>
                                <ul>{settings_summary.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                            </dd>
                        </dl>
                        <p class="ma-details__hint">"Pour agir sur cette appli, utilisez « Lancer » ou le menu ▼ de sa ligne."</p>
                    </div>
                </td>
            </tr>
        </Show>
    }
}
