//! "Abandonner la revue", asked once more: the decisions taken so far are lost, and
//! nothing has changed on the apps yet.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::modal::Modal;

#[component]
pub fn AbandonButton(product: Product) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let open = RwSignal::new(false);
    let close = Callback::new(move |_| open.set(false));
    let confirm = Callback::new(move |_| {
        if let Err(e) = products.dispatch(product, Command::AbandonReview) {
            status.say(e.text(lang));
        }
        open.set(false);
    });
    view! {
        <button type="button" class="ma-button" on:click=move |_| open.set(true)>
            {lang.reviews_control_abandon()}
        </button>
        <Show when=move || open.get()>
            <Modal title=lang.reviews_abandon_title().to_string() on_close=close fallback_focus=Some("ma-section-title".to_string())>
                <p>{lang.reviews_abandon_text()}</p>
                <ConfirmActions on_cancel=close confirm=lang.reviews_abandon_confirm().to_string() on_confirm=confirm/>
            </Modal>
        </Show>
    }
}
