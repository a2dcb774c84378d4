//! Suspension ("Suspendre", "Réactiver"): the connection stays — its settings, manager
//! and history — but the app stops working until someone reactivates it. Those who may
//! disconnect may suspend and reactivate. Neither counts as use: the connection's
//! expiry still counts from its last real use (see `health`).

use serde::{Deserialize, Serialize};

use crate::domain::access::permissions::{self, Action};
use crate::domain::commands::{Env, Outcome};
use crate::domain::i18n::Lang;
use crate::domain::journal::Event;
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState, Timestamp, UserId};

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
                lang.requests_already_suspended(app, company)
            }
            SuspendError::NotSuspended { app, company } => {
                lang.requests_not_suspended(app, company)
            }
            SuspendError::Suspended { app, company } => lang.requests_is_suspended(app, company),
        }
    }
}

/// Suspends (`on`) or reactivates a connection; the rights of disconnecting it.
pub(crate) fn set(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (app_id, company_id): (&AppId, &CompanyId),
    on: bool,
) -> Result<(Outcome, Event), DomainError> {
    let user = state
        .user(actor_id)
        .ok_or_else(|| DomainError::UnknownUser(actor_id.to_string()))?;
    let company = state
        .company(company_id)
        .ok_or_else(|| DomainError::UnknownCompany(company_id.to_string()))?;
    // Rights first: whether an app is connected to a client the user cannot access is
    // not theirs to learn.
    permissions::check(state, user, Action::Suspend, company)?;
    let app = env.catalogue.app_name(app_id).to_string();
    let company_name = company.name.clone();
    let Some(c) = state
        .connections
        .iter_mut()
        .find(|c| &c.app == app_id && &c.company == company_id)
    else {
        return Err(DomainError::NotConnected {
            app,
            company: company_name,
        });
    };
    let names = || (app.clone(), company_name.clone());
    match (on, c.suspended.is_some()) {
        (true, true) => {
            let (app, company) = names();
            return Err(SuspendError::AlreadySuspended { app, company }.into());
        }
        (false, false) => {
            let (app, company) = names();
            return Err(SuspendError::NotSuspended { app, company }.into());
        }
        _ => {}
    }
    // `last_used` is left alone: a suspension is not a use.
    c.suspended = on.then(|| Suspension {
        by: actor_id.clone(),
        at: env.now,
    });
    let (app, company) = (app_id.clone(), company_id.clone());
    Ok(if on {
        (Outcome::Suspended { app, company }, Event::Suspension)
    } else {
        (Outcome::Reactivated { app, company }, Event::Reactivation)
    })
}

/// The refusal of opening or reconnecting a suspended connection, `None` when it is not.
pub fn refusal(
    state: &ProductState,
    env: &Env,
    app: &AppId,
    company: &CompanyId,
) -> Option<DomainError> {
    let c = state.connection(app, company)?;
    c.suspended.as_ref()?;
    Some(
        SuspendError::Suspended {
            app: env.catalogue.app_name(app).to_string(),
            company: state.company_name(company).to_string(),
        }
        .into(),
    )
}
