//! An app's page: what it does, who publishes it, the data it will access, its settings,
//! where it is connected and by whom, "Obtenir l'appli", and "Demander l'appli" for
//! those who may not get it somewhere.

mod bulk_install;
mod connected;
mod request;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::domain::catalogue::AppDef;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::web::{format, paths};
use crate::ui::widgets::batch_report::{BatchReport, ReportLine};
use crate::ui::widgets::get_dialog::GetDialog;

use crate::domain::i18n::args;
use bulk_install::BulkInstallDialog;
/// The bulk install's form, kept out of the first load (see `web::split`).
pub use bulk_install::FORM as BULK_INSTALL_FORM;
use connected::WhereConnected;

#[component]
pub fn AppPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let products = use_products();
    let lang = use_lang();
    move || {
        let id = AppId::new(params.with(|p| p.get("appli").unwrap_or_default()));
        let p = product.get();
        match products
            .catalogue
            .with_value(|c| c.app(&id).cloned())
            .filter(|a| a.supports(p))
        {
            Some(def) => view! { <AppDetails product=p def=def/> }.into_any(),
            None => view! {
                <h2 id="ma-section-title" tabindex="-1">{lang.ctl_app_not_found()}</h2>
                <p class="ma-message ma-message--info">
                    {lang.app_page_not_offered(p.label())}
                </p>
                <p><A href=paths::href(&paths::search(p, "", None))>{lang.ctl_search_apps()}</A></p>
            }
            .into_any(),
        }
    }
}

/// The data the app reads: at the version of its connection to the company (QuickBooks)
/// or the firm, or at the version a new connection gets.
fn reads(product: Product, def: AppDef) -> Memo<Vec<String>> {
    let products = use_products();
    Memo::new(move |_| {
        let version = products.state(product).with(|s| {
            let home = s.home_company().map(|c| c.id.clone());
            home.and_then(|h| s.connection(&def.id, &h).map(|c| c.version))
                .unwrap_or_else(|| s.version_for_new(&def.id))
        });
        def.reads_at(version)
    })
}

#[component]
fn AppDetails(product: Product, def: AppDef) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let lang = use_lang();
    let data = format::data_lang(lang);
    // `?pour=CLIENT` (a link "Installer … chez …"): the dialog opens on that target.
    let preset = query
        .with_untracked(|q| q.get("pour"))
        .filter(|c| !c.is_empty() && product.get_kind().chooses_target())
        .map(CompanyId::new);
    let getting = RwSignal::new(preset.is_some());
    let bulk = RwSignal::new(false);
    let report = RwSignal::new(Vec::<ReportLine>::new());
    let page = paths::app(product, &def.id);
    let close = Callback::new(move |_| {
        getting.set(false);
        // The target was the address's: closing leaves it, so that Back or a reload does
        // not open the dialog again.
        if query.with_untracked(|q| q.get("pour").is_some()) {
            navigate(
                &page,
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let close_bulk = Callback::new(move |_| bulk.set(false));
    let reads = reads(product, def.clone());
    let (get_id, bulk_id) = (def.id.clone(), def.id.clone());
    let settings = def
        .settings
        .iter()
        .map(|s| {
            view! { <li><strong>{s.label.clone()}</strong>{lang.app_page_setting(args::AppPageSetting { help: &s.help, kind: &s.kind_description(lang) })}</li> }
        })
        .collect_view();
    view! {
        <article class="ma-app">
            <header class="ma-app__header">
                <div>
                    <h2 id="ma-section-title" tabindex="-1" class="ma-app__name">{def.name.clone()}</h2>
                    <p class="ma-app__publisher">{lang.app_page_by(&def.publisher)} " · " <span class="ma-tag">{def.category.label(lang)}</span></p>
                </div>
                <div class="ma-app__actions">
                    <button type="button" class="ma-button ma-button--primary" on:click=move |_| getting.set(true)>
                        {lang.ctl_get_app()}
                    </button>
                    <request::RequestButton product=product app=def.id.clone()/>
                    {product.has_clients().then(|| view! {
                        <button type="button" class="ma-button" on:click=move |_| bulk.set(true)>
                            {lang.ctl_install_for_many()}
                        </button>
                    })}
                </div>
            </header>
            <BatchReport title=lang.ctl_install_result() lines=report.into()/>
            <p class="ma-lead" lang=data>{def.tagline.clone()}</p>
            <p lang=data>{def.description.clone()}</p>
            <div class="ma-app__grid">
                <section class="ma-card" aria-labelledby="ma-app-donnees">
                    <h3 id="ma-app-donnees">{lang.app_page_data()}</h3>
                    <ul lang=data>{move || reads.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    <p class="ma-field__hint">
                        {lang.app_page_rights()}
                        <a href=format!("mailto:{}", def.contact)>{def.contact.clone()}</a>
                    </p>
                </section>
                <section class="ma-card" aria-labelledby="ma-app-reglages">
                    <h3 id="ma-app-reglages">{lang.app_page_settings_offered()}</h3>

                    <ul lang=data>{settings}</ul>
                </section>
                <section class="ma-card" aria-labelledby="ma-app-connexion">
                    <h3 id="ma-app-connexion">{product.get_kind().where_heading(lang)}</h3>
                    <WhereConnected product=product app=def.id.clone()/>
                </section>
            </div>
            <Show when=move || getting.get()>
                <GetDialog product=product app=get_id.clone() on_close=close preset=preset.clone()/>
            </Show>
            <Show when=move || bulk.get()>
                <BulkInstallDialog product=product app=bulk_id.clone() report=report on_close=close_bulk/>
            </Show>
        </article>
    }
}
