//! "Suspendre" and "Réactiver": the handler that sets or clears a connection's
//! suspension (the rule that refuses using a suspended connection is in
//! `health::suspension`).

use super::{Env, Outcome};
use crate::domain::access::permissions::{self, Action};
use crate::domain::journal::Event;
use crate::domain::model::error::DomainError;
use crate::domain::model::suspension::{SuspendError, Suspension};
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

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
