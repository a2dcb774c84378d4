//! Requests for an app ("Demander l'appli"): who may not connect or install an app
//! somewhere asks those who may. A request is pending until its author withdraws it or
//! someone who may connect the app there approves it (which connects it, managed by the
//! approver) or declines it (with an optional reason). At most one request is pending per
//! app and company, and none for an app already there. Each step is journaled; the
//! author sees the outcome once (`unseen`), then it stays in the list.

pub mod check;

use crate::domain::access::permissions::{self, can_access, Action};
use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, Company, CompanyId, ProductState, Role, User, UserId};
use crate::domain::text::{char_len, has_bidi_control};

pub use crate::domain::model::request::{
    AppRequest, RequestError, Status, MAX_KEPT_READ, MAX_MESSAGE, REQUESTS_KEPT,
};

/// Checks a typed message or reason: at most [`MAX_MESSAGE`] characters, no control
/// characters but line breaks, no direction controls.
pub fn check_text(text: &str) -> Result<(), RequestError> {
    let len = char_len(text);
    if len > MAX_MESSAGE {
        return Err(RequestError::MessageTooLong { len });
    }
    if text.chars().any(|c| c.is_control() && c != '\n') || has_bidi_control(text) {
        return Err(RequestError::MessageControl);
    }
    Ok(())
}

/// Whether `user` may ask for an app at `company`: when they may not connect it there
/// themselves, and either may see the company (a standard user) or may connect apps
/// but not there (an admin and a client they may not access).
pub fn may_request(
    state: &ProductState,
    user: &User,
    company: &Company,
    app_name: &str,
) -> Result<(), DomainError> {
    if permissions::check(state, user, Action::Get, company).is_ok() {
        return Err(RequestError::MayGetIt {
            app: app_name.to_string(),
            company: company.name.clone(),
        }
        .into());
    }
    if user.role == Role::Standard && !can_access(user, company) {
        return permissions::check(state, user, Action::Request, company);
    }
    // An admin asking for a client they may not access: the role allows asking anywhere.
    Ok(())
}

/// Where `actor` may ask for apps: the companies they may not connect apps to.
pub fn targets<'s>(state: &'s ProductState, actor: &UserId) -> Vec<&'s Company> {
    let Some(user) = state.user(actor) else {
        return Vec::new();
    };
    state
        .companies
        .iter()
        .filter(|c| state.connection_target(c))
        .filter(|c| may_request(state, user, c, "").is_ok())
        .collect()
}

/// Whether `actor` may approve or decline `request`: the rights of connecting it there.
pub fn may_decide(state: &ProductState, actor: &UserId, request: &AppRequest) -> bool {
    permissions::check_ids(state, actor, Action::Get, &request.company).is_ok()
}

/// The requests `actor` sees, newest first: their own, and those they may decide.
pub fn visible<'s>(state: &'s ProductState, actor: &UserId) -> Vec<&'s AppRequest> {
    state
        .requests
        .iter()
        .rev()
        .filter(|r| &r.requester == actor || may_decide(state, actor, r))
        .collect()
}

/// `actor`'s own requests decided since they last looked: the notice tells them.
pub fn unseen<'s>(state: &'s ProductState, actor: &UserId) -> Vec<&'s AppRequest> {
    state
        .requests
        .iter()
        .filter(|r| &r.requester == actor && !r.seen)
        .filter(|r| matches!(r.status, Status::Approved { .. } | Status::Declined { .. }))
        .collect()
}

/// The pending request for `app` at `company`, if any.
pub fn pending<'s>(
    state: &'s ProductState,
    app: &AppId,
    company: &CompanyId,
) -> Option<&'s AppRequest> {
    state
        .requests
        .iter()
        .find(|r| r.status.is_pending() && &r.app == app && &r.company == company)
}

/// Checks a new request without storing it.
pub fn check(
    state: &ProductState,
    catalogue: &Catalogue,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    message: &str,
) -> Result<(), DomainError> {
    let user = state
        .user(actor)
        .ok_or_else(|| DomainError::UnknownUser(actor.to_string()))?;
    let def = catalogue
        .app(app)
        .filter(|d| d.supports(state.product))
        .ok_or_else(|| DomainError::UnknownApp(app.to_string()))?;
    let target = state
        .company(company)
        .filter(|c| state.connection_target(c))
        .ok_or_else(|| DomainError::UnknownCompany(company.to_string()))?;
    may_request(state, user, target, &def.name)?;
    if let Some(c) = state.connection(app, company) {
        return Err(RequestError::AlreadyThere {
            app: def.name.clone(),
            company: target.name.clone(),
            manager: c.manager.as_ref().map(|m| state.user_name(m).to_string()),
        }
        .into());
    }
    if let Some(r) = pending(state, app, company) {
        return Err(RequestError::AlreadyPending {
            app: def.name.clone(),
            company: target.name.clone(),
            requester: state.user_name(&r.requester).to_string(),
        }
        .into());
    }
    check_text(message)?;
    Ok(())
}

/// The notice's sentence for one decided request: "Claire Martin a approuvé votre
/// demande de Paie Facile pour Boulangerie Martin."
pub fn outcome_sentence(
    state: &ProductState,
    app_name: &str,
    r: &AppRequest,
    lang: Lang,
) -> String {
    let company = state.company_name(&r.company);
    match &r.status {
        Status::Approved { by, .. } => {
            lang.requests_notice_approved(args::RequestsNoticeApproved {
                app: &app_name,
                company: &company,
                user: &state.user_name(by),
            })
        }
        Status::Declined { by, reason, .. } if reason.is_empty() => {
            lang.requests_notice_declined(args::RequestsNoticeDeclined {
                app: &app_name,
                company: &company,
                user: &state.user_name(by),
            })
        }
        Status::Declined { by, reason, .. } => {
            lang.requests_notice_declined_reason(args::RequestsNoticeDeclinedReason {
                app: &app_name,
                company: &company,
                reason: &reason,
                user: &state.user_name(by),
            })
        }
        Status::Pending | Status::Withdrawn { .. } => String::new(),
    }
}
