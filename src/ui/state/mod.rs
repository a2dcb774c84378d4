//! The state views share, as small contexts with one job each: the products' data and
//! dispatch ([`products`]), who acts and which product was shown ([`session`]), the
//! banner's notices ([`notices`]), the status line ([`status`]), and the guard that asks
//! before leaving unsaved changes ([`leave`]), and the guide under way ([`guide`]). [`Contexts::new`] builds them once and
//! [`Contexts::provide`] hands each to the views.

pub mod guide;
pub mod leave;
pub mod notices;
pub mod products;
pub mod session;
pub mod status;

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::Lang;
use crate::domain::model::Product;
use crate::storage::browser::AnyKv;
use crate::storage::kv::KvError;
use crate::storage::store::{kv_issue, StorageIssue};

use guide::GuideRun;
use leave::LeaveGuard;
use notices::{Notice, Notices};
use products::{open_stores, Products};
use session::Session;
use status::Status;

/// Every shared context, built together because they are opened together (the stores
/// give the states the session's acting users come from). Views take each from context.
#[derive(Clone, Copy)]
pub struct Contexts {
    pub products: Products,
    pub session: Session,
    pub notices: Notices,
    pub status: Status,
    pub leave: LeaveGuard,
    pub guide: GuideRun,
}

impl Contexts {
    /// Opens storage and loads every product. Never fails: storage problems become notices.
    pub fn new(catalogue: Catalogue) -> Contexts {
        let (kv, kv_error) = AnyKv::open();
        let opened = open_stores(&kv, &catalogue);
        let issues = opened.iter().filter_map(|(_, _, issue)| issue.clone());
        let notices = Notices::new(startup_notices(kv_error, issues));
        let session = {
            let states: Vec<_> = opened.iter().map(|(_, state, _)| state).collect();
            Session::open(kv, &states, lang_in_address())
        };
        let (status, leave) = (Status::new(), LeaveGuard::new());
        let (stores, states) = opened.into_iter().map(|(st, s, _)| (st, s)).unzip();
        let products = Products::new(catalogue, stores, states, (session, notices, status, leave));
        Contexts {
            products,
            session,
            notices,
            status,
            leave,
            guide: GuideRun::new(),
        }
    }

    /// Provides each context to the views below.
    pub fn provide(self) {
        provide_context(self.products);
        provide_context(self.session);
        provide_context(self.notices);
        provide_context(self.status);
        provide_context(self.leave);
        provide_context(self.guide);
    }
}

/// The language the address asks for (`?lang=en`), if any.
fn lang_in_address() -> Option<Lang> {
    crate::ui::web::paths::address_param("lang").and_then(|code| Lang::from_code(&code))
}

/// What the banner says at start: storage that could not be opened, then each product's
/// problem (blocked storage said once).
fn startup_notices(
    kv_error: Option<KvError>,
    issues: impl Iterator<Item = StorageIssue>,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    if let Some(e) = kv_error {
        // The browser's own words (when it has any) rather than a sentence in French.
        notices.push(Notice::Storage(kv_issue(Product::ALL[0], e)));
    }
    for issue in issues {
        if issue != StorageIssue::Blocked || notices.is_empty() {
            notices.push(Notice::Storage(issue));
        }
    }
    notices
}
