//! Access reviews ("Revue des accès"): who may run one, which connections it goes
//! through (exactly those the reviewer may see), what is pointed out on each, which
//! decisions are offered, how far it has got, and when the next one is due. The
//! handlers that start, decide, apply and abandon a review are in `commands::review`;
//! the report's CSV is in [`report`].

pub mod report;

use crate::domain::access::permissions::{self, Action};
use crate::domain::access::queries::visible_connections;
use crate::domain::health::{self, clock, Health};
use crate::domain::model::error::DomainError;
use crate::domain::model::review::{Decision, REVIEW_EVERY_DAYS, UNUSED_DAYS};
use crate::domain::model::{AppId, CompanyId, Connection, ProductState, Timestamp, UserId};

pub use crate::domain::model::review::{ItemResult, Review, ReviewError, ReviewItem};

/// Why `actor` may not run a review, naming who may; `None` when they may.
pub fn refusal(state: &ProductState, actor: &UserId) -> Option<DomainError> {
    permissions::role_refusal(state, actor, Action::Review)
}

/// The review under way, if any: at most one per product.
pub fn under_way(state: &ProductState) -> Option<&Review> {
    state.reviews.iter().find(|r| !r.is_finished())
}

/// The finished reviews, newest first.
pub fn finished(state: &ProductState) -> impl Iterator<Item = &Review> {
    state.reviews.iter().rev().filter(|r| r.is_finished())
}

pub fn review(state: &ProductState, id: u64) -> Option<&Review> {
    state.reviews.iter().find(|r| r.id == id)
}

/// The number the next review will have: after every review kept and every one the
/// journal names (an abandoned review is not kept, and its number is not given again).
pub fn next_id(state: &ProductState) -> u64 {
    let kept = state.reviews.iter().map(|r| r.id);
    let journaled = state.journal.iter().filter_map(|e| e.event.review());
    kept.chain(journaled).max().unwrap_or(0) + 1
}

/// What a review started by `actor` goes through: every connection they may see, in the
/// lists' order (the firm's, then each client's they may access).
pub fn scope<'s>(state: &'s ProductState, actor: &UserId) -> Vec<&'s Connection> {
    visible_connections(state, actor)
}

/// What is pointed out on a connection: facts, never an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Not used for this many days (at least [`UNUSED_DAYS`]).
    Unused(i64),
    /// Managed by someone other than the reviewer.
    ManagedByOther(Option<UserId>),
    Expired,
    Suspended,
}

/// Whole days since the connection was last used, on the demo's clock.
pub fn days_unused(state: &ProductState, c: &Connection, real_now: Timestamp) -> i64 {
    health::days_between(c.last_use(), clock::now(state, real_now)).max(0)
}

/// Whether the connection was not used for [`UNUSED_DAYS`] days or more.
pub fn is_unused(state: &ProductState, c: &Connection, real_now: Timestamp) -> bool {
    days_unused(state, c, real_now) >= UNUSED_DAYS
}

/// What the review points out on `c` for `reviewer`.
pub fn hints(
    state: &ProductState,
    c: &Connection,
    reviewer: &UserId,
    real_now: Timestamp,
) -> Vec<Hint> {
    let mut hints = Vec::new();
    let days = days_unused(state, c, real_now);
    if days >= UNUSED_DAYS {
        hints.push(Hint::Unused(days));
    }
    if !c.is_managed_by(reviewer) {
        hints.push(Hint::ManagedByOther(c.manager.clone()));
    }
    match health::of(state, c, real_now) {
        Health::Expired => hints.push(Hint::Expired),
        Health::Suspended => hints.push(Hint::Suspended),
        _ => {}
    }
    hints
}

/// The decisions `actor` may take on the connection of `app` at `company`, in the radio
/// group's order: Conserver always; Suspendre where they may suspend it and it is not
/// suspended; Déconnecter where they may disconnect it; Reprendre la gestion where they
/// may take it over (someone else, or nobody, manages it). None when it is gone.
pub fn choices(
    state: &ProductState,
    actor: &UserId,
    app: &AppId,
    company: &CompanyId,
) -> Vec<Decision> {
    let Some(c) = state.connection(app, company) else {
        return Vec::new();
    };
    let may = |action| permissions::check_ids(state, actor, action, company).is_ok();
    Decision::ALL
        .into_iter()
        .filter(|d| match d {
            Decision::Keep => true,
            Decision::Suspend => c.suspended.is_none() && may(Action::Suspend),
            Decision::Disconnect => may(Action::Disconnect),
            Decision::TakeOver => {
                !c.is_managed_by(actor) && may(Action::TakeOver) && may(Action::Get)
            }
        })
        .collect()
}

/// Whether the item still asks for a decision: its connection is there and none is
/// taken. A connection disconnected since the review started asks for none.
pub fn is_pending(state: &ProductState, item: &ReviewItem) -> bool {
    item.decision.is_none() && state.connection(&item.app, &item.company).is_some()
}

/// How many items have been examined (decided, or gone), out of how many.
pub fn progress(state: &ProductState, review: &Review) -> (usize, usize) {
    let left = review.items.iter().filter(|i| is_pending(state, i)).count();
    (review.items.len() - left, review.items.len())
}

/// The "Afficher" filter of a review's list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    All,
    /// The items still without a decision.
    ToExamine,
    /// The connections unused for [`UNUSED_DAYS`] days or more.
    Unused,
}

impl Show {
    pub const ALL: [Show; 3] = [Show::All, Show::ToExamine, Show::Unused];

    pub fn slug(self) -> &'static str {
        match self {
            Show::All => "toutes",
            Show::ToExamine => "a-examiner",
            Show::Unused => "non-utilisees",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Show> {
        Show::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn label(self, lang: crate::domain::i18n::Lang) -> &'static str {
        match self {
            Show::All => lang.reviews_control_show_all(),
            Show::ToExamine => lang.reviews_control_show_pending(),
            Show::Unused => lang.reviews_control_show_unused(),
        }
    }

    /// Whether the filter shows `item`.
    pub fn shows(self, state: &ProductState, item: &ReviewItem, real_now: Timestamp) -> bool {
        match self {
            Show::All => true,
            Show::ToExamine => is_pending(state, item),
            Show::Unused => state
                .connection(&item.app, &item.company)
                .is_some_and(|c| is_unused(state, c, real_now)),
        }
    }
}

/// When the next review is due: [`REVIEW_EVERY_DAYS`] days after the last one finished;
/// `None` when none was ever finished (one is due as soon as there is a connection).
pub fn next_due(state: &ProductState) -> Option<Timestamp> {
    last_finished(state).map(|at| Timestamp(at.0 + REVIEW_EVERY_DAYS * clock::DAY_MS))
}

/// When the last review was finished; `None` when none ever was.
pub fn last_finished(state: &ProductState) -> Option<Timestamp> {
    finished(state).filter_map(|r| r.finished).max()
}

/// Whether a review is due on the demo's clock: the last one is 90 days old or more, or
/// there was none and some app is connected. Not while one is under way.
pub fn is_due(state: &ProductState, real_now: Timestamp) -> bool {
    if under_way(state).is_some() {
        return false;
    }
    match next_due(state) {
        Some(due) => clock::now(state, real_now) >= due,
        None => !state.connections.is_empty(),
    }
}
