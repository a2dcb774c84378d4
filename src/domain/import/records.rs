//! The checks of what a state records: its journal entries and its receipts.

use super::validate::{Ids, Origin, Report, DATE_RANGE};
use super::validate::{MAX_ID, MAX_LINE, MAX_LINES, MAX_NAME};
use crate::domain::catalogue::Catalogue;
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::forms::questionnaire::{Answers, Questionnaire, QuestionnaireError, Reason};
use crate::domain::forms::settings::SettingValue;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::journal::Event;
use crate::domain::model::{Product, ProductState, UserId};
use crate::domain::requests::check_text;
use crate::domain::text::char_len;

/// Each journal entry: numbers that grow, its date, product and references, its event.
pub(super) fn check_journal(
    r: &mut Report,
    state: &ProductState,
    product: Product,
    catalogue: &Catalogue,
    origin: Origin,
    ids: &Ids,
) {
    let mut last_seq = 0;
    for (i, e) in state.journal.iter().enumerate() {
        let at = |field: &str| format!("data.journal[{i}].{field}");
        if e.seq <= last_seq {
            r.push_fixed(at("seq"), Lang::validate_journal_seq);
        }
        last_seq = e.seq;
        if !e.at.is_plausible() {
            r.push_fixed(at("at"), DATE_RANGE);
        }
        if e.product != product {
            r.push_fixed(at("product"), Lang::validate_journal_product);
        }
        if !ids.users.contains(&e.actor) {
            r.push(at("actor"), |l| l.validate_unknown_user(&e.actor));
        }
        if !ids.companies.contains(&e.company) {
            r.push(at("company"), |l| l.validate_unknown_company(&e.company));
        }
        match &e.app {
            Some(app) if catalogue.app(app).is_none() && origin == Origin::Import => {
                r.push(at("app"), |l| l.validate_unknown_app(app));
            }
            None if !e.event.names_no_app() => {
                r.push_fixed(at("app"), Lang::validate_entry_without_app);
            }
            _ => {}
        }
        check_event(r, at("event"), &e.event, origin, ids);
    }
}

/// What a journal entry's event holds: known users, valid answers, bounded changes.
fn check_event(r: &mut Report, at: String, event: &Event, origin: Origin, ids: &Ids) {
    match event {
        Event::Transfer { from, to } => known(r, &at, ids, from.iter().chain([to])),
        Event::Unmanaged { from: user }
        | Event::UserAdded { user }
        | Event::UserChanged { user } => known(r, &at, ids, [user]),
        Event::UserRemoved { user, to } => known(r, &at, ids, [user].into_iter().chain(to)),
        Event::PrimaryAdminTransfer { from, to } => known(r, &at, ids, [from, to]),
        Event::ReviewStarted { .. }
        | Event::ReviewKept { .. }
        | Event::ReviewFinished { .. }
        | Event::ReviewAbandoned { .. }
        | Event::UpdatePublished { .. }
        | Event::UpdateRefused { .. } => {}
        Event::UpdateApproved { from, to } => {
            if from >= to {
                r.push_fixed(at, Lang::updates_invalid_versions);
            }
        }
        Event::Disconnection { answers } => {
            if !answers_valid(answers, origin) {
                r.push_fixed(at, Lang::validate_bad_answers);
            }
        }
        Event::SettingsChange { changes } => {
            if changes.len() > 20 {
                r.push_fixed(at.clone(), Lang::validate_too_many_changes);
            }
            for ch in changes {
                if let SettingValue::Text(t) = &ch.to {
                    if char_len(t) > 500 {
                        r.push_fixed(at.clone(), Lang::validate_value_too_long);
                    }
                }
            }
        }
        Event::Request { message, .. } => {
            if check_text(message).is_err() {
                r.push(at, |l| l.requests_invalid_text().to_string());
            }
        }
        Event::RequestApproval { requester, .. } => {
            if !ids.users.contains(requester) {
                r.push(at, |l| l.validate_unknown_user(requester));
            }
        }
        Event::RequestRefusal {
            requester, reason, ..
        } => {
            if !ids.users.contains(requester) {
                r.push(at.clone(), |l| l.validate_unknown_user(requester));
            }
            if check_text(reason).is_err() {
                r.push(at, |l| l.requests_invalid_text().to_string());
            }
        }
        Event::Connection
        | Event::Installation
        | Event::Reconnection
        | Event::RequestWithdrawal { .. }
        | Event::Suspension
        | Event::Reactivation => {}
    }
}

/// Answers as the questionnaire would have accepted them.
fn answers_valid(answers: &Questionnaire, origin: Origin) -> bool {
    let again = Answers {
        reason: Some(answers.reason),
        other: answers.other.clone().unwrap_or_default(),
    };
    let consistent = answers.reason == Reason::Other || answers.other.is_none();
    let valid = match again.validate() {
        Ok(_) => true,
        Err(QuestionnaireError::OtherHasBidiControls) => origin == Origin::Stored,
        Err(_) => false,
    };
    valid && consistent
}

/// Each receipt: numbers that grow, its date and references, its answers, and text of
/// bounded length without control characters.
pub(super) fn check_receipts(
    r: &mut Report,
    state: &ProductState,
    catalogue: &Catalogue,
    origin: Origin,
    ids: &Ids,
) {
    let mut last_id = 0;
    for (i, receipt) in state.receipts.iter().enumerate() {
        let at = |field: &str| format!("data.receipts[{i}].{field}");
        if receipt.id <= last_id {
            r.push_fixed(at("id"), Lang::validate_receipt_seq);
        }
        last_id = receipt.id;
        if !receipt.at.is_plausible() {
            r.push_fixed(at("at"), DATE_RANGE);
        }
        if !ids.companies.contains(&receipt.company) {
            r.push(at("company"), |l| {
                l.validate_unknown_company(&receipt.company)
            });
        }
        let people = [
            ("actor", Some(&receipt.actor)),
            ("manager", receipt.manager.as_ref()),
        ];
        for (field, user) in people.into_iter().filter_map(|(f, u)| Some((f, u?))) {
            if !ids.users.contains(user) {
                r.push(at(field), |l| l.validate_unknown_user(user));
            }
        }
        if catalogue.app(&receipt.app).is_none() && origin == Origin::Import {
            r.push(at("app"), |l| l.validate_unknown_app(&receipt.app));
        }
        if !answers_valid(&receipt.answers, origin) {
            r.push_fixed(at("answers"), Lang::validate_bad_answers);
        }
        check_receipt_text(r, &at, receipt);
    }
}

/// A receipt's copied text: names, lists and raw values, each bounded.
fn check_receipt_text(r: &mut Report, at: &dyn Fn(&str) -> String, receipt: &Receipt) {
    let bad = |s: &str, max: usize| char_len(s) > max || s.chars().any(|c| c.is_control());
    for (field, text) in [
        ("app_name", &receipt.app_name),
        ("publisher", &receipt.publisher),
        ("contact", &receipt.contact),
    ] {
        if bad(text, MAX_NAME) {
            r.push(at(field), |l| l.validate_receipt_text(MAX_NAME));
        }
    }
    for (field, lines) in [
        ("permissions", &receipt.permissions),
        ("settings", &receipt.settings),
        ("settings_en", &receipt.settings_en),
    ] {
        if lines.len() > MAX_LINES || lines.iter().any(|l| bad(l, MAX_LINE)) {
            r.push(at(field), |l| {
                l.validate_receipt_lines(args::ValidateReceiptLines {
                    len: &MAX_LINES,
                    max: &MAX_LINE,
                })
            });
        }
    }
    let too_long = receipt
        .values
        .iter()
        .any(|(k, v)| bad(k, MAX_ID) || matches!(v, SettingValue::Text(t) if bad(t, MAX_LINE)));
    if receipt.values.len() > MAX_LINES || too_long {
        r.push_fixed(at("values"), Lang::validate_receipt_values);
    }
}

/// Each of `users` is someone the data knows, present or former.
pub(super) fn known<'u>(
    r: &mut Report,
    at: &str,
    ids: &Ids,
    users: impl IntoIterator<Item = &'u UserId>,
) {
    for u in users {
        if !ids.users.contains(u) {
            r.push(at.to_string(), |l| l.validate_unknown_user(u));
        }
    }
}
