//! The journal: one entry per successful command, kept in order of occurrence. Entries
//! hold ids, not names, so that they stay small; views resolve the names.

use serde::{Deserialize, Serialize};

use super::model::{AppId, CompanyId, Product, Timestamp, UserId};
use super::questionnaire::Questionnaire;
use super::settings::SettingValue;

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
    /// Management moved from one user to another.
    Transfer {
        from: UserId,
        to: UserId,
    },
    SettingsChange {
        changes: Vec<SettingChange>,
    },
    Disconnection {
        answers: Questionnaire,
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
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Connection,
        EventKind::Installation,
        EventKind::Transfer,
        EventKind::SettingsChange,
        EventKind::Disconnection,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Connection => "Connexion",
            EventKind::Installation => "Installation",
            EventKind::Transfer => "Transfert",
            EventKind::SettingsChange => "Modification des paramètres",
            EventKind::Disconnection => "Déconnexion",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            EventKind::Connection => "connexion",
            EventKind::Installation => "installation",
            EventKind::Transfer => "transfert",
            EventKind::SettingsChange => "parametres",
            EventKind::Disconnection => "deconnexion",
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
        }
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
    pub app: AppId,
    pub event: Event,
}

/// Narrows the journal; `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub app: Option<AppId>,
    pub company: Option<CompanyId>,
    pub kind: Option<EventKind>,
}

impl JournalFilter {
    pub fn matches(&self, e: &JournalEntry) -> bool {
        self.app.as_ref().is_none_or(|a| a == &e.app)
            && self.company.as_ref().is_none_or(|c| c == &e.company)
            && self.kind.is_none_or(|k| k == e.event.kind())
    }
}
