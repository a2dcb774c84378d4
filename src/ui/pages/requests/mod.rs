//! Demandes: the requests for apps the acting user sees (their own, and those they may
//! decide), pending and past — who asked, what, for which company, when, the message,
//! the outcome — with Approuver and Refuser for those who may connect there and Retirer
//! la demande for its author (see `item`).

mod decline;
mod item;

use leptos::prelude::*;

use crate::domain::catalogue::product::Section;
use crate::domain::requests;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::widgets::not_found::ForSection;

use item::RequestItem;

#[component]
pub fn RequestsPage() -> impl IntoView {
    view! {
        <ForSection section=Section::Requests>
            <Requests/>
        </ForSection>
    }
}

#[component]
fn Requests() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let product = use_product().get_untracked();
    // The actor is part of the value: each item's actions are the acting user's, so the
    // list is drawn again when someone else acts, even if they see the same requests.
    let list = Memo::new(move |_| {
        let actor = session.actor(product);
        let seen = products.state(product).with(|s| {
            requests::visible(s, &actor)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        });
        (actor, seen)
    });
    view! {
        <h2 id="ma-section-title" tabindex="-1">{Section::Requests.label(lang)}</h2>
        <p class="ma-lead">{lang.requests_page_lead()}</p>
        {move || {
            let (_, all) = list.get();
            if all.is_empty() {
                return view! { <p class="ma-message ma-message--info">{lang.requests_page_empty()}</p> }.into_any();
            }
            view! {
                <ul class="ma-requests">
                    {all.into_iter().map(|r| view! { <li><RequestItem product=product request=r/></li> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
