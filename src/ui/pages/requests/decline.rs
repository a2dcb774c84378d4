//! "Refuser": a request declined, with an optional reason (bounded, no control
//! characters) that its author will read.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::model::Product;
use crate::domain::requests::MAX_MESSAGE;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::dom::unique_id;
use crate::ui::widgets::char_counter::CharCounter;
use crate::ui::widgets::modal::Modal;

#[component]
pub fn DeclineDialog(
    product: Product,
    /// The request's number.
    id: u64,
    /// "APP — COMPANY".
    title: String,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (field, counter) = (unique_id("ma-refus-motif"), unique_id("ma-refus-compte"));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::DeclineRequest {
            id,
            reason: reason.get_untracked(),
        };
        match products.dispatch(product, command) {
            Ok(_) => on_close.run(()),
            Err(e) => error.set(Some(e.text(lang))),
        }
    };
    view! {
        <Modal title=lang.requests_decline_title(&title) on_close=on_close>
            <form class="ma-form" on:submit=submit>
                <div class="ma-field">
                    <label for=field.clone()>{lang.requests_control_reason()}</label>
                    <textarea
                        id=field
                        rows="3"
                        maxlength=MAX_MESSAGE.to_string()
                        aria-describedby=counter.clone()
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    ></textarea>
                    <CharCounter id=counter text=reason max=MAX_MESSAGE announce_limit=true/>
                </div>
                {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
                <div class="ma-dialog__actions">
                    <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.requests_control_cancel()}</button>
                    <button type="submit" class="ma-button ma-button--danger">{lang.requests_control_confirm_decline()}</button>
                </div>
            </form>
        </Modal>
    }
}
