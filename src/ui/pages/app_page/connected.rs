//! Where an app is connected (installed), among the companies the user may see: since
//! when, who manages it, and a link to each connection's settings.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::access::queries;
use crate::domain::i18n::args;
use crate::domain::model::{AppId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::{format, paths};

#[component]
pub fn WhereConnected(product: Product, app: AppId) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let kind = product.get_kind();
    let id = app.clone();
    let connections = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            queries::app_connections(s, &actor, &id)
                .into_iter()
                .map(|c| {
                    let who = match &c.manager {
                        Some(m) => format::person(lang, s.user_name(m), *m == actor),
                        None => s.manager_name(None, lang),
                    };
                    (
                        c.company.clone(),
                        s.company_name(&c.company).to_string(),
                        who,
                        c.since,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = connections.get();
        if list.is_empty() {
            return view! { <p>{kind.nowhere(lang)}</p> }.into_any();
        }
        view! {
            <ul class="ma-connected-list">
                {list
                    .into_iter()
                    .map(|(company, company_name, who, since)| {
                        view! {
                            <li>
                                {lang.app_page_connected_since(args::AppPageConnectedSince { company: &company_name, date: &format::date(lang, since), done_at: &kind.done_at_capitalised(lang), who: &who })}
                                <A href=paths::href(&paths::settings(product, &company, &app))>
                                    {lang.ctl_settings_for(&company_name)}

                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    }
}
