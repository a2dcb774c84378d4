//! The frame of every page: header with the Produit and Utilisateur controls, the storage
//! banner, the routes, the status live region, and the guard that asks before leaving
//! unsaved changes.

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes, A};
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::domain::model::Product;

use super::app_page::AppPage;
use super::backup::{BackupPage, ResetButton};
use super::banner::Banner;
use super::connections::{ClientApps, FirmApps, Overview};
use super::dialog::Modal;
use super::events::CaptureListener;
use super::home::Home;
use super::journal::JournalPage;
use super::launch::LaunchPage;
use super::paths;
use super::search::SearchPage;
use super::settings::SettingsPage;
use super::state::use_app;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=paths::base()>
            <a class="ma-skip" href="#contenu" on:click=skip_to_content>"Aller au contenu"</a>
            <Header/>
            <PageChange/>
            <LeaveGuard/>
            <div class="ma-page">
                <Banner/>
                <main id="contenu" class="ma-main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=Home/>
                        <ParentRoute path=path!("/:produit/mes-apps") view=MesApps>
                            <Route path=path!("") view=DefaultSection/>
                            <Route path=path!("apercu") view=Overview/>
                            <Route path=path!("cabinet") view=FirmApps/>
                            <Route path=path!("clients") view=ClientApps/>
                            <Route path=path!("rechercher") view=SearchPage/>
                            <Route path=path!("applis/:appli") view=AppPage/>
                            <Route
                                path=path!("connexions/:entreprise/:appli/parametres")
                                view=SettingsPage
                            />
                            <Route
                                path=path!("connexions/:entreprise/:appli/lancer")
                                view=LaunchPage
                            />
                            <Route path=path!("journal") view=JournalPage/>
                            <Route path=path!("sauvegarde") view=BackupPage/>
                        </ParentRoute>
                    </Routes>
                </main>
            </div>
            <Toast/>
        </Router>
    }
}

/// The product the current URL shows, or the last one shown (home page).
pub fn use_product() -> Memo<Product> {
    let app = use_app();
    let location = use_location();
    Memo::new(move |_| {
        let path = location.pathname.get();
        path.split('/')
            .filter(|s| !s.is_empty())
            .find_map(Product::from_slug)
            .unwrap_or_else(|| app.last_product.get())
    })
}

/// Navigates, asking first when the current view has unsaved changes.
pub fn use_guarded_navigate() -> impl Fn(String) + Clone + 'static {
    let app = use_app();
    let navigate = use_navigate();
    move |href: String| {
        if app.unsaved.get_untracked() {
            app.pending_leave.set(Some(href));
        } else {
            navigate(&href, Default::default());
        }
    }
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    let product = use_product();
    let go = use_guarded_navigate();
    let company = move || {
        app.state(product.get())
            .with(|s| s.home_company().map(|c| c.name.clone()))
            .unwrap_or_default()
    };
    let on_product = move |ev: leptos::ev::Event| {
        if let Some(p) = Product::from_slug(&event_target_value(&ev)) {
            go(paths::default_section(p));
        }
    };
    let on_user = move |ev: leptos::ev::Event| {
        let id = crate::domain::model::UserId::new(event_target_value(&ev));
        app.set_actor(product.get_untracked(), id);
    };
    view! {
        <header class="ma-header">
            <div class="ma-header__inner">
                <span class="ma-brand">
                    <span class="ma-brand__logo" aria-hidden="true"></span>
                    <span class="ma-brand__text">
                        <span class="ma-brand__product">{move || product.get().label()}</span>
                        <span class="ma-brand__company">{company}</span>
                    </span>
                </span>
                <nav class="ma-nav" aria-label="Navigation principale">
                    <A href=paths::href("/") exact=true attr:class="ma-nav__link">"Accueil"</A>
                    <A href=move || paths::href(&paths::mes_apps(product.get())) attr:class="ma-nav__link">
                        "Mes apps"
                    </A>
                </nav>
                <ResetButton/>
                <div class="ma-header__controls">
                    <div class="ma-field ma-field--inline">
                        <label for="ma-produit">"Produit"</label>
                        <select id="ma-produit" on:change=on_product>
                            {Product::ALL
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <option value=p.slug() selected=move || product.get() == p>
                                            {p.label()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="ma-field ma-field--inline">
                        <label for="ma-utilisateur">"Utilisateur"</label>
                        <select id="ma-utilisateur" on:change=on_user>
                            {move || {
                                let p = product.get();
                                let actor = app.actor(p);
                                app.state(p)
                                    .with(|s| s.users.clone())
                                    .into_iter()
                                    .map(|u| {
                                        let selected = u.id == actor;
                                        view! {
                                            <option value=u.id.to_string() selected=selected>
                                                {u.label()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </div>
            </div>
        </header>
    }
}

/// The Mes apps page: its heading, its sections' links, and the section shown.
#[component]
fn MesApps() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let product =
        Memo::new(move |_| params.with(|p| p.get("produit").and_then(|s| Product::from_slug(&s))));
    Effect::new(move || {
        if let Some(p) = product.get() {
            app.set_last_product(p);
        }
    });
    move || match product.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(p) => {
            let sections: Vec<(&'static str, String)> = match p {
                Product::QuickBooks => vec![
                    ("Aperçu", paths::overview()),
                    ("Rechercher des applis", paths::search(p, "", None)),
                    ("Journal", paths::journal(p, None, None)),
                    ("Sauvegarde", paths::backup(p)),
                ],
                Product::ExpertComptable => vec![
                    ("Applis du cabinet", paths::firm()),
                    ("Applis clientes", paths::clients(None)),
                    ("Rechercher des applis", paths::search(p, "", None)),
                    ("Journal", paths::journal(p, None, None)),
                    ("Sauvegarde", paths::backup(p)),
                ],
            };
            view! {
                <div class="ma-mes-apps">
                    <h1 class="ma-mes-apps__title">"Mes apps"</h1>
                    <nav class="ma-tabs" aria-label="Sections de Mes apps">
                        <ul class="ma-tabs__list">
                            {sections
                                .into_iter()
                                .map(|(label, href)| {
                                    view! {
                                        <li>
                                            <A href=paths::href(&href) attr:class="ma-tabs__link">{label}</A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </nav>
                    <div class="ma-section">
                        <Outlet/>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

/// `/:produit/mes-apps` opens the product's first section.
#[component]
fn DefaultSection() -> impl IntoView {
    let product = use_product();
    view! { <Redirect path=paths::default_section(product.get_untracked())/> }
}

/// The skip link moves focus itself: the router handles in-page links without moving it.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("contenu")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// What a new page does for keyboard and screen-reader users: the tab's title names the
/// page (from its heading), and after a navigation inside the app (a link, a button that
/// opens another view, Back or Forward) focus moves to that heading, so that reading
/// starts there instead of at the top of the document. The first page keeps the browser's
/// own focus; a change of query alone (search, filters) moves nothing.
#[component]
fn PageChange() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_deref() != Some(path.as_str()) {
            let moved = previous.is_some();
            // After the new view is in the page.
            request_animation_frame(move || name_and_focus_page(moved));
        }
        path
    });
}

fn name_and_focus_page(moved: bool) {
    let doc = document();
    let heading = doc
        .get_element_by_id("ma-section-title")
        .or_else(|| doc.query_selector("main h2[tabindex='-1']").ok().flatten())
        .or_else(|| doc.query_selector("main h1").ok().flatten());
    let name = heading
        .as_ref()
        .and_then(|h| h.text_content())
        .map(|t| t.trim().to_string())
        .unwrap_or_default();
    doc.set_title(&page_title(&name));
    let in_dialog = doc
        .active_element()
        .is_some_and(|a| a.closest("dialog[open]").ok().flatten().is_some());
    if moved && !in_dialog {
        if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            if !h.has_attribute("tabindex") {
                let _ = h.set_attribute("tabindex", "-1");
            }
            let _ = h.focus();
        }
    }
}

/// The tab's title: the page's heading, then the app's name.
fn page_title(heading: &str) -> String {
    if heading.is_empty() || heading == "Mes apps" {
        "Mes apps".to_string()
    } else {
        format!("{heading} — Mes apps")
    }
}

/// "Page introuvable": a page of its own for an unknown address, or the section of Mes
/// apps (under its "Mes apps" heading) when only the section is unknown.
#[component]
pub fn NotFound(#[prop(optional)] section: bool) -> impl IntoView {
    let title = if section {
        view! { <h2 id="ma-section-title" tabindex="-1">"Page introuvable"</h2> }.into_any()
    } else {
        view! { <h1 id="ma-not-found-title">"Page introuvable"</h1> }.into_any()
    };
    view! {
        <section
            class="ma-card ma-not-found"
            aria-labelledby=if section { "ma-section-title" } else { "ma-not-found-title" }
        >
            {title}
            <p>"Cette adresse ne mène à aucune page de Mes apps. Le lien est peut-être ancien ou incomplet."</p>
            <p><A href=paths::href("/")>"Revenir à l'accueil"</A></p>
        </section>
    }
}

/// Asks before leaving a view with unsaved changes: in-app links and the Produit control
/// go through it; closing or reloading the tab gets the browser's own question.
#[component]
fn LeaveGuard() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    // In-app links: intercepted before the router sees the click.
    let click = CaptureListener::on_window("click", move |ev: web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        if !app.unsaved.get_untracked() || ev.default_prevented() || ev.button() != 0 {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = anchor.get_attribute("href").unwrap_or_default();
        if href.starts_with('#') || anchor.has_attribute("download") {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        let path = href
            .strip_prefix(paths::base())
            .unwrap_or(&href)
            .to_string();
        app.pending_leave.set(Some(path));
    });
    // Also when changes are only in this tab's memory (storage full, unreadable data kept
    // aside): reloading would lose them.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if app.unsaved.get_untracked() || app.has_unsaved_changes() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    let click = send_wrapper::SendWrapper::new(click);
    on_cleanup(move || {
        drop(click);
        unload.remove();
    });
    let stay = Callback::new(move |_| app.pending_leave.set(None));
    let leave = Callback::new(move |_| {
        if let Some(href) = app.pending_leave.get_untracked() {
            app.unsaved.set(false);
            app.pending_leave.set(None);
            navigate(&href, Default::default());
        }
    });
    view! {
        <Show when=move || app.pending_leave.with(Option::is_some)>
            <Modal title="Quitter sans enregistrer ?" on_close=stay>
                <p>"Vos modifications de paramètres ne sont pas enregistrées. Si vous quittez cette page, elles seront perdues."</p>
                <div class="ma-dialog__actions">
                    <button type="button" class="ma-button ma-button--primary" on:click=move |_| stay.run(())>
                        "Rester sur la page"
                    </button>
                    <button type="button" class="ma-button ma-button--danger" on:click=move |_| leave.run(())>
                        "Quitter sans enregistrer"
                    </button>
                </div>
            </Modal>
        </Show>
    }
}

/// The status message after an action: announced politely and shown for a few seconds.
#[component]
fn Toast() -> impl IntoView {
    let app = use_app();
    // Each message clears itself, unless a newer one replaced it meanwhile.
    Effect::new(move || {
        let text = app.status.get();
        if !text.is_empty() {
            set_timeout(
                move || {
                    if app.status.get_untracked() == text {
                        app.status.set(String::new());
                    }
                },
                std::time::Duration::from_secs(8),
            );
        }
    });
    view! {
        <div class="ma-toast" role="status" aria-live="polite" aria-atomic="true">
            {move || {
                let text = app.status.get();
                (!text.is_empty()).then(|| view! { <p class="ma-toast__text">{text}</p> })
            }}
        </div>
    }
}
