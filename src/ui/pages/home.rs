//! The home page: what this is, and the way to Mes apps.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::access::queries;
use crate::domain::i18n::args;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;

#[component]
pub fn Home() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let product = use_product();
    let lang = use_lang();
    let greeting = move || {
        let p = product.get();
        let actor = session.actor(p);
        let (mine, total, name) = products.state(p).with(|s| {
            (
                queries::managed_by(s, &actor, &actor).len(),
                queries::visible_connections(s, &actor).len(),
                s.user(&actor).map(|u| u.name.clone()).unwrap_or_default(),
            )
        });
        let connections = lang.home_connections(total);
        let managed = lang.home_managed(mine);
        lang.home_greeting(args::HomeGreeting {
            connections: &connections,
            managed: &managed,
            name: &name,
            product: &p.label(),
        })
    };
    view! {
        <section class="ma-home" aria-labelledby="ma-home-title">
            <h1 id="ma-home-title">{lang.ctl_home()}</h1>
            <p class="ma-lead">{lang.home_lead()}</p>
            <div class="ma-card">
                <p>{greeting}</p>
                <p>
                    <A href=move || paths::href(&paths::mes_apps(product.get())) attr:class="ma-button ma-button--primary">
                        {lang.ctl_see_connected_apps()}
                    </A>
                </p>
            </div>
            <div class="ma-card">
                <h2>{lang.home_try_title()}</h2>
                <ul>
                    <li>{lang.home_try_product()}</li>
                    <li>{lang.home_try_user()}</li>
                    <li>{lang.home_try_connect(Product::ALL[0].label())}</li>

                </ul>
            </div>
        </section>
    }
}
