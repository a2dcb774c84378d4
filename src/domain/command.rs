//! Commands: every change to a product's state goes through [`apply`], which checks the
//! actor's rights and the command's validity first and changes nothing when it refuses.
//! A success changes the state and appends exactly one journal entry (a reset restores
//! the demo data, journal included).

use std::collections::BTreeMap;

use super::catalogue::{AppDef, Catalogue};
use super::demo;
use super::error::DomainError;
use super::journal::{Event, JournalEntry, SettingChange};
use super::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, Product, ProductState, Timestamp, User,
    UserId,
};
use super::permissions::{self, Action};
use super::questionnaire::Answers;
use super::settings::{self, SettingValue};

/// What the world gives a command: the catalogue and the time.
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
}

impl Command {
    /// The app and company the command acts on; `None` for a reset.
    pub fn target(&self) -> Option<(&AppId, &CompanyId)> {
        match self {
            Command::Get { app, company }
            | Command::UpdateSettings { app, company, .. }
            | Command::Disconnect { app, company, .. } => Some((app, company)),
            Command::Reset => None,
        }
    }
}

/// What a successful command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Connected {
        app: AppId,
        company: CompanyId,
    },
    Installed {
        app: AppId,
        company: CompanyId,
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
}

impl Outcome {
    /// The sentence the status message reads after the command.
    pub fn message(&self, state: &ProductState, catalogue: &Catalogue) -> String {
        match self {
            Outcome::Connected { app, company } => format!(
                "{} est connectée à {}. Vérifiez ses paramètres.",
                catalogue.app_name(app),
                state.company_name(company)
            ),
            Outcome::Installed { app, company } => format!(
                "{} est installée pour {}. Vérifiez ses paramètres.",
                catalogue.app_name(app),
                state.company_name(company)
            ),
            Outcome::Transferred {
                app,
                company,
                from,
                to,
            } => format!(
                "La gestion de {} pour {} passe de {} à {}.",
                catalogue.app_name(app),
                state.company_name(company),
                state.user_name(from),
                state.user_name(to)
            ),
            Outcome::SettingsSaved { app, changes, .. } => {
                let n = changes.len();
                format!(
                    "Paramètres de {} enregistrés ({n} modification{}).",
                    catalogue.app_name(app),
                    if n > 1 { "s" } else { "" }
                )
            }
            Outcome::Disconnected { app, company } => format!(
                "{} est déconnectée de {}.",
                catalogue.app_name(app),
                state.company_name(company)
            ),
            Outcome::Reset => "Les données de démonstration sont rétablies.".into(),
        }
    }
}

/// What "Obtenir l'appli" would do, so that a dialog can say it before the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GetPlan {
    Connect,
    Install,
    /// Take over the management from this user.
    TakeOver {
        from: UserId,
    },
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
            Ok(match state.product {
                Product::QuickBooks => GetPlan::Connect,
                Product::ExpertComptable => GetPlan::Install,
            })
        }
    }
}

/// Applies one command. On `Err`, `state` is exactly as it was.
pub fn apply(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    command: &Command,
) -> Result<Outcome, DomainError> {
    let (outcome, event) = match command {
        Command::Reset => {
            *state = demo::state(state.product, env.catalogue);
            return Ok(Outcome::Reset);
        }
        Command::Get {
            app: app_id,
            company,
        } => {
            let plan = plan_get(state, env, actor_id, app_id, company)?;
            match plan {
                GetPlan::TakeOver { from } => {
                    if let Some(c) = state
                        .connections
                        .iter_mut()
                        .find(|c| &c.app == app_id && &c.company == company)
                    {
                        c.manager = actor_id.clone();
                        // Never before the connection: a command applied again after
                        // another tab's, or a clock set back, may carry an earlier time.
                        c.transferred = Some(env.now.max(c.since));
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
                    (outcome, event)
                }
                GetPlan::Connect | GetPlan::Install => {
                    let def = app(env, state.product, app_id)?;
                    state.connections.push(Connection {
                        app: app_id.clone(),
                        company: company.clone(),
                        manager: actor_id.clone(),
                        since: env.now,
                        transferred: None,
                        settings: settings::defaults(&def.settings),
                    });
                    let ids = (app_id.clone(), company.clone());
                    if plan == GetPlan::Connect {
                        (
                            Outcome::Connected {
                                app: ids.0,
                                company: ids.1,
                            },
                            Event::Connection,
                        )
                    } else {
                        (
                            Outcome::Installed {
                                app: ids.0,
                                company: ids.1,
                            },
                            Event::Installation,
                        )
                    }
                }
            }
        }
        Command::UpdateSettings {
            app: app_id,
            company: company_id,
            values,
        } => {
            let user = actor(state, actor_id)?;
            let def = app(env, state.product, app_id)?;
            let company = target(state, company_id)?;
            // Rights first: whether an app is connected to a client the user cannot
            // access is not theirs to learn.
            permissions::check(state, user, Action::ChangeSettings, company)?;
            let index = connection_index(state, &def.id, &def.name, company)?;
            settings::validate_input(&def.settings, values)
                .map_err(DomainError::InvalidSettings)?;
            let current = &state.connections[index].settings;
            let changes: Vec<SettingChange> = def
                .settings
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
                .collect();
            if changes.is_empty() {
                return Err(DomainError::NoChange);
            }
            state.connections[index].settings = values.clone();
            (
                Outcome::SettingsSaved {
                    app: app_id.clone(),
                    company: company_id.clone(),
                    changes: changes.clone(),
                },
                Event::SettingsChange { changes },
            )
        }
        Command::Disconnect {
            app: app_id,
            company: company_id,
            answers,
        } => {
            let user = actor(state, actor_id)?;
            // An app that has left the catalogue (or this product) since it was connected
            // can still be disconnected where it is connected.
            let name = match app(env, state.product, app_id) {
                Ok(def) => def.name.clone(),
                Err(_) if state.connections.iter().any(|c| &c.app == app_id) => app_id.to_string(),
                Err(e) => return Err(e),
            };
            let company = target(state, company_id)?;
            // Rights first: whether an app is connected to a client the user cannot
            // access is not theirs to learn.
            permissions::check(state, user, Action::Disconnect, company)?;
            let index = connection_index(state, app_id, &name, company)?;
            let answers = answers.validate().map_err(DomainError::Questionnaire)?;
            state.connections.remove(index);
            (
                Outcome::Disconnected {
                    app: app_id.clone(),
                    company: company_id.clone(),
                },
                Event::Disconnection { answers },
            )
        }
    };
    let Some((app_id, company_id)) = command.target() else {
        return Ok(outcome);
    };
    let seq = state.journal.last().map_or(1, |e| e.seq + 1);
    state.journal.push(JournalEntry {
        seq,
        at: env.now,
        product: state.product,
        actor: actor_id.clone(),
        company: company_id.clone(),
        app: app_id.clone(),
        event,
    });
    Ok(outcome)
}
