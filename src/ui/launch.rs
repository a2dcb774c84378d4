//! "Lancer": the app's landing view, simulated inside Mes apps (no navigation away),
//! saying for which company and which user it was opened.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::model::{AppId, CompanyId};
use crate::domain::permissions::can_access;

use super::paths;
use super::shell::use_product;
use super::state::use_app;

#[component]
pub fn LaunchPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let app = use_app();
    move || {
        let p = product.get();
        let (company, app_id) = params.with(|m| {
            (
                CompanyId::new(m.get("entreprise").unwrap_or_default()),
                AppId::new(m.get("appli").unwrap_or_default()),
            )
        });
        let actor = app.actor(p);
        let found = app.state(p).with(|s| {
            let user = s.user(&actor)?;
            let c = s.company(&company).filter(|c| can_access(user, c))?;
            s.connection(&app_id, &company)?;
            Some((c.name.clone(), user.name.clone()))
        });
        let def = app.catalogue.with_value(|c| c.app(&app_id).cloned());
        match (found, def) {
            (Some((company_name, user_name)), Some(def)) => view! {
                <section class="ma-launch" aria-labelledby="ma-section-title">
                    <div class="ma-launch__bar">
                        <span class="ma-launch__logo" aria-hidden="true"></span>
                        <h2 id="ma-section-title" tabindex="-1">{def.name.clone()}</h2>
                    </div>
                    <p class="ma-lead">{format!("Ouverte pour {company_name}, par {user_name}.")}</p>
                    <p>{def.description.clone()}</p>
                    <p class="ma-message ma-message--info">
                        "Ceci est l'écran d'accueil simulé de l'appli : dans QuickBooks, elle s'ouvrirait chez son éditeur avec les données ci-dessous."
                    </p>
                    <ul>{def.permissions.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                    <p><A href=paths::href(&paths::default_section(p))>"Revenir à Mes apps"</A></p>
                </section>
            }
            .into_any(),
            _ => view! {
                <h2 id="ma-section-title" tabindex="-1">"Impossible de lancer cette appli"</h2>
                <p class="ma-message ma-message--info">"Elle n'est pas connectée ici, ou vous n'avez pas accès à cette entreprise."</p>
                <p><A href=paths::href(&paths::default_section(p))>"Revenir à Mes apps"</A></p>
            }
            .into_any(),
        }
    }
}
