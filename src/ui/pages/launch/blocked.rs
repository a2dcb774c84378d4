//! Lancer when nothing opens until one command is run (Réactiver a suspended connection,
//! Reprendre la gestion of one nobody manages): the heading, why, the button for those
//! who may (the sentence saying who may for the others), and the way back.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::commands::Command;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::{dom, paths};

#[component]
pub fn Blocked(
    product: Product,
    heading: String,
    /// Why nothing opens.
    sentence: String,
    /// The button's label.
    action: &'static str,
    /// `Err` with who may, when the acting user may not run `command`.
    allowed: Result<(), String>,
    /// What the button runs.
    command: Command,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let run = move |_| match products.dispatch(product, command.clone()) {
        // The app's own view replaces this one: reading starts at its heading.
        Ok(_) => request_animation_frame(|| dom::focus("ma-section-title")),
        Err(e) => error.set(Some(e.text(lang))),
    };
    let back = paths::href(&paths::default_section(product));
    view! {
        <section class="ma-launch" aria-labelledby="ma-section-title">
            <h2 id="ma-section-title" tabindex="-1">{heading}</h2>
            <p class="ma-message ma-message--warning">{sentence}</p>
            {match allowed {
                Ok(()) => view! {
                    <p>
                        <button type="button" class="ma-button ma-button--primary" on:click=run>
                            {action}
                        </button>
                    </p>
                }.into_any(),
                Err(why) => view! { <p class="ma-message ma-message--info">{why}</p> }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <p><A href=back>{lang.ctl_back_to_mes_apps()}</A></p>
        </section>
    }
}
