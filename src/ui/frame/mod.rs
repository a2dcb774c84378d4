//! The frame of every page: the routes, the header with the Produit and Utilisateur
//! controls, the storage banner, the status live region, what a page change does for
//! focus and the tab's title, and the guard that asks before leaving unsaved changes.
//! Pages live in `ui::pages`, one module per route; the frame is the only code that
//! knows them all.

mod banner;
mod demo_clock;
mod guide_panel;
mod header;
mod leave_dialog;
mod mes_apps;
mod page_focus;
mod parts;
mod request_notice;
mod reset;
mod scenario;
mod status;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use super::pages::{app_page, client_apps, firm_apps, home, launch, overview, search, settings};
use super::state::session::{use_session, CurrentProduct};
use super::web::paths;

use super::web::split::Part;
use super::widgets::lazy_view::{Draw, LazyView};
use super::widgets::not_found::NotFound;

/// A route's view drawn from a part (a page kept out of the first load).
fn lazy(part: &'static Part<Draw>) -> impl Fn() -> AnyView + Clone + Send + Sync {
    move || view! { <LazyView part=part/> }.into_any()
}

/// Starts fetching the pages kept out of the first load, once the first page is shown.
pub fn fetch_ahead() {
    super::web::split::fetch_ahead(&parts::AHEAD);
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=paths::base()>
            <Frame/>
        </Router>
    }
}

/// Everything inside the router: the current product follows the location from here.
#[component]
fn Frame() -> impl IntoView {
    provide_context(CurrentProduct::follow_location(use_session()));
    view! {
        <page_focus::SkipLink/>
        <header::Header/>
        <page_focus::PageChange/>
        <leave_dialog::LeaveDialog/>
        <div class="ma-page">
            <banner::Banner/>
            <guide_panel::GuidePanel/>
            <main id="contenu" class="ma-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=home::Home/>
                    <ParentRoute path=path!("/:produit/mes-apps") view=mes_apps::MesApps>
                        <Route path=path!("") view=mes_apps::DefaultSection/>
                        <Route path=path!("apercu") view=overview::Overview/>
                        <Route path=path!("cabinet") view=firm_apps::FirmApps/>
                        <Route path=path!("clients") view=client_apps::ClientApps/>
                        <Route path=path!("vue-d-ensemble") view=lazy(&parts::OVERVIEW)/>
                        <Route path=path!("rechercher") view=search::SearchPage/>
                        <Route path=path!("applis/:appli") view=app_page::AppPage/>
                        <Route
                            path=path!("connexions/:entreprise/:appli/parametres")
                            view=settings::SettingsPage
                        />
                        <Route
                            path=path!("connexions/:entreprise/:appli/lancer")
                            view=launch::LaunchPage
                        />
                        <Route path=path!("passation") view=lazy(&parts::HANDOVER)/>
                        <Route path=path!("demandes") view=lazy(&parts::REQUESTS)/>
                        <Route path=path!("revue") view=lazy(&parts::REVIEWS)/>
                        <Route path=path!("revue/:revue") view=lazy(&parts::REVIEWS)/>
                        <Route path=path!("mises-a-jour") view=lazy(&parts::UPDATES)/>
                        <Route path=path!("guides") view=lazy(&parts::GUIDES)/>
                        <Route path=path!("journal") view=lazy(&parts::JOURNAL)/>
                        <Route path=path!("sauvegarde") view=lazy(&parts::BACKUP)/>
                        <Route path=path!("recus/:recu") view=lazy(&parts::RECEIPT)/>
                    </ParentRoute>
                    <Route path=path!("/:produit/utilisateurs") view=lazy(&parts::USERS)/>
                </Routes>
            </main>
        </div>
        <status::StatusLine/>
    }
}
