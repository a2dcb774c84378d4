//! `ProductStore` over `MemoryKv`: first run, the envelope and its journal chunks,
//! unreadable data (kept, copied, and never written over), blocked storage, a full quota,
//! two tabs sharing one storage, and the preferences.

mod common;

use common::*;
use mes_apps::domain::access::permissions::Action;
use mes_apps::domain::catalogue::product::GetKind;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::{apply, Command, Env, Outcome};
use mes_apps::domain::data::demo;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::forms::settings;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Gender, Product, ProductState, Role, Timestamp};
use mes_apps::storage::kv::{KeyValue, MemoryKv};
use mes_apps::storage::prefs::{self, Prefs};
use mes_apps::storage::schema::{backup_key, chunk_key, state_key, CHUNK};
use mes_apps::storage::store::{Executed, ProductStore, Refresh, Refused, Retried, StorageIssue};
use serde_json::Value;

const QB: Product = Product::QuickBooks;

fn open(
    kv: &MemoryKv,
    product: Product,
    cat: &Catalogue,
) -> (ProductStore<MemoryKv>, ProductState, Option<StorageIssue>) {
    ProductStore::open(kv.clone(), product, cat, NOW)
}

/// Reopens with a fresh store and expects readable data.
fn reopen(kv: &MemoryKv, product: Product, cat: &Catalogue) -> ProductState {
    let (_, state, issue) = open(kv, product, cat);
    assert_eq!(issue, None, "reopening found a problem");
    state
}

fn raw(kv: &MemoryKv, key: &str) -> Option<String> {
    kv.get(key).expect("memory storage answers")
}

fn envelope(kv: &MemoryKv, product: Product) -> Value {
    serde_json::from_str(&raw(kv, &state_key(product)).expect("an envelope is stored"))
        .expect("the envelope is JSON")
}

/// The journal generation the stored QuickBooks envelope points at.
fn generation(kv: &MemoryKv) -> u64 {
    envelope(kv, QB)["data"]["journal"]["generation"]
        .as_u64()
        .expect("the envelope names its journal's generation")
}

fn keys_with(kv: &MemoryKv, prefix: &str) -> Vec<String> {
    let mut keys: Vec<String> = kv
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

/// What `retry` returns when no other tab saved since: the save's result alone.
fn alone(saved: Result<(), StorageIssue>) -> Retried {
    Retried {
        merged: None,
        saved,
    }
}

/// Runs a command the domain accepts through the store; returns what the store did.
fn exec<K: KeyValue>(
    store: &mut ProductStore<K>,
    state: &mut ProductState,
    env: &Env,
    actor: &str,
    command: &Command,
) -> Executed {
    store
        .execute(state, env, &u(actor), command)
        .unwrap_or_else(|e| panic!("{command:?} by {actor} refused: {e:?}"))
}

/// Runs a command through the store and expects it to be applied and saved.
fn exec_saved(
    store: &mut ProductStore<MemoryKv>,
    state: &mut ProductState,
    cat: &Catalogue,
    actor: &str,
    command: &Command,
) {
    let done = exec(store, state, &env(cat), actor, command);
    assert_eq!(done.saved, Ok(()), "{command:?} not saved");
}

/// Two tabs on one storage that both read revision 1, in which tab A's Claire Martin
/// connected Relances Pro.
fn two_tabs(cat: &Catalogue) -> (MemoryKv, Tab, Tab) {
    let kv = MemoryKv::new();
    let (mut tab_a, mut state_a, _) = open(&kv, QB, cat);
    exec_saved(
        &mut tab_a,
        &mut state_a,
        cat,
        "claire-martin",
        &get("relances-pro", QB_COMPANY),
    );
    let (tab_b, state_b, _) = open(&kv, QB, cat);
    (kv, (tab_a, state_a), (tab_b, state_b))
}

/// Two tabs open on empty storage; tab A's Claire Martin runs `command` and saves it,
/// which tab B has not seen yet.
fn tab_b_behind(cat: &Catalogue, command: &Command) -> (MemoryKv, Tab, Tab) {
    let kv = MemoryKv::new();
    let (mut tab_a, mut state_a, _) = open(&kv, QB, cat);
    let (tab_b, state_b, _) = open(&kv, QB, cat);
    exec_saved(&mut tab_a, &mut state_a, cat, "claire-martin", command);
    (kv, (tab_a, state_a), (tab_b, state_b))
}

/// A tab's store and the state it shows.
type Tab = (ProductStore<MemoryKv>, ProductState);

/// Saves again what is pending, with nothing newer from another tab: everything is saved
/// and reads back as the tab holds it.
fn retry_saves_all(
    kv: &MemoryKv,
    store: &mut ProductStore<MemoryKv>,
    state: &mut ProductState,
    cat: &Catalogue,
) {
    assert_eq!(store.retry(state, cat), alone(Ok(())));
    assert!(!store.has_pending());
    assert_eq!(reopen(kv, state.product, cat), *state);
}

/// Fills the quota to what is stored, then runs a command: applied in memory, not saved.
fn exec_while_full(
    kv: &MemoryKv,
    store: &mut ProductStore<MemoryKv>,
    state: &mut ProductState,
    env: &Env,
    actor: &str,
    command: &Command,
) {
    kv.set_quota(Some(kv.used()));
    let done = exec(store, state, env, actor, command);
    assert_eq!(done.saved, Err(StorageIssue::Full { product: QB }));
}

#[test]
fn first_run_starts_from_demo_data_without_writing() {
    let cat = catalogue();
    for product in Product::ALL {
        let kv = MemoryKv::new();
        let (store, state, issue) = open(&kv, product, &cat);
        assert_eq!(issue, None);
        assert_eq!(state, demo::state(product, &cat, NOW));
        assert_eq!(kv.writes(), 0);
        assert!(kv.keys().unwrap().is_empty());
        assert!(!store.has_pending());
        assert_eq!(store.unreadable(), None);
        assert_eq!(store.product(), product);
    }
}

#[test]
fn a_command_writes_the_envelope_and_reopening_gives_the_same_state() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    let done = exec(
        &mut store,
        &mut state,
        &env(&cat),
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    );
    assert_eq!(
        done.outcome,
        Outcome::Added {
            app: a("caisse-horizon"),
            company: c(QB_COMPANY),
            kind: GetKind::Connect,
        }
    );
    assert_eq!(done.saved, Ok(()));
    assert_eq!(done.merged, None);
    let text = raw(&kv, "mes-apps/quickbooks").expect("the envelope key");
    assert!(text.starts_with(r#"{"schema":2,"revision":1,"#), "{text}");
    let v = envelope(&kv, QB);
    assert_eq!(v["data"]["product"], "quickbooks");
    assert_eq!(v["data"]["journal"]["length"], state.journal.len());
    assert!(v["data"].get("connections").is_some());
    assert!(v["data"]["journal"].get("generation").is_some());
    let generation = v["data"]["journal"]["generation"].as_u64().unwrap();
    assert!(raw(&kv, &chunk_key(QB, generation, 0)).is_some());
    assert_eq!(reopen(&kv, QB, &cat), state);
    // The next command is revision 2.
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "julien-petit",
        &disconnect("caisse-horizon", QB_COMPANY, reason(Reason::NoLongerNeeded)),
    );
    assert_eq!(envelope(&kv, QB)["revision"], 2);
    assert_eq!(reopen(&kv, QB, &cat), state);
    // The other product's key is untouched.
    assert_eq!(raw(&kv, &state_key(Product::ExpertComptable)), None);
    assert_eq!(
        reopen(&kv, Product::ExpertComptable, &cat),
        demo::state(Product::ExpertComptable, &cat, NOW)
    );
}

#[test]
fn a_refused_command_saves_nothing() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    let before = state.clone();
    let e = store.execute(
        &mut state,
        &env(&cat),
        &u("sophie-bernard"),
        &get("caisse-horizon", QB_COMPANY),
    );
    assert_eq!(
        e,
        Err(Refused {
            error: DomainError::Forbidden {
                action: Action::Get,
                product: QB,
                role: Role::Standard,
                gender: Gender::Feminine,
                allowed: vec!["Claire Martin".into(), "Julien Petit".into()],
            },
            merged: None,
        })
    );
    assert_eq!(state, before);
    assert_eq!(kv.writes(), 0);
    assert!(!store.has_pending());
}

// ---------------------------------------------------------------------------------------
// Unreadable data.

/// A QuickBooks store on empty memory after its first save, revision 1: Claire Martin
/// connected Caisse Horizon.
fn first_save(cat: &Catalogue) -> (MemoryKv, ProductStore<MemoryKv>, ProductState) {
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, cat);
    exec_saved(
        &mut store,
        &mut state,
        cat,
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    );
    (kv, store, state)
}

/// A valid saved envelope's text, and its kv, after one command.
fn saved_once(cat: &Catalogue) -> (MemoryKv, String) {
    let (kv, _, _) = first_save(cat);
    let text = raw(&kv, &state_key(QB)).unwrap();
    (kv, text)
}

/// Something else writes `text` under the envelope's key; the next command (Claire Martin
/// connects Paie Facile) is applied in memory, and `text` is held as unreadable for `why`:
/// copied under the backup key, left in place, and not written over.
fn exec_over_unreadable(
    kv: &MemoryKv,
    (store, state): (&mut ProductStore<MemoryKv>, &mut ProductState),
    cat: &Catalogue,
    text: &str,
    why: &str,
) {
    kv.set(&state_key(QB), text).unwrap();
    let done = exec(
        store,
        state,
        &env(cat),
        "claire-martin",
        &get("paie-facile", QB_COMPANY),
    );
    match &done.saved {
        Err(StorageIssue::Unreadable {
            product,
            reason,
            backed_up,
        }) => {
            assert_eq!((*product, *backed_up), (QB, true), "{text}");
            assert_eq!(reason.text(Lang::Fr), fr(why), "{text}");
        }
        other => panic!("{text}: expected Unreadable, got {other:?}"),
    }
    assert!(state
        .connection(&a("paie-facile"), &c(QB_COMPANY))
        .is_some());
    assert_eq!(
        raw(kv, &state_key(QB)).as_deref(),
        Some(text),
        "left in place"
    );
    assert_eq!(raw(kv, &backup_key(QB)).as_deref(), Some(text), "copied");
    assert_eq!(store.unreadable(), Some(text));
}

fn retype(text: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    f(&mut v);
    serde_json::to_string(&v).unwrap()
}

/// Each case: a name, and a kv whose stored data cannot be read.
fn unreadable_cases(cat: &Catalogue) -> Vec<(&'static str, MemoryKv)> {
    let mut cases = Vec::new();
    let with = |text: String| {
        let (kv, _) = saved_once(cat);
        kv.set(&state_key(QB), &text).unwrap();
        kv
    };
    let (_, good) = saved_once(cat);
    cases.push(("garbage", with("n'importe quoi {".into())));
    cases.push(("truncated", with(good[..good.len() / 2].to_string())));
    cases.push(("empty text", with(String::new())));
    cases.push(("json but not an envelope", with("[1, 2, 3]".into())));
    cases.push((
        "wrong type: companies",
        with(retype(&good, |v| v["data"]["companies"] = Value::from("x"))),
    ));
    cases.push((
        "wrong type: revision",
        with(retype(&good, |v| v["revision"] = Value::from("un"))),
    ));
    cases.push((
        "wrong type: since",
        with(retype(&good, |v| {
            v["data"]["connections"][0]["since"] = Value::from(true)
        })),
    ));
    cases.push((
        "newer schema",
        with(retype(&good, |v| v["schema"] = Value::from(99))),
    ));
    cases.push((
        "unknown manager",
        with(retype(&good, |v| {
            v["data"]["connections"][0]["manager"] = Value::from("personne")
        })),
    ));
    cases.push((
        "journal longer than its chunks",
        with(retype(&good, |v| {
            v["data"]["journal"]["length"] = Value::from(10_000)
        })),
    ));
    // A missing journal chunk: the envelope is fine, its chunk is gone.
    let (kv, _) = saved_once(cat);
    let chunk = keys_with(&kv, "mes-apps/quickbooks/journal/");
    assert_eq!(chunk.len(), 1);
    kv.remove(&chunk[0]).unwrap();
    cases.push(("missing journal chunk", kv));
    // A chunk that is not a list of entries.
    let (kv, _) = saved_once(cat);
    let chunk = keys_with(&kv, "mes-apps/quickbooks/journal/");
    kv.set(&chunk[0], "{\"pas\": \"une liste\"}").unwrap();
    cases.push(("garbled journal chunk", kv));
    cases
}

#[test]
fn unreadable_data_is_kept_copied_and_never_written_over() {
    let cat = catalogue();
    for (name, kv) in unreadable_cases(&cat) {
        let original = raw(&kv, &state_key(QB)).unwrap();
        let (mut store, mut state, issue) = open(&kv, QB, &cat);
        match &issue {
            Some(StorageIssue::Unreadable {
                product,
                reason,
                backed_up,
            }) => {
                assert_eq!(*product, QB, "{name}");
                // Said in each language, for whichever the banner shows it in.
                let (fr, en) = (reason.text(Lang::Fr), reason.text(Lang::En));
                assert!(!fr.is_empty() && !en.is_empty(), "{name}");
                assert_ne!(fr, en, "{name}: the English reason is another sentence");
                assert!(backed_up, "{name}");
            }
            other => panic!("{name}: expected Unreadable, got {other:?}"),
        }
        let message = issue.unwrap().to_string();
        assert!(
            message.contains("illisibles") && message.contains("QuickBooks"),
            "{name}: {message}"
        );
        assert_eq!(
            state,
            demo::state(QB, &cat, NOW),
            "{name}: runs on demo data"
        );
        assert_eq!(
            raw(&kv, &state_key(QB)).as_deref(),
            Some(original.as_str()),
            "{name}"
        );
        assert_eq!(
            raw(&kv, "mes-apps/quickbooks/illisible").as_deref(),
            Some(original.as_str()),
            "{name}"
        );
        assert_eq!(store.unreadable(), Some(original.as_str()), "{name}");

        // Commands still work in memory, but nothing is written.
        let writes = kv.writes();
        let keys = kv.keys().unwrap();
        let done = exec(
            &mut store,
            &mut state,
            &env(&cat),
            "claire-martin",
            &get("paie-facile", QB_COMPANY),
        );
        assert_eq!(
            done.saved,
            Err(StorageIssue::Held { product: QB }),
            "{name}"
        );
        assert!(state
            .connection(&a("paie-facile"), &c(QB_COMPANY))
            .is_some());
        assert_eq!(
            store.retry(&mut state, &cat),
            alone(Err(StorageIssue::Held { product: QB }))
        );
        assert_eq!(store.refresh(&mut state, &cat), Refresh::Unchanged);
        assert_eq!(kv.writes(), writes, "{name}: nothing written while held");
        assert_eq!(kv.keys().unwrap(), keys, "{name}");
        assert_eq!(
            raw(&kv, &state_key(QB)).as_deref(),
            Some(original.as_str()),
            "{name}"
        );
        assert!(StorageIssue::Held { product: QB }
            .to_string()
            .contains("illisibles"));

        // Starting over with the demo data lifts the hold; the copy stays.
        let demo_state = demo::state(QB, &cat, NOW);
        assert_eq!(
            store.replace(&mut state, demo_state.clone()),
            Ok(()),
            "{name}"
        );
        assert_eq!(state, demo_state);
        assert_eq!(store.unreadable(), None);
        assert_eq!(envelope(&kv, QB)["schema"], 2, "{name}");
        assert_eq!(
            raw(&kv, &backup_key(QB)).as_deref(),
            Some(original.as_str()),
            "{name}"
        );
        assert_eq!(reopen(&kv, QB, &cat), demo_state, "{name}");
        exec_saved(
            &mut store,
            &mut state,
            &cat,
            "julien-petit",
            &get("relances-pro", QB_COMPANY),
        );
        assert_eq!(reopen(&kv, QB, &cat), state, "{name}");
        // Only the new generation's chunks remain.
        let gen = generation(&kv);
        for key in keys_with(&kv, "mes-apps/quickbooks/journal/") {
            assert!(
                key.starts_with(&format!("mes-apps/quickbooks/journal/{gen}/")),
                "{name}: {key}"
            );
        }
    }
}

#[test]
fn a_newer_revision_from_another_tab_that_cannot_be_read_is_held() {
    let cat = catalogue();
    let (kv, good) = saved_once(&cat);
    let (mut store, mut state, issue) = open(&kv, QB, &cat);
    assert_eq!(issue, None);
    // Another tab, of a newer version of the app, saves schema 99 at revision 7.
    let newer = retype(&good, |v| {
        v["schema"] = Value::from(99);
        v["revision"] = Value::from(7);
    });
    exec_over_unreadable(
        &kv,
        (&mut store, &mut state),
        &cat,
        &newer,
        "enregistrées par une version plus récente de Mes apps (schéma 99)",
    );
    let writes = kv.writes();
    let done = exec(
        &mut store,
        &mut state,
        &env(&cat),
        "claire-martin",
        &get("relances-pro", QB_COMPANY),
    );
    assert_eq!(done.saved, Err(StorageIssue::Held { product: QB }));
    assert_eq!(kv.writes(), writes);
    assert_eq!(raw(&kv, &state_key(QB)).as_deref(), Some(newer.as_str()));
}

#[test]
fn a_version_0_envelope_is_migrated_on_open() {
    let cat = catalogue();
    let (kv, _, state) = first_save(&cat);
    let v0 = retype(&raw(&kv, &state_key(QB)).unwrap(), |v| {
        v["schema"] = Value::from(0);
        for conn in v["data"]["connections"].as_array_mut().unwrap() {
            let o = conn.as_object_mut().unwrap();
            let manager = o.remove("manager").unwrap();
            o.insert("managed_by".into(), manager);
            o.insert("since".into(), Value::from("2025-11-20"));
        }
    });
    kv.set(&state_key(QB), &v0).unwrap();
    let loaded = reopen(&kv, QB, &cat);
    assert_eq!(loaded.connections.len(), state.connections.len());
    let midnight = mes_apps::domain::health::time::at(2025, 11, 20, 0, 0);
    for (l, s) in loaded.connections.iter().zip(&state.connections) {
        assert_eq!(l.manager, s.manager);
        assert_eq!(l.since, midnight);
        assert_eq!(l.settings, s.settings);
    }
    assert_eq!(loaded.journal, state.journal);
}

// ---------------------------------------------------------------------------------------
// Blocked storage and a full quota.

#[test]
fn blocked_storage_is_reported_and_nothing_panics() {
    let cat = catalogue();
    for product in Product::ALL {
        let kv = MemoryKv::new();
        kv.set_blocked(true);
        let (mut store, mut state, issue) = open(&kv, product, &cat);
        assert_eq!(issue, Some(StorageIssue::Blocked));
        assert!(StorageIssue::Blocked.to_string().contains("bloque"));
        assert_eq!(state, demo::state(product, &cat, NOW));
        let primary = people(product)[0].id;
        let done = exec(
            &mut store,
            &mut state,
            &env(&cat),
            primary,
            &get("caisse-horizon", home(product)),
        );
        assert_eq!(done.saved, Err(StorageIssue::Blocked));
        assert!(state
            .connection(&a("caisse-horizon"), &c(home(product)))
            .is_some());
        assert!(store.has_pending());
        assert_eq!(
            store.refresh(&mut state, &cat),
            Refresh::Failed(StorageIssue::Blocked)
        );
        assert_eq!(
            store.retry(&mut state, &cat),
            alone(Err(StorageIssue::Blocked))
        );
        assert_eq!(kv.writes(), 0);
        // When the browser lets the site store again, the change is saved.
        kv.set_blocked(false);
        retry_saves_all(&kv, &mut store, &mut state, &cat);
    }
}

#[test]
fn memory_that_does_not_outlast_the_tab_would_lose_saved_changes_on_close() {
    let cat = catalogue();
    // Storage blocked by the browser: the app saves to memory gone with the tab.
    let kv = MemoryKv::volatile();
    assert!(!kv.lasts());
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    assert!(!store.would_lose_on_close(), "nothing changed yet");
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    );
    assert!(!store.has_pending(), "saved, to memory");
    assert!(
        store.would_lose_on_close(),
        "but that memory goes with the tab"
    );
    // Real storage: a saved change is safe.
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    );
    assert!(!store.would_lose_on_close());
}

#[test]
fn a_full_quota_keeps_the_saved_data_and_saves_everything_later() {
    let cat = catalogue();
    let (kv, mut store, mut state) = first_save(&cat);
    let saved = state.clone();
    let saved_text = raw(&kv, &state_key(QB)).unwrap();
    let writes = kv.writes();
    exec_while_full(
        &kv,
        &mut store,
        &mut state,
        &env(&cat),
        "julien-petit",
        &get("paie-facile", QB_COMPANY),
    );
    assert!(StorageIssue::Full { product: QB }
        .to_string()
        .contains("plein"));
    assert!(
        state
            .connection(&a("paie-facile"), &c(QB_COMPANY))
            .is_some(),
        "kept in memory"
    );
    assert!(store.has_pending());
    assert_eq!(kv.writes(), writes);
    assert_eq!(
        raw(&kv, &state_key(QB)).as_deref(),
        Some(saved_text.as_str())
    );
    assert_eq!(
        reopen(&kv, QB, &cat),
        saved,
        "what was saved before is intact"
    );
    let with_paie = state.clone();
    // Still full: retry fails the same way.
    assert_eq!(
        store.retry(&mut state, &cat),
        alone(Err(StorageIssue::Full { product: QB }))
    );
    assert_eq!(state, with_paie);

    // Space is freed; the next command saves both changes.
    kv.set_quota(None);
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "julien-petit",
        &get("relances-pro", QB_COMPANY),
    );
    let loaded = reopen(&kv, QB, &cat);
    assert_eq!(loaded, state);
    assert!(loaded
        .connection(&a("paie-facile"), &c(QB_COMPANY))
        .is_some());
    assert!(loaded
        .connection(&a("relances-pro"), &c(QB_COMPANY))
        .is_some());
    assert_eq!(envelope(&kv, QB)["revision"], 2);
    assert!(!store.has_pending());
}

#[test]
fn retry_after_a_full_quota_saves_the_pending_change() {
    let cat = catalogue();
    let (kv, mut store, mut state) = first_save(&cat);
    exec_while_full(
        &kv,
        &mut store,
        &mut state,
        &env(&cat),
        "claire-martin",
        &get("paie-facile", QB_COMPANY),
    );
    kv.set_quota(Some(kv.used() + 100_000));
    retry_saves_all(&kv, &mut store, &mut state, &cat);
}

#[test]
fn a_chunk_written_without_its_envelope_is_ignored() {
    let cat = catalogue();
    let (kv, mut store, mut state) = first_save(&cat);
    let saved = state.clone();
    // Room for the journal chunk to grow, not for the envelope.
    let command = get("paie-facile", QB_COMPANY);
    let mut next = state.clone();
    apply(&mut next, &env(&cat), &u("claire-martin"), &command).unwrap();
    let gen = generation(&kv);
    let old_chunk = raw(&kv, &chunk_key(QB, gen, 0)).unwrap();
    // A chunk stores each entry as [seq, at, actor, company, app, event].
    let compact: Vec<_> = next
        .journal
        .iter()
        .map(|e| (e.seq, e.at, &e.actor, &e.company, &e.app, &e.event))
        .collect();
    let new_chunk = serde_json::to_string(&compact).unwrap();
    let units = |s: &str| s.encode_utf16().count();
    kv.set_quota(Some(kv.used() + units(&new_chunk) - units(&old_chunk)));
    let done = exec(
        &mut store,
        &mut state,
        &env(&cat),
        "claire-martin",
        &command,
    );
    assert_eq!(done.saved, Err(StorageIssue::Full { product: QB }));
    assert_eq!(
        raw(&kv, &chunk_key(QB, gen, 0)).as_deref(),
        Some(new_chunk.as_str()),
        "the chunk was written"
    );
    assert_eq!(
        reopen(&kv, QB, &cat),
        saved,
        "the envelope still says the old length"
    );
    kv.set_quota(None);
    retry_saves_all(&kv, &mut store, &mut state, &cat);
    assert_eq!(state, next);
}

// ---------------------------------------------------------------------------------------
// The journal is appended chunk by chunk; a reset starts a new generation.

#[test]
fn the_journal_is_appended_chunk_by_chunk() {
    let cat = catalogue();
    let (kv, mut store, mut state) = first_save(&cat);
    assert_eq!(kv.writes(), 2, "first save: one chunk and the envelope");
    assert_eq!(
        keys_with(&kv, "mes-apps/quickbooks"),
        ["mes-apps/quickbooks", "mes-apps/quickbooks/journal/0/0"]
    );
    let def = app_def(&cat, "banque-sereine");
    let changed = changed_values(def);
    let defaults = settings::defaults(&def.settings);
    let mut full_chunk: Option<String> = None;
    let mut i = 0;
    while state.journal.len() < CHUNK + 10 {
        let values = if i % 2 == 0 {
            changed.clone()
        } else {
            defaults.clone()
        };
        let writes = kv.writes();
        exec_saved(
            &mut store,
            &mut state,
            &cat,
            "julien-petit",
            &update("banque-sereine", QB_COMPANY, values),
        );
        assert_eq!(
            kv.writes() - writes,
            2,
            "command {i}: one chunk + the envelope"
        );
        if state.journal.len() > CHUNK {
            // Chunk 0 is full and no longer rewritten.
            let now = raw(&kv, &chunk_key(QB, 0, 0)).unwrap();
            match &full_chunk {
                None => full_chunk = Some(now),
                Some(before) => assert_eq!(before, &now),
            }
            let zero: Vec<Value> = serde_json::from_str(full_chunk.as_ref().unwrap()).unwrap();
            assert_eq!(zero.len(), CHUNK);
        }
        i += 1;
    }
    assert_eq!(
        keys_with(&kv, "mes-apps/quickbooks/journal/"),
        [
            "mes-apps/quickbooks/journal/0/0",
            "mes-apps/quickbooks/journal/0/1"
        ]
    );
    let one: Vec<Value> = serde_json::from_str(&raw(&kv, &chunk_key(QB, 0, 1)).unwrap()).unwrap();
    assert_eq!(one.len(), state.journal.len() - CHUNK);
    assert_eq!(reopen(&kv, QB, &cat), state);

    // A reset: a new generation, the old chunks are gone.
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "sophie-bernard",
        &Command::Reset,
    );
    assert_eq!(state, demo::state(QB, &cat, NOW));
    let keys = keys_with(&kv, "mes-apps/quickbooks/journal/");
    assert_eq!(keys, ["mes-apps/quickbooks/journal/1/0"]);
    assert_eq!(generation(&kv), 1);
    assert_eq!(reopen(&kv, QB, &cat), state);
    // And appending continues in the new generation.
    let writes = kv.writes();
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get("paie-facile", QB_COMPANY),
    );
    assert_eq!(kv.writes() - writes, 2);
    assert_eq!(
        keys_with(&kv, "mes-apps/quickbooks/journal/"),
        ["mes-apps/quickbooks/journal/1/0"]
    );
    assert_eq!(reopen(&kv, QB, &cat), state);
}

// ---------------------------------------------------------------------------------------
// Two tabs on one storage.

#[test]
fn two_tabs_each_change_and_both_changes_survive() {
    let cat = catalogue();
    for saved_first in [false, true] {
        let kv = MemoryKv::new();
        if saved_first {
            let (mut s, mut st, _) = open(&kv, QB, &cat);
            exec_saved(
                &mut s,
                &mut st,
                &cat,
                "claire-martin",
                &get("relances-pro", QB_COMPANY),
            );
        }
        let (mut tab_a, mut state_a, _) = open(&kv, QB, &cat);
        let (mut tab_b, mut state_b, _) = open(&kv.clone(), QB, &cat);
        let start = state_a.journal.len();
        let done = exec(
            &mut tab_a,
            &mut state_a,
            &env_at(&cat, NOW.0),
            "claire-martin",
            &get("caisse-horizon", QB_COMPANY),
        );
        assert_eq!(done.saved, Ok(()));
        assert_eq!(done.merged, None);
        // Tab B has not refreshed: it still shows the older state.
        assert!(state_b
            .connection(&a("caisse-horizon"), &c(QB_COMPANY))
            .is_none());
        let done = exec(
            &mut tab_b,
            &mut state_b,
            &env_at(&cat, NOW.0 + 1),
            "julien-petit",
            &get("paie-facile", QB_COMPANY),
        );
        assert_eq!(done.saved, Ok(()));
        assert_eq!(
            done.merged,
            Some(vec![]),
            "tab B caught up with tab A first and dropped nothing"
        );

        let loaded = reopen(&kv, QB, &cat);
        assert_eq!(loaded, state_b);
        let ca = loaded
            .connection(&a("caisse-horizon"), &c(QB_COMPANY))
            .expect("tab A's change");
        let pf = loaded
            .connection(&a("paie-facile"), &c(QB_COMPANY))
            .expect("tab B's change");
        assert_eq!(ca.manager, Some(u("claire-martin")));
        assert_eq!(pf.manager, Some(u("julien-petit")));
        let tail: Vec<(&str, &str, &Event)> = loaded.journal[start..]
            .iter()
            .map(|e| {
                (
                    e.actor.as_str(),
                    e.app.as_ref().map_or("", |a| a.as_str()),
                    &e.event,
                )
            })
            .collect();
        assert_eq!(
            tail,
            [
                ("claire-martin", "caisse-horizon", &Event::Connection),
                ("julien-petit", "paie-facile", &Event::Connection),
            ]
        );
        assert!(validate_ok(&loaded, &cat));

        // Tab A refreshes and sees tab B's change.
        assert!(state_a
            .connection(&a("paie-facile"), &c(QB_COMPANY))
            .is_none());
        assert_eq!(
            tab_a.refresh(&mut state_a, &cat),
            Refresh::Reloaded { dropped: vec![] }
        );
        assert_eq!(state_a, loaded);
        assert_eq!(tab_a.refresh(&mut state_a, &cat), Refresh::Unchanged);
        assert_eq!(tab_b.refresh(&mut state_b, &cat), Refresh::Unchanged);
    }
}

fn validate_ok(state: &ProductState, cat: &Catalogue) -> bool {
    mes_apps::domain::import::validate::validate(state, state.product, cat).is_ok()
}

#[test]
fn a_pending_command_is_reapplied_on_another_tabs_newer_revision() {
    let cat = catalogue();
    for use_refresh in [false, true] {
        let (kv, (mut tab_a, mut state_a), (mut tab_b, mut state_b)) = two_tabs(&cat);
        assert_eq!(state_a, state_b);

        // Tab A cannot save: the quota is full.
        exec_while_full(
            &kv,
            &mut tab_a,
            &mut state_a,
            &env_at(&cat, NOW.0 + 10),
            "claire-martin",
            &get("caisse-horizon", QB_COMPANY),
        );
        // Room is made; tab B saves its own change first.
        kv.set_quota(None);
        exec_saved(
            &mut tab_b,
            &mut state_b,
            &cat,
            "julien-petit",
            &get("paie-facile", QB_COMPANY),
        );
        assert_eq!(envelope(&kv, QB)["revision"], 2);

        if use_refresh {
            assert_eq!(
                tab_a.refresh(&mut state_a, &cat),
                Refresh::Reloaded { dropped: vec![] }
            );
        } else {
            assert_eq!(
                tab_a.retry(&mut state_a, &cat),
                Retried {
                    merged: Some(vec![]),
                    saved: Ok(()),
                },
                "tab A loaded tab B's revision and kept its own change"
            );
        }
        assert!(!tab_a.has_pending());
        assert_eq!(envelope(&kv, QB)["revision"], 3);
        let loaded = reopen(&kv, QB, &cat);
        assert_eq!(loaded, state_a);
        assert!(
            loaded
                .connection(&a("caisse-horizon"), &c(QB_COMPANY))
                .is_some(),
            "tab A's pending change"
        );
        assert!(
            loaded
                .connection(&a("paie-facile"), &c(QB_COMPANY))
                .is_some(),
            "tab B's change"
        );
        let apps: Vec<&str> = loaded
            .journal
            .iter()
            .rev()
            .take(2)
            .map(|e| e.app.as_ref().map_or("", |a| a.as_str()))
            .collect();
        assert_eq!(
            apps,
            ["caisse-horizon", "paie-facile"],
            "A's command on top of B's"
        );
        assert!(validate_ok(&loaded, &cat));
    }
}

#[test]
fn a_pending_command_that_no_longer_applies_is_dropped_with_its_reason() {
    let cat = catalogue();
    let (kv, (mut tab_a, mut state_a), (mut tab_b, mut state_b)) = two_tabs(&cat);
    let command = disconnect("relances-pro", QB_COMPANY, reason(Reason::Replaced));
    exec_while_full(
        &kv,
        &mut tab_a,
        &mut state_a,
        &env(&cat),
        "claire-martin",
        &command,
    );
    kv.set_quota(None);
    // Tab B disconnected it too, and saved first.
    exec_saved(&mut tab_b, &mut state_b, &cat, "julien-petit", &command);
    match tab_a.refresh(&mut state_a, &cat) {
        Refresh::Reloaded { dropped } => {
            assert_eq!(dropped.len(), 1);
            assert!(
                dropped[0].text(Lang::Fr).contains("Relances Pro"),
                "{dropped:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(state_a, state_b);
    assert!(!tab_a.has_pending());
    assert_eq!(reopen(&kv, QB, &cat), state_b);
}

#[test]
fn a_reset_in_one_tab_is_seen_by_the_other() {
    let cat = catalogue();
    let (kv, (mut tab_a, mut state_a), (mut tab_b, mut state_b)) = two_tabs(&cat);
    exec_saved(
        &mut tab_a,
        &mut state_a,
        &cat,
        "claire-martin",
        &Command::Reset,
    );
    exec_saved(
        &mut tab_b,
        &mut state_b,
        &cat,
        "julien-petit",
        &get("paie-facile", QB_COMPANY),
    );
    let mut expected = demo::state(QB, &cat, NOW);
    apply(
        &mut expected,
        &env(&cat),
        &u("julien-petit"),
        &get("paie-facile", QB_COMPANY),
    )
    .unwrap();
    assert_eq!(state_b, expected);
    assert_eq!(reopen(&kv, QB, &cat), expected);
    assert_eq!(
        tab_a.refresh(&mut state_a, &cat),
        Refresh::Reloaded { dropped: vec![] }
    );
    assert_eq!(state_a, expected);
}

#[test]
fn both_products_are_stored_apart() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut qb, mut qb_state, _) = open(&kv, QB, &cat);
    let (mut ec, mut ec_state, _) = open(&kv, Product::ExpertComptable, &cat);
    exec_saved(
        &mut qb,
        &mut qb_state,
        &cat,
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    );
    exec_saved(
        &mut ec,
        &mut ec_state,
        &cat,
        "marie-dupont",
        &get("caisse-horizon", FIRM),
    );
    exec_saved(
        &mut ec,
        &mut ec_state,
        &cat,
        "marie-dupont",
        &Command::Reset,
    );
    assert_eq!(
        reopen(&kv, QB, &cat),
        qb_state,
        "a reset of one product leaves the other"
    );
    assert_eq!(reopen(&kv, Product::ExpertComptable, &cat), ec_state);
    assert_eq!(keys_with(&kv, "mes-apps/quickbooks/journal/").len(), 1);
}

// ---------------------------------------------------------------------------------------
// Preferences.

#[test]
fn preferences_round_trip_and_fall_back_to_defaults() {
    let kv = MemoryKv::new();
    assert_eq!(prefs::load(&kv), Prefs::default());
    let mut p = Prefs {
        product: Some(Product::ExpertComptable),
        lang: Some("en".into()),
        ..Default::default()
    };
    p.users.insert(Product::ExpertComptable, u("lea-moreau"));
    p.users.insert(Product::QuickBooks, u("julien-petit"));
    assert!(prefs::save(&kv, &p));
    assert_eq!(prefs::load(&kv), p);
    kv.set("mes-apps/preferences", "{pas du json").unwrap();
    assert_eq!(prefs::load(&kv), Prefs::default());
    kv.set_blocked(true);
    assert!(!prefs::save(&kv, &p));
    assert_eq!(prefs::load(&kv), Prefs::default());
}

#[test]
fn timestamps_of_commands_are_kept_through_storage() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    let e = Env {
        catalogue: &cat,
        now: Timestamp(1_777_777_777_777),
    };
    exec(
        &mut store,
        &mut state,
        &e,
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    );
    let loaded = reopen(&kv, QB, &cat);
    assert_eq!(
        loaded.journal.last().unwrap().at,
        Timestamp(1_777_777_777_777)
    );
    assert_eq!(
        loaded
            .connection(&a("caisse-horizon"), &c(QB_COMPANY))
            .unwrap()
            .since,
        Timestamp(1_777_777_777_777)
    );
}

#[test]
fn a_failed_save_under_a_new_generation_leaves_no_orphan_chunks() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    // Disconnect every demo connection, so that the envelope after a reset is bigger.
    for conn in state.connections.clone() {
        exec_saved(
            &mut store,
            &mut state,
            &cat,
            "claire-martin",
            &disconnect(
                conn.app.as_str(),
                conn.company.as_str(),
                reason(Reason::Replaced),
            ),
        );
    }
    // Without the receipts those disconnections wrote, which would outweigh the demo's
    // connections.
    let mut small = state.clone();
    small.receipts.clear();
    store.replace(&mut state, small).unwrap();
    let saved = state.clone();
    let keys_before = kv.keys().unwrap();
    let used_before = kv.used();
    // Room for the new generation's chunk, not for the envelope.
    let demo_journal = serde_json::to_string(&demo::state(QB, &cat, NOW).journal).unwrap();
    let units = |s: &str| s.encode_utf16().count();
    kv.set_quota(Some(
        used_before + units(&chunk_key(QB, 1, 0)) + units(&demo_journal),
    ));
    let done = exec(
        &mut store,
        &mut state,
        &env(&cat),
        "claire-martin",
        &Command::Reset,
    );
    assert_eq!(done.saved, Err(StorageIssue::Full { product: QB }));
    assert_eq!(
        state,
        demo::state(QB, &cat, NOW),
        "the reset is kept in memory"
    );
    assert_eq!(reopen(&kv, QB, &cat), saved, "what was saved is intact");
    // The chunk written for the envelope that could not be saved does not linger and
    // take the room the next attempt needs.
    assert_eq!(kv.keys().unwrap(), keys_before);
    assert_eq!(kv.used(), used_before);
    // Another attempt under the same quota fails the same way and leaves nothing either.
    assert_eq!(
        store.retry(&mut state, &cat),
        alone(Err(StorageIssue::Full { product: QB }))
    );
    assert_eq!(kv.keys().unwrap(), keys_before);
    kv.set_quota(None);
    retry_saves_all(&kv, &mut store, &mut state, &cat);
    assert_eq!(state, demo::state(QB, &cat, NOW));
    let gen = generation(&kv);
    assert_eq!(
        keys_with(&kv, "mes-apps/quickbooks/journal/"),
        [chunk_key(QB, gen, 0)]
    );
}

#[test]
fn data_that_became_unreadable_after_opening_is_not_written_over() {
    let cat = catalogue();
    for (name, corrupt, why) in [
        (
            "garbage",
            "{\"schema\": 1, \"revis".to_string(),
            "revis : le texte s'arrête avant la fin, il est tronqué (ligne 1, colonne 20)",
        ),
        (
            "newer schema, same revision",
            r#"{"schema":99,"revision":1,"data":{}}"#.to_string(),
            "enregistrées par une version plus récente de Mes apps (schéma 99)",
        ),
        (
            "not an envelope",
            "[]".to_string(),
            "nombre d'éléments incorrect (ligne 1, colonne 2)",
        ),
    ] {
        let (kv, mut store, mut state) = first_save(&cat);
        // Something else (another version of the app, an extension, a crash) writes it.
        exec_over_unreadable(&kv, (&mut store, &mut state), &cat, &corrupt, why);
        // The user chooses to keep the change in memory, which saves it.
        let keep = state.clone();
        assert_eq!(store.replace(&mut state, keep.clone()), Ok(()), "{name}");
        assert_eq!(reopen(&kv, QB, &cat), keep, "{name}");
    }
}

#[test]
fn a_refused_command_still_reports_another_tabs_newer_revision() {
    let cat = catalogue();
    let by_a = disconnect("notes-eclair", QB_COMPANY, reason(Reason::TooExpensive));
    let (_, (_, state_a), (mut tab_b, mut state_b)) = tab_b_behind(&cat, &by_a);
    // Tab B still shows Notes Éclair and tries to disconnect it too.
    let by_b = disconnect("notes-eclair", QB_COMPANY, reason(Reason::Replaced));
    let refused = tab_b.execute(&mut state_b, &env(&cat), &u("julien-petit"), &by_b);
    let not_connected = DomainError::NotConnected {
        app: "Notes Éclair".into(),
        company: "Boulangerie Martin".into(),
    };
    assert_eq!(
        refused,
        Err(Refused {
            error: not_connected.clone(),
            merged: Some(Vec::new()),
        }),
        "already disconnected by tab A, whose revision tab B loaded"
    );
    assert_eq!(state_b, state_a, "tab B now holds tab A's state");
    // A command with nothing newer to load reports no merge.
    let again = tab_b.execute(&mut state_b, &env(&cat), &u("julien-petit"), &by_b);
    assert_eq!(
        again,
        Err(Refused {
            error: not_connected,
            merged: None,
        })
    );
}

#[test]
fn retry_reports_another_tabs_newer_revision_too() {
    let cat = catalogue();
    let by_a = get("caisse-horizon", QB_COMPANY);
    let (_, (_, state_a), (mut tab_b, mut state_b)) = tab_b_behind(&cat, &by_a);
    assert_eq!(
        tab_b.retry(&mut state_b, &cat),
        Retried {
            merged: Some(Vec::new()),
            saved: Ok(()),
        },
        "tab B loaded tab A's revision"
    );
    assert_eq!(state_b, state_a);
    assert_eq!(
        tab_b.retry(&mut state_b, &cat),
        alone(Ok(())),
        "nothing newer the second time"
    );
}

#[test]
fn settings_saved_under_another_catalogue_follow_it_are_reported_and_saved_again() {
    let cat = catalogue();
    let (kv, _) = saved_once(&cat);
    let saved = reopen(&kv, QB, &cat);
    let apps: Vec<_> = saved.connections.iter().map(|c| c.app.clone()).collect();
    assert!(apps.len() >= 2, "the demo has several connections");

    // A newer catalogue: the first connected app gains a setting, the second loses one.
    let mut defs = cat.apps().to_vec();
    let added = settings::SettingDef {
        key: "export_automatique".into(),
        label: "Export automatique".into(),
        help: String::new(),
        kind: settings::SettingKind::Toggle { default: true },
    };
    let mut removed = None;
    for def in &mut defs {
        if def.id == apps[0] {
            def.settings.push(added.clone());
        }
        if def.id == apps[1] {
            removed = def.settings.pop();
        }
    }
    let removed = removed.expect("the second app has a setting to drop");
    let newer = Catalogue::new(defs);

    let (_, state, issue) = open(&kv, QB, &newer);
    let Some(StorageIssue::CatalogueChanged { product, changes }) = issue else {
        panic!("expected the catalogue change to be reported, got {issue:?}");
    };
    assert_eq!(product, QB);
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0].changes.len(), 1, "{changes:?}");
    let changes: Vec<String> = changes
        .iter()
        .map(|c| c.text(Lang::Fr).replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    let name = |id| newer.app_name(id).to_string();
    assert!(changes[0].starts_with(&name(&apps[0])), "{changes:?}");
    assert!(
        changes[0].contains("nouveau réglage « Export automatique »"),
        "{changes:?}"
    );
    assert!(changes[1].starts_with(&name(&apps[1])), "{changes:?}");
    assert!(
        changes[1].contains(&format!("réglage « {} » retiré", removed.key)),
        "{changes:?}"
    );
    assert!(issue_text_names_the_product(QB));

    // Nothing else moved: same connections, managers and journal.
    assert_eq!(state.journal, saved.journal);
    assert_eq!(state.connections.len(), saved.connections.len());
    let first = state
        .connection(&apps[0], &saved.connections[0].company)
        .unwrap();
    assert_eq!(
        first.settings.get("export_automatique"),
        Some(&settings::SettingValue::Bool(true))
    );
    let second = state
        .connection(&apps[1], &saved.connections[1].company)
        .unwrap();
    assert!(!second.settings.contains_key(&removed.key));

    // Saved again at once: the next visit has nothing to report and reads the same state.
    let stored = envelope(&kv, QB);
    assert!(stored.to_string().contains("export_automatique"));
    assert_eq!(reopen(&kv, QB, &newer), state);
}

fn issue_text_names_the_product(product: Product) -> bool {
    StorageIssue::CatalogueChanged {
        product,
        changes: vec![],
    }
    .to_string()
    .contains(product.label())
}

#[test]
fn an_app_that_left_the_catalogue_keeps_its_connection_which_can_still_be_disconnected() {
    let cat = catalogue();
    let (kv, _) = saved_once(&cat);
    let saved = reopen(&kv, QB, &cat);
    let gone = saved.connections[0].clone();
    assert!(saved
        .journal
        .iter()
        .any(|e| e.app.as_ref() == Some(&gone.app)));

    // A newer catalogue without that app.
    let newer = Catalogue::new(
        cat.apps()
            .iter()
            .filter(|a| a.id != gone.app)
            .cloned()
            .collect(),
    );
    // Read as saved: nothing held as unreadable, the connection and its journal kept.
    let (mut store, mut state, issue) = open(&kv, QB, &newer);
    assert_eq!(issue, None);
    assert_eq!(state, saved);

    // Disconnecting it works, is saved and recorded.
    let command = disconnect(
        gone.app.as_str(),
        gone.company.as_str(),
        reason(Reason::NoLongerNeeded),
    );
    exec_saved(&mut store, &mut state, &newer, "claire-martin", &command);
    assert!(state.connection(&gone.app, &gone.company).is_none());
    let last = state.journal.last().unwrap();
    assert_eq!(last.app.as_ref(), Some(&gone.app));
    assert!(matches!(last.event, Event::Disconnection { .. }));
    assert_eq!(reopen(&kv, QB, &newer), state);

    // An app that is neither in the catalogue nor connected is still unknown.
    let err = apply(
        &mut state,
        &env(&newer),
        &u("claire-martin"),
        &disconnect(
            gone.app.as_str(),
            gone.company.as_str(),
            reason(Reason::NoLongerNeeded),
        ),
    )
    .unwrap_err();
    assert_eq!(err, DomainError::UnknownApp(gone.app.to_string()));
    assert!(err.text(Lang::Fr).contains(gone.app.as_str()), "{err:?}");

    // A file to import gets no such allowance: the same data is refused there.
    let file = mes_apps::storage::exchange::export(&saved, Timestamp(0));
    let refused = mes_apps::storage::exchange::import(&file, QB, &newer, Lang::Fr).unwrap_err();
    assert!(
        refused.iter().any(|m| m.contains("appli inconnue")),
        "{refused:?}"
    );
}

/// A tab's view of a shared storage whose reads can lag behind the other tab's writes, as
/// a browser's per-tab copy of localStorage does for a moment: while frozen, reads answer
/// what was there when it froze (plus this tab's own writes).
/// What a lagging tab still sees: each key's value (`None`: removed) when it froze.
type Snapshot = std::collections::HashMap<String, Option<String>>;

#[derive(Clone)]
struct LaggingKv {
    shared: MemoryKv,
    frozen: std::rc::Rc<std::cell::RefCell<Option<Snapshot>>>,
}

impl LaggingKv {
    fn new(shared: &MemoryKv) -> LaggingKv {
        LaggingKv {
            shared: shared.clone(),
            frozen: Default::default(),
        }
    }
    fn freeze(&self) {
        let snapshot = self
            .shared
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| {
                let v = self.shared.get(&k).unwrap();
                (k, v)
            })
            .collect();
        *self.frozen.borrow_mut() = Some(snapshot);
    }
    fn catch_up(&self) {
        *self.frozen.borrow_mut() = None;
    }
}

impl KeyValue for LaggingKv {
    fn get(&self, key: &str) -> Result<Option<String>, mes_apps::storage::kv::KvError> {
        match &*self.frozen.borrow() {
            Some(snapshot) => Ok(snapshot.get(key).cloned().flatten()),
            None => self.shared.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), mes_apps::storage::kv::KvError> {
        if let Some(snapshot) = &mut *self.frozen.borrow_mut() {
            snapshot.insert(key.to_string(), Some(value.to_string()));
        }
        self.shared.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), mes_apps::storage::kv::KvError> {
        if let Some(snapshot) = &mut *self.frozen.borrow_mut() {
            snapshot.insert(key.to_string(), None);
        }
        self.shared.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, mes_apps::storage::kv::KvError> {
        match &*self.frozen.borrow() {
            Some(snapshot) => Ok(snapshot
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(k, _)| k.clone())
                .collect()),
            None => self.shared.keys(),
        }
    }
}

#[test]
fn two_tabs_saving_the_same_revision_at_once_lose_neither_change() {
    let cat = catalogue();
    let (shared, _) = saved_once(&cat);
    let (mut tab_a, mut state_a, _) = ProductStore::open(LaggingKv::new(&shared), QB, &cat, NOW);
    let lagging = LaggingKv::new(&shared);
    let (mut tab_b, mut state_b, _) = ProductStore::open(lagging.clone(), QB, &cat, NOW);
    tab_a.set_writer(11);
    tab_b.set_writer(22);
    let before = reopen(&shared, QB, &cat);

    // Both tabs act at once: B has not seen A's save when it saves the same revision.
    lagging.freeze();
    let by_a = get("paie-facile", QB_COMPANY);
    let by_b = get("relances-pro", QB_COMPANY);
    let done_a = exec(&mut tab_a, &mut state_a, &env(&cat), "claire-martin", &by_a);
    assert_eq!(done_a.saved, Ok(()));
    let done_b = exec(&mut tab_b, &mut state_b, &env(&cat), "julien-petit", &by_b);
    assert_eq!(done_b.saved, Ok(()));
    assert_eq!(done_b.merged, None, "B saw nothing: the two saves raced");
    lagging.catch_up();
    // B's write replaced A's: as stored, only B's change is there.
    let stored = reopen(&shared, QB, &cat);
    assert!(stored
        .connection(&a("paie-facile"), &c(QB_COMPANY))
        .is_none());
    assert_eq!(envelope(&shared, QB)["writer"], 22);

    // A hears of B's write (the storage event): it applies its change again on top of
    // B's and saves; B then loads that.
    assert_eq!(
        tab_a.refresh(&mut state_a, &cat),
        Refresh::Reloaded { dropped: vec![] }
    );
    assert_eq!(
        tab_b.refresh(&mut state_b, &cat),
        Refresh::Reloaded { dropped: vec![] }
    );
    let stored = reopen(&shared, QB, &cat);
    for app in ["paie-facile", "relances-pro"] {
        assert!(
            stored.connection(&a(app), &c(QB_COMPANY)).is_some(),
            "{app} was lost"
        );
    }
    assert_eq!(
        stored.journal.len(),
        before.journal.len() + 2,
        "each change once"
    );
    assert_eq!(state_a, stored);
    assert_eq!(state_b, stored);
    // Nothing more to do: another refresh finds nothing new.
    assert_eq!(tab_a.refresh(&mut state_a, &cat), Refresh::Unchanged);
    assert_eq!(tab_b.refresh(&mut state_b, &cat), Refresh::Unchanged);
}

#[test]
fn a_replaced_state_whose_save_failed_is_not_undone_by_another_tabs_revision() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut tab_a, mut state_a, _) = open(&kv, QB, &cat);
    let (mut tab_b, mut state_b, _) = open(&kv, QB, &cat);
    tab_a.set_writer(1);
    tab_b.set_writer(2);
    exec_saved(
        &mut tab_a,
        &mut state_a,
        &cat,
        "claire-martin",
        &get("relances-pro", QB_COMPANY),
    );
    // B loads A's revision and saves the next one over it.
    exec_saved(
        &mut tab_b,
        &mut state_b,
        &cat,
        "julien-petit",
        &get("paie-facile", QB_COMPANY),
    );
    // A then imports a whole state, which does not fit yet.
    let imported = demo::state(QB, &cat, NOW);
    kv.set_quota(Some(kv.used()));
    assert_eq!(
        tab_a.replace(&mut state_a, imported.clone()),
        Err(StorageIssue::Full { product: QB })
    );
    kv.set_quota(None);
    // The import writes over B's revision: A's earlier change is not applied again on
    // B's, in place of the import.
    assert_eq!(tab_a.retry(&mut state_a, &cat), alone(Ok(())));
    assert_eq!(state_a, imported);
    assert_eq!(reopen(&kv, QB, &cat), imported);
}

#[test]
fn only_a_store_that_read_and_saved_nothing_is_untouched() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    assert!(store.is_untouched(), "first run");
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &get("paie-facile", QB_COMPANY),
    );
    assert!(!store.is_untouched(), "saved");
    assert!(!open(&kv, QB, &cat).0.is_untouched(), "read");
    // Unreadable data is kept: replacing it is the user's choice, not a fresh start.
    let kv = MemoryKv::new();
    kv.set(&state_key(QB), "n'importe quoi {").unwrap();
    let (store, _, _) = open(&kv, QB, &cat);
    assert!(store.unreadable().is_some());
    assert!(!store.is_untouched(), "held");
}

#[test]
fn a_reset_starts_a_new_journal_generation_even_when_its_journal_is_not_shorter() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = open(&kv, QB, &cat);
    let mut without_journal = demo::state(QB, &cat, NOW);
    without_journal.journal.clear();
    store.replace(&mut state, without_journal).unwrap();
    let before = generation(&kv);
    exec_saved(
        &mut store,
        &mut state,
        &cat,
        "claire-martin",
        &Command::Reset,
    );
    let after = generation(&kv);
    assert!(after > before, "{before} then {after}");
    let chunks: Vec<String> = (0..state.journal.len().div_ceil(CHUNK))
        .map(|k| chunk_key(QB, after, k))
        .collect();
    assert!(!chunks.is_empty());
    assert_eq!(keys_with(&kv, "mes-apps/quickbooks/journal/"), chunks);
    assert_eq!(reopen(&kv, QB, &cat), state);
}

#[test]
fn a_reset_applied_again_on_another_tabs_write_starts_a_new_generation_too() {
    let cat = catalogue();
    let shared = MemoryKv::new();
    // Stored: the demo without its journal, which is shorter than the one a reset makes.
    let (mut first, mut state, _) = open(&shared, QB, &cat);
    let mut without_journal = demo::state(QB, &cat, NOW);
    without_journal.journal.clear();
    first.replace(&mut state, without_journal).unwrap();
    let (mut tab_a, mut state_a, _) = ProductStore::open(LaggingKv::new(&shared), QB, &cat, NOW);
    let lagging = LaggingKv::new(&shared);
    let (mut tab_b, mut state_b, _) = ProductStore::open(lagging.clone(), QB, &cat, NOW);
    tab_a.set_writer(11);
    tab_b.set_writer(22);
    // A resets while B, which has not seen it, saves the same revision over it.
    lagging.freeze();
    let reset = exec(
        &mut tab_a,
        &mut state_a,
        &env(&cat),
        "claire-martin",
        &Command::Reset,
    );
    assert_eq!(reset.saved, Ok(()));
    let done_b = exec(
        &mut tab_b,
        &mut state_b,
        &env(&cat),
        "julien-petit",
        &get("paie-facile", QB_COMPANY),
    );
    assert_eq!(done_b.saved, Ok(()));
    lagging.catch_up();
    // A applies its reset again on B's write: the journal is written whole, and no chunk
    // of A's first write or of B's lingers.
    assert_eq!(
        tab_a.refresh(&mut state_a, &cat),
        Refresh::Reloaded { dropped: vec![] }
    );
    assert_eq!(state_a, demo::state(QB, &cat, NOW));
    let gen = generation(&shared);
    let chunks: Vec<String> = (0..state_a.journal.len().div_ceil(CHUNK))
        .map(|k| chunk_key(QB, gen, k))
        .collect();
    assert_eq!(keys_with(&shared, "mes-apps/quickbooks/journal/"), chunks);
    assert_eq!(reopen(&shared, QB, &cat), state_a);
}
