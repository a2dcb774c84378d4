//! "Réinitialiser la démo", in the header: asks, then restores both products' demo data.
//! Open to every role: it is the demo's own control.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::modal::Modal;

#[component]
pub fn ResetButton() -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let asking = RwSignal::new(false);
    let close = Callback::new(move |_| asking.set(false));
    let confirm = Callback::new(move |_| {
        for p in Product::ALL {
            let _ = products.dispatch(p, Command::Reset);
        }
        asking.set(false);
        status.say(lang.frame_reset_done());
    });
    view! {
        <button type="button" id="ma-reinitialiser" class="ma-button ma-button--ghost ma-header__reset" on:click=move |_| asking.set(true)>
            {lang.ctl_reset_demo()}
        </button>
        <Show when=move || asking.get()>
            <Modal title=lang.ctl_reset_demo_title() on_close=close>
                <p>{lang.frame_reset_explained()}</p>
                <ConfirmActions on_cancel=close confirm=lang.ctl_reset_demo_confirm() on_confirm=confirm/>

            </Modal>
        </Show>
    }
}
