//! An app's page: what it does, who publishes it, the data it will access, its settings,
//! where it is connected and by whom, and "Obtenir l'appli".

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::catalogue::AppDef;
use crate::domain::model::{AppId, Product};
use crate::domain::queries;
use crate::domain::settings::SettingKind;

use super::format;
use super::get_app::GetDialog;
use super::paths;
use super::shell::use_product;
use super::state::use_app;

#[component]
pub fn AppPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let app = use_app();
    move || {
        let id = AppId::new(params.with(|p| p.get("appli").unwrap_or_default()));
        let p = product.get();
        match app
            .catalogue
            .with_value(|c| c.app(&id).cloned())
            .filter(|a| a.supports(p))
        {
            Some(def) => view! { <AppDetails product=p def=def/> }.into_any(),
            None => view! {
                <h2 id="ma-section-title" tabindex="-1">"Appli introuvable"</h2>
                <p class="ma-message ma-message--info">
                    {format!("Aucune appli de ce nom n'est proposée pour {}.", p.label())}
                </p>
                <p><A href=paths::href(&paths::search(p, "", None))>"Rechercher des applis"</A></p>
            }
            .into_any(),
        }
    }
}

#[component]
fn AppDetails(product: Product, def: AppDef) -> impl IntoView {
    let app = use_app();
    let getting = RwSignal::new(false);
    let id = def.id.clone();
    let connections = Memo::new(move |_| {
        let actor = app.actor(product);
        app.state(product).with(|s| {
            queries::app_connections(s, &actor, &id)
                .into_iter()
                .map(|c| {
                    (
                        c.company.clone(),
                        s.company_name(&c.company).to_string(),
                        s.user_name(&c.manager).to_string(),
                        c.manager == actor,
                        c.since,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let close = Callback::new(move |_| getting.set(false));
    let settings = def
        .settings
        .iter()
        .map(|s| {
            let kind = match &s.kind {
                SettingKind::Toggle { .. } => "activé ou désactivé".to_string(),
                SettingKind::Choice { options, .. } => options
                    .iter()
                    .map(|o| o.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                SettingKind::Text { .. } => "texte".to_string(),
            };
            view! { <li><strong>{s.label.clone()}</strong>{format!(" ({kind}) : {}", s.help)}</li> }
        })
        .collect_view();
    let app_id = def.id.clone();
    let where_connected = move || {
        let list = connections.get();
        if list.is_empty() {
            return view! {
                <p>{match product {
                    Product::QuickBooks => "Cette appli n'est pas connectée à votre entreprise.",
                    Product::ExpertComptable => "Cette appli n'est installée ni pour le cabinet ni pour vos clients.",
                }}</p>
            }
            .into_any();
        }
        let app_id = app_id.clone();
        view! {
            <ul class="ma-connected-list">
                {list
                    .into_iter()
                    .map(|(company, company_name, manager, me, since)| {
                        let who = if me { format!("{manager} (vous)") } else { manager };
                        let verb = if product == Product::QuickBooks { "Connectée à" } else { "Installée pour" };
                        view! {
                            <li>
                                {format!("{verb} {company_name} depuis le {}, gérée par {who}. ", format::date(since))}
                                <A href=paths::href(&paths::settings(product, &company, &app_id))>
                                    {format!("Paramètres pour {company_name}")}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <article class="ma-app">
            <header class="ma-app__header">
                <div>
                    <h2 id="ma-section-title" tabindex="-1" class="ma-app__name">{def.name.clone()}</h2>
                    <p class="ma-app__publisher">{format!("Par {}", def.publisher)} " · " <span class="ma-tag">{def.category.label()}</span></p>
                </div>
                <button type="button" class="ma-button ma-button--primary" on:click=move |_| getting.set(true)>
                    "Obtenir l'appli"
                </button>
            </header>
            <p class="ma-lead">{def.tagline.clone()}</p>
            <p>{def.description.clone()}</p>
            <div class="ma-app__grid">
                <section class="ma-card" aria-labelledby="ma-app-donnees">
                    <h3 id="ma-app-donnees">"Données auxquelles l'appli accède"</h3>
                    <ul>{def.permissions.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                    <p class="ma-field__hint">
                        "Vos droits sur ces données : "
                        <a href=format!("mailto:{}", def.contact)>{def.contact.clone()}</a>
                    </p>
                </section>
                <section class="ma-card" aria-labelledby="ma-app-reglages">
                    <h3 id="ma-app-reglages">"Paramètres proposés"</h3>
                    <ul>{settings}</ul>
                </section>
                <section class="ma-card" aria-labelledby="ma-app-connexion">
                    <h3 id="ma-app-connexion">
                        {if product == Product::QuickBooks { "Connexion" } else { "Installations" }}
                    </h3>
                    {where_connected}
                </section>
            </div>
            <Show when=move || getting.get()>
                <GetDialog product=product app=def.id.clone() on_close=close/>
            </Show>
        </article>
    }
}
