//! Utilisateurs: who may add, change and remove whom; the person's form; removal and
//! changes that hand connections over (or leave them without a manager); the primary
//! admin's role handed over; and what a removed person leaves behind.

mod common;

use common::*;
use mes_apps::domain::commands::people::Handed;
use mes_apps::domain::commands::{apply, Command, Outcome};
use mes_apps::domain::health::{self, Health};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::import::validate::validate;
use mes_apps::domain::journal::{self, Event};
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::team::{FieldProblem, PeopleError, UserField};
use mes_apps::domain::model::{Product, ProductState, Role};
use mes_apps::domain::people::form::{plausible_email, UserForm, MAX_EMAIL, MAX_NAME};
use mes_apps::domain::people::{self, PeopleAction};
use mes_apps::domain::requests::Status;
use mes_apps::storage::exchange;

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;

fn form(name: &str, email: &str, admin: bool) -> UserForm {
    UserForm {
        name: name.into(),
        email: email.into(),
        admin,
        ..UserForm::default()
    }
}

fn nina(admin: bool) -> Command {
    Command::AddUser(form("Nina Roux", "nina.roux@exemple.fr", admin))
}

fn remove(id: &str, to: Option<&str>) -> Command {
    Command::RemoveUser {
        id: u(id),
        to: to.map(u),
    }
}

fn people_error(e: DomainError) -> PeopleError {
    match e {
        DomainError::People(p) => p,
        other => panic!("a refusal about people, got {other:?}"),
    }
}

fn managed(state: &ProductState, who: &str) -> Vec<(String, String)> {
    people::managed(state, &u(who))
        .into_iter()
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .collect()
}

#[test]
fn each_role_may_manage_people_as_the_table_says() {
    let cat = catalogue();
    for product in Product::ALL {
        let state = demo_state(product, &cat);
        let standard = state
            .users
            .iter()
            .find(|u| u.role == Role::Standard)
            .unwrap();
        let admin = state.users.iter().find(|u| u.role == Role::Admin).unwrap();
        for actor in &state.users {
            let may = |action| people::check(&state, actor, action).is_ok();
            let primary = actor.role == Role::PrimaryAdmin;
            let qb_admin = product == QB && actor.role == Role::Admin;
            let add_standard = PeopleAction::Add {
                role: Role::Standard,
            };
            assert_eq!(may(add_standard), primary || qb_admin, "{}", actor.name);
            assert_eq!(may(PeopleAction::Add { role: Role::Admin }), primary);
            let keep_standard = PeopleAction::Change {
                who: standard,
                role: Role::Standard,
            };
            assert_eq!(may(keep_standard), primary || qb_admin, "{}", actor.name);
            let promote = PeopleAction::Change {
                who: standard,
                role: Role::Admin,
            };
            assert_eq!(may(promote), primary, "{}", actor.name);
            let demote = PeopleAction::Change {
                who: admin,
                role: Role::Standard,
            };
            assert_eq!(may(demote), primary, "{}", actor.name);
            assert_eq!(may(PeopleAction::Remove { who: standard }), primary);
            assert_eq!(may(PeopleAction::HandPrimary), primary);
            assert_eq!(people::may_add(&state, actor), primary || qb_admin);
        }
    }
}

#[test]
fn a_refusal_says_who_may_manage_people() {
    let cat = catalogue();
    let mut qb = demo_state(QB, &cat);
    let said = refused(&mut qb, &cat, "sophie-bernard", &nina(false)).text(Lang::Fr);
    assert!(
        plain(&said).starts_with("Claire Martin (administratrice principale) est la seule"),
        "her role reads in the feminine: {said}"
    );
    assert!(
        said.contains("utilisateurs standard"),
        "admins may too: {said}"
    );
    let mut ec = demo_state(EC, &cat);
    let said = refused(&mut ec, &cat, "thomas-leroy", &nina(false)).text(Lang::Fr);
    assert!(said.contains("Marie Dupont"), "{said}");
    assert!(!said.contains("standard"), "only the primary admin: {said}");
    let en = refused(&mut ec, &cat, "thomas-leroy", &nina(false)).text(Lang::En);
    assert!(
        en.contains("Marie Dupont (primary admin) is the only person"),
        "{en}"
    );
}

#[test]
fn a_standard_user_added_is_at_once_someone_who_may_only_ask() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let seq = journal::next_seq(&s);
    let done = apply_checked(&mut s, &cat, "claire-martin", &nina(false)).unwrap();
    assert_eq!(done, Outcome::UserAdded { id: u("nina-roux") });
    let added = s.user(&u("nina-roux")).expect("in the product's users");
    assert_eq!(
        (added.role, added.email.as_str()),
        (Role::Standard, "nina.roux@exemple.fr")
    );
    let entry = s.journal.last().unwrap();
    assert_eq!(entry.seq, seq);
    assert_eq!(entry.app, None, "an entry about people names no app");
    assert_eq!(
        entry.event,
        Event::UserAdded {
            user: u("nina-roux")
        }
    );
    assert!(done.message(&s, &cat, Lang::Fr).contains("Nina Roux"));
    // She may not connect an app; she may ask for one.
    let e = refused(
        &mut s,
        &cat,
        "nina-roux",
        &get("caisse-horizon", QB_COMPANY),
    );
    assert!(matches!(e, DomainError::Forbidden { .. }), "{e:?}");
    let ask = Command::Request {
        app: a("caisse-horizon"),
        company: c(QB_COMPANY),
        message: String::new(),
    };
    apply_checked(&mut s, &cat, "nina-roux", &ask).expect("she may ask");
    // A second Nina Roux gets another id, and may not reuse the address.
    let e = refused(&mut s, &cat, "claire-martin", &nina(false));
    let PeopleError::Invalid(fields) = people_error(e) else {
        panic!("the form's problems")
    };
    assert_eq!(fields[0].field, UserField::Email);
    assert_eq!(fields[0].problem, FieldProblem::Taken);
    let again = Command::AddUser(form("Nina Roux", "nina@exemple.fr", false));
    apply_checked(&mut s, &cat, "claire-martin", &again).unwrap();
    assert!(s.user(&u("nina-roux-2")).is_some());
}

#[test]
fn a_quickbooks_admin_adds_standard_users_only() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let e = refused(&mut s, &cat, "julien-petit", &nina(true));
    assert!(matches!(people_error(e), PeopleError::Forbidden { .. }));
    apply_checked(&mut s, &cat, "julien-petit", &nina(false)).unwrap();
    // He may change her, as long as she stays a standard user.
    let renamed = Command::ChangeUser {
        id: u("nina-roux"),
        form: form("Nina Roux-Lemaire", "nina.roux@exemple.fr", false),
        to: None,
    };
    apply_checked(&mut s, &cat, "julien-petit", &renamed).unwrap();
    assert_eq!(s.user(&u("nina-roux")).unwrap().name, "Nina Roux-Lemaire");
    let promoted = Command::ChangeUser {
        id: u("nina-roux"),
        form: form("Nina Roux", "nina.roux@exemple.fr", true),
        to: None,
    };
    refused(&mut s, &cat, "julien-petit", &promoted);
    // The same form again changes nothing.
    let same = Command::ChangeUser {
        id: u("nina-roux"),
        form: form("Nina Roux-Lemaire", "nina.roux@exemple.fr", false),
        to: None,
    };
    assert_eq!(
        refused(&mut s, &cat, "julien-petit", &same),
        DomainError::NoChange
    );
}

#[test]
fn the_form_is_checked_field_by_field() {
    let cat = catalogue();
    let s = demo_state(EC, &cat);
    let check = |f: UserForm| {
        mes_apps::domain::people::form::validate(&s, &f.tidy(&s), None)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect::<Vec<_>>()
    };
    assert_eq!(check(form("Nina", "nina@exemple.fr", false)), vec![]);
    assert_eq!(
        check(form("  ", "", false)),
        vec![
            (UserField::Name, FieldProblem::Empty),
            (UserField::Email, FieldProblem::Empty)
        ]
    );
    let long = "é".repeat(MAX_NAME + 1);
    assert_eq!(
        check(form(&long, "nina@exemple.fr", false)),
        vec![(UserField::Name, FieldProblem::TooLong { max: MAX_NAME })]
    );
    assert_eq!(
        check(form("Ni\u{7}na", "nina@exemple.fr", false)),
        vec![(UserField::Name, FieldProblem::ControlCharacters)]
    );
    assert_eq!(
        check(form("Ni\u{202e}na", "nina@exemple.fr", false)),
        vec![(UserField::Name, FieldProblem::ControlCharacters)]
    );
    let long_mail = format!("{}@exemple.fr", "n".repeat(MAX_EMAIL));
    assert_eq!(
        check(form("Nina", &long_mail, false)),
        vec![(UserField::Email, FieldProblem::TooLong { max: MAX_EMAIL })]
    );
    assert_eq!(
        check(form("Nina", "MARIE.DUPONT@exemple.fr", false)),
        vec![(UserField::Email, FieldProblem::Taken)],
        "an address is the same whatever its case"
    );
    let mut unknown = form("Nina", "nina@exemple.fr", false);
    unknown.clients = vec![c(FIRM), c("nulle-part")];
    let problems = mes_apps::domain::people::form::validate(&s, &unknown, None).unwrap_err();
    assert_eq!(
        problems.len(),
        2,
        "the firm and an unknown id are not clients"
    );
    for bad in [
        "nina",
        "nina@",
        "@exemple.fr",
        "nina@exemple",
        "nina roux@exemple.fr",
        "nina@@exemple.fr",
        "nina@exemple..fr",
        "nina@-exemple.fr",
    ] {
        assert!(!plausible_email(bad), "{bad}");
    }
    for good in [
        "nina@exemple.fr",
        "n.roux+mes-apps@cabinet-dupont.co.uk",
        "é@exemple.fr",
    ] {
        assert!(plausible_email(good), "{good}");
    }
}

#[test]
fn removing_julien_gives_his_connections_to_claire_one_entry_each() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let his = managed(&s, "julien-petit");
    assert!(his.len() >= 2, "the demo: Julien manages at least 2");
    let seq = journal::next_seq(&s);
    let done = apply_checked(
        &mut s,
        &cat,
        "claire-martin",
        &remove("julien-petit", Some("claire-martin")),
    )
    .unwrap();
    let Outcome::UserRemoved { id, handed } = &done else {
        panic!("{done:?}")
    };
    assert_eq!(id, &u("julien-petit"));
    assert_eq!(handed.len(), his.len());
    assert!(handed
        .iter()
        .all(|h| h.to == Some(u("claire-martin")) && h.refusal.is_none()));
    assert!(s.user(&u("julien-petit")).is_none(), "gone from the users");
    assert_eq!(s.former[0].name, "Julien Petit");
    assert!(managed(&s, "julien-petit").is_empty());
    for (app, company) in &his {
        let conn = s.connection(&a(app), &c(company)).unwrap();
        assert_eq!(conn.manager, Some(u("claire-martin")));
        assert_eq!(conn.transferred, Some(NOW));
    }
    let entries = &s.journal[(seq - 1) as usize..];
    assert_eq!(
        entries.len(),
        1 + his.len(),
        "the removal, then one per connection"
    );
    assert_eq!(
        entries[0].event,
        Event::UserRemoved {
            user: u("julien-petit"),
            to: Some(u("claire-martin"))
        }
    );
    for e in &entries[1..] {
        assert_eq!(e.actor, u("claire-martin"));
        assert_eq!(
            e.event,
            Event::Transfer {
                from: Some(u("julien-petit")),
                to: u("claire-martin")
            }
        );
    }
    // What he did keeps his name, marked.
    assert_eq!(
        s.person(&u("julien-petit"), Lang::Fr),
        "Julien Petit (ne fait plus partie de l'équipe)"
    );
    let said = done.message(&s, &cat, Lang::Fr);
    assert!(
        said.contains("Julien Petit") && said.contains("Claire Martin"),
        "{said}"
    );
    assert!(
        validate(&s, QB, &cat).is_ok(),
        "{:?}",
        validate(&s, QB, &cat)
    );
}

#[test]
fn removing_thomas_with_nobody_leaves_his_connections_without_a_manager() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    let his = managed(&s, "thomas-leroy");
    let firm = his.iter().filter(|(_, co)| co == FIRM).count();
    assert!(
        firm > 0 && firm < his.len(),
        "the firm's and clients' both: {his:?}"
    );
    apply_checked(&mut s, &cat, "marie-dupont", &remove("thomas-leroy", None)).unwrap();
    for (app, company) in &his {
        let conn = s.connection(&a(app), &c(company)).unwrap();
        assert_eq!(conn.manager, None, "{app} at {company}");
        assert_eq!(health::of(&s, conn, NOW), Health::Unmanaged);
    }
    let healths: Vec<Health> = s
        .connections
        .iter()
        .map(|c| health::of(&s, c, NOW))
        .collect();
    let summary = health::attention(&healths, Lang::Fr).unwrap();
    assert!(
        plain(&summary).starts_with(&format!("{} applis sans gestionnaire", his.len())),
        "{summary} / {}",
        his.len()
    );
    let last = s.journal.last().unwrap();
    assert_eq!(
        last.event,
        Event::Unmanaged {
            from: u("thomas-leroy")
        }
    );
    // Lancer says it stops syncing; the primary admin takes it over.
    let (app, company) = &his[0];
    let launch = Command::Launch {
        app: a(app),
        company: c(company),
    };
    let e = refused(&mut s, &cat, "marie-dupont", &launch);
    assert!(matches!(
        e,
        DomainError::People(PeopleError::Unmanaged { .. })
    ));
    assert!(
        e.text(Lang::Fr).contains("ne se synchronise plus"),
        "{}",
        e.text(Lang::Fr)
    );
    let lea = refused(&mut s, &cat, "lea-moreau", &get(app, company));
    assert!(
        !matches!(lea, DomainError::AlreadyManaged { .. }),
        "{lea:?}"
    );
    let taken = apply_checked(&mut s, &cat, "marie-dupont", &get(app, company)).unwrap();
    assert!(
        matches!(taken, Outcome::Transferred { from: None, .. }),
        "{taken:?}"
    );
    assert_eq!(
        s.journal.last().unwrap().event,
        Event::Transfer {
            from: None,
            to: u("marie-dupont")
        }
    );
    apply_checked(&mut s, &cat, "marie-dupont", &launch).expect("it opens again");
    assert!(
        validate(&s, EC, &cat).is_ok(),
        "{:?}",
        validate(&s, EC, &cat)
    );
}

#[test]
fn only_those_who_may_take_over_are_successors() {
    let cat = catalogue();
    let ec = demo_state(EC, &cat);
    let names = |s: &ProductState, leaving: &str| {
        people::successors(s, &u(leaving))
            .into_iter()
            .map(|p| p.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&ec, "thomas-leroy"), ["marie-dupont"]);
    let qb = demo_state(QB, &cat);
    assert_eq!(
        names(&qb, "sophie-bernard"),
        ["claire-martin", "julien-petit"]
    );
    assert_eq!(names(&qb, "julien-petit"), ["claire-martin"]);
    // Léa may not be given Thomas's connections: refused, nothing removed.
    let mut s = ec.clone();
    let e = refused(
        &mut s,
        &cat,
        "marie-dupont",
        &remove("thomas-leroy", Some("lea-moreau")),
    );
    assert!(matches!(people_error(e), PeopleError::NotASuccessor { .. }));
}

#[test]
fn nobody_removes_themselves_and_only_the_primary_admin_removes() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let e = refused(
        &mut s,
        &cat,
        "claire-martin",
        &remove("claire-martin", None),
    );
    assert_eq!(people_error(e), PeopleError::RemoveSelf);
    let e = refused(&mut s, &cat, "julien-petit", &remove("claire-martin", None));
    assert!(matches!(people_error(e), PeopleError::Forbidden { .. }));
    let e = refused(
        &mut s,
        &cat,
        "julien-petit",
        &remove("sophie-bernard", None),
    );
    assert!(matches!(people_error(e), PeopleError::Forbidden { .. }));
    let e = refused(&mut s, &cat, "claire-martin", &remove("personne", None));
    assert!(matches!(e, DomainError::UnknownUser(_)));
}

#[test]
fn a_removed_persons_pending_requests_are_withdrawn_and_journaled() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let ask = Command::Request {
        app: a("caisse-horizon"),
        company: c(QB_COMPANY),
        message: "Pour la caisse".into(),
    };
    apply_checked(&mut s, &cat, "sophie-bernard", &ask).unwrap();
    apply_checked(
        &mut s,
        &cat,
        "claire-martin",
        &remove("sophie-bernard", None),
    )
    .unwrap();
    let r = s.requests.last().unwrap();
    assert!(
        matches!(r.status, Status::Withdrawn { .. }),
        "{:?}",
        r.status
    );
    assert!(s
        .journal
        .iter()
        .any(|e| e.event == Event::RequestWithdrawal { request: r.id }
            && e.actor == u("claire-martin")));
    let removal = s
        .journal
        .iter()
        .find(|e| matches!(e.event, Event::UserRemoved { .. }))
        .unwrap();
    let details = journal::details(&s, &cat, removal, Lang::Fr);
    assert!(
        details.iter().any(|d| d.contains("ne fait plus partie")),
        "{details:?}"
    );
}

#[test]
fn a_request_decided_by_someone_removed_still_names_them_marked() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let ask = Command::Request {
        app: a("caisse-horizon"),
        company: c(QB_COMPANY),
        message: String::new(),
    };
    apply_checked(&mut s, &cat, "sophie-bernard", &ask).unwrap();
    let id = s.requests.last().unwrap().id;
    let decline = Command::DeclineRequest {
        id,
        reason: String::new(),
    };
    apply_checked(&mut s, &cat, "julien-petit", &decline).unwrap();
    apply_checked(&mut s, &cat, "claire-martin", &remove("julien-petit", None)).unwrap();
    let label = s.requests.last().unwrap().status.label(&s, Lang::Fr);
    assert_eq!(
        plain(&label),
        "Refusée par Julien Petit (ne fait plus partie de l'équipe)"
    );
}

#[test]
fn a_change_that_takes_connections_away_hands_them_over() {
    let cat = catalogue();
    // Julien made a standard user: none of his connections stay his.
    let mut s = demo_state(QB, &cat);
    let his = managed(&s, "julien-petit");
    let julien = s.user(&u("julien-petit")).unwrap().clone();
    let mut after = julien.clone();
    after.role = Role::Standard;
    assert_eq!(
        people::lost_connections(&s, &julien, &after).len(),
        his.len()
    );
    let demote = Command::ChangeUser {
        id: u("julien-petit"),
        form: form("Julien Petit", &julien.email, false),
        to: Some(u("claire-martin")),
    };
    let done = apply_checked(&mut s, &cat, "claire-martin", &demote).unwrap();
    let Outcome::UserChanged { handed, .. } = done else {
        panic!()
    };
    assert_eq!(handed.len(), his.len());
    assert_eq!(s.user(&u("julien-petit")).unwrap().role, Role::Standard);
    assert!(managed(&s, "julien-petit").is_empty());
    // Thomas loses one client: only what he manages there is handed, here to nobody.
    let mut s = demo_state(EC, &cat);
    let thomas = s.user(&u("thomas-leroy")).unwrap().clone();
    let at_bakery: Vec<_> = managed(&s, "thomas-leroy")
        .into_iter()
        .filter(|(_, co)| co == "boulangerie-martin")
        .collect();
    assert!(
        !at_bakery.is_empty(),
        "the demo: Thomas manages one at Boulangerie Martin"
    );
    let mut f = UserForm::of(&thomas);
    f.clients.retain(|c| c.as_str() != "boulangerie-martin");
    let change = Command::ChangeUser {
        id: u("thomas-leroy"),
        form: f,
        to: None,
    };
    let done = apply_checked(&mut s, &cat, "marie-dupont", &change).unwrap();
    let Outcome::UserChanged { handed, .. } = done else {
        panic!()
    };
    let expected: Vec<Handed> = at_bakery
        .iter()
        .map(|(app, co)| Handed {
            app: a(app),
            company: c(co),
            to: None,
            refusal: None,
        })
        .collect();
    assert_eq!(handed, expected);
    assert!(managed(&s, "thomas-leroy")
        .iter()
        .all(|(_, co)| co != "boulangerie-martin"));
}

#[test]
fn the_last_administrator_stays_one_and_the_primary_role_is_only_handed_over() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let claire = s.user(&u("claire-martin")).unwrap().clone();
    let demote_claire = Command::ChangeUser {
        id: u("claire-martin"),
        form: form("Claire Martin", &claire.email, false),
        to: None,
    };
    let e = refused(&mut s, &cat, "claire-martin", &demote_claire);
    assert!(matches!(people_error(e), PeopleError::PrimaryRole { .. }));
    apply_checked(&mut s, &cat, "claire-martin", &remove("julien-petit", None)).unwrap();
    let e = refused(&mut s, &cat, "claire-martin", &demote_claire);
    let said = e.text(Lang::Fr);
    assert!(
        matches!(people_error(e), PeopleError::LastAdmin { .. }),
        "{said}"
    );
    // Her own name and address she may change.
    let renamed = Command::ChangeUser {
        id: u("claire-martin"),
        form: form("Claire Martin-Roux", "claire@exemple.fr", true),
        to: None,
    };
    apply_checked(&mut s, &cat, "claire-martin", &renamed).unwrap();
    assert_eq!(s.primary_admin().unwrap().name, "Claire Martin-Roux");
}

#[test]
fn the_primary_admin_role_goes_to_an_administrator_and_the_rules_follow_it() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    let hand = |to: &str| Command::HandPrimary { to: u(to) };
    let e = refused(&mut s, &cat, "marie-dupont", &hand("lea-moreau"));
    assert!(matches!(people_error(e), PeopleError::NotAnAdmin { .. }));
    let e = refused(&mut s, &cat, "thomas-leroy", &hand("thomas-leroy"));
    assert!(matches!(people_error(e), PeopleError::Forbidden { .. }));
    apply_checked(&mut s, &cat, "marie-dupont", &hand("thomas-leroy")).unwrap();
    assert_eq!(s.primary_admin().unwrap().id, u("thomas-leroy"));
    let marie = s.user(&u("marie-dupont")).unwrap();
    assert_eq!(marie.role, Role::Admin);
    assert!(marie.sees_every_client(), "she keeps every client");
    assert_eq!(
        s.journal.last().unwrap().event,
        Event::PrimaryAdminTransfer {
            from: u("marie-dupont"),
            to: u("thomas-leroy")
        }
    );
    // In Expert-Comptable take-overs now go to Thomas, not Marie.
    let theirs = s
        .connections
        .iter()
        .find(|c| c.is_managed_by(&u("lea-moreau")) || c.company.as_str() == "pharmacie-du-port")
        .map(|c| (c.app.to_string(), c.company.to_string()))
        .unwrap();
    let e = refused(&mut s, &cat, "marie-dupont", &get(&theirs.0, &theirs.1));
    assert!(
        e.text(Lang::Fr).contains("Thomas Leroy"),
        "{}",
        e.text(Lang::Fr)
    );
    apply_checked(&mut s, &cat, "thomas-leroy", &get(&theirs.0, &theirs.1))
        .expect("the new primary admin takes over");
    // And Marie may no longer manage people.
    refused(&mut s, &cat, "marie-dupont", &nina(false));
}

#[test]
fn removed_people_and_unmanaged_connections_export_and_import() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    apply_checked(&mut s, &cat, "marie-dupont", &remove("thomas-leroy", None)).unwrap();
    let text = exchange::export(&s, NOW);
    let back = exchange::import(&text, EC, &cat, Lang::Fr).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(back.former, s.former);
    assert_eq!(back.connections, s.connections);
    assert_eq!(back.journal, s.journal);
    // A connection managed by someone removed is not: nobody may manage it but users.
    let mut bad = s.clone();
    bad.connections[0].manager = Some(u("thomas-leroy"));
    let problems = validate(&bad, EC, &cat).unwrap_err();
    assert!(problems[0].path.ends_with("manager"), "{problems:?}");
    // A former person with a user's id, an entry about an app that names none.
    let mut bad = s.clone();
    bad.former[0].id = u("marie-dupont");
    assert!(validate(&bad, EC, &cat).is_err());
    let mut bad = s.clone();
    let i = bad.journal.iter().position(|e| e.app.is_some()).unwrap();
    bad.journal[i].app = None;
    let problems = validate(&bad, EC, &cat).unwrap_err();
    assert!(problems[0].path.ends_with(".app"), "{problems:?}");
    // A bad address in a file is refused.
    let mut bad = s.clone();
    bad.users[0].email = "pas une adresse".into();
    assert!(validate(&bad, EC, &cat).is_err());
}

#[test]
fn the_depart_scenario_is_one_removal_away_from_handed_over() {
    use mes_apps::domain::data::scenario::Scenario;
    let cat = catalogue();
    for product in Product::ALL {
        let Some(mut s) = Scenario::Depart.build(product, &cat, NOW) else {
            continue;
        };
        let primary = s.primary_admin().unwrap().id.clone();
        let leaving = s
            .users
            .iter()
            .filter(|p| p.id != primary)
            .max_by_key(|p| people::managed(&s, &p.id).len())
            .unwrap()
            .id
            .clone();
        let n = people::managed(&s, &leaving).len();
        assert!(n >= 10, "{product:?}: a dozen connections, got {n}");
        let command = Command::RemoveUser {
            id: leaving.clone(),
            to: Some(primary.clone()),
        };
        let done = apply(&mut s, &env(&cat), &primary, &command).unwrap();
        let Outcome::UserRemoved { handed, .. } = done else {
            panic!()
        };
        assert_eq!(handed.len(), n);
        assert!(people::managed(&s, &primary).len() >= n);
        assert!(people::unmanaged(&s).next().is_none());
    }
}
