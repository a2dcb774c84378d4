//! Measurements only, never part of the app: a separate wasm (bench/index.html) whose
//! functions `make bench` calls from the page to time matching and persistence on large
//! generated data, and to hand the same data to a JavaScript peer. A library of its own
//! (`scripts/build.sh` builds it with `PACKAGE=mes-apps-bench`), so that the app's crate
//! has one binary, the app; on the host it is empty.

#[cfg(target_arch = "wasm32")]
mod measures {
    use std::collections::BTreeMap;

    use mes_apps::domain::catalogue::Catalogue;
    use mes_apps::domain::commands::{Command, Env};
    use mes_apps::domain::data::demo;
    use mes_apps::domain::forms::settings::{self, SettingKind, SettingValue};
    use mes_apps::domain::journal::{Event, JournalEntry, SettingChange};
    use mes_apps::domain::model::{
        AppId, CompanyId, Connection, Product, ProductState, Timestamp, UserId,
    };
    use mes_apps::domain::views::search::{search, Searcher};
    use mes_apps::storage::browser::BrowserKv;
    use mes_apps::storage::kv::KeyValue;
    use mes_apps::storage::store::ProductStore;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// The real time the measures' demo data are made at: any will do, nothing here ages.
    const BENCH_NOW: Timestamp = Timestamp(1_750_000_000_000);

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
                category: a.category.label(mes_apps::domain::i18n::Lang::Fr),
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
    /// Milliseconds of a bulk install for every client of the grand-cabinet firm where an
    /// app is not installed yet (about 200), applied and saved in one command, `runs`
    /// times from the same saved firm; JSON `{"targets": n, "ms": [..], "done": n}`.
    #[wasm_bindgen]
    pub fn bench_bulk_install(runs: usize) -> String {
        use mes_apps::domain::data::scenario::Scenario;
        let cat = match Catalogue::shipped() {
            Ok(c) => c,
            Err(_) => return String::new(),
        };
        let Some(firm) = Scenario::GrandCabinet.build(Product::ExpertComptable, &cat, BENCH_NOW)
        else {
            return String::new();
        };
        // The app installed at the fewest clients.
        let app = cat
            .apps()
            .iter()
            .filter(|a| a.supports(Product::ExpertComptable))
            .min_by_key(|a| firm.connections.iter().filter(|c| c.app == a.id).count())
            .map(|a| a.id.clone());
        let Some(app) = app else {
            return String::new();
        };
        let values = cat
            .app(&app)
            .map(|a| settings::defaults(&a.settings))
            .unwrap_or_default();
        let batch = Command::Batch(
            firm.clients()
                .filter(|c| firm.connection(&app, &c.id).is_none())
                .map(|c| Command::GetWithSettings {
                    app: app.clone(),
                    company: c.id.clone(),
                    values: values.clone(),
                })
                .collect(),
        );
        let targets = match &batch {
            Command::Batch(b) => b.len(),
            _ => 0,
        };
        let Ok(kv) = BrowserKv::open() else {
            return String::new();
        };
        let env = Env {
            catalogue: &cat,
            now: BENCH_NOW,
        };
        let mut times = Vec::new();
        let mut done = 0;
        for _ in 0..runs {
            clear(&kv);
            let (mut store, mut state, _) =
                ProductStore::open(kv.clone(), Product::ExpertComptable, &cat, BENCH_NOW);
            let _ = store.replace(&mut state, firm.clone());
            let t = now();
            let result = store.execute(&mut state, &env, &UserId::new("marie-dupont"), &batch);
            times.push(now() - t);
            if let Ok(e) = result {
                done = usize::from(e.saved.is_ok()) * targets;
            }
        }
        clear(&kv);
        format!(
            "{{\"targets\":{targets},\"done\":{done},\"ms\":{}}}",
            serde_json::to_string(&times).unwrap_or_default()
        )
    }

    #[wasm_bindgen]
    pub fn bench_persistence(connections: usize, journal: usize, runs: usize) -> String {
        let cat = Catalogue::generated(connections + 10);
        let Ok(kv) = BrowserKv::open() else {
            return "{\"error\": \"localStorage indisponible\"}".into();
        };
        let state = generated_state(&cat, connections, journal);
        clear(&kv);
        let (mut store, _, _) =
            ProductStore::open(kv.clone(), Product::QuickBooks, &cat, BENCH_NOW);
        let mut working = state.clone();
        let t = now();
        let full = store.replace(&mut working, state);
        let save_full = now() - t;
        let save = time_saves(&mut store, &mut working, &cat, connections, runs);
        let (load, journal_read, loaded_ok) = time_loads(&kv, &cat, &working, runs);
        serde_json::to_string(&Persistence {
            full_save_ok: full.is_ok(),
            save_full_ms: save_full,
            save_ms: save,
            load_ms: load,
            journal_ms: journal_read,
            loaded_equal: loaded_ok,
            stored_chars: stored_chars(&kv),
        })
        .unwrap_or_default()
    }

    /// What `bench_persistence` measured.
    #[derive(Serialize)]
    struct Persistence {
        full_save_ok: bool,
        save_full_ms: f64,
        save_ms: Vec<f64>,
        load_ms: Vec<f64>,
        journal_ms: Vec<f64>,
        loaded_equal: bool,
        stored_chars: usize,
    }

    fn company() -> CompanyId {
        CompanyId::new(demo::QB_COMPANY)
    }

    fn manager() -> UserId {
        UserId::new("julien-petit")
    }

    /// The QuickBooks demo's company and users with `connections` connections to the
    /// catalogue's first apps and `journal` entries (connections and settings changes).
    fn generated_state(cat: &Catalogue, connections: usize, journal: usize) -> ProductState {
        let mut state = demo::state(Product::QuickBooks, cat, BENCH_NOW);
        state.connections.clear();
        state.journal.clear();
        for app in cat.apps().iter().take(connections) {
            state.connections.push(Connection::made(
                (app.id.clone(), company()),
                manager(),
                Timestamp(1_750_000_000_000),
                1,
                settings::defaults(&app.settings),
            ));
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
                actor: manager(),
                company: company(),
                app: Some(app.id.clone()),
                event,
            });
        }
        state
    }

    /// Empties localStorage, so that each measure starts from nothing.
    fn clear(kv: &BrowserKv) {
        for k in kv.keys().unwrap_or_default() {
            let _ = kv.remove(&k);
        }
    }

    /// Milliseconds of `runs` commands saved one by one. Each command switches an on/off
    /// setting of a connection (a different one each time), which changes the
    /// connections and appends one journal entry.
    fn time_saves(
        store: &mut ProductStore<BrowserKv>,
        working: &mut ProductState,
        cat: &Catalogue,
        connections: usize,
        runs: usize,
    ) -> Vec<f64> {
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
        let mut save = Vec::new();
        for i in 0..runs {
            let Some((app, key)) = toggles.get(i % toggles.len().max(1)) else {
                break;
            };
            let command = toggled(working, app, key);
            let env = Env {
                catalogue: cat,
                now: Timestamp(1_760_000_000_000 + i as i64),
            };
            let t = now();
            let done = store.execute(working, &env, &manager(), &command);
            let ms = now() - t;
            if matches!(done, Ok(ref e) if e.saved.is_ok()) {
                save.push(ms);
            }
        }
        save
    }

    /// The command that switches the on/off setting `key` of `app`'s connection.
    fn toggled(state: &ProductState, app: &AppId, key: &str) -> Command {
        let mut values: BTreeMap<String, SettingValue> = state
            .connection(app, &company())
            .map(|c| c.settings.clone())
            .unwrap_or_default();
        let on = matches!(values.get(key), Some(SettingValue::Bool(true)));
        values.insert(key.to_string(), SettingValue::Bool(!on));
        Command::UpdateSettings {
            app: app.clone(),
            company: company(),
            values,
        }
    }

    /// Milliseconds of `runs` loads as the app loads at start (the journal left in
    /// storage), then of reading that journal once the first page is shown; and whether
    /// each gave back `expected` without issue.
    fn time_loads(
        kv: &BrowserKv,
        cat: &Catalogue,
        expected: &ProductState,
        runs: usize,
    ) -> (Vec<f64>, Vec<f64>, bool) {
        let (mut load, mut journal) = (Vec::new(), Vec::new());
        let mut loaded_ok = true;
        for _ in 0..runs {
            let t = now();
            let (mut store, mut loaded, issue) =
                ProductStore::open_deferred(kv.clone(), Product::QuickBooks, cat, BENCH_NOW);
            let opened = now();
            let read = store.read_journal(&mut loaded, cat);
            journal.push(now() - opened);
            load.push(opened - t);
            loaded_ok &= issue.is_none() && read == Ok(true) && &loaded == expected;
        }
        (load, journal, loaded_ok)
    }

    /// The characters the QuickBooks keys and values take in localStorage.
    fn stored_chars(kv: &BrowserKv) -> usize {
        kv.keys()
            .unwrap_or_default()
            .iter()
            .filter(|k| k.starts_with("mes-apps/quickbooks"))
            .map(|k| k.len() + kv.get(k).ok().flatten().map_or(0, |v| v.len()))
            .sum()
    }
}
