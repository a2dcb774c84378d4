//! Connections that age: the health at every boundary (85, 86, 99, 100, 101 days), the
//! demo's clock (a command, bounded, not journaled, the source of every date written),
//! what counts as use (connecting, reconnecting, taking over, Lancer, saving settings)
//! and that a refused command is not, Lancer refused once expired, Reconnecter's rights,
//! and the demo data with one connection expiring per product.

mod common;

use common::*;
use mes_apps::domain::commands::{Command, Outcome};
use mes_apps::domain::health::clock::{self, DAY_MS};
use mes_apps::domain::health::{self, Health};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Product, ProductState, Timestamp};

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn days(n: i64) -> i64 {
    n * DAY_MS
}

/// The health of `app` at `company`, at the demo's time of `NOW`.
fn health_of(state: &ProductState, app: &str, company: &str) -> Health {
    let conn = state.connection(&a(app), &c(company)).expect("connected");
    health::of(state, conn, NOW)
}

/// Sets when `app` at `company` was last used, `ago` days before `NOW`.
fn used_days_ago(state: &mut ProductState, app: &str, company: &str, ago: i64) {
    let conn = state
        .connections
        .iter_mut()
        .find(|x| x.app == a(app) && x.company == c(company))
        .expect("connected");
    conn.since = Timestamp(NOW.0 - days(400));
    conn.transferred = None;
    conn.last_used = Some(Timestamp(NOW.0 - days(ago)));
}

fn launch(app: &str, company: &str) -> Command {
    Command::Launch {
        app: a(app),
        company: c(company),
    }
}

fn reconnect(app: &str, company: &str) -> Command {
    Command::Reconnect {
        app: a(app),
        company: c(company),
    }
}

#[test]
fn the_state_at_each_boundary() {
    let cat = catalogue();
    let cases = [
        (85, Health::Active, "Active"),
        (86, Health::ExpiresIn(14), "Expire dans 14 jours"),
        (99, Health::ExpiresIn(1), "Expire dans 1 jour"),
        (100, Health::Expired, "À reconnecter"),
        (101, Health::Expired, "À reconnecter"),
    ];
    for (d, expected, label) in cases {
        let mut state = demo_state(QB, &cat);
        used_days_ago(&mut state, "banque-sereine", QB_COMPANY, d);
        let h = health_of(&state, "banque-sereine", QB_COMPANY);
        assert_eq!(h, expected, "{d} days");
        assert_eq!(h.label(Lang::Fr), fr(label), "{d} days");
        assert_eq!(
            h.offers_reconnect(),
            d >= 86,
            "{d} days: Reconnecter in the menu"
        );
        assert_eq!(
            h.is_expired(),
            d >= 100,
            "{d} days: Reconnecter replaces Lancer"
        );
        // The same days reached through the demo's clock: last used 30 days fewer ago,
        // and the clock 30 days ahead.
        let mut ahead = demo_state(QB, &cat);
        used_days_ago(&mut ahead, "banque-sereine", QB_COMPANY, d - 30);
        ahead.clock_offset = days(30);
        assert_eq!(
            health_of(&ahead, "banque-sereine", QB_COMPANY),
            expected,
            "{d} days, clock ahead"
        );
    }
    // A connection used "in the future" (a clock set back) is active.
    assert_eq!(health::at(Timestamp(NOW.0 + days(3)), NOW), Health::Active);
}

#[test]
fn a_connection_counts_from_its_transfer_when_never_used_since() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    let conn = state
        .connections
        .iter_mut()
        .find(|x| x.app == a("stock-malin"))
        .unwrap();
    // As data saved before last use existed reads: counted from when it was made, or
    // from its transfer.
    conn.last_used = None;
    conn.since = Timestamp(NOW.0 - days(300));
    conn.transferred = None;
    assert_eq!(
        health_of(&state, "stock-malin", QB_COMPANY),
        Health::Expired
    );
    let conn = state
        .connections
        .iter_mut()
        .find(|x| x.app == a("stock-malin"))
        .unwrap();
    conn.transferred = Some(Timestamp(NOW.0 - days(10)));
    assert_eq!(health_of(&state, "stock-malin", QB_COMPANY), Health::Active);
}

#[test]
fn the_demo_starts_active_but_for_one_expiring_connection_per_product() {
    let cat = catalogue();
    for (product, app, company) in [
        (QB, "tableau-clair", QB_COMPANY),
        (EC, "tresorerie-plus", "restaurant-le-comptoir"),
    ] {
        let state = demo_state(product, &cat);
        let not_active: Vec<_> = state
            .connections
            .iter()
            .filter(|x| health::of(&state, x, NOW) != Health::Active)
            .map(|x| (x.app.to_string(), health::of(&state, x, NOW)))
            .collect();
        assert_eq!(
            not_active,
            [(app.to_string(), Health::ExpiresIn(9))],
            "{product:?}"
        );
        assert_eq!(health_of(&state, app, company), Health::ExpiresIn(9));
        assert_eq!(state.clock_offset, 0);
        // The demo made at another time ages the same way from that time.
        let later =
            mes_apps::domain::data::demo::state(product, &cat, Timestamp(NOW.0 + days(500)));
        let conn = later.connection(&a(app), &c(company)).unwrap();
        assert_eq!(
            health::of(&later, conn, Timestamp(NOW.0 + days(500))),
            Health::ExpiresIn(9)
        );
    }
}

#[test]
fn advancing_the_clock_is_open_to_everyone_not_journaled_and_dates_what_follows() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    let journal = state.journal.len();
    let outcome = apply_checked(
        &mut state,
        &cat,
        "sophie-bernard",
        &Command::AdvanceClock { days: 30 },
    )
    .unwrap();
    let demo_now = Timestamp(NOW.0 + days(30));
    assert_eq!(
        outcome,
        Outcome::ClockAdvanced {
            days: 30,
            now: demo_now
        }
    );
    assert_eq!(
        outcome.message(&state, &cat, Lang::Fr),
        fr("La démo avance de 30 jours.")
    );
    assert_eq!(
        outcome.message(&state, &cat, Lang::En),
        "The demo moves 30 days ahead."
    );
    assert_eq!(state.clock_offset, days(30));
    assert_eq!(clock::now(&state, NOW), demo_now);
    assert_eq!(state.journal.len(), journal, "the clock is not journaled");
    assert_eq!(
        health_of(&state, "tableau-clair", QB_COMPANY),
        Health::Expired
    );
    assert_eq!(
        health_of(&state, "notes-eclair", QB_COMPANY),
        Health::ExpiresIn(10)
    );
    // Every date a command writes is the demo's.
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &get("caisse-horizon", QB_COMPANY),
    )
    .unwrap();
    let conn = state
        .connection(&a("caisse-horizon"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(conn.since, demo_now);
    assert_eq!(state.journal.last().unwrap().at, demo_now);
    assert_eq!(
        clock::date_label(Timestamp(at_2027_01_01()), 0, Lang::Fr),
        fr("Date de la démo : 1er janvier 2027").replace('\u{A0}', " ")
    );
    assert_eq!(
        clock::date_label(Timestamp(at_2027_01_01()), 0, Lang::En),
        "Demo date: January 1, 2027"
    );
}

fn at_2027_01_01() -> i64 {
    mes_apps::domain::health::time::at(2027, 1, 1, 12, 0).0
}

#[test]
fn the_clock_stops_at_its_limit_and_a_refusal_changes_nothing() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    state.clock_offset = days(clock::MAX_OFFSET_DAYS - 10);
    let e = refused(
        &mut state,
        &cat,
        "marie-dupont",
        &Command::AdvanceClock { days: 30 },
    );
    assert!(matches!(e, DomainError::ClockLimit { .. }));
    assert!(e.text(Lang::Fr).contains("réinitialisez la démo"), "{e:?}");
    refused(
        &mut state,
        &cat,
        "marie-dupont",
        &Command::AdvanceClock { days: 0 },
    );
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &Command::AdvanceClock { days: 10 },
    )
    .unwrap();
    // A reset starts the clock again from the real time.
    apply_checked(&mut state, &cat, "marie-dupont", &Command::Reset).unwrap();
    assert_eq!(state.clock_offset, 0);
}

/// Runs `command` on a state where `app` at `company` was last used 90 days ago, and
/// returns the connection's last use after it.
fn last_use_after(
    product: Product,
    actor: &str,
    app: &str,
    company: &str,
    command: &Command,
) -> Timestamp {
    let cat = catalogue();
    let mut state = demo_state(product, &cat);
    used_days_ago(&mut state, app, company, 90);
    assert_eq!(health_of(&state, app, company), Health::ExpiresIn(10));
    apply_checked(&mut state, &cat, actor, command)
        .unwrap_or_else(|e| panic!("{command:?} refused: {e:?}"));
    let conn = state
        .connection(&a(app), &c(company))
        .expect("still connected");
    assert_eq!(health::of(&state, conn, NOW), Health::Active, "{command:?}");
    conn.last_use()
}

#[test]
fn each_use_renews_the_connection() {
    let cat = catalogue();
    // Lancer, by anyone who may see it, a standard user included.
    assert_eq!(
        last_use_after(
            QB,
            "sophie-bernard",
            "stock-malin",
            QB_COMPANY,
            &launch("stock-malin", QB_COMPANY)
        ),
        NOW
    );
    // Saving settings.
    let values = changed_values(app_def(&cat, "stock-malin"));
    assert_eq!(
        last_use_after(
            QB,
            "julien-petit",
            "stock-malin",
            QB_COMPANY,
            &update("stock-malin", QB_COMPANY, values)
        ),
        NOW
    );
    // Taking it over ("Obtenir l'appli" on someone else's connection).
    assert_eq!(
        last_use_after(
            QB,
            "claire-martin",
            "stock-malin",
            QB_COMPANY,
            &get("stock-malin", QB_COMPANY)
        ),
        NOW
    );
    // Reconnecting, by its manager and by someone who takes it over.
    assert_eq!(
        last_use_after(
            QB,
            "julien-petit",
            "stock-malin",
            QB_COMPANY,
            &reconnect("stock-malin", QB_COMPANY)
        ),
        NOW
    );
    assert_eq!(
        last_use_after(
            QB,
            "claire-martin",
            "stock-malin",
            QB_COMPANY,
            &reconnect("stock-malin", QB_COMPANY)
        ),
        NOW
    );
    // Connecting: a new connection counts from now.
    let mut state = demo_state(QB, &cat);
    apply_checked(
        &mut state,
        &cat,
        "julien-petit",
        &get("paie-facile", QB_COMPANY),
    )
    .unwrap();
    let conn = state.connection(&a("paie-facile"), &c(QB_COMPANY)).unwrap();
    assert_eq!(conn.last_use(), NOW);
    assert_eq!(health::of(&state, conn, NOW), Health::Active);
}

#[test]
fn a_refused_command_is_not_use() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    used_days_ago(&mut state, "stock-malin", "pharmacie-du-port", 90);
    used_days_ago(&mut state, "tableau-clair", FIRM, 90);
    let before = state.clone();
    // Each is refused and, `refused` checks, changes nothing: the last use stays.
    refused(
        &mut state,
        &cat,
        "lea-moreau",
        &launch("stock-malin", "pharmacie-du-port"),
    );
    refused(
        &mut state,
        &cat,
        "thomas-leroy",
        &launch("stock-malin", "pharmacie-du-port"),
    );
    refused(
        &mut state,
        &cat,
        "lea-moreau",
        &update(
            "tableau-clair",
            FIRM,
            changed_values(app_def(&cat, "tableau-clair")),
        ),
    );
    let defaults =
        mes_apps::domain::forms::settings::defaults(&app_def(&cat, "tableau-clair").settings);
    let unchanged = state
        .connection(&a("tableau-clair"), &c(FIRM))
        .unwrap()
        .settings
        .clone();
    assert_eq!(unchanged, defaults);
    assert!(matches!(
        refused(
            &mut state,
            &cat,
            "marie-dupont",
            &update("tableau-clair", FIRM, unchanged)
        ),
        DomainError::NoChange
    ));
    refused(
        &mut state,
        &cat,
        "lea-moreau",
        &reconnect("tableau-clair", FIRM),
    );
    refused(
        &mut state,
        &cat,
        "thomas-leroy",
        &reconnect("tableau-clair", FIRM),
    );
    refused(
        &mut state,
        &cat,
        "marie-dupont",
        &launch("caisse-horizon", FIRM),
    );
    assert_eq!(state, before);
}

#[test]
fn lancer_on_an_expired_connection_is_refused_until_it_is_reconnected() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    used_days_ago(&mut state, "banque-sereine", QB_COMPANY, 100);
    let e = refused(
        &mut state,
        &cat,
        "sophie-bernard",
        &launch("banque-sereine", QB_COMPANY),
    );
    assert_eq!(
        e.text(Lang::Fr),
        fr(
            "La connexion de Banque Sereine pour Boulangerie Martin a expiré faute d'usage : \
         reconnectez-la pour l'ouvrir à nouveau."
        )
    );
    // Reconnecting is connecting: a standard user may not, and is told who may.
    let e = refused(
        &mut state,
        &cat,
        "sophie-bernard",
        &reconnect("banque-sereine", QB_COMPANY),
    );
    assert_names_exactly(QB, &e.text(Lang::Fr), &["Claire Martin", "Julien Petit"]);
    let journal = state.journal.len();
    let outcome = apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &reconnect("banque-sereine", QB_COMPANY),
    )
    .unwrap();
    assert_eq!(
        outcome.message(&state, &cat, Lang::Fr),
        fr("Banque Sereine est reconnectée pour Boulangerie Martin : sa connexion repart pour 100 jours.")
    );
    assert_eq!(state.journal.len(), journal + 1);
    assert_eq!(state.journal.last().unwrap().event, Event::Reconnection);
    let outcome = apply_checked(
        &mut state,
        &cat,
        "sophie-bernard",
        &launch("banque-sereine", QB_COMPANY),
    )
    .unwrap();
    assert!(matches!(outcome, Outcome::Launched { .. }));
    assert_eq!(state.journal.len(), journal + 1, "Lancer is not journaled");
}

#[test]
fn reconnecting_someone_elses_connection_is_the_transfer() {
    let cat = catalogue();
    // QuickBooks: an admin takes over, journaled as the transfer.
    let mut state = demo_state(QB, &cat);
    used_days_ago(&mut state, "tableau-clair", QB_COMPANY, 120);
    let outcome = apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &reconnect("tableau-clair", QB_COMPANY),
    )
    .unwrap();
    assert_eq!(
        outcome,
        Outcome::Reconnected {
            app: a("tableau-clair"),
            company: c(QB_COMPANY),
            from: Some(Some(u("julien-petit"))),
        }
    );
    let conn = state
        .connection(&a("tableau-clair"), &c(QB_COMPANY))
        .unwrap();
    assert_eq!(conn.manager, Some(u("claire-martin")));
    assert_eq!(conn.transferred, Some(NOW));
    assert_eq!(
        state.journal.last().unwrap().event,
        Event::Transfer {
            from: Some(u("julien-petit")),
            to: u("claire-martin")
        }
    );
    // Expert-Comptable: only the primary admin takes over; an admin renews their own.
    let mut state = demo_state(EC, &cat);
    let e = refused(
        &mut state,
        &cat,
        "thomas-leroy",
        &reconnect("tresorerie-plus", "restaurant-le-comptoir"),
    );
    assert!(matches!(e, DomainError::TakeOverReserved { .. }), "{e:?}");
    assert!(e.text(Lang::Fr).contains("Marie Dupont"));
    apply_checked(
        &mut state,
        &cat,
        "thomas-leroy",
        &reconnect("dossiers-partages", FIRM),
    )
    .unwrap();
    assert_eq!(state.journal.last().unwrap().event, Event::Reconnection);
    // A client the admin may not access: refused as such, naming who may.
    let e = refused(
        &mut state,
        &cat,
        "thomas-leroy",
        &reconnect("stock-malin", "pharmacie-du-port"),
    );
    assert!(
        matches!(e, DomainError::ClientNotAccessible { .. }),
        "{e:?}"
    );
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &reconnect("tresorerie-plus", "restaurant-le-comptoir"),
    )
    .unwrap();
    assert_eq!(
        health_of(&state, "tresorerie-plus", "restaurant-le-comptoir"),
        Health::Active
    );
}

#[test]
fn the_attention_summary() {
    use Health::*;
    assert_eq!(health::attention(&[Active, Active], Lang::Fr), None);
    assert_eq!(
        health::attention(&[Expired, ExpiresIn(9), Expired, Active], Lang::Fr),
        // The count before "expire" is composed at run time: a plain space.
        Some("2\u{A0}applis à reconnecter, 1 expire dans 9\u{A0}jours".to_string())
    );
    assert_eq!(
        health::attention(&[ExpiresIn(9)], Lang::Fr),
        Some(fr("1 appli expire dans 9 jours"))
    );
    assert_eq!(
        health::attention(&[ExpiresIn(1)], Lang::Fr),
        Some(fr("1 appli expire dans 1 jour"))
    );
    assert_eq!(
        health::attention(&[ExpiresIn(3), ExpiresIn(12)], Lang::Fr),
        Some(fr("2 applis expirent d'ici 12 jours"))
    );
    assert_eq!(
        health::attention(&[Expired], Lang::Fr),
        Some(fr("1 appli à reconnecter"))
    );
    assert_eq!(
        health::attention(&[Expired, ExpiresIn(9), Expired, Active], Lang::En).as_deref(),
        Some("2 apps to reconnect, 1 expires in 9 days")
    );
    assert_eq!(
        health::attention(&[ExpiresIn(3), ExpiresIn(12)], Lang::En).as_deref(),
        Some("2 apps expire within 12 days")
    );
}
