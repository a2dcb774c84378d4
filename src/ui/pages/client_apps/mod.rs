//! Applis clientes (Expert-Comptable): the apps installed for the clients the user may
//! access, narrowed by the Client filter (kept in the address), each row's details shown
//! when its app's name is selected.

mod bulk_disconnect;
mod bulk_suspend;

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::access::queries::{self, Listing};
use crate::domain::catalogue::product::Section;
use crate::domain::model::CompanyId;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_product, use_session};
use crate::ui::web::paths;
use crate::ui::widgets::batch_report::{BatchReport, ReportLine};
use crate::ui::widgets::connection_table::ConnectionTable;
use crate::ui::widgets::filter_select::FilterSelect;
use crate::ui::widgets::not_found::ForSection;

use bulk_disconnect::BulkDisconnectDialog;
/// The bulk disconnection's form, kept out of the first load (see `web::split`).
pub use bulk_disconnect::FORM as BULK_DISCONNECT_FORM;
use bulk_suspend::BulkSuspendDialog;

const HEADING_ID: &str = "ma-section-title";

#[component]
pub fn ClientApps() -> impl IntoView {
    view! {
        <ForSection section=Section::ClientApps>
            <ClientList/>
        </ForSection>
    }
}

#[component]
fn ClientList() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let product = use_product().get_untracked();
    let query = use_query_map();
    let navigate = use_navigate();

    let requested = Memo::new(move |_| {
        query
            .with(|q| q.get("client"))
            .filter(|c| !c.is_empty())
            .map(CompanyId::new)
    });
    let filter = Memo::new(move |_| {
        let actor = session.actor(product);
        products
            .state(product)
            .with(|s| queries::client_filter(s, &actor, requested.get().as_ref()))
    });
    let clients = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            s.user(&actor)
                .map(|u| {
                    queries::accessible_clients(s, u)
                        .into_iter()
                        .map(|c| (c.id.to_string(), c.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let listing = Signal::derive(move || Listing::Clients {
        client: filter.get().client,
    });
    let chosen = RwSignal::new(BTreeSet::new());
    let disconnecting = RwSignal::new(false);
    let suspending = RwSignal::new(false);
    let lang = crate::ui::state::session::use_lang();
    let report = RwSignal::new(Vec::<ReportLine>::new());
    let suspend_report = RwSignal::new(Vec::<ReportLine>::new());
    let on_client = Callback::new(move |value: Option<String>| {
        let id = value.map(CompanyId::new);
        navigate(&paths::clients(product, id.as_ref()), Default::default());
    });
    // Said rather than silently ignored, without the client's name: a client the user may
    // not access is not theirs to learn about.
    let ignored = move || {
        filter
            .with(|f| f.ignored)
            .then_some(lang.client_apps_ignored())
    };
    view! {
        <h2 id=HEADING_ID tabindex="-1">{Section::ClientApps.label(lang)}</h2>
        <p class="ma-lead">{lang.client_apps_lead()}</p>
        <div class="ma-filters">
            <FilterSelect
                id="ma-filtre-client"
                label=lang.ctl_client()
                all=lang.ctl_all_clients()
                options=clients
                current=Signal::derive(move || requested.get().map(|c| c.to_string()))
                on_change=on_client
            />
        </div>
        {move || ignored().map(|text| view! { <p class="ma-message ma-message--info" role="status">{text}</p> })}
        <ConnectionTable product=product listing=listing heading_id=HEADING_ID show_company=true selectable=true choose=chosen/>
        <div class="ma-form__actions">
            <button
                type="button"
                class="ma-button"
                disabled=move || chosen.with(BTreeSet::is_empty)
                on:click=move |_| disconnecting.set(true)
            >
                {lang.ctl_disconnect_selection()}
            </button>
            <button
                type="button"
                class="ma-button"
                disabled=move || chosen.with(BTreeSet::is_empty)
                on:click=move |_| suspending.set(true)
            >
                {lang.requests_control_suspend_selected()}
            </button>
        </div>
        <BatchReport title=lang.ctl_disconnect_result() lines=report.into()/>
        <BatchReport title=lang.requests_bulk_report() lines=suspend_report.into()/>
        <Show when=move || suspending.get()>
            <BulkSuspendDialog product=product selected=chosen report=suspend_report on_close=Callback::new(move |_| suspending.set(false))/>
        </Show>
        <Show when=move || disconnecting.get()>
            <BulkDisconnectDialog product=product selected=chosen report=report on_close=Callback::new(move |_| disconnecting.set(false))/>
        </Show>
    }
}
