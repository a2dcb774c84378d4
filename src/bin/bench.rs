//! Measurements only, never part of the app: a separate wasm (bench/index.html) whose
//! functions `make bench` calls from the page to time matching and persistence on large
//! generated data, and to hand the same data to a JavaScript peer.

#[cfg(target_arch = "wasm32")]
mod measures {
    use std::collections::BTreeMap;

    use mes_apps::domain::catalogue::Catalogue;
    use mes_apps::domain::command::{Command, Env};
    use mes_apps::domain::demo;
    use mes_apps::domain::journal::{Event, JournalEntry, SettingChange};
    use mes_apps::domain::model::{AppId, CompanyId, Connection, Product, Timestamp, UserId};
    use mes_apps::domain::search::{search, Searcher};
    use mes_apps::domain::settings::{self, SettingKind, SettingValue};
    use mes_apps::storage::browser::BrowserKv;
    use mes_apps::storage::store::ProductStore;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    /// The generated catalogue of `n` apps as JSON, for the peer to search the same data.
    #[wasm_bindgen]
    pub fn bench_catalogue(n: usize) -> String {
        #[derive(Serialize)]
        struct Row<'a> {
            name: &'a str,
            publisher: &'a str,
            tagline: &'a str,
            description: &'a str,
            category: &'a str,
        }
        let cat = Catalogue::generated(n);
        let rows: Vec<Row> = cat
            .apps()
            .iter()
            .map(|a| Row {
                name: &a.name,
                publisher: &a.publisher,
                tagline: &a.tagline,
                description: &a.description,
                category: a.category.label(),
            })
            .collect();
        serde_json::to_string(&rows).unwrap_or_default()
    }

    /// Milliseconds of matching alone (no rendering) for each query, over `n` generated
    /// apps, and the number of results, as JSON `[[ms, count], …]`. `typed`: the queries
    /// are successive keystrokes searched as the app does (each filters the previous
    /// matches); otherwise each is a full scan of the catalogue.
    #[wasm_bindgen]
    pub fn bench_match(n: usize, queries: Vec<String>, typed: bool) -> String {
        let cat = Catalogue::generated(n);
        let mut searcher = Searcher::default();
        let rows: Vec<(f64, usize)> = queries
            .iter()
            .map(|q| {
                let t = now();
                let found = if typed {
                    searcher.search(&cat, Product::QuickBooks, q, None)
                } else {
                    search(&cat, Product::QuickBooks, q, None)
                };
                (now() - t, found.len())
            })
            .collect();
        serde_json::to_string(&rows).unwrap_or_default()
    }

    /// Builds a QuickBooks state with `connections` connections and `journal` entries over
    /// a generated catalogue, then times in localStorage: a full save, `runs` saves after
    /// one command each (what a user's action costs), and `runs` loads. JSON out.
    #[wasm_bindgen]
    pub fn bench_persistence(connections: usize, journal: usize, runs: usize) -> String {
        let cat = Catalogue::generated(connections + 10);
        let Ok(kv) = BrowserKv::open() else {
            return "{\"error\": \"localStorage indisponible\"}".into();
        };
        let mut state = demo::state(Product::QuickBooks, &cat);
        state.connections.clear();
        state.journal.clear();
        let company = CompanyId::new(demo::QB_COMPANY);
        let manager = UserId::new("julien-petit");
        for app in cat.apps().iter().take(connections) {
            state.connections.push(Connection {
                app: app.id.clone(),
                company: company.clone(),
                manager: manager.clone(),
                since: Timestamp(1_750_000_000_000),
                transferred: None,
                settings: settings::defaults(&app.settings),
            });
        }
        for i in 0..journal {
            let app = &cat.apps()[i % connections.max(1)];
            let event = match (i % 3, app.settings.first()) {
                (1, Some(s)) => Event::SettingsChange {
                    changes: vec![SettingChange {
                        key: s.key.clone(),
                        from: Some(s.default_value()),
                        to: s.default_value(),
                    }],
                },
                _ => Event::Connection,
            };
            state.journal.push(JournalEntry {
                seq: i as u64 + 1,
                at: Timestamp(1_750_000_000_000 + i as i64 * 60_000),
                product: Product::QuickBooks,
                actor: manager.clone(),
                company: company.clone(),
                app: app.id.clone(),
                event,
            });
        }
        let _ = kv.keys().map(|keys| {
            for k in keys {
                let _ = mes_apps::storage::kv::KeyValue::remove(&kv, &k);
            }
        });
        use mes_apps::storage::kv::KeyValue;
        let (mut store, _, _) = ProductStore::open(kv.clone(), Product::QuickBooks, &cat);
        let mut working = state.clone();
        let t = now();
        let full = store.replace(&mut working, state.clone());
        let save_full = now() - t;
        let mut save = Vec::new();
        // One action: switching an on/off setting of a connection (a different one each
        // time), which changes the connections and appends one journal entry.
        let toggles: Vec<(AppId, String)> = cat
            .apps()
            .iter()
            .take(connections)
            .filter_map(|a| {
                a.settings
                    .iter()
                    .find(|s| matches!(s.kind, SettingKind::Toggle { .. }))
                    .map(|s| (a.id.clone(), s.key.clone()))
            })
            .collect();
        for i in 0..runs {
            let Some((app, key)) = toggles.get(i % toggles.len().max(1)) else {
                break;
            };
            let mut values: BTreeMap<String, SettingValue> = working
                .connection(app, &company)
                .map(|c| c.settings.clone())
                .unwrap_or_default();
            let on = matches!(values.get(key), Some(SettingValue::Bool(true)));
            values.insert(key.clone(), SettingValue::Bool(!on));
            let command = Command::UpdateSettings {
                app: app.clone(),
                company: company.clone(),
                values,
            };
            let env = Env {
                catalogue: &cat,
                now: Timestamp(1_760_000_000_000 + i as i64),
            };
            let t = now();
            let done = store.execute(&mut working, &env, &manager, &command);
            let ms = now() - t;
            if matches!(done, Ok(ref e) if e.saved.is_ok()) {
                save.push(ms);
            }
        }
        let mut load = Vec::new();
        let mut loaded_ok = true;
        for _ in 0..runs {
            let t = now();
            let (_, loaded, issue) = ProductStore::open(kv.clone(), Product::QuickBooks, &cat);
            load.push(now() - t);
            loaded_ok &= issue.is_none() && loaded == working;
        }
        let bytes: usize = kv
            .keys()
            .unwrap_or_default()
            .iter()
            .filter(|k| k.starts_with("mes-apps/quickbooks"))
            .map(|k| k.len() + kv.get(k).ok().flatten().map_or(0, |v| v.len()))
            .sum();
        #[derive(Serialize)]
        struct Out {
            full_save_ok: bool,
            save_full_ms: f64,
            save_ms: Vec<f64>,
            load_ms: Vec<f64>,
            loaded_equal: bool,
            stored_chars: usize,
        }
        serde_json::to_string(&Out {
            full_save_ok: full.is_ok(),
            save_full_ms: save_full,
            save_ms: save,
            load_ms: load,
            loaded_equal: loaded_ok,
            stored_chars: bytes,
        })
        .unwrap_or_default()
    }
}

fn main() {}
