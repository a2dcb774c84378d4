//! Checks a whole product state that comes from outside (an import, or what storage
//! holds): references, counts, lengths and the state's invariants. Every problem is
//! listed, each with where it is and a sentence in either language.

use std::fmt::Display;
use std::hash::Hash;

use rustc_hash::FxHashSet as HashSet;

use crate::domain::catalogue::Catalogue;
use crate::domain::disconnection::receipt::RECEIPTS_KEPT;
use crate::domain::forms::settings::{validate_all, validate_input};
use crate::domain::health::clock;
use crate::domain::i18n::{args, Lang, Said};
use crate::domain::model::{
    CompanyId, CompanyKind, Connection, Product, ProductState, Role, UserId,
};
use crate::domain::people::form::{plausible_email, MAX_EMAIL};
use crate::domain::requests::check as request_check;
use crate::domain::text::{char_len, has_bidi_control};

use super::records::{check_journal, check_receipts};
use super::reviews::check_reviews;
use super::updates::check_updates;

pub const MAX_USERS: usize = 100;
pub const MAX_COMPANIES: usize = 1_000;
pub const MAX_CONNECTIONS: usize = 20_000;
pub const MAX_JOURNAL: usize = 100_000;
pub const MAX_NAME: usize = 120;
pub const MAX_ID: usize = 64;
/// At most this many problems are listed; the rest are counted.
pub const MAX_REPORTED: usize = 50;
/// A receipt's lists (data accessed, settings) hold at most this many lines, each of at
/// most [`MAX_LINE`] characters: more than any app of the catalogue.
pub const MAX_LINES: usize = 40;
pub const MAX_LINE: usize = 800;

/// One problem, at a place in the data, named as the exported file names it
/// ("data.connections[3].manager"): the place can be found in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// What is wrong, in each language.
    message: Said,
}

impl Problem {
    /// A problem at `path`, said by `message` in each language.
    pub fn new(path: impl Into<String>, message: impl Fn(Lang) -> String) -> Problem {
        Problem {
            path: path.into(),
            message: Said::new(message),
        }
    }

    /// What is wrong, without the place.
    pub fn message(&self, lang: Lang) -> &str {
        self.message.text(lang)
    }

    /// "data.users[2].name : …", the place then what is wrong.
    pub fn text(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.message(lang).to_string()
        } else {
            lang.validate_at(args::ValidateAt {
                message: &self.message(lang),
                path: &self.path,
            })
        }
    }
}

impl std::fmt::Display for Problem {
    /// The French text, for logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

pub(super) struct Report(Vec<Problem>, usize);

/// A message that reads the same whatever the problem: `Lang::validate_date_range`.
pub(super) type Fixed = fn(&Lang) -> &'static str;

impl Report {
    /// Counts a problem; said (in each language) only if it is among those listed.
    pub(super) fn push(&mut self, path: impl Into<String>, message: impl Fn(Lang) -> String) {
        self.1 += 1;
        if self.0.len() < MAX_REPORTED {
            self.0.push(Problem::new(path, message));
        }
    }

    pub(super) fn push_fixed(&mut self, path: impl Into<String>, message: Fixed) {
        self.push(path, |l| message(&l).to_string());
    }

    /// The problems, with a last line counting those past [`MAX_REPORTED`].
    fn finish(mut self) -> Result<(), Vec<Problem>> {
        if self.1 > self.0.len() {
            let more = self.1 - self.0.len();
            self.0
                .push(Problem::new(String::new(), |l| l.validate_more(more)));
        }
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

pub(super) fn check_id(r: &mut Report, path: String, id: &str) {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        r.push(path, |l| l.validate_bad_id(MAX_ID));
    }
}

/// The message of a date outside [`Timestamp::EARLIEST`]..=[`Timestamp::LATEST`].
pub(super) const DATE_RANGE: Fixed = Lang::validate_date_range;

pub(super) fn check_name(r: &mut Report, path: String, name: &str, origin: Origin) {
    let len = char_len(name);
    if len == 0 || len > MAX_NAME || name.trim() != name {
        r.push(path, |l| l.validate_bad_name(MAX_NAME));
    } else if name.chars().any(char::is_control) {
        r.push_fixed(path, Lang::validate_name_control);
    } else if origin == Origin::Import && has_bidi_control(name) {
        r.push_fixed(path, Lang::validate_name_bidi);
    }
}

/// What companies and users have alike: an id that is valid and seen once, and a name.
/// `at` is the item's place ("data.users[2]").
fn check_identity<'s, Id: Eq + Hash + Display>(
    r: &mut Report,
    at: &str,
    (id, name): (&'s Id, &str),
    origin: Origin,
    ids: &mut HashSet<&'s Id>,
) {
    check_id(r, format!("{at}.id"), &id.to_string());
    check_name(r, format!("{at}.name"), name, origin);
    if !ids.insert(id) {
        r.push(format!("{at}.id"), |l| l.validate_twice(id));
    }
}

/// What there must be exactly one of.
#[derive(Clone, Copy)]
enum One {
    /// The business or the firm.
    Home,
    PrimaryAdmin,
}

/// A problem at `path` unless there is exactly one of `what` among the `n` found.
fn exactly_one(r: &mut Report, path: &str, n: usize, what: One) {
    if n != 1 {
        r.push(path, |l| match what {
            One::Home => l.validate_one_home(found(n, true, l)),
            One::PrimaryAdmin => l.validate_one_primary(found(n, false, l)),
        });
    }
}

/// "aucun trouvé", "1 trouvé", "2 trouvés" (feminine: "aucune trouvée"…).
pub(super) fn found(n: usize, feminine: bool, lang: Lang) -> String {
    match (n, feminine) {
        (0, true) => lang.validate_found_none_f().into(),
        (0, false) => lang.validate_found_none_m().into(),
        (1, true) => lang.validate_found_one_f().into(),
        (1, false) => lang.validate_found_one_m().into(),
        (n, true) => lang.validate_found_many_f(n),
        (n, false) => lang.validate_found_many_m(n),
    }
}

fn at_most(r: &mut Report, what: &str, n: usize, max: usize) {
    if n > max {
        r.push(what, |l| {
            l.validate_too_many(args::ValidateTooMany { max: &max, n: &n })
        });
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
pub(super) enum Origin {
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
    check_sizes(&mut r, state, product);
    let (current, users) = check_users(&mut r, state, origin);
    let ids = Ids {
        companies: check_companies(&mut r, state, product, origin),
        users,
        current,
    };
    check_connections(&mut r, state, product, catalogue, origin, &ids);
    check_journal(&mut r, state, product, catalogue, origin, &ids);
    check_receipts(&mut r, state, catalogue, origin, &ids);
    check_reviews(&mut r, state, catalogue, origin, &ids);
    check_updates(&mut r, state, catalogue, origin, &ids);
    let said = |lang| request_check::problems(state, catalogue, &ids.users, &ids.companies, lang);
    // The same problems in the same order in each language: one problem per position.
    for ((path, fr), (_, en)) in said(Lang::Fr).into_iter().zip(said(Lang::En)) {
        r.push(path, move |l| match l {
            Lang::Fr => fr.clone(),
            Lang::En => en.clone(),
        });
    }
    r.finish()
}

/// The ids the state declares, that connections and journal entries must refer to.
pub(super) struct Ids<'s> {
    pub(super) companies: HashSet<&'s CompanyId>,
    /// Everyone the records may name: the users and the people removed.
    pub(super) users: HashSet<&'s UserId>,
    /// The users only: who may manage a connection.
    pub(super) current: HashSet<&'s UserId>,
}

/// The product the data is for, and how many of each thing it holds.
fn check_sizes(r: &mut Report, state: &ProductState, product: Product) {
    if state.product != product {
        r.push("data.product", |l| {
            l.validate_other_product(args::ValidateOtherProduct {
                expected: &product.label(),
                found: &state.product.label(),
            })
        });
    }
    at_most(r, "data.users", state.users.len(), MAX_USERS);
    at_most(r, "data.former", state.former.len(), MAX_USERS);
    at_most(r, "data.companies", state.companies.len(), MAX_COMPANIES);
    at_most(
        r,
        "data.connections",
        state.connections.len(),
        MAX_CONNECTIONS,
    );
    at_most(r, "data.journal", state.journal.len(), MAX_JOURNAL);
    at_most(r, "data.receipts", state.receipts.len(), RECEIPTS_KEPT);
    if !clock::offset_is_valid(state.clock_offset) {
        r.push("data.clock_offset", |l| {
            l.validate_clock(clock::MAX_OFFSET_DAYS)
        });
    }
}

/// Each company's id, name and kind, and exactly one business or firm; returns the ids.
fn check_companies<'s>(
    r: &mut Report,
    state: &'s ProductState,
    product: Product,
    origin: Origin,
) -> HashSet<&'s CompanyId> {
    let mut ids = HashSet::default();
    for (i, c) in state.companies.iter().enumerate() {
        check_identity(
            r,
            &format!("data.companies[{i}]"),
            (&c.id, &c.name),
            origin,
            &mut ids,
        );
        let fits = match product {
            Product::QuickBooks => c.kind == CompanyKind::Business,
            Product::ExpertComptable => c.kind != CompanyKind::Business,
        };
        if !fits {
            r.push_fixed(
                format!("data.companies[{i}].kind"),
                Lang::validate_company_kind,
            );
        }
    }
    let homes = state
        .companies
        .iter()
        .filter(|c| matches!(c.kind, CompanyKind::Business | CompanyKind::Firm))
        .count();
    exactly_one(r, "data.companies", homes, One::Home);
    ids
}

/// Each user's id, name, address and clients, exactly one primary admin, and each former
/// user's id, name and date; returns the users' ids, then theirs with the former users'.
fn check_users<'s>(
    r: &mut Report,
    state: &'s ProductState,
    origin: Origin,
) -> (HashSet<&'s UserId>, HashSet<&'s UserId>) {
    let mut ids = HashSet::default();
    for (i, u) in state.users.iter().enumerate() {
        check_identity(
            r,
            &format!("data.users[{i}]"),
            (&u.id, &u.name),
            origin,
            &mut ids,
        );
        for (j, client) in u.clients.iter().enumerate() {
            if state
                .company(client)
                .is_none_or(|c| c.kind != CompanyKind::Client)
            {
                r.push(format!("data.users[{i}].clients[{j}]"), |l| {
                    l.validate_unknown_client(client)
                });
            }
        }
        if (!u.email.is_empty() && !plausible_email(&u.email)) || char_len(&u.email) > MAX_EMAIL {
            r.push_fixed(format!("data.users[{i}].email"), Lang::users_email_invalid);
        }
    }
    let current = ids.clone();
    for (i, f) in state.former.iter().enumerate() {
        let at = format!("data.former[{i}]");
        check_identity(r, &at, (&f.id, &f.name), origin, &mut ids);
        if !f.left.is_plausible() {
            r.push_fixed(format!("{at}.left"), DATE_RANGE);
        }
    }
    let primaries = state
        .users
        .iter()
        .filter(|u| u.role == Role::PrimaryAdmin)
        .count();
    exactly_one(r, "data.users", primaries, One::PrimaryAdmin);
    (current, ids)
}

/// Each connection: its app and settings, company, dates and manager, once per company.
fn check_connections(
    r: &mut Report,
    state: &ProductState,
    product: Product,
    catalogue: &Catalogue,
    origin: Origin,
    ids: &Ids,
) {
    let mut pairs = HashSet::default();
    for (i, c) in state.connections.iter().enumerate() {
        let at = |field: &str| format!("data.connections[{i}].{field}");
        check_connection_app(r, &at, c, product, catalogue, origin);
        if !ids.companies.contains(&c.company) {
            r.push(at("company"), |l| l.validate_unknown_company(&c.company));
        }
        if !c.since.is_plausible() {
            r.push_fixed(at("since"), DATE_RANGE);
        }
        if let Some(t) = c.transferred {
            if !t.is_plausible() || t < c.since {
                r.push_fixed(at("transferred"), Lang::validate_transferred);
            }
        }
        // A former user manages nothing: a connection they managed has no manager now.
        if let Some(m) = c.manager.as_ref().filter(|m| !ids.current.contains(m)) {
            r.push(at("manager"), |l| l.validate_unknown_user(m));
        }
        if c.last_used.is_some_and(|t| !t.is_plausible()) {
            r.push_fixed(at("last_used"), DATE_RANGE);
        }
        if !pairs.insert((&c.app, &c.company)) {
            r.push_fixed(at("app"), Lang::validate_connected_twice);
        }
    }
}

/// A connection's app is in the catalogue and offered for the product (what was stored
/// before it left is kept), and its settings are valid for it.
fn check_connection_app(
    r: &mut Report,
    at: &dyn Fn(&str) -> String,
    c: &Connection,
    product: Product,
    catalogue: &Catalogue,
    origin: Origin,
) {
    match catalogue.app(&c.app) {
        None if origin == Origin::Stored => {}
        None => r.push(at("app"), |l| l.validate_unknown_app(&c.app)),
        Some(app) if !app.supports(product) && origin == Origin::Stored => {}
        Some(app) if !app.supports(product) => {
            r.push(at("app"), |l| l.validate_not_offered(&app.name))
        }
        Some(app) => {
            // The settings of the version the connection is at.
            let defs = app.settings_at(c.version);
            let checked = match origin {
                Origin::Import => validate_input(&defs, &c.settings),
                Origin::Stored => validate_all(&defs, &c.settings),
            };
            if let Err(errors) = checked {
                for e in errors {
                    r.push(at(&format!("settings.{}", e.key)), |l| e.message(l));
                }
            }
        }
    }
}
