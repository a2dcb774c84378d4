//! The notice a requester reads the next time they act: the answers to their requests
//! since they last looked ("Claire Martin a approuvé votre demande…"), until they hide
//! it; the same outcomes stay in Demandes.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::model::Product;
use crate::domain::requests;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};

#[component]
pub fn RequestNotice(product: Product) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let lines = Memo::new(move |_| {
        let actor = session.actor(product);
        products.catalogue.with_value(|cat| {
            products.state(product).with(|s| {
                requests::unseen(s, &actor)
                    .into_iter()
                    .map(|r| requests::outcome_sentence(s, cat.app_name(&r.app), r, lang))
                    .collect::<Vec<_>>()
            })
        })
    });
    let hide = move |_| {
        let _ = products.dispatch(product, Command::AcknowledgeRequests);
        // The button goes with the notice: reading goes on from the page's heading.
        request_animation_frame(|| crate::ui::web::dom::focus("ma-section-title"));
    };
    move || {
        let all = lines.get();
        (!all.is_empty()).then(|| {
            view! {
                <section class="ma-message ma-message--info ma-request-notice" aria-label=lang.requests_notice_label()>
                    <ul>{all.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <button type="button" class="ma-button" on:click=hide>{lang.requests_control_hide_notice()}</button>
                </section>
            }
        })
    }
}
