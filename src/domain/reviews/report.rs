//! A finished review's report: what each connection's decision did, as the result
//! region and the printed report say it, and the report as a CSV file (the journal's
//! rules: RFC 4180, UTF-8 with a byte-order mark, formula-like cells disarmed).

use crate::domain::catalogue::Catalogue;
use crate::domain::health::time;
use crate::domain::i18n::{args, Lang};
use crate::domain::journal::csv;
use crate::domain::model::review::{ItemResult, Review, ReviewItem};
use crate::domain::model::{Product, ProductState, Timestamp};

/// "Tableau Clair — Cabinet Dupont & Associés": the article's and radio group's name.
pub fn name(state: &ProductState, catalogue: &Catalogue, item: &ReviewItem) -> String {
    format!(
        "{} — {}",
        catalogue.app_name(&item.app),
        state.company_name(&item.company)
    )
}

/// What applying the item's decision did: "Déconnectée (journal n° 42)", "Refusée : …";
/// "Non examinée" for an item left without a decision (its connection had gone).
pub fn outcome(item: &ReviewItem, lang: Lang) -> String {
    let Some(decision) = item.decision else {
        return lang.reviews_outcome_gone().to_string();
    };
    match &item.result {
        None => decision.label(lang).to_string(),
        Some(ItemResult::Done { entry: Some(n) }) => {
            lang.reviews_outcome_done(args::ReviewsOutcomeDone {
                done: &decision.done(lang),
                entry: n,
            })
        }
        Some(ItemResult::Done { entry: None }) => decision.done(lang).to_string(),
        Some(refused) => lang.reviews_outcome_refused(args::ReviewsOutcomeRefused {
            decision: &decision.label(lang),
            reason: &refused.refusal(lang).unwrap_or_default(),
        }),
    }
}

/// "Conserver : 9", "Déconnecter : 1": each decision taken, counted, in the radio
/// group's order.
pub fn counts(review: &Review, lang: Lang) -> Vec<String> {
    review
        .counts()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| {
            lang.reviews_count(args::ReviewsCount {
                label: &d.label(lang),
                n,
            })
        })
        .collect()
}

/// The header row, in `lang`.
pub fn columns(lang: Lang) -> Vec<String> {
    [
        lang.reviews_csv_review(),
        lang.reviews_csv_reviewer(),
        lang.csv_app(),
        lang.csv_company(),
        lang.reviews_csv_manager(),
        lang.reviews_csv_decision(),
        lang.reviews_csv_outcome(),
    ]
    .map(str::to_string)
    .to_vec()
}

/// The report's file: one row per connection of the review, in its order. `tz` gives the
/// UTC offset (minutes east) at a time, for local dates.
pub fn write(
    state: &ProductState,
    catalogue: &Catalogue,
    review: &Review,
    tz: &dyn Fn(Timestamp) -> i32,
    lang: Lang,
) -> String {
    let at = review.finished.unwrap_or(review.started);
    let date = time::iso_date_time(at, tz(at));
    let reviewer = state.person(&review.reviewer, lang);
    let rows = review.items.iter().map(|item| {
        vec![
            date.clone(),
            reviewer.clone(),
            catalogue.app_name(&item.app).to_string(),
            state.company_name(&item.company).to_string(),
            state.manager_name(item.manager.as_ref(), lang),
            item.decision
                .map(|d| d.label(lang).to_string())
                .unwrap_or_default(),
            outcome(item, lang),
        ]
    });
    csv::file(columns(lang), rows)
}

/// `revue-des-acces-expert-comptable-3-2026-12-01.csv`.
pub fn file_name(product: Product, id: u64, iso_date: &str) -> String {
    format!("revue-des-acces-{}-{id}-{iso_date}.csv", product.slug())
}
