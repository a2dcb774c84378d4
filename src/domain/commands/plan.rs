//! What "Obtenir l'appli" and "Reconnecter" would do, checked without changing
//! anything, so that a dialog can say it before the user confirms.

use super::checks::{actor, app, connection_index, target};
use super::Env;

use crate::domain::access::permissions::{self, Action};
use crate::domain::catalogue::product::GetKind;
use crate::domain::health::suspension;
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

/// What "Obtenir l'appli" would do, so that a dialog can say it before the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GetPlan {
    /// A new connection, connected or installed as the product does.
    New { kind: GetKind },
    /// Take over the management from this user, or from nobody ("Sans gestionnaire").
    TakeOver { from: Option<UserId> },
}

/// Checks "Obtenir l'appli" without changing anything.
pub fn plan_get(
    state: &ProductState,
    env: &Env,
    actor_id: &UserId,
    app_id: &AppId,
    company_id: &CompanyId,
) -> Result<GetPlan, DomainError> {
    let user = actor(state, actor_id)?;
    let def = app(env, state.product, app_id)?;
    let company = target(state, company_id)?;
    match state.connection(app_id, company_id) {
        Some(existing) if existing.is_managed_by(actor_id) => {
            permissions::check(state, user, Action::Get, company)?;
            Err(DomainError::AlreadyManaged {
                app: def.name.clone(),
                company: company.name.clone(),
            })
        }
        Some(existing) => {
            // A take-over is refused with the take-over's rule, so that the refusal names
            // who may take over (in Expert-Comptable, only the primary admin), not who may
            // install.
            permissions::check(state, user, Action::TakeOver, company)?;
            permissions::check(state, user, Action::Get, company)?;
            Ok(GetPlan::TakeOver {
                from: existing.manager.clone(),
            })
        }
        None => {
            permissions::check(state, user, Action::Get, company)?;
            Ok(GetPlan::New {
                kind: state.product.get_kind(),
            })
        }
    }
}

/// The refusal of "Obtenir l'appli" that holds whatever the target: an unknown user, an
/// app this product does not offer, or a role that may not connect or install anywhere.
/// `None` when some target may be allowed (each target's own plan says which).
pub fn refusal_for_every_target(
    state: &ProductState,
    env: &Env,
    actor_id: &UserId,
    app_id: &AppId,
) -> Option<DomainError> {
    let user = match actor(state, actor_id) {
        Ok(u) => u,
        Err(e) => return Some(e),
    };
    if let Err(e) = app(env, state.product, app_id) {
        return Some(e);
    }
    if permissions::role_allows(state.product, user.role, Action::Get) {
        return None;
    }
    let home = state.home_company()?;
    permissions::check(state, user, Action::Get, home).err()
}

/// What "Reconnecter" would do, so that its dialog can say it before the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReconnectPlan {
    /// The acting user manages it: the connection is renewed.
    Renew,
    /// Someone else manages it, or nobody: reconnecting takes it over.
    TakeOver { from: Option<UserId> },
}

/// Checks "Reconnecter" without changing anything: the rights of connecting the app
/// there, and of taking it over when someone else manages it.
pub fn plan_reconnect(
    state: &ProductState,
    env: &Env,
    actor_id: &UserId,
    app_id: &AppId,
    company_id: &CompanyId,
) -> Result<ReconnectPlan, DomainError> {
    let user = actor(state, actor_id)?;
    let def = app(env, state.product, app_id)?;
    let company = target(state, company_id)?;
    // Rights first: whether an app is connected to a client the user cannot access is
    // not theirs to learn.
    permissions::check(state, user, Action::Get, company)?;
    let index = connection_index(state, app_id, &def.name, company)?;
    if let Some(refusal) = suspension::refusal(state, env.catalogue, app_id, company_id) {
        return Err(refusal);
    }
    let manager = &state.connections[index].manager;
    if manager.as_ref() == Some(actor_id) {
        return Ok(ReconnectPlan::Renew);
    }
    permissions::check(state, user, Action::TakeOver, company)?;
    Ok(ReconnectPlan::TakeOver {
        from: manager.clone(),
    })
}
