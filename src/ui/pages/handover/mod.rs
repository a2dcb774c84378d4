//! Passation: everything a colleague manages (one who leaves, say), taken over in one go.
//! "Gérées par" chooses whose connections to list (kept in the address); each has a
//! checkbox; "Prendre en charge la sélection" asks to confirm, then takes each over by the
//! seed's transfer rule and reports each one. Users who may not take over see the list
//! read only, with the sentence that says who may. "Sans gestionnaire" lists the
//! connections nobody manages any more, when there are some.

mod confirm;
mod list;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::catalogue::product::Section;
use crate::domain::commands::handover;
use crate::domain::model::UserId;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;
use crate::ui::widgets::batch_report::{BatchReport, ReportLine};
use crate::ui::widgets::filter_select::FilterSelect;
use crate::ui::widgets::not_found::ForSection;

use list::HandoverList;

/// The value of "de" that lists the connections nobody manages: no user's id starts with
/// an underscore.
const NOBODY: &str = "_sans-gestionnaire";

#[component]
pub fn HandoverPage() -> impl IntoView {
    view! {
        <ForSection section=Section::Handover>
            <Handover/>
        </ForSection>
    }
}

#[component]
fn Handover() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let product = use_product().get_untracked();
    let query = use_query_map();
    let navigate = use_navigate();
    let lang = use_lang();
    // `None`: nobody chosen; `Some(None)`: those nobody manages.
    let from = Memo::new(move |_| {
        query
            .with(|q| q.get("de"))
            .filter(|v| !v.is_empty())
            .map(|v| (v != NOBODY).then(|| UserId::new(v)))
    });
    let refusal = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            handover::refusal(s, &actor).map(|e| e.text(crate::ui::state::session::use_lang()))
        })
    });
    let people = Signal::derive(move || {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            let mut people = handover::managers(s, &actor)
                .into_iter()
                .map(|(u, n)| {
                    let label = lang.handover_person(n, &u.name);
                    (u.id.to_string(), label)
                })
                .collect::<Vec<_>>();
            let nobody = handover::unmanaged(s, &actor);
            if nobody > 0 {
                let label = lang.handover_person(nobody, s.manager_name(None, lang));
                people.push((NOBODY.to_string(), label));
            }
            people
        })
    });
    let report = RwSignal::new(Vec::<ReportLine>::new());
    let on_person = Callback::new(move |value: Option<String>| {
        report.set(Vec::new());
        let path = paths::with_query(
            paths::section(product, Section::Handover),
            &[("de", value.as_deref())],
        );
        navigate(&path, Default::default());
    });
    view! {
           <h2 id="ma-section-title" tabindex="-1">{Section::Handover.label(lang)}</h2>
           <p class="ma-lead">{lang.handover_lead()}</p>
           {move || refusal.get().map(|r| view! { <p class="ma-message ma-message--info" id="ma-passation-droits">{lang.handover_read_only(r)}</p> })}
           <div class="ma-filters">
               <FilterSelect
                   id="ma-passation-gerant"
                   label=lang.ctl_managed_by_people()
                   all=lang.ctl_choose_person()
                   options=people
                   current=Signal::derive(move || from.get().map(|u| u.map_or_else(|| NOBODY.to_string(), |u| u.to_string())))
                   on_change=on_person
               />
           </div>
           {move || from.get().map(|from| view! {
               <HandoverList product=product from=from read_only=Signal::derive(move || refusal.with(Option::is_some)) report=report/>
           })}
           <BatchReport title=lang.ctl_take_over_result()
    lines=report.into()/>
       }
}
