//! Lancer on a suspended connection: nothing opens; the view says who suspended it and
//! when, and offers Réactiver to those who may (a sentence saying who may to the others).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::access::permissions::{self, Action};
use crate::domain::commands::Command;
use crate::domain::i18n::args;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::{dom, format, paths};

#[component]
pub fn Suspended(
    product: Product,
    app: AppId,
    /// The app's name.
    name: String,
    company: CompanyId,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let actor = session.actor_untracked(product);
    let (sentence, by, allowed) = products.catalogue.with_value(|catalogue| {
        products.state(product).with_untracked(|s| {
            let sentence = crate::domain::health::suspension::refusal(s, catalogue, &app, &company)
                .map(|e| e.text(lang))
                .unwrap_or_default();
            let by = s
                .connection(&app, &company)
                .and_then(|c| c.suspended.as_ref())
                .map(|x| {
                    lang.requests_suspended_by(args::RequestsSuspendedBy {
                        date: &format::date(lang, x.at),
                        user: &s.user_name(&x.by),
                    })
                })
                .unwrap_or_default();
            let allowed = permissions::check_ids(s, &actor, Action::Suspend, &company);
            (sentence, by, allowed.map_err(|e| e.text(lang)))
        })
    });
    let error = RwSignal::new(None::<String>);
    let reactivate = move |_| {
        let command = Command::Reactivate {
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
            <h2 id="ma-section-title" tabindex="-1">{lang.requests_launch_suspended_heading(&name)}</h2>
            <p class="ma-message ma-message--warning">{sentence}" "{by}</p>
            {match allowed {
                Ok(()) => view! {
                    <p>
                        <button type="button" class="ma-button ma-button--primary" on:click=reactivate>
                            {lang.requests_control_reactivate()}
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
