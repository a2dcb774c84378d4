//! Aperçu (QuickBooks): the apps connected to the company.

use leptos::prelude::*;

use crate::domain::access::queries::Listing;
use crate::domain::catalogue::product::Section;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::widgets::connection_table::ConnectionTable;
use crate::ui::widgets::not_found::ForSection;

const HEADING_ID: &str = "ma-section-title";

#[component]
pub fn Overview() -> impl IntoView {
    view! {
        <ForSection section=Section::Overview>
            <OverviewList/>
        </ForSection>
    }
}

#[component]
fn OverviewList() -> impl IntoView {
    let product = use_product().get_untracked();
    let company = use_products()
        .state(product)
        .with_untracked(|s| s.home_company().map(|c| c.name.clone()))
        .unwrap_or_default();
    view! {
            <h2 id=HEADING_ID tabindex="-1">{Section::Overview.label(crate::ui::state::session::use_lang())}</h2>
            <p class="ma-lead">{use_lang().overview_lead(&company)}
    </p>
            <ConnectionTable product=product listing=Signal::derive(|| Listing::Overview) heading_id=HEADING_ID/>
        }
}
