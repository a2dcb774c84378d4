//! What the updates read from outside must hold: each published update is an app's newer
//! version in the catalogue, once per app, by someone known, at a plausible date; each
//! connection is at the first version or the one published, and a refused update is the
//! one published, newer than the connection's.

use rustc_hash::FxHashSet as HashSet;

use crate::domain::catalogue::version::FIRST;
use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::Lang;
use crate::domain::model::ProductState;

use super::records::known;
use super::validate::{Ids, Origin, Report, DATE_RANGE};

/// The published updates and every connection's version.
pub(super) fn check_updates(
    r: &mut Report,
    state: &ProductState,
    catalogue: &Catalogue,
    origin: Origin,
    ids: &Ids,
) {
    let mut apps = HashSet::default();
    for (i, p) in state.updates.iter().enumerate() {
        let at = format!("data.updates[{i}]");
        let in_catalogue = match catalogue.app(&p.app) {
            Some(def) => def.next.as_ref().is_some_and(|n| n.version == p.version),
            // An app that left the catalogue keeps what was stored.
            None => origin == Origin::Stored && p.version > FIRST,
        };
        if !in_catalogue || !apps.insert(&p.app) {
            r.push_fixed(format!("{at}.version"), Lang::updates_invalid_published);
        }
        if !p.at.is_plausible() {
            r.push_fixed(format!("{at}.at"), DATE_RANGE);
        }
        known(r, &at, ids, [&p.by]);
    }
    for (i, c) in state.connections.iter().enumerate() {
        let at = |field: &str| format!("data.connections[{i}].{field}");
        let published = state.published(&c.app).map(|p| p.version);
        if c.version != FIRST && Some(c.version) != published {
            r.push_fixed(at("version"), Lang::updates_invalid_connection_version);
        }
        if let Some(declined) = c.declined {
            if Some(declined) != published || declined <= c.version {
                r.push_fixed(at("declined"), Lang::updates_invalid_declined);
            }
        }
    }
}
