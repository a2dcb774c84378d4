//! A finished review's report, at its own address: who ran it and when, the decisions
//! counted, and the region "Résultat de la revue" with a line per connection (and the
//! receipt of each disconnection); Imprimer and Télécharger le rapport (CSV). Only the
//! connections of companies the reader may access are shown.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::access::permissions::can_access;
use crate::domain::catalogue::product::Section;
use crate::domain::i18n::args;
use crate::domain::model::review::{Decision, ItemResult, Review, REVIEWS_KEPT};
use crate::domain::model::Product;
use crate::domain::reviews::{self, report};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::{now, utc_offset};
use crate::ui::web::download::download;
use crate::ui::web::{format, paths};

use super::past::counts;

/// The review as `reader` may see it, and how many of its connections were left out.
fn visible(
    state: &crate::domain::model::ProductState,
    reader: &crate::domain::model::UserId,
    id: u64,
) -> Option<(Review, usize)> {
    let mut review = reviews::review(state, id)
        .filter(|r| r.is_finished())?
        .clone();
    let user = state.user(reader)?;
    let before = review.items.len();
    review.items.retain(|i| {
        state
            .company(&i.company)
            .is_some_and(|c| can_access(user, c))
    });
    let hidden = before - review.items.len();
    Some((review, hidden))
}

#[component]
pub fn ReviewReport(product: Product, id: String) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let found = Memo::new(move |_| {
        let reader = session.actor(product);
        let id = id.parse::<u64>().ok()?;
        products.state(product).with(|s| visible(s, &reader, id))
    });
    move || {
        match found.get() {
        Some((review, hidden)) => view! { <Report product=product review=review hidden=hidden/> }.into_any(),
        None => view! {
            <h2 id="ma-section-title" tabindex="-1">{lang.reviews_report_missing()}</h2>
            <p class="ma-message ma-message--info">{lang.reviews_report_missing_text(REVIEWS_KEPT)}</p>
            <p><A href=paths::href(&paths::section(product, Section::Review))>{lang.reviews_report_back()}</A></p>
        }.into_any(),
    }
    }
}

#[component]
fn Report(product: Product, review: Review, hidden: usize) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let at = review.finished.unwrap_or(review.started);
    let (fields, lines, csv) = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            let (done, refused) = review.applied();
            let fields = vec![
                (lang.reviews_report_by(), s.person(&review.reviewer, lang)),
                (
                    lang.reviews_report_started(),
                    format::date_time(lang, review.started),
                ),
                (lang.reviews_report_finished(), format::date_time(lang, at)),
                (lang.reviews_report_decisions(), counts(&review, lang)),
                (lang.reviews_report_applied(), done.to_string()),
                (lang.reviews_report_refused(), refused.to_string()),
            ];
            let lines: Vec<(String, Option<u64>)> = review
                .items
                .iter()
                .map(|i| {
                    let receipt = match (&i.decision, &i.result) {
                        (Some(Decision::Disconnect), Some(ItemResult::Done { entry: Some(n) })) => {
                            s.receipts.iter().any(|r| r.id == *n).then_some(*n)
                        }
                        _ => None,
                    };
                    let line = lang.reviews_result_line(args::ReviewsResultLine {
                        name: &report::name(s, cat, i),
                        outcome: &report::outcome(i, lang),
                    });
                    (line, receipt)
                })
                .collect();
            (
                fields,
                lines,
                report::write(s, cat, &review, &utc_offset, lang),
            )
        })
    });
    let file = report::file_name(product, review.id, &format::iso(now()));
    let save = move |_| {
        if download(&file, &csv, "text/csv;charset=utf-8") {
            status.say(lang.reviews_downloaded(&file));
        } else {
            status.say(lang.frame_download_refused());
        }
    };
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <article class="ma-receipt ma-review-report" aria-labelledby="ma-section-title">
            <h2 id="ma-section-title" tabindex="-1">{lang.reviews_report_title(review.id)}</h2>
            <dl class="ma-details__list ma-receipt__fields">
                {fields.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            <section class="ma-receipt__section" aria-labelledby="ma-revue-resultat">
                <h3 id="ma-revue-resultat">{lang.reviews_control_result()}</h3>
                <ul class="ma-review__result">
                    {lines.into_iter().map(|(line, receipt)| view! {
                        <li>
                            {line}
                            {receipt.map(|n| view! { " "<A href=paths::href(&paths::receipt(product, n))>{lang.reviews_see_receipt()}</A> })}
                        </li>
                    }).collect_view()}
                </ul>
                {(hidden > 0).then(|| view! { <p class="ma-field__hint">{lang.reviews_report_hidden(hidden)}</p> })}
            </section>
            <div class="ma-receipt__actions ma-no-print">
                <button type="button" class="ma-button" on:click=print>{lang.reviews_control_print()}</button>
                <button type="button" class="ma-button" on:click=save>{lang.reviews_control_download()}</button>
            </div>
            <p class="ma-no-print"><A href=paths::href(&paths::section(product, Section::Review))>{lang.reviews_report_back()}</A></p>
        </article>
    }
}
