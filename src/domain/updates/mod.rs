//! Permission updates: which connections a published newer version touches, as a user
//! may see them, and who may approve or refuse it there. The versions themselves are the
//! catalogue's (`catalogue::version`); the handlers that publish, approve and refuse are
//! in `commands::update`; the État they give is `health::update`.

use crate::domain::access::permissions::{self, Action};
use crate::domain::access::queries::visible_connections;
use crate::domain::catalogue::version::FIRST;
use crate::domain::model::error::DomainError;
use crate::domain::model::update::Published;
use crate::domain::model::{Connection, ProductState, UserId};

pub use crate::domain::model::update::UpdateError;

/// One published update and the connections it touches that a user may see: those still
/// at an older version (waiting, or refused), in the lists' order.
#[derive(Clone, Debug)]
pub struct Touched<'s> {
    pub published: &'s Published,
    pub connections: Vec<&'s Connection>,
}

impl Touched<'_> {
    /// The version the connections are at, to say what changes from: the oldest.
    pub fn from_version(&self) -> u32 {
        self.connections
            .iter()
            .map(|c| c.version)
            .min()
            .unwrap_or(FIRST)
    }
}

/// Every published update, oldest first, with the connections it touches that `actor`
/// may see.
pub fn touched<'s>(state: &'s ProductState, actor: &UserId) -> Vec<Touched<'s>> {
    let visible = visible_connections(state, actor);
    state
        .updates
        .iter()
        .map(|published| Touched {
            published,
            connections: visible
                .iter()
                .copied()
                .filter(|c| c.app == published.app && state.newer_for(c).is_some())
                .collect(),
        })
        .collect()
}

/// How many connections `actor` may see wait for an approval (refused ones do not).
pub fn waiting(state: &ProductState, actor: &UserId) -> usize {
    touched(state, actor)
        .iter()
        .flat_map(|t| &t.connections)
        .filter(|c| {
            state
                .newer_for(c)
                .is_some_and(|p| c.declined != Some(p.version))
        })
        .count()
}

/// Whether `actor` may approve or refuse an update at the connection's company: whoever
/// may connect or install an app there.
pub fn may_decide(state: &ProductState, actor: &UserId, c: &Connection) -> bool {
    permissions::check_ids(state, actor, Action::Get, &c.company).is_ok()
}

/// Why `actor` may decide no update at all (their role), naming who may; `None` when
/// their role may.
pub fn refusal(state: &ProductState, actor: &UserId) -> Option<DomainError> {
    permissions::role_refusal(state, actor, Action::Get)
}
