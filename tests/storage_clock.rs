//! The demo's clock, receipts and last uses in storage and in files: saved and read back,
//! exported and imported, old data without them still read (clock at 0, no receipt,
//! counted from the connection's date), and out-of-bounds values refused.

mod common;

use common::*;
use mes_apps::domain::commands::Command;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::health::clock::{self, DAY_MS};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::model::Product;
use mes_apps::storage::exchange::{export, import};
use mes_apps::storage::kv::{KeyValue, MemoryKv};
use mes_apps::storage::schema::state_key;
use mes_apps::storage::store::ProductStore;
use serde_json::Value;

const QB: Product = Product::QuickBooks;

/// A state with the clock ahead, a receipt and a recorded use.
fn aged(cat: &mes_apps::domain::catalogue::Catalogue) -> mes_apps::domain::model::ProductState {
    let mut state = demo_state(QB, cat);
    apply_checked(
        &mut state,
        cat,
        "sophie-bernard",
        &Command::AdvanceClock { days: 30 },
    )
    .unwrap();
    apply_checked(
        &mut state,
        cat,
        "claire-martin",
        &disconnect("stock-malin", QB_COMPANY, reason(Reason::Troubleshooting)),
    )
    .unwrap();
    apply_checked(
        &mut state,
        cat,
        "claire-martin",
        &Command::Launch {
            app: a("banque-sereine"),
            company: c(QB_COMPANY),
        },
    )
    .unwrap();
    state
}

#[test]
fn the_clock_and_receipts_are_saved_and_read_back() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    for (actor, command) in [
        ("sophie-bernard", Command::AdvanceClock { days: 30 }),
        (
            "claire-martin",
            disconnect("stock-malin", QB_COMPANY, reason(Reason::ManagerLeft)),
        ),
        (
            "claire-martin",
            Command::Launch {
                app: a("banque-sereine"),
                company: c(QB_COMPANY),
            },
        ),
    ] {
        let done = store
            .execute(&mut state, &env(&cat), &u(actor), &command)
            .unwrap();
        assert_eq!(done.saved, Ok(()));
    }
    let (_, read, issue) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    assert_eq!(issue, None);
    assert_eq!(read, state);
    assert_eq!(read.clock_offset, 30 * DAY_MS);
    assert_eq!(read.receipts.len(), 2, "the demo's and this one");
    let envelope: Value = serde_json::from_str(&kv.get(&state_key(QB)).unwrap().unwrap()).unwrap();
    assert_eq!(envelope["data"]["clock_offset"], 30 * DAY_MS);
    assert!(envelope["data"]["connections"][0]["last_used"].is_i64());
}

#[test]
fn data_saved_before_the_clock_still_reads() {
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
    // What an older version wrote: no clock, no receipts, no last use.
    let raw = kv.get(&state_key(QB)).unwrap().unwrap();
    let mut v: Value = serde_json::from_str(&raw).unwrap();
    let data = v["data"].as_object_mut().unwrap();
    data.remove("clock_offset");
    data.remove("receipts");
    for conn in data["connections"].as_array_mut().unwrap() {
        conn.as_object_mut().unwrap().remove("last_used");
    }
    kv.set(&state_key(QB), &v.to_string()).unwrap();
    let (_, read, issue) = ProductStore::open(kv, QB, &cat, NOW);
    assert_eq!(issue, None);
    assert_eq!(read.clock_offset, 0);
    assert!(read.receipts.is_empty());
    let conn = read
        .connection(&a("caisse-horizon"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(conn.last_used, None);
    assert_eq!(conn.last_use(), conn.since, "counted from when it was made");
}

#[test]
fn export_and_import_keep_the_clock_receipts_and_uses() {
    let cat = catalogue();
    let state = aged(&cat);
    let text = export(&state, NOW);
    let back = import(&text, QB, &cat, Lang::Fr).unwrap();
    assert_eq!(back, state);
    // A file from before the clock: read with the clock at 0.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let data = v["data"].as_object_mut().unwrap();
    data.remove("clock_offset");
    data.remove("receipts");
    let old = import(&v.to_string(), QB, &cat, Lang::Fr).unwrap();
    assert_eq!(old.clock_offset, 0);
    assert!(old.receipts.is_empty());
}

#[test]
fn an_out_of_bounds_clock_or_last_use_is_refused() {
    let cat = catalogue();
    let text = export(&aged(&cat), NOW);
    for (offset, ok) in [
        (Value::from(-1), false),
        (Value::from((clock::MAX_OFFSET_DAYS + 1) * DAY_MS), false),
        (Value::from(clock::MAX_OFFSET_DAYS * DAY_MS), true),
    ] {
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["data"]["clock_offset"] = offset.clone();
        match import(&v.to_string(), QB, &cat, Lang::Fr) {
            Ok(_) => assert!(ok, "{offset} accepted"),
            Err(problems) => {
                assert!(!ok, "{offset} refused: {problems:?}");
                assert!(
                    problems
                        .iter()
                        .any(|p| plain(p).starts_with("data.clock_offset : ")),
                    "{problems:?}"
                );
            }
        }
    }
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["data"]["connections"][0]["last_used"] = Value::from(-5);
    let problems = import(&v.to_string(), QB, &cat, Lang::Fr).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| plain(p).starts_with("data.connections[0].last_used : ")),
        "{problems:?}"
    );
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["data"]["receipts"][0]["app"] = Value::from("inconnue");
    let problems = import(&v.to_string(), QB, &cat, Lang::Fr).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("data.receipts[0].app")),
        "{problems:?}"
    );
}

#[test]
fn two_tabs_merge_the_clock_like_any_command() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut tab_a, mut state_a, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    let (mut tab_b, mut state_b, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    tab_a.set_writer(1);
    tab_b.set_writer(2);
    tab_a
        .execute(
            &mut state_a,
            &env(&cat),
            &u("claire-martin"),
            &Command::AdvanceClock { days: 30 },
        )
        .unwrap();
    // The other tab had not seen it: its own command lands on the moved clock.
    let done = tab_b
        .execute(
            &mut state_b,
            &env(&cat),
            &u("claire-martin"),
            &get("caisse-horizon", QB_COMPANY),
        )
        .unwrap();
    assert_eq!(done.merged, Some(Vec::new()));
    assert_eq!(state_b.clock_offset, 30 * DAY_MS);
    let conn = state_b
        .connection(&a("caisse-horizon"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(conn.since.0, NOW.0 + 30 * DAY_MS);
    let (_, read, _) = ProductStore::open(kv, QB, &cat, NOW);
    assert_eq!(read, state_b);
}
