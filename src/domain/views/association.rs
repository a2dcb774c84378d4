//! "Utilisateur associé": who manages a connection as the acting user sees it, since
//! when, and whether they may take it over (or why not).

use crate::domain::access::queries::visible_connection;
use crate::domain::commands::{plan_get, Env, GetPlan};
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState, Timestamp, UserId};

/// What the acting user may do about who manages a connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TakeOver {
    /// They manage it themselves.
    NotNeeded,
    /// Someone else manages it, and they may take it over.
    Offered,
    /// Someone else manages it, and they may not take it over: why, and who may.
    Refused(DomainError),
}

/// The line "Utilisateur associé" of a connection's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Association {
    /// Who manages it; `None`: nobody ("Sans gestionnaire").
    pub manager: Option<UserId>,
    pub is_actor: bool,
    /// Since when its manager has managed it.
    pub since: Timestamp,
    pub take_over: TakeOver,
}

/// The association of `app` at `company` as `actor` sees it; `None` when there is no such
/// connection or `actor` may not see that company.
pub fn association(
    state: &ProductState,
    env: &Env,
    actor: &UserId,
    app: &AppId,
    company: &CompanyId,
) -> Option<Association> {
    let conn = visible_connection(state, actor, app, company)?;
    let is_actor = conn.is_managed_by(actor);
    let take_over = if is_actor {
        TakeOver::NotNeeded
    } else {
        match plan_get(state, env, actor, app, company) {
            Ok(GetPlan::TakeOver { .. }) => TakeOver::Offered,
            Ok(GetPlan::New { .. }) | Err(DomainError::AlreadyManaged { .. }) => {
                TakeOver::NotNeeded
            }
            Err(e) => TakeOver::Refused(e),
        }
    };
    Some(Association {
        manager: conn.manager.clone(),
        is_actor,
        since: conn.managed_since(),
        take_over,
    })
}
