//! Revue des accès: who may review what, the list a review goes through, the decisions
//! offered, decisions applied with the rules of one action each (a refusal alone), the
//! journal's entries, when the next review is due, the report's CSV, and what storage and
//! an import keep.

mod common;

use common::*;
use mes_apps::domain::access::queries::visible_connections;
use mes_apps::domain::commands::{Command, Outcome};
use mes_apps::domain::data::demo::LAST_REVIEW_DAYS_AGO;
use mes_apps::domain::data::scenario::Scenario;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::health::clock::DAY_MS;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::journal::Event;
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::review::{Decision, ItemResult, ReviewError, REVIEW_EVERY_DAYS};
use mes_apps::domain::model::{Product, ProductState};
use mes_apps::domain::reviews::{self, report, Hint, Show};
use mes_apps::storage::exchange;
use mes_apps::storage::kv::MemoryKv;
use mes_apps::storage::store::ProductStore;

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn decide(app: &str, company: &str, decision: Decision) -> Command {
    Command::DecideReview {
        app: a(app),
        company: c(company),
        decision,
    }
}

fn pairs(state: &ProductState, who: &str) -> Vec<(String, String)> {
    visible_connections(state, &u(who))
        .into_iter()
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .collect()
}

fn under_way_items(state: &ProductState) -> Vec<(String, String)> {
    reviews::under_way(state)
        .expect("a review under way")
        .items
        .iter()
        .map(|i| (i.app.to_string(), i.company.to_string()))
        .collect()
}

/// Starts a review by `who` and decides Conserver on everything not listed in `decisions`.
fn decided(
    state: &mut ProductState,
    cat: &mes_apps::domain::catalogue::Catalogue,
    who: &str,
    decisions: &[(&str, &str, Decision)],
) {
    apply_checked(state, cat, who, &Command::StartReview).expect("the review starts");
    for (app, company) in under_way_items(state) {
        let d = decisions
            .iter()
            .find(|(a, c, _)| *a == app && *c == company)
            .map_or(Decision::Keep, |(.., d)| *d);
        apply_checked(state, cat, who, &decide(&app, &company, d))
            .unwrap_or_else(|e| panic!("{d:?} on {app} — {company}: {e:?}"));
    }
}

#[test]
fn admins_and_the_primary_admin_may_review_standard_users_may_not() {
    let cat = catalogue();
    for (product, who, may) in [
        (QB, "claire-martin", true),
        (QB, "julien-petit", true),
        (QB, "sophie-bernard", false),
        (EC, "marie-dupont", true),
        (EC, "thomas-leroy", true),
        (EC, "lea-moreau", false),
    ] {
        let mut state = demo_state(product, &cat);
        assert_eq!(reviews::refusal(&state, &u(who)).is_none(), may, "{who}");
        let result = apply_checked(&mut state, &cat, who, &Command::StartReview);
        assert_eq!(result.is_ok(), may, "{who}: {result:?}");
        if let Err(e) = result {
            // The refusal names who may.
            let text = e.text(Lang::Fr);
            assert!(text.contains("faire une revue des accès"), "{text}");
        }
    }
}

#[test]
fn a_review_lists_exactly_the_connections_its_reviewer_may_see() {
    let cat = catalogue();
    for (product, who) in [
        (QB, "claire-martin"),
        (QB, "julien-petit"),
        (EC, "marie-dupont"),
        (EC, "thomas-leroy"),
    ] {
        let mut state = demo_state(product, &cat);
        let visible = pairs(&state, who);
        apply_checked(&mut state, &cat, who, &Command::StartReview).unwrap();
        assert_eq!(under_way_items(&state), visible, "{who}");
    }
    // Thomas Leroy does not see Pharmacie du Port; Marie Dupont sees every connection.
    let mut state = demo_state(EC, &cat);
    push_connection(
        &mut state,
        &cat,
        "stock-malin",
        "pharmacie-du-port",
        "marie-dupont",
        0,
    );
    assert!(!pairs(&state, "thomas-leroy")
        .iter()
        .any(|(_, c)| c == "pharmacie-du-port"));
    assert_eq!(pairs(&state, "marie-dupont").len(), state.connections.len());
}

#[test]
fn the_decisions_offered_follow_the_rights_of_each_action() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    // Thomas Leroy (admin) may not take over in Expert-Comptable; Marie Dupont may, but
    // not what she manages herself.
    for c in state.connections.clone() {
        let thomas = reviews::choices(&state, &u("thomas-leroy"), &c.app, &c.company);
        let marie = reviews::choices(&state, &u("marie-dupont"), &c.app, &c.company);
        assert!(!thomas.contains(&Decision::TakeOver));
        assert_eq!(
            marie.contains(&Decision::TakeOver),
            !c.is_managed_by(&u("marie-dupont"))
        );
        assert_eq!(marie[0], Decision::Keep);
        assert!(marie.contains(&Decision::Disconnect));
    }
    // A suspended connection is not offered Suspendre.
    let first = state.connections[0].clone();
    apply_checked(
        &mut state,
        &cat,
        "marie-dupont",
        &Command::Suspend {
            app: first.app.clone(),
            company: first.company.clone(),
        },
    )
    .unwrap();
    let offered = reviews::choices(&state, &u("marie-dupont"), &first.app, &first.company);
    assert!(!offered.contains(&Decision::Suspend), "{offered:?}");
    // In QuickBooks an admin takes over what the primary admin manages.
    let qb = demo_state(QB, &cat);
    let claire = qb
        .connections
        .iter()
        .find(|c| c.is_managed_by(&u("claire-martin")))
        .unwrap();
    let julien = reviews::choices(&qb, &u("julien-petit"), &claire.app, &claire.company);
    assert_eq!(julien, Decision::ALL.to_vec());
    // A decision not offered is refused, and changes nothing.
    let mut state = demo_state(EC, &cat);
    apply_checked(&mut state, &cat, "thomas-leroy", &Command::StartReview).unwrap();
    let (app, company) = under_way_items(&state)[0].clone();
    let e = refused(
        &mut state,
        &cat,
        "thomas-leroy",
        &decide(&app, &company, Decision::TakeOver),
    );
    assert!(
        matches!(e, DomainError::Review(ReviewError::NotOffered { .. })),
        "{e:?}"
    );
}

#[test]
fn hints_say_what_holds_never_which_answer() {
    let cat = catalogue();
    let state = Scenario::Revue.build(EC, &cat, NOW).unwrap();
    let marie = u("marie-dupont");
    let unused: Vec<_> = state
        .connections
        .iter()
        .filter(|c| reviews::is_unused(&state, c, NOW))
        .collect();
    assert!(unused.len() >= 3, "{}", unused.len());
    for c in &state.connections {
        let hints = reviews::hints(&state, c, &marie, NOW);
        let days = reviews::days_unused(&state, c, NOW);
        assert_eq!(hints.contains(&Hint::Unused(days)), days >= 60, "{c:?}");
        assert_eq!(
            hints.contains(&Hint::ManagedByOther(c.manager.clone())),
            !c.is_managed_by(&marie)
        );
    }
}

#[test]
fn decisions_are_saved_as_they_are_taken_and_only_by_the_reviewer() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let journal = state.journal.len();
    apply_checked(&mut state, &cat, "thomas-leroy", &Command::StartReview).unwrap();
    assert_eq!(state.journal.len(), journal + 1);
    assert!(matches!(
        state.journal.last().map(|e| (&e.event, &e.app)),
        Some((Event::ReviewStarted { review: 2 }, None))
    ));
    // A second review waits for this one.
    let e = refused(&mut state, &cat, "marie-dupont", &Command::StartReview);
    assert!(e.text(Lang::Fr).contains("Thomas Leroy"), "{e:?}");
    let (app, company) = under_way_items(&state)[0].clone();
    apply_checked(
        &mut state,
        &cat,
        "thomas-leroy",
        &decide(&app, &company, Decision::Suspend),
    )
    .unwrap();
    // Taking a decision writes nothing in the journal.
    assert_eq!(state.journal.len(), journal + 1);
    let review = reviews::under_way(&state).unwrap().clone();
    assert_eq!(review.items[0].decision, Some(Decision::Suspend));
    assert_eq!(reviews::progress(&state, &review), (1, review.items.len()));
    // Someone else neither decides nor applies it.
    for command in [decide(&app, &company, Decision::Keep), Command::ApplyReview] {
        let e = refused(&mut state, &cat, "marie-dupont", &command);
        assert!(
            matches!(e, DomainError::Review(ReviewError::NotReviewer { .. })),
            "{e:?}"
        );
    }
    // Applying waits for every decision.
    let e = refused(&mut state, &cat, "thomas-leroy", &Command::ApplyReview);
    let left = review.items.len() - 1;
    assert_eq!(e, DomainError::Review(ReviewError::Undecided { left }));
    // The primary admin may abandon someone else's review: nothing else changes.
    let before = state.connections.clone();
    let outcome = apply_checked(&mut state, &cat, "marie-dupont", &Command::AbandonReview);
    assert_eq!(outcome, Ok(Outcome::ReviewAbandoned { id: 2 }));
    assert!(reviews::under_way(&state).is_none());
    assert_eq!(state.connections, before);
    assert!(matches!(
        state.journal.last().map(|e| &e.event),
        Some(Event::ReviewAbandoned { review: 2 })
    ));
}

#[test]
fn applying_runs_each_decision_with_the_rules_of_one_action() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    let thomas_one = state
        .connections
        .iter()
        .find(|c| c.is_managed_by(&u("thomas-leroy")))
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .unwrap();
    let others: Vec<(String, String)> = state
        .connections
        .iter()
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .filter(|p| p != &thomas_one)
        .take(2)
        .collect();
    let plan = [
        (
            others[0].0.as_str(),
            others[0].1.as_str(),
            Decision::Disconnect,
        ),
        (
            others[1].0.as_str(),
            others[1].1.as_str(),
            Decision::Suspend,
        ),
        (
            thomas_one.0.as_str(),
            thomas_one.1.as_str(),
            Decision::TakeOver,
        ),
    ];
    decided(&mut state, &cat, "marie-dupont", &plan);
    let total = state.connections.len();
    let journal = state.journal.len();
    let outcome = apply_checked(&mut state, &cat, "marie-dupont", &Command::ApplyReview);
    assert_eq!(outcome, Ok(Outcome::ReviewApplied { id: 2 }));
    // Disconnected, with its receipt and the review's reason.
    let (app, company) = (&a(plan[0].0), &c(plan[0].1));
    assert!(state.connection(app, company).is_none());
    let receipt = state.receipts.last().expect("a receipt");
    assert_eq!((&receipt.app, &receipt.company), (app, company));
    assert_eq!(receipt.answers.reason, Reason::AccessReview);
    assert_eq!(
        receipt.answers.summary(Lang::Fr),
        "Revue des accès\u{202f}: plus nécessaire"
    );
    // Suspended, and taken over from Thomas Leroy.
    assert!(state
        .connection(&a(plan[1].0), &c(plan[1].1))
        .unwrap()
        .suspended
        .is_some());
    let taken = state.connection(&a(plan[2].0), &c(plan[2].1)).unwrap();
    assert!(taken.is_managed_by(&u("marie-dupont")));
    // The journal: one entry per decision (Conserver's own), then the end.
    let added = &state.journal[journal..];
    assert_eq!(added.len(), total + 1);
    let kept = added
        .iter()
        .filter(|e| matches!(e.event, Event::ReviewKept { review: 2 }));
    assert_eq!(kept.count(), total - 3);
    assert!(matches!(
        added.last().map(|e| &e.event),
        Some(Event::ReviewFinished { review: 2 })
    ));
    // The report: every decision done, with the entry it wrote.
    let review = reviews::review(&state, 2).unwrap();
    assert!(review.is_finished());
    assert_eq!(review.applied(), (total, 0));
    let item = review.item(app, company).unwrap();
    assert_eq!(
        item.result,
        Some(ItemResult::Done {
            entry: Some(receipt.id)
        })
    );
    assert!(reviews::under_way(&state).is_none());
}

#[test]
fn a_decision_that_has_become_refused_is_refused_alone() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    // Thomas Leroy suspends a client's app, then loses his access to that client before
    // he applies: that decision is refused, the others are applied.
    let target = state
        .connections
        .iter()
        .find(|c| c.company.as_str() == "garage-lefevre")
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .unwrap();
    let plan = [(target.0.as_str(), target.1.as_str(), Decision::Suspend)];
    decided(&mut state, &cat, "thomas-leroy", &plan);
    // Conserver on a client he no longer sees is refused too: it would journal a
    // connection he may not look at.
    let kept = state
        .connections
        .iter()
        .find(|c| c.company.as_str() == "studio-nova")
        .map(|c| (c.app.clone(), c.company.clone()))
        .unwrap();
    let thomas = state
        .users
        .iter_mut()
        .find(|u| u.id.as_str() == "thomas-leroy")
        .unwrap();
    thomas
        .clients
        .retain(|c| !["garage-lefevre", "studio-nova"].contains(&c.as_str()));
    apply_checked(&mut state, &cat, "thomas-leroy", &Command::ApplyReview).unwrap();
    let review = reviews::review(&state, 2).unwrap();
    let (done, refused_n) = review.applied();
    assert_eq!((done, refused_n), (review.items.len() - 2, 2));
    let kept = review.item(&kept.0, &kept.1).unwrap();
    assert_eq!(kept.decision, Some(Decision::Keep));
    assert!(
        kept.result.as_ref().is_some_and(|r| !r.is_done()),
        "{kept:?}"
    );
    let item = review.item(&a(&target.0), &c(&target.1)).unwrap();
    let why = item
        .result
        .as_ref()
        .and_then(|r| r.refusal(Lang::Fr))
        .unwrap();
    assert!(why.contains("Garage Lefèvre"), "{why}");
    assert!(item
        .result
        .as_ref()
        .and_then(|r| r.refusal(Lang::En))
        .is_some());
    assert!(state
        .connection(&a(&target.0), &c(&target.1))
        .unwrap()
        .suspended
        .is_none());
    assert!(report::outcome(item, Lang::Fr).starts_with("Suspendre refusé"));
}

#[test]
fn a_review_is_due_ninety_days_after_the_last_one() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    assert!(!reviews::is_due(&state, NOW));
    let left = REVIEW_EVERY_DAYS - LAST_REVIEW_DAYS_AGO;
    let just_before = NOW.0 + left * DAY_MS - 1;
    assert!(!reviews::is_due(
        &state,
        mes_apps::domain::model::Timestamp(just_before)
    ));
    // The demo's clock counts: two "Avancer de 30 jours" bring it.
    for _ in 0..2 {
        apply_checked(
            &mut state,
            &cat,
            "lea-moreau",
            &Command::AdvanceClock { days: 30 },
        )
        .unwrap();
    }
    assert!(reviews::is_due(&state, NOW));
    // Under way, it is no longer announced; finished, it is due 90 days later.
    decided(&mut state, &cat, "marie-dupont", &[]);
    assert!(!reviews::is_due(&state, NOW));
    apply_checked(&mut state, &cat, "marie-dupont", &Command::ApplyReview).unwrap();
    assert!(!reviews::is_due(&state, NOW));
    let later = NOW.0 + (REVIEW_EVERY_DAYS - 1) * DAY_MS;
    assert!(!reviews::is_due(
        &state,
        mes_apps::domain::model::Timestamp(later)
    ));
    let due = NOW.0 + REVIEW_EVERY_DAYS * DAY_MS;
    assert!(reviews::is_due(
        &state,
        mes_apps::domain::model::Timestamp(due)
    ));
    // Never reviewed: due as soon as an app is connected.
    let mut never = demo_state(QB, &cat);
    never.reviews.clear();
    assert!(reviews::is_due(&never, NOW));
    never.connections.clear();
    assert!(!reviews::is_due(&never, NOW));
    // The scenario starts with one due.
    assert!(reviews::is_due(
        &Scenario::Revue.build(QB, &cat, NOW).unwrap(),
        NOW
    ));
}

#[test]
fn the_filter_shows_all_what_is_left_or_the_unused() {
    let cat = catalogue();
    let mut state = Scenario::Revue.build(QB, &cat, NOW).unwrap();
    apply_checked(&mut state, &cat, "claire-martin", &Command::StartReview).unwrap();
    let (app, company) = under_way_items(&state)[0].clone();
    apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &decide(&app, &company, Decision::Keep),
    )
    .unwrap();
    let review = reviews::under_way(&state).unwrap();
    let count = |show: Show| {
        review
            .items
            .iter()
            .filter(|i| show.shows(&state, i, NOW))
            .count()
    };
    assert_eq!(count(Show::All), review.items.len());
    assert_eq!(count(Show::ToExamine), review.items.len() - 1);
    let unused = state
        .connections
        .iter()
        .filter(|c| reviews::is_unused(&state, c, NOW))
        .count();
    assert_eq!(count(Show::Unused), unused);
    for s in Show::ALL {
        assert_eq!(Show::from_slug(s.slug()), Some(s));
    }
}

#[test]
fn the_report_csv_has_a_row_per_connection_quoted_and_disarmed() {
    let cat = catalogue();
    let mut state = demo_state(EC, &cat);
    state.companies[1].name = "=HYPERLINK(\"x\"), et \"guillemets\"".into();
    decided(&mut state, &cat, "marie-dupont", &[]);
    apply_checked(&mut state, &cat, "marie-dupont", &Command::ApplyReview).unwrap();
    let review = reviews::review(&state, 2).unwrap();
    let text = report::write(&state, &cat, review, &|_| 60, Lang::Fr);
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    // The header, one row per connection, and the empty rest after the last CRLF.
    assert_eq!(lines.len(), review.items.len() + 2, "{text}");
    assert_eq!(lines.last(), Some(&""));
    assert!(lines[0].starts_with("Date de la revue,Revue faite par,Appli,Entreprise"));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"x\"\"), et \"\"guillemets\"\"\""),
        "{text}"
    );
    assert!(lines[1].contains("Marie Dupont"));
    assert!(lines[1].contains("Conserver"));
    assert_eq!(
        report::file_name(EC, 2, "2026-12-07"),
        "revue-des-acces-expert-comptable-2-2026-12-07.csv"
    );
}

#[test]
fn reviews_survive_a_reload_and_an_export_and_bad_ones_are_refused() {
    let cat = catalogue();
    let kv = MemoryKv::new();
    let (mut store, mut state, _) = ProductStore::open(kv.clone(), EC, &cat, NOW);
    for command in [
        Command::StartReview,
        decide("tableau-clair", FIRM, Decision::Suspend),
    ] {
        store
            .execute(&mut state, &env(&cat), &u("marie-dupont"), &command)
            .unwrap();
    }
    let (_, reopened, issue) = ProductStore::open(kv, EC, &cat, NOW);
    assert_eq!(issue, None);
    assert_eq!(reopened.reviews, state.reviews);
    let back = exchange::import(&exchange::export(&state, NOW), EC, &cat, Lang::Fr).unwrap();
    assert_eq!(back.reviews, state.reviews);
    // Two reviews under way, an unknown reviewer, a connection twice, a result before the
    // end: each is said where it is.
    let mut bad = state.clone();
    let mut second = bad.reviews.last().unwrap().clone();
    second.id = 9;
    second.reviewer = u("inconnu");
    let twice = second.items[0].clone();
    second.items.push(twice);
    second.items[1].result = Some(ItemResult::Done { entry: None });
    bad.reviews.push(second);
    let problems = validate(&bad, EC, &cat).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for want in [
        "data.reviews",
        "data.reviews[2].reviewer",
        "data.reviews[2].items[",
        "data.reviews[2].items[1].result",
    ] {
        assert!(
            paths.iter().any(|p| p.starts_with(want)),
            "{want} in {paths:?}"
        );
    }
}

#[test]
fn an_abandoned_review_s_number_is_not_given_again() {
    let cat = catalogue();
    let mut state = demo_state(QB, &cat);
    apply_checked(&mut state, &cat, "claire-martin", &Command::StartReview).unwrap();
    apply_checked(&mut state, &cat, "claire-martin", &Command::AbandonReview).unwrap();
    let outcome = apply_checked(&mut state, &cat, "julien-petit", &Command::StartReview);
    assert_eq!(outcome, Ok(Outcome::ReviewStarted { id: 3 }));
    let numbers: Vec<u64> = state
        .journal
        .iter()
        .filter_map(|e| e.event.review())
        .collect();
    assert_eq!(numbers, [2, 2, 3], "each number names one review");
}
