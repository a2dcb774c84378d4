//! Property tests: random sequences of commands by random actors (unknown ones included)
//! on both products never panic and keep the state's invariants after every step; and a
//! state saved through `ProductStore` over `MemoryKv` loads back equal.

mod common;

use std::collections::{BTreeMap, HashSet};

use common::*;
use mes_apps::domain::catalogue::{AppDef, Catalogue};
use mes_apps::domain::commands::{apply, Command, Env, Outcome};
use mes_apps::domain::forms::questionnaire::{Answers, Reason};
use mes_apps::domain::forms::settings::{self, SettingKind, SettingValue};
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Product, ProductState, Role as ModelRole, Timestamp};
use mes_apps::storage::kv::MemoryKv;
use mes_apps::storage::store::ProductStore;
use proptest::prelude::*;

/// Apps the commands pick from: those connected in the demo, those connected nowhere,
/// one of each product only, and an unknown one.
const APPS: [&str; 14] = [
    "banque-sereine",
    "tableau-clair",
    "stock-malin",
    "notes-eclair",
    "dossiers-partages",
    "temps-facture",
    "factures-express",
    "tresorerie-plus",
    "caisse-horizon",
    "paie-facile",
    "relances-pro",
    "terminal-mobile-cigale",
    "prelevements-sepia",
    "appli-inconnue",
];

fn company_pool(product: Product) -> Vec<&'static str> {
    let mut v = match product {
        // The business is listed several times so that it is picked most often.
        Product::QuickBooks => vec![QB_COMPANY, QB_COMPANY, QB_COMPANY, QB_COMPANY, FIRM],
        Product::ExpertComptable => {
            let mut v = vec![FIRM];
            v.extend(EC_CLIENTS);
            v
        }
    };
    v.push("entreprise-inconnue");
    v
}

fn actor_pool(product: Product) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = people(product).iter().map(|p| p.id).collect();
    v.push("inconnu");
    v
}

#[derive(Clone, Debug)]
enum Values {
    Defaults,
    Changed,
    /// Each setting takes a valid value chosen by the seed.
    Mix(u32),
    /// One setting gets an arbitrary value (often invalid).
    One(usize, SettingValue),
    UnknownKey,
    Empty,
}

#[derive(Clone, Debug)]
enum Step {
    Get(usize, usize),
    Update(usize, usize, Values),
    Disconnect(usize, usize, Option<Reason>, String),
    Reset,
}

fn setting_value() -> impl Strategy<Value = SettingValue> {
    prop_oneof![
        any::<bool>().prop_map(SettingValue::Bool),
        prop::sample::select(TEXT_CANDIDATES.to_vec()).prop_map(|s| SettingValue::Text(s.into())),
        prop::sample::select(vec![
            " 123456",
            "37A000",
            "a@b",
            "pas une adresse",
            "minuscules",
            "x\u{0}y",
            "quotidienne",
            "hebdomadaire",
            "cump",
        ])
        .prop_map(|s| SettingValue::Text(s.into())),
        "\\PC{0,12}".prop_map(SettingValue::Text),
    ]
}

fn values() -> impl Strategy<Value = Values> {
    prop_oneof![
        1 => Just(Values::Defaults),
        3 => Just(Values::Changed),
        3 => any::<u32>().prop_map(Values::Mix),
        3 => (0usize..4, setting_value()).prop_map(|(i, v)| Values::One(i, v)),
        1 => Just(Values::UnknownKey),
        1 => Just(Values::Empty),
    ]
}

fn other_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        Just("trop lente le matin".to_string()),
        Just("x".repeat(501)),
        Just("é".repeat(500)),
        Just("a\u{7}b".to_string()),
        "\\PC{0,30}",
        ".{0,20}",
    ]
}

fn reason_opt() -> impl Strategy<Value = Option<Reason>> {
    prop_oneof![
        1 => Just(None),
        6 => prop::sample::select(Reason::ALL.to_vec()).prop_map(Some),
    ]
}

fn step(with_reset: bool) -> impl Strategy<Value = Step> {
    let reset_weight = if with_reset { 1 } else { 0 };
    prop_oneof![
        4 => (0usize..APPS.len(), 0usize..8).prop_map(|(a, c)| Step::Get(a, c)),
        4 => (0usize..APPS.len(), 0usize..8, values()).prop_map(|(a, c, v)| Step::Update(a, c, v)),
        3 => (0usize..APPS.len(), 0usize..8, reason_opt(), other_text())
            .prop_map(|(a, c, r, t)| Step::Disconnect(a, c, r, t)),
        reset_weight => Just(Step::Reset),
    ]
}

fn resolve_values(def: Option<&AppDef>, spec: &Values) -> BTreeMap<String, SettingValue> {
    let Some(def) = def else {
        return BTreeMap::new();
    };
    let mut base = settings::defaults(&def.settings);
    match spec {
        Values::Defaults => base,
        Values::Changed => changed_values(def),
        Values::Mix(seed) => {
            for (i, s) in def.settings.iter().enumerate() {
                let pick = (seed >> (i * 4)) as usize;
                let v = match &s.kind {
                    SettingKind::Toggle { .. } => Some(SettingValue::Bool(pick.is_multiple_of(2))),
                    SettingKind::Choice { options, .. } => Some(SettingValue::Text(
                        options[pick % options.len()].value.clone(),
                    )),
                    SettingKind::Text { .. } => (0..TEXT_CANDIDATES.len())
                        .map(|k| {
                            SettingValue::Text(
                                TEXT_CANDIDATES[(pick + k) % TEXT_CANDIDATES.len()].into(),
                            )
                        })
                        .find(|v| s.validate(v).is_ok()),
                };
                if let Some(v) = v {
                    base.insert(s.key.clone(), v);
                }
            }
            base
        }
        Values::One(i, v) => {
            let key = def.settings[i % def.settings.len()].key.clone();
            base.insert(key, v.clone());
            base
        }
        Values::UnknownKey => {
            base.insert("cle-inconnue".into(), SettingValue::Bool(true));
            base
        }
        Values::Empty => BTreeMap::new(),
    }
}

fn resolve(product: Product, cat: &Catalogue, step: &Step) -> Command {
    let companies = company_pool(product);
    let company = |i: &usize| companies[i % companies.len()];
    match step {
        Step::Get(a, c) => get(APPS[*a], company(c)),
        Step::Update(a, c, v) => update(
            APPS[*a],
            company(c),
            resolve_values(cat.app(&common::a(APPS[*a])), v),
        ),
        Step::Disconnect(a, c, r, t) => disconnect(
            APPS[*a],
            company(c),
            Answers {
                reason: *r,
                other: t.clone(),
            },
        ),
        Step::Reset => Command::Reset,
    }
}

/// The invariants of a product state, whatever happened before.
fn check_state(
    state: &ProductState,
    product: Product,
    cat: &Catalogue,
) -> Result<(), TestCaseError> {
    let mut pairs = HashSet::new();
    for c in &state.connections {
        prop_assert!(
            pairs.insert((c.app.clone(), c.company.clone())),
            "{} connected twice to {}",
            c.app,
            c.company
        );
        // A connection nobody manages is allowed; one managed by an unknown user is not.
        if let Some(m) = &c.manager {
            prop_assert!(state.user(m).is_some(), "manager {} unknown", m);
        }
        prop_assert!(state.company(&c.company).is_some());
        prop_assert!(cat.app(&c.app).is_some_and(|a| a.supports(product)));
    }
    let v = validate(state, product, cat);
    prop_assert!(v.is_ok(), "validate: {:?}", v);
    Ok(())
}

fn run_sequence(
    product: Product,
    cat: &Catalogue,
    steps: &[(usize, Step)],
) -> Result<ProductState, TestCaseError> {
    let actors = actor_pool(product);
    let mut state = demo_state(product, cat);
    let base_users = state.users.clone();
    let base_companies = state.companies.clone();
    for (i, (actor_index, step)) in steps.iter().enumerate() {
        let actor = actors[actor_index % actors.len()];
        let command = resolve(product, cat, step);
        let before = state.clone();
        let env = Env {
            catalogue: cat,
            now: Timestamp(NOW.0 + i as i64 * 1000),
        };
        let result = apply(&mut state, &env, &u(actor), &command);
        let is_standard = before
            .user(&u(actor))
            .is_some_and(|u| u.role == ModelRole::Standard);
        match &result {
            Err(_) => prop_assert_eq!(&state, &before, "a refusal changed the state"),
            Ok(outcome) => {
                prop_assert!(!is_standard, "a standard user succeeded: {:?}", outcome);
                prop_assert!(
                    before.user(&u(actor)).is_some(),
                    "an unknown user succeeded"
                );
                prop_assert_eq!(state.journal.len(), before.journal.len() + 1);
                let entry = state.journal.last().unwrap();
                prop_assert_eq!(&entry.actor, &u(actor));
                prop_assert_eq!(entry.at, env.now);
                prop_assert_eq!(entry.seq, before.journal.last().map_or(1, |e| e.seq + 1));
                if let Some((app, company)) = command.target() {
                    prop_assert_eq!(entry.app.as_ref(), Some(app));
                    prop_assert_eq!(&entry.company, company);
                }
                match outcome {
                    Outcome::Disconnected { app, company } => {
                        prop_assert!(state.connection(app, company).is_none())
                    }
                    Outcome::Added { app, company, kind } => {
                        prop_assert_eq!(*kind, kind_of(product));
                        prop_assert_eq!(&entry.event, &kind.event());
                        prop_assert_eq!(
                            state
                                .connection(app, company)
                                .and_then(|c| c.manager.as_ref()),
                            Some(&u(actor))
                        )
                    }
                    Outcome::Transferred { app, company, .. } => prop_assert_eq!(
                        state
                            .connection(app, company)
                            .and_then(|c| c.manager.as_ref()),
                        Some(&u(actor))
                    ),
                    Outcome::SettingsSaved {
                        app,
                        company,
                        changes,
                    } => {
                        prop_assert!(!changes.is_empty());
                        prop_assert_eq!(
                            state.connection(app, company).map(|c| c.manager.clone()),
                            before.connection(app, company).map(|c| c.manager.clone())
                        );
                    }
                    Outcome::Reset => prop_assert!(false, "no reset is generated"),
                    other => prop_assert!(false, "not a generated command's outcome: {:?}", other),
                }
            }
        }
        if is_standard {
            prop_assert_eq!(&state, &before, "a standard user changed something");
        }
        // The journal only grows: the old journal is a prefix of the new one.
        prop_assert!(state.journal.len() >= before.journal.len());
        prop_assert_eq!(&state.journal[..before.journal.len()], &before.journal[..]);
        prop_assert_eq!(&state.users, &base_users);
        prop_assert_eq!(&state.companies, &base_companies);
        check_state(&state, product, cat)?;
    }
    Ok(state)
}

fn product() -> impl Strategy<Value = Product> {
    prop::sample::select(Product::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_commands_keep_the_invariants(
        product in product(),
        steps in prop::collection::vec((0usize..4, step(false)), 0..40),
    ) {
        let cat = catalogue();
        run_sequence(product, &cat, &steps)?;
    }

    #[test]
    fn standard_users_change_nothing(
        product in product(),
        steps in prop::collection::vec(step(false), 0..30),
    ) {
        let cat = catalogue();
        let standard = people(product)[2].id;
        let mut state = demo_state(product, &cat);
        let start = state.clone();
        for s in &steps {
            let command = resolve(product, &cat, s);
            let r = apply(&mut state, &env(&cat), &u(standard), &command);
            // Refused for their rights or for an unknown reference: rights come before
            // whether the app is connected there or the values are valid.
            prop_assert!(
                matches!(
                    r,
                    Err(DomainError::Forbidden { .. }
                        | DomainError::ClientNotAccessible { .. }
                        | DomainError::TakeOverReserved { .. }
                        | DomainError::UnknownApp(_)
                        | DomainError::AppNotAvailable { .. }
                        | DomainError::UnknownCompany(_))
                ),
                "{:?} by a standard user: {:?}",
                command,
                r
            );
        }
        prop_assert_eq!(state, start);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The same commands through the store give the same state as `apply`, and a fresh
    /// store on the same storage loads it back equal. Resets are included here, so that
    /// new journal generations are saved and read too.
    #[test]
    fn store_saves_and_loads_back_the_same_state(
        product in product(),
        steps in prop::collection::vec((0usize..4, step(true)), 0..25),
    ) {
        let cat = catalogue();
        let actors = actor_pool(product);
        let kv = MemoryKv::new();
        let (mut store, mut state, issue) = ProductStore::open(kv.clone(), product, &cat, NOW);
        prop_assert!(issue.is_none());
        let mut pure = state.clone();
        for (i, (actor_index, s)) in steps.iter().enumerate() {
            let actor = u(actors[actor_index % actors.len()]);
            let command = resolve(product, &cat, s);
            let env = Env { catalogue: &cat, now: Timestamp(NOW.0 + i as i64) };
            let expected = apply(&mut pure, &env, &actor, &command);
            // One tab alone: nothing is ever merged.
            match store.execute(&mut state, &env, &actor, &command) {
                Ok(done) => {
                    prop_assert_eq!(Ok(done.outcome), expected);
                    prop_assert_eq!(done.merged, None);
                    prop_assert_eq!(done.saved, Ok(()));
                    prop_assert!(!store.has_pending());
                }
                Err(refused) => {
                    prop_assert_eq!(Err(refused.error), expected);
                    prop_assert_eq!(refused.merged, None);
                }
            }
            prop_assert_eq!(&state, &pure);
        }
        let (_, loaded, issue) = ProductStore::open(kv.clone(), product, &cat, NOW);
        prop_assert!(issue.is_none(), "{:?}", issue);
        prop_assert_eq!(&loaded, &state);
        // Only the current generation's chunks are left.
        let keys = mes_apps::storage::kv::KeyValue::keys(&kv).unwrap();
        let prefix = mes_apps::storage::schema::journal_prefix(product);
        let generations: HashSet<&str> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter_map(|rest| rest.split('/').next())
            .collect();
        prop_assert!(generations.len() <= 1, "{:?}", keys);
    }

    /// Any valid state (reached by random commands) survives `replace` then reopening.
    #[test]
    fn replaced_state_round_trips(
        product in product(),
        steps in prop::collection::vec((0usize..4, step(false)), 0..25),
    ) {
        let cat = catalogue();
        let state = run_sequence(product, &cat, &steps)?;
        let kv = MemoryKv::new();
        let (mut store, mut current, _) = ProductStore::open(kv.clone(), product, &cat, NOW);
        prop_assert_eq!(store.replace(&mut current, state.clone()), Ok(()));
        prop_assert_eq!(&current, &state);
        let (_, loaded, issue) = ProductStore::open(kv, product, &cat, NOW);
        prop_assert!(issue.is_none());
        prop_assert_eq!(loaded, state);
    }
}
