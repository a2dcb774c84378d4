//! The demo data of PRODUCT.md: Boulangerie Martin for QuickBooks, Cabinet Dupont &
//! Associés and its six clients for Expert-Comptable, with apps already connected and a
//! short history in the journal.
//!
//! The history's dates are fixed; when each connection was last used is set relative to
//! the time the demo data are made (a first visit, a reset), so that every connection is
//! active then except one per product, which expires within two weeks.

use crate::domain::catalogue::Catalogue;
use crate::domain::disconnection::receipt;
use crate::domain::forms::questionnaire::{Questionnaire, Reason};
use crate::domain::forms::settings;
use crate::domain::health::clock::DAY_MS;
use crate::domain::health::time::at;
use crate::domain::journal::{next_seq, record, Event};
use crate::domain::model::review::Decision;
use crate::domain::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, Gender, Product, ProductState, Role,
    Timestamp, User, UserId,
};
use crate::domain::people::form::address_for;
use crate::domain::reviews::{next_id, ItemResult, Review, ReviewItem};

fn company(id: &str, name: &str, kind: CompanyKind) -> Company {
    Company {
        id: CompanyId::new(id),
        name: name.into(),
        kind,
    }
}

fn user(id: &str, name: &str, role: Role, gender: Gender, clients: &[&str]) -> User {
    User {
        id: UserId::new(id),
        name: name.into(),
        role,
        gender,
        clients: clients.iter().map(|c| CompanyId::new(*c)).collect(),
        all_clients: false,
        email: address_for(name),
    }
}

/// One step of the demo's history.
enum Step {
    Get(&'static str, &'static str, &'static str, Timestamp),
    TakeOver(&'static str, &'static str, &'static str, Timestamp),
    Disconnect(&'static str, &'static str, &'static str, Reason, Timestamp),
}

pub const QB_COMPANY: &str = "boulangerie-martin";
pub const FIRM: &str = "cabinet-dupont";

/// How many days before the demo data are made each connection was last used: the
/// one at 91 days expires in 9 days; after one "Avancer de 30 jours" it must be
/// reconnected, and the one at 60 days expires in 10. Unlisted ones: a week.
const LAST_USED_DAYS_AGO: [(Product, &str, &str, i64); 13] = [
    (Product::QuickBooks, QB_COMPANY, "banque-sereine", 3),
    (Product::QuickBooks, QB_COMPANY, "stock-malin", 12),
    (Product::QuickBooks, QB_COMPANY, "notes-eclair", 60),
    (Product::QuickBooks, QB_COMPANY, "tableau-clair", 91),
    (Product::ExpertComptable, FIRM, "tableau-clair", 5),
    (Product::ExpertComptable, FIRM, "dossiers-partages", 20),
    (Product::ExpertComptable, FIRM, "temps-facture", 33),
    (
        Product::ExpertComptable,
        "boulangerie-martin",
        "stock-malin",
        12,
    ),
    (
        Product::ExpertComptable,
        "garage-lefevre",
        "factures-express",
        15,
    ),
    (
        Product::ExpertComptable,
        "fleurs-de-provence",
        "notes-eclair",
        26,
    ),
    (Product::ExpertComptable, "studio-nova", "banque-sereine", 2),
    (
        Product::ExpertComptable,
        "restaurant-le-comptoir",
        "tresorerie-plus",
        91,
    ),
    (
        Product::ExpertComptable,
        "pharmacie-du-port",
        "stock-malin",
        60,
    ),
];

/// The product's demo state, made at the real time `now`.
pub fn state(product: Product, catalogue: &Catalogue, now: Timestamp) -> ProductState {
    let (companies, users, steps) = match product {
        Product::QuickBooks => quickbooks(),
        Product::ExpertComptable => expert_comptable(),
    };
    let mut state = ProductState {
        product,
        companies,
        users,
        connections: Vec::new(),
        journal: Vec::new(),
        clock_offset: 0,
        receipts: Vec::new(),
        requests: Vec::new(),
        former: Vec::new(),
        reviews: Vec::new(),
        updates: Vec::new(),
    };
    for step in steps {
        play(&mut state, catalogue, step);
    }
    for c in &mut state.connections {
        let days = LAST_USED_DAYS_AGO
            .iter()
            .find(|(p, company, app, _)| {
                *p == product && c.company.as_str() == *company && c.app.as_str() == *app
            })
            .map_or(7, |(.., days)| *days);
        let used = Timestamp(now.0.saturating_sub(days * DAY_MS));
        // Never before the history says it was made (a `now` earlier than the history).
        c.last_used = Some(used.max(c.managed_since()));
    }
    add_past_review(&mut state, Timestamp(now.0 - LAST_REVIEW_DAYS_AGO * DAY_MS));
    state
}

/// How many days before the demo data are made the last access review was finished: the
/// next is due in 60 days (after two "Avancer de 30 jours", it is).
pub const LAST_REVIEW_DAYS_AGO: i64 = 30;

/// A finished access review by the primary admin at `at`, which kept every connection
/// made by then: the report Revue des accès lists first. Not in the journal, whose
/// history stops earlier.
pub fn add_past_review(state: &mut ProductState, at: Timestamp) {
    let Some(reviewer) = state.primary_admin().map(|u| u.id.clone()) else {
        return;
    };
    let items: Vec<ReviewItem> = state
        .connections
        .iter()
        .filter(|c| c.since <= at)
        .map(|c| ReviewItem {
            app: c.app.clone(),
            company: c.company.clone(),
            manager: c.manager.clone(),
            decision: Some(Decision::Keep),
            result: Some(ItemResult::Done { entry: None }),
        })
        .collect();
    if items.is_empty() {
        return;
    }
    state.reviews.push(Review {
        id: next_id(state),
        reviewer,
        started: Timestamp(at.0 - 3_600_000),
        finished: Some(at),
        items,
    });
}

/// Plays a step directly (the demo's history is set, not checked against today's rights).
fn play(state: &mut ProductState, catalogue: &Catalogue, step: Step) {
    let (actor, app, company, when, event) = match step {
        Step::Get(actor, app, company, when) => {
            let version = state.version_for_new(&AppId::new(app));
            let defaults = catalogue
                .app(&AppId::new(app))
                .map(|a| settings::defaults(&a.settings_at(version)))
                .unwrap_or_default();
            state.connections.push(Connection::made(
                (AppId::new(app), CompanyId::new(company)),
                UserId::new(actor),
                when,
                version,
                defaults,
            ));
            (actor, app, company, when, state.product.get_kind().event())
        }
        Step::TakeOver(actor, app, company, when) => {
            let mut from = None;
            for c in &mut state.connections {
                if c.app.as_str() == app && c.company.as_str() == company {
                    from = c.manager.replace(UserId::new(actor));
                    c.transferred = Some(when);
                }
            }
            let to = UserId::new(actor);
            (actor, app, company, when, Event::Transfer { from, to })
        }
        Step::Disconnect(actor, app, company, reason, when) => {
            let answers = Questionnaire {
                reason,
                other: None,
            };
            let at = state
                .connections
                .iter()
                .position(|c| c.app.as_str() == app && c.company.as_str() == company);
            if let Some(at) = at {
                let removed = state.connections.remove(at);
                let made = receipt::make(catalogue, &removed, &UserId::new(actor), &answers, when);
                let id = next_seq(state);
                receipt::keep(state, made, id);
            }
            (actor, app, company, when, Event::Disconnection { answers })
        }
    };
    let (app, company) = (AppId::new(app), CompanyId::new(company));
    record(state, when, &UserId::new(actor), (&app, &company), event);
}

type Demo = (Vec<Company>, Vec<User>, Vec<Step>);

fn quickbooks() -> Demo {
    let companies = vec![company(
        QB_COMPANY,
        "Boulangerie Martin",
        CompanyKind::Business,
    )];
    let users = vec![
        user(
            "claire-martin",
            "Claire Martin",
            Role::PrimaryAdmin,
            Gender::Feminine,
            &[],
        ),
        user(
            "julien-petit",
            "Julien Petit",
            Role::Admin,
            Gender::Masculine,
            &[],
        ),
        user(
            "sophie-bernard",
            "Sophie Bernard",
            Role::Standard,
            Gender::Feminine,
            &[],
        ),
    ];
    let c = QB_COMPANY;
    let steps = vec![
        Step::Get("claire-martin", "banque-sereine", c, at(2025, 9, 15, 8, 30)),
        Step::Get("claire-martin", "tableau-clair", c, at(2025, 10, 2, 14, 10)),
        Step::Get("julien-petit", "stock-malin", c, at(2025, 11, 20, 9, 45)),
        Step::Get("claire-martin", "relances-pro", c, at(2026, 1, 8, 10, 0)),
        Step::Get("julien-petit", "notes-eclair", c, at(2026, 2, 3, 16, 20)),
        Step::Disconnect(
            "claire-martin",
            "relances-pro",
            c,
            Reason::TooExpensive,
            at(2026, 3, 12, 11, 5),
        ),
        Step::TakeOver("julien-petit", "tableau-clair", c, at(2026, 4, 27, 9, 0)),
    ];
    (companies, users, steps)
}

/// The firm's clients, in the product's order.
const EC_CLIENTS: [(&str, &str); 6] = [
    ("boulangerie-martin", "Boulangerie Martin"),
    ("garage-lefevre", "Garage Lefèvre"),
    ("fleurs-de-provence", "Fleurs de Provence"),
    ("studio-nova", "Studio Nova"),
    ("restaurant-le-comptoir", "Restaurant Le Comptoir"),
    ("pharmacie-du-port", "Pharmacie du Port"),
];

fn expert_comptable() -> Demo {
    (firm_and_clients(), firm_users(), firm_history())
}

fn firm_and_clients() -> Vec<Company> {
    let mut companies = vec![company(
        FIRM,
        "Cabinet Dupont & Associés",
        CompanyKind::Firm,
    )];
    companies.extend(
        EC_CLIENTS
            .iter()
            .map(|(id, name)| company(id, name, CompanyKind::Client)),
    );
    companies
}

/// Marie Dupont, the primary admin, sees every client; Thomas Leroy all but Pharmacie du
/// Port; Léa Moreau three of them.
fn firm_users() -> Vec<User> {
    let thomas: Vec<&str> = EC_CLIENTS
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| *id != "pharmacie-du-port")
        .collect();
    vec![
        user(
            "marie-dupont",
            "Marie Dupont",
            Role::PrimaryAdmin,
            Gender::Feminine,
            &[],
        ),
        user(
            "thomas-leroy",
            "Thomas Leroy",
            Role::Admin,
            Gender::Masculine,
            &thomas,
        ),
        user(
            "lea-moreau",
            "Léa Moreau",
            Role::Standard,
            Gender::Feminine,
            &["boulangerie-martin", "fleurs-de-provence", "studio-nova"],
        ),
    ]
}

/// The apps installed for the firm and its clients, in the order it happened.
fn firm_history() -> Vec<Step> {
    vec![
        Step::Get("marie-dupont", "tableau-clair", FIRM, at(2025, 6, 2, 9, 0)),
        Step::Get(
            "thomas-leroy",
            "dossiers-partages",
            FIRM,
            at(2025, 6, 16, 10, 30),
        ),
        Step::Get("thomas-leroy", "temps-facture", FIRM, at(2025, 9, 1, 8, 15)),
        Step::Get(
            "thomas-leroy",
            "stock-malin",
            "boulangerie-martin",
            at(2025, 10, 6, 14, 0),
        ),
        Step::Get(
            "thomas-leroy",
            "factures-express",
            "garage-lefevre",
            at(2025, 11, 18, 11, 20),
        ),
        Step::Get(
            "marie-dupont",
            "notes-eclair",
            "fleurs-de-provence",
            at(2026, 1, 12, 15, 45),
        ),
        Step::Get(
            "thomas-leroy",
            "banque-sereine",
            "studio-nova",
            at(2026, 2, 9, 9, 30),
        ),
        Step::Get(
            "marie-dupont",
            "tresorerie-plus",
            "restaurant-le-comptoir",
            at(2026, 3, 3, 17, 0),
        ),
        Step::Get(
            "marie-dupont",
            "stock-malin",
            "pharmacie-du-port",
            at(2026, 4, 14, 10, 10),
        ),
    ]
}
