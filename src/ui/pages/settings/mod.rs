//! A connection's settings view: the line "Utilisateur associé" (who manages it, whether
//! it is the current user, and a take-over when someone else does), the app's settings
//! with their validation messages next to each field, and Enregistrer. The view belongs to
//! the acting user: another user gets a fresh one, never the previous user's edits.

mod associated_user;
mod form;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::access::queries;
use crate::domain::catalogue::version::FIRST;
use crate::domain::model::{AppId, CompanyId, Product, UserId};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;

use crate::domain::i18n::args;
use associated_user::AssociatedUser;
use form::SettingsForm;

const HEADING_ID: &str = "ma-settings-title";

#[component]
pub fn SettingsPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let session = use_session();
    let ids = Memo::new(move |_| {
        params.with(|p| {
            (
                CompanyId::new(p.get("entreprise").unwrap_or_default()),
                AppId::new(p.get("appli").unwrap_or_default()),
            )
        })
    });
    // Rebuilt for each acting user: a draft is only given back to, and saved by, the
    // user who typed it.
    move || {
        let (company, app) = ids.get();
        let p = product.get();
        let actor = session.actor(p);
        view! { <SettingsView product=p actor=actor company=company app=app/> }
    }
}

/// The settings of one connection, or why they cannot be shown.
#[component]
fn SettingsView(product: Product, actor: UserId, company: CompanyId, app: AppId) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let def = products.catalogue.with_value(|c| c.app(&app).cloned());
    // The version the connection is at (`None`: not there, or not to be seen): its
    // settings are that version's, and an approval elsewhere redraws the form.
    let version = {
        let (app, company, actor) = (app.clone(), company.clone(), actor.clone());
        Memo::new(move |_| {
            products
                .state(product)
                .with(|s| queries::visible_connection(s, &actor, &app, &company).map(|c| c.version))
        })
    };
    let exists = Memo::new(move |_| version.get().is_some());
    let Some(def) = def else {
        return view! { <Missing product=product text=lang.settings_not_in_catalogue()/> }
            .into_any();
    };
    let company_name = products
        .state(product)
        .with_untracked(|s| s.company_name(&company).to_string());
    let name = def.name.clone();
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <Missing
                        product=product
                        text=lang.settings_not_connected()
                    />
                }
            }
        >
            <h2 id=HEADING_ID tabindex="-1">{lang.ctl_settings_of(&name)}</h2>
            <p class="ma-lead">{lang.settings_lead(args::SettingsLead { company: &company_name, name: &name })}</p>
            <AssociatedUser product=product company=company.clone() app=app.clone()/>
            {
                let (actor, company, def) = (actor.clone(), company.clone(), def.clone());
                move || {
                    let at = version.get().unwrap_or(FIRST);
                    let added = def.settings_added(FIRST, at).iter().map(|s| s.label.clone()).collect::<Vec<_>>();
                    view! {
                        {(!added.is_empty()).then(|| view! {
                            <p class="ma-message ma-message--info">{lang.updates_settings_added(args::UpdatesSettingsAdded { version: &at, settings: &added.join(", ") })}</p>
                        })}
                        <SettingsForm product=product actor=actor.clone() company=company.clone() def=def.at(at)/>
                    }
                }
            }
        </Show>
    }
    .into_any()
}

#[component]
fn Missing(product: Product, text: &'static str) -> impl IntoView {
    view! {
        <h2 id=HEADING_ID tabindex="-1">{use_lang().ctl_settings_not_found()}</h2>
        <p class="ma-message ma-message--info">{text}</p>
        <p><A href=paths::href(&paths::default_section(product))>{use_lang().ctl_back_to_connected_apps()}</A></p>

    }
}
