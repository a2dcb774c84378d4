//! Requests for an app: who may ask (per role and client access), one pending request per
//! app and company, none for an app already there, the message's bounds, approval with
//! the rules of connecting (managed by the approver), refusal with a reason, withdrawal
//! by the author only, the author's notice, and the journal of each step.

mod common;

use common::*;
use mes_apps::domain::commands::{Command, Outcome};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::journal::{Event, EventKind};
use mes_apps::domain::model::error::DomainError;
use mes_apps::domain::model::{Product, ProductState};
use mes_apps::domain::requests::{self, RequestError, Status, MAX_MESSAGE};

const QB: Product = Product::QuickBooks;
const EC: Product = Product::ExpertComptable;
const PAIE: &str = "paie-facile";

fn ask(app: &str, company: &str, message: &str) -> Command {
    Command::Request {
        app: a(app),
        company: c(company),
        message: message.into(),
    }
}

fn last_event(state: &ProductState) -> &Event {
    &state.journal.last().expect("an entry").event
}

fn only_id(state: &ProductState) -> u64 {
    assert_eq!(state.requests.len(), 1);
    state.requests[0].id
}

#[test]
fn a_standard_user_asks_and_an_admin_may_not_need_to() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let before = s.journal.len();
    let done = apply_checked(
        &mut s,
        &cat,
        "sophie-bernard",
        &ask(PAIE, QB_COMPANY, "Pour la paie de mars"),
    )
    .unwrap();
    assert!(matches!(done, Outcome::Requested { .. }));
    let r = &s.requests[0];
    assert_eq!(
        (r.requester.as_str(), r.status.clone()),
        ("sophie-bernard", Status::Pending)
    );
    assert_eq!(r.message, "Pour la paie de mars");
    assert_eq!(s.journal.len(), before + 1);
    assert!(
        matches!(last_event(&s), Event::Request { message, .. } if message == "Pour la paie de mars")
    );
    // Those who may connect it there are told to do it themselves.
    for admin in ["claire-martin", "julien-petit"] {
        let e = refused(&mut s, &cat, admin, &ask("caisse-horizon", QB_COMPANY, ""));
        assert!(
            matches!(e, DomainError::Request(RequestError::MayGetIt { .. })),
            "{admin}: {e:?}"
        );
    }
}

#[test]
fn in_the_firm_requests_follow_client_access() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    // Léa asks for the firm and for her clients, not for a client she may not access.
    for company in [FIRM, LEA_CLIENTS[0], LEA_CLIENTS[2]] {
        apply_checked(&mut s, &cat, "lea-moreau", &ask(PAIE, company, "")).unwrap();
    }
    let e = refused(&mut s, &cat, "lea-moreau", &ask(PAIE, "garage-lefevre", ""));
    assert!(
        matches!(e, DomainError::ClientNotAccessible { .. }),
        "{e:?}"
    );
    // Thomas installs where he has access, and asks only for the client he may not access.
    let hidden = EC_CLIENTS
        .iter()
        .find(|c| !THOMAS_CLIENTS.contains(c))
        .unwrap();
    let e = refused(
        &mut s,
        &cat,
        "thomas-leroy",
        &ask(PAIE, "garage-lefevre", ""),
    );
    assert!(matches!(
        e,
        DomainError::Request(RequestError::MayGetIt { .. })
    ));
    apply_checked(&mut s, &cat, "thomas-leroy", &ask(PAIE, hidden, "")).unwrap();
    // The primary admin never needs to ask.
    let e = refused(
        &mut s,
        &cat,
        "marie-dupont",
        &ask("relances-pro", hidden, ""),
    );
    assert!(matches!(
        e,
        DomainError::Request(RequestError::MayGetIt { .. })
    ));
    // Where each may ask.
    let targets = |who: &str| -> Vec<String> {
        requests::targets(&s, &u(who))
            .iter()
            .map(|c| c.id.to_string())
            .collect()
    };
    let mut lea = vec![FIRM.to_string()];
    lea.extend(LEA_CLIENTS.iter().map(|c| c.to_string()));
    let mut got = targets("lea-moreau");
    got.sort();
    lea.sort();
    assert_eq!(got, lea);
    assert_eq!(targets("thomas-leroy"), vec![hidden.to_string()]);
    assert!(targets("marie-dupont").is_empty());
}

#[test]
fn one_pending_request_per_app_and_company_and_none_for_an_app_already_there() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    apply_checked(&mut s, &cat, "sophie-bernard", &ask(PAIE, QB_COMPANY, "")).unwrap();
    let e = refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &ask(PAIE, QB_COMPANY, "encore"),
    );
    assert!(
        matches!(e, DomainError::Request(RequestError::AlreadyPending { .. })),
        "{e:?}"
    );
    // Connected already: answered at once, with who manages it, and nothing stored.
    let e = refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &ask("stock-malin", QB_COMPANY, ""),
    );
    let DomainError::Request(inner @ RequestError::AlreadyThere { .. }) = &e else {
        panic!("{e:?}");
    };
    assert!(
        inner.message(Lang::Fr).contains("Julien Petit"),
        "{}",
        inner.message(Lang::Fr)
    );
    assert!(inner.message(Lang::En).contains("already there"));
    // Once withdrawn, the app may be asked for again.
    let id = only_id(&s);
    apply_checked(
        &mut s,
        &cat,
        "sophie-bernard",
        &Command::WithdrawRequest { id },
    )
    .unwrap();
    apply_checked(&mut s, &cat, "sophie-bernard", &ask(PAIE, QB_COMPANY, "")).unwrap();
    assert_eq!(s.requests.len(), 2);
    assert_ne!(s.requests[0].id, s.requests[1].id);
}

#[test]
fn the_message_is_bounded_and_has_no_control_characters() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    let long = "é".repeat(MAX_MESSAGE + 1);
    for bad in [long.as_str(), "bonjour\u{7}", "a\u{202e}b", "tab\there"] {
        let e = refused(&mut s, &cat, "sophie-bernard", &ask(PAIE, QB_COMPANY, bad));
        assert!(
            matches!(
                e,
                DomainError::Request(
                    RequestError::MessageTooLong { .. } | RequestError::MessageControl
                )
            ),
            "{bad:?}: {e:?}"
        );
    }
    let fine = format!("{}\nmerci", "é".repeat(MAX_MESSAGE - 6));
    apply_checked(
        &mut s,
        &cat,
        "sophie-bernard",
        &ask(PAIE, QB_COMPANY, &fine),
    )
    .unwrap();
}

#[test]
fn approving_connects_the_app_managed_by_the_approver() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    apply_checked(&mut s, &cat, "sophie-bernard", &ask(PAIE, QB_COMPANY, "")).unwrap();
    let id = only_id(&s);
    // Sophie may not approve her own request: approving is connecting.
    let e = refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &Command::ApproveRequest { id },
    );
    assert!(matches!(e, DomainError::Forbidden { .. }), "{e:?}");
    let before = s.journal.len();
    let done = apply_checked(
        &mut s,
        &cat,
        "claire-martin",
        &Command::ApproveRequest { id },
    )
    .unwrap();
    assert!(
        matches!(&done, Outcome::RequestApproved { requester, .. } if requester.as_str() == "sophie-bernard")
    );
    assert!(done.message(&s, &cat, Lang::Fr).contains("Sophie Bernard"));
    let conn = s.connection(&a(PAIE), &c(QB_COMPANY)).expect("connected");
    assert_eq!(conn.manager, Some(u("claire-martin")));
    assert!(
        matches!(&s.requests[0].status, Status::Approved { by, .. } if by.as_str() == "claire-martin")
    );
    // The connection's entry, then the approval's.
    let kinds: Vec<_> = s.journal[before..].iter().map(|e| e.event.kind()).collect();
    assert_eq!(kinds, [EventKind::Connection, EventKind::RequestApproval]);
    // Decided once.
    let e = refused(
        &mut s,
        &cat,
        "julien-petit",
        &Command::ApproveRequest { id },
    );
    assert_eq!(e, DomainError::Request(RequestError::NotPending));
}

#[test]
fn approval_follows_the_rules_of_installing_for_that_client() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    let hidden = EC_CLIENTS
        .iter()
        .find(|c| !THOMAS_CLIENTS.contains(c))
        .unwrap();
    apply_checked(&mut s, &cat, "thomas-leroy", &ask(PAIE, hidden, "")).unwrap();
    let id = only_id(&s);
    // Léa may not install; Thomas may not reach that client: neither approves.
    for who in ["lea-moreau", "thomas-leroy"] {
        refused(&mut s, &cat, who, &Command::ApproveRequest { id });
        assert!(!requests::may_decide(&s, &u(who), &s.requests[0]));
    }
    assert!(requests::may_decide(&s, &u("marie-dupont"), &s.requests[0]));
    // Installed there meanwhile: the approval is refused, the request stays pending.
    push_connection(&mut s, &cat, PAIE, hidden, "marie-dupont", NOW.0);
    let e = refused(
        &mut s,
        &cat,
        "marie-dupont",
        &Command::ApproveRequest { id },
    );
    assert!(
        matches!(
            e,
            DomainError::AlreadyThere { .. } | DomainError::AlreadyManaged { .. }
        ),
        "{e:?}"
    );
    s.connections.pop();
    apply_checked(
        &mut s,
        &cat,
        "marie-dupont",
        &Command::ApproveRequest { id },
    )
    .unwrap();
    assert_eq!(
        s.connection(&a(PAIE), &c(hidden)).unwrap().manager,
        Some(u("marie-dupont"))
    );
}

#[test]
fn a_refusal_carries_its_reason_and_the_author_is_told_once() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    apply_checked(
        &mut s,
        &cat,
        "lea-moreau",
        &ask(PAIE, "studio-nova", "Pour les salaires"),
    )
    .unwrap();
    let id = only_id(&s);
    let decline = |reason: &str| Command::DeclineRequest {
        id,
        reason: reason.into(),
    };
    refused(&mut s, &cat, "lea-moreau", &decline("non"));
    refused(&mut s, &cat, "marie-dupont", &decline("bad\u{0}"));
    assert!(requests::unseen(&s, &u("lea-moreau")).is_empty());
    apply_checked(
        &mut s,
        &cat,
        "marie-dupont",
        &decline("Le client a déjà un logiciel de paie"),
    )
    .unwrap();
    assert!(s.connection(&a(PAIE), &c("studio-nova")).is_none());
    assert!(
        matches!(last_event(&s), Event::RequestRefusal { reason, .. } if reason.contains("logiciel"))
    );
    // Léa sees it in the list and, once, in a notice.
    let seen: Vec<_> = requests::visible(&s, &u("lea-moreau"))
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(seen, [id]);
    let unseen = requests::unseen(&s, &u("lea-moreau"));
    assert_eq!(unseen.len(), 1);
    let sentence = requests::outcome_sentence(&s, "Paie Facile", unseen[0], Lang::Fr);
    assert!(
        sentence.contains("Marie Dupont") && sentence.contains("logiciel"),
        "{sentence}"
    );
    let before = s.journal.len();
    apply_checked(&mut s, &cat, "lea-moreau", &Command::AcknowledgeRequests).unwrap();
    assert!(requests::unseen(&s, &u("lea-moreau")).is_empty());
    assert_eq!(s.journal.len(), before, "acknowledging is not journaled");
    assert_eq!(
        s.requests[0].status.label(&s, Lang::Fr),
        "Refusée par Marie Dupont"
    );
}

#[test]
fn only_the_author_withdraws_and_only_while_pending() {
    let cat = catalogue();
    let mut s = demo_state(QB, &cat);
    apply_checked(&mut s, &cat, "sophie-bernard", &ask(PAIE, QB_COMPANY, "")).unwrap();
    let id = only_id(&s);
    let e = refused(
        &mut s,
        &cat,
        "claire-martin",
        &Command::WithdrawRequest { id },
    );
    assert!(
        matches!(e, DomainError::Request(RequestError::NotAuthor { .. })),
        "{e:?}"
    );
    apply_checked(
        &mut s,
        &cat,
        "sophie-bernard",
        &Command::WithdrawRequest { id },
    )
    .unwrap();
    assert!(matches!(last_event(&s), Event::RequestWithdrawal { .. }));
    assert!(matches!(s.requests[0].status, Status::Withdrawn { .. }));
    refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &Command::WithdrawRequest { id },
    );
    refused(
        &mut s,
        &cat,
        "claire-martin",
        &Command::ApproveRequest { id },
    );
    refused(
        &mut s,
        &cat,
        "sophie-bernard",
        &Command::WithdrawRequest { id: 99 },
    );
}

#[test]
fn who_sees_which_requests() {
    let cat = catalogue();
    let mut s = demo_state(EC, &cat);
    apply_checked(&mut s, &cat, "lea-moreau", &ask(PAIE, "studio-nova", "")).unwrap();
    let hidden = EC_CLIENTS
        .iter()
        .find(|c| !THOMAS_CLIENTS.contains(c))
        .unwrap();
    apply_checked(&mut s, &cat, "thomas-leroy", &ask(PAIE, hidden, "")).unwrap();
    let count = |who: &str| requests::visible(&s, &u(who)).len();
    assert_eq!(count("marie-dupont"), 2);
    // Thomas: his own, and Léa's (he may install for Studio Nova).
    assert_eq!(count("thomas-leroy"), 2);
    assert_eq!(count("lea-moreau"), 1);
}

#[test]
fn request_kinds_are_in_each_products_journal_filter() {
    for p in Product::ALL {
        let kinds = p.journal_kinds();
        for k in [
            EventKind::Request,
            EventKind::RequestApproval,
            EventKind::RequestRefusal,
            EventKind::RequestWithdrawal,
            EventKind::Suspension,
            EventKind::Reactivation,
        ] {
            assert!(kinds.contains(&k), "{p:?} {k:?}");
            assert_eq!(EventKind::from_slug(k.slug()), Some(k));
        }
    }
}
