//! The Mes apps page: its heading, the links of the product's sections, and the section
//! shown (an unknown product is "Page introuvable").

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};
use leptos_router::hooks::use_params_map;

use crate::domain::model::Product;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;

use crate::ui::widgets::not_found::NotFound;

use super::request_notice::RequestNotice;

#[component]
pub fn MesApps() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let params = use_params_map();
    let product =
        Memo::new(move |_| params.with(|p| p.get("produit").and_then(|s| Product::from_slug(&s))));
    Effect::new(move || {
        if let Some(p) = product.get() {
            session.set_last_product(p);
        }
    });
    move || {
        match product.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(p) => view! {
            <div class="ma-mes-apps">
                <h1 class="ma-mes-apps__title">{lang.ctl_mes_apps()}</h1>
                <nav class="ma-tabs" aria-label=lang.ctl_mes_apps_sections()>

                    <ul class="ma-tabs__list">
                        {p.sections()
                            .iter()
                            .map(|s| {
                                view! {
                                    <li>
                                        <A href=paths::href(&paths::section(p, *s)) attr:class="ma-tabs__link">
                                            {s.label(crate::ui::state::session::use_lang())}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <RequestNotice product=p/>
                <div class="ma-section">
                    <Outlet/>
                </div>
            </div>
        }
        .into_any(),
    }
    }
}

/// `/:produit/mes-apps` opens the product's first section.
#[component]
pub fn DefaultSection() -> impl IntoView {
    let product = use_product();
    view! { <Redirect path=paths::default_section(product.get_untracked())/> }
}
