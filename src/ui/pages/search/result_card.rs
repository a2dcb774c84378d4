//! One search result: the app's name as a link to its page, its publisher, category and
//! tagline, and where it is already connected (among what the user may see).

use leptos::prelude::*;

use crate::domain::access::queries;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::paths;

#[component]
pub fn ResultCard(index: usize, product: Product) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    // Only what the card shows: a page of results is rebuilt as the user types.
    let Some((id, name, category, publisher, tagline)) = products.catalogue.with_value(|c| {
        c.apps().get(index).map(|a| {
            (
                a.id.clone(),
                a.name.clone(),
                a.category.label(crate::ui::state::session::use_lang()),
                a.publisher.clone(),
                a.tagline.clone(),
            )
        })
    }) else {
        return ().into_any();
    };
    let href = paths::href(&paths::app(product, &id));
    // Only where the acting user may look: other clients' installations are not theirs to see.
    let connected = Memo::new(move |_| {
        let actor = session.actor(product);
        products
            .state(product)
            .with(|s| queries::app_connections(s, &actor, &id).len())
    });
    view! {
            <li class="ma-result">
                <div class="ma-result__head">
                    <a href=href class="ma-result__name">{name}</a>
                    <span class="ma-tag">{category}</span>
                    {move || {
                        let n = connected.get();
                        (n > 0).then(|| {
                            let text = product.get_kind().badge(n, crate::ui::state::session::use_lang());
                            view! {
                                <span class="ma-visually-hidden">", "</span>
                                <span class="ma-badge ma-badge--ok">{text}</span>
                            }
                        })
                    }}
                </div>
                <p class="ma-result__publisher">{use_lang().search_by_publisher(&publisher)}
    </p>
                <p class="ma-result__tagline" lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())>{tagline}</p>
            </li>
        }
    .into_any()
}
