//! Requests for an app ("Demander l'appli"): who may not connect or install an app
//! somewhere asks those who may. A request is pending until its author withdraws it or
//! someone who may connect the app there approves it (which connects it, managed by the
//! approver) or declines it (with an optional reason). At most one request is pending per
//! app and company, and none for an app already there. Each step is journaled; the
//! author sees the outcome once (`unseen`), then it stays in the list.

pub mod check;

use serde::{Deserialize, Serialize};

use crate::domain::access::permissions::{self, can_access, Action};
use crate::domain::commands::{apply, plan_get, Command, Env, GetPlan, Outcome};
use crate::domain::health::clock;
use crate::domain::i18n::Lang;
use crate::domain::journal::{record, Event};
use crate::domain::model::error::DomainError;
use crate::domain::model::{
    AppId, Company, CompanyId, ProductState, Role, Timestamp, User, UserId,
};
use crate::domain::text::{char_len, has_bidi_control};

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
            Status::Approved { by, .. } => lang.requests_status_approved(state.user_name(by)),
            Status::Declined { by, .. } => lang.requests_status_declined(state.user_name(by)),
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
        manager: String,
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
            RequestError::MayGetIt { app, company } => lang.requests_may_get_it(app, company),
            RequestError::AlreadyThere {
                app,
                company,
                manager,
            } => lang.requests_already_there(app, company, manager),
            RequestError::AlreadyPending {
                app,
                company,
                requester,
            } => lang.requests_already_pending(app, company, requester),
            RequestError::MessageTooLong { len } => {
                lang.requests_message_too_long(len, MAX_MESSAGE)
            }
            RequestError::MessageControl => lang.requests_message_control().to_string(),
            RequestError::UnknownRequest(id) => lang.requests_unknown(id),
            RequestError::NotPending => lang.requests_not_pending().to_string(),
            RequestError::NotAuthor { author } => lang.requests_not_author(author),
        }
    }
}

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
    env: &Env,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    message: &str,
) -> Result<(), DomainError> {
    let user = state
        .user(actor)
        .ok_or_else(|| DomainError::UnknownUser(actor.to_string()))?;
    let def = env
        .catalogue
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
            manager: state.user_name(&c.manager).to_string(),
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

/// Stores a new request (see `check`) and journals it.
pub(crate) fn create(
    state: &mut ProductState,
    env: &Env,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    message: &str,
) -> Result<Outcome, DomainError> {
    check(state, env, actor, (app, company), message)?;
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
    r.status = Status::Withdrawn { at: env.now };
    r.seen = true;
    let (app, company) = (r.app.clone(), r.company.clone());
    record(
        state,
        env.now,
        actor,
        (&app, &company),
        Event::RequestWithdrawal { request: id },
    );
    Ok(Outcome::RequestWithdrawn { app, company })
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
            lang.requests_notice_approved(app_name, company, state.user_name(by))
        }
        Status::Declined { by, reason, .. } if reason.is_empty() => {
            lang.requests_notice_declined(app_name, company, state.user_name(by))
        }
        Status::Declined { by, reason, .. } => {
            lang.requests_notice_declined_reason(app_name, company, reason, state.user_name(by))
        }
        Status::Pending | Status::Withdrawn { .. } => String::new(),
    }
}
