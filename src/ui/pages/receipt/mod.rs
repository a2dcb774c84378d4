//! A disconnection's receipt, at its own address (`…/mes-apps/recus/ID`): what was
//! disconnected, where, by whom, when and why, what stops, the note with the publisher's
//! contact; Imprimer (the page's print style shows the receipt alone), Télécharger le
//! reçu (a text file), and while the app is not connected there again, Reconnecter avec
//! les mêmes paramètres. Those who may not see its company do not see it.

mod content;
mod undo;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::catalogue::product::Section;
use crate::domain::disconnection::receipt::{self, RECEIPTS_KEPT};
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;

use content::ReceiptContent;
use undo::UndoOffer;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let products = use_products();
    let session = use_session();
    let found = Memo::new(move |_| {
        let p = product.get();
        let id = params.with(|m| m.get("recu").and_then(|s| s.parse::<u64>().ok()))?;
        let actor = session.actor(p);
        products
            .state(p)
            .with(|s| receipt::visible(s, &actor, id).cloned())
    });
    move || {
        let p = product.get();
        match found.get() {
            Some(r) => view! {
                <article class="ma-receipt" aria-labelledby="ma-section-title">
                    <ReceiptContent product=p receipt=r.clone()/>
                    <UndoOffer product=p receipt=r/>
                </article>
            }
            .into_any(),
            None => view! { <Missing product=p/> }.into_any(),
        }
    }
}

/// No such receipt for this user: it never existed, is no longer kept, or is about a
/// client they may not access (the three are not told apart).
#[component]
fn Missing(product: Product) -> impl IntoView {
    let journal = paths::href(&paths::section(product, Section::Journal));
    let lang = use_lang();
    view! {
        <h2 id="ma-section-title" tabindex="-1">{lang.ctl_receipt_not_found()}</h2>
        <p class="ma-message ma-message--info">{lang.receipt_missing(RECEIPTS_KEPT)}</p>
        <p><A href=journal>{lang.ctl_open_journal()}</A></p>

    }
}
