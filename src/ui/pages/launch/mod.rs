//! "Lancer": the app's landing view, simulated inside Mes apps (no navigation away),
//! saying for which company and which user it was opened. A connection that has expired
//! opens nothing: the view says it must be reconnected, and offers to; a suspended one
//! says so and offers Réactiver (see `suspended`); one nobody manages says so and offers
//! "Reprendre la gestion" (see `unmanaged`).

mod blocked;
mod suspended;
mod unmanaged;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::access::queries;
use crate::domain::catalogue::AppDef;
use crate::domain::health::{self, Health};
use crate::domain::i18n::args;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::clock::now;
use crate::ui::web::{dom, paths};
use crate::ui::widgets::get_dialog::ReconnectDialog;

#[component]
pub fn LaunchPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    move || {
        let p = product.get();
        let (company, app_id) = params.with(|m| {
            (
                CompanyId::new(m.get("entreprise").unwrap_or_default()),
                AppId::new(m.get("appli").unwrap_or_default()),
            )
        });
        let actor = session.actor(p);
        let found = products.state(p).with(|s| {
            let c = queries::visible_connection(s, &actor, &app_id, &company)?;
            Some((
                s.company_name(&company).to_string(),
                s.user_name(&actor).to_string(),
                health::of(s, c, now()),
            ))
        });
        // What the app reads is the version the connection is at.
        let version = products
            .state(p)
            .with(|s| s.connection(&app_id, &company).map_or(1, |c| c.version));
        let def = products
            .catalogue
            .with_value(|c| c.app(&app_id).map(|d| d.at(version)));
        let back = paths::href(&paths::default_section(p));
        match (found, def) {
            (Some((company_name, _, Health::Unmanaged)), Some(def)) => view! {
                <unmanaged::Unmanaged product=p app=def.id.clone() name=def.name.clone() company=company company_name=company_name/>
            }
            .into_any(),
            (Some((_, _, Health::Suspended)), Some(def)) => view! {
                <suspended::Suspended product=p app=def.id.clone() name=def.name.clone() company=company/>
            }
            .into_any(),
            (Some((company_name, _, Health::Expired)), Some(def)) => view! {
                <Expired product=p def=def company=company company_name=company_name/>
            }
            .into_any(),
            (Some((company_name, user_name, _)), Some(def)) => view! {
                <section class="ma-launch" aria-labelledby="ma-section-title">
                    <div class="ma-launch__bar">
                        <span class="ma-launch__logo" aria-hidden="true"></span>
                        <h2 id="ma-section-title" tabindex="-1">{def.name.clone()}</h2>
                    </div>
                    <p class="ma-lead">{lang.launch_opened_for(args::LaunchOpenedFor { company: &company_name, user: &user_name })}</p>
                    <p>{def.description.clone()}</p>
                    <p class="ma-message ma-message--info">
                        {lang.launch_simulated()}
                    </p>
                    <ul>{def.permissions.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                    <p><A href=back>{lang.ctl_back_to_mes_apps()}</A></p>
                </section>
            }
            .into_any(),
            _ => view! {
                <h2 id="ma-section-title" tabindex="-1">{lang.ctl_cannot_launch()}</h2>
                <p class="ma-message ma-message--info">{lang.launch_not_connected()}</p>
                <p><A href=back>{lang.ctl_back_to_mes_apps()}</A></p>
            }
            .into_any(),
        }
    }
}

/// An expired connection: nothing opens until it is reconnected.
#[component]
fn Expired(
    product: Product,
    def: AppDef,
    company: CompanyId,
    company_name: String,
) -> impl IntoView {
    let lang = use_lang();
    let reconnecting = RwSignal::new(false);
    let close = Callback::new(move |_| reconnecting.set(false));
    // Once reconnected, the app's view replaces this one: reading starts at its heading.
    let done = Callback::new(move |_| {
        reconnecting.set(false);
        request_animation_frame(|| dom::focus("ma-section-title"));
    });
    let back = paths::href(&paths::default_section(product));
    let app = def.id.clone();
    view! {
        <section class="ma-launch" aria-labelledby="ma-section-title">
            <h2 id="ma-section-title" tabindex="-1">{lang.ctl_cannot_open(&def.name)}</h2>
            <p class="ma-message ma-message--warning">
                {lang.launch_must_reconnect(args::LaunchMustReconnect { company: &company_name, name: &def.name, why: &Health::Expired.sentence(lang) })}
            </p>
            <p>
                <button type="button" class="ma-button ma-button--primary" on:click=move |_| reconnecting.set(true)>
                    {lang.ctl_reconnect()}

                </button>
            </p>
            <p><A href=back>{lang.ctl_back_to_mes_apps()}</A></p>
            <Show when=move || reconnecting.get()>
                <ReconnectDialog product=product app=app.clone() company=company.clone() on_close=close on_done=done/>
            </Show>
        </section>
    }
}
