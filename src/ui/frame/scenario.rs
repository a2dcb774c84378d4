//! Ready-made scenarios, in the header's demo area: the combobox "Scénario", and
//! `?scenario=ID` in any address (for test suites and shared links). Loading one replaces
//! the current product's data, after a confirmation when there is data to lose — none is
//! asked on a fresh browser profile.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::Lang;
use crate::domain::model::{Product, ProductState, Timestamp};

use crate::domain::data::scenario::Scenario;
use crate::domain::i18n::args;
use crate::ui::state::products::{use_products, Products};
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::state::status::{use_status, Status};
use crate::ui::web::clock::now;
use crate::ui::web::split::part;
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::modal::Modal;

/// How a scenario's data are made: kept out of the first load with the large firm's
/// generator, fetched the first time a scenario is loaded.
type Build = fn(Scenario, Product, &Catalogue, Timestamp) -> Option<ProductState>;
part!(pub static BUILD: Build = scenario_build => |s, p, c, now| s.build(p, c, now););

/// Replaces `product`'s data with the scenario's, and says so; if the scenario's part
/// cannot be fetched, says that instead and changes nothing.
fn load(products: Products, status: Status, product: Product, scenario: Scenario, lang: Lang) {
    leptos::task::spawn_local(async move {
        let Ok(build) = BUILD.load().await else {
            status.say(lang.frame_scenario_unreachable(scenario.label(lang)));
            return;
        };
        let Some(state) = products
            .catalogue
            .with_value(|c| build(scenario, product, c, now()))
        else {
            return;
        };
        let said = match products.replace(product, state) {
            Ok(()) => lang.frame_scenario_loaded(args::FrameScenarioLoaded {
                name: &scenario.label(lang),
                product: &product.label(),
            }),
            Err(issue) => lang.frame_scenario_unsaved(args::FrameScenarioUnsaved {
                issue: &issue,
                name: &scenario.label(lang),
            }),
        };
        status.say(said);
    });
}

#[component]
pub fn ScenarioControl() -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let product = use_product();
    let lang = use_lang();
    let asking = RwSignal::new(None::<(Product, Scenario)>);
    from_address(asking);
    let on_change = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let chosen = Scenario::from_slug(&select.value());
        select.set_value("");
        let Some(scenario) = chosen else {
            return;
        };
        let p = product.get_untracked();
        if products.is_untouched(p) {
            load(products, status, p, scenario, lang);
        } else {
            asking.set(Some((p, scenario)));
        }
    };
    view! {
        <div class="ma-field ma-field--inline">
            <label for="ma-scenario">{lang.ctl_scenario()}</label>
            <select id="ma-scenario" on:change=on_change>
                <option value="" selected=true>{lang.ctl_scenario_choose()}</option>
                {move || Scenario::of(product.get()).into_iter().map(|s| view! { <option value=s.slug()>{s.label(lang)}</option> }).collect_view()}
            </select>
        </div>
        <ConfirmScenario asking=asking/>
    }
}

/// `?scenario=ID`: loaded at once on a fresh profile, else after the confirmation; the
/// parameter then leaves the address, so that a reload does not ask again.
fn from_address(asking: RwSignal<Option<(Product, Scenario)>>) {
    let products = use_products();
    let status = use_status();
    let product = use_product();
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let lang = use_lang();
    Effect::new(move || {
        let Some(slug) = query.with(|q| q.get("scenario")) else {
            return;
        };
        let p = product.get_untracked();
        match Scenario::from_slug(&slug).filter(|s| s.exists_for(p)) {
            Some(s) if products.is_untouched(p) => load(products, status, p, s, lang),
            Some(s) => asking.set(Some((p, s))),
            None => status.say(lang.frame_scenario_unknown(args::FrameScenarioUnknown {
                product: &p.label(),
                slug: &slug,
            })),
        }
        let rest: Vec<String> = query.with_untracked(|q| {
            q.clone()
                .into_iter()
                .filter(|(k, _)| k != "scenario")
                .map(|(k, v)| format!("{k}={}", crate::ui::web::paths::encode(&v)))
                .collect()
        });
        let path = location.pathname.get_untracked();
        let path = if rest.is_empty() {
            path
        } else {
            format!("{path}?{}", rest.join("&"))
        };
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
}

#[component]
fn ConfirmScenario(asking: RwSignal<Option<(Product, Scenario)>>) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let cancel = Callback::new(move |_| asking.set(None));
    let confirm = Callback::new(move |_| {
        if let Some((p, s)) = asking.get_untracked() {
            asking.set(None);
            load(products, status, p, s, lang);
        }
    });
    view! {
        <Show when=move || asking.with(Option::is_some)>
            <Modal
                title=Signal::derive(move || asking.get().map(|(_, s)| lang.ctl_scenario_load_title(s.label(lang))).unwrap_or_default())
                on_close=cancel
            >
                <p>{move || asking.get().map(|(p, s)| lang.frame_scenario_replaces(args::FrameScenarioReplaces { description: &s.description(p, lang), product: &p.label() }))}</p>
                <ConfirmActions on_cancel=cancel confirm=lang.ctl_scenario_load() on_confirm=confirm/>
            </Modal>
        </Show>
    }
}
