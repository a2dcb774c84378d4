//! Suspension: who may suspend and reactivate (those who may disconnect), what it does to
//! the État and to Lancer and Reconnecter, that it does not count as use for expiry, its
//! journal entries, and the bulk action's per-target results.

mod common;

use common::*;
use mes_apps::domain::commands::{Command, Outcome};
use mes_apps::domain::health::clock::DAY_MS;
use mes_apps::domain::health::suspension::SuspendError;
use mes_apps::domain::health::{self, Health};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Product, Timestamp};

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn suspend(app: &str, company: &str) -> Command {
    Command::Suspend {
        app: a(app),
        company: c(company),
    }
}

fn reactivate(app: &str, company: &str) -> Command {
    Command::Reactivate {
        app: a(app),
        company: c(company),
    }
}

fn launch(app: &str, company: &str) -> Command {
    Command::Launch {
        app: a(app),
        company: c(company),
    }
}

#[test]
fn suspending_keeps_the_connection_and_stops_the_app() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let before = s
        .connection(&a("stock-malin"), &c(QB_COMPANY))
        .unwrap()
        .clone();
    apply_checked(
        &mut s,
        &cat,
        "claire-martin",
        &suspend("stock-malin", QB_COMPANY),
    )
    .unwrap();
    let conn = s.connection(&a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(
        (&conn.manager, &conn.settings, conn.since),
        (&before.manager, &before.settings, before.since)
    );
    let by = conn.suspended.as_ref().expect("suspended");
    assert_eq!(by.by, u("claire-martin"));
    assert_eq!(health::of(&s, conn, NOW), Health::Suspended);
    assert_eq!(Health::Suspended.label(Lang::Fr), "Suspendue");
    assert!(!Health::Suspended.offers_reconnect() && !Health::Suspended.is_expired());
    let entry = s.journal.last().unwrap();
    assert_eq!(
        (entry.event.clone(), entry.actor.as_str()),
        (Event::Suspension, "claire-martin")
    );
    // Lancer and Reconnecter say it is suspended; nothing changes.
    let e = refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &launch("stock-malin", QB_COMPANY),
    );
    assert!(
        matches!(e, DomainError::Suspension(SuspendError::Suspended { .. })),
        "{e:?}"
    );
    let e = refused(
        &mut s,
        &cat,
        "julien-petit",
        &Command::Reconnect {
            app: a("stock-malin"),
            company: c(QB_COMPANY),
        },
    );
    assert!(
        matches!(e, DomainError::Suspension(SuspendError::Suspended { .. })),
        "{e:?}"
    );
    refused(
        &mut s,
        &cat,
        "claire-martin",
        &suspend("stock-malin", QB_COMPANY),
    );
    // Reactivated, it opens again.
    let done = apply_checked(
        &mut s,
        &cat,
        "julien-petit",
        &reactivate("stock-malin", QB_COMPANY),
    )
    .unwrap();
    assert!(matches!(done, Outcome::Reactivated { .. }));
    assert_eq!(s.journal.last().unwrap().event, Event::Reactivation);
    assert!(s
        .connection(&a("stock-malin"), &c(QB_COMPANY))
        .unwrap()
        .suspended
        .is_none());
    apply_checked(
        &mut s,
        &cat,
        "sophie-bernard",
        &launch("stock-malin", QB_COMPANY),
    )
    .unwrap();
    refused(
        &mut s,
        &cat,
        "julien-petit",
        &reactivate("stock-malin", QB_COMPANY),
    );
}

#[test]
fn those_who_may_disconnect_may_suspend() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let e = refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &suspend("stock-malin", QB_COMPANY),
    );
    assert!(matches!(e, DomainError::Forbidden { .. }), "{e:?}");
    assert!(e.text(Lang::Fr).contains("suspendre"), "{e:?}");
    let mut s = demo_state(EC, &cat);
    refused(
        &mut s,
        &cat,
        "lea-moreau",
        &suspend("stock-malin", "boulangerie-martin"),
    );
    let e = refused(
        &mut s,
        &cat,
        "thomas-leroy",
        &suspend("stock-malin", "pharmacie-du-port"),
    );
    assert!(
        matches!(e, DomainError::ClientNotAccessible { .. }),
        "{e:?}"
    );
    apply_checked(
        &mut s,
        &cat,
        "thomas-leroy",
        &suspend("stock-malin", "boulangerie-martin"),
    )
    .unwrap();
    apply_checked(
        &mut s,
        &cat,
        "marie-dupont",
        &suspend("stock-malin", "pharmacie-du-port"),
    )
    .unwrap();
    refused(&mut s, &cat, "marie-dupont", &suspend("paie-facile", FIRM));
}

#[test]
fn a_suspension_is_not_a_use() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let last = |s: &mes_apps::domain::model::ProductState| {
        s.connection(&a("stock-malin"), &c(QB_COMPANY))
            .unwrap()
            .last_use()
    };
    let before = last(&s);
    apply_checked(
        &mut s,
        &cat,
        "claire-martin",
        &suspend("stock-malin", QB_COMPANY),
    )
    .unwrap();
    assert_eq!(last(&s), before);
    // A long suspension: once reactivated, it is as old as its last use says.
    let conn = s
        .connections
        .iter_mut()
        .find(|x| x.app == a("stock-malin"))
        .unwrap();
    conn.last_used = Some(Timestamp(NOW.0 - 120 * DAY_MS));
    let conn = conn.clone();
    assert_eq!(health::of(&s, &conn, NOW), Health::Suspended);
    apply_checked(
        &mut s,
        &cat,
        "claire-martin",
        &reactivate("stock-malin", QB_COMPANY),
    )
    .unwrap();
    let conn = s.connection(&a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(conn.last_use(), Timestamp(NOW.0 - 120 * DAY_MS));
    assert_eq!(health::of(&s, conn, NOW), Health::Expired);
}

#[test]
fn a_bulk_suspension_reports_each_target() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    let batch = Command::Batch(vec![
        suspend("stock-malin", "boulangerie-martin"),
        suspend("stock-malin", "pharmacie-du-port"),
    ]);
    let Outcome::Batch(items) = apply_checked(&mut s, &cat, "thomas-leroy", &batch).unwrap() else {
        panic!("a batch");
    };
    assert!(items[0].succeeded());
    assert!(matches!(
        items[1].result,
        Err(DomainError::ClientNotAccessible { .. })
    ));
}
