//! Checks a whole product state that comes from outside (an import, or what storage
//! holds): references, counts, lengths and the state's invariants. Every problem is
//! listed, each with where it is and a French sentence.

use rustc_hash::FxHashSet as HashSet;

use super::catalogue::Catalogue;
use super::journal::Event;
use super::model::{CompanyKind, Product, ProductState, Role};
use super::questionnaire::{Answers, QuestionnaireError, Reason};
use super::settings::{validate_all, validate_input};
use super::text::{char_len, has_bidi_control};

pub const MAX_USERS: usize = 100;
pub const MAX_COMPANIES: usize = 1_000;
pub const MAX_CONNECTIONS: usize = 20_000;
pub const MAX_JOURNAL: usize = 100_000;
pub const MAX_NAME: usize = 120;
pub const MAX_ID: usize = 64;
/// At most this many problems are listed; the rest are counted.
pub const MAX_REPORTED: usize = 50;

/// One problem, at a place in the data, named as the exported file names it
/// ("data.connections[3].manager"): the place can be found in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} : {}", self.path, self.message)
        }
    }
}

struct Report(Vec<Problem>, usize);

impl Report {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.1 += 1;
        if self.0.len() < MAX_REPORTED {
            self.0.push(Problem {
                path: path.into(),
                message: message.into(),
            });
        }
    }
}

fn check_id(r: &mut Report, path: String, id: &str) {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        r.push(
            path,
            format!("identifiant invalide (1 à {MAX_ID} caractères parmi a-z, 0-9 et -)"),
        );
    }
}

/// The message of a date outside [`Timestamp::EARLIEST`]..=[`Timestamp::LATEST`].
const DATE_RANGE: &str = "date hors limites (entre 1970 et 9999)";

fn check_name(r: &mut Report, path: String, name: &str, origin: Origin) {
    let len = char_len(name);
    if len == 0 || len > MAX_NAME || name.trim() != name {
        r.push(
            path,
            format!("nom vide, trop long ({MAX_NAME} caractères au maximum) ou entouré d'espaces"),
        );
    } else if name.chars().any(char::is_control) {
        r.push(path, "nom contenant des caractères de contrôle");
    } else if origin == Origin::Import && has_bidi_control(name) {
        r.push(
            path,
            "nom contenant des caractères invisibles qui inversent le sens de lecture",
        );
    }
}

/// "aucun trouvé", "1 trouvé", "2 trouvés" (feminine: "aucune trouvée"…).
fn found(n: usize, feminine: bool) -> String {
    let e = if feminine { "e" } else { "" };
    match n {
        0 => format!("aucun{e} trouvé{e}"),
        1 => format!("1 trouvé{e}"),
        n => format!("{n} trouvé{e}s"),
    }
}

fn count(r: &mut Report, what: &str, n: usize, max: usize) {
    if n > max {
        r.push(what, format!("{n} éléments, {max} au maximum"));
    }
}

/// `Ok` when the state can be used as is; otherwise every problem (up to
/// [`MAX_REPORTED`], then a last line counting the others).
pub fn validate(
    state: &ProductState,
    product: Product,
    catalogue: &Catalogue,
) -> Result<(), Vec<Problem>> {
    check(state, product, catalogue, Origin::Import)
}

/// Like [`validate`], for what this browser saved itself: connections (and journal
/// entries) of apps that have left the catalogue since, or stopped being offered for the
/// product, are kept: they were valid when saved, and can still be disconnected. So is
/// text saved before direction controls were refused. A file to import gets no such
/// allowance: an unknown app there is an unknown reference.
pub fn validate_stored(
    state: &ProductState,
    product: Product,
    catalogue: &Catalogue,
) -> Result<(), Vec<Problem>> {
    check(state, product, catalogue, Origin::Stored)
}

/// Where the state comes from: a file to import (every rule of today) or this browser's
/// own storage (what was valid when it was saved is still read).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Import,
    Stored,
}

fn check(
    state: &ProductState,
    product: Product,
    catalogue: &Catalogue,
    origin: Origin,
) -> Result<(), Vec<Problem>> {
    let mut r = Report(Vec::new(), 0);
    if state.product != product {
        r.push(
            "data.product",
            format!(
                "ces données concernent {}, pas {}",
                state.product.label(),
                product.label()
            ),
        );
    }
    count(&mut r, "data.users", state.users.len(), MAX_USERS);
    count(
        &mut r,
        "data.companies",
        state.companies.len(),
        MAX_COMPANIES,
    );
    count(
        &mut r,
        "data.connections",
        state.connections.len(),
        MAX_CONNECTIONS,
    );
    count(&mut r, "data.journal", state.journal.len(), MAX_JOURNAL);

    let mut company_ids = HashSet::default();
    for (i, c) in state.companies.iter().enumerate() {
        check_id(&mut r, format!("data.companies[{i}].id"), c.id.as_str());
        check_name(&mut r, format!("data.companies[{i}].name"), &c.name, origin);
        if !company_ids.insert(&c.id) {
            r.push(
                format!("data.companies[{i}].id"),
                format!("« {} » apparaît deux fois", c.id),
            );
        }
        let fits = match product {
            Product::QuickBooks => c.kind == CompanyKind::Business,
            Product::ExpertComptable => c.kind != CompanyKind::Business,
        };
        if !fits {
            r.push(
                format!("data.companies[{i}].kind"),
                "type d'entreprise impossible pour ce produit",
            );
        }
    }
    let homes = state
        .companies
        .iter()
        .filter(|c| matches!(c.kind, CompanyKind::Business | CompanyKind::Firm))
        .count();
    if homes != 1 {
        r.push(
            "data.companies",
            format!(
                "il faut exactement une entreprise ou un cabinet ({})",
                found(homes, true)
            ),
        );
    }

    let mut user_ids = HashSet::default();
    for (i, u) in state.users.iter().enumerate() {
        check_id(&mut r, format!("data.users[{i}].id"), u.id.as_str());
        check_name(&mut r, format!("data.users[{i}].name"), &u.name, origin);
        if !user_ids.insert(&u.id) {
            r.push(
                format!("data.users[{i}].id"),
                format!("« {} » apparaît deux fois", u.id),
            );
        }
        for (j, client) in u.clients.iter().enumerate() {
            if state
                .company(client)
                .is_none_or(|c| c.kind != CompanyKind::Client)
            {
                r.push(
                    format!("data.users[{i}].clients[{j}]"),
                    format!("client inconnu « {client} »"),
                );
            }
        }
    }
    let primaries = state
        .users
        .iter()
        .filter(|u| u.role == Role::PrimaryAdmin)
        .count();
    if primaries != 1 {
        r.push(
            "data.users",
            format!(
                "il faut exactement un administrateur principal ({})",
                found(primaries, false)
            ),
        );
    }

    let mut pairs = HashSet::default();
    for (i, c) in state.connections.iter().enumerate() {
        let at = |field: &str| format!("data.connections[{i}].{field}");
        match catalogue.app(&c.app) {
            None if origin == Origin::Stored => {}
            None => r.push(at("app"), format!("appli inconnue « {} »", c.app)),
            Some(app) if !app.supports(product) && origin == Origin::Stored => {}
            Some(app) if !app.supports(product) => r.push(
                at("app"),
                format!("{} n'est pas proposée pour ce produit", app.name),
            ),
            Some(app) => {
                let checked = match origin {
                    Origin::Import => validate_input(&app.settings, &c.settings),
                    Origin::Stored => validate_all(&app.settings, &c.settings),
                };
                if let Err(errors) = checked {
                    for e in errors {
                        r.push(at(&format!("settings.{}", e.key)), e.message);
                    }
                }
            }
        }
        if !company_ids.contains(&c.company) {
            r.push(
                at("company"),
                format!("entreprise inconnue « {} »", c.company),
            );
        }
        if !c.since.is_plausible() {
            r.push(at("since"), DATE_RANGE);
        }
        if let Some(t) = c.transferred {
            if !t.is_plausible() || t < c.since {
                r.push(
                    at("transferred"),
                    "date de transfert hors limites ou antérieure à la connexion",
                );
            }
        }
        if !user_ids.contains(&c.manager) {
            r.push(
                at("manager"),
                format!("utilisateur inconnu « {} »", c.manager),
            );
        }
        if !pairs.insert((&c.app, &c.company)) {
            r.push(
                at("app"),
                "cette appli est connectée deux fois à la même entreprise",
            );
        }
    }

    let mut last_seq = 0;
    for (i, e) in state.journal.iter().enumerate() {
        let at = |field: &str| format!("data.journal[{i}].{field}");
        if e.seq <= last_seq {
            r.push(at("seq"), "les numéros du journal doivent croître");
        }
        last_seq = e.seq;
        if !e.at.is_plausible() {
            r.push(at("at"), DATE_RANGE);
        }
        if e.product != product {
            r.push(at("product"), "entrée d'un autre produit");
        }
        if !user_ids.contains(&e.actor) {
            r.push(at("actor"), format!("utilisateur inconnu « {} »", e.actor));
        }
        if !company_ids.contains(&e.company) {
            r.push(
                at("company"),
                format!("entreprise inconnue « {} »", e.company),
            );
        }
        if catalogue.app(&e.app).is_none() && origin == Origin::Import {
            r.push(at("app"), format!("appli inconnue « {} »", e.app));
        }
        match &e.event {
            Event::Transfer { from, to } => {
                for u in [from, to] {
                    if !user_ids.contains(u) {
                        r.push(at("event"), format!("utilisateur inconnu « {u} »"));
                    }
                }
            }
            Event::Disconnection { answers } => {
                let again = Answers {
                    reason: Some(answers.reason),
                    other: answers.other.clone().unwrap_or_default(),
                };
                let consistent = answers.reason == Reason::Other || answers.other.is_none();
                let valid = match again.validate() {
                    Ok(_) => true,
                    Err(QuestionnaireError::OtherHasBidiControls) => origin == Origin::Stored,
                    Err(_) => false,
                };
                if !valid || !consistent {
                    r.push(at("event"), "réponses au questionnaire invalides");
                }
            }
            Event::SettingsChange { changes } => {
                if changes.len() > 20 {
                    r.push(at("event"), "trop de modifications dans une entrée");
                }
                for ch in changes {
                    if let super::settings::SettingValue::Text(t) = &ch.to {
                        if char_len(t) > 500 {
                            r.push(at("event"), "valeur trop longue");
                        }
                    }
                }
            }
            Event::Connection | Event::Installation => {}
        }
    }

    if r.1 > r.0.len() {
        let more = r.1 - r.0.len();
        r.0.push(Problem {
            path: String::new(),
            message: format!("… et {more} autre{} problème{}", plural(more), plural(more)),
        });
    }
    if r.0.is_empty() {
        Ok(())
    } else {
        Err(r.0)
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}
