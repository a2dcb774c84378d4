//! Guides and scenarios: every guide's steps point at controls and events that exist in
//! its product, each guide finds a fitting situation in the demo data, a run advances on
//! what the user does and hints after a wrong turn; scenarios are valid and deterministic.

mod common;

use common::*;
use mes_apps::domain::catalogue::product::Section;
use mes_apps::domain::data::scenario::{Scenario, DEPART_CONNECTIONS};
use mes_apps::domain::guide::{prepare, Control, Dialog, GuideId, Page, Run, Seen, Trigger};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::journal::EventKind;
use mes_apps::domain::model::action::GetKind;
use mes_apps::domain::model::Product;

#[test]
fn every_step_points_at_a_control_and_an_event_that_exist() {
    for guide in GuideId::ALL {
        let product = guide.product();
        let steps = guide.steps();
        assert!(steps.len() >= 4, "{guide:?}: the article's steps");
        for step in &steps {
            for lang in Lang::ALL {
                assert!(!step
                    .text
                    .text("Stock Malin", "Boulangerie Martin", lang)
                    .is_empty());
            }
            assert!(!step.control.role().is_empty());
            assert!(!step
                .control
                .name("Stock Malin", "Boulangerie Martin", Lang::Fr)
                .is_empty());
            if let Control::SectionLink(s) = step.control {
                assert!(
                    product.has_section(s),
                    "{guide:?}: {s:?} is a section of {product:?}"
                );
            }
            if let Trigger::Section(s) = step.done {
                assert!(product.has_section(s));
                assert_eq!(
                    step.control,
                    Control::SectionLink(s),
                    "the step's control opens it"
                );
            }
            if let Trigger::Journal(kind) = step.done {
                assert!(
                    product.journal_kinds().contains(&kind),
                    "{kind:?} in {product:?}"
                );
            }
            if let Control::Confirm(kind) = step.control {
                assert_eq!(kind, product.get_kind(), "the product's own verb");
            }
        }
        // The last step ends the procedure: its change is in the journal, or shown.
        let ends = steps.iter().any(|s| {
            matches!(
                s.done,
                Trigger::Journal(EventKind::Transfer | EventKind::Disconnection)
            )
        });
        assert!(ends, "{guide:?} ends with the article's change");
        assert_eq!(GuideId::from_slug(guide.slug()), Some(guide));
    }
    let titles: Vec<_> = GuideId::ALL.iter().map(|g| g.title(Lang::Fr)).collect();
    assert_eq!(
        titles,
        [
            "Transférer la gestion d'une appli connectée — QuickBooks",
            "Transférer la gestion d'une appli connectée — QuickBooks Expert-Comptable",
            "Déconnecter une appli — QuickBooks",
            "Déconnecter une appli de votre cabinet — QuickBooks Expert-Comptable",
            "Déconnecter une appli du compte d'un client — QuickBooks Expert-Comptable",
        ]
    );
}

#[test]
fn each_guide_finds_a_fitting_situation_in_the_demo_data() {
    let cat = catalogue();
    for guide in GuideId::ALL {
        let product = guide.product();
        let state = demo_state(product, &cat);
        // Whoever acts (a standard user, say), the guide chooses someone who may.
        for person in people(product) {
            let p = prepare(guide, &state, &env(&cat), &u(person.id))
                .unwrap_or_else(|| panic!("{guide:?} finds a situation"));
            let actor = state.user(&p.actor).unwrap();
            assert_ne!(
                actor.role,
                mes_apps::domain::model::Role::Standard,
                "{guide:?}"
            );
            let conn = state
                .connection(&p.app, &p.company)
                .expect("an existing connection");
            if guide.is_transfer() {
                assert!(!conn.is_managed_by(&p.actor), "managed by someone else");
                assert_eq!(p.from.as_ref(), conn.manager.as_ref());
            }
            let said = p.said(&state, &cat, Lang::Fr);
            assert!(said.contains(cat.app_name(&p.app)), "{said}");
        }
    }
    // Expert-Comptable transfers: only the primary admin may take over.
    let ec = demo_state(Product::ExpertComptable, &cat);
    let p = prepare(GuideId::TransferExpert, &ec, &env(&cat), &u("thomas-leroy")).unwrap();
    assert_eq!(p.actor, u("marie-dupont"));
    // A firm without connections has nothing to disconnect.
    let mut empty = ec.clone();
    empty.connections.clear();
    assert_eq!(
        prepare(
            GuideId::DisconnectFirm,
            &empty,
            &env(&cat),
            &u("marie-dupont")
        ),
        None
    );
}

#[test]
fn a_run_advances_on_what_the_user_does_and_hints_after_a_wrong_turn() {
    let qb = Product::QuickBooks;
    let mut run = Run::new(
        GuideId::DisconnectQuickBooks,
        a("stock-malin"),
        c(QB_COMPANY),
    );
    assert_eq!((run.step, run.total()), (0, 5));
    run.observe(&Seen::Page(Page::Section(qb, Section::Journal)));
    assert_eq!(run.step, 0, "a wrong page does not advance");
    assert!(run.hint.is_some(), "and gets a hint");
    run.observe(&Seen::Page(Page::Section(qb, Section::Overview)));
    assert_eq!((run.step, run.hint), (1, None));
    run.observe(&Seen::Menu(a("notes-eclair")));
    assert_eq!(run.step, 1, "another app's menu");
    run.observe(&Seen::Menu(a("stock-malin")));
    run.observe(&Seen::Opened(Dialog::Disconnect, a("stock-malin")));
    run.observe(&Seen::Answered);
    assert_eq!(run.step, 4);
    // Closing the dialog before the end goes back to the step that opens it.
    run.observe(&Seen::Closed(Dialog::Disconnect));
    assert_eq!(run.step, 2);
    assert!(run.hint.unwrap().text(Lang::Fr).contains("rouvrez"));
    run.observe(&Seen::Opened(Dialog::Disconnect, a("stock-malin")));
    run.observe(&Seen::Answered);
    run.observe(&Seen::Journal(
        EventKind::Disconnection,
        a("stock-malin"),
        c(QB_COMPANY),
    ));
    run.observe(&Seen::Closed(Dialog::Disconnect));
    assert!(
        run.finished(),
        "done once the journal says so, whatever closes after"
    );
    assert_eq!(run.current(), None);
}

#[test]
fn a_transfer_run_ends_on_the_settings_after_the_journal_entry() {
    let ec = Product::ExpertComptable;
    let mut run = Run::new(
        GuideId::TransferExpert,
        a("stock-malin"),
        c("boulangerie-martin"),
    );
    run.observe(&Seen::Page(Page::Section(ec, Section::Search)));
    run.observe(&Seen::Page(Page::App(ec, a("stock-malin"))));
    run.observe(&Seen::Opened(Dialog::Get, a("stock-malin")));
    assert_eq!(run.step, 3);
    assert_eq!(
        run.text("Stock Malin", "Boulangerie Martin", Lang::Fr).unwrap(),
        "Choisissez Boulangerie Martin, vérifiez les détails du message, puis sélectionnez Installer."
    );
    // The dialog closes (on success) before the journal entry is seen: not a wrong turn
    // for long.
    run.observe(&Seen::Closed(Dialog::Get));
    run.observe(&Seen::Journal(
        EventKind::Transfer,
        a("stock-malin"),
        c("boulangerie-martin"),
    ));
    assert_eq!(run.step, 4);
    run.observe(&Seen::Page(Page::Settings(
        ec,
        a("stock-malin"),
        c("boulangerie-martin"),
    )));
    assert!(run.finished());
}

#[test]
fn a_step_with_two_actions_points_at_the_second_once_the_first_is_done() {
    let ec = Product::ExpertComptable;
    let (app, company) = (a("stock-malin"), c("boulangerie-martin"));
    let mut run = Run::new(GuideId::TransferExpert, app.clone(), company.clone());
    run.observe(&Seen::Page(Page::Section(ec, Section::Search)));
    assert_eq!(run.control(), Some(Control::AppLink));
    run.observe(&Seen::Page(Page::App(ec, app.clone())));
    run.observe(&Seen::Opened(Dialog::Get, app.clone()));
    // "Choisissez Boulangerie Martin, …, puis sélectionnez Installer": the radio first.
    assert_eq!(run.step, 3);
    assert_eq!(run.control(), Some(Control::Target));
    // Another company chosen: still the radio of the right one.
    run.observe(&Seen::Target(c(FIRM)));
    assert_eq!(run.control(), Some(Control::Target));
    assert_eq!(run.hint, None, "choosing is not a wrong turn");
    // The right one: Installer, on the same step.
    run.observe(&Seen::Target(company.clone()));
    assert_eq!(run.control(), Some(Control::Confirm(GetKind::Install)));
    assert_eq!(run.step, 3);
    // Chosen again otherwise, the radio again.
    run.observe(&Seen::Target(c(FIRM)));
    assert_eq!(run.control(), Some(Control::Target));
    run.observe(&Seen::Target(company.clone()));
    // A dialog opened again starts with nothing chosen.
    run.observe(&Seen::Closed(Dialog::Get));
    assert_eq!(run.control(), Some(Control::GetApp));
    run.observe(&Seen::Opened(Dialog::Get, app.clone()));
    assert_eq!(run.control(), Some(Control::Target));
    run.observe(&Seen::Target(company.clone()));
    run.observe(&Seen::Journal(EventKind::Transfer, app, company));
    assert_eq!(run.control(), Some(Control::AssociatedUser));
    // QuickBooks' step has one action, Connecter, whatever is said.
    let mut qb = Run::new(GuideId::TransferQuickBooks, a("stock-malin"), c(QB_COMPANY));
    qb.observe(&Seen::Page(Page::Section(
        Product::QuickBooks,
        Section::Search,
    )));
    qb.observe(&Seen::Page(Page::App(
        Product::QuickBooks,
        a("stock-malin"),
    )));
    qb.observe(&Seen::Opened(Dialog::Get, a("stock-malin")));
    qb.observe(&Seen::Target(c(QB_COMPANY)));
    assert_eq!(qb.control(), Some(Control::Confirm(GetKind::Connect)));
}

#[test]
fn scenarios_are_valid_deterministic_and_exist_where_they_make_sense() {
    let cat = catalogue();
    for product in Product::ALL {
        for scenario in Scenario::of(product) {
            let state = scenario.build(product, &cat, NOW).unwrap();
            assert_eq!(
                validate(&state, product, &cat),
                Ok(()),
                "{scenario:?} in {product:?}"
            );
            assert_eq!(
                Some(state),
                scenario.build(product, &cat, NOW),
                "the same each time"
            );
            assert_eq!(Scenario::from_slug(scenario.slug()), Some(scenario));
        }
    }
    assert_eq!(
        Scenario::GrandCabinet.build(Product::QuickBooks, &cat, NOW),
        None
    );
    for (product, who) in [
        (Product::QuickBooks, "julien-petit"),
        (Product::ExpertComptable, "thomas-leroy"),
    ] {
        let state = Scenario::Depart.build(product, &cat, NOW).unwrap();
        let managed: Vec<_> = state
            .connections
            .iter()
            .filter(|c| c.is_managed_by(&u(who)))
            .collect();
        assert_eq!(managed.len(), DEPART_CONNECTIONS, "{product:?}");
        if product == Product::ExpertComptable {
            let firm = managed
                .iter()
                .filter(|conn| conn.company == c(FIRM))
                .count();
            assert!(
                firm >= 1 && firm < managed.len(),
                "the firm and several clients"
            );
        }
        assert_eq!(
            state.journal.len(),
            demo_state(product, &cat).journal.len() + DEPART_CONNECTIONS
                - demo_state(product, &cat)
                    .connections
                    .iter()
                    .filter(|c| c.is_managed_by(&u(who)))
                    .count()
        );
    }
    let big = Scenario::GrandCabinet
        .build(Product::ExpertComptable, &cat, NOW)
        .unwrap();
    assert_eq!(big.clients().count(), 200);
}

#[test]
fn expirations_has_connections_expiring_soon_and_expired() {
    use mes_apps::domain::health::{self, Health};
    let cat = catalogue();
    for product in Product::ALL {
        let state = Scenario::Expirations.build(product, &cat, NOW).unwrap();
        let healths: Vec<Health> = state
            .connections
            .iter()
            .map(|c| health::of(&state, c, NOW))
            .collect();
        let soon = healths
            .iter()
            .filter(|h| matches!(h, Health::ExpiresIn(_)))
            .count();
        let expired = healths.iter().filter(|h| **h == Health::Expired).count();
        assert!(soon >= 1 && expired >= 1, "{product:?}: both ({healths:?})");
        assert!(soon + expired >= 3, "{product:?}: several ({healths:?})");
        assert!(healths.contains(&Health::Active), "the others stay active");
    }
}
