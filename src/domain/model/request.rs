//! A request for an app ("Demander l'appli") as the state keeps it, its status, and its
//! refusals (the rules live in `requests`, the handlers in `commands`).

use serde::{Deserialize, Serialize};

use super::ids::{AppId, CompanyId, Timestamp, UserId};
use super::state::ProductState;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;

/// The longest message or reason, in characters.
pub const MAX_MESSAGE: usize = 500;
/// How many requests a product keeps: past that, the oldest decided ones go.
pub const REQUESTS_KEPT: usize = 200;
/// The most requests data read from outside may hold: what is kept, and as many pending.
pub const MAX_KEPT_READ: usize = 2 * REQUESTS_KEPT;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppRequest {
    /// 1 for a product's first request, then one more each time.
    pub id: u64,
    pub app: AppId,
    pub company: CompanyId,
    pub requester: UserId,
    pub at: Timestamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    pub status: Status,
    /// Whether its author has seen its outcome.
    #[serde(default, skip_serializing_if = "is_false")]
    pub seen: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pending,
    Approved {
        by: UserId,
        at: Timestamp,
    },
    Declined {
        by: UserId,
        at: Timestamp,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    Withdrawn {
        at: Timestamp,
    },
}

impl Status {
    pub fn is_pending(&self) -> bool {
        *self == Status::Pending
    }

    /// "En attente", "Approuvée par Claire Martin"…
    pub fn label(&self, state: &ProductState, lang: Lang) -> String {
        match self {
            Status::Pending => lang.requests_status_pending().to_string(),
            Status::Approved { by, .. } => lang.requests_status_approved(state.person(by, lang)),
            Status::Declined { by, .. } => lang.requests_status_declined(state.person(by, lang)),
            Status::Withdrawn { .. } => lang.requests_status_withdrawn().to_string(),
        }
    }
}

/// A request's refusals; each says what to do instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestError {
    /// The user may connect it there: no need to ask.
    MayGetIt {
        app: String,
        company: String,
    },
    /// The app is already there: answered at once, nothing stored.
    AlreadyThere {
        app: String,
        company: String,
        /// Who manages it; `None` when nobody does.
        manager: Option<String>,
    },
    AlreadyPending {
        app: String,
        company: String,
        requester: String,
    },
    MessageTooLong {
        len: usize,
    },
    MessageControl,
    UnknownRequest(u64),
    NotPending,
    /// Only its author withdraws a request.
    NotAuthor {
        author: String,
    },
}

impl RequestError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RequestError::MayGetIt { app, company } => {
                lang.requests_may_get_it(args::RequestsMayGetIt {
                    app: &app,
                    company: &company,
                })
            }
            RequestError::AlreadyThere {
                app,
                company,
                manager,
            } => lang.requests_already_there(args::RequestsAlreadyThere {
                app: &app,
                company: &company,
                manager: &manager
                    .clone()
                    .unwrap_or_else(|| lang.users_nobody_manages().to_string()),
            }),
            RequestError::AlreadyPending {
                app,
                company,
                requester,
            } => lang.requests_already_pending(args::RequestsAlreadyPending {
                app: &app,
                company: &company,
                requester: &requester,
            }),
            RequestError::MessageTooLong { len } => {
                lang.requests_message_too_long(args::RequestsMessageTooLong {
                    len: &len,
                    max: &MAX_MESSAGE,
                })
            }
            RequestError::MessageControl => lang.requests_message_control().to_string(),
            RequestError::UnknownRequest(id) => lang.requests_unknown(id),
            RequestError::NotPending => lang.requests_not_pending().to_string(),
            RequestError::NotAuthor { author } => lang.requests_not_author(author),
        }
    }
}
