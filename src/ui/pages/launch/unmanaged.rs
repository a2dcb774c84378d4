//! Lancer on a connection nobody manages: nothing opens; the view says the app stops
//! syncing until someone takes it over, and offers "Reprendre la gestion" to those who
//! may (a sentence saying who may to the others).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::commands::{plan_get, Command, GetPlan};
use crate::domain::model::team::PeopleError;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::{dom, paths};

#[component]
pub fn Unmanaged(
    product: Product,
    app: AppId,
    /// The app's name.
    name: String,
    company: CompanyId,
    company_name: String,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let actor = session.actor_untracked(product);
    let allowed = products.with_env_untracked(product, |s, env| {
        match plan_get(s, env, &actor, &app, &company) {
            Ok(GetPlan::TakeOver { .. }) => Ok(()),
            Ok(GetPlan::New { .. }) => Err(String::new()),
            Err(e) => Err(e.text(lang)),
        }
    });
    let sentence = PeopleError::Unmanaged {
        app: name.clone(),
        company: company_name,
    }
    .message(lang);
    let error = RwSignal::new(None::<String>);
    let take_over = move |_| {
        let command = Command::Get {
            app: app.clone(),
            company: company.clone(),
        };
        match products.dispatch(product, command) {
            // The app's own view replaces this one: reading starts at its heading.
            Ok(_) => request_animation_frame(|| dom::focus("ma-section-title")),
            Err(e) => error.set(Some(e.text(lang))),
        }
    };
    let back = paths::href(&paths::default_section(product));
    view! {
        <section class="ma-launch" aria-labelledby="ma-section-title">
            <h2 id="ma-section-title" tabindex="-1">{lang.ctl_cannot_open(&name)}</h2>
            <p class="ma-message ma-message--warning">{sentence}</p>
            {match allowed {
                Ok(()) => view! {
                    <p>
                        <button type="button" class="ma-button ma-button--primary" on:click=take_over>
                            {lang.ctl_take_over_management()}
                        </button>
                    </p>
                }.into_any(),
                Err(why) => view! { <p class="ma-message ma-message--info">{why}</p> }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <p><A href=back>{lang.ctl_back_to_mes_apps()}</A></p>
        </section>
    }
}
