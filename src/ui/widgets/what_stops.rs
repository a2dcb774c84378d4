//! "Ce qui va s'arrêter": the list of what a disconnection stops (see `domain::disconnection::impact`),
//! as a section with its own heading, so that a screen reader reaches it in reading
//! order before the questionnaire and the Déconnecter button; the receipt shows the same
//! list under its own heading.

use leptos::prelude::*;

use crate::ui::web::dom::unique_id;

#[component]
pub fn WhatStops(
    /// The section's heading.
    #[prop(into)]
    heading: String,
    /// The list's lines, in order.
    lines: Vec<String>,
) -> impl IntoView {
    let id = unique_id("ma-what-stops");
    let labelled = id.clone();
    view! {
        <section class="ma-what-stops" aria-labelledby=labelled>
            <h3 id=id class="ma-what-stops__title">{heading}</h3>
            <ul class="ma-what-stops__list">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
