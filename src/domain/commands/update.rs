//! An app's newer version: the demo publishes it ("Simuler une mise à jour"); then, at
//! each connection, whoever may connect or install the app there approves it (the
//! connection moves to the new version, its new settings at their defaults) or refuses
//! it (the connection stays as it was). Each journals itself through `apply`.

use super::checks::{actor, app, connection_index, target};
use super::{Env, Outcome};
use crate::domain::access::permissions::{self, Action};
use crate::domain::journal::Event;
use crate::domain::model::error::DomainError;
use crate::domain::model::update::{Published, UpdateError};
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

/// Publishes the app's newer version in this product: open to every role, as the demo's
/// other controls; returns the home company the journal's entry is written at.
pub(super) fn publish(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    app_id: &AppId,
) -> Result<(Outcome, Event, CompanyId), DomainError> {
    actor(state, actor_id)?;
    let def = app(env, state.product, app_id)?;
    let Some(next) = &def.next else {
        return Err(UpdateError::NoNewVersion {
            app: def.name.clone(),
        }
        .into());
    };
    if let Some(p) = state.published(app_id) {
        return Err(UpdateError::AlreadyPublished {
            app: def.name.clone(),
            version: p.version,
        }
        .into());
    }
    let home = state
        .home_company()
        .map(|c| c.id.clone())
        .ok_or_else(|| DomainError::UnknownCompany(String::new()))?;
    state.updates.push(Published {
        app: app_id.clone(),
        version: next.version,
        at: env.now,
        by: actor_id.clone(),
    });
    let outcome = Outcome::UpdatePublished {
        app: app_id.clone(),
        version: next.version,
    };
    Ok((
        outcome,
        Event::UpdatePublished {
            version: next.version,
        },
        home,
    ))
}

/// Approves (`approve`) or refuses the published newer version at one connection.
pub(super) fn decide(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (app_id, company_id): (&AppId, &CompanyId),
    approve: bool,
) -> Result<(Outcome, Event), DomainError> {
    let user = actor(state, actor_id)?;
    let def = app(env, state.product, app_id)?;
    let company = target(state, company_id)?;
    // Rights first: whether an app is connected to a client the user cannot access is
    // not theirs to learn.
    permissions::check(state, user, Action::Get, company)?;
    let index = connection_index(state, app_id, &def.name, company)?;
    let names = || (def.name.clone(), company.name.clone());
    let conn = &state.connections[index];
    let Some(version) = state.newer_for(conn).map(|p| p.version) else {
        let (app, company) = names();
        return Err(UpdateError::UpToDate { app, company }.into());
    };
    if !approve && conn.declined == Some(version) {
        let (app, company) = names();
        return Err(UpdateError::AlreadyRefused { app, company }.into());
    }
    let added: Vec<_> = def
        .settings_added(conn.version, version)
        .into_iter()
        .map(|s| (s.key.clone(), s.default_value()))
        .collect();
    let conn = &mut state.connections[index];
    let from = conn.version;
    let (app, company) = (app_id.clone(), company_id.clone());
    if approve {
        conn.version = version;
        conn.declined = None;
        for (key, value) in added {
            conn.settings.entry(key).or_insert(value);
        }
        // Approving is using the connection, for its new permissions.
        conn.last_used = Some(env.now.max(conn.since));
        let event = Event::UpdateApproved { from, to: version };
        Ok((
            Outcome::UpdateApproved {
                app,
                company,
                version,
            },
            event,
        ))
    } else {
        conn.declined = Some(version);
        let event = Event::UpdateRefused { version };
        Ok((
            Outcome::UpdateRefused {
                app,
                company,
                version,
            },
            event,
        ))
    }
}
