//! `ProductStore` over the browser's real localStorage, in headless Chromium: a round
//! trip, corrupted data kept and never written over, a full quota that loses nothing, and
//! two stores ("tabs") writing the same key in turn.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{a, c, catalogue, disconnect, env_at, get, reason, u, update, NOW, QB_COMPANY};
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::Command;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::forms::settings::SettingValue;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::{Product, ProductState};
use mes_apps::storage::browser::BrowserKv;
use mes_apps::storage::store::{Executed, ProductStore, StorageIssue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const QB: Product = Product::QuickBooks;
const KEY: &str = "mes-apps/quickbooks";
const BACKUP: &str = "mes-apps/quickbooks/illisible";
const FILLER: &str = "zz-remplissage";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    storage().clear().unwrap();
}

fn raw(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

fn open(cat: &Catalogue) -> (ProductStore<BrowserKv>, ProductState, Option<StorageIssue>) {
    ProductStore::open(
        BrowserKv::open().expect("localStorage is there"),
        QB,
        cat,
        NOW,
    )
}

fn reopen(cat: &Catalogue) -> ProductState {
    let (_, state, issue) = open(cat);
    assert_eq!(issue, None, "reopening found a problem");
    state
}

/// Runs a command the domain accepts, at the browser's real time.
fn run(
    store: &mut ProductStore<BrowserKv>,
    state: &mut ProductState,
    cat: &Catalogue,
    actor: &str,
    command: &Command,
) -> Executed {
    store
        .execute(
            state,
            &env_at(cat, js_sys::Date::now() as i64),
            &u(actor),
            command,
        )
        .unwrap_or_else(|e| panic!("{command:?} by {actor} refused: {e:?}"))
}

/// Gets `app` for the QuickBooks business.
fn get_app(app: &str) -> Command {
    get(app, QB_COMPANY)
}

/// Disconnects `app` from the QuickBooks business, as too expensive.
fn disconnect_app(app: &str) -> Command {
    disconnect(app, QB_COMPANY, reason(Reason::TooExpensive))
}

/// Changes settings of `app` in the QuickBooks business.
fn settings(app: &str, values: &[(&str, SettingValue)]) -> Command {
    update(
        app,
        QB_COMPANY,
        values
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

fn connected(state: &ProductState, app: &str) -> bool {
    state.connection(&a(app), &c(QB_COMPANY)).is_some()
}

fn setting(state: &ProductState, app: &str, key: &str) -> Option<SettingValue> {
    state
        .connection(&a(app), &c(QB_COMPANY))
        .and_then(|conn| conn.settings.get(key).cloned())
}

/// Fills localStorage with filler keys until even a few characters no longer fit.
fn fill_storage() -> usize {
    let s = storage();
    let mut size = 8 * 1024 * 1024;
    let mut n = 0;
    while size >= 8 {
        let key = format!("{FILLER}/{n}");
        if s.set_item(&key, &"x".repeat(size)).is_ok() {
            n += 1;
        } else {
            size /= 2;
        }
    }
    assert!(n > 0, "something was written");
    assert!(
        s.set_item("zz-test", &"x".repeat(64)).is_err(),
        "storage is full"
    );
    n
}

fn remove_filler(n: usize) {
    for i in 0..n {
        storage().remove_item(&format!("{FILLER}/{i}")).unwrap();
    }
}

#[wasm_bindgen_test]
fn commands_survive_a_reopen() {
    clear();
    let cat = catalogue();
    let (mut store, mut state, issue) = open(&cat);
    assert_eq!(issue, None);
    assert_eq!(raw(KEY), None, "opening writes nothing");
    let demo_journal = state.journal.len();

    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get_app("caisse-horizon"),
    );
    assert_eq!(done.saved, Ok(()));
    assert!(raw(KEY).is_some(), "saved to localStorage");
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "julien-petit",
        &disconnect_app("banque-sereine"),
    );
    assert_eq!(done.saved, Ok(()));
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &settings(
            "caisse-horizon",
            &[
                ("compte_ventes", SettingValue::Text("707100".into())),
                ("envoi_ventes", SettingValue::Text("hebdomadaire".into())),
                ("detail_moyens_paiement", SettingValue::Bool(false)),
            ],
        ),
    );
    assert_eq!(done.saved, Ok(()));

    let again = reopen(&cat);
    assert_eq!(again, state, "the same state after a reopen");
    assert!(connected(&again, "caisse-horizon"));
    assert!(!connected(&again, "banque-sereine"));
    assert_eq!(
        setting(&again, "caisse-horizon", "compte_ventes"),
        Some(SettingValue::Text("707100".into()))
    );
    assert_eq!(again.journal.len(), demo_journal + 3);
    clear();
}

#[wasm_bindgen_test]
fn corrupted_data_is_reported_kept_copied_and_never_overwritten() {
    clear();
    let garbage = "{\"schema\": 1, \"revision\": 3, \"data\": [ceci n'est pas";
    storage().set_item(KEY, garbage).unwrap();
    let cat = catalogue();
    let (mut store, mut state, issue) = open(&cat);
    match issue {
        Some(StorageIssue::Unreadable {
            product,
            reason,
            backed_up,
        }) => {
            assert_eq!(product, QB);
            assert!(!reason.text(Lang::Fr).is_empty());
            assert!(backed_up, "a copy was made");
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
    assert_eq!(raw(KEY).as_deref(), Some(garbage), "kept untouched");
    assert_eq!(raw(BACKUP).as_deref(), Some(garbage), "copied aside");
    assert_eq!(store.unreadable(), Some(garbage));

    // Work goes on in memory; nothing is written over the data.
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get_app("caisse-horizon"),
    );
    assert!(matches!(
        done.saved,
        Err(StorageIssue::Held { product: QB })
    ));
    assert!(connected(&state, "caisse-horizon"), "applied in memory");
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &disconnect_app("banque-sereine"),
    );
    assert!(done.saved.is_err());
    assert_eq!(raw(KEY).as_deref(), Some(garbage), "still untouched");
    assert_eq!(raw(BACKUP).as_deref(), Some(garbage));
    let journal_keys: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("mes-apps/quickbooks/journal/"))
        .collect();
    assert!(
        journal_keys.is_empty(),
        "no journal written: {journal_keys:?}"
    );

    // A second opening reports it again and keeps the first copy.
    let (_, _, issue) = open(&cat);
    assert!(matches!(issue, Some(StorageIssue::Unreadable { .. })));
    assert_eq!(raw(KEY).as_deref(), Some(garbage));
    clear();
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_what_was_saved_and_saves_everything_once_freed() {
    clear();
    let cat = catalogue();
    let (mut store, mut state, _) = open(&cat);
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get_app("caisse-horizon"),
    );
    assert_eq!(done.saved, Ok(()));
    let saved_before = raw(KEY).unwrap();
    let after_first = state.clone();

    let fillers = fill_storage();
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get_app("paie-facile"),
    );
    assert_eq!(done.saved, Err(StorageIssue::Full { product: QB }));
    assert!(connected(&state, "paie-facile"), "kept in memory");
    assert_eq!(raw(KEY).as_deref(), Some(saved_before.as_str()), "intact");
    assert_eq!(
        reopen(&cat),
        after_first,
        "what was saved before reads back"
    );

    remove_filler(fillers);
    let done = run(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &disconnect_app("banque-sereine"),
    );
    assert_eq!(done.saved, Ok(()));
    let again = reopen(&cat);
    assert_eq!(again, state);
    assert!(connected(&again, "caisse-horizon"));
    assert!(
        connected(&again, "paie-facile"),
        "the change made while full"
    );
    assert!(!connected(&again, "banque-sereine"), "the change after");
    let tail: Vec<(String, bool)> = again
        .journal
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|e| {
            (
                e.app.as_ref().map(|a| a.to_string()).unwrap_or_default(),
                matches!(e.event, Event::Disconnection { .. }),
            )
        })
        .collect();
    assert_eq!(
        tail,
        [
            ("caisse-horizon".to_string(), false),
            ("paie-facile".to_string(), false),
            ("banque-sereine".to_string(), true),
        ]
    );
    clear();
}

#[wasm_bindgen_test]
fn two_stores_writing_in_turn_lose_nothing() {
    clear();
    let cat = catalogue();
    let (mut a, mut state_a, _) = open(&cat);
    let (mut b, mut state_b, _) = open(&cat);
    let demo_journal = state_a.journal.len();

    let done = run(
        &mut a,
        &mut state_a,
        &cat,
        "claire-martin",
        &get_app("caisse-horizon"),
    );
    assert_eq!(done.saved, Ok(()));
    let done = run(
        &mut b,
        &mut state_b,
        &cat,
        "julien-petit",
        &disconnect_app("banque-sereine"),
    );
    assert_eq!(done.saved, Ok(()));
    assert_eq!(
        done.merged,
        Some(Vec::new()),
        "B caught up with A's save, dropping nothing"
    );
    let done = run(
        &mut a,
        &mut state_a,
        &cat,
        "claire-martin",
        &get_app("paie-facile"),
    );
    assert_eq!(done.saved, Ok(()));
    assert_eq!(done.merged, Some(Vec::new()), "A caught up with B's save");
    let done = run(
        &mut b,
        &mut state_b,
        &cat,
        "julien-petit",
        &settings(
            "stock-malin",
            &[
                ("methode_valorisation", SettingValue::Text("peps".into())),
                ("compte_stock", SettingValue::Text("371000".into())),
                ("alerte_seuil", SettingValue::Bool(true)),
            ],
        ),
    );
    assert_eq!(done.saved, Ok(()));

    let again = reopen(&cat);
    assert_eq!(again, state_b, "the last writer holds everything");
    assert!(connected(&again, "caisse-horizon"), "A's first change");
    assert!(!connected(&again, "banque-sereine"), "B's first change");
    assert!(connected(&again, "paie-facile"), "A's second change");
    assert_eq!(
        setting(&again, "stock-malin", "compte_stock"),
        Some(SettingValue::Text("371000".into())),
        "B's second change"
    );
    assert_eq!(
        again.journal.len(),
        demo_journal + 4,
        "four journal entries"
    );
    let seqs: Vec<u64> = again.journal.iter().map(|e| e.seq).collect();
    let expected: Vec<u64> = (1..=again.journal.len() as u64).collect();
    assert_eq!(seqs, expected, "one entry per change, numbered in turn");
    let apps: Vec<String> = again.journal[demo_journal..]
        .iter()
        .map(|e| e.app.as_ref().map(|a| a.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        apps,
        [
            "caisse-horizon",
            "banque-sereine",
            "paie-facile",
            "stock-malin"
        ]
    );
    clear();
}
