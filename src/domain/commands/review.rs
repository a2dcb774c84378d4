//! The handlers of an access review: start it over every connection the reviewer may
//! see, record each decision as it is taken (saved, not journaled), abandon it, and
//! apply the decisions. Applying runs each decision through `apply` as if it were taken
//! alone (Suspendre, Déconnecter with the reason "Revue des accès : plus nécessaire",
//! Reprendre la gestion), so the same rules hold and a refusal never blocks the others;
//! Conserver writes an entry of its own. The journal records the start, each decision
//! applied and the end.

use super::{apply, Command, Env, Outcome};
use crate::domain::access::permissions::{self, Action};
use crate::domain::forms::questionnaire::{Answers, Reason};
use crate::domain::health::clock;
use crate::domain::i18n::Said;
use crate::domain::journal::{next_seq, record, record_without_app, Event};
use crate::domain::model::error::DomainError;
use crate::domain::model::review::{Decision, REVIEWS_KEPT};
use crate::domain::model::{AppId, CompanyId, ProductState, Role, UserId};
use crate::domain::reviews::{self, ItemResult, Review, ReviewError, ReviewItem};

/// "Commencer une revue".
pub(super) fn start(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
) -> Result<Outcome, DomainError> {
    if let Some(refusal) = reviews::refusal(state, actor) {
        return Err(refusal);
    }
    if let Some(r) = reviews::under_way(state) {
        let reviewer = state.user_name(&r.reviewer).to_string();
        return Err(ReviewError::UnderWay { reviewer }.into());
    }
    let items: Vec<ReviewItem> = reviews::scope(state, actor)
        .into_iter()
        .map(|c| ReviewItem {
            app: c.app.clone(),
            company: c.company.clone(),
            manager: c.manager.clone(),
            decision: None,
            result: None,
        })
        .collect();
    if items.is_empty() {
        return Err(ReviewError::NothingToReview.into());
    }
    let id = reviews::next_id(state);
    state.reviews.push(Review {
        id,
        reviewer: actor.clone(),
        started: env.now,
        finished: None,
        items,
    });
    record_without_app(state, env.now, actor, Event::ReviewStarted { review: id });
    Ok(Outcome::ReviewStarted { id })
}

/// The review under way, when `actor` is its reviewer (or, with `primary_too`, the
/// primary admin).
fn own_review(
    state: &ProductState,
    actor: &UserId,
    primary_too: bool,
) -> Result<usize, DomainError> {
    let index = state
        .reviews
        .iter()
        .position(|r| !r.is_finished())
        .ok_or(ReviewError::NoneUnderWay)?;
    let reviewer = &state.reviews[index].reviewer;
    let primary = state
        .user(actor)
        .is_some_and(|u| u.role == Role::PrimaryAdmin);
    if reviewer != actor && !(primary_too && primary) {
        let reviewer = state.user_name(reviewer).to_string();
        return Err(ReviewError::NotReviewer { reviewer }.into());
    }
    Ok(index)
}

/// A decision taken (or changed) on one connection of the review.
pub(super) fn decide(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    decision: Decision,
) -> Result<Outcome, DomainError> {
    let index = own_review(state, actor, false)?;
    let names = || {
        (
            env.catalogue.app_name(app).to_string(),
            state.company_name(company).to_string(),
        )
    };
    let Some(at) = state.reviews[index]
        .items
        .iter()
        .position(|i| &i.app == app && &i.company == company)
    else {
        let (app, company) = names();
        return Err(ReviewError::NotInReview { app, company }.into());
    };
    if !reviews::choices(state, actor, app, company).contains(&decision) {
        let (app, company) = names();
        return Err(ReviewError::NotOffered {
            decision,
            app,
            company,
        }
        .into());
    }
    state.reviews[index].items[at].decision = Some(decision);
    Ok(Outcome::ReviewDecided {
        app: app.clone(),
        company: company.clone(),
        decision,
    })
}

/// "Abandonner la revue": its reviewer, or the primary admin (so that a review left by
/// someone who has gone does not stay under way for ever).
pub(super) fn abandon(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
) -> Result<Outcome, DomainError> {
    let index = own_review(state, actor, true)?;
    let review = state.reviews.remove(index);
    let event = Event::ReviewAbandoned { review: review.id };
    record_without_app(state, env.now, actor, event);
    Ok(Outcome::ReviewAbandoned { id: review.id })
}

/// The command that carries out `decision` on one connection; `None` for Conserver.
fn command(decision: Decision, app: &AppId, company: &CompanyId) -> Option<Command> {
    let (app, company) = (app.clone(), company.clone());
    match decision {
        Decision::Keep => None,
        Decision::Suspend => Some(Command::Suspend { app, company }),
        Decision::TakeOver => Some(Command::Get { app, company }),
        Decision::Disconnect => Some(Command::Disconnect {
            app,
            company,
            answers: Answers {
                reason: Some(Reason::AccessReview),
                other: String::new(),
            },
        }),
    }
}

/// `Ok` when `actor` may do `action` at the item's company (rights first: whether an app
/// is connected where they may not look is not theirs to learn) and its connection is
/// still there.
fn still_there(
    state: &ProductState,
    env: &Env,
    actor: &UserId,
    action: Action,
    (app, company): (&AppId, &CompanyId),
) -> Result<(), DomainError> {
    permissions::check_ids(state, actor, action, company)?;
    match state.connection(app, company) {
        Some(_) => Ok(()),
        None => Err(DomainError::NotConnected {
            app: env.catalogue.app_name(app).to_string(),
            company: state.company_name(company).to_string(),
        }),
    }
}

/// Carries out one item's decision; the journal entry it wrote, or the refusal.
fn carry_out(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    (review, item): (u64, &ReviewItem),
    decision: Decision,
) -> Result<u64, DomainError> {
    let target = (&item.app, &item.company);
    match command(decision, target.0, target.1) {
        Some(c) => {
            if decision == Decision::TakeOver {
                // "Obtenir l'appli" on a connection gone would install it anew.
                still_there(state, env, actor, Action::TakeOver, target)?;
            }
            apply(state, env, actor, &c)?;
        }
        None => {
            still_there(state, env, actor, Action::Review, target)?;
            let now = clock::now(state, env.now);
            record(state, now, actor, target, Event::ReviewKept { review });
        }
    }
    Ok(next_seq(state) - 1)
}

/// "Confirmer" the decisions: each applied in the review's order, then the review is
/// finished and kept (the oldest past [`REVIEWS_KEPT`] go). `env` carries the real time:
/// each decision goes through `apply`, which reads the demo's clock.
pub(super) fn apply_decisions(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
) -> Result<Outcome, DomainError> {
    let index = own_review(state, actor, false)?;
    let left = state.reviews[index]
        .items
        .iter()
        .filter(|i| reviews::is_pending(state, i))
        .count();
    if left > 0 {
        return Err(ReviewError::Undecided { left }.into());
    }
    let mut review = state.reviews.remove(index);
    let now = clock::now(state, env.now);
    for item in &mut review.items {
        let Some(decision) = item.decision else {
            continue;
        };
        if let Some(c) = state.connection(&item.app, &item.company) {
            item.manager = c.manager.clone();
        }
        item.result = Some(
            match carry_out(state, env, actor, (review.id, item), decision) {
                Ok(entry) => ItemResult::Done { entry: Some(entry) },
                Err(e) => ItemResult::refused(&Said::new(|l| e.text(l))),
            },
        );
    }
    let id = review.id;
    review.finished = Some(now);
    state.reviews.push(review);
    let done = state.reviews.iter().filter(|r| r.is_finished()).count();
    if done > REVIEWS_KEPT {
        if let Some(oldest) = state.reviews.iter().position(|r| r.is_finished()) {
            state.reviews.remove(oldest);
        }
    }
    record_without_app(state, now, actor, Event::ReviewFinished { review: id });
    Ok(Outcome::ReviewApplied { id })
}
