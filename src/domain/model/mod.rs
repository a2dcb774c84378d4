//! The data of one product: its companies, users, connections and journal.
//! Plain values, no behaviour beyond lookups; every rule lives in `command` and `queries`.

pub mod error;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::disconnection::receipt::Receipt;
use crate::domain::forms::settings::SettingValue;
use crate::domain::health::suspension::Suspension;
use crate::domain::i18n::Lang;
use crate::domain::journal::JournalEntry;
use crate::domain::requests::AppRequest;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A catalogue app, by its slug (`caisse-horizon`).
    AppId
);
id_type!(
    /// A user of one product, by slug (`claire-martin`).
    UserId
);
id_type!(
    /// A company: the small business, the firm or one of its clients.
    CompanyId
);

/// Milliseconds since 1970-01-01 UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// 1970-01-01 and 9999-12-31 (its last millisecond, UTC): the dates a stored or
    /// imported time may have. Outside, a date would print as nonsense ("-271821").
    pub const EARLIEST: Timestamp = Timestamp(0);
    pub const LATEST: Timestamp = Timestamp(253_402_300_799_999);

    pub fn is_plausible(self) -> bool {
        (Self::EARLIEST..=Self::LATEST).contains(&self)
    }
}

/// The two products; each keeps its own state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Product {
    #[serde(rename = "quickbooks")]
    QuickBooks,
    #[serde(rename = "expert-comptable")]
    ExpertComptable,
}

impl Product {
    pub const ALL: [Product; 2] = [Product::QuickBooks, Product::ExpertComptable];

    /// The product's name as the Produit control shows it.
    pub fn label(self) -> &'static str {
        match self {
            Product::QuickBooks => "QuickBooks",
            Product::ExpertComptable => "QuickBooks Expert-Comptable",
        }
    }

    /// The product's segment in URLs and storage keys.
    pub fn slug(self) -> &'static str {
        match self {
            Product::QuickBooks => "quickbooks",
            Product::ExpertComptable => "expert-comptable",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Product> {
        Product::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

/// A user's role; it decides what the user may do (see `permissions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    #[serde(rename = "administrateur-principal")]
    PrimaryAdmin,
    #[serde(rename = "administrateur")]
    Admin,
    #[serde(rename = "utilisateur-standard")]
    Standard,
}

/// Grammatical gender, only so that roles read naturally in French.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "f")]
    Feminine,
    #[serde(rename = "m")]
    Masculine,
}

impl Role {
    pub fn label(self, gender: Gender, lang: Lang) -> &'static str {
        match (self, gender) {
            (Role::PrimaryAdmin, Gender::Feminine) => lang.role_primary_admin_f(),
            (Role::PrimaryAdmin, Gender::Masculine) => lang.role_primary_admin_m(),
            (Role::Admin, Gender::Feminine) => lang.role_admin_f(),
            (Role::Admin, Gender::Masculine) => lang.role_admin_m(),
            (Role::Standard, Gender::Feminine) => lang.role_standard_f(),
            (Role::Standard, Gender::Masculine) => lang.role_standard_m(),
        }
    }
}

/// What a company is to the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompanyKind {
    /// The QuickBooks small business.
    #[serde(rename = "entreprise")]
    Business,
    /// The accounting firm of QuickBooks Expert-Comptable.
    #[serde(rename = "cabinet")]
    Firm,
    /// One of the firm's clients.
    #[serde(rename = "client")]
    Client,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    pub kind: CompanyKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    pub gender: Gender,
    /// Clients this user may access (Expert-Comptable). The primary admin accesses every
    /// client whatever this holds; in QuickBooks it is empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clients: Vec<CompanyId>,
}

impl User {
    /// "Claire Martin — administratrice principale", as the Utilisateur control shows it.
    pub fn label(&self, lang: Lang) -> String {
        format!("{} — {}", self.name, self.role.label(self.gender, lang))
    }
}

/// One app connected to (or installed for) one company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub app: AppId,
    pub company: CompanyId,
    /// The user who manages the connection.
    pub manager: UserId,
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
}

impl Connection {
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

    /// A user's name, or the id itself when the user is unknown (an old journal entry).
    pub fn user_name<'a>(&'a self, id: &'a UserId) -> &'a str {
        self.user(id)
            .map(|u| u.name.as_str())
            .unwrap_or(id.as_str())
    }

    pub fn company_name<'a>(&'a self, id: &'a CompanyId) -> &'a str {
        self.company(id)
            .map(|c| c.name.as_str())
            .unwrap_or(id.as_str())
    }
}
