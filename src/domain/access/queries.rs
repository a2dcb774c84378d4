//! Read-only questions the views ask: which connections a section lists for the acting
//! user, which clients they may see, where an app can be installed, who manages what, and
//! the journal they may read. Nothing here changes state.

use crate::domain::access::permissions::can_access;
use crate::domain::catalogue::Catalogue;
use crate::domain::journal::{JournalEntry, JournalFilter};
use crate::domain::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, ProductState, User, UserId,
};
use crate::domain::text::fold;

/// The lists of connections: which companies' connections a section shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listing {
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

/// The connection of `app` to `company`, if there is one and `actor` may see that company
/// (what Lancer and the settings view show). `None` says nothing about which it is: a
/// client the user may not access is not theirs to learn about.
pub fn visible_connection<'s>(
    state: &'s ProductState,
    actor: &UserId,
    app: &AppId,
    company: &CompanyId,
) -> Option<&'s Connection> {
    let user = state.user(actor)?;
    if !visible(state, user, company) {
        return None;
    }
    state.connection(app, company)
}

/// The Client filter of a list, as asked (in the address, say) and as applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientFilter {
    /// The client the list is narrowed to; `None` for every client the user may access.
    pub client: Option<CompanyId>,
    /// A client was asked for that is not among those the user may access (or does not
    /// exist: the two are not told apart), so the list shows every accessible client.
    pub ignored: bool,
}

/// Applies a requested Client filter for `actor`: a client they may not access (or an
/// unknown one) means no filter, and says so.
pub fn client_filter(
    state: &ProductState,
    actor: &UserId,
    requested: Option<&CompanyId>,
) -> ClientFilter {
    let Some(requested) = requested else {
        return ClientFilter::default();
    };
    let allowed = state.user(actor).is_some_and(|u| {
        state
            .company(requested)
            .is_some_and(|c| c.kind == CompanyKind::Client && can_access(u, c))
    });
    if allowed {
        ClientFilter {
            client: Some(requested.clone()),
            ignored: false,
        }
    } else {
        ClientFilter {
            client: None,
            ignored: true,
        }
    }
}

/// The connections a section lists for `actor`, sorted by company then app name.
/// An unknown actor sees nothing.
pub fn connections<'s>(
    state: &'s ProductState,
    catalogue: &Catalogue,
    actor: &UserId,
    section: &Listing,
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
                Listing::Overview => company.kind == CompanyKind::Business,
                Listing::Firm => company.kind == CompanyKind::Firm,
                Listing::Clients { client } => {
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
/// then each client `actor` may access; with the connection where it is installed.
pub fn install_targets<'s>(
    state: &'s ProductState,
    actor: &UserId,
    app: &AppId,
) -> Vec<(&'s Company, Option<&'s Connection>)> {
    let Some(user) = state.user(actor) else {
        return Vec::new();
    };
    let firm = state
        .companies
        .iter()
        .filter(|c| c.kind == CompanyKind::Firm);
    firm.chain(accessible_clients(state, user))
        .map(|c| (c, state.connection(app, &c.id)))
        .collect()
}

/// The items (connections, journal entries) that pass `keep` and whose company `actor` may
/// see, in the order given; none for an unknown actor.
fn visible_of<'s, T>(
    state: &ProductState,
    actor: &UserId,
    items: impl Iterator<Item = &'s T>,
    company: impl Fn(&T) -> &CompanyId,
    keep: impl Fn(&T) -> bool,
) -> Vec<&'s T> {
    let Some(viewer) = state.user(actor) else {
        return Vec::new();
    };
    items
        .filter(|item| keep(item) && visible(state, viewer, company(item)))
        .collect()
}

/// The connections `actor` may see that pass `keep`.
fn visible_where<'s>(
    state: &'s ProductState,
    actor: &UserId,
    keep: impl Fn(&Connection) -> bool,
) -> Vec<&'s Connection> {
    visible_of(state, actor, state.connections.iter(), |c| &c.company, keep)
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
    visible_where(state, actor, |c| c.is_managed_by(user))
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
    let newest_first = state.journal.iter().rev();
    visible_of(
        state,
        actor,
        newest_first,
        |e| &e.company,
        |e| filter.matches(e),
    )
}

/// Who acts in a product: `wanted` (the saved choice) while that user exists, else the
/// primary admin; `None` only for a product without users.
pub fn acting_user(state: &ProductState, wanted: Option<&UserId>) -> Option<UserId> {
    wanted
        .filter(|u| state.user(u).is_some())
        .cloned()
        .or_else(|| state.primary_admin().map(|u| u.id.clone()))
}
