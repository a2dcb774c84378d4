//! The journal: one entry per successful command, kept in order of occurrence. Entries
//! hold ids, not names, so that they stay small; views resolve the names.

pub mod csv;

use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, ProductState, Timestamp, UserId};

pub use crate::domain::model::journal::{Event, EventKind, JournalEntry, SettingChange};

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
        app: Some(app.clone()),
        event,
    });
}

/// Appends an entry about people (a person added, changed or removed, the primary
/// admin's role handed over) or a whole access review (started, finished, abandoned):
/// it names the product's own company and no app.
pub fn record_without_app(state: &mut ProductState, at: Timestamp, actor: &UserId, event: Event) {
    let seq = next_seq(state);
    let company = state
        .home_company()
        .map(|c| c.id.clone())
        .unwrap_or_else(|| CompanyId::new(""));
    state.journal.push(JournalEntry {
        seq,
        at,
        product: state.product,
        actor: actor.clone(),
        company,
        app: None,
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
    lang.typeset(&lang.journal_change(args::JournalChange {
        from: &from,
        label: &label,
        to: &change.to.display(def, lang),
    }))
}

/// An entry's details as the journal lists them: who management passed between, each
/// setting's change, the questionnaire's answer, the person added or removed. A person
/// who has left is named with "(ne fait plus partie de l'équipe)".
pub fn details(
    state: &ProductState,
    catalogue: &Catalogue,
    e: &JournalEntry,
    lang: Lang,
) -> Vec<String> {
    let person = |id: &UserId| state.person(id, lang);
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
            vec![lang.requests_detail_requester(person(requester))]
        }
        Event::RequestRefusal {
            requester, reason, ..
        } => {
            let mut lines = vec![lang.requests_detail_requester(person(requester))];
            if !reason.is_empty() {
                lines.push(lang.requests_detail_reason(reason));
            }
            lines
        }
        Event::Transfer { from, to } => {
            let from = from
                .as_ref()
                .map_or_else(|| lang.users_nobody_manages().to_string(), person);
            vec![lang.journal_transferred(args::JournalTransferred {
                from: &from,
                to: &person(to),
            })]
        }
        Event::Unmanaged { from } => vec![lang.users_detail_unmanaged(person(from))],
        Event::SettingsChange { changes } => match &e.app {
            Some(app) => changes
                .iter()
                .map(|c| change_text(catalogue, app, c, lang))
                .collect(),
            None => Vec::new(),
        },
        Event::Disconnection { answers } => vec![lang.journal_reason(answers.summary(lang))],
        Event::UserAdded { user } | Event::UserChanged { user } => {
            vec![lang.users_detail_person(person(user))]
        }
        Event::UserRemoved { user, to } => {
            let to = to
                .as_ref()
                .map_or_else(|| lang.users_nobody().to_string(), person);
            vec![
                lang.users_detail_person(person(user)),
                lang.users_detail_given_to(to),
            ]
        }
        Event::PrimaryAdminTransfer { from, to } => {
            vec![lang.journal_transferred(args::JournalTransferred {
                from: &person(from),
                to: &person(to),
            })]
        }
        Event::ReviewStarted { review }
        | Event::ReviewKept { review }
        | Event::ReviewFinished { review }
        | Event::ReviewAbandoned { review } => vec![lang.reviews_detail(review)],
        Event::UpdatePublished { .. }
        | Event::UpdateApproved { .. }
        | Event::UpdateRefused { .. } => update_detail(&e.event, lang).into_iter().collect(),
    }
}

/// What an update's entry says: the version published, approved or refused.
pub fn update_detail(event: &Event, lang: Lang) -> Option<String> {
    match event {
        Event::UpdatePublished { version } => Some(lang.updates_detail_published(version)),
        Event::UpdateApproved { from, to } => {
            Some(lang.updates_detail_approved(args::UpdatesDetailApproved {
                from: &from,
                to: &to,
            }))
        }
        Event::UpdateRefused { version } => Some(lang.updates_detail_refused(version)),
        _ => None,
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
        self.app.as_ref().is_none_or(|a| Some(a) == e.app.as_ref())
            && self.company.as_ref().is_none_or(|c| c == &e.company)
            && self.kind.is_none_or(|k| k == e.event.kind())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Product;

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
            former: Vec::new(),
            reviews: Vec::new(),
            updates: Vec::new(),
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
                app: Some(app.clone()),
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
