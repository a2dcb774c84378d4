//! A suspended connection's record, and the refusals of suspending (the rules live in
//! `health::suspension` and `commands`).

use serde::{Deserialize, Serialize};

use super::ids::{Timestamp, UserId};
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;

/// Who suspended a connection, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    pub by: UserId,
    pub at: Timestamp,
}

/// A suspension's refusals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuspendError {
    AlreadySuspended {
        app: String,
        company: String,
    },
    NotSuspended {
        app: String,
        company: String,
    },
    /// Lancer or Reconnecter on a suspended connection.
    Suspended {
        app: String,
        company: String,
    },
}

impl SuspendError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SuspendError::AlreadySuspended { app, company } => {
                lang.requests_already_suspended(args::RequestsAlreadySuspended {
                    app: &app,
                    company: &company,
                })
            }
            SuspendError::NotSuspended { app, company } => {
                lang.requests_not_suspended(args::RequestsNotSuspended {
                    app: &app,
                    company: &company,
                })
            }
            SuspendError::Suspended { app, company } => {
                lang.requests_is_suspended(args::RequestsIsSuspended {
                    app: &app,
                    company: &company,
                })
            }
        }
    }
}
