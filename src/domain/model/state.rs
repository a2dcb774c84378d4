//! Everything one product keeps: its companies, users, connections, journal, receipts and
//! requests. Plain values, no behaviour beyond lookups; every rule lives above.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{AppId, CompanyId, Timestamp, UserId};
use super::journal::JournalEntry;
use super::people::{Company, CompanyKind, FormerUser, Product, Role, User};
use super::receipt::Receipt;
use super::request::AppRequest;
use super::review::Review;
use super::suspension::Suspension;
use super::update::{Published, FIRST};
use crate::domain::forms::settings::SettingValue;
use crate::domain::i18n::Lang;

/// One app connected to (or installed for) one company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub app: AppId,
    pub company: CompanyId,
    /// The user who manages the connection; `None` once its manager was removed (or lost
    /// the right to it) and nobody was given it: "Sans gestionnaire", the app stops
    /// syncing until someone takes it over.
    pub manager: Option<UserId>,
    /// When the app was connected (installed).
    pub since: Timestamp,
    /// When its management last changed hands (a transfer); `None` while the user who
    /// connected it still manages it. Absent from data saved before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred: Option<Timestamp>,
    pub settings: BTreeMap<String, SettingValue>,
    /// When it was last used (launched, reconnected, its settings saved); `None` while
    /// nothing but connecting it or taking it over has used it. Absent from data saved
    /// before it existed: such connections count from when they were made or taken over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<Timestamp>,
    /// Set while the connection is suspended ("Suspendre"): it keeps its settings and
    /// manager but the app stops working. Absent from data saved before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended: Option<Suspension>,
    /// The app's version the connection is at: what it reads and which settings it has
    /// (see `catalogue::version`). Every connection stored before versions existed is at
    /// version 1: the schema's migration writes it, and a connection that lacks it all
    /// the same (written by hand into current data) is read at version 1 too.
    #[serde(default = "first_version")]
    pub version: u32,
    /// The newer version someone refused here ("Refuser"): the app keeps what it had
    /// until someone approves it. Absent while no update was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined: Option<u32>,
}

impl Connection {
    /// A new connection managed by `manager` since `since`, at `version`, with these
    /// settings; nothing has used it yet.
    pub fn made(
        (app, company): (AppId, CompanyId),
        manager: UserId,
        since: Timestamp,
        version: u32,
        settings: BTreeMap<String, SettingValue>,
    ) -> Connection {
        Connection {
            app,
            company,
            manager: Some(manager),
            since,
            transferred: None,
            settings,
            last_used: None,
            suspended: None,
            version,
            declined: None,
        }
    }

    /// Hands the connection to `to` at `now`: the transfer's date, and a use (taking over
    /// renews it for its new manager). Never before the connection: a command applied
    /// again after another tab's, or a clock set back, may carry an earlier time.
    pub fn hand_to(&mut self, to: UserId, now: Timestamp) {
        let now = now.max(self.since);
        self.manager = Some(to);
        self.transferred = Some(now);
        self.last_used = Some(now);
    }

    /// Whether `id` manages the connection.
    pub fn is_managed_by(&self, id: &UserId) -> bool {
        self.manager.as_ref() == Some(id)
    }

    /// Since when its manager has managed it.
    pub fn managed_since(&self) -> Timestamp {
        self.transferred.unwrap_or(self.since)
    }

    /// When it was last used: connecting and taking over count as use, and so does each
    /// later use. What the connection's health counts from (see `health`).
    pub fn last_use(&self) -> Timestamp {
        self.last_used
            .map_or(self.managed_since(), |t| t.max(self.managed_since()))
    }
}

/// Everything one product keeps. Invariants (kept by `command::apply`, checked by
/// `import`): at most one connection per app and company; each manager is a user of this
/// product; every connection's company and app exist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductState {
    pub product: Product,
    pub companies: Vec<Company>,
    pub users: Vec<User>,
    pub connections: Vec<Connection>,
    pub journal: Vec<JournalEntry>,
    /// How far the demo's clock is ahead of the real one, in milliseconds (see `clock`).
    /// Absent (0) from data saved before the demo had a clock.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub clock_offset: i64,
    /// The receipts of the latest disconnections, oldest first (see `receipt`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<Receipt>,
    /// Requests for an app ("Demander l'appli"), oldest first (see `request`). Absent
    /// from data saved before requests existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<AppRequest>,
    /// The people removed from the product, so that what they did keeps their name.
    /// Absent from data saved before people could be removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former: Vec<FormerUser>,
    /// The access reviews: the one under way, if any, and the last finished ones,
    /// oldest first (see `review`). Absent from data saved before reviews existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// The apps' newer versions published in this product, one per app at most (see
    /// `updates`). Absent from data saved before updates existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Published>,
}

fn first_version() -> u32 {
    FIRST
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl ProductState {
    pub fn user(&self, id: &UserId) -> Option<&User> {
        self.users.iter().find(|u| &u.id == id)
    }

    pub fn company(&self, id: &CompanyId) -> Option<&Company> {
        self.companies.iter().find(|c| &c.id == id)
    }

    pub fn connection(&self, app: &AppId, company: &CompanyId) -> Option<&Connection> {
        self.connections
            .iter()
            .find(|c| &c.app == app && &c.company == company)
    }

    /// The company apps are connected to in QuickBooks, or the firm in Expert-Comptable.
    pub fn home_company(&self) -> Option<&Company> {
        self.companies
            .iter()
            .find(|c| matches!(c.kind, CompanyKind::Business | CompanyKind::Firm))
    }

    /// Whether an app can be connected to `company` in this product: the business
    /// (QuickBooks), or the firm or one of its clients (Expert-Comptable).
    pub fn connection_target(&self, company: &Company) -> bool {
        match self.product {
            Product::QuickBooks => company.kind == CompanyKind::Business,
            Product::ExpertComptable => {
                matches!(company.kind, CompanyKind::Firm | CompanyKind::Client)
            }
        }
    }

    pub fn clients(&self) -> impl Iterator<Item = &Company> {
        self.companies
            .iter()
            .filter(|c| c.kind == CompanyKind::Client)
    }

    pub fn primary_admin(&self) -> Option<&User> {
        self.users.iter().find(|u| u.role == Role::PrimaryAdmin)
    }

    /// A user's name (a removed person's too), or the id itself when the user is unknown
    /// (an old journal entry).
    pub fn user_name<'a>(&'a self, id: &'a UserId) -> &'a str {
        self.user(id)
            .map(|u| u.name.as_str())
            .or_else(|| self.former_user(id).map(|f| f.name.as_str()))
            .unwrap_or(id.as_str())
    }

    /// Someone removed from the product.
    pub fn former_user(&self, id: &UserId) -> Option<&FormerUser> {
        self.former.iter().find(|f| &f.id == id)
    }

    /// Who manages a connection, as lists and receipts name them: "Sans gestionnaire"
    /// when nobody does.
    pub fn manager_name(&self, manager: Option<&UserId>, lang: Lang) -> String {
        match manager {
            Some(id) => self.person(id, lang),
            None => lang.users_kind_unmanaged().to_string(),
        }
    }

    /// Who managed a connection before a take-over, as a sentence names them: "personne
    /// (sans gestionnaire)" when nobody did.
    pub fn former_manager(&self, manager: Option<&UserId>, lang: Lang) -> String {
        match manager {
            Some(id) => self.person(id, lang),
            None => lang.users_nobody_manages().to_string(),
        }
    }

    /// A name as the journal, receipts and requests show it: a removed person's is marked
    /// "(ne fait plus partie de l'équipe)".
    pub fn person(&self, id: &UserId, lang: Lang) -> String {
        match self.user(id) {
            Some(u) => u.name.clone(),
            None => match self.former_user(id) {
                Some(f) => lang.users_former(&f.name),
                None => id.to_string(),
            },
        }
    }

    /// The newer version of `app` published in this product, if any.
    pub fn published(&self, app: &AppId) -> Option<&Published> {
        self.updates.iter().find(|u| &u.app == app)
    }

    /// The version a connection of `app` made now is at: the published one, or the first.
    pub fn version_for_new(&self, app: &AppId) -> u32 {
        self.published(app).map_or(FIRST, |p| p.version)
    }

    /// The published newer version the connection has not taken: waiting for an approval
    /// there, or refused there.
    pub fn newer_for(&self, c: &Connection) -> Option<&Published> {
        self.published(&c.app).filter(|p| p.version > c.version)
    }

    pub fn company_name<'a>(&'a self, id: &'a CompanyId) -> &'a str {
        self.company(id)
            .map(|c| c.name.as_str())
            .unwrap_or(id.as_str())
    }
}
