//! The checks every handler starts with: the acting user, the app, the target company,
//! the connection.

use super::Env;

use crate::domain::catalogue::AppDef;
use crate::domain::model::error::DomainError;
use crate::domain::model::{
    AppId, Company, CompanyId, CompanyKind, Product, ProductState, User, UserId,
};

pub(super) fn actor<'s>(state: &'s ProductState, id: &UserId) -> Result<&'s User, DomainError> {
    state
        .user(id)
        .ok_or_else(|| DomainError::UnknownUser(id.to_string()))
}

pub(super) fn app<'c>(
    env: &Env<'c>,
    product: Product,
    id: &AppId,
) -> Result<&'c AppDef, DomainError> {
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
pub(super) fn target<'s>(
    state: &'s ProductState,
    id: &CompanyId,
) -> Result<&'s Company, DomainError> {
    state
        .company(id)
        .filter(|c| match state.product {
            Product::QuickBooks => c.kind == CompanyKind::Business,
            Product::ExpertComptable => matches!(c.kind, CompanyKind::Firm | CompanyKind::Client),
        })
        .ok_or_else(|| DomainError::UnknownCompany(id.to_string()))
}

/// Where the app (`name` for the refusal) is connected to `company`.
pub(super) fn connection_index(
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
