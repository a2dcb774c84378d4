//! A connection's health, as real refresh tokens age: a connection left unused for
//! [`LIFETIME_DAYS`] days stops working until someone reconnects it, and the last
//! [`WARNING_DAYS`] days before that are announced.
//!
//! With `d` the whole days since its last use (see `Connection::last_use`): `d ≥ 100` is
//! À reconnecter; `86 ≤ d < 100` is "Expire dans (100 − d) jours"; anything else
//! (a clock set back included) is Active.

pub mod clock;
pub mod suspension;
pub mod time;

use crate::domain::i18n::{args, Lang};
use crate::domain::model::{Connection, ProductState, Timestamp};

/// Days without use after which a connection has to be reconnected.
pub const LIFETIME_DAYS: i64 = 100;
/// Days before that during which the expiry is announced.
pub const WARNING_DAYS: i64 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Health {
    Active,
    /// It stops working in this many days (1 to 14).
    ExpiresIn(u32),
    /// It stopped working: it must be reconnected.
    Expired,
    /// Someone suspended it ("Suspendre"): it works again once reactivated. Shown
    /// whatever its age, which goes on counting from its last use.
    Suspended,
    /// Nobody manages it any more ("Sans gestionnaire"): it stops syncing until someone
    /// takes it over. Shown before any other state: it is what needs doing first.
    Unmanaged,
    /// A newer version of its app was published and asks for more ("Autorisations à
    /// approuver"): it keeps working as it is meanwhile. `late` once the update has
    /// waited [`UPDATE_LATE_DAYS`] days (the publisher may stop supporting the old one).
    UpdatePending {
        late: bool,
    },
    /// Someone refused the update here ("Mise à jour refusée"): it keeps working as it is.
    UpdateRefused {
        late: bool,
    },
}

/// Days after an update is published from which the État says the publisher may stop
/// supporting the version before (said, not enforced).
pub const UPDATE_LATE_DAYS: i64 = 30;

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Timestamp, to: Timestamp) -> i64 {
    to.0.saturating_sub(from.0).div_euclid(clock::DAY_MS)
}

/// The health of a connection last used at `last_use`, at the time `now`.
pub fn at(last_use: Timestamp, now: Timestamp) -> Health {
    let d = days_between(last_use, now);
    if d >= LIFETIME_DAYS {
        Health::Expired
    } else if d >= LIFETIME_DAYS - WARNING_DAYS {
        Health::ExpiresIn((LIFETIME_DAYS - d) as u32)
    } else {
        Health::Active
    }
}

/// A connection's health at the demo's time (the real time `real` plus the state's clock).
pub fn of(state: &ProductState, connection: &Connection, real: Timestamp) -> Health {
    if connection.manager.is_none() {
        return Health::Unmanaged;
    }
    if connection.suspended.is_some() {
        return Health::Suspended;
    }
    let now = clock::now(state, real);
    match at(connection.last_use(), now) {
        Health::Active => update(state, connection, now).unwrap_or(Health::Active),
        // Expiring or expired says first what stops it working.
        aged => aged,
    }
}

/// Whether a newer version of the connection's app waits for an approval there, or was
/// refused there, at the demo's time `now`.
pub fn update(state: &ProductState, connection: &Connection, now: Timestamp) -> Option<Health> {
    let published = state.newer_for(connection)?;
    let late = days_between(published.at, now) >= UPDATE_LATE_DAYS;
    Some(if connection.declined == Some(published.version) {
        Health::UpdateRefused { late }
    } else {
        Health::UpdatePending { late }
    })
}

impl Health {
    /// The État column's text: "Active", "Expire dans 9 jours", "À reconnecter".
    pub fn label(self, lang: Lang) -> String {
        match self {
            Health::Active => lang.health_active().to_string(),
            Health::ExpiresIn(n) => lang.health_expires_in(n as usize),
            Health::Expired => lang.health_expired().to_string(),
            Health::Suspended => lang.requests_control_suspended().to_string(),
            Health::Unmanaged => lang.users_kind_unmanaged().to_string(),
            Health::UpdatePending { late } => late_label(lang.updates_state_pending(), late, lang),
            Health::UpdateRefused { late } => late_label(lang.updates_state_refused(), late, lang),
        }
    }

    /// What the state means, for the reconnection's dialog and the launch view.
    pub fn sentence(self, lang: Lang) -> String {
        match self {
            Health::Active => lang.health_sentence_active().to_string(),
            Health::ExpiresIn(n) => lang.health_sentence_expires(n as usize),
            Health::Expired => lang.health_sentence_expired(LIFETIME_DAYS),
            Health::Suspended => lang.requests_health_suspended_sentence().to_string(),
            Health::Unmanaged => lang.users_health_unmanaged_sentence().to_string(),
            Health::UpdatePending { .. } => lang.updates_sentence_pending().to_string(),
            Health::UpdateRefused { .. } => lang.updates_sentence_refused().to_string(),
        }
    }

    /// Whether "Reconnecter" is offered (in the ▼ menu): it expires soon or has expired.
    pub fn offers_reconnect(self) -> bool {
        matches!(self, Health::ExpiresIn(_) | Health::Expired)
    }

    /// Whether nobody manages it: Lancer says so and offers "Reprendre la gestion".
    pub fn is_unmanaged(self) -> bool {
        self == Health::Unmanaged
    }

    /// Whether it is suspended: Réactiver replaces Suspendre, and Lancer says so.
    pub fn is_suspended(self) -> bool {
        self == Health::Suspended
    }

    /// Whether it has stopped working: Reconnecter replaces Lancer.
    pub fn is_expired(self) -> bool {
        self == Health::Expired
    }

    /// A short word for styles and icons: "active", "bientot", "expiree".
    pub fn slug(self) -> &'static str {
        match self {
            Health::Active => "active",
            Health::ExpiresIn(_) => "bientot",
            Health::Expired => "expiree",
            Health::Suspended => "suspendue",
            Health::Unmanaged => "sans-gestionnaire",
            Health::UpdatePending { .. } => "a-approuver",
            Health::UpdateRefused { .. } => "mise-a-jour-refusee",
        }
    }

    /// Whether a newer version waits for an approval there.
    pub fn is_update_pending(self) -> bool {
        matches!(self, Health::UpdatePending { .. })
    }
}

/// The État of an update, with the publisher's warning once it is late.
fn late_label(label: &str, late: bool, lang: Lang) -> String {
    if late {
        lang.updates_state_late(label)
    } else {
        label.to_string()
    }
}

/// The line a list opens with when something needs attention: "1 appli sans
/// gestionnaire, 2 applis à reconnecter, 1 expire dans 9 jours"; `None` when every
/// connection is active.
pub fn attention(healths: &[Health], lang: Lang) -> Option<String> {
    let unmanaged = healths.iter().filter(|h| h.is_unmanaged()).count();
    let updates = healths.iter().filter(|h| h.is_update_pending()).count();
    let expired = healths.iter().filter(|h| h.is_expired()).count();
    let soon: Vec<u32> = healths
        .iter()
        .filter_map(|h| match h {
            Health::ExpiresIn(n) => Some(*n),
            _ => None,
        })
        .collect();
    let mut parts = Vec::new();
    if unmanaged > 0 {
        parts.push(lang.users_attention_unmanaged(unmanaged));
    }
    if expired > 0 {
        parts.push(lang.health_to_reconnect(expired));
    }
    if let Some(latest) = soon.iter().max() {
        let latest = *latest as usize;
        let days = lang.health_days(latest);
        // The noun once: "2 applis à reconnecter, 1 expire…", "1 appli expire…".
        let n = soon.len();
        let who = if expired + unmanaged > 0 {
            n.to_string()
        } else {
            lang.health_apps(n)
        };
        parts.push(lang.health_soon(
            n,
            args::HealthSoon {
                days: &days,
                who: &who,
            },
        ));
    }
    if updates > 0 {
        parts.push(lang.updates_attention(updates));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_counts_whole_days() {
        let last = Timestamp(1_000 * clock::DAY_MS);
        let day = |d: i64, extra: i64| at(last, Timestamp(last.0 + d * clock::DAY_MS + extra));
        // 85 days and 23 hours is still 85 whole days.
        assert_eq!(day(85, clock::DAY_MS - 1), Health::Active);
        assert_eq!(day(86, 0), Health::ExpiresIn(14));
        assert_eq!(day(99, clock::DAY_MS - 1), Health::ExpiresIn(1));
        assert_eq!(day(100, 0), Health::Expired);
        assert_eq!(day(-3, 0), Health::Active, "a clock set back");
    }
}
