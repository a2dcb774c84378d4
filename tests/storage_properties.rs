//! Property test: two tabs on one storage, random commands, refreshes and a quota that
//! fills up and frees again. Whatever the interleaving, no change a tab was told had
//! succeeded is lost without being reported as dropped, and storage ends up holding one
//! valid state that both tabs agree on.

mod common;

use common::*;
use mes_apps::domain::commands::{Command, Env, Outcome};
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::model::{Product, Timestamp};
use mes_apps::storage::kv::MemoryKv;
use mes_apps::storage::store::{Merged, ProductStore, Refresh, Retried, StorageIssue};
use proptest::prelude::*;

const APPS: [&str; 8] = [
    "banque-sereine",
    "tableau-clair",
    "stock-malin",
    "notes-eclair",
    "caisse-horizon",
    "paie-facile",
    "relances-pro",
    "prelevements-sepia",
];

#[derive(Clone, Debug)]
enum Op {
    Get(usize),
    Settings(usize, bool),
    Disconnect(usize),
}

#[derive(Clone, Debug)]
enum TabStep {
    Exec { tab: usize, actor: usize, op: Op },
    Refresh(usize),
    Retry(usize),
    QuotaFull,
    QuotaFree,
}

fn tab_step() -> impl Strategy<Value = TabStep> {
    let op = prop_oneof![
        (0usize..APPS.len()).prop_map(Op::Get),
        (0usize..APPS.len(), any::<bool>()).prop_map(|(a, b)| Op::Settings(a, b)),
        (0usize..APPS.len()).prop_map(Op::Disconnect),
    ];
    prop_oneof![
        8 => (0usize..2, 0usize..3, op).prop_map(|(tab, actor, op)| TabStep::Exec { tab, actor, op }),
        2 => (0usize..2).prop_map(TabStep::Refresh),
        1 => (0usize..2).prop_map(TabStep::Retry),
        1 => Just(TabStep::QuotaFull),
        1 => Just(TabStep::QuotaFree),
    ]
}

fn command(cat: &mes_apps::domain::catalogue::Catalogue, op: &Op) -> Command {
    match op {
        Op::Get(i) => get(APPS[*i], QB_COMPANY),
        Op::Settings(i, changed) => {
            let def = app_def(cat, APPS[*i]);
            let values = if *changed {
                changed_values(def)
            } else {
                mes_apps::domain::forms::settings::defaults(&def.settings)
            };
            update(APPS[*i], QB_COMPANY, values)
        }
        Op::Disconnect(i) => disconnect(APPS[*i], QB_COMPANY, reason(Reason::NoLongerNeeded)),
    }
}

/// How many of a tab's pending commands a merge dropped (none when nothing was merged).
fn merged_len(merged: &Merged) -> usize {
    merged.as_ref().map_or(0, Vec::len)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn two_tabs_lose_no_change(steps in prop::collection::vec(tab_step(), 0..40)) {
        let cat = catalogue();
        let product = Product::QuickBooks;
        let kv = MemoryKv::new();
        let actors = ["claire-martin", "julien-petit", "sophie-bernard"];
        let (store_a, state_a, _) = ProductStore::open(kv.clone(), product, &cat, NOW);
        let (store_b, state_b, _) = ProductStore::open(kv.clone(), product, &cat, NOW);
        let mut tabs = [(store_a, state_a), (store_b, state_b)];
        let start = tabs[0].1.journal.len();
        let mut succeeded = 0usize;
        let mut dropped = 0usize;
        let mut success_times = std::collections::HashSet::new();
        for (i, step) in steps.iter().enumerate() {
            match step {
                TabStep::Exec { tab, actor, op } => {
                    let (store, state) = &mut tabs[*tab];
                    // No refresh first: the command itself catches up with the other tab,
                    // and says what it dropped whether it succeeds or is refused.
                    let now = Timestamp(NOW.0 + i as i64);
                    let env = Env { catalogue: &cat, now };
                    let c = command(&cat, op);
                    match store.execute(state, &env, &u(actors[*actor]), &c) {
                        Ok(done) => {
                            prop_assert_ne!(&done.outcome, &Outcome::Reset);
                            succeeded += 1;
                            success_times.insert(now);
                            dropped += merged_len(&done.merged);
                            match done.saved {
                                Ok(()) | Err(StorageIssue::Full { .. }) => {}
                                Err(other) => prop_assert!(false, "unexpected {:?}", other),
                            }
                        }
                        Err(refused) => dropped += merged_len(&refused.merged),
                    }
                }
                TabStep::Refresh(tab) => {
                    let (store, state) = &mut tabs[*tab];
                    match store.refresh(state, &cat) {
                        Refresh::Unchanged => {}
                        Refresh::Reloaded { dropped: d } => dropped += d.len(),
                        Refresh::Failed(issue) => prop_assert!(false, "{:?}", issue),
                    }
                }
                TabStep::Retry(tab) => {
                    let (store, state) = &mut tabs[*tab];
                    let r = store.retry(state, &cat);
                    dropped += merged_len(&r.merged);
                    prop_assert!(
                        matches!(r.saved, Ok(()) | Err(StorageIssue::Full { .. })),
                        "{:?}",
                        r
                    );
                }
                TabStep::QuotaFull => kv.set_quota(Some(kv.used())),
                TabStep::QuotaFree => kv.set_quota(None),
            }
            for (_, state) in &tabs {
                prop_assert!(validate(state, product, &cat).is_ok());
            }
        }
        // Room is made and both tabs catch up and save what they hold.
        kv.set_quota(None);
        for (store, state) in tabs.iter_mut() {
            if let Refresh::Reloaded { dropped: d } = store.refresh(state, &cat) {
                dropped += d.len();
            }
            prop_assert_eq!(
                store.retry(state, &cat),
                Retried { merged: None, saved: Ok(()) }
            );
            prop_assert!(!store.has_pending());
        }
        for (store, state) in tabs.iter_mut() {
            match store.refresh(state, &cat) {
                Refresh::Unchanged => {}
                Refresh::Reloaded { dropped: d } => prop_assert!(d.is_empty()),
                Refresh::Failed(issue) => prop_assert!(false, "{:?}", issue),
            }
        }
        let (_, stored, issue) = ProductStore::open(kv.clone(), product, &cat, NOW);
        prop_assert_eq!(issue, None);
        prop_assert_eq!(&tabs[0].1, &stored);
        prop_assert_eq!(&tabs[1].1, &stored);
        prop_assert!(validate(&stored, product, &cat).is_ok());
        // Every success is in the stored journal, unless it was reported as dropped.
        prop_assert_eq!(stored.journal.len(), start + succeeded - dropped);
        // Each entry after the demo's is one success, once (re-applied, not duplicated).
        let mut seen = std::collections::HashSet::new();
        for e in &stored.journal[start..] {
            prop_assert!(success_times.contains(&e.at), "an entry nobody was told about");
            prop_assert!(seen.insert(e.at), "an entry saved twice");
        }
    }
}
