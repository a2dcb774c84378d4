//! The status line after an action: announced politely and shown for a few seconds. A
//! message with a link ("Voir le reçu") stays until another message replaces it, the user
//! hides it or follows it, or another page opens: a link that vanished on a timer could
//! not be reached in time by everyone.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;
use crate::ui::web::paths;

/// How long a message without a link stays shown.
const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(8);

#[component]
pub fn StatusLine() -> impl IntoView {
    let status = use_status();
    let lang = use_lang();
    // Each message clears itself, unless a newer one replaced it meanwhile.
    Effect::new(move || {
        let text = status.text();
        if !text.is_empty() && status.link().is_none() {
            set_timeout(move || status.clear_if(&text), SHOWN_FOR);
        }
    });
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) && untrack(|| status.link().is_some()) {
            status.clear();
        }
        path
    });
    view! {
        <div class="ma-toast" role="status" aria-live="polite" aria-atomic="true">
            {move || {
                let text = status.text();
                (!text.is_empty()).then(|| {
                    let link = status.link().map(|l| view! {
                        " "
                        <A href=paths::href(&l.path) attr:class="ma-toast__link">{l.label}</A>
                        <button type="button" class="ma-toast__close" on:click=move |_| status.clear()>
                            <span aria-hidden="true">"×"</span>
                            <span class="ma-visually-hidden">{lang.ctl_hide_message()}</span>

                        </button>
                    });
                    view! { <p class="ma-toast__text">{text}{link}</p> }
                })
            }}
        </div>
    }
}
