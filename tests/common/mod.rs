//! Shared helpers for the host tests: the shipped catalogue, the demo states, short
//! constructors for ids and commands, and the role table of PRODUCT.md written out
//! independently of `permissions.rs` so that the tests check the code against the
//! document, not against itself.
#![allow(dead_code)]

use std::collections::BTreeMap;

use mes_apps::domain::catalogue::product::GetKind;
use mes_apps::domain::catalogue::{AppDef, Catalogue};
use mes_apps::domain::commands::{apply, Command, Env, Outcome};
use mes_apps::domain::data::demo;
use mes_apps::domain::forms::questionnaire::{Answers, Reason};
use mes_apps::domain::forms::settings::{self, SettingKind, SettingValue};
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{
    AppId, CompanyId, Connection, Product, ProductState, Timestamp, UserId,
};

pub const QB_COMPANY: &str = "boulangerie-martin";
pub const FIRM: &str = "cabinet-dupont";
pub const EC_CLIENTS: [&str; 6] = [
    "boulangerie-martin",
    "garage-lefevre",
    "fleurs-de-provence",
    "studio-nova",
    "restaurant-le-comptoir",
    "pharmacie-du-port",
];
pub const LEA_CLIENTS: [&str; 3] = ["boulangerie-martin", "fleurs-de-provence", "studio-nova"];
/// A fixed "now", after every demo date.
pub const NOW: Timestamp = Timestamp(1_800_000_000_000);

pub fn catalogue() -> Catalogue {
    Catalogue::shipped().expect("the shipped catalogue parses")
}

pub fn demo_state(product: Product, cat: &Catalogue) -> ProductState {
    demo::state(product, cat, NOW)
}

pub fn env(cat: &Catalogue) -> Env<'_> {
    Env {
        catalogue: cat,
        now: NOW,
    }
}

pub fn env_at(cat: &Catalogue, now: i64) -> Env<'_> {
    Env {
        catalogue: cat,
        now: Timestamp(now),
    }
}

pub fn u(id: &str) -> UserId {
    UserId::new(id)
}

pub fn a(id: &str) -> AppId {
    AppId::new(id)
}

pub fn c(id: &str) -> CompanyId {
    CompanyId::new(id)
}

pub fn get(app: &str, company: &str) -> Command {
    Command::Get {
        app: a(app),
        company: c(company),
    }
}

pub fn update(app: &str, company: &str, values: BTreeMap<String, SettingValue>) -> Command {
    Command::UpdateSettings {
        app: a(app),
        company: c(company),
        values,
    }
}

pub fn disconnect(app: &str, company: &str, answers: Answers) -> Command {
    Command::Disconnect {
        app: a(app),
        company: c(company),
        answers,
    }
}

pub fn reason(r: Reason) -> Answers {
    Answers {
        reason: Some(r),
        other: String::new(),
    }
}

pub fn other(text: &str) -> Answers {
    Answers {
        reason: Some(Reason::Other),
        other: text.into(),
    }
}

pub fn text(s: &str) -> SettingValue {
    SettingValue::Text(s.into())
}

pub fn app_def<'c>(cat: &'c Catalogue, id: &str) -> &'c AppDef {
    cat.app(&a(id))
        .unwrap_or_else(|| panic!("{id} is in the catalogue"))
}

/// The home company of a product in the demo.
pub fn home(product: Product) -> &'static str {
    match product {
        Product::QuickBooks => QB_COMPANY,
        Product::ExpertComptable => FIRM,
    }
}

/// How each product adds an app, as PRODUCT.md says: QuickBooks connects it,
/// Expert-Comptable installs it.
pub fn kind_of(product: Product) -> GetKind {
    match product {
        Product::QuickBooks => GetKind::Connect,
        Product::ExpertComptable => GetKind::Install,
    }
}

/// Applies a command, clones the state before, and on a refusal asserts the state is
/// exactly as it was. Returns the result.
pub fn apply_checked(
    state: &mut ProductState,
    cat: &Catalogue,
    actor: &str,
    command: &Command,
) -> Result<Outcome, DomainError> {
    let before = state.clone();
    let result = apply(state, &env(cat), &u(actor), command);
    if result.is_err() {
        assert_eq!(
            *state, before,
            "a refused command changed the state: {command:?} by {actor}: {result:?}"
        );
    }
    result
}

/// Expects a refusal, checks the state did not change, returns the error.
pub fn refused(
    state: &mut ProductState,
    cat: &Catalogue,
    actor: &str,
    command: &Command,
) -> DomainError {
    match apply_checked(state, cat, actor, command) {
        Ok(o) => panic!("{command:?} by {actor} should be refused, got {o:?}"),
        Err(e) => e,
    }
}

/// Adds a connection directly (no rule checked), with the app's default settings.
pub fn push_connection(
    state: &mut ProductState,
    cat: &Catalogue,
    app: &str,
    company: &str,
    manager: &str,
    since: i64,
) {
    state.connections.push(Connection::made(
        (a(app), c(company)),
        u(manager),
        Timestamp(since),
        1,
        settings::defaults(&app_def(cat, app).settings),
    ));
}

/// A valid set of values for `app` that differs from its defaults in every setting that
/// can differ (toggles flipped, another choice, another valid text when one is known).
pub fn changed_values(def: &AppDef) -> BTreeMap<String, SettingValue> {
    let mut values = settings::defaults(&def.settings);
    for s in &def.settings {
        let new = match &s.kind {
            SettingKind::Toggle { default } => Some(SettingValue::Bool(!default)),
            SettingKind::Choice { options, default } => options
                .iter()
                .find(|o| &o.value != default)
                .map(|o| SettingValue::Text(o.value.clone())),
            SettingKind::Text { default, .. } => TEXT_CANDIDATES
                .iter()
                .map(|t| SettingValue::Text((*t).to_string()))
                .find(|v| s.validate(v).is_ok() && v != &SettingValue::Text(default.clone())),
        };
        if let Some(v) = new {
            values.insert(s.key.clone(), v);
        }
    }
    values
}

/// Texts that are valid for some of the catalogue's text formats and lengths.
pub const TEXT_CANDIDATES: [&str; 10] = [
    "12",
    "7",
    "123456",
    "40",
    "ABC-1",
    "CODE-42",
    "x@y.fr",
    "compta@exemple.fr",
    "Bonjour",
    "",
];

// ---------------------------------------------------------------------------------------
// The role table of PRODUCT.md, written out by hand.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Primary,
    Admin,
    Standard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Get,
    ChangeSettings,
    TakeOver,
    Disconnect,
}

pub const ACTS: [Act; 4] = [
    Act::Get,
    Act::ChangeSettings,
    Act::TakeOver,
    Act::Disconnect,
];

pub struct Person {
    pub id: &'static str,
    pub name: &'static str,
    pub role: Role,
    /// `None`: every client.
    pub clients: Option<&'static [&'static str]>,
}

pub const THOMAS_CLIENTS: [&str; 5] = [
    "boulangerie-martin",
    "garage-lefevre",
    "fleurs-de-provence",
    "studio-nova",
    "restaurant-le-comptoir",
];

pub const QB_PEOPLE: [Person; 3] = [
    Person {
        id: "claire-martin",
        name: "Claire Martin",
        role: Role::Primary,
        clients: None,
    },
    Person {
        id: "julien-petit",
        name: "Julien Petit",
        role: Role::Admin,
        clients: Some(&[]),
    },
    Person {
        id: "sophie-bernard",
        name: "Sophie Bernard",
        role: Role::Standard,
        clients: Some(&[]),
    },
];

pub const EC_PEOPLE: [Person; 3] = [
    Person {
        id: "marie-dupont",
        name: "Marie Dupont",
        role: Role::Primary,
        clients: None,
    },
    Person {
        id: "thomas-leroy",
        name: "Thomas Leroy",
        role: Role::Admin,
        clients: Some(&THOMAS_CLIENTS),
    },
    Person {
        id: "lea-moreau",
        name: "Léa Moreau",
        role: Role::Standard,
        clients: Some(&LEA_CLIENTS),
    },
];

pub fn people(product: Product) -> &'static [Person; 3] {
    match product {
        Product::QuickBooks => &QB_PEOPLE,
        Product::ExpertComptable => &EC_PEOPLE,
    }
}

pub fn person(product: Product, id: &str) -> &'static Person {
    people(product)
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} is a demo user"))
}

/// PRODUCT.md's table: whether the role may do the action at all.
pub fn role_may(product: Product, role: Role, act: Act) -> bool {
    match role {
        Role::Primary => true,
        Role::Standard => false,
        Role::Admin => !(act == Act::TakeOver && product == Product::ExpertComptable),
    }
}

/// Whether the person may see a company: in QuickBooks the business is everyone's; in
/// Expert-Comptable the firm is everyone's and a client only theirs who have access.
pub fn has_access(product: Product, p: &Person, company: &str) -> bool {
    if product == Product::QuickBooks || company == FIRM {
        return true;
    }
    match p.clients {
        None => true,
        Some(list) => list.contains(&company),
    }
}

/// The names of the people who may do `act` on `company`.
pub fn allowed_names(product: Product, act: Act, company: &str) -> Vec<&'static str> {
    people(product)
        .iter()
        .filter(|p| role_may(product, p.role, act) && has_access(product, p, company))
        .map(|p| p.name)
        .collect()
}

/// Checks that a refusal message names exactly the people who may do the action: each
/// of them appears, nobody else does.
pub fn assert_names_exactly(product: Product, message: &str, allowed: &[&str]) {
    assert!(!allowed.is_empty(), "someone may always do it in the demo");
    for p in people(product) {
        if allowed.contains(&p.name) {
            assert!(
                message.contains(p.name),
                "the refusal should name {}: {message}",
                p.name
            );
        } else {
            assert!(
                !message.contains(p.name),
                "the refusal should not name {}: {message}",
                p.name
            );
        }
    }
}

/// A French text as the app sets it (narrow no-break spaces before ; : ! ? and so on):
/// what the translations hold, for tests that compare whole sentences.
#[allow(dead_code)]
pub fn fr(text: &str) -> String {
    mes_apps::domain::i18n::typography::french(text)
}

/// `text` with the no-break spaces of French typography made plain, for tests that look
/// for words in a French sentence whatever its typography.
#[allow(dead_code)]
pub fn plain(text: &str) -> String {
    text.replace(['\u{202F}', '\u{A0}'], " ")
}
