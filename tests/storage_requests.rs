//! Requests and suspensions in storage and exchange: saved and read back, absent from old
//! data (which still loads), and hostile ones in an import refused with a clear message
//! at their place in the file, nothing replaced.

mod common;

use common::*;
use mes_apps::domain::commands::Command;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::model::Product;
use mes_apps::domain::requests::MAX_MESSAGE;
use mes_apps::storage::exchange::{export, import};
use mes_apps::storage::kv::MemoryKv;
use mes_apps::storage::store::ProductStore;
use serde_json::{json, Value};

const QB: Product = Product::QuickBooks;

fn with_request_and_suspension() -> mes_apps::domain::model::ProductState {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let ask = Command::Request {
        app: a("paie-facile"),
        company: c(QB_COMPANY),
        message: "Pour la paie".into(),
    };
    apply_checked(&mut s, &cat, "sophie-bernard", &ask).unwrap();
    let suspend = Command::Suspend {
        app: a("stock-malin"),
        company: c(QB_COMPANY),
    };
    apply_checked(&mut s, &cat, "claire-martin", &suspend).unwrap();
    s
}

#[test]
fn requests_and_suspensions_are_saved_and_read_back() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), QB, &cat, NOW);
    let wanted = with_request_and_suspension();
    store.replace(&mut state, wanted.clone()).unwrap();
    let (_, loaded, issue) = ProductStore::open(kv, QB, &cat, NOW);
    assert_eq!(issue, None);
    assert_eq!(loaded.requests, wanted.requests);
    assert_eq!(loaded, wanted);
    // And through a file.
    assert_eq!(
        import(&export(&wanted, NOW), QB, &cat, Lang::Fr),
        Ok(wanted)
    );
}

#[test]
fn data_without_requests_or_suspensions_still_loads() {
    let cat = catalogue();
    let text = export(&demo_state(QB, &cat), NOW);
    assert!(!text.contains("requests") && !text.contains("suspended"));
    let read = import(&text, QB, &cat, Lang::Fr).unwrap();
    assert!(read.requests.is_empty());
    assert!(read.connections.iter().all(|c| c.suspended.is_none()));
}

fn hostile(f: impl FnOnce(&mut Value)) -> Vec<String> {
    let cat = catalogue();
    let mut v: Value = serde_json::from_str(&export(&with_request_and_suspension(), NOW)).unwrap();
    f(&mut v);
    import(&serde_json::to_string(&v).unwrap(), QB, &cat, Lang::Fr).expect_err("refused")
}

#[test]
fn hostile_requests_in_an_import_are_refused_at_their_place() {
    let long = "x".repeat(MAX_MESSAGE + 1);
    let m = hostile(|v| v["data"]["requests"][0]["message"] = json!(long));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        plain(&m[0]).starts_with("data.requests[0].message : "),
        "{m:?}"
    );
    assert!(m[0].contains("500"), "{m:?}");
    let m = hostile(|v| v["data"]["requests"][0]["message"] = json!("a\u{1b}[31mb"));
    assert!(m[0].contains("contrôle"), "{m:?}");
    let m = hostile(|v| v["data"]["requests"][0]["requester"] = json!("personne"));
    assert!(
        m[0].contains("data.requests[0].requester") && m[0].contains("personne"),
        "{m:?}"
    );
    let m = hostile(|v| {
        let first = v["data"]["requests"][0].clone();
        let mut second = first.clone();
        second["id"] = json!(7);
        v["data"]["requests"] = json!([first, second]);
    });
    assert!(
        m.iter()
            .any(|x| plain(x).contains("deux demandes en attente")),
        "{m:?}"
    );
    let m = hostile(|v| {
        let c = v["data"]["connections"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|c| c.get("suspended").is_some())
            .unwrap();
        c["suspended"]["by"] = json!("intrus");
    });
    assert!(m[0].contains("suspended.by"), "{m:?}");
}
