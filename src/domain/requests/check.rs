//! The part of `validate` that checks requests and suspensions read from outside (an
//! import, storage): known references, plausible dates, bounded text without control
//! characters, numbers that are unique, and at most one pending request per app and
//! company. Each problem is a path in the file and a sentence.

use rustc_hash::FxHashSet as HashSet;

use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::Lang;
use crate::domain::model::{CompanyId, ProductState, UserId};
use crate::domain::requests::{check_text, Status, MAX_KEPT_READ};

/// Every problem found, as (path, message in `lang`), in the same order in every language.
pub fn problems(
    state: &ProductState,
    catalogue: &Catalogue,
    users: &HashSet<&UserId>,
    companies: &HashSet<&CompanyId>,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if state.requests.len() > MAX_KEPT_READ {
        out.push((
            "data.requests".to_string(),
            lang.requests_too_many(MAX_KEPT_READ),
        ));
    }
    let mut ids = HashSet::default();
    let mut pending = HashSet::default();
    for (i, r) in state.requests.iter().enumerate() {
        let at = |field: &str| format!("data.requests[{i}].{field}");
        if !ids.insert(r.id) {
            out.push((at("id"), lang.requests_duplicate_id().to_string()));
        }
        if catalogue.app(&r.app).is_none() {
            out.push((at("app"), lang.requests_unknown_app(&r.app)));
        }
        if !companies.contains(&r.company) {
            out.push((at("company"), lang.requests_unknown_company(&r.company)));
        }
        let mut who = vec![("requester", &r.requester)];
        let mut when = vec![r.at];
        match &r.status {
            Status::Pending => {
                if !pending.insert((&r.app, &r.company)) {
                    out.push((at("status"), lang.requests_two_pending().to_string()));
                }
            }
            Status::Approved { by, at } | Status::Declined { by, at, .. } => {
                who.push(("status.by", by));
                when.push(*at);
            }
            Status::Withdrawn { at } => when.push(*at),
        }
        for (field, u) in who {
            if !users.contains(u) {
                out.push((at(field), lang.requests_unknown_user(u)));
            }
        }
        if when.iter().any(|t| !t.is_plausible()) {
            out.push((at("at"), lang.requests_bad_date().to_string()));
        }
        if check_text(&r.message).is_err() {
            out.push((at("message"), lang.requests_invalid_text().to_string()));
        }
        if let Status::Declined { reason, .. } = &r.status {
            if check_text(reason).is_err() {
                out.push((
                    at("status.reason"),
                    lang.requests_invalid_text().to_string(),
                ));
            }
        }
    }
    for (i, c) in state.connections.iter().enumerate() {
        if let Some(s) = &c.suspended {
            let at = format!("data.connections[{i}].suspended");
            if !users.contains(&s.by) {
                out.push((format!("{at}.by"), lang.requests_unknown_user(&s.by)));
            }
            if !s.at.is_plausible() {
                out.push((format!("{at}.at"), lang.requests_bad_date().to_string()));
            }
        }
    }
    for (i, receipt) in state.receipts.iter().enumerate() {
        for (j, company) in receipt.also_at.iter().enumerate() {
            if !companies.contains(company) {
                let at = format!("data.receipts[{i}].also_at[{j}]");
                out.push((at, lang.requests_unknown_company(company)));
            }
        }
    }
    out
}
