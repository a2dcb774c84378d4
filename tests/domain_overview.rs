//! Vue d'ensemble and the generated firm: which rows and columns each user sees, who
//! manages each cell, the counts, the orders; the large firm is valid and deterministic.

mod common;

use common::*;
use mes_apps::domain::data::generated::large_firm;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::model::{CompanyKind, Product};
use mes_apps::domain::views::overview::{overview, RowOrder};

const EC: Product = Product::ExpertComptable;

#[test]
fn each_user_sees_the_firm_then_the_clients_they_may_access() {
    let cat = catalogue();
    let state = demo_state(EC, &cat);
    for (who, expected) in [
        ("marie-dupont", EC_CLIENTS.len()),
        ("thomas-leroy", EC_CLIENTS.len() - 1),
        ("lea-moreau", LEA_CLIENTS.len()),
    ] {
        let o = overview(&state, &cat, &u(who), RowOrder::ByName);
        assert_eq!(
            o.rows.len(),
            expected + 1,
            "{who}: the firm and {expected} clients"
        );
        assert_eq!(o.rows[0].kind, CompanyKind::Firm, "{who}: the firm first");
        assert!(o.rows[1..].iter().all(|r| r.kind == CompanyKind::Client));
        let names: Vec<_> = o.rows[1..].iter().map(|r| r.name.clone()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{who}: clients by name");
    }
    let lea = overview(&state, &cat, &u("lea-moreau"), RowOrder::ByName);
    assert!(lea.rows.iter().all(|r| r.company != c("pharmacie-du-port")));
    assert!(overview(&state, &cat, &u("inconnu"), RowOrder::ByName)
        .rows
        .is_empty());
}

#[test]
fn columns_are_the_apps_installed_among_the_rows_and_cells_name_the_manager() {
    let cat = catalogue();
    let state = demo_state(EC, &cat);
    let marie = overview(&state, &cat, &u("marie-dupont"), RowOrder::ByName);
    let mut expected: Vec<_> = state.connections.iter().map(|c| c.app.clone()).collect();
    expected.sort();
    expected.dedup();
    let mut columns = marie.columns.clone();
    columns.sort();
    assert_eq!(columns, expected, "every installed app, once");
    assert_eq!(marie.connections(), state.connections.len());
    // Léa does not see the restaurant: Trésorerie Plus, installed only there, is no column.
    let lea = overview(&state, &cat, &u("lea-moreau"), RowOrder::ByName);
    assert!(!lea.columns.contains(&a("tresorerie-plus")));
    for row in &marie.rows {
        for (app, cell) in marie.columns.iter().zip(&row.cells) {
            let manager = state
                .connection(app, &row.company)
                .map(|conn| conn.manager.clone());
            assert_eq!(cell, &manager, "{app} at {}", row.company);
        }
    }
    let thomas = state
        .connections
        .iter()
        .filter(|conn| conn.is_managed_by(&u("thomas-leroy")))
        .count();
    assert_eq!(marie.managed_by(&u("thomas-leroy")), thomas);
    assert!(thomas >= 2, "the demo has several of Thomas's");
}

#[test]
fn rows_can_be_ordered_by_number_of_apps_the_firm_staying_first() {
    let cat = catalogue();
    let state = demo_state(EC, &cat);
    let o = overview(&state, &cat, &u("marie-dupont"), RowOrder::ByAppCount);
    assert_eq!(o.rows[0].kind, CompanyKind::Firm);
    let counts: Vec<usize> = o.rows[1..].iter().map(|r| r.installed()).collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|x, y| y.cmp(x));
    assert_eq!(counts, sorted, "most apps first");
    for order in RowOrder::ALL {
        assert_eq!(RowOrder::from_slug(order.slug()), Some(order));
    }
}

#[test]
fn the_large_firm_is_valid_deterministic_and_installs_every_app() {
    let cat = catalogue();
    let firm = large_firm(&cat, 200, 7, NOW);
    assert_eq!(
        firm,
        large_firm(&cat, 200, 7, NOW),
        "the same seed, the same firm"
    );
    assert_ne!(firm.connections, large_firm(&cat, 200, 8, NOW).connections);
    assert_eq!(firm.clients().count(), 200);
    assert_eq!(
        validate(&firm, EC, &cat),
        Ok(()),
        "it passes an import's checks"
    );
    let o = overview(&firm, &cat, &u("marie-dupont"), RowOrder::ByName);
    assert_eq!(o.rows.len(), 201);
    let offered = cat.apps().iter().filter(|a| a.supports(EC)).count();
    assert_eq!(
        o.columns.len(),
        offered,
        "every Expert-Comptable app somewhere"
    );
    assert_eq!(
        firm.journal.len(),
        firm.connections.len(),
        "each installation journaled"
    );
}

#[test]
fn every_cell_of_the_large_firm_names_the_manager_of_that_connection() {
    let cat = catalogue();
    let firm = large_firm(&cat, 200, 3, NOW);
    let o = overview(&firm, &cat, &u("marie-dupont"), RowOrder::ByAppCount);
    let mut cells = 0;
    for row in &o.rows {
        for (app, cell) in o.columns.iter().zip(&row.cells) {
            let expected = firm.connection(app, &row.company).map(|c| &c.manager);
            assert_eq!(cell.as_ref(), expected, "{app} at {}", row.company);
            cells += usize::from(cell.is_some());
        }
    }
    assert_eq!(
        cells,
        firm.connections.len(),
        "every connection in one cell"
    );
    assert_eq!(o.connections(), cells);
}
