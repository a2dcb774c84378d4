//! The journal's entries: what happened, to which app and company, by whom and when.
//! Entries hold ids, not names, so that they stay small; views resolve the names.

use serde::{Deserialize, Serialize};

use super::ids::{AppId, CompanyId, Timestamp, UserId};
use super::people::Product;
use crate::domain::forms::questionnaire::Questionnaire;
use crate::domain::forms::settings::SettingValue;
use crate::domain::i18n::Lang;

/// One setting's change, for the journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingChange {
    pub key: String,
    pub from: Option<SettingValue>,
    pub to: SettingValue,
}

/// What happened. Written `"connection"`, `"installation"` or `{"transfer": {…}}`…
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Event {
    /// An app connected to the QuickBooks company.
    Connection,
    /// An app installed for the firm or a client (Expert-Comptable).
    Installation,
    /// Management moved from one user to another; `from` is `None` when the connection
    /// had no manager (it was taken over from "Sans gestionnaire").
    Transfer {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<UserId>,
        to: UserId,
    },
    /// The connection was left without a manager: `from` was removed, or lost the right
    /// to it, and nobody was given it.
    Unmanaged {
        from: UserId,
    },
    SettingsChange {
        changes: Vec<SettingChange>,
    },
    Disconnection {
        answers: Questionnaire,
    },
    /// A connection renewed by the user who manages it ("Reconnecter"). When someone
    /// else managed it, reconnecting is a `Transfer`.
    Reconnection,
    /// "Demander l'appli": a request, numbered, with its message.
    Request {
        request: u64,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        message: String,
    },
    /// A request approved (the connection's own entry comes just before).
    RequestApproval {
        request: u64,
        requester: UserId,
    },
    RequestRefusal {
        request: u64,
        requester: UserId,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    RequestWithdrawal {
        request: u64,
    },
    /// "Suspendre": the connection stays, the app stops working.
    Suspension,
    Reactivation,
    /// A person added to the product ("Ajouter un utilisateur"). The people's entries
    /// name no app.
    UserAdded {
        user: UserId,
    },
    /// A person's name, address, role or access to clients changed ("Modifier").
    UserChanged {
        user: UserId,
    },
    /// A person removed ("Supprimer"); their connections' entries follow, one each.
    UserRemoved {
        user: UserId,
        /// Whom their connections were given to; `None` for "Personne".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<UserId>,
    },
    /// The primary admin's role handed to another administrator.
    PrimaryAdminTransfer {
        from: UserId,
        to: UserId,
    },
    /// An access review started ("Commencer une revue"); names no app.
    ReviewStarted {
        review: u64,
    },
    /// "Conserver" applied by a review: the connection stays as it is. The review's
    /// other decisions write their own action's entry (a suspension, a disconnection,
    /// a transfer).
    ReviewKept {
        review: u64,
    },
    /// A review's decisions applied; names no app.
    ReviewFinished {
        review: u64,
    },
    /// A review abandoned before its decisions were applied; names no app.
    ReviewAbandoned {
        review: u64,
    },
    /// "Simuler une mise à jour": the demo published the app's newer version (at the
    /// product's home company; every connection of the app is concerned).
    UpdatePublished {
        version: u32,
    },
    /// The connection moved to the newer version ("Approuver").
    UpdateApproved {
        from: u32,
        to: u32,
    },
    /// The newer version refused there ("Refuser"): the connection stays as it was.
    UpdateRefused {
        version: u32,
    },
}

/// The kinds the journal can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Connection,
    Installation,
    Transfer,
    SettingsChange,
    Disconnection,
    Reconnection,
    Request,
    RequestApproval,
    RequestRefusal,
    RequestWithdrawal,
    Suspension,
    Reactivation,
    Unmanaged,
    UserAdded,
    UserChanged,
    UserRemoved,
    PrimaryAdminTransfer,
    ReviewStarted,
    ReviewKept,
    ReviewFinished,
    ReviewAbandoned,
    UpdatePublished,
    UpdateApproved,
    UpdateRefused,
}

impl EventKind {
    pub const ALL: [EventKind; 24] = [
        EventKind::Connection,
        EventKind::Installation,
        EventKind::Transfer,
        EventKind::Reconnection,
        EventKind::SettingsChange,
        EventKind::Disconnection,
        EventKind::Suspension,
        EventKind::Reactivation,
        EventKind::Request,
        EventKind::RequestApproval,
        EventKind::RequestRefusal,
        EventKind::RequestWithdrawal,
        EventKind::Unmanaged,
        EventKind::UserAdded,
        EventKind::UserChanged,
        EventKind::UserRemoved,
        EventKind::PrimaryAdminTransfer,
        EventKind::ReviewStarted,
        EventKind::ReviewKept,
        EventKind::ReviewFinished,
        EventKind::ReviewAbandoned,
        EventKind::UpdatePublished,
        EventKind::UpdateApproved,
        EventKind::UpdateRefused,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EventKind::Connection => lang.journal_kind_connection(),
            EventKind::Installation => lang.journal_kind_installation(),
            EventKind::Transfer => lang.journal_kind_transfer(),
            EventKind::SettingsChange => lang.journal_kind_settings(),
            EventKind::Disconnection => lang.journal_kind_disconnection(),
            EventKind::Reconnection => lang.journal_kind_reconnection(),
            EventKind::Request => lang.requests_kind_request(),
            EventKind::RequestApproval => lang.requests_kind_approval(),
            EventKind::RequestRefusal => lang.requests_kind_refusal(),
            EventKind::RequestWithdrawal => lang.requests_kind_withdrawal(),
            EventKind::Suspension => lang.requests_kind_suspension(),
            EventKind::Reactivation => lang.requests_kind_reactivation(),
            EventKind::Unmanaged => lang.users_kind_unmanaged(),
            EventKind::UserAdded => lang.users_kind_added(),
            EventKind::UserChanged => lang.users_kind_changed(),
            EventKind::UserRemoved => lang.users_kind_removed(),
            EventKind::PrimaryAdminTransfer => lang.users_kind_primary(),
            EventKind::ReviewStarted => lang.reviews_kind_started(),
            EventKind::ReviewKept => lang.reviews_kind_kept(),
            EventKind::ReviewFinished => lang.reviews_kind_finished(),
            EventKind::ReviewAbandoned => lang.reviews_kind_abandoned(),
            EventKind::UpdatePublished => lang.updates_kind_published(),
            EventKind::UpdateApproved => lang.updates_kind_approved(),
            EventKind::UpdateRefused => lang.updates_kind_refused(),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            EventKind::Connection => "connexion",
            EventKind::Installation => "installation",
            EventKind::Transfer => "transfert",
            EventKind::SettingsChange => "parametres",
            EventKind::Disconnection => "deconnexion",
            EventKind::Reconnection => "reconnexion",
            EventKind::Request => "demande",
            EventKind::RequestApproval => "approbation",
            EventKind::RequestRefusal => "refus",
            EventKind::RequestWithdrawal => "retrait",
            EventKind::Suspension => "suspension",
            EventKind::Reactivation => "reactivation",
            EventKind::Unmanaged => "sans-gestionnaire",
            EventKind::UserAdded => "ajout-utilisateur",
            EventKind::UserChanged => "modification-utilisateur",
            EventKind::UserRemoved => "suppression-utilisateur",
            EventKind::PrimaryAdminTransfer => "administrateur-principal",
            EventKind::ReviewStarted => "debut-revue",
            EventKind::ReviewKept => "conservation-revue",
            EventKind::ReviewFinished => "fin-revue",
            EventKind::ReviewAbandoned => "abandon-revue",
            EventKind::UpdatePublished => "publication-mise-a-jour",
            EventKind::UpdateApproved => "approbation-mise-a-jour",
            EventKind::UpdateRefused => "refus-mise-a-jour",
        }
    }

    pub fn from_slug(slug: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

impl Event {
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Connection => EventKind::Connection,
            Event::Installation => EventKind::Installation,
            Event::Transfer { .. } => EventKind::Transfer,
            Event::SettingsChange { .. } => EventKind::SettingsChange,
            Event::Disconnection { .. } => EventKind::Disconnection,
            Event::Reconnection => EventKind::Reconnection,
            Event::Request { .. } => EventKind::Request,
            Event::RequestApproval { .. } => EventKind::RequestApproval,
            Event::RequestRefusal { .. } => EventKind::RequestRefusal,
            Event::RequestWithdrawal { .. } => EventKind::RequestWithdrawal,
            Event::Suspension => EventKind::Suspension,
            Event::Reactivation => EventKind::Reactivation,
            Event::Unmanaged { .. } => EventKind::Unmanaged,
            Event::UserAdded { .. } => EventKind::UserAdded,
            Event::UserChanged { .. } => EventKind::UserChanged,
            Event::UserRemoved { .. } => EventKind::UserRemoved,
            Event::PrimaryAdminTransfer { .. } => EventKind::PrimaryAdminTransfer,
            Event::ReviewStarted { .. } => EventKind::ReviewStarted,
            Event::ReviewKept { .. } => EventKind::ReviewKept,
            Event::ReviewFinished { .. } => EventKind::ReviewFinished,
            Event::ReviewAbandoned { .. } => EventKind::ReviewAbandoned,
            Event::UpdatePublished { .. } => EventKind::UpdatePublished,
            Event::UpdateApproved { .. } => EventKind::UpdateApproved,
            Event::UpdateRefused { .. } => EventKind::UpdateRefused,
        }
    }

    /// The access review the entry is part of, by its number.
    pub fn review(&self) -> Option<u64> {
        match self {
            Event::ReviewStarted { review }
            | Event::ReviewKept { review }
            | Event::ReviewFinished { review }
            | Event::ReviewAbandoned { review } => Some(*review),
            _ => None,
        }
    }

    /// Whether the entry is about people or a whole review, not an app's connection: it
    /// names no app.
    pub fn names_no_app(&self) -> bool {
        matches!(
            self,
            Event::UserAdded { .. }
                | Event::UserChanged { .. }
                | Event::UserRemoved { .. }
                | Event::PrimaryAdminTransfer { .. }
                | Event::ReviewStarted { .. }
                | Event::ReviewFinished { .. }
                | Event::ReviewAbandoned { .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// 1 for the first entry, then one more each time.
    pub seq: u64,
    pub at: Timestamp,
    pub product: Product,
    /// Who did it.
    pub actor: UserId,
    pub company: CompanyId,
    /// The app; `None` for an entry about people (see `Event::names_no_app`).
    pub app: Option<AppId>,
    pub event: Event,
}
