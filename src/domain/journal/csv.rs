//! The journal as a CSV file, for spreadsheets: what the journal's filters show, one row
//! per entry and one column per field, the questionnaire's answer included. RFC 4180
//! quoting (by `csv-core`, the core of the `csv` crate), CRLF line ends, UTF-8 with a
//! byte-order mark so that spreadsheet programs read the accents. A cell that starts like a formula (`=`, `+`,
//! `-`, `@`, a tab or a carriage return) is prefixed with `'`, so that no spreadsheet runs
//! text that came from a user or an imported file.

use crate::domain::catalogue::Catalogue;
use crate::domain::health::time;
use crate::domain::i18n::Lang;
use crate::domain::journal::{change_text, Event, JournalEntry};
use crate::domain::model::{Product, ProductState, Timestamp, UserId};

/// The header row, in `lang`.
pub fn columns(lang: Lang) -> [&'static str; 11] {
    [
        lang.csv_seq(),
        lang.csv_date(),
        lang.csv_type(),
        lang.csv_app(),
        lang.csv_company(),
        lang.csv_by(),
        lang.csv_from(),
        lang.csv_to(),
        lang.csv_changes(),
        lang.csv_reason(),
        lang.csv_other(),
    ]
}

/// What starts a cell that spreadsheets would take for a formula.
fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell as written: a formula-like one behind a `'`.
pub fn safe_cell(cell: &str) -> String {
    if looks_like_formula(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// One entry's cells, in the order of [`columns`].
fn row(
    state: &ProductState,
    catalogue: &Catalogue,
    e: &JournalEntry,
    tz: &dyn Fn(Timestamp) -> i32,
    lang: Lang,
) -> Vec<String> {
    let (mut from, mut to, mut changes, mut reason, mut other) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    );
    let person = |id: &UserId| state.person(id, lang);
    match &e.event {
        Event::Transfer { from: f, to: t } => {
            from = f.as_ref().map(&person).unwrap_or_default();
            to = person(t);
        }
        Event::Unmanaged { from: f } => from = person(f),
        Event::PrimaryAdminTransfer { from: f, to: t } => {
            from = person(f);
            to = person(t);
        }
        // The person in "from", whom their connections went to in "to".
        Event::UserAdded { user } | Event::UserChanged { user } => from = person(user),
        Event::UserRemoved { user, to: t } => {
            from = person(user);
            to = t.as_ref().map(&person).unwrap_or_default();
        }
        Event::SettingsChange { changes: list } => {
            if let Some(app) = &e.app {
                changes = list
                    .iter()
                    .map(|c| change_text(catalogue, app, c, lang))
                    .collect::<Vec<_>>()
                    .join(lang.csv_changes_separator());
            }
        }
        Event::Disconnection { answers } => {
            reason = answers.reason.label(lang).to_string();
            other = answers.other.clone().unwrap_or_default();
        }
        // The requester in "from", the request's message or reason in "other".
        Event::Request { message, .. } => other = message.clone(),
        Event::RequestApproval { requester, .. } => from = person(requester),
        Event::RequestRefusal {
            requester,
            reason: why,
            ..
        } => {
            from = person(requester);
            other = why.clone();
        }
        // The review's number in "other".
        Event::ReviewStarted { review }
        | Event::ReviewKept { review }
        | Event::ReviewFinished { review }
        | Event::ReviewAbandoned { review } => other = lang.reviews_detail(review),
        // The versions in "other".
        Event::UpdatePublished { .. }
        | Event::UpdateApproved { .. }
        | Event::UpdateRefused { .. } => {
            other = super::update_detail(&e.event, lang).unwrap_or_default();
        }
        Event::Connection
        | Event::Installation
        | Event::Reconnection
        | Event::RequestWithdrawal { .. }
        | Event::Suspension
        | Event::Reactivation => {}
    }
    vec![
        e.seq.to_string(),
        time::iso_date_time(e.at, tz(e.at)),
        e.event.kind().label(lang).to_string(),
        e.app
            .as_ref()
            .map(|a| catalogue.app_name(a).to_string())
            .unwrap_or_default(),
        state.company_name(&e.company).to_string(),
        person(&e.actor),
        from,
        to,
        changes,
        reason,
        other,
    ]
}

/// Writes one record onto `out`: each field quoted when the writer's table says one of
/// its bytes needs it (a comma, a quote, a line break), its quotes doubled by the crate.
///
/// `csv_core::Writer::field` would do the same, but it also carries the "quote what is
/// not a number" style, which parses floats: the float parser and its tables cost 15 KB
/// of brotli wasm. `quote` and the special-byte table are the same code without it.
fn record(writer: &csv_core::Writer, out: &mut Vec<u8>, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let input = cell.as_bytes();
        if !input.iter().any(|b| writer.is_special_byte(*b)) {
            out.extend_from_slice(input);
            continue;
        }
        // Room for the worst case: every byte a doubled quote.
        let mut buf = vec![0; 2 * input.len()];
        let (_, _, n) = csv_core::quote(input, &mut buf, b'"', b'"', true);
        out.push(b'"');
        out.extend_from_slice(&buf[..n]);
        out.push(b'"');
    }
    out.extend_from_slice(b"\r\n");
}

/// The file's text: the byte-order mark, the header, one row per entry in the order
/// given. `tz` gives the UTC offset (minutes east) at a time, for local dates.
pub fn write(
    state: &ProductState,
    catalogue: &Catalogue,
    entries: &[&JournalEntry],
    tz: &dyn Fn(Timestamp) -> i32,
    lang: Lang,
) -> String {
    let header: Vec<String> = columns(lang).iter().map(|c| c.to_string()).collect();
    let rows = entries.iter().map(|e| row(state, catalogue, e, tz, lang));
    file(header, rows)
}

/// A CSV file's text: the byte-order mark, the header, then each row with its
/// formula-like cells disarmed. The journal's file and a review's report alike.
pub fn file(header: Vec<String>, rows: impl Iterator<Item = Vec<String>>) -> String {
    let writer = csv_core::WriterBuilder::new()
        .terminator(csv_core::Terminator::CRLF)
        .build();
    let mut out = "\u{feff}".as_bytes().to_vec();
    record(&writer, &mut out, &header);
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| safe_cell(c)).collect();
        record(&writer, &mut out, &cells);
    }
    // Only UTF-8 went in, and quotes and delimiters are ASCII: the bytes are UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// `journal-quickbooks-2026-12-01.csv`, or with the client the export is narrowed to:
/// `journal-expert-comptable-garage-lefevre-2026-12-01.csv`.
pub fn file_name(product: Product, client: Option<&str>, iso_date: &str) -> String {
    match client {
        Some(c) => format!("journal-{}-{c}-{iso_date}.csv", product.slug()),
        None => format!("journal-{}-{iso_date}.csv", product.slug()),
    }
}
