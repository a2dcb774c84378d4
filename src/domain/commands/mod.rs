//! Commands: every change to a product's state goes through [`apply`], which checks the
//! actor's rights and the command's validity first and changes nothing when it refuses.
//! A success changes the state and appends exactly one journal entry per action on an
//! app's connection (a reset restores the demo data, journal included; Lancer and the
//! demo's clock are not such actions, and write none).
//!
//! Every date a command writes is the demo's (`clock::now`): `Env.now` is the real time.

pub mod batch;
pub mod handover;

use std::collections::BTreeMap;

use crate::domain::access::permissions::{self, Action};
use crate::domain::catalogue::product::GetKind;
use crate::domain::catalogue::{AppDef, Catalogue};
use crate::domain::data::demo;
use crate::domain::disconnection::receipt;
use crate::domain::forms::questionnaire::Answers;
use crate::domain::forms::settings::{self, SettingValue};
use crate::domain::health;
use crate::domain::health::clock;
use crate::domain::health::suspension;
use crate::domain::i18n::Lang;
use crate::domain::journal::{next_seq, record, Event, SettingChange};
use crate::domain::model::error::DomainError;
use crate::domain::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, Product, ProductState, Timestamp, User,
    UserId,
};
use crate::domain::requests;
use batch::BatchItem;

/// What the world gives a command: the catalogue and the real time (the demo's time is
/// derived from it and the state, by `clock::now`).
#[derive(Clone, Copy, Debug)]
pub struct Env<'a> {
    pub catalogue: &'a Catalogue,
    pub now: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// "Obtenir l'appli": connects (QuickBooks) or installs (Expert-Comptable) the app for
    /// the company; when it is already there and managed by someone else, takes over its
    /// management.
    Get { app: AppId, company: CompanyId },
    /// Replaces the connection's settings with these values.
    UpdateSettings {
        app: AppId,
        company: CompanyId,
        values: BTreeMap<String, SettingValue>,
    },
    /// Disconnects the app from the company, with the questionnaire's answers.
    Disconnect {
        app: AppId,
        company: CompanyId,
        answers: Answers,
    },
    /// Restores the demo data. Open to every role: it is the demo's own control, not a
    /// QuickBooks action.
    Reset,
    /// Several commands at once (a handover, a bulk install or disconnection), each
    /// checked and journaled as if alone; a refusal never blocks the others, and the
    /// whole is saved once. See `batch`.
    Batch(Vec<Command>),
    /// Connects or installs a new connection with these settings (a bulk install's,
    /// filled once): journaled as the connection, then the settings change.
    GetWithSettings {
        app: AppId,
        company: CompanyId,
        values: BTreeMap<String, SettingValue>,
    },
    /// "Lancer": opens the app, which counts as using its connection; refused once the
    /// connection has expired. Not journaled: the journal records what changes who may
    /// use an app and how, and opening it changes neither.
    Launch { app: AppId, company: CompanyId },
    /// "Reconnecter": renews the connection for the acting user; when someone else
    /// managed it, that is a take-over (journaled as the transfer).
    Reconnect { app: AppId, company: CompanyId },
    /// "Avancer de 30 jours": moves the demo's clock ahead. Open to every role, like the
    /// reset, and not journaled: it is the demo's control, not an action on an app, and
    /// the journal's dates already show it.
    AdvanceClock { days: u32 },
    /// "Suspendre": the connection stays but the app stops working (see `suspend`).
    Suspend { app: AppId, company: CompanyId },
    /// "Réactiver" a suspended connection.
    Reactivate { app: AppId, company: CompanyId },
    /// "Envoyer la demande": asks for an app where the actor may not get it (see
    /// `request`).
    Request {
        app: AppId,
        company: CompanyId,
        message: String,
    },
    /// "Approuver": connects or installs the requested app, managed by the approver.
    ApproveRequest { id: u64 },
    /// "Refuser", with an optional reason.
    DeclineRequest { id: u64, reason: String },
    /// "Retirer la demande": its author only.
    WithdrawRequest { id: u64 },
    /// The author has seen the outcomes of their requests. Not journaled.
    AcknowledgeRequests,
}

impl Command {
    /// The app and company the command acts on; `None` for a reset or a batch.
    pub fn target(&self) -> Option<(&AppId, &CompanyId)> {
        match self {
            Command::Get { app, company }
            | Command::UpdateSettings { app, company, .. }
            | Command::Disconnect { app, company, .. }
            | Command::GetWithSettings { app, company, .. }
            | Command::Launch { app, company }
            | Command::Reconnect { app, company }
            | Command::Suspend { app, company }
            | Command::Reactivate { app, company }
            | Command::Request { app, company, .. } => Some((app, company)),
            Command::Reset
            | Command::Batch(_)
            | Command::AdvanceClock { .. }
            | Command::ApproveRequest { .. }
            | Command::DeclineRequest { .. }
            | Command::WithdrawRequest { .. }
            | Command::AcknowledgeRequests => None,
        }
    }
}

/// What a successful command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The app is connected (QuickBooks) or installed (Expert-Comptable): `kind` says which.
    Added {
        app: AppId,
        company: CompanyId,
        kind: GetKind,
    },
    Transferred {
        app: AppId,
        company: CompanyId,
        from: UserId,
        to: UserId,
    },
    SettingsSaved {
        app: AppId,
        company: CompanyId,
        changes: Vec<SettingChange>,
    },
    Disconnected {
        app: AppId,
        company: CompanyId,
    },
    Reset,
    /// What each command of a batch did, in order; at least one succeeded.
    Batch(Vec<BatchItem>),
    /// The app was opened (and its connection's use recorded).
    Launched {
        app: AppId,
        company: CompanyId,
    },
    /// The connection was renewed; `from` is who managed it when it was taken over.
    Reconnected {
        app: AppId,
        company: CompanyId,
        from: Option<UserId>,
    },
    Suspended {
        app: AppId,
        company: CompanyId,
    },
    Reactivated {
        app: AppId,
        company: CompanyId,
    },
    Requested {
        app: AppId,
        company: CompanyId,
    },
    /// The requested app is connected or installed, managed by the approver.
    RequestApproved {
        app: AppId,
        company: CompanyId,
        kind: GetKind,
        requester: UserId,
    },
    RequestDeclined {
        app: AppId,
        company: CompanyId,
    },
    RequestWithdrawn {
        app: AppId,
        company: CompanyId,
    },
    Acknowledged,
    /// The demo's clock moved `days` ahead; `now` is its new time.
    ClockAdvanced {
        days: u32,
        now: Timestamp,
    },
}

impl Outcome {
    /// The sentence the status message reads after the command, in `lang`.
    pub fn message(&self, state: &ProductState, catalogue: &Catalogue, lang: Lang) -> String {
        let app_name = |app: &AppId| catalogue.app_name(app).to_string();
        let company_name = |company: &CompanyId| state.company_name(company).to_string();
        match self {
            Outcome::Added { app, company, kind } => {
                lang.outcome_added(app_name(app), company_name(company), kind.done_at(lang))
            }
            Outcome::Transferred {
                app,
                company,
                from,
                to,
            } => lang.outcome_transferred(
                app_name(app),
                company_name(company),
                state.user_name(from),
                state.user_name(to),
            ),
            Outcome::SettingsSaved { app, changes, .. } => {
                let n = changes.len();
                if lang.is_plural(n) {
                    lang.outcome_settings_saved_many(app_name(app), n)
                } else {
                    lang.outcome_settings_saved_one(app_name(app), n)
                }
            }
            Outcome::Disconnected { app, company } => {
                lang.outcome_disconnected(app_name(app), company_name(company))
            }
            Outcome::Reset => lang.outcome_reset().into(),
            Outcome::Batch(items) => batch::summary(items, lang),
            Outcome::Launched { app, company } => {
                lang.outcome_launched(app_name(app), company_name(company))
            }
            Outcome::Reconnected {
                app,
                company,
                from: None,
            } => lang.outcome_reconnected(
                app_name(app),
                company_name(company),
                health::LIFETIME_DAYS,
            ),
            Outcome::Reconnected {
                app,
                company,
                from: Some(from),
            } => lang.outcome_reconnected_from(
                app_name(app),
                company_name(company),
                state.user_name(from),
            ),
            Outcome::Suspended { app, company } => {
                lang.requests_done_suspended(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::Reactivated { app, company } => {
                lang.requests_done_reactivated(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::Requested { app, company } => {
                lang.requests_done_requested(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::RequestApproved {
                app,
                company,
                kind,
                requester,
            } => lang.requests_done_approved(
                catalogue.app_name(app),
                state.company_name(company),
                kind.done_at(lang),
                state.user_name(requester),
            ),
            Outcome::RequestDeclined { app, company } => {
                lang.requests_done_declined(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::RequestWithdrawn { app, company } => {
                lang.requests_done_withdrawn(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::Acknowledged => String::new(),
            Outcome::ClockAdvanced { days, .. } => {
                if lang.is_plural(*days as usize) {
                    lang.outcome_clock_many(days)
                } else {
                    lang.outcome_clock_one(days)
                }
            }
        }
    }
}

/// What "Obtenir l'appli" would do, so that a dialog can say it before the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GetPlan {
    /// A new connection, connected or installed as the product does.
    New { kind: GetKind },
    /// Take over the management from this user.
    TakeOver { from: UserId },
}

fn actor<'s>(state: &'s ProductState, id: &UserId) -> Result<&'s User, DomainError> {
    state
        .user(id)
        .ok_or_else(|| DomainError::UnknownUser(id.to_string()))
}

fn app<'c>(env: &Env<'c>, product: Product, id: &AppId) -> Result<&'c AppDef, DomainError> {
    let def = env
        .catalogue
        .app(id)
        .ok_or_else(|| DomainError::UnknownApp(id.to_string()))?;
    if def.supports(product) {
        Ok(def)
    } else {
        Err(DomainError::AppNotAvailable {
            app: def.name.clone(),
            product,
        })
    }
}

/// The company an app can be connected to in this product: the business (QuickBooks), or
/// the firm or one of its clients (Expert-Comptable).
fn target<'s>(state: &'s ProductState, id: &CompanyId) -> Result<&'s Company, DomainError> {
    state
        .company(id)
        .filter(|c| match state.product {
            Product::QuickBooks => c.kind == CompanyKind::Business,
            Product::ExpertComptable => matches!(c.kind, CompanyKind::Firm | CompanyKind::Client),
        })
        .ok_or_else(|| DomainError::UnknownCompany(id.to_string()))
}

/// Where the app (`name` for the refusal) is connected to `company`.
fn connection_index(
    state: &ProductState,
    app: &AppId,
    name: &str,
    company: &Company,
) -> Result<usize, DomainError> {
    state
        .connections
        .iter()
        .position(|c| &c.app == app && c.company == company.id)
        .ok_or_else(|| DomainError::NotConnected {
            app: name.to_string(),
            company: company.name.clone(),
        })
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
        Some(existing) if &existing.manager == actor_id => {
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

/// Applies one command. On `Err`, `state` is exactly as it was.
pub fn apply(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    command: &Command,
) -> Result<Outcome, DomainError> {
    // The dates an action writes are the demo's.
    let demo = &Env {
        now: clock::now(state, env.now),
        ..*env
    };
    let (outcome, event) = match command {
        Command::Reset => {
            *state = demo::state(state.product, env.catalogue, env.now);
            return Ok(Outcome::Reset);
        }
        // Each of their commands goes through `apply`, which reads the demo's clock: they
        // take the real time.
        Command::Batch(commands) => return batch::apply_all(state, env, actor_id, commands),
        Command::GetWithSettings {
            app,
            company,
            values,
        } => return batch::get_with_settings(state, env, actor_id, (app, company), values),
        Command::AdvanceClock { days } => {
            clock::advance(state, *days)?;
            let now = clock::now(state, env.now);
            return Ok(Outcome::ClockAdvanced { days: *days, now });
        }
        Command::Launch { app, company } => return launch(state, demo, actor_id, (app, company)),
        Command::Request {
            app,
            company,
            message,
        } => return requests::create(state, demo, actor_id, (app, company), message),
        Command::ApproveRequest { id } => return requests::approve(state, env, actor_id, *id),
        Command::DeclineRequest { id, reason } => {
            return requests::decline(state, demo, actor_id, *id, reason)
        }
        Command::WithdrawRequest { id } => return requests::withdraw(state, demo, actor_id, *id),
        Command::AcknowledgeRequests => return Ok(requests::acknowledge(state, actor_id)),
        Command::Suspend { app, company } => {
            suspension::set(state, demo, actor_id, (app, company), true)?
        }
        Command::Reactivate { app, company } => {
            suspension::set(state, demo, actor_id, (app, company), false)?
        }
        Command::Get { app, company } => get(state, demo, actor_id, app, company)?,
        Command::UpdateSettings {
            app,
            company,
            values,
        } => update_settings(state, demo, actor_id, (app, company), values)?,
        Command::Disconnect {
            app,
            company,
            answers,
        } => disconnect(state, demo, actor_id, (app, company), answers)?,
        Command::Reconnect { app, company } => reconnect(state, demo, actor_id, (app, company))?,
    };
    if let Some(target) = command.target() {
        record(state, demo.now, actor_id, target, event);
    }
    Ok(outcome)
}

/// "Obtenir l'appli": a new connection, or a take-over of someone else's.
fn get(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    app_id: &AppId,
    company: &CompanyId,
) -> Result<(Outcome, Event), DomainError> {
    match plan_get(state, env, actor_id, app_id, company)? {
        GetPlan::TakeOver { from } => {
            if let Some(c) = state
                .connections
                .iter_mut()
                .find(|c| &c.app == app_id && &c.company == company)
            {
                c.manager = actor_id.clone();
                // Never before the connection: a command applied again after another
                // tab's, or a clock set back, may carry an earlier time.
                c.transferred = Some(env.now.max(c.since));
                // Taking over renews the connection for its new manager.
                c.last_used = Some(env.now.max(c.since));
            }
            let event = Event::Transfer {
                from: from.clone(),
                to: actor_id.clone(),
            };
            let outcome = Outcome::Transferred {
                app: app_id.clone(),
                company: company.clone(),
                from,
                to: actor_id.clone(),
            };
            Ok((outcome, event))
        }
        GetPlan::New { kind } => {
            let def = app(env, state.product, app_id)?;
            state.connections.push(Connection {
                app: app_id.clone(),
                company: company.clone(),
                manager: actor_id.clone(),
                since: env.now,
                transferred: None,
                settings: settings::defaults(&def.settings),
                last_used: None,
                suspended: None,
            });
            let outcome = Outcome::Added {
                app: app_id.clone(),
                company: company.clone(),
                kind,
            };
            Ok((outcome, kind.event()))
        }
    }
}

/// Replaces a connection's settings with valid values that change at least one.
fn update_settings(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (app_id, company_id): (&AppId, &CompanyId),
    values: &BTreeMap<String, SettingValue>,
) -> Result<(Outcome, Event), DomainError> {
    let user = actor(state, actor_id)?;
    let def = app(env, state.product, app_id)?;
    let company = target(state, company_id)?;
    // Rights first: whether an app is connected to a client the user cannot access is
    // not theirs to learn.
    permissions::check(state, user, Action::ChangeSettings, company)?;
    let index = connection_index(state, &def.id, &def.name, company)?;
    settings::validate_input(&def.settings, values).map_err(DomainError::InvalidSettings)?;
    let changes = changed_settings(def, &state.connections[index].settings, values);
    if changes.is_empty() {
        return Err(DomainError::NoChange);
    }
    let conn = &mut state.connections[index];
    conn.settings = values.clone();
    // Saving settings uses the connection.
    conn.last_used = Some(env.now.max(conn.since));
    let outcome = Outcome::SettingsSaved {
        app: app_id.clone(),
        company: company_id.clone(),
        changes: changes.clone(),
    };
    Ok((outcome, Event::SettingsChange { changes }))
}

/// The settings of `def` whose value in `values` differs from `current`, in the app's
/// order.
fn changed_settings(
    def: &AppDef,
    current: &BTreeMap<String, SettingValue>,
    values: &BTreeMap<String, SettingValue>,
) -> Vec<SettingChange> {
    def.settings
        .iter()
        .filter_map(|s| {
            let to = values.get(&s.key)?;
            let from = current.get(&s.key);
            (from != Some(to)).then(|| SettingChange {
                key: s.key.clone(),
                from: from.cloned(),
                to: to.clone(),
            })
        })
        .collect()
}

/// Removes a connection, with the questionnaire's valid answers.
fn disconnect(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (app_id, company_id): (&AppId, &CompanyId),
    answers: &Answers,
) -> Result<(Outcome, Event), DomainError> {
    let user = actor(state, actor_id)?;
    // An app that has left the catalogue (or this product) since it was connected can
    // still be disconnected where it is connected.
    let name = match app(env, state.product, app_id) {
        Ok(def) => def.name.clone(),
        Err(_) if state.connections.iter().any(|c| &c.app == app_id) => app_id.to_string(),
        Err(e) => return Err(e),
    };
    let company = target(state, company_id)?;
    // Rights first: whether an app is connected to a client the user cannot access is
    // not theirs to learn.
    permissions::check(state, user, Action::Disconnect, company)?;
    let index = connection_index(state, app_id, &name, company)?;
    let answers = answers.validate().map_err(DomainError::Questionnaire)?;
    let removed = state.connections.remove(index);
    // Numbered as the journal entry `apply` writes next.
    let id = next_seq(state);
    let mut made = receipt::make(env.catalogue, &removed, actor_id, &answers, env.now);
    made.also_at = state
        .connections
        .iter()
        .filter(|c| &c.app == app_id)
        .map(|c| c.company.clone())
        .collect();
    receipt::keep(state, made, id);
    let outcome = Outcome::Disconnected {
        app: app_id.clone(),
        company: company_id.clone(),
    };
    Ok((outcome, Event::Disconnection { answers }))
}

/// What "Reconnecter" would do, so that its dialog can say it before the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReconnectPlan {
    /// The acting user manages it: the connection is renewed.
    Renew,
    /// Someone else manages it: reconnecting takes it over from them.
    TakeOver { from: UserId },
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
    if let Some(refusal) = suspension::refusal(state, env, app_id, company_id) {
        return Err(refusal);
    }
    let manager = &state.connections[index].manager;
    if manager == actor_id {
        return Ok(ReconnectPlan::Renew);
    }
    permissions::check(state, user, Action::TakeOver, company)?;
    Ok(ReconnectPlan::TakeOver {
        from: manager.clone(),
    })
}

/// Renews a connection for the acting user, taking it over when someone else managed it.
fn reconnect(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (app_id, company_id): (&AppId, &CompanyId),
) -> Result<(Outcome, Event), DomainError> {
    let plan = plan_reconnect(state, env, actor_id, app_id, company_id)?;
    let Some(c) = state
        .connections
        .iter_mut()
        .find(|c| &c.app == app_id && &c.company == company_id)
    else {
        return Err(DomainError::NotConnected {
            app: env.catalogue.app_name(app_id).to_string(),
            company: company_id.to_string(),
        });
    };
    let now = env.now.max(c.since);
    c.last_used = Some(now);
    let (from, event) = match plan {
        ReconnectPlan::Renew => (None, Event::Reconnection),
        ReconnectPlan::TakeOver { from } => {
            c.manager = actor_id.clone();
            c.transferred = Some(now);
            let event = Event::Transfer {
                from: from.clone(),
                to: actor_id.clone(),
            };
            (Some(from), event)
        }
    };
    let outcome = Outcome::Reconnected {
        app: app_id.clone(),
        company: company_id.clone(),
        from,
    };
    Ok((outcome, event))
}

/// "Lancer": anyone who may see the company opens the app, which records the use; an
/// expired connection opens nothing until it is reconnected.
fn launch(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (app_id, company_id): (&AppId, &CompanyId),
) -> Result<Outcome, DomainError> {
    let user = actor(state, actor_id)?;
    let company = target(state, company_id)?;
    let name = env.catalogue.app_name(app_id).to_string();
    if !permissions::can_access(user, company) {
        return Err(DomainError::ClientNotAccessible {
            client: company.name.clone(),
            allowed: Vec::new(),
        });
    }
    let index = connection_index(state, app_id, &name, company)?;
    if let Some(refusal) = suspension::refusal(state, env, app_id, company_id) {
        return Err(refusal);
    }
    let company_name = company.name.clone();
    let c = &mut state.connections[index];
    if health::at(c.last_use(), env.now).is_expired() {
        return Err(DomainError::Expired {
            app: name,
            company: company_name,
        });
    }
    c.last_used = Some(env.now.max(c.since));
    Ok(Outcome::Launched {
        app: app_id.clone(),
        company: company_id.clone(),
    })
}
