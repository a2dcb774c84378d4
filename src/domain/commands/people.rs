//! The handlers of Utilisateurs: add a person, change them, remove them, hand the primary
//! admin's role over. A change or a removal that takes connections from someone gives
//! each to the chosen successor as Passation would (one journal entry each, a refusal
//! never blocking the others), or leaves it without a manager.

use super::checks::actor;
use super::{requests, Env, Outcome};

use crate::domain::access::permissions::{self, Action};
use crate::domain::journal::{record, record_without_app, Event};
use crate::domain::model::error::DomainError;
use crate::domain::model::team::PeopleError;
use crate::domain::model::{
    AppId, CompanyId, Connection, FormerUser, Gender, ProductState, Role, User, UserId,
};
use crate::domain::people::form::{self, UserForm};
use crate::domain::people::{self as rules, PeopleAction};

/// What became of one connection a person gave up: `to` manages it now, or nobody
/// (`None`), because "Personne" was chosen or because `refusal` says why `to` could not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handed {
    pub app: AppId,
    pub company: CompanyId,
    pub to: Option<UserId>,
    pub refusal: Option<DomainError>,
}

/// "Ajouter un utilisateur".
pub(super) fn add(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    form: &UserForm,
) -> Result<Outcome, DomainError> {
    let user = actor(state, actor_id)?;
    let form = form.tidy(state);
    rules::check(state, user, PeopleAction::Add { role: form.role() })?;
    form::validate(state, &form, None).map_err(PeopleError::Invalid)?;
    let id = form::new_id(state, &form.name);
    let role = form.role();
    state.users.push(User {
        id: id.clone(),
        name: form.name,
        role,
        // The form does not ask: roles read in the grammatical masculine.
        gender: Gender::Masculine,
        clients: form.clients,
        all_clients: form.all_clients,
        email: form.email,
    });
    record_without_app(
        state,
        env.now,
        actor_id,
        Event::UserAdded { user: id.clone() },
    );
    Ok(Outcome::UserAdded { id })
}

/// "Modifier": `to` is given the connections the change takes out of the person's rights
/// (`None`: nobody).
pub(super) fn change(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (who_id, to): (&UserId, Option<&UserId>),
    form: &UserForm,
) -> Result<Outcome, DomainError> {
    let user = actor(state, actor_id)?;
    let who = actor(state, who_id)?;
    let form = form.tidy(state);
    let after = form::changed(who, &form);
    let role = after.role;
    rules::check(state, user, PeopleAction::Change { who, role })?;
    form::validate(state, &form, Some(who_id)).map_err(PeopleError::Invalid)?;
    if &after == who {
        return Err(DomainError::NoChange);
    }
    let lost = targets(rules::lost_connections(state, who, &after));
    if !lost.is_empty() {
        successor(state, who_id, to)?;
    }
    if let Some(u) = state.users.iter_mut().find(|u| &u.id == who_id) {
        *u = after;
    }
    record_without_app(
        state,
        env.now,
        actor_id,
        Event::UserChanged {
            user: who_id.clone(),
        },
    );
    let handed = hand_over(state, env, actor_id, (who_id, to), &lost);
    Ok(Outcome::UserChanged {
        id: who_id.clone(),
        handed,
    })
}

/// "Supprimer l'utilisateur": the person leaves, their pending requests are withdrawn,
/// and each connection they managed goes to `to` (`None`: nobody).
pub(super) fn remove(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    who_id: &UserId,
    to: Option<&UserId>,
) -> Result<Outcome, DomainError> {
    let user = actor(state, actor_id)?;
    let who = actor(state, who_id)?;
    rules::check(state, user, PeopleAction::Remove { who })?;
    successor(state, who_id, to)?;
    let managed = targets(rules::managed(state, who_id));
    let name = who.name.clone();
    state.users.retain(|u| &u.id != who_id);
    state.former.push(FormerUser {
        id: who_id.clone(),
        name,
        left: env.now,
    });
    let event = Event::UserRemoved {
        user: who_id.clone(),
        to: to.cloned(),
    };
    record_without_app(state, env.now, actor_id, event);
    withdraw_requests(state, env, actor_id, who_id);
    let handed = hand_over(state, env, actor_id, (who_id, to), &managed);
    Ok(Outcome::UserRemoved {
        id: who_id.clone(),
        handed,
    })
}

/// "Confirmer le transfert": `to`, an administrator, becomes the primary admin and the
/// former one an administrator who keeps access to every client.
pub(super) fn hand_primary(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    to: &UserId,
) -> Result<Outcome, DomainError> {
    let user = actor(state, actor_id)?;
    rules::check(state, user, PeopleAction::HandPrimary)?;
    let heir = actor(state, to)?;
    if heir.role != Role::Admin {
        return Err(PeopleError::NotAnAdmin {
            name: heir.name.clone(),
        }
        .into());
    }
    for u in state.users.iter_mut() {
        if &u.id == actor_id {
            u.role = Role::Admin;
            u.all_clients = true;
        } else if &u.id == to {
            u.role = Role::PrimaryAdmin;
        }
    }
    let event = Event::PrimaryAdminTransfer {
        from: actor_id.clone(),
        to: to.clone(),
    };
    record_without_app(state, env.now, actor_id, event);
    Ok(Outcome::PrimaryHanded {
        from: actor_id.clone(),
        to: to.clone(),
    })
}

/// `Ok` when `to` is nobody, or one of the people who may be given `leaving`'s
/// connections.
fn successor(
    state: &ProductState,
    leaving: &UserId,
    to: Option<&UserId>,
) -> Result<(), DomainError> {
    let Some(to) = to else { return Ok(()) };
    let heir = actor(state, to)?;
    if rules::successors(state, leaving)
        .iter()
        .any(|u| u.id == heir.id)
    {
        Ok(())
    } else {
        Err(PeopleError::NotASuccessor {
            name: heir.name.clone(),
        }
        .into())
    }
}

fn targets(connections: Vec<&Connection>) -> Vec<(AppId, CompanyId)> {
    connections
        .into_iter()
        .map(|c| (c.app.clone(), c.company.clone()))
        .collect()
}

/// Gives each of `from`'s connections to `to`, by the take-over's rule, journaling each;
/// one `to` may not take is left without a manager, with the reason.
fn hand_over(
    state: &mut ProductState,
    env: &Env,
    actor_id: &UserId,
    (from, to): (&UserId, Option<&UserId>),
    connections: &[(AppId, CompanyId)],
) -> Vec<Handed> {
    connections
        .iter()
        .map(|(app, company)| {
            let refusal = to.and_then(|to| may_take(state, to, company).err());
            let given = to.filter(|_| refusal.is_none());
            if let Some(c) = state
                .connections
                .iter_mut()
                .find(|c| &c.app == app && &c.company == company)
            {
                match given {
                    Some(to) => c.hand_to(to.clone(), env.now),
                    None => c.manager = None,
                }
            }
            let event = match given {
                Some(to) => Event::Transfer {
                    from: Some(from.clone()),
                    to: to.clone(),
                },
                None => Event::Unmanaged { from: from.clone() },
            };
            record(state, env.now, actor_id, (app, company), event);
            Handed {
                app: app.clone(),
                company: company.clone(),
                to: given.cloned(),
                refusal,
            }
        })
        .collect()
}

/// Whether `to` may take a connection at `company` over, as "Obtenir l'appli" checks it.
fn may_take(state: &ProductState, to: &UserId, company: &CompanyId) -> Result<(), DomainError> {
    permissions::check_ids(state, to, Action::TakeOver, company)?;
    permissions::check_ids(state, to, Action::Get, company)
}

/// Withdraws what `who` asked for and is still pending, journaling each.
fn withdraw_requests(state: &mut ProductState, env: &Env, actor_id: &UserId, who: &UserId) {
    for i in 0..state.requests.len() {
        let r = &state.requests[i];
        if &r.requester == who && r.status.is_pending() {
            requests::mark_withdrawn(state, env, actor_id, i);
        }
    }
}
