//! The demo data and the catalogue against PRODUCT.md: names, roles, client access, what
//! is connected at start, and the catalogue's size, categories and settings.

mod common;

use std::collections::{BTreeSet, HashSet};

use common::*;
use mes_apps::domain::catalogue::{Catalogue, Category};
use mes_apps::domain::forms::settings::{self, SettingDef, SettingKind, SettingValue, TextFormat};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::{validate, Problem};
use mes_apps::domain::model::{CompanyKind, Product, Role as ModelRole};
use mes_apps::domain::views::search::search;

fn role_of(r: Role) -> ModelRole {
    match r {
        Role::Primary => ModelRole::PrimaryAdmin,
        Role::Admin => ModelRole::Admin,
        Role::Standard => ModelRole::Standard,
    }
}

#[test]
fn quickbooks_demo_company_users_and_labels() {
    let cat = catalogue();
    let state = demo_state(Product::QuickBooks, &cat);
    assert_eq!(state.product, Product::QuickBooks);
    assert_eq!(state.companies.len(), 1);
    let home = state.home_company().unwrap();
    assert_eq!(home.name, "Boulangerie Martin");
    assert_eq!(home.kind, CompanyKind::Business);
    assert_eq!(home.id.as_str(), QB_COMPANY);
    let labels: Vec<String> = state.users.iter().map(|u| u.label(Lang::Fr)).collect();
    assert_eq!(
        labels,
        [
            "Claire Martin — administratrice principale",
            "Julien Petit — administrateur",
            "Sophie Bernard — utilisatrice standard",
        ]
    );
    for p in &QB_PEOPLE {
        let user = state.user(&u(p.id)).unwrap();
        assert_eq!(user.name, p.name);
        assert_eq!(user.role, role_of(p.role));
    }
    assert_eq!(state.primary_admin().unwrap().name, "Claire Martin");
}

#[test]
fn expert_comptable_demo_firm_clients_users_and_access() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    let firm = state.home_company().unwrap();
    assert_eq!(firm.name, "Cabinet Dupont & Associés");
    assert_eq!(firm.kind, CompanyKind::Firm);
    let clients: Vec<&str> = state.clients().map(|c| c.name.as_str()).collect();
    assert_eq!(
        clients,
        [
            "Boulangerie Martin",
            "Garage Lefèvre",
            "Fleurs de Provence",
            "Studio Nova",
            "Restaurant Le Comptoir",
            "Pharmacie du Port",
        ]
    );
    let ids: Vec<&str> = state.clients().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, EC_CLIENTS);
    let labels: Vec<String> = state.users.iter().map(|u| u.label(Lang::Fr)).collect();
    assert_eq!(
        labels,
        [
            "Marie Dupont — administratrice principale",
            "Thomas Leroy — administrateur",
            "Léa Moreau — utilisatrice standard",
        ]
    );
    let thomas = state.user(&u("thomas-leroy")).unwrap();
    let thomas_clients: BTreeSet<&str> = thomas.clients.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        thomas_clients.len(),
        EC_CLIENTS.len() - 1,
        "every client but one"
    );
    assert!(!thomas_clients.contains("pharmacie-du-port"));
    let lea = state.user(&u("lea-moreau")).unwrap();
    let lea_clients: BTreeSet<&str> = lea.clients.iter().map(|c| c.as_str()).collect();
    assert_eq!(lea_clients, LEA_CLIENTS.into_iter().collect());
    assert_eq!(state.primary_admin().unwrap().name, "Marie Dupont");
}

#[test]
fn quickbooks_demo_connections() {
    let cat = catalogue();
    let state = demo_state(Product::QuickBooks, &cat);
    assert!(state.connections.len() >= 3);
    let julien = state
        .connections
        .iter()
        .filter(|c| c.manager.as_ref().map_or("", |m| m.as_str()) == "julien-petit")
        .count();
    assert!(julien >= 2, "{julien}");
    assert!(state
        .connections
        .iter()
        .all(|c| c.company.as_str() == QB_COMPANY));
    // One entry per connection event at least, in order.
    assert!(state.journal.len() >= state.connections.len());
}

#[test]
fn expert_comptable_demo_connections() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    let kind = |id: &str| state.company(&c(id)).map(|c| c.kind);
    let firm_apps = state
        .connections
        .iter()
        .filter(|c| kind(c.company.as_str()) == Some(CompanyKind::Firm))
        .count();
    let client_conns: Vec<_> = state
        .connections
        .iter()
        .filter(|c| kind(c.company.as_str()) == Some(CompanyKind::Client))
        .collect();
    let clients_with_apps: HashSet<&str> =
        client_conns.iter().map(|c| c.company.as_str()).collect();
    assert!(firm_apps >= 2, "{firm_apps}");
    assert!(client_conns.len() >= 5, "{}", client_conns.len());
    assert!(clients_with_apps.len() >= 3);
    let thomas = state
        .connections
        .iter()
        .filter(|c| c.manager.as_ref().map_or("", |m| m.as_str()) == "thomas-leroy")
        .count();
    assert!(thomas >= 2, "several managed by Thomas Leroy: {thomas}");
    // Thomas manages nothing he cannot access.
    for conn in &state.connections {
        if conn.manager.as_ref().map(|m| m.as_str()) == Some("thomas-leroy") {
            assert_ne!(conn.company.as_str(), "pharmacie-du-port");
        }
    }
}

#[test]
fn three_apps_are_connected_nowhere_at_start() {
    let cat = catalogue();
    for (id, name) in [
        ("caisse-horizon", "Caisse Horizon"),
        ("paie-facile", "Paie Facile"),
        ("relances-pro", "Relances Pro"),
    ] {
        let def = app_def(&cat, id);
        assert_eq!(def.name, name);
        for product in Product::ALL {
            assert!(def.supports(product), "{name} / {product:?}");
            let state = demo_state(product, &cat);
            assert!(
                state.connections.iter().all(|c| c.app.as_str() != id),
                "{name} is connected in {product:?}"
            );
        }
    }
}

#[test]
fn demo_states_are_valid_and_use_available_apps() {
    let cat = catalogue();
    for product in Product::ALL {
        let state = demo_state(product, &cat);
        assert_eq!(validate(&state, product, &cat), Ok(()));
        for conn in &state.connections {
            let def = app_def(&cat, conn.app.as_str());
            assert!(def.supports(product), "{} in {product:?}", def.name);
            assert!(settings::validate_all(&def.settings, &conn.settings).is_ok());
        }
        // The demo's history is written by the journal's one writer: numbered 1 to n.
        assert!(state.journal.len() >= 5, "a history to show");
        let seqs: Vec<u64> = state.journal.iter().map(|e| e.seq).collect();
        let expected: Vec<u64> = (1..=state.journal.len() as u64).collect();
        assert_eq!(seqs, expected);
        // The state of the other product is not valid here.
        let other = match product {
            Product::QuickBooks => Product::ExpertComptable,
            Product::ExpertComptable => Product::QuickBooks,
        };
        let problems = validate(&state, other, &cat).expect_err("refused for the other product");
        assert_eq!(
            problems.first(),
            Some(&Problem::new("data.product", |l| match l {
                Lang::Fr => format!(
                    "ces données concernent {}, pas {}",
                    product.label(),
                    other.label()
                ),
                Lang::En => format!(
                    "this data is for {}, not {}",
                    product.label(),
                    other.label()
                ),
            }))
        );
    }
    // The demo is deterministic.
    assert_eq!(
        demo_state(Product::ExpertComptable, &cat),
        demo_state(Product::ExpertComptable, &cat)
    );
}

// ---------------------------------------------------------------------------------------
// The catalogue.

fn email_rule() -> SettingDef {
    SettingDef {
        key: "contact".into(),
        label: "Contact".into(),
        help: String::new(),
        kind: SettingKind::Text {
            default: String::new(),
            format: TextFormat::Email,
            min_len: 3,
            max_len: 200,
            example: String::new(),
        },
    }
}

#[test]
fn catalogue_size_categories_and_fields() {
    let cat = catalogue();
    let apps = cat.apps();
    assert!(apps.len() >= 40, "{}", apps.len());
    let categories: BTreeSet<Category> = apps.iter().map(|a| a.category).collect();
    assert!(categories.len() >= 8, "{categories:?}");
    let ids: HashSet<&str> = apps.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), apps.len(), "ids are unique");
    let names: HashSet<String> = apps.iter().map(|a| a.name.to_lowercase()).collect();
    assert_eq!(names.len(), apps.len(), "names are unique");
    let email = email_rule();
    for app in apps {
        assert!(!app.name.trim().is_empty(), "{}", app.id);
        assert!(!app.publisher.trim().is_empty(), "{}", app.id);
        assert!(!app.description.trim().is_empty(), "{}", app.id);
        assert!(!app.tagline.trim().is_empty(), "{}", app.id);
        assert!(!app.permissions.is_empty(), "{}: data it accesses", app.id);
        assert!(!app.products.is_empty(), "{}", app.id);
        assert!(
            email
                .validate(&SettingValue::Text(app.contact.clone()))
                .is_ok(),
            "{}: contact {}",
            app.id,
            app.contact
        );
        assert!(
            app.id
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            app.id
        );
    }
    for product in Product::ALL {
        assert!(cat.categories(product).len() >= 8, "{product:?}");
        assert!(apps.iter().filter(|a| a.supports(product)).count() >= 30);
    }
}

#[test]
fn every_app_has_one_to_four_valid_settings() {
    let cat = catalogue();
    let kinds: HashSet<&str> = cat
        .apps()
        .iter()
        .flat_map(|a| a.settings.iter())
        .map(|s| match s.kind {
            SettingKind::Toggle { .. } => "toggle",
            SettingKind::Choice { .. } => "choice",
            SettingKind::Text { .. } => "text",
        })
        .collect();
    assert_eq!(kinds.len(), 3, "choice, on/off and text all appear");
    for app in cat.apps() {
        let n = app.settings.len();
        assert!((1..=4).contains(&n), "{}: {n} settings", app.id);
        let keys: HashSet<&str> = app.settings.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys.len(), n, "{}: keys are unique", app.id);
        for s in &app.settings {
            assert!(!s.label.trim().is_empty(), "{}.{}", app.id, s.key);
            assert_eq!(
                s.validate(&s.default_value()),
                Ok(()),
                "{}.{}: the default is valid",
                app.id,
                s.key
            );
            match &s.kind {
                SettingKind::Choice { options, default } => {
                    assert!(options.len() >= 2, "{}.{}", app.id, s.key);
                    assert!(options.iter().any(|o| &o.value == default));
                    let values: HashSet<&str> = options.iter().map(|o| o.value.as_str()).collect();
                    assert_eq!(values.len(), options.len());
                }
                SettingKind::Text {
                    min_len,
                    max_len,
                    example,
                    ..
                } => {
                    assert!(min_len <= max_len, "{}.{}", app.id, s.key);
                    if !example.is_empty() {
                        assert!(
                            s.validate(&SettingValue::Text(example.clone())).is_ok(),
                            "{}.{}: the example {example:?} is valid",
                            app.id,
                            s.key
                        );
                    }
                }
                SettingKind::Toggle { .. } => {}
            }
        }
        assert!(settings::validate_all(&app.settings, &settings::defaults(&app.settings)).is_ok());
        // changed_values (used by other tests) really yields a valid, different set.
        let changed = changed_values(app);
        assert!(
            settings::validate_all(&app.settings, &changed).is_ok(),
            "{}",
            app.id
        );
        assert_ne!(changed, settings::defaults(&app.settings), "{}", app.id);
    }
}

#[test]
fn catalogue_has_no_real_brand_names() {
    let cat = catalogue();
    let brands = [
        "stripe",
        "paypal",
        "shopify",
        "square",
        "hubspot",
        "salesforce",
        "mailchimp",
        "quickbooks",
        "intuit",
        "sage",
        "qonto",
        "payfit",
        "expensify",
        "gusto",
        "xero",
    ];
    for app in cat.apps() {
        let name = app.name.to_lowercase();
        let publisher = app.publisher.to_lowercase();
        for b in brands {
            assert!(
                !name.contains(b) && !publisher.contains(b),
                "{} / {}",
                app.name,
                app.publisher
            );
        }
    }
}

#[test]
fn search_ignores_case_and_accents_and_respects_product() {
    let cat: Catalogue = catalogue();
    let names = |idx: Vec<usize>| -> Vec<String> {
        idx.into_iter()
            .map(|i| cat.apps()[i].name.clone())
            .collect()
    };
    let found = names(search(&cat, Product::QuickBooks, "deconnexion", None));
    assert!(found.iter().any(|n| n == "Alerte Déconnexion"), "{found:?}");
    let found = names(search(
        &cat,
        Product::ExpertComptable,
        "CAISSE horizon",
        None,
    ));
    assert_eq!(found.first().map(String::as_str), Some("Caisse Horizon"));
    for product in Product::ALL {
        for i in search(&cat, product, "", None) {
            assert!(cat.apps()[i].supports(product));
        }
        for category in Category::ALL {
            for i in search(&cat, product, "", Some(category)) {
                assert_eq!(cat.apps()[i].category, category);
            }
        }
    }
}

#[test]
fn a_category_is_found_by_its_name_in_either_language() {
    let cat = Catalogue::shipped().unwrap();
    for product in Product::ALL {
        let payroll: BTreeSet<usize> = search(&cat, product, "payroll", None).into_iter().collect();
        let paie: BTreeSet<usize> = search(&cat, product, "", Some(Category::Paie))
            .into_iter()
            .collect();
        assert!(!paie.is_empty(), "{product:?} has payroll apps");
        assert!(
            paie.is_subset(&payroll),
            "{product:?}: “payroll” finds every Paie app"
        );
    }
}
