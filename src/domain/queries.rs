//! Read-only questions the views ask: which connections a section lists for the acting
//! user, which clients they may see, where an app can be installed, who manages what, and
//! the journal they may read. Nothing here changes state.

use super::catalogue::Catalogue;
use super::journal::{JournalEntry, JournalFilter};
use super::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, ProductState, User, UserId,
};
use super::permissions::can_access;
use super::text::fold;

/// The sections that list connections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Section {
    /// QuickBooks "Aperçu": the business's connected apps.
    Overview,
    /// Expert-Comptable "Applis du cabinet".
    Firm,
    /// Expert-Comptable "Applis clientes", optionally for one client.
    Clients { client: Option<CompanyId> },
}

/// The clients `user` may access, in the product's order.
pub fn accessible_clients<'s>(state: &'s ProductState, user: &User) -> Vec<&'s Company> {
    state.clients().filter(|c| can_access(user, c)).collect()
}

fn visible(state: &ProductState, user: &User, company: &CompanyId) -> bool {
    state.company(company).is_some_and(|c| can_access(user, c))
}

/// The connections a section lists for `actor`, sorted by company then app name.
/// An unknown actor sees nothing.
pub fn connections<'s>(
    state: &'s ProductState,
    catalogue: &Catalogue,
    actor: &UserId,
    section: &Section,
) -> Vec<&'s Connection> {
    let Some(user) = state.user(actor) else {
        return Vec::new();
    };
    let mut rows: Vec<&Connection> = state
        .connections
        .iter()
        .filter(|c| {
            let Some(company) = state.company(&c.company) else {
                return false;
            };
            let in_section = match section {
                Section::Overview => company.kind == CompanyKind::Business,
                Section::Firm => company.kind == CompanyKind::Firm,
                Section::Clients { client } => {
                    company.kind == CompanyKind::Client
                        && client.as_ref().is_none_or(|id| id == &company.id)
                }
            };
            in_section && can_access(user, company)
        })
        .collect();
    rows.sort_by_cached_key(|c| {
        (
            fold(state.company_name(&c.company)),
            fold(catalogue.app_name(&c.app)),
        )
    });
    rows
}

/// Where an app can be installed, as the "Installer pour" choice lists it: the firm first,
/// then each client `actor` may access; with the current manager where it is installed.
pub fn install_targets<'s>(
    state: &'s ProductState,
    actor: &UserId,
    app: &AppId,
) -> Vec<(&'s Company, Option<&'s UserId>)> {
    let Some(user) = state.user(actor) else {
        return Vec::new();
    };
    let firm = state
        .companies
        .iter()
        .filter(|c| c.kind == CompanyKind::Firm);
    firm.chain(accessible_clients(state, user))
        .map(|c| (c, state.connection(app, &c.id).map(|conn| &conn.manager)))
        .collect()
}

/// The connections `actor` may see that pass `keep`; none for an unknown actor.
fn visible_where<'s>(
    state: &'s ProductState,
    actor: &UserId,
    keep: impl Fn(&Connection) -> bool,
) -> Vec<&'s Connection> {
    let Some(viewer) = state.user(actor) else {
        return Vec::new();
    };
    state
        .connections
        .iter()
        .filter(|c| keep(c) && visible(state, viewer, &c.company))
        .collect()
}

/// Every connection `actor` may see, whatever the section.
pub fn visible_connections<'s>(state: &'s ProductState, actor: &UserId) -> Vec<&'s Connection> {
    visible_where(state, actor, |_| true)
}

/// The connections `user` manages, among those `actor` may see.
pub fn managed_by<'s>(
    state: &'s ProductState,
    actor: &UserId,
    user: &UserId,
) -> Vec<&'s Connection> {
    visible_where(state, actor, |c| &c.manager == user)
}

/// Where an app is connected, among the companies `actor` may see.
pub fn app_connections<'s>(
    state: &'s ProductState,
    actor: &UserId,
    app: &AppId,
) -> Vec<&'s Connection> {
    visible_where(state, actor, |c| &c.app == app)
}

/// The journal entries `actor` may read that pass `filter`, newest first.
pub fn journal<'s>(
    state: &'s ProductState,
    actor: &UserId,
    filter: &JournalFilter,
) -> Vec<&'s JournalEntry> {
    let Some(viewer) = state.user(actor) else {
        return Vec::new();
    };
    state
        .journal
        .iter()
        .rev()
        .filter(|e| filter.matches(e) && visible(state, viewer, &e.company))
        .collect()
}
