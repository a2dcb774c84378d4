//! Applis du cabinet (Expert-Comptable): the apps installed for the firm itself.

use leptos::prelude::*;

use crate::domain::access::queries::Listing;
use crate::domain::catalogue::product::Section;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::widgets::connection_table::ConnectionTable;
use crate::ui::widgets::not_found::ForSection;

const HEADING_ID: &str = "ma-section-title";

#[component]
pub fn FirmApps() -> impl IntoView {
    view! {
        <ForSection section=Section::FirmApps>
            <FirmList/>
        </ForSection>
    }
}

#[component]
fn FirmList() -> impl IntoView {
    let product = use_product().get_untracked();
    view! {
        <h2 id=HEADING_ID tabindex="-1">{Section::FirmApps.label(crate::ui::state::session::use_lang())}</h2>
        <p class="ma-lead">{use_lang().firm_apps_lead()}</p>

        <ConnectionTable product=product listing=Signal::derive(|| Listing::Firm) heading_id=HEADING_ID/>
    }
}
