//! Ready-made situations to start a demonstration or a test from, each built from the
//! demo data or a seed by a few rules (never hand-written data): `demo`, the shipped
//! data; `depart`, a colleague who leaves and manages a dozen connections; `grand-cabinet`,
//! a firm of 200 clients with the catalogue's apps installed across them; `expirations`,
//! connections expiring soon or expired on the demo's clock; `revue`, an access review
//! due, with connections unused for months; `mise-a-jour`, two apps' newer versions
//! published, one of them installed for four clients.

use crate::domain::access::permissions::can_access;
use crate::domain::catalogue::Catalogue;
use crate::domain::data::demo;
use crate::domain::data::generated::large_firm;
use crate::domain::forms::settings;
use crate::domain::health::clock::DAY_MS;
use crate::domain::health::time::at;
use crate::domain::i18n::Lang;
use crate::domain::journal::{record, Event};
use crate::domain::model::update::Published;
use crate::domain::model::{
    AppId, CompanyId, CompanyKind, Connection, Product, ProductState, Timestamp, UserId,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scenario {
    Demo,
    Depart,
    Expirations,
    GrandCabinet,
    Revue,
    MiseAJour,
}

/// How many connections the leaving colleague manages in `depart`.
pub const DEPART_CONNECTIONS: usize = 12;
/// The clients of `grand-cabinet`.
pub const GRAND_CABINET_CLIENTS: usize = 200;
/// The seed of `grand-cabinet` (the benchmark's too).
pub const GRAND_CABINET_SEED: u64 = 2026;

impl Scenario {
    pub const ALL: [Scenario; 6] = [
        Scenario::Demo,
        Scenario::Depart,
        Scenario::Expirations,
        Scenario::GrandCabinet,
        Scenario::Revue,
        Scenario::MiseAJour,
    ];

    /// The value in the address (`?scenario=depart`) and the Scénario control.
    pub fn slug(self) -> &'static str {
        match self {
            Scenario::Demo => "demo",
            Scenario::Depart => "depart",
            Scenario::Expirations => "expirations",
            Scenario::GrandCabinet => "grand-cabinet",
            Scenario::Revue => "revue",
            Scenario::MiseAJour => "mise-a-jour",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Scenario> {
        Scenario::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The Scénario control's option.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Scenario::Demo => lang.scenario_demo(),
            Scenario::Depart => lang.scenario_depart(),
            Scenario::Expirations => lang.scenario_expirations(),
            Scenario::GrandCabinet => lang.scenario_grand_cabinet(),
            Scenario::Revue => lang.reviews_scenario(),
            Scenario::MiseAJour => lang.updates_scenario(),
        }
    }

    /// What loading it gives, in a sentence.
    pub fn description(self, product: Product, lang: Lang) -> &'static str {
        match (self, product) {
            (Scenario::Demo, _) => lang.scenario_demo_description(),
            (Scenario::Depart, Product::QuickBooks) => lang.scenario_depart_description_qb(),
            (Scenario::Depart, Product::ExpertComptable) => lang.scenario_depart_description_ec(),
            (Scenario::Expirations, _) => lang.scenario_expirations_description(),
            (Scenario::GrandCabinet, _) => lang.scenario_grand_cabinet_description(),
            (Scenario::Revue, _) => lang.reviews_scenario_description(),
            (Scenario::MiseAJour, _) => lang.updates_scenario_description(),
        }
    }

    /// Whether the scenario exists for `product` (a firm of clients, and an app installed
    /// for four of them, are Expert-Comptable's).
    pub fn exists_for(self, product: Product) -> bool {
        !matches!(self, Scenario::GrandCabinet | Scenario::MiseAJour) || product.has_clients()
    }

    /// The scenarios of `product`, in the Scénario control's order.
    pub fn of(product: Product) -> Vec<Scenario> {
        Scenario::ALL
            .into_iter()
            .filter(|s| s.exists_for(product))
            .collect()
    }

    /// The scenario's data for `product`, made at the real time `now`; `None` where it
    /// does not exist.
    pub fn build(
        self,
        product: Product,
        catalogue: &Catalogue,
        now: Timestamp,
    ) -> Option<ProductState> {
        if !self.exists_for(product) {
            return None;
        }
        Some(match self {
            Scenario::Demo => demo::state(product, catalogue, now),
            Scenario::Depart => depart(product, catalogue, now),
            Scenario::Expirations => expirations(product, catalogue, now),
            Scenario::GrandCabinet => {
                large_firm(catalogue, GRAND_CABINET_CLIENTS, GRAND_CABINET_SEED, now)
            }
            Scenario::Revue => review_due(product, catalogue, now),
            Scenario::MiseAJour => updates_published(product, catalogue, now),
        })
    }
}

/// Who leaves in `depart`: the demo's admin.
fn leaving(product: Product) -> UserId {
    UserId::new(match product {
        Product::QuickBooks => "julien-petit",
        Product::ExpertComptable => "thomas-leroy",
    })
}

/// The demo data, where the leaving admin also connected apps of the catalogue not yet
/// there, round the companies they may access (the firm first), until they manage
/// `DEPART_CONNECTIONS`.
fn depart(product: Product, catalogue: &Catalogue, now: Timestamp) -> ProductState {
    let mut state = demo::state(product, catalogue, now);
    let who = leaving(product);
    let Some(user) = state.user(&who).cloned() else {
        return state;
    };
    let companies: Vec<_> = state
        .companies
        .iter()
        .filter(|c| c.kind != CompanyKind::Client || can_access(&user, c))
        .map(|c| c.id.clone())
        .collect();
    let apps: Vec<AppId> = catalogue
        .apps()
        .iter()
        .filter(|a| a.supports(product))
        .map(|a| a.id.clone())
        .collect();
    let start = at(2026, 5, 4, 9, 0);
    let mut n = 0;
    for (i, app) in apps
        .iter()
        .cycle()
        .take(apps.len() * companies.len())
        .enumerate()
    {
        let managed = state
            .connections
            .iter()
            .filter(|c| c.is_managed_by(&who))
            .count();
        if managed >= DEPART_CONNECTIONS || companies.is_empty() {
            break;
        }
        let company = &companies[i % companies.len()];
        if state.connection(app, company).is_some() {
            continue;
        }
        let when = Timestamp(start.0 + n * 86_400_000);
        n += 1;
        record(
            &mut state,
            when,
            &who,
            (app, company),
            product.get_kind().event(),
        );
        let version = state.version_for_new(app);
        let defaults = catalogue
            .app(app)
            .map(|a| settings::defaults(&a.settings_at(version)))
            .unwrap_or_default();
        let mut made = Connection::made(
            (app.clone(), company.clone()),
            who.clone(),
            when,
            version,
            defaults,
        );
        made.last_used = Some(Timestamp(now.0 - (n % 30) * DAY_MS).max(when));
        state.connections.push(made);
    }
    state
}

/// How many days ago each of the demo's connections was last used in `expirations`, in
/// the order of the demo's connections: some expire within two weeks, some have expired.
const EXPIRATIONS_DAYS: [i64; 4] = [120, 95, 88, 101];

/// The demo data, where the first connections were last used long ago: two expire soon
/// and two have to be reconnected (the others stay as the demo has them).
fn expirations(product: Product, catalogue: &Catalogue, now: Timestamp) -> ProductState {
    let mut state = demo::state(product, catalogue, now);
    // The last connection stays as the demo has it.
    let aged = state.connections.len().saturating_sub(1);
    for (c, days) in state.connections[..aged].iter_mut().zip(EXPIRATIONS_DAYS) {
        // Never before the connection was made or taken over.
        let used = Timestamp(now.0 - days * DAY_MS).max(c.managed_since());
        c.last_used = Some(used);
    }
    state
}

/// How many days before `revue` is made its last access review was finished: one is due.
pub const REVUE_LAST_DAYS_AGO: i64 = 120;
/// How many days ago the demo's first connections were last used in `revue`: unused for
/// two months and more, not yet near expiry.
const REVUE_UNUSED_DAYS: [i64; 3] = [65, 74, 81];

/// The demo data, where the last access review is four months old and the first
/// connections have not been used for months.
fn review_due(product: Product, catalogue: &Catalogue, now: Timestamp) -> ProductState {
    let mut state = demo::state(product, catalogue, now);
    state.reviews.clear();
    demo::add_past_review(&mut state, Timestamp(now.0 - REVUE_LAST_DAYS_AGO * DAY_MS));
    for (c, days) in state.connections.iter_mut().zip(REVUE_UNUSED_DAYS) {
        let used = Timestamp(now.0 - days * DAY_MS).max(c.managed_since());
        c.last_used = Some(used);
    }
    state
}

/// The app of `mise-a-jour` installed for four clients, and the other one published.
pub const UPDATED_APPS: [&str; 2] = ["stock-malin", "tableau-clair"];
/// How many days before `mise-a-jour` is made each update was published: the second
/// waits for more than 30 days.
const UPDATED_DAYS_AGO: [i64; 2] = [2, 35];
/// The clients `mise-a-jour` adds Stock Malin to (the demo has it at two others), and
/// who installed it.
const MORE_STOCK: [(&str, &str); 2] = [
    ("garage-lefevre", "thomas-leroy"),
    ("restaurant-le-comptoir", "marie-dupont"),
];

/// The demo data, where Stock Malin is installed for two more clients (four in all) and
/// the newer versions of Stock Malin and Tableau Clair are published, by the primary
/// admin, journaled as the demo's button does.
fn updates_published(product: Product, catalogue: &Catalogue, now: Timestamp) -> ProductState {
    let mut state = demo::state(product, catalogue, now);
    let stock = AppId::new(UPDATED_APPS[0]);
    let since = at(2026, 5, 18, 10, 0);
    for (i, (client, who)) in MORE_STOCK.into_iter().enumerate() {
        let when = Timestamp(since.0 + i as i64 * DAY_MS);
        let company = CompanyId::new(client);
        let who = UserId::new(who);
        let defaults = catalogue
            .app(&stock)
            .map(|a| settings::defaults(&a.settings))
            .unwrap_or_default();
        record(
            &mut state,
            when,
            &who,
            (&stock, &company),
            product.get_kind().event(),
        );
        let mut made = Connection::made((stock.clone(), company), who, when, 1, defaults);
        made.last_used = Some(Timestamp(now.0 - (10 + i as i64) * DAY_MS).max(when));
        state.connections.push(made);
    }
    let (Some(admin), Some(home)) = (
        state.primary_admin().map(|u| u.id.clone()),
        state.home_company().map(|c| c.id.clone()),
    ) else {
        return state;
    };
    let mut published: Vec<(AppId, Timestamp, u32)> = UPDATED_APPS
        .iter()
        .zip(UPDATED_DAYS_AGO)
        .filter_map(|(app, days)| {
            let version = catalogue.app(&AppId::new(*app))?.next.as_ref()?.version;
            Some((AppId::new(*app), Timestamp(now.0 - days * DAY_MS), version))
        })
        .collect();
    // In the journal's order: the older first.
    published.sort_by_key(|(_, when, _)| *when);
    for (app, when, version) in published {
        record(
            &mut state,
            when,
            &admin,
            (&app, &home),
            Event::UpdatePublished { version },
        );
        state.updates.push(Published {
            app,
            version,
            at: when,
            by: admin.clone(),
        });
    }
    state
}
