//! Export and import: round trips, and every kind of bad file refused with a French
//! message, all or nothing. Hostile names that are only text are accepted as text.

mod common;

use common::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::apply;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::health::time::at;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::MAX_REPORTED;
use mes_apps::domain::model::{Product, ProductState, Timestamp};
use mes_apps::storage::exchange::{export, file_name, import, IMPORT_MAX_BYTES};
use mes_apps::storage::kv::MemoryKv;
use mes_apps::storage::store::ProductStore;
use serde_json::{json, Value};

/// A change made to an exported file before importing it.
type Edit = Box<dyn Fn(&mut Value)>;

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn exported(product: Product, cat: &Catalogue) -> String {
    export(&demo_state(product, cat), NOW)
}

/// The demo export of `product`, changed by `f`, as text.
fn altered(product: Product, cat: &Catalogue, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&exported(product, cat)).unwrap();
    f(&mut v);
    serde_json::to_string(&v).unwrap()
}

/// Expects a refusal; returns the messages joined, after checking there is at least one.
fn refused(text: &str, product: Product, cat: &Catalogue) -> String {
    match import(text, product, cat, Lang::Fr) {
        Ok(_) => panic!(
            "the import should be refused: {}",
            &text[..text.len().min(300)]
        ),
        Err(messages) => {
            assert!(!messages.is_empty());
            assert!(messages.iter().all(|m| !m.trim().is_empty()));
            plain(&messages.join("\n"))
        }
    }
}

/// Expects a refusal whose messages say `words`.
fn refused_with(text: &str, product: Product, cat: &Catalogue, words: &str) {
    let m = refused(text, product, cat);
    assert!(m.contains(words), "expected « {words} » in: {m}");
}

#[test]
fn each_demo_state_round_trips() {
    let cat = catalogue();
    for product in Product::ALL {
        let state = demo_state(product, &cat);
        let text = export(&state, NOW);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], "mes-apps");
        assert_eq!(v["schema"], 2);
        assert_eq!(v["exported_at"], NOW.0);
        assert_eq!(v["data"]["product"], product.slug());
        assert_eq!(import(&text, product, &cat, Lang::Fr), Ok(state));
    }
    assert_eq!(
        file_name(QB, "2026-11-27"),
        "mes-apps-quickbooks-2026-11-27.json"
    );
}

#[test]
fn a_changed_state_round_trips() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    for (actor, command) in [
        ("marie-dupont", get("caisse-horizon", FIRM)),
        ("thomas-leroy", get("paie-facile", "studio-nova")),
        ("marie-dupont", get("dossiers-partages", FIRM)),
        (
            "marie-dupont",
            update(
                "caisse-horizon",
                FIRM,
                changed_values(app_def(&cat, "caisse-horizon")),
            ),
        ),
        (
            "thomas-leroy",
            disconnect(
                "stock-malin",
                "boulangerie-martin",
                other("Remplacée par « Inventaire » <b>"),
            ),
        ),
        (
            "marie-dupont",
            disconnect("tableau-clair", FIRM, reason(Reason::DataConcerns)),
        ),
    ] {
        apply(&mut state, &env(&cat), &u(actor), &command).unwrap_or_else(|e| panic!("{e:?}"));
    }
    let text = export(&state, Timestamp(0));
    assert_eq!(import(&text, EC, &cat, Lang::Fr), Ok(state));
}

#[test]
fn markup_in_names_is_plain_text_and_round_trips() {
    let cat = catalogue();
    for hostile in [
        "<img src=x onerror=alert(1)>",
        "<script>alert('x')</script>",
        "Boulangerie \"Martin\" & Fils",
    ] {
        let mut state = demo_state(QB, &cat);
        state.companies[0].name = hostile.to_string();
        state.users[2].name = hostile.to_string();
        let text = export(&state, NOW);
        let back = import(&text, QB, &cat, Lang::Fr).unwrap_or_else(|e| panic!("{hostile}: {e:?}"));
        assert_eq!(back.companies[0].name, hostile);
        assert_eq!(back.users[2].name, hostile);
        assert_eq!(back, state);
    }
    // A name that would turn the text after it around on screen is refused instead.
    let mut state = demo_state(QB, &cat);
    state.companies[0].name = "\u{202e}nitraM eirelognuoB".to_string();
    let m = refused(&export(&state, NOW), QB, &cat);
    assert!(
        m.contains("data.companies[0].name : nom contenant des caractères invisibles qui inversent le sens de lecture"),
        "{m}"
    );
}

#[test]
fn a_file_over_5_mb_is_refused_and_5_mb_is_accepted() {
    let cat = catalogue();
    let base = exported(QB, &cat);
    let mut at_limit = base.clone();
    at_limit.push_str(&" ".repeat(IMPORT_MAX_BYTES - base.len()));
    assert_eq!(at_limit.len(), IMPORT_MAX_BYTES);
    assert!(
        import(&at_limit, QB, &cat, Lang::Fr).is_ok(),
        "exactly 5 Mo is allowed"
    );
    let over = format!("{at_limit} ");
    refused_with(&over, QB, &cat, "5 Mo au maximum");
    let big = "x".repeat(6 * 1024 * 1024);
    let m = refused(&big, QB, &cat);
    assert_eq!(m, "Le fichier pèse 6,0 Mo : 5 Mo au maximum.");
}

#[test]
fn deeply_nested_and_broken_json_is_refused() {
    let cat = catalogue();
    refused_with(&"[".repeat(10_000), QB, &cat, "trop imbriquée");
    refused_with(
        &format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        QB,
        &cat,
        "trop imbriquée",
    );
    refused_with(&"{\"a\":".repeat(10_000), QB, &cat, "trop imbriquée");
    let text = exported(QB, &cat);
    let m = refused(&text[..text.len() / 2], QB, &cat);
    assert!(m.contains("tronqué"), "{m}");
    assert!(m.contains("ligne"), "{m}");
    refused_with("bonjour", QB, &cat, "n'est pas du JSON valide");
    refused_with("", QB, &cat, "tronqué");
}

#[test]
fn wrong_types_name_the_place_in_the_file() {
    let cat = catalogue();
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "data.connections[0].since",
            Box::new(|v| v["data"]["connections"][0]["since"] = json!("hier")),
            "type de valeur incorrect",
        ),
        (
            "data.users[1].role",
            Box::new(|v| v["data"]["users"][1]["role"] = json!("chef")),
            "valeur « chef » inconnue",
        ),
        (
            "data.companies",
            Box::new(|v| v["data"]["companies"] = json!({"a": 1})),
            "type de valeur incorrect",
        ),
        (
            "data",
            Box::new(|v| {
                v["data"].as_object_mut().unwrap().remove("users");
            }),
            "champ « users » manquant",
        ),
        (
            "data.journal[0].seq",
            Box::new(|v| v["data"]["journal"][0]["seq"] = json!(-1)),
            "valeur incorrecte",
        ),
    ];
    for (path, f, what) in cases {
        let text = altered(QB, &cat, f);
        let m = refused(&text, QB, &cat);
        assert!(m.contains(path), "{path}: {m}");
        assert!(m.contains(what), "{path}: {m}");
        assert!(
            !m.contains("invalid type") && !m.contains("expected"),
            "French only: {m}"
        );
    }
}

#[test]
fn files_that_are_not_mes_apps_backups_are_refused() {
    let cat = catalogue();
    refused_with(
        &altered(QB, &cat, |v| v["format"] = json!("autre-chose")),
        QB,
        &cat,
        "n'est pas une sauvegarde de Mes apps",
    );
    let m = refused(
        &altered(QB, &cat, |v| {
            v.as_object_mut().unwrap().remove("format");
        }),
        QB,
        &cat,
    );
    assert!(
        m.contains("n'est pas une sauvegarde de Mes apps") && m.contains("« format »"),
        "{m}"
    );
    refused_with("{}", QB, &cat, "n'est pas une sauvegarde de Mes apps");
    refused_with("[1, 2]", QB, &cat, "n'est pas une sauvegarde de Mes apps");
}

#[test]
fn a_newer_schema_is_refused() {
    let cat = catalogue();
    let m = refused(&altered(QB, &cat, |v| v["schema"] = json!(99)), QB, &cat);
    assert!(m.contains("plus récente") && m.contains("99"), "{m}");
}

#[test]
fn the_other_products_export_is_refused() {
    let cat = catalogue();
    refused_with(
        &exported(QB, &cat),
        EC,
        &cat,
        "ces données concernent QuickBooks",
    );
    refused_with(&exported(EC, &cat), QB, &cat, "QuickBooks Expert-Comptable");
}

#[test]
fn broken_references_and_duplicates_are_refused() {
    let cat = catalogue();
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["data"]["connections"][0]["app"] = json!("appli-inconnue")),
            "data.connections[0].app : appli inconnue « appli-inconnue »",
        ),
        (
            Box::new(|v| v["data"]["connections"][0]["manager"] = json!("personne")),
            "data.connections[0].manager : utilisateur inconnu « personne »",
        ),
        (
            Box::new(|v| v["data"]["connections"][1]["company"] = json!("ailleurs")),
            "data.connections[1].company : entreprise inconnue « ailleurs »",
        ),
        (
            Box::new(|v| v["data"]["connections"][0]["since"] = json!(-8_640_000_000_000_001_i64)),
            "data.connections[0].since : date hors limites (entre 1970 et 9999)",
        ),
        (
            Box::new(|v| v["data"]["connections"][0]["transferred"] = json!(0)),
            "data.connections[0].transferred : date de transfert hors limites ou antérieure à la connexion",
        ),
        (
            Box::new(|v| v["data"]["journal"][0]["at"] = json!(253_402_300_800_000_i64)),
            "data.journal[0].at : date hors limites (entre 1970 et 9999)",
        ),
        (
            Box::new(|v| v["data"]["journal"][0]["actor"] = json!("fantome")),
            "data.journal[0].actor",
        ),
        (
            Box::new(|v| v["data"]["journal"][0]["app"] = json!("appli-inconnue")),
            "data.journal[0].app",
        ),
        (
            Box::new(|v| {
                let first = v["data"]["connections"][0].clone();
                v["data"]["connections"].as_array_mut().unwrap().push(first);
            }),
            "connectée deux fois",
        ),
        (
            Box::new(|v| {
                let first = v["data"]["users"][0].clone();
                v["data"]["users"].as_array_mut().unwrap().push(first);
            }),
            "apparaît deux fois",
        ),
        (
            Box::new(|v| v["data"]["connections"][0]["app"] = json!("dossiers-partages")),
            "n'est pas proposée pour ce produit",
        ),
        (
            Box::new(|v| v["data"]["users"][1]["role"] = json!("administrateur-principal")),
            "exactement un administrateur principal",
        ),
        (
            Box::new(|v| v["data"]["connections"][0]["settings"] = json!({"inconnu": true})),
            "data.connections[0].settings",
        ),
        (
            Box::new(|v| v["data"]["journal"][1]["seq"] = json!(1)),
            "data.journal[1].seq",
        ),
        (
            Box::new(|v| v["data"]["companies"][0]["id"] = json!("Pas Un Id")),
            "data.companies[0].id",
        ),
    ];
    for (f, expected) in cases {
        let m = refused(&altered(QB, &cat, f), QB, &cat);
        assert!(m.contains(expected), "expected « {expected} » in: {m}");
    }
    // Expert-Comptable: a user's client access must name a client.
    refused_with(
        &altered(EC, &cat, |v| {
            v["data"]["users"][2]["clients"][0] = json!("client-inconnu")
        }),
        EC,
        &cat,
        "data.users[2].clients[0]",
    );
}

#[test]
fn names_too_long_or_with_control_characters_are_refused() {
    let cat = catalogue();
    let long = "é".repeat(121);
    let exactly = "é".repeat(120);
    let m = refused(
        &altered(QB, &cat, |v| {
            v["data"]["companies"][0]["name"] = json!(long)
        }),
        QB,
        &cat,
    );
    assert!(
        m.contains("data.companies[0].name") && m.contains("trop long"),
        "{m}"
    );
    refused_with(
        &altered(QB, &cat, |v| v["data"]["users"][1]["name"] = json!(long)),
        QB,
        &cat,
        "data.users[1].name",
    );
    assert!(import(
        &altered(QB, &cat, |v| v["data"]["users"][1]["name"] = json!(exactly)),
        QB,
        &cat,
        Lang::Fr
    )
    .is_ok());
    for bad in [
        "Claire\u{0}Martin",
        "Claire\nMartin",
        "Claire\u{1b}[31m",
        "Claire\u{7f}",
    ] {
        let m = refused(
            &altered(QB, &cat, |v| v["data"]["users"][0]["name"] = json!(bad)),
            QB,
            &cat,
        );
        assert!(
            m.contains("data.users[0].name") && m.contains("contrôle"),
            "{bad:?}: {m}"
        );
    }
    for bad in ["", "  Claire", "Claire "] {
        let m = refused(
            &altered(QB, &cat, |v| v["data"]["users"][0]["name"] = json!(bad)),
            QB,
            &cat,
        );
        assert!(m.contains("data.users[0].name"), "{bad:?}: {m}");
    }
}

#[test]
fn many_problems_are_counted_beyond_the_listed_ones() {
    let cat = catalogue();
    let text = altered(QB, &cat, |v| {
        let conns: Vec<Value> = (0..120)
            .map(|i| json!({"app": format!("appli-{i}"), "company": QB_COMPANY, "manager": "claire-martin", "since": 0, "settings": {}, "version": 1}))
            .collect();
        v["data"]["connections"] = Value::Array(conns);
    });
    let messages = import(&text, QB, &cat, Lang::Fr).unwrap_err();
    assert_eq!(messages.len(), MAX_REPORTED + 1);
    assert!(
        messages.last().unwrap().contains("autres problèmes"),
        "{:?}",
        messages.last()
    );
}

#[test]
fn a_refused_import_changes_nothing_in_storage() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    store
        .execute(
            &mut state,
            &env(&cat),
            &u("claire-martin"),
            &get("caisse-horizon", QB_COMPANY),
        )
        .unwrap();
    let before = state.clone();
    let writes = kv.writes();
    let bad = altered(QB, &cat, |v| {
        v["data"]["connections"][0]["manager"] = json!("personne")
    });
    // The UI replaces the state only with what `import` accepted: here, nothing.
    assert_eq!(
        import(&bad, QB, &cat, Lang::Fr),
        Err(vec![fr(
            "data.connections[0].manager : utilisateur inconnu « personne »"
        )])
    );
    assert_eq!(state, before);
    assert_eq!(kv.writes(), writes);
    // A good import replaces everything and is saved.
    let good: ProductState = import(&exported(QB, &cat), QB, &cat, Lang::Fr).unwrap();
    store.replace(&mut state, good.clone()).unwrap();
    let (_, loaded, issue) = ProductStore::open(kv, QB, &cat, NOW);
    assert_eq!(issue, None);
    assert_eq!(loaded, good);
}

const V0_FIXTURE: &str = r#"{
  "format": "mes-apps",
  "schema": 0,
  "data": {
    "product": "quickbooks",
    "companies": [{"id": "boulangerie-martin", "name": "Boulangerie Martin", "kind": "entreprise"}],
    "users": [
      {"id": "claire-martin", "name": "Claire Martin", "role": "administrateur-principal", "gender": "f"},
      {"id": "julien-petit", "name": "Julien Petit", "role": "administrateur", "gender": "m"},
      {"id": "sophie-bernard", "name": "Sophie Bernard", "role": "utilisateur-standard", "gender": "f"}
    ],
    "connections": [
      {"app": "stock-malin", "company": "boulangerie-martin", "managed_by": "julien-petit",
       "since": "2025-11-20",
       "settings": {"methode_valorisation": "cump", "compte_stock": "370000", "alerte_seuil": true}},
      {"app": "banque-sereine", "company": "boulangerie-martin", "managed_by": "claire-martin",
       "since": "2025-09-15",
       "settings": {"frequence_import": "quotidienne", "historique": "90-jours", "categorisation_automatique": false}}
    ],
    "journal": [
      {"seq": 1, "at": 1757925000000, "product": "quickbooks", "actor": "claire-martin",
       "company": "boulangerie-martin", "app": "banque-sereine", "event": "connection"},
      {"seq": 2, "at": 1763631900000, "product": "quickbooks", "actor": "julien-petit",
       "company": "boulangerie-martin", "app": "stock-malin", "event": "connection"}
    ]
  }
}"#;

#[test]
fn a_version_0_file_imports_through_the_migration() {
    let cat = catalogue();
    let state = import(V0_FIXTURE, QB, &cat, Lang::Fr).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(state.connections.len(), 2);
    let stock = state.connection(&a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(stock.manager, Some(u("julien-petit")));
    assert_eq!(stock.since, at(2025, 11, 20, 0, 0));
    let banque = state
        .connection(&a("banque-sereine"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(banque.manager, Some(u("claire-martin")));
    assert_eq!(banque.since, at(2025, 9, 15, 0, 0));
    assert_eq!(state.journal.len(), 2);
    // Exported again, it is a version 1 file that reads back the same.
    let again = export(&state, NOW);
    assert!(again.contains("\"manager\"") && !again.contains("managed_by"));
    assert_eq!(import(&again, QB, &cat, Lang::Fr), Ok(state));
}

#[test]
fn a_version_0_file_with_a_bad_date_is_refused() {
    let cat = catalogue();
    let bad = V0_FIXTURE.replace("2025-11-20", "2025-13-40");
    refused_with(&bad, QB, &cat, "2025-13-40");
    let bad = V0_FIXTURE.replace("\"since\": \"2025-09-15\"", "\"since\": \"hier\"");
    refused_with(&bad, QB, &cat, "hier");
    // A v0 file that names an unknown manager is refused after the migration.
    let bad = V0_FIXTURE.replace(
        "\"managed_by\": \"julien-petit\"",
        "\"managed_by\": \"personne\"",
    );
    let m = refused(&bad, QB, &cat);
    assert!(
        m.contains("data.connections[0].manager") && m.contains("personne"),
        "{m}"
    );
}
