//! The handlers of one connection: get (connect, install or take over), change its
//! settings, disconnect, reconnect and launch.

use std::collections::BTreeMap;

use super::checks::{actor, app, connection_index, target};
use super::{plan_get, plan_reconnect, Env, GetPlan, Outcome, ReconnectPlan};

use crate::domain::access::permissions::{self, Action};
use crate::domain::disconnection::receipt;
use crate::domain::forms::questionnaire::Answers;
use crate::domain::forms::settings::{self, SettingDef, SettingValue};
use crate::domain::health;
use crate::domain::health::suspension;
use crate::domain::journal::{next_seq, Event, SettingChange};
use crate::domain::model::error::DomainError;
use crate::domain::model::team::PeopleError;
use crate::domain::model::{AppId, CompanyId, Connection, ProductState, UserId};

/// "Obtenir l'appli": a new connection, or a take-over of someone else's.
pub(super) fn get(
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
                c.hand_to(actor_id.clone(), env.now);
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
            // Made at the version published, directly.
            let version = state.version_for_new(app_id);
            state.connections.push(Connection::made(
                (app_id.clone(), company.clone()),
                actor_id.clone(),
                env.now,
                version,
                settings::defaults(&def.settings_at(version)),
            ));
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
pub(super) fn update_settings(
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
    // The settings of the version the connection is at.
    let defs = def.settings_at(state.connections[index].version);
    settings::validate_input(&defs, values).map_err(DomainError::InvalidSettings)?;
    let changes = changed_settings(&defs, &state.connections[index].settings, values);
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

/// The settings of `defs` whose value in `values` differs from `current`, in the app's
/// order.
pub(super) fn changed_settings(
    defs: &[SettingDef],
    current: &BTreeMap<String, SettingValue>,
    values: &BTreeMap<String, SettingValue>,
) -> Vec<SettingChange> {
    defs.iter()
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
pub(super) fn disconnect(
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

/// Renews a connection for the acting user, taking it over when someone else managed it.
pub(super) fn reconnect(
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
            c.hand_to(actor_id.clone(), env.now);
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
pub(super) fn launch(
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
    if state.connections[index].manager.is_none() {
        return Err(PeopleError::Unmanaged {
            app: name,
            company: company.name.clone(),
        }
        .into());
    }
    if let Some(refusal) = suspension::refusal(state, env.catalogue, app_id, company_id) {
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
