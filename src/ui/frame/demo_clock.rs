//! The header's Démo area: the demo's date in the current product, "Avancer de 30 jours"
//! (a command, so that two tabs merge it like any other), and the reset.

use leptos::prelude::*;

use crate::domain::commands::{Command, Outcome};
use crate::domain::health::clock;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::{demo_now, utc_offset};

use super::reset::ResetButton;
use super::scenario::ScenarioControl;

#[component]
pub fn DemoArea() -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let status = use_status();
    let lang = use_lang();
    let date = move || {
        products.state(product.get()).with(|s| {
            let now = demo_now(s);
            clock::date_label(now, utc_offset(now), crate::ui::state::session::use_lang())
        })
    };
    let advance = move |_| {
        let p = product.get_untracked();
        let command = Command::AdvanceClock {
            days: clock::STEP_DAYS,
        };
        match products.dispatch(p, command) {
            // The new date, as the area shows it, is what the status line says.
            Ok(Outcome::ClockAdvanced { now, .. }) => status.say(format!(
                "{}.",
                clock::date_label(now, utc_offset(now), crate::ui::state::session::use_lang())
            )),
            Ok(_) => {}
            Err(e) => status.say(e.text(crate::ui::state::session::use_lang())),
        }
    };
    view! {
        <div class="ma-demo" role="group" aria-labelledby="ma-demo-title">
            <span id="ma-demo-title" class="ma-demo__title">{lang.ctl_demo()}</span>
            <span class="ma-demo__date">{date}</span>
            <button type="button" class="ma-button ma-button--ghost" on:click=advance>
                {lang.ctl_advance_30_days()}

            </button>
            <ResetButton/>
            <ScenarioControl/>
        </div>
    }
}
