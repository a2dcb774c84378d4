//! "Ce qui va s'arrêter": what disconnecting an app stops, said before the user confirms
//! and kept in the receipt — the data it reads, its settings as they are, where else it
//! stays installed (Expert-Comptable) and who manages it when it is someone else.

use crate::domain::access::permissions::can_access;
use crate::domain::catalogue::Catalogue;
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::forms::settings;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

/// What stops, as plain values; `lines` says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// The data the app reads.
    pub data: Vec<String>,
    /// Its settings as they read ("Label : valeur").
    pub settings: Vec<String>,
    /// The other companies (the firm, clients) it stays installed for.
    pub elsewhere: Vec<String>,
    /// Who manages it, when it is not the acting user.
    pub other_manager: Option<String>,
}

/// What disconnecting `app` from `company` stops, as `actor` may know it (only the
/// companies they may access are named), its settings said in `lang`; `None` when it is
/// not connected there.
pub fn of(
    state: &ProductState,
    catalogue: &Catalogue,
    actor: &UserId,
    app: &AppId,
    company: &CompanyId,
    lang: Lang,
) -> Option<Impact> {
    let c = state.connection(app, company)?;
    let def = catalogue.app(app);
    let user = state.user(actor);
    let elsewhere = state
        .connections
        .iter()
        .filter(|o| &o.app == app && &o.company != company)
        .filter_map(|o| state.company(&o.company))
        .filter(|co| user.is_some_and(|u| can_access(u, co)))
        .map(|co| co.name.clone())
        .collect();
    Some(Impact {
        // What the app reads at the connection's version.
        data: def.map(|d| d.reads_at(c.version)).unwrap_or_default(),
        settings: def
            .map(|d| settings::summary(&d.settings_at(c.version), &c.settings, lang))
            .unwrap_or_default(),
        elsewhere,
        other_manager: c
            .manager
            .as_ref()
            .filter(|m| *m != actor)
            .map(|m| state.user_name(m).to_string()),
    })
}

/// The same list for a receipt, from what it kept, as `viewer` may know it.
pub fn of_receipt(state: &ProductState, receipt: &Receipt, viewer: &UserId) -> Impact {
    let user = state.user(viewer);
    Impact {
        data: receipt.permissions.clone(),
        settings: receipt.settings.clone(),
        elsewhere: receipt
            .also_at
            .iter()
            .filter_map(|c| state.company(c))
            .filter(|co| user.is_some_and(|u| can_access(u, co)))
            .map(|co| co.name.clone())
            .collect(),
        other_manager: receipt
            .manager
            .as_ref()
            .filter(|m| *m != &receipt.actor)
            .map(|m| state.user_name(m).to_string()),
    }
}

impl Impact {
    /// The list's lines, in order: data, settings, elsewhere, manager.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        if self.data.is_empty() {
            lines.push(lang.requests_impact_no_data().to_string());
        } else {
            lines.push(lang.requests_impact_data(self.data.join(", ")));
        }
        if self.settings.is_empty() {
            lines.push(lang.requests_impact_no_settings().to_string());
        } else {
            let settings = self.settings.join(lang.setting_separator());
            lines.push(lang.typeset(&lang.requests_impact_settings(settings)));
        }
        lines.extend(self.context_lines(lang));
        lines
    }

    /// The lines past the data and settings (which a receipt lists on its own): where
    /// else it stays installed, and who managed it.
    pub fn context_lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.elsewhere.is_empty() {
            lines.push(lang.requests_impact_elsewhere(self.elsewhere.join(", ")));
        }
        if let Some(name) = &self.other_manager {
            lines.push(lang.requests_impact_manager(name));
        }
        lines
    }
}
