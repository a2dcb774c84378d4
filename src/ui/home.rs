//! The home page: what this is, and the way to Mes apps.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::model::Product;

use super::paths;
use super::shell::use_product;
use super::state::use_app;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let product = use_product();
    let counts = move || {
        let p = product.get();
        let actor = app.actor(p);
        app.state(p).with(|s| {
            (
                crate::domain::queries::managed_by(s, &actor, &actor).len(),
                crate::domain::queries::visible_connections(s, &actor).len(),
                s.user(&actor).map(|u| u.name.clone()).unwrap_or_default(),
            )
        })
    };
    view! {
        <section class="ma-home" aria-labelledby="ma-home-title">
            <h1 id="ma-home-title">"Accueil"</h1>
            <p class="ma-lead">
                "Trouvez une appli, connectez-la ou installez-la, vérifiez ses paramètres et l'utilisateur qui la gère, reprenez-en la gestion ou déconnectez-la. Tout se passe dans ce navigateur : rien n'est envoyé ailleurs."
            </p>
            <div class="ma-card">
                {move || {
                    let (mine, total, name) = counts();
                    let p = product.get();
                    view! {
                        <p>{format!("Bonjour {name}. Dans {}, {total} connexion{} d'appli, dont {mine} gérée{} par vous.",
                            p.label(),
                            if total > 1 { "s" } else { "" },
                            if mine > 1 { "s" } else { "" })}</p>
                        <p><A href=paths::href(&paths::mes_apps(p)) attr:class="ma-button ma-button--primary">"Voir vos applis connectées"</A></p>
                    }
                }}
            </div>
            <div class="ma-card">
                <h2>"Pour essayer"</h2>
                <ul>
                    <li>"Le contrôle « Produit » passe de QuickBooks (une entreprise) à QuickBooks Expert-Comptable (un cabinet et ses clients) ; chacun garde ses données."</li>
                    <li>"Le contrôle « Utilisateur » choisit qui agit : les droits changent selon le rôle."</li>
                    <li>{format!("Dans {}, essayez de connecter Caisse Horizon, puis de reprendre la gestion d'une appli gérée par quelqu'un d'autre.", Product::QuickBooks.label())}</li>
                </ul>
            </div>
        </section>
    }
}
