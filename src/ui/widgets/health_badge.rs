//! A connection's health as text ("Active", "Expire dans 9 jours", "À reconnecter"),
//! with an icon that only adds to the words: never colour or shape alone. The icon is an
//! inline SVG drawn in the text's colour (`currentColor`, forced colours included), hidden
//! from assistive technologies, so that the cell's text and its accessible name are the
//! words alone; being drawn, not a character, it cannot go missing with a font.

use leptos::prelude::*;

use crate::domain::health::Health;

/// The icon's strokes, on a 16 × 16 grid: a tick, an hourglass, a warning triangle with
/// its exclamation mark, the two bars of a pause, a head and shoulders crossed out, a
/// shield with an exclamation mark (permissions to approve) or a cross (update refused).
fn icon(health: Health) -> &'static str {
    match health {
        Health::Active => "M3 8.5 6.5 12 13 4.5",
        Health::ExpiresIn(_) => {
            "M4 2h8M4 14h8M5 2v2c0 2 3 3 3 4s-3 2-3 4v2M11 2v2c0 2-3 3-3 4s3 2 3 4v2"
        }
        Health::Expired => "M8 2 14.5 13.5h-13ZM8 6.5v3M8 11.5h.01",
        Health::Suspended => "M5.5 3v10M10.5 3v10",
        Health::Unmanaged => "M8 2.5a2.5 2.5 0 1 0 .01 0ZM3 14c0-3 2.2-5 5-5s5 2 5 5M2 2l12 12",
        Health::UpdatePending { .. } => {
            "M8 1.5 13.5 3.5v4c0 3.3-2.3 5.8-5.5 7-3.2-1.2-5.5-3.7-5.5-7v-4ZM8 5v3.5M8 10.5h.01"
        }
        Health::UpdateRefused { .. } => {
            "M8 1.5 13.5 3.5v4c0 3.3-2.3 5.8-5.5 7-3.2-1.2-5.5-3.7-5.5-7v-4ZM6 6l4 4M10 6l-4 4"
        }
    }
}

#[component]
pub fn HealthBadge(
    /// The health to show (reactive: a clock moved ahead or a use changes it).
    #[prop(into)]
    health: Signal<Health>,
) -> impl IntoView {
    view! {
        <span class=move || format!("ma-health ma-health--{}", health.get().slug())>
            <svg
                class="ma-health__icon"
                viewBox="0 0 16 16"
                width="16"
                height="16"
                aria-hidden="true"
                focusable="false"
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
            >
                <path d=move || icon(health.get())/>
            </svg>
            {move || health.get().label(crate::ui::state::session::use_lang())}
        </span>
    }
}
