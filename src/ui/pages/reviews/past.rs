//! "Revues précédentes": each finished review, newest first, as a link to its report,
//! with its decisions counted.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::i18n::{args, Lang};
use crate::domain::model::review::Review;
use crate::domain::model::Product;
use crate::domain::reviews::{self, report};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::{format, paths};

/// "Conserver : 9 · Suspendre : 1": the decisions taken, counted.
pub fn counts(review: &Review, lang: Lang) -> String {
    report::counts(review, lang).join(" · ")
}

#[component]
pub fn PastReviews(product: Product) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let list = Memo::new(move |_| {
        products.state(product).with(|s| {
            reviews::finished(s)
                .map(|r| {
                    let at = r.finished.unwrap_or(r.started);
                    let title = lang.reviews_past_item(args::ReviewsPastItem {
                        id: &r.id,
                        date: &format::date(lang, at),
                        name: &s.person(&r.reviewer, lang),
                    });
                    (r.id, title, counts(r, lang))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="ma-review__past" aria-labelledby="ma-revues-precedentes">
            <h3 id="ma-revues-precedentes">{lang.reviews_control_past()}</h3>
            {move || {
                let list = list.get();
                if list.is_empty() {
                    return view! { <p>{lang.reviews_past_none()}</p> }.into_any();
                }
                view! {
                    <ul>
                        {list.into_iter().map(|(id, title, counts)| view! {
                            <li><A href=paths::href(&paths::review(product, id))>{title}</A>" — "{counts}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
