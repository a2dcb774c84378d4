//! A connection's health as text ("Active", "Expire dans 9 jours", "À reconnecter"),
//! with an icon that only adds to the words: never colour or shape alone. The icon is
//! drawn by the style sheet with an empty alternative text, so that the cell's text and
//! its accessible name are the words alone.

use leptos::prelude::*;

use crate::domain::health::Health;

#[component]
pub fn HealthBadge(
    /// The health to show (reactive: a clock moved ahead or a use changes it).
    #[prop(into)]
    health: Signal<Health>,
) -> impl IntoView {
    view! {
        <span class=move || format!("ma-health ma-health--{}", health.get().slug())>
            {move || health.get().label(crate::ui::state::session::use_lang())}
        </span>
    }
}
