//! Undoing the disconnection from its receipt: "Reconnecter avec les mêmes paramètres"
//! while the app is not connected there again and the user may connect it, with the
//! settings it had; otherwise what stands in the way, or where it is connected again.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::commands::undo::{self, Undo};
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::i18n::args;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::paths;
use crate::ui::widgets::get_dialog::UndoDialog;

#[component]
pub fn UndoOffer(product: Product, receipt: Receipt) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let asking = RwSignal::new(false);
    let close = Callback::new(move |_| asking.set(false));
    let undo = {
        let receipt = receipt.clone();
        Memo::new(move |_| {
            let actor = session.actor(product);
            products.with_env(product, |s, env| undo::plan(s, env, &actor, &receipt))
        })
    };
    let kind = product.get_kind();
    let lang = use_lang();
    let settings = paths::href(&paths::settings(product, &receipt.company, &receipt.app));
    let r = receipt.clone();
    let offer = move || {
        match undo.get() {
        Undo::Offered => view! {
            <p>{lang.receipt_by_mistake()}</p>
            <button type="button" class="ma-button ma-button--primary" on:click=move |_| asking.set(true)>
                {lang.ctl_reconnect_same_settings()}
            </button>
        }
        .into_any(),
        Undo::Reconnected => view! {
            <p class="ma-message ma-message--info">
                {lang.receipt_again(args::ReceiptAgain { app: &r.app_name, done_at: &kind.done_at(lang) })}
                <A href=settings.clone()>{lang.ctl_see_its_settings()}</A>
            </p>
        }
        .into_any(),
        Undo::Refused(e) => view! { <p class="ma-message ma-message--info">{e.text(crate::ui::state::session::use_lang())}</p> }.into_any(),
    }
    };
    view! {
        <section class="ma-receipt__undo ma-no-print" aria-labelledby="ma-recu-annuler">
            <h3 id="ma-recu-annuler">{lang.ctl_undo_disconnection()}</h3>

            {offer}
            <Show when=move || asking.get()>
                <UndoDialog product=product receipt=receipt.clone() on_close=close/>
            </Show>
        </section>
    }
}
