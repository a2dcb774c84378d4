//! The journal's CSV export: a byte-order mark, one column per field, RFC 4180 quoting of
//! commas, quotes and line breaks (read back by a CSV reader to the same text), formula-
//! like cells disarmed, and one client's audit trail through the journal's filter.

mod common;

use common::*;
use mes_apps::domain::access::queries;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::csv::{columns, file_name, safe_cell, write};
use mes_apps::domain::journal::JournalFilter;
use mes_apps::domain::model::{Product, ProductState};

const EC: Product = Product::ExpertComptable;

fn csv_of(state: &ProductState, actor: &str, filter: &JournalFilter) -> String {
    let cat = catalogue();
    let entries = queries::journal(state, &u(actor), filter);
    write(state, &cat, &entries, &|_| 60, Lang::Fr)
}

/// The rows a CSV reader finds, header included.
fn read(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_header_then_one_row_per_entry_with_crlf() {
    let cat = catalogue();
    let state = demo_state(EC, &cat);
    let text = csv_of(&state, "marie-dupont", &JournalFilter::default());
    assert!(text.starts_with("\u{feff}N°,Date,Type,Appli,Entreprise,Par,"));
    assert!(text.contains("\r\n"));
    let rows = read(&text);
    assert_eq!(rows[0], columns(Lang::Fr));
    assert_eq!(rows.len(), state.journal.len() + 1);
    assert!(rows.iter().all(|r| r.len() == columns(Lang::Fr).len()));
    // Newest first, as the journal shows it; the date in the zone given (UTC+1 here).
    let last = state.journal.last().unwrap();
    assert_eq!(rows[1][0], last.seq.to_string());
    assert_eq!(
        rows[1][1],
        mes_apps::domain::health::time::iso_date_time(last.at, 60)
    );
    assert_eq!(rows[1][2], "Installation");
    assert_eq!(rows[1][3], "Stock Malin");
    assert_eq!(rows[1][4], "Pharmacie du Port");
    assert_eq!(rows[1][5], "Marie Dupont");
}

#[test]
fn the_english_file_has_english_headers_and_types() {
    let cat = catalogue();
    let state = demo_state(EC, &cat);
    let entries = queries::journal(&state, &u("marie-dupont"), &JournalFilter::default());
    let text = write(&state, &cat, &entries, &|_| 60, Lang::En);
    assert!(text.starts_with("\u{feff}No.,Date,Type,App,Company,By,"));
    let rows = read(&text);
    assert_eq!(rows[0], columns(Lang::En));
    assert_eq!(rows[1][2], "Installation");
    assert!(rows
        .iter()
        .skip(1)
        .all(|r| r[2] != "Transfert" && r[2] != "Déconnexion"));
}

#[test]
fn commas_quotes_and_line_breaks_are_quoted_and_read_back() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let said = "lente, \"vraiment\"\net chère";
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &disconnect("stock-malin", "pharmacie-du-port", other(said)),
    )
    .unwrap();
    let text = csv_of(&state, "marie-dupont", &JournalFilter::default());
    assert!(
        text.contains("\"lente, \"\"vraiment\"\"\net chère\""),
        "{text}"
    );
    let rows = read(&text);
    assert_eq!(rows[1][2], "Déconnexion");
    assert_eq!(rows[1][9], "Autre");
    assert_eq!(rows[1][10], said);
}

#[test]
fn cells_that_look_like_formulas_are_disarmed() {
    for cell in ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(safe_cell(cell), format!("'{cell}"));
    }
    for cell in ["Stock Malin", "2026-03-12 11:05", "", "a=b"] {
        assert_eq!(safe_cell(cell), cell);
    }
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    // Names come from imported files too.
    state
        .companies
        .iter_mut()
        .find(|x| x.id == c("garage-lefevre"))
        .unwrap()
        .name = "=HYPERLINK(\"http://x\")".into();
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &disconnect("factures-express", "garage-lefevre", other("@chef, +vite")),
    )
    .unwrap();
    let rows = read(&csv_of(&state, "marie-dupont", &JournalFilter::default()));
    assert_eq!(rows[1][4], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[1][10], "'@chef, +vite");
}

#[test]
fn one_clients_audit_trail() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    apply_checked(
        &mut state,
        &cat,
        "thomas-leroy",
        &update(
            "factures-express",
            "garage-lefevre",
            changed_values(app_def(&cat, "factures-express")),
        ),
    )
    .unwrap();
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &get("tableau-clair", "garage-lefevre"),
    )
    .unwrap();
    let filter = JournalFilter {
        company: Some(c("garage-lefevre")),
        ..JournalFilter::default()
    };
    let rows = read(&csv_of(&state, "thomas-leroy", &filter));
    assert_eq!(rows.len(), 4, "three entries and the header");
    assert!(rows[1..].iter().all(|r| r[4] == "Garage Lefèvre"));
    assert_eq!(rows[2][2], "Modification des paramètres");
    assert!(rows[2][8].contains(" → "), "{:?}", rows[2]);
    assert_eq!(
        file_name(EC, Some("garage-lefevre"), "2026-12-01"),
        "journal-expert-comptable-garage-lefevre-2026-12-01.csv"
    );
    assert_eq!(
        file_name(EC, None, "2026-12-01"),
        "journal-expert-comptable-2026-12-01.csv"
    );
    // Someone who may not see that client gets no row of it.
    let rows = read(&csv_of(&state, "lea-moreau", &filter));
    assert_eq!(rows.len(), 1);
}
