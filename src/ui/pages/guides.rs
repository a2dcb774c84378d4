//! Guides: the help article's five procedures, each started with "Commencer le guide".
//! Starting one chooses, in the current data, a situation where the procedure makes sense
//! (the right product, someone who may do it, for a transfer an app managed by someone
//! else) and says what it chose; when the data has none, it asks before loading the demo
//! data. The guide panel then follows what the user does.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::catalogue::product::Section;
use crate::domain::data::demo;
use crate::domain::guide::{prepare, GuideId, Prepared, Run};

use crate::domain::i18n::args;
use crate::ui::state::guide::use_guide;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::now;
use crate::ui::web::paths;
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::not_found::ForSection;

#[component]
pub fn GuidesPage() -> impl IntoView {
    view! {
        <ForSection section=Section::Guides>
            <Guides/>
        </ForSection>
    }
}

#[component]
fn Guides() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let guide_run = use_guide();
    let status = use_status();
    let product = use_product();
    let navigate = use_navigate();
    let lang = use_lang();
    // A guide waiting for the demo data, which the current data lacks.
    let needs_demo = RwSignal::new(None::<GuideId>);
    let begin = move |guide: GuideId, p: Prepared| {
        let gp = guide.product();
        let said = products
            .catalogue
            .with_value(|cat| products.state(gp).with_untracked(|s| p.said(s, cat, lang)));
        session.set_actor(gp, p.actor.clone());
        guide_run.start(Run::new(guide, p.app, p.company), said.clone());
        status.say(lang.guides_started(&said));
        if product.get_untracked() != gp {
            navigate(&paths::section(gp, Section::Guides), Default::default());
        }
    };
    let prepared = move |guide: GuideId| {
        let gp = guide.product();
        let actor = session.actor_untracked(gp);
        products.with_env_untracked(gp, |s, env| prepare(guide, s, env, &actor))
    };
    let start = {
        let begin = begin.clone();
        Callback::new(move |guide: GuideId| match prepared(guide) {
            Some(p) => begin(guide, p),
            None => needs_demo.set(Some(guide)),
        })
    };
    let load_demo = Callback::new(move |_| {
        let Some(guide) = needs_demo.get_untracked() else {
            return;
        };
        needs_demo.set(None);
        let gp = guide.product();
        let demo = products.catalogue.with_value(|c| demo::state(gp, c, now()));
        let _ = products.replace(gp, demo);
        if let Some(p) = prepared(guide) {
            begin(guide, p);
        }
    });
    let cancel = Callback::new(move |_| needs_demo.set(None));
    view! {
        <h2 id="ma-section-title" tabindex="-1">{Section::Guides.label(lang)}</h2>
        <p class="ma-lead">{lang.guides_lead()}</p>
        <ul class="ma-guides">
            {GuideId::ALL.into_iter().map(|g| view! { <GuideCard guide=g on_start=start/> }).collect_view()}
        </ul>
        <Show when=move || needs_demo.with(Option::is_some)>
            <Modal title=lang.ctl_load_demo_title() on_close=cancel>
                <p>{move || needs_demo.get().map(|g| lang.guides_needs_demo(g.product().label()))}</p>
                <ConfirmActions on_cancel=cancel confirm=lang.ctl_load_demo() on_confirm=load_demo/>
            </Modal>
        </Show>
    }
}

#[component]
fn GuideCard(guide: GuideId, on_start: Callback<GuideId>) -> impl IntoView {
    let steps = guide.steps().len();
    let lang = use_lang();
    let steps = lang.guides_steps(steps);
    view! {
        <li class="ma-card ma-guides__item">
            <h3>{guide.title(lang)}</h3>
            <p>{guide.summary(lang)}</p>
            <p class="ma-field__hint">{lang.guides_in_steps(args::GuidesInSteps { product: &guide.product().label(), steps: &steps })}</p>
            <button type="button" class="ma-button ma-button--primary" on:click=move |_| on_start.run(guide)>
                {lang.ctl_start_guide()}
                <span class="ma-visually-hidden">{lang.ctl_start_guide_title(guide.title(lang))}</span>

            </button>
        </li>
    }
}
