//! One app's published update: when and by whom, what it changes, and the connections it
//! touches that the acting user may see, each with its État, to approve or refuse.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::health;
use crate::domain::i18n::args;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::updates;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::now;
use crate::ui::web::{dom, format};
use crate::ui::widgets::batch_report::{run_batch, ReportLine};
use crate::ui::widgets::selection::{label, Key, SelectAll, SelectOne};

use super::changes::WhatChanges;

/// One connection the update touches, as its row shows it.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    company: CompanyId,
    company_name: String,
    manager: String,
    state: String,
    refused: bool,
    may: bool,
}

/// The update as the group shows it.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    version: u32,
    from: u32,
    published: String,
    rows: Vec<Row>,
}

#[component]
pub fn UpdateGroup(
    product: Product,
    app: AppId,
    /// The page's "Résultat de la mise à jour".
    report: RwSignal<Vec<ReportLine>>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let def = products.catalogue.with_value(|c| c.app(&app).cloned());
    let name = def.as_ref().map_or(app.to_string(), |d| d.name.clone());
    let shown = {
        let app = app.clone();
        Memo::new(move |_| {
            let actor = session.actor(product);
            products.state(product).with(|s| {
                let touched = updates::touched(s, &actor);
                let t = touched.iter().find(|t| t.published.app == app)?;
                let rows = t
                    .connections
                    .iter()
                    .map(|c| Row {
                        company: c.company.clone(),
                        company_name: s.company_name(&c.company).to_string(),
                        manager: s.manager_name(c.manager.as_ref(), lang),
                        state: health::of(s, c, now()).label(lang),
                        refused: c.declined == Some(t.published.version),
                        may: updates::may_decide(s, &actor, c),
                    })
                    .collect();
                Some(Shown {
                    version: t.published.version,
                    from: t.from_version(),
                    published: lang.updates_published_on(args::UpdatesPublishedOn {
                        date: &format::date(lang, t.published.at),
                        name: &s.person(&t.published.by, lang),
                    }),
                    rows,
                })
            })
        })
    };
    let heading = dom::unique_id("ma-update");
    let labelled_by = heading.clone();
    let selected = RwSignal::new(BTreeSet::<Key>::new());
    view! {
        <article class="ma-update" aria-labelledby=labelled_by>
            {move || shown.get().map(|s| {
                let title = lang.updates_group_title(args::UpdatesGroupTitle { app: &name, version: &s.version });
                let changes = def.clone().map(|d| view! { <WhatChanges def=d from=s.from to=s.version of=heading.clone()/> });
                let body = if s.rows.is_empty() {
                    view! { <p class="ma-message ma-message--success">{lang.updates_all_done(s.version)}</p> }.into_any()
                } else {
                    view! { <Connections product=product app=app.clone() name=name.clone() rows=s.rows.clone() selected=selected report=report heading=heading.clone()/> }.into_any()
                };
                view! {
                    <h3 id=heading.clone() tabindex="-1">{title}</h3>
                    <p>{s.published}</p>
                    {changes}
                    {body}
                }
            })}
        </article>
    }
}

/// The table of the connections, with what the acting user may do on them.
#[component]
fn Connections(
    product: Product,
    app: AppId,
    name: String,
    rows: Vec<Row>,
    selected: RwSignal<BTreeSet<Key>>,
    report: RwSignal<Vec<ReportLine>>,
    /// The update's heading, which takes focus once a row's button is gone.
    heading: String,
) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let bulk = product.has_clients();
    let any_may = rows.iter().any(|r| r.may);
    let keys: Vec<Key> = rows
        .iter()
        .filter(|r| r.may)
        .map(|r| (r.company.clone(), app.clone()))
        .collect();
    let keys_signal = Signal::derive({
        let keys = keys.clone();
        move || keys.clone()
    });
    let run = {
        let keys = keys.clone();
        move |approve: bool| {
            let chosen: Vec<Key> = selected
                .with_untracked(|s| keys.iter().filter(|k| s.contains(k)).cloned().collect());
            if chosen.is_empty() {
                status.say(lang.error_nothing_selected().to_string());
                return;
            }
            let commands = chosen
                .into_iter()
                .map(|(company, app)| decision(app, company, approve))
                .collect();
            let done = if approve {
                lang.updates_line_approved()
            } else {
                lang.updates_line_refused()
            };
            report.set(run_batch(products, product, Command::Batch(commands), done));
            selected.set(BTreeSet::new());
        }
    };
    let (approve_all, refuse_all) = (run.clone(), run);
    let rows_view = rows
        .into_iter()
        .map(|r| {
            let key: Key = (r.company.clone(), app.clone());
            let select = (bulk && r.may).then(|| {
                view! { <td><SelectOne key=key.clone() label=label(&name, &r.company_name) selected=selected/></td> }
            });
            let empty_select = (bulk && !r.may && any_may).then(|| view! { <td></td> });
            let actions = (!bulk && r.may).then(|| {
                view! { <td><RowActions product=product app=app.clone() company=r.company.clone() refused=r.refused heading=heading.clone()/></td> }
            });
            view! {
                <tr>
                    {select}
                    {empty_select}
                    <th scope="row">{r.company_name.clone()}</th>
                    <td>{r.manager.clone()}</td>
                    <td>{r.state.clone()}</td>
                    {actions}
                </tr>
            }
        })
        .collect_view();
    view! {
        {(bulk && any_may).then(|| view! { <SelectAll keys=keys_signal selected=selected/> })}
        <table class="ma-table ma-update__table">
            <thead>
                <tr>
                    {(bulk && any_may).then(|| view! { <th scope="col">{lang.updates_col_select()}</th> })}
                    <th scope="col">{lang.updates_col_company()}</th>
                    <th scope="col">{lang.updates_col_manager()}</th>
                    <th scope="col">{lang.updates_col_state()}</th>
                    {(!bulk && any_may).then(|| view! { <th scope="col">{lang.updates_col_actions()}</th> })}
                </tr>
            </thead>
            <tbody>{rows_view}</tbody>
        </table>
        {(bulk && any_may).then(|| view! {
            <div class="ma-update__actions">
                <button type="button" class="ma-button ma-button--primary" on:click=move |_| approve_all(true)>
                    {lang.updates_control_approve_selected()}
                </button>
                <button type="button" class="ma-button" on:click=move |_| refuse_all(false)>
                    {lang.updates_control_refuse_selected()}
                </button>
            </div>
        })}
    }
}

/// The command that approves or refuses the update at one connection.
fn decision(app: AppId, company: CompanyId, approve: bool) -> Command {
    if approve {
        Command::ApproveUpdate { app, company }
    } else {
        Command::RefuseUpdate { app, company }
    }
}

/// QuickBooks: "Approuver" and "Refuser" for the one connection (Refuser gone once it is
/// refused: the update can still be approved). The row is drawn again after either, so
/// focus moves to the update's heading rather than being lost.
#[component]
fn RowActions(
    product: Product,
    app: AppId,
    company: CompanyId,
    refused: bool,
    heading: String,
) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let act = move |approve: bool| {
        // The outcome is said in the status line; so is a refusal.
        let command = decision(app.clone(), company.clone(), approve);
        if let Err(e) = products.dispatch(product, command) {
            status.say(e.text(lang));
        }
        let heading = heading.clone();
        request_animation_frame(move || dom::focus(&heading));
    };
    let approve = act.clone();
    view! {
        <div class="ma-update__actions">
            <button type="button" class="ma-button ma-button--primary" on:click=move |_| approve(true)>
                {lang.updates_control_approve()}
            </button>
            {(!refused).then(|| view! {
                <button type="button" class="ma-button" on:click=move |_| act(false)>
                    {lang.updates_control_refuse()}
                </button>
            })}
        </div>
    }
}
