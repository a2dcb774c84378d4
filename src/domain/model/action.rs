//! What a user does to an app: the actions the table of roles governs, and how each
//! product adds an app (connects it, or installs it).

use super::journal::{Event, EventKind};
use super::people::Product;
use crate::domain::i18n::Lang;

/// The actions the table of roles governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Connect (QuickBooks) or install (Expert-Comptable) an app.
    Get,
    ChangeSettings,
    /// Take over an app managed by someone else.
    TakeOver,
    Disconnect,
    /// Suspend or reactivate a connection: the rights of disconnecting it.
    Suspend,
    /// Ask for an app where one may not connect it ("Demander l'appli"): every role,
    /// at a company they may access (an admin also at a client they may not).
    Request,
    /// Export or import the product's data (Sauvegarde): every client's data, users and
    /// roles included, so an import could hand anyone any role.
    ManageData,
    /// Run an access review ("Revue des accès") over the connections one may see.
    Review,
}

impl Action {
    /// The action as it ends "Seuls … peuvent …".
    pub fn phrase(self, product: Product, lang: Lang) -> &'static str {
        match (self, product) {
            (Action::Get, Product::QuickBooks) => lang.action_get_connect(),
            (Action::Get, Product::ExpertComptable) => lang.action_get_install(),
            (Action::ChangeSettings, _) => lang.action_change_settings(),
            (Action::TakeOver, _) => lang.action_take_over(),
            (Action::Disconnect, _) => lang.action_disconnect(),
            (Action::Suspend, _) => lang.requests_action_suspend(),
            (Action::Request, _) => lang.requests_action_request(),
            (Action::ManageData, _) => lang.action_manage_data(),
            (Action::Review, _) => lang.reviews_action(),
        }
    }
}

/// How a product adds an app: QuickBooks connects it to the company, Expert-Comptable
/// installs it for the firm or one client. Every sentence that differs by it is here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GetKind {
    Connect,
    Install,
}

impl GetKind {
    /// The dialog's button: "Connecter", "Installer".
    pub fn verb(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_verb(),
            GetKind::Install => lang.get_install_verb(),
        }
    }

    /// Whether the user chooses where (the firm or a client) before confirming.
    pub fn chooses_target(self) -> bool {
        self == GetKind::Install
    }

    /// "connectée à", "installée pour": the app's state before a company's name.
    pub fn done_at(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_done_at(),
            GetKind::Install => lang.get_install_done_at(),
        }
    }

    /// The same at the start of a sentence: "Connectée à", "Installée pour".
    pub fn done_at_capitalised(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_done_at_capitalised(),
            GetKind::Install => lang.get_install_done_at_capitalised(),
        }
    }

    /// The label of the company line in the get dialog's details.
    pub fn target_label(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_target_label(),
            GetKind::Install => lang.get_install_target_label(),
        }
    }

    /// The label of the date a connection was made: "Connectée depuis le".
    pub fn since_label(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_since_label(),
            GetKind::Install => lang.get_install_since_label(),
        }
    }

    /// The app page's card about where the app is: "Connexion", "Installations".
    pub fn where_heading(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_where_heading(),
            GetKind::Install => lang.get_install_where_heading(),
        }
    }

    /// The app page's card when the app is nowhere the user can see.
    pub fn nowhere(self, lang: Lang) -> &'static str {
        match self {
            GetKind::Connect => lang.get_connect_nowhere(),
            GetKind::Install => lang.get_install_nowhere(),
        }
    }

    /// A search result's badge for an app found at `n` places the user can see (`n ≥ 1`):
    /// "Connectée", "Installée 3 fois".
    pub fn badge(self, n: usize, lang: Lang) -> String {
        match self {
            GetKind::Connect => lang.get_connect_badge().to_string(),
            GetKind::Install => lang.get_install_badge(n),
        }
    }

    /// The journal event of a new connection.
    pub fn event(self) -> Event {
        match self {
            GetKind::Connect => Event::Connection,
            GetKind::Install => Event::Installation,
        }
    }

    pub fn event_kind(self) -> EventKind {
        self.event().kind()
    }
}
