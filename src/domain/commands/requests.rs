//! The handlers of requests ("Envoyer la demande", "Approuver", "Refuser", "Retirer la
//! demande"): each checks with the rules of `requests`, changes the state and journals
//! the step.

use super::{apply, plan_get, Command, Env, GetPlan, Outcome};
use crate::domain::access::permissions::{self, Action};
use crate::domain::health::clock;
use crate::domain::journal::{record, Event};
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};
use crate::domain::requests::{check, check_text, AppRequest, RequestError, Status, REQUESTS_KEPT};

/// Stores a new request (see `check`) and journals it.
pub(crate) fn create(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    message: &str,
) -> Result<Outcome, DomainError> {
    check(state, env.catalogue, actor, (app, company), message)?;
    let id = state.requests.iter().map(|r| r.id).max().unwrap_or(0) + 1;
    state.requests.push(AppRequest {
        id,
        app: app.clone(),
        company: company.clone(),
        requester: actor.clone(),
        at: env.now,
        message: message.to_string(),
        status: Status::Pending,
        seen: false,
    });
    prune(state);
    let event = Event::Request {
        request: id,
        message: message.to_string(),
    };
    record(state, env.now, actor, (app, company), event);
    Ok(Outcome::Requested {
        app: app.clone(),
        company: company.clone(),
    })
}

/// Drops the oldest decided requests past [`REQUESTS_KEPT`]; pending ones stay.
fn prune(state: &mut ProductState) {
    let mut extra = state.requests.len().saturating_sub(REQUESTS_KEPT);
    state.requests.retain(|r| {
        if extra > 0 && !r.status.is_pending() {
            extra -= 1;
            false
        } else {
            true
        }
    });
}

fn index_pending(state: &ProductState, id: u64) -> Result<usize, DomainError> {
    let i = state
        .requests
        .iter()
        .position(|r| r.id == id)
        .ok_or(RequestError::UnknownRequest(id))?;
    if !state.requests[i].status.is_pending() {
        return Err(RequestError::NotPending.into());
    }
    Ok(i)
}

/// Approves a pending request: connects or installs the app there with the rules of
/// "Obtenir l'appli" (a new connection only), managed by the approver.
pub(crate) fn approve(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    id: u64,
) -> Result<Outcome, DomainError> {
    let i = index_pending(state, id)?;
    let r = state.requests[i].clone();
    // `env` is the real time: `apply` below reads the demo's clock itself.
    let now = clock::now(state, env.now);
    match plan_get(state, env, actor, &r.app, &r.company)? {
        GetPlan::New { .. } => {}
        GetPlan::TakeOver { .. } => {
            return Err(DomainError::AlreadyThere {
                app: env.catalogue.app_name(&r.app).to_string(),
                company: state.company_name(&r.company).to_string(),
                kind: state.product.get_kind(),
            })
        }
    }
    let get = Command::Get {
        app: r.app.clone(),
        company: r.company.clone(),
    };
    let Outcome::Added { kind, .. } = apply(state, env, actor, &get)? else {
        return Err(DomainError::NoChange);
    };
    state.requests[i].status = Status::Approved {
        by: actor.clone(),
        at: now,
    };
    let event = Event::RequestApproval {
        request: id,
        requester: r.requester.clone(),
    };
    record(state, now, actor, (&r.app, &r.company), event);
    Ok(Outcome::RequestApproved {
        app: r.app,
        company: r.company,
        kind,
        requester: r.requester,
    })
}

/// Declines a pending request, with an optional reason; the rights of connecting there.
pub(crate) fn decline(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    id: u64,
    reason: &str,
) -> Result<Outcome, DomainError> {
    let i = index_pending(state, id)?;
    permissions::check_ids(state, actor, Action::Get, &state.requests[i].company)?;
    check_text(reason)?;
    let r = &mut state.requests[i];
    r.status = Status::Declined {
        by: actor.clone(),
        at: env.now,
        reason: reason.to_string(),
    };
    let (app, company, requester) = (r.app.clone(), r.company.clone(), r.requester.clone());
    let event = Event::RequestRefusal {
        request: id,
        requester,
        reason: reason.to_string(),
    };
    record(state, env.now, actor, (&app, &company), event);
    Ok(Outcome::RequestDeclined { app, company })
}

/// Withdraws a pending request: its author only.
pub(crate) fn withdraw(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    id: u64,
) -> Result<Outcome, DomainError> {
    let i = index_pending(state, id)?;
    let r = &mut state.requests[i];
    if &r.requester != actor {
        let author = r.requester.clone();
        return Err(RequestError::NotAuthor {
            author: state.user_name(&author).to_string(),
        }
        .into());
    }
    let (app, company) = mark_withdrawn(state, env, actor, i);
    Ok(Outcome::RequestWithdrawn { app, company })
}

/// Withdraws the `i`th request, as `actor`, and journals it; returns its target.
pub(super) fn mark_withdrawn(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    i: usize,
) -> (AppId, CompanyId) {
    let r = &mut state.requests[i];
    r.status = Status::Withdrawn { at: env.now };
    r.seen = true;
    let (request, app, company) = (r.id, r.app.clone(), r.company.clone());
    let event = Event::RequestWithdrawal { request };
    record(state, env.now, actor, (&app, &company), event);
    (app, company)
}

/// Marks `actor`'s decided requests as seen (the notice was shown). Not journaled.
pub(crate) fn acknowledge(state: &mut ProductState, actor: &UserId) -> Outcome {
    for r in state.requests.iter_mut() {
        if &r.requester == actor && !r.status.is_pending() {
            r.seen = true;
        }
    }
    Outcome::Acknowledged
}
