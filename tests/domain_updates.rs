//! Permission updates: what each version of an app reads, the demo's publication, approval
//! and refusal by role and client access, the État they give, a connection made after an
//! update, the scenario, and what storage, its migration and an import keep.

mod common;

use common::*;
use mes_apps::domain::catalogue::version::FIRST;
use mes_apps::domain::commands::{Command, Outcome};
use mes_apps::domain::data::scenario::{Scenario, UPDATED_APPS};
use mes_apps::domain::disconnection::impact;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::forms::settings::SettingValue;
use mes_apps::domain::health::{self, clock::DAY_MS, Health};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::update::UpdateError;
use mes_apps::domain::model::{Product, ProductState};
use mes_apps::domain::updates;
use mes_apps::storage::exchange;
use mes_apps::storage::kv::{KeyValue, MemoryKv};
use mes_apps::storage::schema::state_key;
use mes_apps::storage::store::ProductStore;
use serde_json::Value;

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn publish(app: &str) -> Command {
    Command::PublishUpdate { app: a(app) }
}

fn approve(app: &str, company: &str) -> Command {
    Command::ApproveUpdate {
        app: a(app),
        company: c(company),
    }
}

fn refuse(app: &str, company: &str) -> Command {
    Command::RefuseUpdate {
        app: a(app),
        company: c(company),
    }
}

fn health_of(state: &ProductState, app: &str, company: &str) -> Health {
    let conn = state.connection(&a(app), &c(company)).unwrap();
    health::of(state, conn, NOW)
}

fn scenario(cat: &mes_apps::domain::catalogue::Catalogue) -> ProductState {
    Scenario::MiseAJour.build(EC, cat, NOW).unwrap()
}

#[test]
fn each_version_says_what_it_reads_and_adds() {
    let cat = catalogue();
    let newer: Vec<_> = cat.apps().iter().filter(|d| d.next.is_some()).collect();
    assert!(
        newer.len() >= 5,
        "{} apps with a newer version",
        newer.len()
    );
    for def in &newer {
        let next = def.next.as_ref().unwrap();
        assert_eq!(def.latest(), next.version);
        assert!(next.version > FIRST, "{}", def.id);
        assert_eq!(def.reads_at(FIRST), def.permissions, "{}", def.id);
        let after = def.reads_at(next.version);
        assert!(after.len() > def.permissions.len(), "{} reads more", def.id);
        let marked: Vec<&str> = def
            .reads_from(FIRST, next.version)
            .into_iter()
            .filter(|r| r.new)
            .map(|r| r.data)
            .collect();
        assert_eq!(marked, next.reads, "{}: the new items are marked", def.id);
        assert!(def.settings_at(next.version).len() <= 4, "{}", def.id);
        assert_eq!(
            def.settings_added(FIRST, next.version).len(),
            next.settings.len()
        );
        assert!(def.settings_added(next.version, next.version).is_empty());
    }
    assert!(
        newer
            .iter()
            .any(|d| !d.next.as_ref().unwrap().settings.is_empty()),
        "some add a setting"
    );
    let plain = app_def(&cat, "caisse-horizon");
    assert_eq!(plain.latest(), FIRST);
    assert_eq!(plain.reads_at(7), plain.permissions);
}

#[test]
fn the_demo_publishes_an_update_that_holds_connections_at_their_permissions() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    // Every role may use the demo's control.
    let outcome = apply_checked(&mut state, &cat, "sophie-bernard", &publish("stock-malin"));
    assert_eq!(
        outcome,
        Ok(Outcome::UpdatePublished {
            app: a("stock-malin"),
            version: 2
        })
    );
    let entry = state.journal.last().unwrap();
    assert_eq!(entry.event, Event::UpdatePublished { version: 2 });
    assert_eq!(
        (entry.app.as_ref(), &entry.company),
        (Some(&a("stock-malin")), &c(QB_COMPANY))
    );
    let conn = state.connection(&a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(conn.version, 1, "nothing changes before an approval");
    assert_eq!(
        health_of(&state, "stock-malin", QB_COMPANY),
        Health::UpdatePending { late: false }
    );
    assert_eq!(
        Health::UpdatePending { late: false }.label(Lang::Fr),
        "Autorisations à approuver"
    );
    // Lancer still works.
    let launch = Command::Launch {
        app: a("stock-malin"),
        company: c(QB_COMPANY),
    };
    assert!(apply_checked(&mut state, &cat, "sophie-bernard", &launch).is_ok());
    // What is published once is not published again; an app with no newer version has
    // nothing to publish.
    assert!(matches!(
        refused(&mut state, &cat, "claire-martin", &publish("stock-malin")),
        DomainError::Update(UpdateError::AlreadyPublished { version: 2, .. })
    ));
    assert!(matches!(
        refused(
            &mut state,
            &cat,
            "claire-martin",
            &publish("caisse-horizon")
        ),
        DomainError::Update(UpdateError::NoNewVersion { .. })
    ));
    // 29 days later it still just waits; at 30 the État says the old version may stop
    // being supported (said, not enforced).
    state.clock_offset = 29 * DAY_MS;
    assert!(health_of(&state, "stock-malin", QB_COMPANY).is_update_pending());
    state.clock_offset = 30 * DAY_MS;
    let late = health_of(&state, "stock-malin", QB_COMPANY);
    assert_eq!(late, Health::UpdatePending { late: true });
    assert!(plain(&late.label(Lang::Fr)).contains("ancienne version"));
    let attention = health::attention(&[late, Health::Active], Lang::Fr).unwrap();
    assert!(plain(&attention).contains("1 appli avec des autorisations à approuver"));
}

#[test]
fn approving_moves_the_connection_to_what_the_new_version_reads() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(&mut state, &cat, "claire-martin", &publish("stock-malin")).unwrap();
    state.clock_offset = 3 * DAY_MS;
    let outcome = apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &approve("stock-malin", QB_COMPANY),
    );
    assert!(matches!(
        outcome,
        Ok(Outcome::UpdateApproved { version: 2, .. })
    ));
    let conn = state.connection(&a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(conn.version, 2);
    assert_eq!(
        conn.settings.get("commandes_automatiques"),
        Some(&SettingValue::Bool(false)),
        "the new setting at its default"
    );
    assert_eq!(conn.manager, Some(u("julien-petit")), "the manager stays");
    assert_eq!(
        conn.last_use().0,
        NOW.0 + 3 * DAY_MS,
        "approving counts as use"
    );
    assert_eq!(
        state.journal.last().unwrap().event,
        Event::UpdateApproved { from: 1, to: 2 }
    );
    assert_eq!(health_of(&state, "stock-malin", QB_COMPANY), Health::Active);
    // What disconnecting it would stop, and its receipt, are the new version's.
    let i = impact::of(
        &state,
        &cat,
        &u("claire-martin"),
        &a("stock-malin"),
        &c(QB_COMPANY),
        Lang::Fr,
    )
    .unwrap();
    assert!(i.data.contains(&"Fiches fournisseurs".to_string()));
    assert!(i
        .settings
        .iter()
        .any(|s| s.contains("Commandes fournisseurs")));
    assert!(matches!(
        refused(
            &mut state,
            &cat,
            "claire-martin",
            &approve("stock-malin", QB_COMPANY)
        ),
        DomainError::Update(UpdateError::UpToDate { .. })
    ));
    let off = disconnect("stock-malin", QB_COMPANY, reason(Reason::TooExpensive));
    apply_checked(&mut state, &cat, "claire-martin", &off).unwrap();
    let receipt = state.receipts.last().unwrap();
    assert!(receipt
        .permissions
        .contains(&"Fiches fournisseurs".to_string()));
}

#[test]
fn refusing_keeps_what_the_app_had_and_can_be_approved_later() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(&mut state, &cat, "julien-petit", &publish("notes-eclair")).unwrap();
    let before = state
        .connection(&a("notes-eclair"), &c(QB_COMPANY))
        .unwrap()
        .clone();
    apply_checked(
        &mut state,
        &cat,
        "julien-petit",
        &refuse("notes-eclair", QB_COMPANY),
    )
    .unwrap();
    let conn = state
        .connection(&a("notes-eclair"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!((conn.version, conn.declined), (1, Some(2)));
    assert_eq!(conn.settings, before.settings);
    assert_eq!(conn.last_used, before.last_used, "refusing is not a use");
    assert_eq!(
        state.journal.last().unwrap().event,
        Event::UpdateRefused { version: 2 }
    );
    let refused_health = health_of(&state, "notes-eclair", QB_COMPANY);
    assert_eq!(refused_health, Health::UpdateRefused { late: false });
    assert_eq!(refused_health.label(Lang::Fr), "Mise à jour refusée");
    assert_eq!(updates::waiting(&state, &u("julien-petit")), 0);
    assert!(matches!(
        refused(
            &mut state,
            &cat,
            "julien-petit",
            &refuse("notes-eclair", QB_COMPANY)
        ),
        DomainError::Update(UpdateError::AlreadyRefused { .. })
    ));
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &approve("notes-eclair", QB_COMPANY),
    )
    .unwrap();
    let conn = state
        .connection(&a("notes-eclair"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!((conn.version, conn.declined), (2, None));
}

#[test]
fn who_may_decide_is_who_may_connect_or_install_there() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(&mut state, &cat, "claire-martin", &publish("stock-malin")).unwrap();
    for command in [
        approve("stock-malin", QB_COMPANY),
        refuse("stock-malin", QB_COMPANY),
    ] {
        let e = refused(&mut state, &cat, "sophie-bernard", &command);
        assert_names_exactly(QB, &e.text(Lang::Fr), &["Claire Martin", "Julien Petit"]);
    }
    assert!(updates::refusal(&state, &u("sophie-bernard")).is_some());
    assert!(updates::refusal(&state, &u("julien-petit")).is_none());

    let mut state = scenario(&cat);
    let stock = "stock-malin";
    // Léa Moreau, a standard user, may not; Thomas Leroy not at a client he cannot see.
    refused(
        &mut state,
        &cat,
        "lea-moreau",
        &approve(stock, "boulangerie-martin"),
    );
    let e = refused(
        &mut state,
        &cat,
        "thomas-leroy",
        &approve(stock, "pharmacie-du-port"),
    );
    assert!(
        matches!(e, DomainError::ClientNotAccessible { .. }),
        "{e:?}"
    );
    // What each sees: Thomas three of the four clients, Léa one.
    let seen = |who: &str| -> Vec<String> {
        updates::touched(&state, &u(who))
            .iter()
            .filter(|t| t.published.app == a(stock))
            .flat_map(|t| t.connections.iter().map(|c| c.company.to_string()))
            .collect()
    };
    assert_eq!(seen("marie-dupont").len(), 4);
    assert_eq!(seen("thomas-leroy").len(), 3);
    assert_eq!(seen("lea-moreau"), ["boulangerie-martin"]);
    // A batch where one target is refused does the others.
    let batch = Command::Batch(vec![
        approve(stock, "boulangerie-martin"),
        approve(stock, "pharmacie-du-port"),
        refuse(stock, "garage-lefevre"),
    ]);
    let Ok(Outcome::Batch(items)) = apply_checked(&mut state, &cat, "thomas-leroy", &batch) else {
        panic!("the batch is done in part");
    };
    let done: Vec<bool> = items.iter().map(|i| i.succeeded()).collect();
    assert_eq!(done, [true, false, true]);
    assert_eq!(
        health_of(&state, stock, "boulangerie-martin"),
        Health::Active
    );
    assert!(health_of(&state, stock, "pharmacie-du-port").is_update_pending());
    assert_eq!(
        health_of(&state, stock, "garage-lefevre"),
        Health::UpdateRefused { late: false }
    );
}

#[test]
fn a_connection_made_after_the_update_is_at_the_new_version() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    apply_checked(&mut state, &cat, "marie-dupont", &publish("tableau-clair")).unwrap();
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &get("tableau-clair", "studio-nova"),
    )
    .unwrap();
    let conn = state
        .connection(&a("tableau-clair"), &c("studio-nova"))
        .unwrap();
    assert_eq!(conn.version, 2);
    assert!(conn.settings.contains_key("masse_salariale"));
    assert_eq!(
        health_of(&state, "tableau-clair", "studio-nova"),
        Health::Active
    );
    // The firm's, made before, waits.
    assert!(health_of(&state, "tableau-clair", FIRM).is_update_pending());
    // Its settings are the new version's: changing them all is valid.
    let values = changed_values(app_def(&cat, "tableau-clair"));
    let mut values_v2 = conn.settings.clone();
    values_v2.extend(values);
    let change = update("tableau-clair", "studio-nova", values_v2);
    assert!(apply_checked(&mut state, &cat, "marie-dupont", &change).is_ok());
    // Disconnected, then connected again by Annuler: at the new version, with its setting.
    let off = disconnect("tableau-clair", "studio-nova", reason(Reason::TooExpensive));
    apply_checked(&mut state, &cat, "marie-dupont", &off).unwrap();
    let receipt = state.receipts.last().unwrap().clone();
    assert!(receipt.permissions.contains(&"Données de paie".to_string()));
    let again = mes_apps::domain::commands::undo::command(&state, &cat, &receipt);
    apply_checked(&mut state, &cat, "marie-dupont", &again).unwrap();
    let back = state
        .connection(&a("tableau-clair"), &c("studio-nova"))
        .unwrap();
    assert_eq!(back.version, 2);
    assert!(back.settings.contains_key("masse_salariale"));
}

#[test]
fn the_scenario_publishes_two_updates_one_at_four_clients() {
    let cat = catalogue();
    assert!(Scenario::MiseAJour.build(QB, &cat, NOW).is_none());
    assert_eq!(
        Scenario::from_slug("mise-a-jour"),
        Some(Scenario::MiseAJour)
    );
    let state = scenario(&cat);
    assert_eq!(validate(&state, EC, &cat), Ok(()));
    let apps: Vec<&str> = state.updates.iter().map(|p| p.app.as_str()).collect();
    assert_eq!(apps.len(), 2);
    for app in UPDATED_APPS {
        assert!(apps.contains(&app), "{app}");
    }
    let stock: Vec<_> = state
        .connections
        .iter()
        .filter(|c| c.app == a("stock-malin"))
        .collect();
    assert_eq!(stock.len(), 4);
    for conn in stock {
        assert_eq!(
            health::of(&state, conn, NOW),
            Health::UpdatePending { late: false },
            "{}",
            conn.company
        );
    }
    assert_eq!(
        health_of(&state, "tableau-clair", FIRM),
        Health::UpdatePending { late: true }
    );
    assert_eq!(updates::waiting(&state, &u("marie-dupont")), 5);
    let published = state
        .journal
        .iter()
        .filter(|e| matches!(e.event, Event::UpdatePublished { .. }))
        .count();
    assert_eq!(published, 2);
}

#[test]
fn updates_survive_a_reload_an_export_and_version_1_data_is_migrated() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    for (who, command) in [
        ("claire-martin", publish("stock-malin")),
        ("claire-martin", publish("notes-eclair")),
        ("claire-martin", approve("stock-malin", QB_COMPANY)),
        ("julien-petit", refuse("notes-eclair", QB_COMPANY)),
    ] {
        store
            .execute(&mut state, &env(&cat), &u(who), &command)
            .unwrap();
    }
    let (_, reopened, issue) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    assert_eq!(issue, None);
    assert_eq!(reopened, state);
    let back = exchange::import(&exchange::export(&state, NOW), QB, &cat, Lang::Fr).unwrap();
    assert_eq!(back, state);

    // What an older Mes apps stored (schema 1, no versions) opens with every connection
    // at version 1, and is written back at schema 2.
    let fresh = MemoryKv::new();
    let (mut store, mut old, _) = ProductStore::open(fresh.clone(), QB, &cat, NOW);
    store
        .execute(
            &mut old,
            &env(&cat),
            &u("claire-martin"),
            &get("caisse-horizon", QB_COMPANY),
        )
        .unwrap();
    let key = state_key(QB);
    let mut envelope: Value = serde_json::from_str(&fresh.get(&key).unwrap().unwrap()).unwrap();
    envelope["schema"] = 1.into();
    for conn in envelope["data"]["connections"].as_array_mut().unwrap() {
        conn.as_object_mut().unwrap().remove("version");
    }
    fresh.set(&key, &envelope.to_string()).unwrap();
    let (_, migrated, issue) = ProductStore::open(fresh, QB, &cat, NOW);
    assert_eq!(issue, None);
    assert!(migrated.connections.iter().all(|c| c.version == FIRST));
    assert_eq!(migrated.connections.len(), old.connections.len());
}

#[test]
fn an_import_with_impossible_versions_is_refused_where_they_are() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(&mut state, &cat, "claire-martin", &publish("stock-malin")).unwrap();
    assert_eq!(validate(&state, QB, &cat), Ok(()));
    let mut bad = state.clone();
    let twice = bad.updates[0].clone();
    bad.updates.push(twice);
    let mut unknown = bad.updates[0].clone();
    unknown.app = a("caisse-horizon");
    unknown.by = u("inconnu");
    bad.updates.push(unknown);
    let i = bad
        .connections
        .iter()
        .position(|c| c.app == a("banque-sereine"))
        .unwrap();
    bad.connections[i].version = 3;
    let j = bad
        .connections
        .iter()
        .position(|c| c.app == a("stock-malin"))
        .unwrap();
    bad.connections[j].declined = Some(5);
    let problems = validate(&bad, QB, &cat).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for want in [
        "data.updates[1].version",
        "data.updates[2].version",
        "data.updates[2]",
        &format!("data.connections[{i}].version"),
        &format!("data.connections[{j}].declined"),
    ] {
        assert!(paths.contains(&want), "{want} in {paths:?}");
    }
    assert!(!paths.contains(&"data.updates[0].version"), "{paths:?}");
    // An approval's entry must go up in version.
    let mut entry = state.journal.last().unwrap().clone();
    entry.seq += 1;
    entry.event = Event::UpdateApproved { from: 2, to: 2 };
    let mut odd = state.clone();
    odd.journal.push(entry);
    let problems = validate(&odd, QB, &cat).unwrap_err();
    assert!(
        problems.iter().any(|p| p.path.ends_with(".event")),
        "{problems:?}"
    );
}
