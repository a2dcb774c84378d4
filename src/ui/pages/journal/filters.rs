//! The journal's filters: Appli (the apps that appear in what the user may read), Type
//! (the kinds this product has) and, where the product has clients, Client.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::access::queries;
use crate::domain::journal::JournalFilter;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths::{self, JournalQuery};
use crate::ui::widgets::filter_select::FilterSelect;

type Options = Vec<(String, String)>;

#[component]
pub fn JournalFilters(query: Memo<JournalQuery>) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let product = use_product();
    let navigate = use_navigate();
    let lang = use_lang();
    let choices = Memo::new(move |_| {
        let p = product.get();
        let actor = session.actor(p);
        products.catalogue.with_value(|cat| {
            products.state(p).with(|s| {
                let all = queries::journal(s, &actor, &JournalFilter::default());
                let mut apps: Options = all
                    .iter()
                    .filter_map(|e| e.app.as_ref())
                    .map(|a| (a.to_string(), cat.app_name(a).to_string()))
                    .collect();
                apps.sort_by(|a, b| a.1.cmp(&b.1));
                apps.dedup();
                let clients: Options = s
                    .user(&actor)
                    .map(|u| {
                        queries::accessible_clients(s, u)
                            .into_iter()
                            .map(|c| (c.id.to_string(), c.name.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                (apps, clients)
            })
        })
    });
    let kinds = Signal::derive(move || {
        product
            .get()
            .journal_kinds()
            .into_iter()
            .map(|k| {
                (
                    k.slug().to_string(),
                    k.label(crate::ui::state::session::use_lang()).to_string(),
                )
            })
            .collect::<Options>()
    });
    // Each filter rewrites its own part of the address, keeping the others.
    let on = move |change: fn(&mut JournalQuery, Option<String>)| {
        let navigate = navigate.clone();
        Callback::new(move |value: Option<String>| {
            let mut q = query.get_untracked();
            change(&mut q, value);
            navigate(
                &paths::journal(product.get_untracked(), &q),
                Default::default(),
            );
        })
    };
    let on_app = on(|q, v| q.app = v);
    let on_kind = on(|q, v| q.kind = v);
    let on_client = on(|q, v| q.client = v);
    view! {
        <div class="ma-filters">
            <FilterSelect
                id="ma-journal-appli"
                label=lang.ctl_filter_app()
                all=lang.ctl_all_apps()
                options=Signal::derive(move || choices.get().0)
                current=Signal::derive(move || query.get().app)
                on_change=on_app
            />
            <FilterSelect
                id="ma-journal-type"
                label=lang.ctl_filter_type()
                all=lang.ctl_all_types()
                options=kinds
                current=Signal::derive(move || query.get().kind)
                on_change=on_kind
            />
            <Show when=move || product.get().has_clients()>
                <FilterSelect
                    id="ma-journal-client"
                    label=lang.ctl_client()
                    all=lang.ctl_all_clients()

                    options=Signal::derive(move || choices.get().1)
                    current=Signal::derive(move || query.get().client)
                    on_change=on_client
                />
            </Show>
        </div>
    }
}
