//! The product's people (Utilisateurs): who may add, change and remove whom, who may be
//! given a leaving person's connections, and which connections a change takes out of
//! someone's rights. The commands that apply these rules live in `commands::people`.
//!
//! The rules: the primary admin manages every user; in QuickBooks an administrator may
//! also add standard users and change them (as QuickBooks does); everyone else reads.
//! Nobody removes themselves or the primary admin, whose role is only ever handed over
//! (to an administrator); the last administrator is never made a standard user.

pub mod form;

use crate::domain::access::permissions::{self, role_allows, Action};
use crate::domain::model::team::PeopleError;
use crate::domain::model::{
    Company, Connection, Gender, Product, ProductState, Role, User, UserId,
};

/// What the acting user would do to the product's people.
#[derive(Clone, Copy, Debug)]
pub enum PeopleAction<'a> {
    /// Add someone with this role.
    Add {
        role: Role,
    },
    /// Change `who`, whose role becomes `role`.
    Change {
        who: &'a User,
        role: Role,
    },
    Remove {
        who: &'a User,
    },
    /// Hand the primary admin's role over.
    HandPrimary,
}

/// Whether administrators of `product` may add and change standard users.
pub fn admins_manage_standard(product: Product) -> bool {
    product == Product::QuickBooks
}

/// Whether `actor` may add someone at all: what decides whether the page is read only.
pub fn may_add(state: &ProductState, actor: &User) -> bool {
    check(
        state,
        actor,
        PeopleAction::Add {
            role: Role::Standard,
        },
    )
    .is_ok()
}

/// The refusal that says who may manage the product's people.
pub fn forbidden(state: &ProductState) -> PeopleError {
    let primary = state.primary_admin();
    PeopleError::Forbidden {
        primary: primary.map(|u| u.name.clone()).unwrap_or_default(),
        primary_gender: primary.map_or(Gender::Masculine, |u| u.gender),
        admins_too: admins_manage_standard(state.product),
    }
}

/// `Ok` when `actor` may do `action`; otherwise the refusal, as a sentence can say it.
pub fn check(state: &ProductState, actor: &User, action: PeopleAction) -> Result<(), PeopleError> {
    let primary = actor.role == Role::PrimaryAdmin;
    let admin_on_standard = actor.role == Role::Admin && admins_manage_standard(state.product);
    match action {
        PeopleAction::Add { role } => {
            if primary || (admin_on_standard && role == Role::Standard) {
                Ok(())
            } else {
                Err(forbidden(state))
            }
        }
        PeopleAction::Change { who, role } => {
            let allowed = primary
                || (admin_on_standard && who.role == Role::Standard && role == Role::Standard);
            if !allowed {
                return Err(forbidden(state));
            }
            role_change(state, who, role)
        }
        PeopleAction::Remove { who } => {
            if !primary {
                Err(forbidden(state))
            } else if who.id == actor.id {
                Err(PeopleError::RemoveSelf)
            } else if who.role == Role::PrimaryAdmin {
                Err(PeopleError::RemovePrimary {
                    name: who.name.clone(),
                })
            } else {
                Ok(())
            }
        }
        PeopleAction::HandPrimary if primary => Ok(()),
        PeopleAction::HandPrimary => Err(forbidden(state)),
    }
}

/// The rules of a role's change: the last administrator stays one, and the primary
/// admin's role is only handed over.
fn role_change(state: &ProductState, who: &User, role: Role) -> Result<(), PeopleError> {
    if role == who.role || (role != Role::Standard && who.role != Role::PrimaryAdmin) {
        return Ok(());
    }
    let other_admins = state.users.iter().any(|u| u.id != who.id && u.is_admin());
    if role == Role::Standard && who.is_admin() && !other_admins {
        return Err(PeopleError::LastAdmin {
            name: who.name.clone(),
        });
    }
    if who.role == Role::PrimaryAdmin {
        return Err(PeopleError::PrimaryRole {
            name: who.name.clone(),
        });
    }
    Ok(())
}

/// The people who may be given `leaving`'s connections: everyone else whose role may
/// take a connection over by the seed's rules (in Expert-Comptable, the primary admin; in
/// QuickBooks, administrators too), in the product's order.
pub fn successors<'s>(state: &'s ProductState, leaving: &UserId) -> Vec<&'s User> {
    state
        .users
        .iter()
        .filter(|u| &u.id != leaving && role_allows(state.product, u.role, Action::TakeOver))
        .collect()
}

/// Whether `user` may manage a connection at `company`: connect or install there.
pub fn may_manage_at(state: &ProductState, user: &User, company: &Company) -> bool {
    role_allows(state.product, user.role, Action::Get) && permissions::can_access(user, company)
}

/// The connections `who` manages that they could no longer manage as `after` (made a
/// standard user, or without access to a client any more), in the product's order.
pub fn lost_connections<'s>(
    state: &'s ProductState,
    who: &User,
    after: &User,
) -> Vec<&'s Connection> {
    managed(state, &who.id)
        .into_iter()
        .filter(|c| {
            state
                .company(&c.company)
                .is_some_and(|company| !may_manage_at(state, after, company))
        })
        .collect()
}

/// Every connection `who` manages, whoever looks.
pub fn managed<'s>(state: &'s ProductState, who: &UserId) -> Vec<&'s Connection> {
    state
        .connections
        .iter()
        .filter(|c| c.is_managed_by(who))
        .collect()
}

/// The connections nobody manages ("Sans gestionnaire").
pub fn unmanaged(state: &ProductState) -> impl Iterator<Item = &Connection> {
    state.connections.iter().filter(|c| c.manager.is_none())
}
