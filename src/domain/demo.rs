//! The demo data of PRODUCT.md: Boulangerie Martin for QuickBooks, Cabinet Dupont &
//! Associés and its six clients for Expert-Comptable, with apps already connected and a
//! short history in the journal.

use super::catalogue::Catalogue;
use super::journal::{Event, JournalEntry};
use super::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, Gender, Product, ProductState, Role,
    Timestamp, User, UserId,
};
use super::questionnaire::{Questionnaire, Reason};
use super::settings;
use super::time::at;

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

/// The product's demo state.
pub fn state(product: Product, catalogue: &Catalogue) -> ProductState {
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
    };
    for step in steps {
        play(&mut state, catalogue, step);
    }
    state
}

/// Plays a step directly (the demo's history is set, not checked against today's rights).
fn play(state: &mut ProductState, catalogue: &Catalogue, step: Step) {
    let (actor, app, company, when, event) = match step {
        Step::Get(actor, app, company, when) => {
            let defaults = catalogue
                .app(&AppId::new(app))
                .map(|a| settings::defaults(&a.settings))
                .unwrap_or_default();
            state.connections.push(Connection {
                app: AppId::new(app),
                company: CompanyId::new(company),
                manager: UserId::new(actor),
                since: when,
                transferred: None,
                settings: defaults,
            });
            let event = match state.product {
                Product::QuickBooks => Event::Connection,
                Product::ExpertComptable => Event::Installation,
            };
            (actor, app, company, when, event)
        }
        Step::TakeOver(actor, app, company, when) => {
            let mut from = UserId::new("");
            for c in &mut state.connections {
                if c.app.as_str() == app && c.company.as_str() == company {
                    from = std::mem::replace(&mut c.manager, UserId::new(actor));
                    c.transferred = Some(when);
                }
            }
            let to = UserId::new(actor);
            (actor, app, company, when, Event::Transfer { from, to })
        }
        Step::Disconnect(actor, app, company, reason, when) => {
            state
                .connections
                .retain(|c| !(c.app.as_str() == app && c.company.as_str() == company));
            let answers = Questionnaire {
                reason,
                other: None,
            };
            (actor, app, company, when, Event::Disconnection { answers })
        }
    };
    let seq = state.journal.len() as u64 + 1;
    state.journal.push(JournalEntry {
        seq,
        at: when,
        product: state.product,
        actor: UserId::new(actor),
        company: CompanyId::new(company),
        app: AppId::new(app),
        event,
    });
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

fn expert_comptable() -> Demo {
    const CLIENTS: [(&str, &str); 6] = [
        ("boulangerie-martin", "Boulangerie Martin"),
        ("garage-lefevre", "Garage Lefèvre"),
        ("fleurs-de-provence", "Fleurs de Provence"),
        ("studio-nova", "Studio Nova"),
        ("restaurant-le-comptoir", "Restaurant Le Comptoir"),
        ("pharmacie-du-port", "Pharmacie du Port"),
    ];
    let mut companies = vec![company(
        FIRM,
        "Cabinet Dupont & Associés",
        CompanyKind::Firm,
    )];
    companies.extend(
        CLIENTS
            .iter()
            .map(|(id, name)| company(id, name, CompanyKind::Client)),
    );
    let thomas: Vec<&str> = CLIENTS
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| *id != "pharmacie-du-port")
        .collect();
    let users = vec![
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
    ];
    let steps = vec![
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
    ];
    (companies, users, steps)
}
