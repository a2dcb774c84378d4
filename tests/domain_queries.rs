//! `queries`: what each section lists for each user, where an app can be installed, and
//! the journal a user may read. Expected values are computed from the demo data and the
//! access lists of PRODUCT.md (common::EC_PEOPLE), not from `permissions.rs`.

mod common;

use common::*;
use mes_apps::domain::access::queries::{
    accessible_clients, app_connections, client_filter, connections, install_targets, journal,
    managed_by, visible_connection, ClientFilter, Listing,
};
use mes_apps::domain::commands::apply;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::journal::{EventKind, JournalFilter};
use mes_apps::domain::model::{CompanyKind, Product, ProductState};
use mes_apps::domain::text::fold;

fn pairs(rows: &[&mes_apps::domain::model::Connection]) -> Vec<(String, String)> {
    rows.iter()
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .collect()
}

fn sorted(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v
}

/// The demo connections of `kind`, on companies `who` may access.
fn expected_rows(
    state: &ProductState,
    product: Product,
    who: &Person,
    kind: CompanyKind,
    only: Option<&str>,
) -> Vec<(String, String)> {
    sorted(
        state
            .connections
            .iter()
            .filter(|c| state.company(&c.company).map(|co| co.kind) == Some(kind))
            .filter(|c| only.is_none_or(|o| c.company.as_str() == o))
            .filter(|c| has_access(product, who, c.company.as_str()))
            .map(|c| (c.app.to_string(), c.company.to_string()))
            .collect(),
    )
}

#[test]
fn quickbooks_overview_lists_every_connection_for_every_user() {
    let cat = catalogue();
    let state = demo_state(Product::QuickBooks, &cat);
    for p in &QB_PEOPLE {
        let rows = connections(&state, &cat, &u(p.id), &Listing::Overview);
        assert_eq!(rows.len(), state.connections.len(), "{}", p.name);
        assert!(rows.len() >= 3);
        // Sorted by app name (one company).
        let names: Vec<String> = rows.iter().map(|c| fold(cat.app_name(&c.app))).collect();
        let mut s = names.clone();
        s.sort();
        assert_eq!(names, s);
        assert!(connections(&state, &cat, &u(p.id), &Listing::Firm).is_empty());
        assert!(connections(&state, &cat, &u(p.id), &Listing::Clients { client: None }).is_empty());
    }
    assert!(connections(&state, &cat, &u("inconnu"), &Listing::Overview).is_empty());
}

#[test]
fn expert_comptable_sections_honour_client_access() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    for p in &EC_PEOPLE {
        let firm = connections(&state, &cat, &u(p.id), &Listing::Firm);
        assert_eq!(
            sorted(pairs(&firm)),
            expected_rows(&state, Product::ExpertComptable, p, CompanyKind::Firm, None),
            "{}",
            p.name
        );
        assert!(firm.len() >= 2);
        let clients = connections(&state, &cat, &u(p.id), &Listing::Clients { client: None });
        assert_eq!(
            sorted(pairs(&clients)),
            expected_rows(
                &state,
                Product::ExpertComptable,
                p,
                CompanyKind::Client,
                None
            ),
            "{}",
            p.name
        );
        // Sorted by client name, then app name.
        let keys: Vec<(String, String)> = clients
            .iter()
            .map(|c| {
                (
                    fold(state.company_name(&c.company)),
                    fold(cat.app_name(&c.app)),
                )
            })
            .collect();
        let mut s = keys.clone();
        s.sort();
        assert_eq!(keys, s);
        for client in EC_CLIENTS {
            let one = connections(
                &state,
                &cat,
                &u(p.id),
                &Listing::Clients {
                    client: Some(c(client)),
                },
            );
            assert_eq!(
                sorted(pairs(&one)),
                expected_rows(
                    &state,
                    Product::ExpertComptable,
                    p,
                    CompanyKind::Client,
                    Some(client)
                ),
                "{} / {client}",
                p.name
            );
        }
        assert!(connections(&state, &cat, &u(p.id), &Listing::Overview).is_empty());
    }
    // Spot checks, so that the expectation above is not vacuous.
    let marie = connections(
        &state,
        &cat,
        &u("marie-dupont"),
        &Listing::Clients { client: None },
    );
    let thomas = connections(
        &state,
        &cat,
        &u("thomas-leroy"),
        &Listing::Clients { client: None },
    );
    let lea = connections(
        &state,
        &cat,
        &u("lea-moreau"),
        &Listing::Clients { client: None },
    );
    assert!(marie
        .iter()
        .any(|c| c.company.as_str() == "pharmacie-du-port"));
    assert!(!thomas
        .iter()
        .any(|c| c.company.as_str() == "pharmacie-du-port"));
    assert_eq!(thomas.len() + 1, marie.len());
    assert!(lea
        .iter()
        .all(|c| LEA_CLIENTS.contains(&c.company.as_str())));
    assert!(lea.len() >= 2 && lea.len() < marie.len());
    let pharmacie = Listing::Clients {
        client: Some(c("pharmacie-du-port")),
    };
    assert_eq!(
        connections(&state, &cat, &u("marie-dupont"), &pharmacie).len(),
        1
    );
    assert!(connections(&state, &cat, &u("thomas-leroy"), &pharmacie).is_empty());
    assert!(connections(&state, &cat, &u("lea-moreau"), &pharmacie).is_empty());
}

#[test]
fn accessible_clients_match_the_product_reference() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    for p in &EC_PEOPLE {
        let user = state.user(&u(p.id)).unwrap();
        let got: Vec<&str> = accessible_clients(&state, user)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        let want: Vec<&str> = EC_CLIENTS
            .iter()
            .copied()
            .filter(|cl| has_access(Product::ExpertComptable, p, cl))
            .collect();
        assert_eq!(got, want, "{}", p.name);
    }
    let lea = state.user(&u("lea-moreau")).unwrap();
    let names: Vec<&str> = accessible_clients(&state, lea)
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Boulangerie Martin", "Fleurs de Provence", "Studio Nova"]
    );
}

#[test]
fn install_targets_list_the_firm_then_accessible_clients_with_their_manager() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    for app in ["stock-malin", "tableau-clair", "caisse-horizon"] {
        for p in &EC_PEOPLE {
            let targets = install_targets(&state, &u(p.id), &a(app));
            let ids: Vec<&str> = targets.iter().map(|(c, _)| c.id.as_str()).collect();
            let mut want = vec![FIRM];
            want.extend(
                EC_CLIENTS
                    .iter()
                    .copied()
                    .filter(|cl| has_access(Product::ExpertComptable, p, cl)),
            );
            assert_eq!(ids, want, "{app} / {}", p.name);
            assert_eq!(targets[0].0.kind, CompanyKind::Firm);
            for (company, manager) in &targets {
                let expected = state.connection(&a(app), &company.id);
                assert_eq!(*manager, expected, "{app} / {}", company.id);
            }
        }
    }
    // stock-malin is installed for Boulangerie Martin by Thomas and Pharmacie du Port by Marie.
    let t = install_targets(&state, &u("marie-dupont"), &a("stock-malin"));
    let manager_of = |id: &str| {
        t.iter()
            .find(|(c, _)| c.id.as_str() == id)
            .and_then(|(_, m)| m.and_then(|m| m.manager.as_ref()).map(|m| m.as_str()))
    };
    assert_eq!(manager_of("boulangerie-martin"), Some("thomas-leroy"));
    assert_eq!(manager_of("pharmacie-du-port"), Some("marie-dupont"));
    assert_eq!(manager_of(FIRM), None);
    assert!(install_targets(&state, &u("inconnu"), &a("stock-malin")).is_empty());
}

#[test]
fn journal_is_newest_first_and_hides_inaccessible_clients() {
    let cat = catalogue();
    let mut state = demo_state(Product::ExpertComptable, &cat);
    // Some more history, including on Pharmacie du Port.
    for (actor, command) in [
        ("marie-dupont", get("caisse-horizon", "pharmacie-du-port")),
        ("thomas-leroy", get("caisse-horizon", "garage-lefevre")),
        (
            "marie-dupont",
            disconnect("stock-malin", "pharmacie-du-port", reason(Reason::Replaced)),
        ),
        ("marie-dupont", get("dossiers-partages", FIRM)),
    ] {
        apply(&mut state, &env(&cat), &u(actor), &command).expect("demo command succeeds");
    }
    let all = JournalFilter::default();
    for p in &EC_PEOPLE {
        let rows = journal(&state, &u(p.id), &all);
        let seqs: Vec<u64> = rows.iter().map(|e| e.seq).collect();
        let mut desc = seqs.clone();
        desc.sort_by(|a, b| b.cmp(a));
        assert_eq!(seqs, desc, "newest first");
        let want: Vec<u64> = state
            .journal
            .iter()
            .rev()
            .filter(|e| has_access(Product::ExpertComptable, p, e.company.as_str()))
            .map(|e| e.seq)
            .collect();
        assert_eq!(seqs, want, "{}", p.name);
        if p.id != "marie-dupont" {
            assert!(rows
                .iter()
                .all(|e| e.company.as_str() != "pharmacie-du-port"));
        }
    }
    assert_eq!(
        journal(&state, &u("marie-dupont"), &all).len(),
        state.journal.len()
    );
    assert!(journal(&state, &u("inconnu"), &all).is_empty());

    // Filters: by app, by company, by kind, combined.
    let by_app = JournalFilter {
        app: Some(a("caisse-horizon")),
        ..Default::default()
    };
    let rows = journal(&state, &u("marie-dupont"), &by_app);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|e| e.app == Some(a("caisse-horizon"))));
    let rows = journal(&state, &u("thomas-leroy"), &by_app);
    assert_eq!(
        rows.len(),
        1,
        "Thomas does not see Pharmacie du Port's entry"
    );
    assert_eq!(rows[0].company, c("garage-lefevre"));

    let by_company = JournalFilter {
        company: Some(c("pharmacie-du-port")),
        ..Default::default()
    };
    assert_eq!(journal(&state, &u("marie-dupont"), &by_company).len(), 3);
    assert!(journal(&state, &u("thomas-leroy"), &by_company).is_empty());
    assert!(journal(&state, &u("lea-moreau"), &by_company).is_empty());

    let by_kind = JournalFilter {
        kind: Some(EventKind::Disconnection),
        ..Default::default()
    };
    let rows = journal(&state, &u("marie-dupont"), &by_kind);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].app, Some(a("stock-malin")));
    let installs = JournalFilter {
        kind: Some(EventKind::Installation),
        company: Some(c(FIRM)),
        ..Default::default()
    };
    let rows = journal(&state, &u("lea-moreau"), &installs);
    let want = state
        .journal
        .iter()
        .filter(|e| e.company == c(FIRM) && e.event.kind() == EventKind::Installation)
        .count();
    assert_eq!(rows.len(), want);
    assert!(want >= 3);
    // The newest installation for the firm is the demo's Temps Facturé; Marie's Get on
    // Dossiers Partagés (Thomas's) was a transfer, the newest entry of all.
    assert_eq!(rows[0].app, Some(a("temps-facture")));
    let newest = journal(&state, &u("lea-moreau"), &all)[0];
    assert_eq!(newest.seq, state.journal.last().unwrap().seq);
    assert_eq!(newest.event.kind(), EventKind::Transfer);
}

#[test]
fn quickbooks_journal_filters() {
    let cat = catalogue();
    let state = demo_state(Product::QuickBooks, &cat);
    let sophie = u("sophie-bernard");
    let all = journal(&state, &sophie, &JournalFilter::default());
    assert_eq!(all.len(), state.journal.len());
    assert_eq!(all[0].seq, state.journal.last().unwrap().seq);
    for kind in EventKind::ALL {
        let f = JournalFilter {
            kind: Some(kind),
            ..Default::default()
        };
        let rows = journal(&state, &sophie, &f);
        assert!(rows.iter().all(|e| e.event.kind() == kind));
        assert_eq!(
            rows.len(),
            state
                .journal
                .iter()
                .filter(|e| e.event.kind() == kind)
                .count()
        );
    }
    // The demo history holds a disconnection (Relances Pro) and a transfer (Tableau Clair).
    let transfers = journal(
        &state,
        &sophie,
        &JournalFilter {
            kind: Some(EventKind::Transfer),
            ..Default::default()
        },
    );
    assert_eq!(transfers.len(), 1);
    assert_eq!(transfers[0].app, Some(a("tableau-clair")));
    let relances = journal(
        &state,
        &sophie,
        &JournalFilter {
            app: Some(a("relances-pro")),
            ..Default::default()
        },
    );
    let kinds: Vec<EventKind> = relances.iter().map(|e| e.event.kind()).collect();
    assert_eq!(kinds, [EventKind::Disconnection, EventKind::Connection]);
}

#[test]
fn managed_by_and_app_connections_respect_access() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    let marie_sees = managed_by(&state, &u("marie-dupont"), &u("marie-dupont"));
    let thomas_sees = managed_by(&state, &u("thomas-leroy"), &u("marie-dupont"));
    assert!(marie_sees
        .iter()
        .any(|c| c.company.as_str() == "pharmacie-du-port"));
    assert!(!thomas_sees
        .iter()
        .any(|c| c.company.as_str() == "pharmacie-du-port"));
    assert_eq!(marie_sees.len(), thomas_sees.len() + 1);
    assert!(marie_sees
        .iter()
        .all(|c| c.is_managed_by(&u("marie-dupont"))));
    let thomas_manages = managed_by(&state, &u("marie-dupont"), &u("thomas-leroy"));
    assert!(
        thomas_manages.len() >= 3,
        "several apps managed by Thomas Leroy"
    );

    let stock_marie = app_connections(&state, &u("marie-dupont"), &a("stock-malin"));
    let stock_lea = app_connections(&state, &u("lea-moreau"), &a("stock-malin"));
    assert_eq!(stock_marie.len(), 2);
    assert_eq!(
        pairs(&stock_lea),
        [("stock-malin".to_string(), "boulangerie-martin".to_string())]
    );
    assert!(app_connections(&state, &u("inconnu"), &a("stock-malin")).is_empty());
    assert!(managed_by(&state, &u("inconnu"), &u("marie-dupont")).is_empty());
}

#[test]
fn visible_connections_count_only_companies_the_actor_may_access() {
    let cat = catalogue();
    for product in Product::ALL {
        let state = demo_state(product, &cat);
        for who in people(product) {
            let expected: Vec<(String, String)> = sorted(
                state
                    .connections
                    .iter()
                    .filter(|c| match state.company(&c.company).map(|co| co.kind) {
                        Some(CompanyKind::Client) => who
                            .clients
                            .is_none_or(|list| list.contains(&c.company.as_str())),
                        Some(_) => true,
                        None => false,
                    })
                    .map(|c| (c.app.to_string(), c.company.to_string()))
                    .collect(),
            );
            let got = sorted(pairs(
                &mes_apps::domain::access::queries::visible_connections(&state, &u(who.id)),
            ));
            assert_eq!(got, expected, "{} in {product:?}", who.name);
        }
    }
    // Spelled out for the demo: Thomas Leroy does not see Pharmacie du Port's app, Léa
    // Moreau sees her three clients' apps and the firm's.
    let ec = demo_state(Product::ExpertComptable, &cat);
    assert_eq!(
        mes_apps::domain::access::queries::visible_connections(&ec, &u("thomas-leroy")).len(),
        ec.connections.len() - 1
    );
    assert_eq!(
        mes_apps::domain::access::queries::visible_connections(&ec, &u("lea-moreau")).len(),
        6
    );
    assert!(mes_apps::domain::access::queries::visible_connections(&ec, &u("inconnu")).is_empty());
}

#[test]
fn visible_connection_is_none_where_the_actor_may_not_look() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    let look = |actor: &str, app: &str, company: &str| {
        visible_connection(&state, &u(actor), &a(app), &c(company))
    };
    // Stock Malin is installed for Pharmacie du Port, which only Marie Dupont may access.
    let pharmacie = state
        .connection(&a("stock-malin"), &c("pharmacie-du-port"))
        .expect("installed in the demo");
    assert_eq!(
        look("marie-dupont", "stock-malin", "pharmacie-du-port"),
        Some(pharmacie)
    );
    for who in ["thomas-leroy", "lea-moreau"] {
        assert_eq!(look(who, "stock-malin", "pharmacie-du-port"), None, "{who}");
    }
    // Every connection of the demo, for every user: seen exactly where they have access.
    for who in &EC_PEOPLE {
        for conn in &state.connections {
            let seen = look(who.id, conn.app.as_str(), conn.company.as_str());
            let may = has_access(Product::ExpertComptable, who, conn.company.as_str());
            assert_eq!(
                seen,
                may.then_some(conn),
                "{} / {} / {}",
                who.name,
                conn.app,
                conn.company
            );
        }
    }
    // Nothing to see: an unknown actor, an unknown company, or no connection there.
    assert_eq!(look("inconnu", "stock-malin", "pharmacie-du-port"), None);
    assert_eq!(look("inconnu", "stock-malin", FIRM), None);
    assert_eq!(
        look("marie-dupont", "stock-malin", "entreprise-inconnue"),
        None
    );
    assert_eq!(look("marie-dupont", "caisse-horizon", FIRM), None);
}

#[test]
fn client_filter_applies_only_a_client_the_actor_may_access() {
    let cat = catalogue();
    let state = demo_state(Product::ExpertComptable, &cat);
    let filter = |actor: &str, requested: Option<&str>| {
        client_filter(&state, &u(actor), requested.map(c).as_ref())
    };
    let applied = |client: &str| ClientFilter {
        client: Some(c(client)),
        ignored: false,
    };
    let ignored = ClientFilter {
        client: None,
        ignored: true,
    };
    let everyone = ClientFilter {
        client: None,
        ignored: false,
    };
    for who in &EC_PEOPLE {
        for client in EC_CLIENTS {
            let expected = if has_access(Product::ExpertComptable, who, client) {
                applied(client)
            } else {
                ignored.clone()
            };
            assert_eq!(
                filter(who.id, Some(client)),
                expected,
                "{} / {client}",
                who.name
            );
        }
        // Nothing asked: every accessible client, and nothing to say about it.
        assert_eq!(filter(who.id, None), everyone, "{}", who.name);
        // An unknown client, or the firm (not a client), is ignored and said to be.
        assert_eq!(
            filter(who.id, Some("client-inconnu")),
            ignored,
            "{}",
            who.name
        );
        assert_eq!(filter(who.id, Some(FIRM)), ignored, "{}", who.name);
    }
    // Spelled out: Léa Moreau has Fleurs de Provence, not Garage Lefèvre.
    assert_eq!(
        filter("lea-moreau", Some("fleurs-de-provence")),
        applied("fleurs-de-provence")
    );
    assert_eq!(filter("lea-moreau", Some("garage-lefevre")), ignored);
    // An unknown actor has no client to narrow to.
    assert_eq!(filter("inconnu", Some("fleurs-de-provence")), ignored);
    assert_eq!(filter("inconnu", None), everyone);
}
