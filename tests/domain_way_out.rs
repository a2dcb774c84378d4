//! The questionnaire's better ways out: its reasons (the two new ones before "Autre",
//! stored under names that never change), "Reconnecter plutôt" for troubleshooting,
//! "Prendre en charge plutôt" when the manager has left and the user may take over, or
//! who may when they may not.

mod common;

use common::*;
use mes_apps::domain::forms::questionnaire::{Questionnaire, Reason};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::Product;
use mes_apps::domain::views::way_out::{for_reason, WayOut};

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

#[test]
fn the_reasons_with_autre_last_and_stable_names() {
    let labels: Vec<&str> = Reason::ALL.iter().map(|r| r.label(Lang::Fr)).collect();
    assert_eq!(labels.len(), 9);
    assert_eq!(labels.last(), Some(&"Autre"));
    assert!(labels.contains(&"Dépannage : je vais la reconnecter ensuite"));
    assert!(labels.contains(&"La personne qui l'a connectée est partie"));
    // What saved data holds: the names of the reasons before these, unchanged.
    let stored = |r: Reason| {
        serde_json::to_string(&Questionnaire {
            reason: r,
            other: None,
        })
        .unwrap()
    };
    assert_eq!(
        stored(Reason::TooExpensive),
        r#"{"reason":"too-expensive"}"#
    );
    assert_eq!(
        stored(Reason::Troubleshooting),
        r#"{"reason":"troubleshooting"}"#
    );
    assert_eq!(stored(Reason::ManagerLeft), r#"{"reason":"manager-left"}"#);
    let old: Questionnaire = serde_json::from_str(r#"{"reason":"data-concerns"}"#).unwrap();
    assert_eq!(old.reason, Reason::DataConcerns);
}

fn way(product: Product, actor: &str, app: &str, company: &str, reason: Reason) -> Option<WayOut> {
    let cat = catalogue();
    let state = demo_state(product, &cat);
    for_reason(
        &state,
        &env(&cat),
        &u(actor),
        (&a(app), &c(company)),
        reason,
    )
}

#[test]
fn troubleshooting_offers_to_reconnect_instead() {
    let w = way(
        QB,
        "claire-martin",
        "banque-sereine",
        QB_COMPANY,
        Reason::Troubleshooting,
    )
    .unwrap();
    assert_eq!(w, WayOut::Reconnect);
    assert_eq!(w.button(Lang::Fr), Some("Reconnecter plutôt"));
    // Reconnecting someone else's app in Expert-Comptable is the primary admin's.
    let w = way(
        EC,
        "thomas-leroy",
        "tableau-clair",
        FIRM,
        Reason::Troubleshooting,
    )
    .unwrap();
    assert!(
        matches!(
            w,
            WayOut::ReconnectRefused(DomainError::TakeOverReserved { .. })
        ),
        "{w:?}"
    );
    assert_eq!(w.button(Lang::Fr), None);
    let cat = catalogue();
    assert!(w
        .explanation(&demo_state(EC, &cat), "Tableau Clair", Lang::Fr)
        .contains("Marie Dupont"));
}

#[test]
fn a_manager_who_left_offers_the_take_over_or_says_who_may() {
    let cat = catalogue();
    let w = way(
        QB,
        "claire-martin",
        "stock-malin",
        QB_COMPANY,
        Reason::ManagerLeft,
    )
    .unwrap();
    assert_eq!(
        w,
        WayOut::TakeOver {
            from: Some(u("julien-petit"))
        }
    );
    assert_eq!(w.button(Lang::Fr), Some("Prendre en charge plutôt"));
    assert!(w
        .explanation(&demo_state(QB, &cat), "Stock Malin", Lang::Fr)
        .contains("Julien Petit"));
    let w = way(
        QB,
        "julien-petit",
        "stock-malin",
        QB_COMPANY,
        Reason::ManagerLeft,
    )
    .unwrap();
    assert_eq!(w, WayOut::AlreadyYours);
    assert_eq!(w.button(Lang::Fr), None);
    let w = way(
        EC,
        "thomas-leroy",
        "tresorerie-plus",
        "restaurant-le-comptoir",
        Reason::ManagerLeft,
    )
    .unwrap();
    assert_eq!(w.button(Lang::Fr), None);
    let text = w.explanation(&demo_state(EC, &cat), "Trésorerie Plus", Lang::Fr);
    assert!(text.contains("Demandez à Marie Dupont"), "{text}");
}

#[test]
fn other_reasons_offer_nothing_else() {
    for r in Reason::ALL {
        if matches!(r, Reason::Troubleshooting | Reason::ManagerLeft) {
            continue;
        }
        assert_eq!(
            way(QB, "claire-martin", "stock-malin", QB_COMPANY, r),
            None,
            "{r:?}"
        );
    }
}
