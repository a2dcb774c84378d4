//! Revue des accès: start a review over every connection one may see, decide for each
//! (saved as it goes), apply the decisions in one step, and read the report of each
//! finished review at its own address (`…/mes-apps/revue/ID`). Those who may not run a
//! review read the reports, with the sentence that says who may.

mod abandon;
mod apply;
mod article;
mod current;
mod past;
mod report;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::catalogue::product::Section;
use crate::domain::i18n::args;
use crate::domain::model::{Product, Role, Timestamp};
use crate::domain::reviews;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::now;
use crate::ui::web::{dom, format};
use crate::ui::widgets::not_found::ForSection;

#[component]
pub fn ReviewsPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let id = Memo::new(move |_| params.with(|p| p.get("revue")));
    view! {
        <ForSection section=Section::Review>
            {move || match id.get() {
                Some(id) => view! { <report::ReviewReport product=product.get() id=id/> }.into_any(),
                None => view! { <Reviews product=product.get()/> }.into_any(),
            }}
        </ForSection>
    }
}

/// Where the acting user stands: what the page offers them.
#[derive(Clone, Debug, PartialEq)]
enum Stand {
    /// Their own review is under way: the list to decide.
    Reviewing,
    /// Someone else's is: who, since when, and whether they may abandon it.
    Other {
        name: String,
        started: Timestamp,
        may_abandon: bool,
    },
    /// They may start one; the sentence on when it is due.
    MayStart(String),
    /// They may not run a review: why.
    ReadOnly(String),
}

/// The sentence on when a review is due, in `lang`.
fn due_line(state: &crate::domain::model::ProductState, lang: crate::domain::i18n::Lang) -> String {
    let Some(last) = reviews::last_finished(state) else {
        return lang.reviews_due_never().to_string();
    };
    match reviews::next_due(state) {
        Some(next) if !reviews::is_due(state, now()) => lang.reviews_next(args::ReviewsNext {
            last: &format::date(lang, last),
            next: &format::date(lang, next),
        }),
        _ => lang.reviews_due_since(format::date(lang, last)),
    }
}

#[component]
fn Reviews(product: Product) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let status = use_status();
    let lang = use_lang();
    let stand = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            if let Some(r) = reviews::under_way(s) {
                if r.reviewer == actor {
                    return Stand::Reviewing;
                }
                let primary = s.user(&actor).is_some_and(|u| u.role == Role::PrimaryAdmin);
                return Stand::Other {
                    name: s.person(&r.reviewer, lang),
                    started: r.started,
                    may_abandon: primary,
                };
            }
            match reviews::refusal(s, &actor) {
                Some(why) => Stand::ReadOnly(why.text(lang)),
                None => Stand::MayStart(due_line(s, lang)),
            }
        })
    });
    let start =
        move |_| match products.dispatch(product, crate::domain::commands::Command::StartReview) {
            Ok(_) => request_animation_frame(|| dom::focus(current::PROGRESS_ID)),
            Err(e) => status.say(e.text(lang)),
        };
    view! {
        <h2 id="ma-section-title" tabindex="-1">{Section::Review.label(lang)}</h2>
        <p class="ma-lead">{lang.reviews_page_lead()}</p>
        {move || match stand.get() {
            Stand::Reviewing => view! { <current::CurrentReview product=product/> }.into_any(),
            Stand::Other { name, started, may_abandon } => view! {
                <p class="ma-message ma-message--info">
                    {lang.reviews_other_under_way(args::ReviewsOtherUnderWay { name: &name, date: &format::date(lang, started) })}
                </p>
                {may_abandon.then(|| view! { <abandon::AbandonButton product=product/> })}
            }.into_any(),
            Stand::MayStart(due) => view! {
                <p>{due}</p>
                <button type="button" class="ma-button ma-button--primary" on:click=start>{lang.reviews_control_start()}</button>
            }.into_any(),
            Stand::ReadOnly(why) => view! {
                <p class="ma-message ma-message--info">{why}" "{lang.reviews_read_only()}</p>
            }.into_any(),
        }}
        <past::PastReviews product=product/>
    }
}
