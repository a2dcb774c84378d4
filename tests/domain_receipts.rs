//! Receipts of disconnections: what one holds, who may see it, how many are kept, how a
//! stored or imported one is checked, and undoing the disconnection from it — with the
//! rights of connecting, the previous settings back, and no longer offered once the app
//! is connected there again.

mod common;

use common::*;
use mes_apps::domain::commands::undo::{self, Undo};
use mes_apps::domain::commands::Command;
use mes_apps::domain::disconnection::receipt::{self, RECEIPTS_KEPT};
use mes_apps::domain::forms::questionnaire::{Questionnaire, Reason};
use mes_apps::domain::forms::settings::SettingKind;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Product, Timestamp};

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

#[test]
fn a_disconnection_writes_its_receipt() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    state.clock_offset = 5 * 86_400_000;
    let def = app_def(&cat, "stock-malin");
    let values = changed_values(def);
    apply_checked(
        &mut state,
        &cat,
        "julien-petit",
        &update("stock-malin", QB_COMPANY, values.clone()),
    )
    .unwrap();
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &disconnect("stock-malin", QB_COMPANY, other("trop lente, « vraiment »")),
    )
    .unwrap();
    let entry = state.journal.last().unwrap().clone();
    assert!(matches!(entry.event, Event::Disconnection { .. }));
    let r = receipt::latest_for(&state, &a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(r.id, entry.seq, "numbered as its journal entry");
    assert_eq!(r.at, Timestamp(NOW.0 + 5 * 86_400_000), "the demo's clock");
    assert_eq!(r.actor, u("claire-martin"));
    assert_eq!(r.manager, Some(u("julien-petit")));
    assert_eq!(r.answers.reason, Reason::Other);
    assert_eq!(r.answers.other.as_deref(), Some("trop lente, « vraiment »"));
    assert_eq!(r.app_name, def.name);
    assert_eq!(r.publisher, def.publisher);
    assert_eq!(r.contact, def.contact);
    assert_eq!(r.permissions, def.permissions);
    assert_eq!(r.values, values, "the raw values, for the undo");
    assert_eq!(r.settings.len(), def.settings.len());
    let text = r.text(&state, 0, Lang::Fr);
    for part in [
        format!("Reçu de déconnexion n° {}", r.id),
        "Entreprise : Boulangerie Martin".to_string(),
        "Déconnectée par : Claire Martin".to_string(),
        "Gérée jusque-là par : Julien Petit".to_string(),
        "Raison : Autre : trop lente, « vraiment »".to_string(),
        "Ce qui s'arrête".to_string(),
        format!("- {}", def.permissions[0]),
        format!("- {}", plain(&r.settings[0])),
        def.contact.clone(),
    ] {
        assert!(
            plain(&text).contains(&part),
            "{part:?} missing from:\n{text}"
        );
    }
    let text = r.text(&state, 0, Lang::En);
    for part in [
        format!("Disconnection receipt No. {}", r.id),
        "Company: Boulangerie Martin".to_string(),
        "Disconnected by: Claire Martin".to_string(),
        "Managed until then by: Julien Petit".to_string(),
        "Reason: Other: trop lente, « vraiment »".to_string(),
        "What stops".to_string(),
        def.contact.clone(),
    ] {
        assert!(text.contains(&part), "{part:?} missing from:\n{text}");
    }
    // The settings it had, as English says them ("Label: on"), not the French lines.
    let english = r.settings_in(Lang::En);
    assert_eq!(english.len(), def.settings.len());
    let mut toggles = 0;
    for (s, line) in def.settings.iter().zip(english) {
        assert!(line.starts_with(&format!("{}: ", s.label)), "{line}");
        if matches!(s.kind, SettingKind::Toggle { .. }) {
            toggles += 1;
            assert!(line.ends_with(": on") || line.ends_with(": off"), "{line}");
        }
        assert!(
            text.contains(&format!("- {line}")),
            "{line:?} missing from:\n{text}"
        );
    }
    assert!(toggles > 0, "Stock Malin has a toggle to show");
    assert_ne!(english, r.settings_in(Lang::Fr));
    assert!(r
        .file_name(0)
        .starts_with(&format!("recu-{}-stock-malin-", r.id)));
}

#[test]
fn the_demos_disconnection_has_its_receipt() {
    let cat = catalogue();
    let state = demo_state(QB, &cat);
    let entry = state
        .journal
        .iter()
        .find(|e| matches!(e.event, Event::Disconnection { .. }))
        .unwrap();
    let r = receipt::visible(&state, &u("sophie-bernard"), entry.seq).unwrap();
    assert_eq!(r.app, a("relances-pro"));
    assert_eq!(
        r.answers,
        Questionnaire {
            reason: Reason::TooExpensive,
            other: None
        }
    );
    assert_eq!(validate(&state, QB, &cat), Ok(()));
}

#[test]
fn a_receipt_is_seen_by_those_who_may_see_its_company() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &disconnect("stock-malin", "pharmacie-du-port", reason(Reason::Replaced)),
    )
    .unwrap();
    let id = state.receipts.last().unwrap().id;
    assert!(receipt::visible(&state, &u("marie-dupont"), id).is_some());
    assert!(receipt::visible(&state, &u("thomas-leroy"), id).is_none());
    assert!(receipt::visible(&state, &u("lea-moreau"), id).is_none());
    assert!(receipt::visible(&state, &u("marie-dupont"), id + 1).is_none());
}

#[test]
fn undo_follows_the_rights_of_connecting_and_brings_the_settings_back() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    let values = changed_values(app_def(&cat, "notes-eclair"));
    apply_checked(
        &mut state,
        &cat,
        "julien-petit",
        &update("notes-eclair", QB_COMPANY, values.clone()),
    )
    .unwrap();
    apply_checked(
        &mut state,
        &cat,
        "julien-petit",
        &disconnect("notes-eclair", QB_COMPANY, reason(Reason::NoLongerNeeded)),
    )
    .unwrap();
    let r = receipt::latest_for(&state, &a("notes-eclair"), &c(QB_COMPANY))
        .unwrap()
        .clone();
    let e = env(&cat);
    // A standard user may not; told who may.
    match undo::plan(&state, &e, &u("sophie-bernard"), &r) {
        Undo::Refused(err) => {
            assert_names_exactly(QB, &err.text(Lang::Fr), &["Claire Martin", "Julien Petit"])
        }
        other => panic!("{other:?}"),
    }
    let undo_command = undo::command(&state, &cat, &r);
    refused(&mut state, &cat, "sophie-bernard", &undo_command);
    assert_eq!(
        undo::plan(&state, &e, &u("claire-martin"), &r),
        Undo::Offered
    );
    apply_checked(&mut state, &cat, "claire-martin", &undo_command).unwrap();
    let back = state
        .connection(&a("notes-eclair"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(back.settings, values, "the previous settings are back");
    assert_eq!(back.manager, Some(u("claire-martin")));
    // Connected there again: nothing left to undo, for anyone.
    for user in ["claire-martin", "julien-petit", "sophie-bernard"] {
        assert_eq!(
            undo::plan(&state, &e, &u(user), &r),
            Undo::Reconnected,
            "{user}"
        );
    }
}

#[test]
fn an_admin_may_not_undo_for_a_client_they_cannot_access() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &disconnect("stock-malin", "pharmacie-du-port", reason(Reason::Replaced)),
    )
    .unwrap();
    let r = state.receipts.last().unwrap().clone();
    match undo::plan(&state, &env(&cat), &u("thomas-leroy"), &r) {
        Undo::Refused(DomainError::ClientNotAccessible { client, .. }) => {
            assert_eq!(client, "Pharmacie du Port")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        undo::plan(&state, &env(&cat), &u("marie-dupont"), &r),
        Undo::Offered
    );
}

#[test]
fn undo_gives_defaults_where_a_value_is_no_longer_valid() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &disconnect("banque-sereine", QB_COMPANY, reason(Reason::Replaced)),
    )
    .unwrap();
    let mut r = state.receipts.last().unwrap().clone();
    let def = app_def(&cat, "banque-sereine");
    let first = &def.settings[0];
    r.values
        .insert(first.key.clone(), text("\u{7}pas une valeur"));
    r.values.insert("disparu".into(), text("x"));
    let values = undo::values(&state, &cat, &r);
    assert_eq!(values.get(&first.key), Some(&first.default_value()));
    assert!(!values.contains_key("disparu"));
    let undo_command = undo::command(&state, &cat, &r);
    assert!(apply_checked(&mut state, &cat, "claire-martin", &undo_command).is_ok());
}

#[test]
fn only_the_latest_receipts_are_kept() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    for _ in 0..(RECEIPTS_KEPT + 5) {
        apply_checked(
            &mut state,
            &cat,
            "claire-martin",
            &get("caisse-horizon", QB_COMPANY),
        )
        .unwrap();
        apply_checked(
            &mut state,
            &cat,
            "claire-martin",
            &disconnect("caisse-horizon", QB_COMPANY, reason(Reason::Replaced)),
        )
        .unwrap();
    }
    assert_eq!(state.receipts.len(), RECEIPTS_KEPT);
    let ids: Vec<u64> = state.receipts.iter().map(|r| r.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "oldest first, growing");
    assert_eq!(ids.last(), state.journal.last().map(|e| &e.seq));
    assert!(
        receipt::visible(&state, &u("claire-martin"), 1).is_none(),
        "the oldest went first"
    );
    assert_eq!(validate(&state, QB, &cat), Ok(()));
}

#[test]
fn receipts_from_outside_are_checked() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &disconnect("banque-sereine", QB_COMPANY, reason(Reason::Replaced)),
    )
    .unwrap();
    let good = state.clone();
    let problems = |s: &mes_apps::domain::model::ProductState| {
        validate(s, QB, &cat)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|p| plain(&p.to_string()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut bad = good.clone();
    let extra = bad.receipts[0].clone();
    bad.receipts = (0..=RECEIPTS_KEPT as u64)
        .map(|i| {
            let mut r = extra.clone();
            r.id = i + 1;
            r
        })
        .collect();
    assert!(
        problems(&bad).contains("data.receipts : 101 éléments, 100 au maximum"),
        "{}",
        problems(&bad)
    );
    let mut bad = good.clone();
    bad.receipts[1].id = bad.receipts[0].id;
    bad.receipts[1].actor = u("personne");
    bad.receipts[1].company = c("ailleurs");
    bad.receipts[1].app_name = "x".repeat(500);
    bad.receipts[1].answers = Questionnaire {
        reason: Reason::Other,
        other: None,
    };
    let found = problems(&bad);
    for place in [
        "data.receipts[1].id",
        "data.receipts[1].actor",
        "data.receipts[1].company",
        "data.receipts[1].app_name",
        "data.receipts[1].answers",
    ] {
        assert!(found.contains(place), "{place} not in:\n{found}");
    }
    let mut bad = good;
    bad.receipts[0].permissions = vec!["a\u{0}b".into()];
    assert!(problems(&bad).contains("data.receipts[0].permissions"));
}

#[test]
fn a_receipt_names_what_a_batch_disconnected_each() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let batch = Command::Batch(vec![
        disconnect(
            "stock-malin",
            "boulangerie-martin",
            reason(Reason::Replaced),
        ),
        disconnect(
            "factures-express",
            "garage-lefevre",
            reason(Reason::Replaced),
        ),
    ]);
    let before = state.receipts.len();
    apply_checked(&mut state, &cat, "marie-dupont", &batch).unwrap();
    assert_eq!(state.receipts.len(), before + 2);
    for r in &state.receipts[before..] {
        let entry = state.journal.iter().find(|e| e.seq == r.id).unwrap();
        assert_eq!(
            (entry.app.as_ref(), &entry.company),
            (Some(&r.app), &r.company)
        );
    }
}
