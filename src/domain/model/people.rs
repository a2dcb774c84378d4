//! The products, their companies and their users, with the roles that decide what each
//! user may do.

use serde::{Deserialize, Serialize};

use super::ids::{CompanyId, Timestamp, UserId};
use crate::domain::i18n::Lang;

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
    /// Whether the user accesses every client ("Tous les clients"), whatever `clients`
    /// holds. Absent (false) from data saved before it existed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub all_clients: bool,
    /// The person's e-mail address. Absent (empty) from data saved before people had one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Someone who was a user and was removed ("Supprimer"): kept so that the journal,
/// receipts and requests still name them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerUser {
    pub id: UserId,
    pub name: String,
    /// When they were removed (the demo's time).
    pub left: Timestamp,
}

impl User {
    /// "Claire Martin — administratrice principale", as the Utilisateur control shows it.
    pub fn label(&self, lang: Lang) -> String {
        format!("{} — {}", self.name, self.role.label(self.gender, lang))
    }

    /// Whether the user is the primary admin or an administrator.
    pub fn is_admin(&self) -> bool {
        matches!(self.role, Role::PrimaryAdmin | Role::Admin)
    }

    /// Whether the user accesses every client: the primary admin, or "Tous les clients".
    pub fn sees_every_client(&self) -> bool {
        self.role == Role::PrimaryAdmin || self.all_clients
    }
}
