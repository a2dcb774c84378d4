//! Who may do what: PRODUCT.md's table of roles, enforced here for every command and
//! asked by the views before they offer an action.

use crate::domain::model::error::DomainError;
use crate::domain::model::{
    Company, CompanyId, CompanyKind, Gender, Product, ProductState, Role, User, UserId,
};

pub use crate::domain::model::action::Action;

/// Whether the role may do the action at all, wherever it is done.
pub fn role_allows(product: Product, role: Role, action: Action) -> bool {
    match (role, action) {
        (Role::PrimaryAdmin, _) | (_, Action::Request) => true,
        (Role::Standard, _) => false,
        (Role::Admin, Action::TakeOver) => product == Product::QuickBooks,
        (Role::Admin, Action::ManageData) => false,
        (Role::Admin, _) => true,
    }
}

/// Whether the user may see and act on a company: everyone sees the business and the firm;
/// a client only the primary admin and the users given access to it.
pub fn can_access(user: &User, company: &Company) -> bool {
    match company.kind {
        CompanyKind::Business | CompanyKind::Firm => true,
        CompanyKind::Client => {
            user.role == Role::PrimaryAdmin || user.clients.contains(&company.id)
        }
    }
}

/// The users who may do `action` on `company`, in the product's order.
pub fn who_may<'a>(state: &'a ProductState, action: Action, company: &Company) -> Vec<&'a User> {
    state
        .users
        .iter()
        .filter(|u| role_allows(state.product, u.role, action) && can_access(u, company))
        .collect()
}

/// The names of `users`, in order, as a refusal lists them (see `error::names_or`).
pub fn names(users: &[&User]) -> Vec<String> {
    users.iter().map(|u| u.name.clone()).collect()
}

/// `Ok` when `user` may do `action` on `company`; otherwise the refusal, which names who may.
pub fn check(
    state: &ProductState,
    user: &User,
    action: Action,
    company: &Company,
) -> Result<(), DomainError> {
    if !can_access(user, company) {
        return Err(DomainError::ClientNotAccessible {
            client: company.name.clone(),
            allowed: names(&who_may(state, action, company)),
        });
    }
    if role_allows(state.product, user.role, action) {
        return Ok(());
    }
    if action == Action::TakeOver && state.product == Product::ExpertComptable {
        let primary = state.primary_admin();
        return Err(DomainError::TakeOverReserved {
            primary: primary.map(|u| u.name.clone()).unwrap_or_default(),
            primary_gender: primary.map_or(Gender::Masculine, |u| u.gender),
        });
    }
    Err(DomainError::Forbidden {
        action,
        product: state.product,
        role: user.role,
        gender: user.gender,
        allowed: names(&who_may(state, action, company)),
    })
}

/// `Ok` when `user` may export or import the product's data (the primary admin only).
pub fn check_manage_data(state: &ProductState, user: &User) -> Result<(), DomainError> {
    match state.home_company() {
        Some(home) => check(state, user, Action::ManageData, home),
        None => Err(DomainError::Forbidden {
            action: Action::ManageData,
            product: state.product,
            role: user.role,
            gender: user.gender,
            allowed: Vec::new(),
        }),
    }
}

/// `check` for the user and company of these ids, as views ask before offering an
/// action; an unknown user or company is refused as unknown.
pub fn check_ids(
    state: &ProductState,
    actor: &UserId,
    action: Action,
    company: &CompanyId,
) -> Result<(), DomainError> {
    let user = state
        .user(actor)
        .ok_or_else(|| DomainError::UnknownUser(actor.to_string()))?;
    let company = state
        .company(company)
        .ok_or_else(|| DomainError::UnknownCompany(company.to_string()))?;
    check(state, user, action, company)
}

/// The refusal of `action` that holds wherever it is done (the acting user's role does
/// not allow it), naming who may; `None` when the role allows it somewhere.
pub fn role_refusal(state: &ProductState, actor: &UserId, action: Action) -> Option<DomainError> {
    let Some(user) = state.user(actor) else {
        return Some(DomainError::UnknownUser(actor.to_string()));
    };
    if role_allows(state.product, user.role, action) {
        return None;
    }
    let home = state.home_company()?;
    check(state, user, action, home).err()
}
