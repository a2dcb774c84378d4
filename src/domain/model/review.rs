//! An access review ("Revue des accès") as the state keeps it: who ran it and when, each
//! connection it went through, the decision taken on each and what applying it did (the
//! rules live in `reviews`, the handlers in `commands`).

use serde::{Deserialize, Serialize};

use super::ids::{AppId, CompanyId, Timestamp, UserId};
use crate::domain::i18n::{Lang, Said};

/// Days after a finished review when the next one is due.
pub const REVIEW_EVERY_DAYS: i64 = 90;
/// Days without use from which a connection is pointed out as unused.
pub const UNUSED_DAYS: i64 = 60;
/// How many finished reviews a product keeps: past that, the oldest go.
pub const REVIEWS_KEPT: usize = 20;

/// What the reviewer decides for one connection. Saved by name in kebab-case: add
/// decisions, never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// "Conserver": nothing changes.
    Keep,
    /// "Suspendre".
    Suspend,
    /// "Déconnecter", with the reason "Revue des accès : plus nécessaire".
    Disconnect,
    /// "Reprendre la gestion".
    TakeOver,
}

impl Decision {
    /// In the order the radio group lists them.
    pub const ALL: [Decision; 4] = [
        Decision::Keep,
        Decision::Suspend,
        Decision::Disconnect,
        Decision::TakeOver,
    ];

    /// The radio's name (a control's name: set as written).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Decision::Keep => lang.reviews_control_keep(),
            Decision::Suspend => lang.reviews_control_suspend(),
            Decision::Disconnect => lang.reviews_control_disconnect(),
            Decision::TakeOver => lang.reviews_control_take_over(),
        }
    }

    /// The decision once applied: "Conservée", "Suspendue"…
    pub fn done(self, lang: Lang) -> &'static str {
        match self {
            Decision::Keep => lang.reviews_done_keep(),
            Decision::Suspend => lang.reviews_done_suspend(),
            Decision::Disconnect => lang.reviews_done_disconnect(),
            Decision::TakeOver => lang.reviews_done_take_over(),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Decision::Keep => "conserver",
            Decision::Suspend => "suspendre",
            Decision::Disconnect => "deconnecter",
            Decision::TakeOver => "reprendre",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.slug() == slug)
    }
}

/// What applying a decision did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemResult {
    /// Applied; `entry` is the journal entry it wrote (a disconnection's receipt has its
    /// number).
    Done {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        entry: Option<u64>,
    },
    /// Refused, with the refusal as it read then, in each language.
    Refused { fr: String, en: String },
}

impl ItemResult {
    pub fn refused(said: &Said) -> ItemResult {
        ItemResult::Refused {
            fr: said.text(Lang::Fr).to_string(),
            en: said.text(Lang::En).to_string(),
        }
    }

    pub fn is_done(&self) -> bool {
        matches!(self, ItemResult::Done { .. })
    }

    /// The refusal in `lang`; `None` when it was applied.
    pub fn refusal(&self, lang: Lang) -> Option<&str> {
        match self {
            ItemResult::Done { .. } => None,
            ItemResult::Refused { fr, en } => Some(match lang {
                Lang::Fr => fr,
                Lang::En => en,
            }),
        }
    }
}

/// One connection of a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub app: AppId,
    pub company: CompanyId,
    /// Who managed it when the review started, then when its decision was applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<UserId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Set once the decisions are applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ItemResult>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// 1 for a product's first review, then one more each time.
    pub id: u64,
    pub reviewer: UserId,
    pub started: Timestamp,
    /// When its decisions were applied; `None` while it is under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<Timestamp>,
    pub items: Vec<ReviewItem>,
}

impl Review {
    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    pub fn item(&self, app: &AppId, company: &CompanyId) -> Option<&ReviewItem> {
        self.items
            .iter()
            .find(|i| &i.app == app && &i.company == company)
    }

    /// How many items have each decision, in [`Decision::ALL`]'s order.
    pub fn counts(&self) -> [(Decision, usize); 4] {
        Decision::ALL.map(|d| {
            let n = self.items.iter().filter(|i| i.decision == Some(d)).count();
            (d, n)
        })
    }

    /// How many decisions were applied, and how many refused.
    pub fn applied(&self) -> (usize, usize) {
        let done = self
            .items
            .iter()
            .filter(|i| i.result.as_ref().is_some_and(ItemResult::is_done))
            .count();
        let refused = self
            .items
            .iter()
            .filter(|i| i.result.as_ref().is_some_and(|r| !r.is_done()))
            .count();
        (done, refused)
    }
}

/// A review's refusals; each says what to do instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewError {
    /// A review is under way: only its reviewer continues it.
    UnderWay { reviewer: String },
    /// No review is under way.
    NoneUnderWay,
    /// Only the reviewer (and the primary admin, to abandon it) acts on a review.
    NotReviewer { reviewer: String },
    /// The reviewer may see no connection.
    NothingToReview,
    /// The connection is not part of the review.
    NotInReview { app: String, company: String },
    /// The decision is not one the reviewer may take on this connection.
    NotOffered {
        decision: Decision,
        app: String,
        company: String,
    },
    /// Some connections have no decision yet.
    Undecided { left: usize },
}

impl ReviewError {
    pub fn message(&self, lang: Lang) -> String {
        use crate::domain::i18n::args;
        match self {
            ReviewError::UnderWay { reviewer } => lang.reviews_error_under_way(reviewer),
            ReviewError::NoneUnderWay => lang.reviews_error_none_under_way().to_string(),
            ReviewError::NotReviewer { reviewer } => lang.reviews_error_not_reviewer(reviewer),
            ReviewError::NothingToReview => lang.reviews_error_nothing().to_string(),
            ReviewError::NotInReview { app, company } => {
                lang.reviews_error_not_in_review(args::ReviewsErrorNotInReview {
                    app: &app,
                    company: &company,
                })
            }
            ReviewError::NotOffered {
                decision,
                app,
                company,
            } => lang.reviews_error_not_offered(args::ReviewsErrorNotOffered {
                decision: &decision.label(lang),
                app: &app,
                company: &company,
            }),
            ReviewError::Undecided { left } => lang.reviews_error_undecided(*left),
        }
    }
}
