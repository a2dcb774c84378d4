//! The disconnection questionnaire: a radio group of reasons ("Autre" last), and for
//! "Autre" a short text with its counter.

use leptos::prelude::*;

use crate::domain::forms::questionnaire::{Reason, OTHER_MAX};
use crate::ui::web::dom::unique_id;

use super::char_counter::CharCounter;

#[component]
pub fn Questionnaire(
    /// The radio group's legend ("Pourquoi déconnectez-vous … ?").
    #[prop(into)]
    legend: String,
    /// The reason chosen.
    reason: RwSignal<Option<Reason>>,
    /// The text for "Autre".
    other: RwSignal<String>,
) -> impl IntoView {
    let other_id = unique_id("ma-autre");
    let counter_id = unique_id("ma-autre-compteur");
    let radios = Reason::ALL
        .into_iter()
        .map(|r| {
            let id = format!("ma-raison-{}", r.slug());
            view! {
                <div class="ma-radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name="ma-raison"
                        value=r.slug()
                        prop:checked=move || reason.get() == Some(r)
                        on:change=move |_| reason.set(Some(r))
                    />
                    <label for=id>{r.label(crate::ui::state::session::use_lang())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="ma-fieldset">
            <legend>{legend}</legend>
            {radios}
        </fieldset>
        <Show when=move || reason.get() == Some(Reason::Other)>
            <div class="ma-field">
                <label for=other_id.clone()>{crate::ui::state::session::use_lang().ctl_other_reason()}</label>

                <textarea
                    id=other_id.clone()
                    rows="3"
                    required=true
                    maxlength=OTHER_MAX.to_string()
                    aria-describedby=counter_id.clone()
                    prop:value=move || other.get()
                    on:input=move |ev| other.set(event_target_value(&ev))
                ></textarea>
                // The count is read with the field; only reaching the limit is announced.
                <CharCounter id=counter_id.clone() text=other max=OTHER_MAX announce_limit=true/>
            </div>
        </Show>
    }
}
