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
mod request_notice;
mod reset;
mod scenario;
mod status;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use super::pages::{
    app_page, backup, client_apps, firm_apps, firm_overview, guides, handover, home, journal,
    launch, overview, receipt, requests, search, settings,
};
use super::state::session::{use_session, CurrentProduct};
use super::web::paths;

use super::widgets::not_found::NotFound;

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
                        <Route path=path!("vue-d-ensemble") view=firm_overview::FirmOverviewPage/>
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
                        <Route path=path!("passation") view=handover::HandoverPage/>
                        <Route path=path!("demandes") view=requests::RequestsPage/>
                        <Route path=path!("guides") view=guides::GuidesPage/>
                        <Route path=path!("journal") view=journal::JournalPage/>
                        <Route path=path!("sauvegarde") view=backup::BackupPage/>
                        <Route path=path!("recus/:recu") view=receipt::ReceiptPage/>
                    </ParentRoute>
                </Routes>
            </main>
        </div>
        <status::StatusLine/>
    }
}
