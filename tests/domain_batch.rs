//! Batches (handover, bulk install, bulk disconnection): each command checked and
//! journaled as if alone, partial refusals that never block the others, rights per role,
//! the same result as one-by-one, and one save for the whole.

mod common;

use common::*;
use mes_apps::domain::commands::batch::BatchItem;
use mes_apps::domain::commands::handover;
use mes_apps::domain::commands::{apply, Command, Outcome};
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::forms::settings::SettingValue;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Product, ProductState};
use mes_apps::storage::kv::MemoryKv;
use mes_apps::storage::store::ProductStore;

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn items(outcome: Result<Outcome, DomainError>) -> Vec<BatchItem> {
    match outcome {
        Ok(Outcome::Batch(items)) => items,
        Err(DomainError::NoneDone(refused)) => refused.into_iter().map(BatchItem::from).collect(),
        other => panic!("a batch's result, got {other:?}"),
    }
}

fn managed(state: &ProductState, user: &str) -> Vec<(String, String)> {
    let mut v: Vec<_> = state
        .connections
        .iter()
        .filter(|c| c.is_managed_by(&u(user)))
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .collect();
    v.sort();
    v
}

fn selection(
    state: &ProductState,
    actor: &str,
    from: &str,
) -> Vec<(
    mes_apps::domain::model::AppId,
    mes_apps::domain::model::CompanyId,
)> {
    handover::candidates(state, &u(actor), Some(&u(from)))
        .into_iter()
        .map(|c| (c.app.clone(), c.company.clone()))
        .collect()
}

#[test]
fn claire_takes_over_everything_julien_manages_one_transfer_each() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    let julien = managed(&state, "julien-petit");
    assert!(
        julien.len() >= 2,
        "the demo gives Julien several connections"
    );
    let before = state.journal.len();
    let batch = handover::take_over(&selection(&state, "claire-martin", "julien-petit"));
    let result = items(apply_checked(&mut state, &cat, "claire-martin", &batch));
    assert!(result.iter().all(BatchItem::succeeded), "{result:?}");
    assert!(managed(&state, "julien-petit").is_empty());
    assert_eq!(
        state.journal.len(),
        before + julien.len(),
        "one entry per connection"
    );
    for entry in &state.journal[before..] {
        assert_eq!(
            entry.event,
            Event::Transfer {
                from: Some(u("julien-petit")),
                to: u("claire-martin")
            }
        );
    }
    let seqs: Vec<u64> = state.journal.iter().map(|e| e.seq).collect();
    assert!(
        seqs.windows(2).all(|w| w[1] == w[0] + 1),
        "numbered in order"
    );
}

#[test]
fn marie_takes_over_thomas_firm_and_client_connections() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let thomas = managed(&state, "thomas-leroy");
    assert!(thomas.iter().any(|(_, c)| c == FIRM), "the firm's");
    assert!(thomas.iter().any(|(_, c)| c != FIRM), "and clients'");
    let batch = handover::take_over(&selection(&state, "marie-dupont", "thomas-leroy"));
    let result = items(apply_checked(&mut state, &cat, "marie-dupont", &batch));
    assert_eq!(result.len(), thomas.len());
    assert!(result.iter().all(BatchItem::succeeded));
    assert!(managed(&state, "thomas-leroy").is_empty());
}

#[test]
fn who_may_hand_over_follows_the_take_over_rule() {
    let cat = catalogue();
    let qb = demo_state(QB, &cat);
    assert_eq!(handover::refusal(&qb, &u("claire-martin")), None);
    assert_eq!(
        handover::refusal(&qb, &u("julien-petit")),
        None,
        "QuickBooks admins may"
    );
    assert!(matches!(
        handover::refusal(&qb, &u("sophie-bernard")),
        Some(DomainError::Forbidden { .. })
    ));
    let ec = demo_state(EC, &cat);
    assert_eq!(handover::refusal(&ec, &u("marie-dupont")), None);
    let thomas = handover::refusal(&ec, &u("thomas-leroy"));
    assert!(
        matches!(thomas, Some(DomainError::TakeOverReserved { .. })),
        "{thomas:?}"
    );
    assert!(thomas.unwrap().text(Lang::Fr).contains("Marie Dupont"));
    // The listed people: everyone but the acting user, with what they manage.
    let people = handover::managers(&ec, &u("marie-dupont"));
    assert!(people.iter().all(|(p, _)| p.id != u("marie-dupont")));
    let (_, n) = people
        .iter()
        .find(|(p, _)| p.id == u("thomas-leroy"))
        .unwrap();
    assert_eq!(*n, managed(&ec, "thomas-leroy").len());
}

#[test]
fn a_refused_handover_changes_nothing_and_says_why_for_each() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let batch = handover::take_over(&selection(&state, "thomas-leroy", "marie-dupont"));
    let e = refused(&mut state, &cat, "thomas-leroy", &batch);
    let list = items(Err(e.clone()));
    assert!(!list.is_empty());
    for item in &list {
        assert!(
            matches!(item.result, Err(DomainError::TakeOverReserved { .. })),
            "{item:?}"
        );
    }
    assert!(
        e.text(Lang::Fr).contains("seul l'administrateur principal"),
        "{e:?}"
    );
}

#[test]
fn one_refusal_never_blocks_the_others() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    // Banque Sereine is Claire's already: nothing to take over there.
    let batch = Command::Batch(vec![
        get("stock-malin", QB_COMPANY),
        get("banque-sereine", QB_COMPANY),
        get("notes-eclair", QB_COMPANY),
    ]);
    let result = items(apply_checked(&mut state, &cat, "claire-martin", &batch));
    let ok: Vec<bool> = result.iter().map(BatchItem::succeeded).collect();
    assert_eq!(ok, [true, false, true]);
    assert!(matches!(
        result[1].result,
        Err(DomainError::AlreadyManaged { .. })
    ));
}

#[test]
fn a_batch_gives_the_state_one_by_one_would() {
    let cat = catalogue();
    let answers = reason(Reason::NoLongerNeeded);
    let commands = vec![
        disconnect("stock-malin", "boulangerie-martin", answers.clone()),
        get("caisse-horizon", "garage-lefevre"),
        disconnect("notes-eclair", "pharmacie-du-port", answers.clone()),
        disconnect("banque-sereine", "studio-nova", answers),
    ];
    let mut together = demo_state(EC, &cat);
    let mut alone = together.clone();
    let _ = apply(
        &mut together,
        &env(&cat),
        &u("marie-dupont"),
        &Command::Batch(commands.clone()),
    );
    for command in &commands {
        let _ = apply(&mut alone, &env(&cat), &u("marie-dupont"), command);
    }
    assert_eq!(together, alone, "the same connections and journal entries");
}

#[test]
fn a_batch_inside_a_batch_a_reset_or_nothing_are_refused() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    let nested = Command::Batch(vec![Command::Batch(vec![get("paie-facile", QB_COMPANY)])]);
    assert_eq!(
        refused(&mut state, &cat, "claire-martin", &nested),
        DomainError::NotInBatch
    );
    let reset = Command::Batch(vec![get("paie-facile", QB_COMPANY), Command::Reset]);
    assert_eq!(
        refused(&mut state, &cat, "claire-martin", &reset),
        DomainError::NotInBatch
    );
    assert!(matches!(
        refused(
            &mut state,
            &cat,
            "claire-martin",
            &Command::Batch(Vec::new())
        ),
        DomainError::BatchSize { len: 0, .. }
    ));
}

fn install_with(app: &str, company: &str, values: &[(&str, SettingValue)]) -> Command {
    let cat = catalogue();
    let mut all = mes_apps::domain::forms::settings::defaults(&app_def(&cat, app).settings);
    for (k, v) in values {
        all.insert(k.to_string(), v.clone());
    }
    Command::GetWithSettings {
        app: a(app),
        company: c(company),
        values: all,
    }
}

#[test]
fn a_bulk_install_refuses_where_the_app_is_already_and_journals_each_target() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let values = [("compte_stock", text("371000"))];
    let targets = ["garage-lefevre", "boulangerie-martin", "studio-nova"];
    let batch = Command::Batch(
        targets
            .iter()
            .map(|t| install_with("stock-malin", t, &values))
            .collect(),
    );
    let before = state.journal.len();
    let result = items(apply_checked(&mut state, &cat, "thomas-leroy", &batch));
    let ok: Vec<bool> = result.iter().map(BatchItem::succeeded).collect();
    assert_eq!(ok, [true, false, true], "Boulangerie Martin has it already");
    assert_eq!(
        result[1].result.as_ref().unwrap_err().text(Lang::Fr),
        "Stock Malin est déjà installée pour Boulangerie Martin."
    );
    for t in ["garage-lefevre", "studio-nova"] {
        let conn = state.connection(&a("stock-malin"), &c(t)).unwrap();
        assert_eq!(conn.settings.get("compte_stock"), Some(&text("371000")));
        assert_eq!(conn.manager, Some(u("thomas-leroy")));
    }
    // An installation and a settings change each, as one by one.
    let kinds: Vec<_> = state.journal[before..]
        .iter()
        .map(|e| e.event.kind())
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
}

#[test]
fn a_bulk_install_follows_each_targets_rights_and_the_settings_rules() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let batch = Command::Batch(vec![
        install_with("caisse-horizon", "pharmacie-du-port", &[]),
        install_with("caisse-horizon", "garage-lefevre", &[]),
    ]);
    let result = items(apply_checked(&mut state, &cat, "thomas-leroy", &batch));
    assert!(matches!(
        result[0].result,
        Err(DomainError::ClientNotAccessible { .. })
    ));
    assert!(result[1].succeeded());
    let standard = Command::Batch(vec![install_with("paie-facile", "studio-nova", &[])]);
    let e = refused(&mut state, &cat, "lea-moreau", &standard);
    assert!(matches!(
        &items(Err(e))[0].result,
        Err(DomainError::Forbidden { .. })
    ));
    let bad = Command::Batch(vec![install_with(
        "stock-malin",
        "studio-nova",
        &[("compte_stock", text("12"))],
    )]);
    let e = refused(&mut state, &cat, "marie-dupont", &bad);
    assert!(matches!(
        &items(Err(e))[0].result,
        Err(DomainError::InvalidSettings(_))
    ));
    assert!(state
        .connection(&a("stock-malin"), &c("studio-nova"))
        .is_none());
}

#[test]
fn the_whole_batch_is_saved_in_one_write_of_the_state() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), EC, &cat, NOW);
    // A first save, so that the next one only appends.
    store
        .execute(
            &mut state,
            &env(&cat),
            &u("marie-dupont"),
            &get("caisse-horizon", FIRM),
        )
        .unwrap();
    let clients: Vec<String> = state.clients().map(|c| c.id.to_string()).collect();
    let batch = Command::Batch(
        clients
            .iter()
            .filter(|id| state.connection(&a("paie-facile"), &c(id)).is_none())
            .map(|id| install_with("paie-facile", id, &[]))
            .collect(),
    );
    let writes = kv.writes();
    let done = store
        .execute(&mut state, &env(&cat), &u("marie-dupont"), &batch)
        .unwrap();
    assert_eq!(done.saved, Ok(()));
    assert!(matches!(done.outcome, Outcome::Batch(ref i) if i.len() == clients.len()));
    assert_eq!(
        kv.writes() - writes,
        2,
        "one journal chunk and one envelope: one save"
    );
}
