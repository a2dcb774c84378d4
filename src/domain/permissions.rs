//! Who may do what: PRODUCT.md's table of roles, enforced here for every command and
//! asked by the views before they offer an action.

use super::error::DomainError;
use super::model::{Company, CompanyKind, Product, ProductState, Role, User};

/// The actions the table of roles governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Connect (QuickBooks) or install (Expert-Comptable) an app.
    Get,
    ChangeSettings,
    /// Take over an app managed by someone else.
    TakeOver,
    Disconnect,
    /// Export or import the product's data (Sauvegarde): every client's data, users and
    /// roles included, so an import could hand anyone any role.
    ManageData,
}

impl Action {
    /// The action as it ends "Seuls … peuvent …".
    pub fn phrase(self, product: Product) -> &'static str {
        match (self, product) {
            (Action::Get, Product::QuickBooks) => "connecter une appli",
            (Action::Get, Product::ExpertComptable) => "installer une appli",
            (Action::ChangeSettings, _) => "modifier les paramètres d'une appli",
            (Action::TakeOver, _) => "reprendre la gestion d'une appli gérée par quelqu'un d'autre",
            (Action::Disconnect, _) => "déconnecter une appli",
            (Action::ManageData, _) => "exporter ou importer les données",
        }
    }
}

/// Whether the role may do the action at all, wherever it is done.
pub fn role_allows(product: Product, role: Role, action: Action) -> bool {
    match (role, action) {
        (Role::PrimaryAdmin, _) => true,
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

/// "Claire Martin", "Claire Martin ou Julien Petit", "A, B ou C".
pub fn names_or(users: &[&User]) -> String {
    match users {
        [] => String::new(),
        [one] => one.name.clone(),
        [init @ .., last] => format!(
            "{} ou {}",
            init.iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            last.name
        ),
    }
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
            allowed: names_or(&who_may(state, action, company)),
        });
    }
    if role_allows(state.product, user.role, action) {
        return Ok(());
    }
    if action == Action::TakeOver && state.product == Product::ExpertComptable {
        let primary = state.primary_admin();
        return Err(DomainError::TakeOverReserved {
            primary: primary.map(|u| u.name.clone()).unwrap_or_default(),
            primary_role: primary
                .map(|u| u.role.label(u.gender))
                .unwrap_or("administrateur principal"),
        });
    }
    Err(DomainError::Forbidden {
        action: action.phrase(state.product),
        role: user.role.label(user.gender),
        allowed: names_or(&who_may(state, action, company)),
    })
}

/// `Ok` when `user` may export or import the product's data (the primary admin only).
pub fn check_manage_data(state: &ProductState, user: &User) -> Result<(), DomainError> {
    match state.home_company() {
        Some(home) => check(state, user, Action::ManageData, home),
        None => Err(DomainError::Forbidden {
            action: Action::ManageData.phrase(state.product),
            role: user.role.label(user.gender),
            allowed: String::new(),
        }),
    }
}
