//! Mises à jour: each app whose newer version is published, what it changes (the region
//! "Ce qui change") and the connections it touches that the acting user may see, to
//! approve or refuse: in Expert-Comptable by selection ("Approuver la sélection",
//! "Refuser la sélection", with a line per connection in "Résultat de la mise à jour"),
//! in QuickBooks for the one connection. Those who may not read it, with the sentence
//! that says who may.

mod changes;
mod group;

use leptos::prelude::*;

use crate::domain::catalogue::product::Section;
use crate::domain::model::{AppId, Product};
use crate::domain::updates;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::widgets::batch_report::{BatchReport, ReportLine};
use crate::ui::widgets::not_found::ForSection;

#[component]
pub fn UpdatesPage() -> impl IntoView {
    let product = use_product();
    view! {
        <ForSection section=Section::Updates>
            {move || view! { <Updates product=product.get()/> }}
        </ForSection>
    }
}

#[component]
fn Updates(product: Product) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let report = RwSignal::new(Vec::<ReportLine>::new());
    // The apps with a published update, in the order they were published.
    let apps = Memo::new(move |_| {
        products.state(product).with(|s| {
            s.updates
                .iter()
                .map(|p| p.app.clone())
                .collect::<Vec<AppId>>()
        })
    });
    let read_only = Memo::new(move |_| {
        let actor = session.actor(product);
        products
            .state(product)
            .with(|s| updates::refusal(s, &actor).map(|e| e.text(lang)))
    });
    view! {
        <h2 id="ma-section-title" tabindex="-1">{Section::Updates.label(lang)}</h2>
        <p class="ma-lead">{lang.updates_page_lead()}</p>
        {move || read_only.get().map(|why| view! {
            <p class="ma-message ma-message--info">{why}" "{lang.updates_read_only()}</p>
        })}
        <BatchReport title=lang.updates_control_result() lines=report.into()/>
        {move || {
            let apps = apps.get();
            if apps.is_empty() {
                view! { <p class="ma-message ma-message--info">{lang.updates_none()}</p> }.into_any()
            } else {
                apps.into_iter()
                    .map(|app| view! { <group::UpdateGroup product=product app=app report=report/> })
                    .collect_view()
                    .into_any()
            }
        }}
    }
}
