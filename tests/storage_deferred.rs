//! Opening with the journal left in storage (`open_deferred`), as the app does to show its
//! first page sooner: the same state once the journal is read, by `read_journal` or by the
//! first command; nothing saved while it is unread; a journal that turns out unreadable
//! (held as at opening, the demo data shown), storage blocked meanwhile, another tab's
//! save meanwhile — nothing lost in any of them.

mod common;

use common::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::domain::commands::Command;
use mes_apps::domain::data::demo;
use mes_apps::domain::forms::settings;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::model::{Product, ProductState};
use mes_apps::storage::kv::{KeyValue, MemoryKv};
use mes_apps::storage::schema::{backup_key, state_key};
use mes_apps::storage::store::{ProductStore, Refresh, StorageIssue};
use serde_json::Value;

const QB: Product = Product::QuickBooks;

type Store = ProductStore<MemoryKv>;

fn deferred(kv: &MemoryKv, cat: &Catalogue) -> (Store, ProductState, Option<StorageIssue>) {
    ProductStore::open_deferred(kv.clone(), QB, cat, NOW)
}

fn eager(kv: &MemoryKv, cat: &Catalogue) -> ProductState {
    let (_, state, issue) = ProductStore::open(kv.clone(), QB, cat, NOW);
    assert_eq!(issue, None, "the stored data reads back");
    state
}

fn exec(
    store: &mut Store,
    state: &mut ProductState,
    cat: &Catalogue,
    command: &Command,
) -> Result<(), StorageIssue> {
    store
        .execute(state, &env(cat), &u("claire-martin"), command)
        .unwrap_or_else(|e| panic!("{command:?} refused: {e:?}"))
        .saved
}

/// How many entries `saved_thrice` stores: the demo's journal, and three more.
fn saved(cat: &Catalogue) -> usize {
    demo::state(QB, cat, NOW).journal.len() + 3
}

/// Storage holding the demo after three commands.
fn saved_thrice(cat: &Catalogue) -> MemoryKv {
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), QB, cat, NOW);
    for app in ["caisse-horizon", "paie-facile", "relances-pro"] {
        assert_eq!(
            exec(&mut store, &mut state, cat, &get(app, QB_COMPANY)),
            Ok(())
        );
    }
    assert_eq!(state.journal.len(), saved(cat));
    kv
}

/// Every key and value in storage, to see that nothing was written.
fn everything(kv: &MemoryKv) -> Vec<(String, Option<String>)> {
    let mut keys = kv.keys().unwrap();
    keys.sort();
    keys.into_iter()
        .map(|k| (k.clone(), kv.get(&k).unwrap()))
        .collect()
}

#[test]
fn a_deferred_open_gives_the_state_without_its_journal_then_reads_it() {
    let cat = catalogue();
    let kv = saved_thrice(&cat);
    let whole = eager(&kv, &cat);
    let (mut store, mut state, issue) = deferred(&kv, &cat);
    assert_eq!(issue, None);
    assert!(store.journal_unread());
    assert!(state.journal.is_empty());
    assert_eq!(state.connections, whole.connections);
    assert_eq!(store.read_journal(&mut state, &cat), Ok(true));
    assert_eq!(state, whole);
    assert!(!store.journal_unread());
    assert_eq!(store.read_journal(&mut state, &cat), Ok(false), "read once");
    // With nothing saved yet, there is nothing to read.
    let (store, _, _) = deferred(&MemoryKv::new(), &cat);
    assert!(!store.journal_unread());
}

#[test]
fn the_first_command_reads_the_journal_first_and_every_entry_is_kept() {
    let cat = catalogue();
    let kv = saved_thrice(&cat);
    let (mut store, mut state, _) = deferred(&kv, &cat);
    assert_eq!(
        exec(
            &mut store,
            &mut state,
            &cat,
            &get("stock-malin", QB_COMPANY)
        ),
        Ok(())
    );
    assert_eq!(state.journal.len(), saved(&cat) + 1);
    let seqs: Vec<u64> = state.journal.iter().map(|e| e.seq).collect();
    let expected: Vec<u64> = (1..=saved(&cat) as u64 + 1).collect();
    assert_eq!(seqs, expected, "numbering goes on from the stored journal");
    assert_eq!(eager(&kv, &cat), state);
    // A refresh and a retry read it first too.
    for run in [0, 1] {
        let (mut store, mut state, _) = deferred(&kv, &cat);
        if run == 0 {
            assert_eq!(store.refresh(&mut state, &cat), Refresh::Unchanged);
        } else {
            assert_eq!(store.retry(&mut state, &cat).saved, Ok(()));
        }
        assert_eq!(state.journal.len(), saved(&cat) + 1, "run {run}");
    }
    assert_eq!(eager(&kv, &cat).journal.len(), saved(&cat) + 1);
}

/// Each case: a name, and storage whose envelope reads but whose journal does not.
fn unreadable_journals(cat: &Catalogue) -> Vec<(&'static str, MemoryKv)> {
    let chunk = |kv: &MemoryKv| {
        let keys: Vec<String> = kv
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.contains("/journal/"))
            .collect();
        assert_eq!(keys.len(), 1);
        keys[0].clone()
    };
    let mut cases = Vec::new();
    let kv = saved_thrice(cat);
    kv.remove(&chunk(&kv)).unwrap();
    cases.push(("missing chunk", kv));
    let kv = saved_thrice(cat);
    kv.set(&chunk(&kv), "[[1, 2").unwrap();
    cases.push(("garbled chunk", kv));
    let kv = saved_thrice(cat);
    let mut entries: Value = serde_json::from_str(&kv.get(&chunk(&kv)).unwrap().unwrap()).unwrap();
    entries[1][2] = Value::from("personne");
    kv.set(&chunk(&kv), &entries.to_string()).unwrap();
    cases.push(("an entry by an unknown user", kv));
    let kv = saved_thrice(cat);
    let mut envelope: Value =
        serde_json::from_str(&kv.get(&state_key(QB)).unwrap().unwrap()).unwrap();
    envelope["data"]["journal"]["length"] = Value::from(500);
    kv.set(&state_key(QB), &envelope.to_string()).unwrap();
    cases.push(("longer than its chunks", kv));
    cases
}

#[test]
fn a_journal_found_unreadable_late_is_held_copied_and_never_written_over() {
    let cat = catalogue();
    for (name, kv) in unreadable_journals(&cat) {
        let stored = everything(&kv);
        let envelope = kv.get(&state_key(QB)).unwrap();
        let (mut store, mut state, issue) = deferred(&kv, &cat);
        assert_eq!(issue, None, "{name}: the envelope itself reads");
        match store.read_journal(&mut state, &cat) {
            Err(StorageIssue::Unreadable {
                product,
                reason,
                backed_up,
            }) => {
                assert_eq!((product, backed_up), (QB, true), "{name}");
                assert!(
                    !reason.text(Lang::Fr).is_empty() && !reason.text(Lang::En).is_empty(),
                    "{name}"
                );
            }
            other => panic!("{name}: expected Unreadable, got {other:?}"),
        }
        assert_eq!(
            state,
            demo::state(QB, &cat, NOW),
            "{name}: the demo data, as at opening"
        );
        assert_eq!(
            store.unreadable(),
            envelope.as_deref(),
            "{name}: kept for download"
        );
        assert_eq!(kv.get(&backup_key(QB)).unwrap(), envelope, "{name}: copied");
        // A command is applied in memory, never saved over what could not be read.
        let saved = exec(
            &mut store,
            &mut state,
            &cat,
            &get("stock-malin", QB_COMPANY),
        );
        assert_eq!(saved, Err(StorageIssue::Held { product: QB }), "{name}");
        let now: Vec<_> = everything(&kv)
            .into_iter()
            .filter(|(k, _)| *k != backup_key(QB))
            .collect();
        assert_eq!(now, stored, "{name}: storage as it was");
    }
}

#[test]
fn storage_blocked_before_the_journal_is_read_keeps_it_unread_and_saves_nothing() {
    let cat = catalogue();
    let kv = saved_thrice(&cat);
    let (mut store, mut state, _) = deferred(&kv, &cat);
    kv.set_blocked(true);
    assert_eq!(
        store.read_journal(&mut state, &cat),
        Err(StorageIssue::Blocked)
    );
    assert!(store.journal_unread());
    assert!(exec(
        &mut store,
        &mut state,
        &cat,
        &get("stock-malin", QB_COMPANY)
    )
    .is_err());
    kv.set_blocked(false);
    assert_eq!(
        eager(&kv, &cat).journal.len(),
        saved(&cat),
        "the stored journal is intact"
    );
    // Storage back: the next command reads the journal first, then saves.
    assert_eq!(
        exec(
            &mut store,
            &mut state,
            &cat,
            &get("factures-express", QB_COMPANY)
        ),
        Ok(())
    );
    assert!(!store.journal_unread());
    assert_eq!(eager(&kv, &cat), state);
}

#[test]
fn another_tabs_save_before_the_journal_is_read_is_read_whole() {
    let cat = catalogue();
    // Another tab appends an entry; another resets, which removes the chunks read from.
    for command in [get("stock-malin", QB_COMPANY), Command::Reset] {
        let kv = saved_thrice(&cat);
        let (mut late, mut late_state, _) = deferred(&kv, &cat);
        let (mut other, mut other_state, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
        assert_eq!(exec(&mut other, &mut other_state, &cat, &command), Ok(()));
        assert_eq!(
            late.read_journal(&mut late_state, &cat),
            Ok(true),
            "{command:?}"
        );
        assert_eq!(late_state, other_state, "{command:?}");
        assert_eq!(eager(&kv, &cat), other_state);
    }
}

#[test]
fn settings_to_follow_a_new_catalogue_read_the_journal_before_saving_again() {
    let cat = catalogue();
    let kv = saved_thrice(&cat);
    let app = eager(&kv, &cat).connections[0].app.clone();
    let mut defs = cat.apps().to_vec();
    for def in defs.iter_mut().filter(|d| d.id == app) {
        def.settings.push(settings::SettingDef {
            key: "export_automatique".into(),
            label: "Export automatique".into(),
            help: String::new(),
            kind: settings::SettingKind::Toggle { default: true },
        });
    }
    let newer = Catalogue::new(defs);
    let (store, state, issue) = deferred(&kv, &newer);
    assert!(
        matches!(issue, Some(StorageIssue::CatalogueChanged { .. })),
        "{issue:?}"
    );
    assert!(!store.journal_unread());
    assert_eq!(state.journal.len(), saved(&cat));
    assert_eq!(eager(&kv, &newer), state, "saved again, journal included");
}

#[test]
fn the_same_revision_written_over_by_another_tab_before_the_journal_is_read_is_read_whole() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut first, mut state, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    first.set_writer(1);
    assert_eq!(
        exec(
            &mut first,
            &mut state,
            &cat,
            &get("caisse-horizon", QB_COMPANY)
        ),
        Ok(())
    );
    // Another tab read the same revision, in a storage of its own for now.
    let elsewhere = MemoryKv::new();
    for (k, v) in everything(&kv) {
        elsewhere.set(&k, &v.unwrap()).unwrap();
    }
    assert_eq!(
        exec(
            &mut first,
            &mut state,
            &cat,
            &get("paie-facile", QB_COMPANY)
        ),
        Ok(())
    );
    let (mut late, mut late_state, _) = deferred(&kv, &cat);
    let (mut other, mut other_state, _) = ProductStore::open(elsewhere.clone(), QB, &cat, NOW);
    other.set_writer(2);
    // It resets, which writes the same revision number under a new journal generation
    // and removes the chunks the late tab is to read; its write lands over the first's.
    assert_eq!(
        exec(&mut other, &mut other_state, &cat, &Command::Reset),
        Ok(())
    );
    for k in kv.keys().unwrap() {
        kv.remove(&k).unwrap();
    }
    for (k, v) in everything(&elsewhere) {
        kv.set(&k, &v.unwrap()).unwrap();
    }
    assert_eq!(late.read_journal(&mut late_state, &cat), Ok(true));
    assert_eq!(late_state, other_state);
}

#[test]
fn data_removed_by_another_tab_before_the_journal_is_read_is_saved_again() {
    let cat = catalogue();
    let kv = saved_thrice(&cat);
    let (mut late, mut state, _) = deferred(&kv, &cat);
    let read = state.clone();
    for k in kv.keys().unwrap() {
        kv.remove(&k).unwrap();
    }
    assert_eq!(late.read_journal(&mut state, &cat), Ok(true));
    assert!(!late.journal_unread());
    // What was read stays, not saved anywhere any more.
    assert_eq!(state, read);
    assert!(late.has_pending());
    assert!(late.would_lose_on_close());
    let retried = late.retry(&mut state, &cat);
    assert_eq!((retried.merged, retried.saved), (None, Ok(())));
    assert!(!late.has_pending());
    assert_eq!(eager(&kv, &cat), state);
}
