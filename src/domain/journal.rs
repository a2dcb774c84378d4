//! The journal: one entry per successful command, kept in order of occurrence. Entries
//! hold ids, not names, so that they stay small; views resolve the names.

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::i18n::Lang;
use super::model::{AppId, CompanyId, Product, ProductState, Timestamp, UserId};
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
}

impl EventKind {
    pub const ALL: [EventKind; 12] = [
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

/// The number the next journal entry will have.
pub fn next_seq(state: &ProductState) -> u64 {
    state.journal.last().map_or(1, |e| e.seq + 1)
}

/// Appends an entry to the product's journal, numbered after the last one: the one way
/// entries are written, by commands and by the demo's history alike.
pub fn record(
    state: &mut ProductState,
    at: Timestamp,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    event: Event,
) {
    let seq = next_seq(state);
    state.journal.push(JournalEntry {
        seq,
        at,
        product: state.product,
        actor: actor.clone(),
        company: company.clone(),
        app: app.clone(),
        event,
    });
}

/// A settings change as the journal reads it: "Fréquence : Quotidienne → Hebdomadaire".
pub fn change_text(
    catalogue: &Catalogue,
    app: &AppId,
    change: &SettingChange,
    lang: Lang,
) -> String {
    let def = catalogue.app(app).and_then(|d| d.setting(&change.key));
    let label = def.map_or(change.key.as_str(), |d| d.label.as_str());
    let from = change
        .from
        .as_ref()
        .map(|v| v.display(def, lang))
        .unwrap_or_else(|| lang.journal_no_value().into());
    lang.typeset(&lang.journal_change(from, label, change.to.display(def, lang)))
}

/// An entry's details as the journal lists them: who management passed between, each
/// setting's change, the questionnaire's answer.
pub fn details(
    state: &ProductState,
    catalogue: &Catalogue,
    e: &JournalEntry,
    lang: Lang,
) -> Vec<String> {
    match &e.event {
        Event::Connection
        | Event::Installation
        | Event::Reconnection
        | Event::RequestWithdrawal { .. }
        | Event::Suspension
        | Event::Reactivation => Vec::new(),
        Event::Request { message, .. } if message.is_empty() => Vec::new(),
        Event::Request { message, .. } => vec![lang.requests_detail_message(message)],
        Event::RequestApproval { requester, .. } => {
            vec![lang.requests_detail_requester(state.user_name(requester))]
        }
        Event::RequestRefusal {
            requester, reason, ..
        } => {
            let mut lines = vec![lang.requests_detail_requester(state.user_name(requester))];
            if !reason.is_empty() {
                lines.push(lang.requests_detail_reason(reason));
            }
            lines
        }
        Event::Transfer { from, to } => {
            vec![lang.journal_transferred(state.user_name(from), state.user_name(to))]
        }
        Event::SettingsChange { changes } => changes
            .iter()
            .map(|c| change_text(catalogue, &e.app, c, lang))
            .collect(),
        Event::Disconnection { answers } => vec![lang.journal_reason(answers.summary(lang))],
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn empty(product: Product) -> ProductState {
        ProductState {
            product,
            companies: Vec::new(),
            users: Vec::new(),
            connections: Vec::new(),
            journal: Vec::new(),
            clock_offset: 0,
            receipts: Vec::new(),
            requests: Vec::new(),
        }
    }

    #[test]
    fn record_numbers_from_one_then_after_the_last_entry() {
        let mut state = empty(Product::ExpertComptable);
        let (app, company, actor) = (AppId::new("a"), CompanyId::new("c"), UserId::new("u"));
        for (i, at) in [5, 3, 9].into_iter().enumerate() {
            record(
                &mut state,
                Timestamp(at),
                &actor,
                (&app, &company),
                Event::Installation,
            );
            assert_eq!(state.journal.len(), i + 1);
        }
        let seqs: Vec<u64> = state.journal.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        assert_eq!(
            state.journal[1],
            JournalEntry {
                seq: 2,
                at: Timestamp(3),
                product: Product::ExpertComptable,
                actor: actor.clone(),
                company: company.clone(),
                app: app.clone(),
                event: Event::Installation,
            }
        );
        // A journal whose numbers do not start at 1 (an imported one, say) goes on from
        // its last number, not from its length.
        state.journal.remove(0);
        state.journal[1].seq = 41;
        record(
            &mut state,
            Timestamp(10),
            &actor,
            (&app, &company),
            Event::Connection,
        );
        assert_eq!(state.journal.last().map(|e| e.seq), Some(42));
    }
}
