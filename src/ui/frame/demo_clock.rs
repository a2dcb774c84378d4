//! The header's Démo area: the demo's date in the current product, "Avancer de 30 jours"
//! (a command, so that two tabs merge it like any other), the reset, and on an app's page
//! "Simuler une mise à jour" when the app has a newer version not yet published.

use leptos::prelude::*;

use crate::domain::commands::{Command, Outcome};
use crate::domain::health::clock;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::{demo_now, utc_offset};
use crate::ui::web::paths;
use leptos_router::hooks::use_location;

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
            <SimulateUpdate/>
            <ResetButton/>
            <ScenarioControl/>
        </div>
    }
}

/// On an app's page: "Simuler une mise à jour" publishes its newer version; once it is
/// published, which version is.
#[component]
fn SimulateUpdate() -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let location = use_location();
    let status = use_status();
    let lang = use_lang();
    // The app whose page is shown, with the version it would publish and whether it is.
    let offer = Memo::new(move |_| {
        let app = location.pathname.with(|p| paths::app_in(p))?;
        let p = product.get();
        let next = products.catalogue.with_value(|c| {
            c.app(&app)
                .filter(|d| d.supports(p))
                .and_then(|d| d.next.as_ref().map(|n| n.version))
        })?;
        let published = products.state(p).with(|s| s.published(&app).is_some());
        Some((app, next, published))
    });
    move || {
        offer.get().map(|(app, version, published)| {
            if published {
                view! { <span class="ma-demo__note">{lang.updates_published_already(version)}</span> }.into_any()
            } else {
                let simulate = move |_| {
                    let command = Command::PublishUpdate { app: app.clone() };
                    if let Err(e) = products.dispatch(product.get_untracked(), command) {
                        status.say(e.text(lang));
                    }
                };
                view! {
                    <button type="button" class="ma-button ma-button--ghost" on:click=simulate>
                        {lang.updates_control_simulate()}
                    </button>
                }
                .into_any()
            }
        })
    }
}
