//! Generated data at scale, from a seed: a large accounting firm (hundreds of clients,
//! the catalogue's Expert-Comptable apps installed across them) for measurements and
//! ready-made scenarios. Never the demo's data; the same seed always gives the same firm.

use crate::domain::catalogue::Catalogue;
use crate::domain::data::demo;
use crate::domain::forms::settings;
use crate::domain::health::clock::DAY_MS;
use crate::domain::health::time::at;
use crate::domain::journal::record;
use crate::domain::model::{
    AppId, Company, CompanyId, CompanyKind, Connection, Gender, Product, ProductState, Role,
    Timestamp, User, UserId,
};
use crate::domain::people::form::address_for;

/// A small deterministic generator (a 64-bit linear congruential one): enough to spread
/// apps over clients the same way at every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TRADES: [&str; 12] = [
    "Boulangerie",
    "Garage",
    "Fleurs",
    "Studio",
    "Restaurant",
    "Pharmacie",
    "Atelier",
    "Librairie",
    "Épicerie",
    "Menuiserie",
    "Agence",
    "Cave",
];

const NAMES: [&str; 16] = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Roux",
];

/// The `i`-th generated client: a unique id and name ("Garage Dubois 17").
fn client(i: usize) -> Company {
    Company {
        id: CompanyId(format!("client-{:03}", i + 1)),
        name: format!(
            "{} {} {}",
            TRADES[i % TRADES.len()],
            NAMES[(i / TRADES.len()) % NAMES.len()],
            i + 1
        ),
        kind: CompanyKind::Client,
    }
}

/// A firm with `clients` clients and the demo's three users (Thomas Leroy may access every
/// client but each tenth, Léa Moreau each third), where every Expert-Comptable app of the
/// catalogue is installed for at least one client, and each client has a few apps. Each
/// installation is in the journal.
pub fn large_firm(
    catalogue: &Catalogue,
    clients: usize,
    seed: u64,
    now: Timestamp,
) -> ProductState {
    let product = Product::ExpertComptable;
    // Only the firm is taken from it: no connection's last use matters here.
    let base = demo::state(product, catalogue, Timestamp::EARLIEST);
    let mut companies: Vec<Company> = base
        .companies
        .iter()
        .filter(|c| c.kind == CompanyKind::Firm)
        .cloned()
        .collect();
    let firm = companies
        .first()
        .map(|c| c.id.clone())
        .unwrap_or_else(|| CompanyId::new(demo::FIRM));
    companies.extend((0..clients).map(client));
    let client_ids: Vec<CompanyId> = companies[1..].iter().map(|c| c.id.clone()).collect();
    let users = firm_users(&client_ids);
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
    let apps: Vec<AppId> = catalogue
        .apps()
        .iter()
        .filter(|a| a.supports(product))
        .map(|a| a.id.clone())
        .collect();
    let mut rng = Lcg(seed);
    let targets = targets(&apps, &client_ids, &firm, &mut rng);
    let managers = ["marie-dupont", "thomas-leroy"];
    let start = at(2025, 1, 6, 9, 0);
    for (n, (app, company)) in targets.into_iter().enumerate() {
        if state.connection(&app, &company).is_some() {
            continue;
        }
        let manager = UserId::new(managers[rng.below(managers.len())]);
        let may = state
            .user(&manager)
            .zip(state.company(&company))
            .is_some_and(|(u, c)| crate::domain::access::permissions::can_access(u, c));
        let manager = if may {
            manager
        } else {
            UserId::new(managers[0])
        };
        install(
            &mut state,
            catalogue,
            (app, company),
            manager,
            Timestamp(start.0 + n as i64 * 3_600_000),
        );
        // Used lately, within the last 80 days: active, as a firm's apps in use are.
        let used = Timestamp(now.0 - rng.below(80) as i64 * DAY_MS);
        if let Some(c) = state.connections.last_mut() {
            c.last_used = Some(used.max(c.managed_since()));
        }
    }
    state
}

/// The demo's three users: Thomas Leroy may access every client but each tenth, Léa
/// Moreau each third.
fn firm_users(client_ids: &[CompanyId]) -> Vec<User> {
    vec![
        user(
            "marie-dupont",
            "Marie Dupont",
            Role::PrimaryAdmin,
            Gender::Feminine,
            Vec::new(),
        ),
        user(
            "thomas-leroy",
            "Thomas Leroy",
            Role::Admin,
            Gender::Masculine,
            client_ids
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 10 != 9)
                .map(|(_, c)| c.clone())
                .collect(),
        ),
        user(
            "lea-moreau",
            "Léa Moreau",
            Role::Standard,
            Gender::Feminine,
            client_ids.iter().step_by(3).cloned().collect(),
        ),
    ]
}

/// Where to install: each app somewhere, then a few apps per client, then three for the
/// firm (a place already taken is skipped when installing).
fn targets(
    apps: &[AppId],
    client_ids: &[CompanyId],
    firm: &CompanyId,
    rng: &mut Lcg,
) -> Vec<(AppId, CompanyId)> {
    let mut targets: Vec<(AppId, CompanyId)> = Vec::new();
    if apps.is_empty() {
        return targets;
    }
    for (i, app) in apps.iter().enumerate() {
        if !client_ids.is_empty() {
            targets.push((app.clone(), client_ids[i % client_ids.len()].clone()));
        }
    }
    for c in client_ids {
        for _ in 0..1 + rng.below(6) {
            targets.push((apps[rng.below(apps.len())].clone(), c.clone()));
        }
    }
    for app in apps.iter().take(3) {
        targets.push((app.clone(), firm.clone()));
    }
    targets
}

fn user(id: &str, name: &str, role: Role, gender: Gender, clients: Vec<CompanyId>) -> User {
    User {
        id: UserId::new(id),
        name: name.into(),
        role,
        gender,
        clients,
        all_clients: false,
        email: address_for(name),
    }
}

fn install(
    state: &mut ProductState,
    catalogue: &Catalogue,
    (app, company): (AppId, CompanyId),
    manager: UserId,
    when: Timestamp,
) {
    let defaults = catalogue
        .app(&app)
        .map(|a| settings::defaults(&a.settings))
        .unwrap_or_default();
    record(
        state,
        when,
        &manager,
        (&app, &company),
        state.product.get_kind().event(),
    );
    state
        .connections
        .push(Connection::made((app, company), manager, when, 1, defaults));
}
