//! `command::apply` and `plan_get` against the demo data: the role table of PRODUCT.md
//! cell by cell, every kind of refusal (which must change nothing), and what each success
//! does to the connections and the journal.

mod common;

use std::collections::BTreeMap;

use common::*;
use mes_apps::domain::catalogue::product::GetKind;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::{
    apply, plan_get, refusal_for_every_target, Command, GetPlan, Outcome,
};
use mes_apps::domain::data::demo;
use mes_apps::domain::forms::questionnaire::{Questionnaire, QuestionnaireError, Reason};
use mes_apps::domain::forms::settings::{self, SettingValue};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::journal::{Event, SettingChange};
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Gender, Product, ProductState, Timestamp};

/// Recognises the refusal a case expects.
type Expect = fn(&DomainError) -> bool;

/// An app that no demo state connects anywhere and that both products support.
const FREE_APP: &str = "paie-facile";

fn companies(product: Product) -> Vec<&'static str> {
    match product {
        Product::QuickBooks => vec![QB_COMPANY],
        Product::ExpertComptable => {
            let mut v = vec![FIRM];
            v.extend(EC_CLIENTS);
            v
        }
    }
}

/// Someone other than `actor` to manage the connection a take-over takes.
fn other_manager(product: Product, actor: &Person) -> &'static str {
    let ps = people(product);
    if actor.role == Role::Primary {
        ps[1].id
    } else {
        ps[0].id
    }
}

/// Runs one cell of the table and returns a description of what went wrong, if anything.
fn run_cell(product: Product, actor: &Person, act: Act, company: &str) -> Result<(), String> {
    let cat = catalogue();
    let mut state = demo_state(product, &cat);
    let other = other_manager(product, actor);
    let def = app_def(&cat, FREE_APP);
    let since = 1_000_000;
    let command = match act {
        Act::Get => get(FREE_APP, company),
        Act::TakeOver => {
            push_connection(&mut state, &cat, FREE_APP, company, other, since);
            get(FREE_APP, company)
        }
        Act::ChangeSettings => {
            push_connection(&mut state, &cat, FREE_APP, company, other, since);
            update(FREE_APP, company, changed_values(def))
        }
        Act::Disconnect => {
            push_connection(&mut state, &cat, FREE_APP, company, other, since);
            disconnect(FREE_APP, company, reason(Reason::NoLongerNeeded))
        }
    };
    let before = state.clone();
    let access = has_access(product, actor, company);
    let may = role_may(product, actor.role, act) && access;
    let plan = match act {
        Act::Get | Act::TakeOver => Some(plan_get(
            &state,
            &env(&cat),
            &u(actor.id),
            &a(FREE_APP),
            &c(company),
        )),
        _ => None,
    };
    let result = apply(&mut state, &env(&cat), &u(actor.id), &command);
    let here = format!("{product:?} / {} / {act:?} / {company}", actor.name);
    match (may, result) {
        (true, Ok(outcome)) => {
            let expected_outcome = match act {
                Act::Get => Outcome::Added {
                    app: a(FREE_APP),
                    company: c(company),
                    kind: kind_of(product),
                },
                Act::TakeOver => Outcome::Transferred {
                    app: a(FREE_APP),
                    company: c(company),
                    from: Some(u(other)),
                    to: u(actor.id),
                },
                Act::Disconnect => Outcome::Disconnected {
                    app: a(FREE_APP),
                    company: c(company),
                },
                Act::ChangeSettings => match &outcome {
                    Outcome::SettingsSaved { .. } => outcome.clone(),
                    _ => return Err(format!("{here}: expected SettingsSaved, got {outcome:?}")),
                },
            };
            if outcome != expected_outcome {
                return Err(format!(
                    "{here}: expected {expected_outcome:?}, got {outcome:?}"
                ));
            }
            if state.journal.len() != before.journal.len() + 1 {
                return Err(format!("{here}: one journal entry expected"));
            }
            if let Some(Err(e)) = plan {
                return Err(format!(
                    "{here}: plan_get refused ({e:?}) but apply succeeded"
                ));
            }
            Ok(())
        }
        (true, Err(e)) => Err(format!(
            "{here}: should be allowed, refused with {e:?} « {e:?} »"
        )),
        (false, Ok(o)) => Err(format!("{here}: should be refused, got {o:?}")),
        (false, Err(e)) => {
            if state != before {
                return Err(format!("{here}: the refusal changed the state"));
            }
            if let Some(Ok(p)) = plan {
                return Err(format!("{here}: plan_get said {p:?} but apply refused"));
            }
            if let Some(Err(pe)) = &plan {
                if pe != &e {
                    return Err(format!(
                        "{here}: plan_get and apply disagree: {pe:?} / {e:?}"
                    ));
                }
            }
            let variant_ok = if !access {
                matches!(e, DomainError::ClientNotAccessible { .. })
            } else if act == Act::TakeOver && product == Product::ExpertComptable {
                matches!(e, DomainError::TakeOverReserved { .. })
            } else {
                matches!(e, DomainError::Forbidden { .. })
            };
            if !variant_ok {
                return Err(format!("{here}: unexpected refusal {e:?}"));
            }
            let message = e.text(Lang::Fr);
            let allowed = allowed_names(product, act, company);
            for p in people(product) {
                let named = message.contains(p.name);
                if named != allowed.contains(&p.name) {
                    return Err(format!(
                        "{here}: the refusal should{} name {}: « {message} »",
                        if named { " not" } else { "" },
                        p.name
                    ));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn role_table_every_cell_of_both_products() {
    let mut failures = Vec::new();
    let mut cells = 0;
    for product in Product::ALL {
        for actor in people(product) {
            for act in ACTS {
                for company in companies(product) {
                    cells += 1;
                    if let Err(f) = run_cell(product, actor, act, company) {
                        failures.push(f);
                    }
                }
            }
        }
    }
    // 3 users × 4 actions × 1 company + 3 users × 4 actions × 7 companies.
    assert_eq!(cells, 12 + 84);
    assert!(
        failures.is_empty(),
        "{} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn quickbooks_standard_user_refusals_name_claire_and_julien() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    let connected = state.connections[0].clone();
    let commands = [
        get("caisse-horizon", QB_COMPANY),
        get(connected.app.as_str(), QB_COMPANY),
        update(
            connected.app.as_str(),
            QB_COMPANY,
            changed_values(app_def(&cat, connected.app.as_str())),
        ),
        disconnect(connected.app.as_str(), QB_COMPANY, reason(Reason::Replaced)),
    ];
    for command in &commands {
        let e = refused(&mut state, &cat, "sophie-bernard", command);
        assert!(matches!(e, DomainError::Forbidden { .. }), "{e:?}");
        let m = e.text(Lang::Fr);
        assert!(
            m.contains("Claire Martin") && m.contains("Julien Petit"),
            "{m}"
        );
        assert!(m.contains("utilisatrice standard"), "{m}");
        assert!(!m.contains("Sophie Bernard"), "{m}");
    }
}

#[test]
fn expert_comptable_take_over_is_reserved_to_marie_dupont() {
    let cat = catalogue();
    let mut state = demo_state(Product::ExpertComptable, &cat);
    // Marie manages tableau-clair for the firm and notes-eclair for Fleurs de Provence.
    for (app, company) in [
        ("tableau-clair", FIRM),
        ("notes-eclair", "fleurs-de-provence"),
    ] {
        assert_eq!(manager_of(&state, app, company), Some("marie-dupont"));
        let e = refused(&mut state, &cat, "thomas-leroy", &get(app, company));
        match &e {
            DomainError::TakeOverReserved {
                primary,
                primary_gender,
            } => {
                assert_eq!(primary, "Marie Dupont");
                assert_eq!(*primary_gender, Gender::Feminine);
            }
            other => panic!("expected TakeOverReserved, got {other:?}"),
        }
        let m = e.text(Lang::Fr);
        assert!(m.contains("Marie Dupont"), "{m}");
        assert!(!m.contains("Thomas Leroy"), "{m}");
        // Léa is refused too, and told the same person.
        let e = refused(&mut state, &cat, "lea-moreau", &get(app, company));
        let m = e.text(Lang::Fr);
        assert!(
            m.contains("Marie Dupont") && !m.contains("Thomas Leroy"),
            "{m}"
        );
    }
    // Marie takes over what Thomas manages.
    takes_over(
        &mut state,
        &cat,
        "marie-dupont",
        ("dossiers-partages", FIRM),
        "thomas-leroy",
    );
}

#[test]
fn quickbooks_admin_may_take_over() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    takes_over(
        &mut state,
        &cat,
        "julien-petit",
        ("banque-sereine", QB_COMPANY),
        "claire-martin",
    );
}

/// `actor` gets `app` for `company`, which `from` manages: planned as a take-over, and
/// applied as one.
fn takes_over(
    state: &mut ProductState,
    cat: &Catalogue,
    actor: &str,
    (app, company): (&str, &str),
    from: &str,
) {
    assert_eq!(manager_of(state, app, company), Some(from));
    assert_eq!(
        plan_get(state, &env(cat), &u(actor), &a(app), &c(company)),
        Ok(GetPlan::TakeOver {
            from: Some(u(from))
        })
    );
    assert_eq!(
        apply_checked(state, cat, actor, &get(app, company)),
        Ok(Outcome::Transferred {
            app: a(app),
            company: c(company),
            from: Some(u(from)),
            to: u(actor),
        })
    );
}

fn manager_of<'s>(state: &'s ProductState, app: &str, company: &str) -> Option<&'s str> {
    state
        .connection(&a(app), &c(company))
        .and_then(|conn| conn.manager.as_ref().map(|m| m.as_str()))
}

#[test]
fn thomas_leroy_cannot_act_on_pharmacie_du_port() {
    let cat = catalogue();
    let mut state = demo_state(Product::ExpertComptable, &cat);
    let p = "pharmacie-du-port";
    assert!(state.connection(&a("stock-malin"), &c(p)).is_some());
    let commands = [
        get("caisse-horizon", p),
        get("stock-malin", p),
        update(
            "stock-malin",
            p,
            changed_values(app_def(&cat, "stock-malin")),
        ),
        disconnect("stock-malin", p, reason(Reason::TooExpensive)),
        // Not connected there: the refusal must not say so, only that he has no access.
        update(
            "caisse-horizon",
            p,
            changed_values(app_def(&cat, "caisse-horizon")),
        ),
        disconnect("caisse-horizon", p, reason(Reason::TooExpensive)),
    ];
    for actor in ["thomas-leroy", "lea-moreau"] {
        for command in &commands {
            let e = refused(&mut state, &cat, actor, command);
            match &e {
                DomainError::ClientNotAccessible { client, allowed } => {
                    assert_eq!(client, "Pharmacie du Port");
                    assert_eq!(allowed, &["Marie Dupont"]);
                }
                other => panic!("{actor} {command:?}: expected ClientNotAccessible, got {other:?}"),
            }
            let m = e.text(Lang::Fr);
            assert!(
                m.contains("Pharmacie du Port") && m.contains("Marie Dupont"),
                "{m}"
            );
        }
    }
}

#[test]
fn lea_moreau_is_refused_everywhere_with_the_right_reason() {
    let cat = catalogue();
    let mut state = demo_state(Product::ExpertComptable, &cat);
    for client in EC_CLIENTS {
        let e = refused(
            &mut state,
            &cat,
            "lea-moreau",
            &get("caisse-horizon", client),
        );
        if LEA_CLIENTS.contains(&client) {
            assert!(
                matches!(e, DomainError::Forbidden { .. }),
                "{client}: {e:?}"
            );
        } else {
            assert!(
                matches!(e, DomainError::ClientNotAccessible { .. }),
                "{client}: {e:?}"
            );
        }
    }
    let e = refused(&mut state, &cat, "lea-moreau", &get("caisse-horizon", FIRM));
    let m = e.text(Lang::Fr);
    assert!(
        m.contains("Marie Dupont") && m.contains("Thomas Leroy"),
        "{m}"
    );
    assert!(m.contains("installer une appli"), "{m}");
}

// ---------------------------------------------------------------------------------------
// Refusals change nothing.

fn invalid_settings_keys(e: &DomainError) -> Vec<String> {
    match e {
        DomainError::InvalidSettings(errors) => errors.iter().map(|f| f.key.clone()).collect(),
        other => panic!("expected InvalidSettings, got {other:?}"),
    }
}

#[test]
fn invalid_settings_are_refused_without_change() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    // stock-malin: methode_valorisation (choice), compte_stock (digits 6–8), alerte_seuil.
    let app = "stock-malin";
    let def = app_def(&cat, app);
    let base = settings::defaults(&def.settings);
    let with = |key: &str, v: SettingValue| {
        let mut m = base.clone();
        m.insert(key.to_string(), v);
        m
    };
    let without = |key: &str| {
        let mut m = base.clone();
        m.remove(key);
        m
    };
    let cases: Vec<(&str, BTreeMap<String, SettingValue>, Vec<&str>)> = vec![
        (
            "toggle given text",
            with("alerte_seuil", text("oui")),
            vec!["alerte_seuil"],
        ),
        (
            "text given bool",
            with("compte_stock", SettingValue::Bool(true)),
            vec!["compte_stock"],
        ),
        (
            "choice given bool",
            with("methode_valorisation", SettingValue::Bool(false)),
            vec!["methode_valorisation"],
        ),
        (
            "unknown choice",
            with("methode_valorisation", text("au-hasard")),
            vec!["methode_valorisation"],
        ),
        (
            "letters in digits",
            with("compte_stock", text("37A000")),
            vec!["compte_stock"],
        ),
        (
            "too short digits",
            with("compte_stock", text("370")),
            vec!["compte_stock"],
        ),
        (
            "too long digits",
            with("compte_stock", text("370000000")),
            vec!["compte_stock"],
        ),
        (
            "spaces around",
            with("compte_stock", text(" 370001")),
            vec!["compte_stock"],
        ),
        (
            "unknown key",
            with("cle_inconnue", text("x")),
            vec!["cle_inconnue"],
        ),
        ("missing key", without("compte_stock"), vec!["compte_stock"]),
        (
            "empty",
            BTreeMap::new(),
            vec!["methode_valorisation", "compte_stock", "alerte_seuil"],
        ),
    ];
    for (what, values, keys) in cases {
        let e = refused(
            &mut state,
            &cat,
            "claire-martin",
            &update(app, QB_COMPANY, values),
        );
        let mut got = invalid_settings_keys(&e);
        got.sort();
        let mut want: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{what}");
        assert!(e.text(Lang::Fr).contains("paramètre"), "{what}: {e:?}");
    }
}

#[test]
fn invalid_email_and_code_are_refused() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    // paie-facile: email_gestionnaire (email, required), journal_paie (code 1–8).
    push_connection(
        &mut state,
        &cat,
        "paie-facile",
        QB_COMPANY,
        "claire-martin",
        0,
    );
    let base = settings::defaults(&app_def(&cat, "paie-facile").settings);
    for (key, bad) in [
        ("email_gestionnaire", "pas-une-adresse"),
        ("email_gestionnaire", "a@b"),
        ("email_gestionnaire", "a b@c.fr"),
        ("email_gestionnaire", ""),
        ("journal_paie", "paie"),
        ("journal_paie", "PAIE_1"),
        ("journal_paie", "TROPLONG9"),
    ] {
        let mut values = base.clone();
        values.insert(key.into(), text(bad));
        let e = refused(
            &mut state,
            &cat,
            "julien-petit",
            &update("paie-facile", QB_COMPANY, values),
        );
        assert_eq!(
            invalid_settings_keys(&e),
            vec![key.to_string()],
            "{key} = {bad:?}"
        );
    }
}

#[test]
fn questionnaire_errors_are_refused_without_change() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    let app = "banque-sereine";
    let cases = [
        (
            mes_apps::domain::forms::questionnaire::Answers::default(),
            QuestionnaireError::MissingReason,
        ),
        (other(""), QuestionnaireError::MissingOther),
        (other("   \n "), QuestionnaireError::MissingOther),
        (
            other(&"x".repeat(501)),
            QuestionnaireError::OtherTooLong { len: 501 },
        ),
        (other("ok\u{7}"), QuestionnaireError::OtherHasControlChars),
    ];
    for (answers, expected) in cases {
        let e = refused(
            &mut state,
            &cat,
            "claire-martin",
            &disconnect(app, QB_COMPANY, answers),
        );
        assert_eq!(e, DomainError::Questionnaire(expected.clone()));
        assert_eq!(e.text(Lang::Fr), expected.to_string());
    }
    // The "Autre" text may be exactly 500 characters (counted as characters).
    let ok = apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &disconnect(app, QB_COMPANY, other(&"é".repeat(500))),
    );
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn unknown_references_and_unavailable_apps_are_refused_without_change() {
    let cat = catalogue();
    for product in Product::ALL {
        let mut state = demo_state(product, &cat);
        let primary = people(product)[0].id;
        let h = home(product);
        let connected = state.connections[0].app.to_string();
        let manager0 = state.connections[0].manager.clone().unwrap().to_string();
        let vals = changed_values(app_def(&cat, &connected));
        let cases: Vec<(&str, Command, Expect)> = vec![
            (
                "inconnu",
                get("caisse-horizon", h),
                |e| matches!(e, DomainError::UnknownUser(u) if u == "inconnu"),
            ),
            (
                primary,
                get("appli-inconnue", h),
                |e| matches!(e, DomainError::UnknownApp(a) if a == "appli-inconnue"),
            ),
            (primary, get("caisse-horizon", "entreprise-inconnue"), |e| {
                matches!(e, DomainError::UnknownCompany(_))
            }),
            (primary, update("appli-inconnue", h, BTreeMap::new()), |e| {
                matches!(e, DomainError::UnknownApp(_))
            }),
            (
                primary,
                disconnect("appli-inconnue", h, reason(Reason::Replaced)),
                |e| matches!(e, DomainError::UnknownApp(_)),
            ),
            (
                primary,
                disconnect(&connected, "entreprise-inconnue", reason(Reason::Replaced)),
                |e| matches!(e, DomainError::UnknownCompany(_)),
            ),
            ("inconnu", update(&connected, h, vals.clone()), |e| {
                matches!(e, DomainError::UnknownUser(_))
            }),
            (
                "inconnu",
                disconnect(&connected, h, reason(Reason::Replaced)),
                |e| matches!(e, DomainError::UnknownUser(_)),
            ),
            // Not connected.
            (
                primary,
                update(
                    "caisse-horizon",
                    h,
                    changed_values(app_def(&cat, "caisse-horizon")),
                ),
                |e| matches!(e, DomainError::NotConnected { .. }),
            ),
            (
                primary,
                disconnect("caisse-horizon", h, reason(Reason::Replaced)),
                |e| matches!(e, DomainError::NotConnected { .. }),
            ),
            // Already managed by the actor.
            (&manager0, get(&connected, h), |e| {
                matches!(e, DomainError::AlreadyManaged { .. })
            }),
        ];
        for (actor, command, ok) in cases {
            let e = refused(&mut state, &cat, actor, &command);
            assert!(ok(&e), "{product:?} {actor} {command:?}: {e:?}");
            assert!(!e.text(Lang::Fr).is_empty());
        }
        // The other product's home company is unknown here.
        let other_home = home(match product {
            Product::QuickBooks => Product::ExpertComptable,
            Product::ExpertComptable => Product::QuickBooks,
        });
        if product == Product::QuickBooks {
            let e = refused(
                &mut state,
                &cat,
                primary,
                &get("caisse-horizon", other_home),
            );
            assert!(matches!(e, DomainError::UnknownCompany(_)), "{e:?}");
        }
    }
}

#[test]
fn apps_of_the_other_product_are_refused() {
    let cat = catalogue();
    // dossiers-partages is Expert-Comptable only; terminal-mobile-cigale QuickBooks only.
    let mut qb = demo_state(Product::QuickBooks, &cat);
    let e = refused(
        &mut qb,
        &cat,
        "claire-martin",
        &get("dossiers-partages", QB_COMPANY),
    );
    assert_eq!(
        e,
        DomainError::AppNotAvailable {
            app: "Dossiers Partagés".into(),
            product: Product::QuickBooks
        }
    );
    assert!(e.text(Lang::Fr).contains("QuickBooks"));
    let mut ec = demo_state(Product::ExpertComptable, &cat);
    for company in [FIRM, "garage-lefevre"] {
        let e = refused(
            &mut ec,
            &cat,
            "marie-dupont",
            &get("terminal-mobile-cigale", company),
        );
        assert!(
            matches!(
                &e,
                DomainError::AppNotAvailable {
                    product: Product::ExpertComptable,
                    ..
                }
            ),
            "{e:?}"
        );
    }
}

#[test]
fn saving_identical_settings_is_no_change() {
    let cat = catalogue();
    for product in Product::ALL {
        let mut state = demo_state(product, &cat);
        let conn = state.connections[0].clone();
        let e = refused(
            &mut state,
            &cat,
            people(product)[0].id,
            &update(
                conn.app.as_str(),
                conn.company.as_str(),
                conn.settings.clone(),
            ),
        );
        assert_eq!(e, DomainError::NoChange);
    }
}

// ---------------------------------------------------------------------------------------
// Successes.

#[test]
fn connect_appends_one_entry_with_default_settings() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    let before = state.clone();
    let now = 1_790_000_000_123;
    let out = apply(
        &mut state,
        &env_at(&cat, now),
        &u("julien-petit"),
        &get("caisse-horizon", QB_COMPANY),
    );
    assert_eq!(
        out,
        Ok(Outcome::Added {
            app: a("caisse-horizon"),
            company: c(QB_COMPANY),
            kind: GetKind::Connect,
        })
    );
    assert_eq!(state.connections.len(), before.connections.len() + 1);
    let conn = state
        .connection(&a("caisse-horizon"), &c(QB_COMPANY))
        .expect("now connected");
    assert_eq!(conn.manager, Some(u("julien-petit")));
    assert_eq!(conn.since, Timestamp(now));
    assert_eq!(
        conn.settings,
        settings::defaults(&app_def(&cat, "caisse-horizon").settings)
    );
    assert_eq!(conn.settings.len(), 3);
    // The other connections are untouched.
    for old in &before.connections {
        assert_eq!(state.connection(&old.app, &old.company), Some(old));
    }
    assert_eq!(state.journal.len(), before.journal.len() + 1);
    assert_eq!(&state.journal[..before.journal.len()], &before.journal[..]);
    let entry = state.journal.last().unwrap();
    assert_eq!(entry.seq, before.journal.last().unwrap().seq + 1);
    assert_eq!(entry.actor, u("julien-petit"));
    assert_eq!(entry.company, c(QB_COMPANY));
    assert_eq!(entry.app, Some(a("caisse-horizon")));
    assert_eq!(entry.event, Event::Connection);
    assert_eq!(entry.at, Timestamp(now));
    assert_eq!(entry.product, Product::QuickBooks);
    assert!(validate(&state, Product::QuickBooks, &cat).is_ok());
    let message = out.unwrap().message(&state, &cat, Lang::Fr);
    assert!(
        message.contains("Caisse Horizon") && message.contains("Boulangerie Martin"),
        "{message}"
    );
}

#[test]
fn install_for_the_firm_and_for_a_client() {
    let cat = catalogue();
    let mut state = demo_state(Product::ExpertComptable, &cat);
    for (actor, company) in [
        ("thomas-leroy", FIRM),
        ("thomas-leroy", "garage-lefevre"),
        ("marie-dupont", "pharmacie-du-port"),
    ] {
        let n = state.journal.len();
        let last_seq = state.journal.last().unwrap().seq;
        let out = apply_checked(&mut state, &cat, actor, &get("relances-pro", company));
        assert_eq!(
            out,
            Ok(Outcome::Added {
                app: a("relances-pro"),
                company: c(company),
                kind: GetKind::Install,
            })
        );
        let conn = state.connection(&a("relances-pro"), &c(company)).unwrap();
        assert_eq!(conn.manager, Some(u(actor)));
        assert_eq!(conn.since, NOW);
        assert_eq!(state.journal.len(), n + 1);
        let e = state.journal.last().unwrap();
        assert_eq!(
            (e.seq, &e.actor, &e.company, &e.event),
            (last_seq + 1, &u(actor), &c(company), &Event::Installation)
        );
    }
    // The same app in three places, still once per company.
    assert_eq!(
        state
            .connections
            .iter()
            .filter(|c| c.app == a("relances-pro"))
            .count(),
        3
    );
    assert!(validate(&state, Product::ExpertComptable, &cat).is_ok());
}

#[test]
fn take_over_keeps_settings_and_since() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    // Claire first changes banque-sereine's settings, then Julien takes it over.
    let def = app_def(&cat, "banque-sereine");
    let values = changed_values(def);
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &update("banque-sereine", QB_COMPANY, values.clone()),
    )
    .expect("the primary admin changes settings");
    let before = state
        .connection(&a("banque-sereine"), &c(QB_COMPANY))
        .unwrap()
        .clone();
    assert_eq!(before.settings, values);
    let n = state.journal.len();
    takes_over(
        &mut state,
        &cat,
        "julien-petit",
        ("banque-sereine", QB_COMPANY),
        "claire-martin",
    );
    let after = state
        .connection(&a("banque-sereine"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(after.manager, Some(u("julien-petit")));
    assert_eq!(after.settings, before.settings);
    assert_eq!(after.since, before.since);
    // Managed by Julien since the transfer, not since Claire connected it.
    assert_eq!(before.managed_since(), before.since);
    assert_eq!(after.transferred, Some(env(&cat).now));
    assert_eq!(after.managed_since(), env(&cat).now);
    assert_eq!(state.journal.len(), n + 1);
    assert_eq!(
        state.journal.last().unwrap().event,
        Event::Transfer {
            from: Some(u("claire-martin")),
            to: u("julien-petit")
        }
    );
    // Now Julien manages it: getting it again is refused.
    let e = refused(
        &mut state,
        &cat,
        "julien-petit",
        &get("banque-sereine", QB_COMPANY),
    );
    assert!(matches!(e, DomainError::AlreadyManaged { .. }), "{e:?}");
}

#[test]
fn settings_change_journals_exactly_the_changed_keys() {
    let cat = catalogue();
    let mut state = demo_state(Product::QuickBooks, &cat);
    // stock-malin: methode_valorisation (cump), compte_stock (370000), alerte_seuil (true).
    let old = state
        .connection(&a("stock-malin"), &c(QB_COMPANY))
        .unwrap()
        .clone();
    let mut values = old.settings.clone();
    values.insert("compte_stock".into(), text("371000"));
    values.insert("alerte_seuil".into(), SettingValue::Bool(false));
    let n = state.journal.len();
    let out = apply_checked(
        &mut state,
        &cat,
        "julien-petit",
        &update("stock-malin", QB_COMPANY, values.clone()),
    )
    .expect("an admin changes settings");
    let expected = vec![
        SettingChange {
            key: "compte_stock".into(),
            from: Some(text("370000")),
            to: text("371000"),
        },
        SettingChange {
            key: "alerte_seuil".into(),
            from: Some(SettingValue::Bool(true)),
            to: SettingValue::Bool(false),
        },
    ];
    let sorted = |mut v: Vec<SettingChange>| {
        v.sort_by(|x, y| x.key.cmp(&y.key));
        v
    };
    match &out {
        Outcome::SettingsSaved {
            app,
            company,
            changes,
        } => {
            assert_eq!((app, company), (&a("stock-malin"), &c(QB_COMPANY)));
            assert_eq!(sorted(changes.clone()), sorted(expected.clone()));
        }
        other => panic!("{other:?}"),
    }
    let conn = state.connection(&a("stock-malin"), &c(QB_COMPANY)).unwrap();
    assert_eq!(conn.settings, values);
    assert_eq!(
        conn.manager, old.manager,
        "changing settings does not transfer"
    );
    assert_eq!(conn.since, old.since);
    assert_eq!(state.journal.len(), n + 1);
    match &state.journal.last().unwrap().event {
        Event::SettingsChange { changes } => assert_eq!(sorted(changes.clone()), sorted(expected)),
        other => panic!("{other:?}"),
    }
    assert!(plain(&out.message(&state, &cat, Lang::Fr)).contains("2 modifications"));
    assert!(out.message(&state, &cat, Lang::En).contains("(2 changes)"));
}

#[test]
fn disconnect_removes_the_connection_and_journals_the_answers() {
    let cat = catalogue();
    for product in Product::ALL {
        let mut state = demo_state(product, &cat);
        let target = state.connections.last().unwrap().clone();
        let n = state.journal.len();
        let out = apply_checked(
            &mut state,
            &cat,
            people(product)[0].id,
            &disconnect(
                target.app.as_str(),
                target.company.as_str(),
                other("  trop lente le matin "),
            ),
        );
        assert_eq!(
            out,
            Ok(Outcome::Disconnected {
                app: target.app.clone(),
                company: target.company.clone()
            })
        );
        assert!(state.connection(&target.app, &target.company).is_none());
        assert_eq!(state.journal.len(), n + 1);
        let e = state.journal.last().unwrap();
        assert_eq!(e.app.as_ref(), Some(&target.app));
        assert_eq!(e.company, target.company);
        assert_eq!(
            e.event,
            Event::Disconnection {
                answers: Questionnaire {
                    reason: Reason::Other,
                    other: Some("trop lente le matin".into())
                }
            }
        );
        // A plain reason keeps no text, even if some was typed.
        let next = state.connections[0].clone();
        apply_checked(
            &mut state,
            &cat,
            people(product)[1].id,
            &disconnect(
                next.app.as_str(),
                next.company.as_str(),
                mes_apps::domain::forms::questionnaire::Answers {
                    reason: Some(Reason::DataConcerns),
                    other: "ignoré".into(),
                },
            ),
        )
        .expect("an admin disconnects");
        assert_eq!(
            state.journal.last().unwrap().event,
            Event::Disconnection {
                answers: Questionnaire {
                    reason: Reason::DataConcerns,
                    other: None
                }
            }
        );
        assert!(validate(&state, product, &cat).is_ok());
    }
}

#[test]
fn reset_restores_the_demo_data() {
    let cat = catalogue();
    for product in Product::ALL {
        let mut state = demo_state(product, &cat);
        let primary = people(product)[0].id;
        let h = home(product);
        apply_checked(&mut state, &cat, primary, &get("caisse-horizon", h)).unwrap();
        let first = state.connections[0].clone();
        apply_checked(
            &mut state,
            &cat,
            primary,
            &disconnect(
                first.app.as_str(),
                first.company.as_str(),
                reason(Reason::Replaced),
            ),
        )
        .unwrap();
        assert_ne!(state, demo::state(product, &cat, NOW));
        // Reset is open to every role, the standard user included.
        let out = apply_checked(&mut state, &cat, people(product)[2].id, &Command::Reset);
        assert_eq!(out, Ok(Outcome::Reset));
        assert_eq!(state, demo::state(product, &cat, NOW));
    }
}

#[test]
fn seq_continues_after_several_commands() {
    let cat = catalogue();
    let mut state = demo_state(Product::ExpertComptable, &cat);
    let start = state.journal.last().unwrap().seq;
    let steps = [
        ("marie-dupont", get("caisse-horizon", FIRM)),
        ("thomas-leroy", get("paie-facile", "studio-nova")),
        ("marie-dupont", get("paie-facile", "studio-nova")),
        (
            "marie-dupont",
            disconnect("caisse-horizon", FIRM, reason(Reason::Replaced)),
        ),
    ];
    for (i, (actor, command)) in steps.iter().enumerate() {
        apply_checked(&mut state, &cat, actor, command).unwrap_or_else(|e| panic!("{i}: {e:?}"));
        assert_eq!(state.journal.last().unwrap().seq, start + 1 + i as u64);
    }
}

#[test]
fn an_added_app_is_announced_as_connected_or_installed() {
    let cat = catalogue();
    let cases = [
        (
            Product::QuickBooks,
            "claire-martin",
            get("caisse-horizon", QB_COMPANY),
            "Caisse Horizon est connectée à Boulangerie Martin. Vérifiez ses paramètres.",
        ),
        (
            Product::ExpertComptable,
            "marie-dupont",
            get("relances-pro", "garage-lefevre"),
            "Relances Pro est installée pour Garage Lefèvre. Vérifiez ses paramètres.",
        ),
        (
            Product::ExpertComptable,
            "thomas-leroy",
            get("caisse-horizon", FIRM),
            "Caisse Horizon est installée pour Cabinet Dupont & Associés. Vérifiez ses \
             paramètres.",
        ),
    ];
    for (product, actor, command, expected) in cases {
        let mut state = demo_state(product, &cat);
        let outcome = apply_checked(&mut state, &cat, actor, &command)
            .unwrap_or_else(|e| panic!("{command:?} by {actor}: {e:?}"));
        assert_eq!(outcome.message(&state, &cat, Lang::Fr), fr(expected));
    }
}

// ---------------------------------------------------------------------------------------
// plan_get says what apply does.

/// Every user of the state, then an unknown one.
fn actors_and_unknown(state: &ProductState) -> Vec<String> {
    let mut actors: Vec<String> = state.users.iter().map(|u| u.id.to_string()).collect();
    actors.push("inconnu".into());
    actors
}

/// Every app of the catalogue, then an unknown one.
fn apps_and_unknown(cat: &Catalogue) -> Vec<String> {
    let mut apps: Vec<String> = cat.apps().iter().map(|a| a.id.to_string()).collect();
    apps.push("appli-inconnue".into());
    apps
}

#[test]
fn plan_get_agrees_with_apply_everywhere() {
    let cat = catalogue();
    for product in Product::ALL {
        let base = demo_state(product, &cat);
        let (actors, apps) = (actors_and_unknown(&base), apps_and_unknown(&cat));
        let mut companies: Vec<String> = base.companies.iter().map(|c| c.id.to_string()).collect();
        companies.push("entreprise-inconnue".into());
        let mut checked = 0;
        for actor in &actors {
            for app in &apps {
                for company in &companies {
                    let mut state = base.clone();
                    let plan = plan_get(&state, &env(&cat), &u(actor), &a(app), &c(company));
                    let result = apply(&mut state, &env(&cat), &u(actor), &get(app, company));
                    match (&plan, &result) {
                        (Ok(GetPlan::New { kind }), Ok(Outcome::Added { kind: added, .. })) => {
                            assert_eq!(kind, added);
                            assert_eq!(*kind, kind_of(product));
                        }
                        (
                            Ok(GetPlan::TakeOver { from }),
                            Ok(Outcome::Transferred { from: f, to, .. }),
                        ) => {
                            assert_eq!(from, f);
                            assert_eq!(to, &u(actor));
                        }
                        (Err(p), Err(r)) => {
                            assert_eq!(p, r);
                            assert_eq!(state, base, "a refusal changed the state");
                        }
                        _ => panic!(
                            "{product:?} {actor} {app} {company}: plan {plan:?}, apply {result:?}"
                        ),
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
    }
}

#[test]
fn plan_get_changes_nothing() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    let copy: ProductState = state.clone();
    let _ = plan_get(
        &state,
        &env(&cat),
        &u("marie-dupont"),
        &a("dossiers-partages"),
        &c(FIRM),
    );
    assert_eq!(state, copy);
}

#[test]
fn direction_controls_are_refused_in_new_text_and_still_read_in_saved_data() {
    use mes_apps::domain::forms::questionnaire::Answers;
    use mes_apps::domain::import::validate::validate_stored;
    let cat = catalogue();
    let product = Product::ExpertComptable;
    let mut state = demo_state(product, &cat);
    let (app, company) = ("factures-express", "garage-lefevre");
    let conn = state
        .connection(&a(app), &c(company))
        .expect("installed in the demo")
        .clone();
    let mut values = conn.settings.clone();
    values.insert(
        "mentions_pied".into(),
        SettingValue::Text("AVANT \u{202e}debut".into()),
    );
    let err = apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &update(app, company, values.clone()),
    )
    .expect_err("a right-to-left override is refused");
    assert!(
        matches!(&err, DomainError::InvalidSettings(list)
            if list.iter().any(|e| e.key == "mentions_pied" && e.issue == settings::FieldIssue::BidiControls)),
        "{err:?}"
    );
    // An emoji sequence (its zero-width joiner) is ordinary text.
    values.insert(
        "mentions_pied".into(),
        SettingValue::Text("Merci 👩\u{200d}💻".into()),
    );
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &update(app, company, values),
    )
    .expect("a joiner is not a direction control");
    let answers = Answers {
        reason: Some(Reason::Other),
        other: "\u{2067}trop lente".into(),
    };
    assert_eq!(
        answers.validate(),
        Err(QuestionnaireError::OtherHasBidiControls)
    );

    // Data saved before the rule is still read; a file to import holding it is refused.
    let mut saved = state.clone();
    saved
        .connections
        .iter_mut()
        .find(|x| x.app == a(app) && x.company == c(company))
        .expect("still installed")
        .settings
        .insert(
            "mentions_pied".into(),
            SettingValue::Text("AVANT \u{202e}debut".into()),
        );
    saved.users[1].name = "Thomas \u{202e}Leroy".into();
    assert_eq!(validate_stored(&saved, product, &cat), Ok(()));
    let problems = validate(&saved, product, &cat).expect_err("refused as an import");
    let inverted = problems
        .iter()
        .filter(|p| p.message(Lang::Fr).contains("inversent le sens de lecture"))
        .count();
    assert_eq!(inverted, 2, "{problems:?}");
}

#[test]
fn only_the_primary_admin_may_export_or_import() {
    use mes_apps::domain::access::permissions::check_manage_data;
    use mes_apps::domain::model::Role;
    let cat = catalogue();
    for product in [Product::QuickBooks, Product::ExpertComptable] {
        let state = demo_state(product, &cat);
        let primary = state.primary_admin().expect("a primary admin").name.clone();
        for user in &state.users {
            let result = check_manage_data(&state, user);
            if user.role == Role::PrimaryAdmin {
                assert_eq!(result, Ok(()), "{}", user.name);
            } else {
                let refusal = result.expect_err("refused");
                assert!(
                    matches!(&refusal, DomainError::Forbidden {
                        action: mes_apps::domain::access::permissions::Action::ManageData,
                        allowed,
                        ..
                    } if allowed == std::slice::from_ref(&primary)),
                    "{}: {refusal:?}",
                    user.name
                );
                let message = refusal.text(Lang::Fr);
                assert!(
                    message.contains("exporter ou importer les données")
                        && message.contains(Lang::Fr.error_forbidden_ask(&primary).trim())
                        && message.contains(&format!("Demandez à {primary}\u{202F}: ")),
                    "{}: {message}",
                    user.name
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// What refuses "Obtenir l'appli" whatever the target.

#[test]
fn a_standard_user_is_refused_everywhere_with_who_may() {
    let cat = catalogue();
    for (product, standard, action) in [
        (Product::QuickBooks, "sophie-bernard", "connecter une appli"),
        (
            Product::ExpertComptable,
            "lea-moreau",
            "installer une appli",
        ),
    ] {
        let state = demo_state(product, &cat);
        let refusal = refusal_for_every_target(&state, &env(&cat), &u(standard), &a(FREE_APP));
        let Some(DomainError::Forbidden {
            action: said,
            role,
            gender,
            allowed,
            ..
        }) = &refusal
        else {
            panic!("{product:?}: expected Forbidden, got {refusal:?}");
        };
        assert_eq!(
            (
                said.phrase(product, Lang::Fr),
                role.label(*gender, Lang::Fr)
            ),
            (action, "utilisatrice standard")
        );
        let who = allowed_names(product, Act::Get, home(product));
        assert_eq!(allowed.join(" ou "), who.join(" ou "), "{product:?}");
        let sentence = refusal
            .as_ref()
            .map(|e| e.text(Lang::Fr))
            .unwrap_or_default();
        assert_names_exactly(product, &sentence, &who);
    }
}

#[test]
fn admins_are_not_refused_for_every_target() {
    let cat = catalogue();
    for product in Product::ALL {
        let state = demo_state(product, &cat);
        for who in people(product).iter().filter(|p| p.role != Role::Standard) {
            for app in [FREE_APP, "caisse-horizon"] {
                assert_eq!(
                    refusal_for_every_target(&state, &env(&cat), &u(who.id), &a(app)),
                    None,
                    "{product:?} / {} / {app}",
                    who.name
                );
            }
        }
    }
}

#[test]
fn an_app_not_offered_or_an_unknown_user_is_refused_for_every_target() {
    let cat = catalogue();
    // dossiers-partages is Expert-Comptable only; terminal-mobile-cigale QuickBooks only.
    for (product, app, name) in [
        (
            Product::QuickBooks,
            "dossiers-partages",
            "Dossiers Partagés",
        ),
        (
            Product::ExpertComptable,
            "terminal-mobile-cigale",
            app_def(&cat, "terminal-mobile-cigale").name.as_str(),
        ),
    ] {
        let state = demo_state(product, &cat);
        let primary = people(product)[0].id;
        let every = |actor: &str, app: &str| {
            refusal_for_every_target(&state, &env(&cat), &u(actor), &a(app))
        };
        assert_eq!(
            every(primary, app),
            Some(DomainError::AppNotAvailable {
                app: name.to_string(),
                product,
            })
        );
        assert_eq!(
            every(primary, "appli-inconnue"),
            Some(DomainError::UnknownApp("appli-inconnue".into()))
        );
        // Who acts is checked first, as plan_get does.
        for app in [FREE_APP, app, "appli-inconnue"] {
            assert_eq!(
                every("inconnu", app),
                Some(DomainError::UnknownUser("inconnu".into())),
                "{product:?} / {app}"
            );
        }
    }
}

#[test]
fn refusal_for_every_target_agrees_with_each_targets_plan() {
    let cat = catalogue();
    for product in Product::ALL {
        let state = demo_state(product, &cat);
        let (actors, apps) = (actors_and_unknown(&state), apps_and_unknown(&cat));
        for actor in &actors {
            for app in &apps {
                let every = refusal_for_every_target(&state, &env(&cat), &u(actor), &a(app));
                let plans: Vec<_> = companies(product)
                    .into_iter()
                    .map(|company| plan_get(&state, &env(&cat), &u(actor), &a(app), &c(company)))
                    .collect();
                let here = format!("{product:?} / {actor} / {app}");
                match &every {
                    // Refused everywhere; and at the home company, where everyone has
                    // access, for the very reason given, unless the app is there already
                    // (that plan is a take-over, refused by its own rule).
                    Some(e) => {
                        assert!(plans.iter().all(Result::is_err), "{here}: {plans:?}");
                        let home = c(home(product));
                        if state.connection(&a(app), &home).is_none() {
                            assert_eq!(plans[0].as_ref().err(), Some(e), "{here}");
                        }
                    }
                    // Somewhere it is allowed, or already the actor's.
                    None => assert!(
                        plans
                            .iter()
                            .any(|p| matches!(p, Ok(_) | Err(DomainError::AlreadyManaged { .. }))),
                        "{here}: {plans:?}"
                    ),
                }
            }
        }
    }
}
