//! What access reviews read from outside must hold: at most one under way and the
//! finished ones kept, numbers unique, known people, companies and apps, each connection
//! once per review, dates in order, and refusals of bounded plain text.

use rustc_hash::FxHashSet as HashSet;

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::batch::MAX_BATCH;
use crate::domain::i18n::Lang;
use crate::domain::model::review::{ItemResult, Review, REVIEWS_KEPT};
use crate::domain::model::ProductState;
use crate::domain::text::char_len;

use super::records::known;
use super::validate::{Ids, Origin, Report, DATE_RANGE, MAX_LINE};

/// Every review of the state.
pub(super) fn check_reviews(
    r: &mut Report,
    state: &ProductState,
    catalogue: &Catalogue,
    origin: Origin,
    ids: &Ids,
) {
    let under_way = state.reviews.iter().filter(|v| !v.is_finished()).count();
    if state.reviews.len() > REVIEWS_KEPT + 1 || under_way > 1 {
        r.push_fixed("data.reviews", Lang::validate_reviews_count);
    }
    let mut numbers = HashSet::default();
    for (i, review) in state.reviews.iter().enumerate() {
        let at = format!("data.reviews[{i}]");
        if review.id == 0 || !numbers.insert(review.id) {
            r.push_fixed(format!("{at}.id"), Lang::validate_review_id);
        }
        check_review(r, &at, review, (catalogue, origin, ids));
    }
}

/// One review: its reviewer, dates and items.
fn check_review(
    r: &mut Report,
    at: &str,
    review: &Review,
    (catalogue, origin, ids): (&Catalogue, Origin, &Ids),
) {
    known(r, &format!("{at}.reviewer"), ids, [&review.reviewer]);
    let dates_ok = review.started.is_plausible()
        && review
            .finished
            .is_none_or(|f| f.is_plausible() && f >= review.started);
    if !dates_ok {
        r.push_fixed(format!("{at}.finished"), DATE_RANGE);
    }
    if review.items.is_empty() || review.items.len() > MAX_BATCH {
        r.push_fixed(format!("{at}.items"), Lang::validate_reviews_count);
    }
    let mut seen = HashSet::default();
    for (j, item) in review.items.iter().enumerate() {
        let at = format!("{at}.items[{j}]");
        if !seen.insert((&item.app, &item.company)) {
            r.push_fixed(at.clone(), Lang::validate_review_twice);
        }
        if !ids.companies.contains(&item.company) {
            r.push(format!("{at}.company"), |l| {
                l.validate_unknown_company(&item.company)
            });
        }
        if origin == Origin::Import && catalogue.app(&item.app).is_none() {
            r.push(format!("{at}.app"), |l| l.validate_unknown_app(&item.app));
        }
        known(r, &format!("{at}.manager"), ids, item.manager.iter());
        let applied = item.result.is_some();
        if applied && (!review.is_finished() || item.decision.is_none()) {
            r.push_fixed(format!("{at}.result"), Lang::validate_review_result);
        }
        if let Some(ItemResult::Refused { fr, en }) = &item.result {
            let bad =
                |t: &str| char_len(t) > MAX_LINE || t.chars().any(|c| c.is_control() && c != '\n');
            if bad(fr) || bad(en) {
                r.push_fixed(format!("{at}.result"), Lang::validate_review_result);
            }
        }
    }
}
