//! The demo's clock: the real time plus an offset each product keeps in its state, so
//! that connections can be seen to age ("Avancer de 30 jours"). Every date a command
//! writes comes from [`now`]; the real time is only ever given (`Env.now`), never read.

use crate::domain::health::time;
use crate::domain::i18n::Lang;
use crate::domain::model::error::DomainError;
use crate::domain::model::{ProductState, Timestamp};

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;
/// What "Avancer de 30 jours" adds.
pub const STEP_DAYS: u32 = 30;
/// How far ahead the demo's clock may go: about ten years, far beyond any demonstration,
/// and far from the last date a timestamp may hold.
pub const MAX_OFFSET_DAYS: i64 = 3_660;

/// The demo's time, from the real time `real`.
pub fn now(state: &ProductState, real: Timestamp) -> Timestamp {
    Timestamp(real.0.saturating_add(state.clock_offset))
}

/// Whether an offset (stored, imported) is one the demo could have reached.
pub fn offset_is_valid(offset: i64) -> bool {
    (0..=MAX_OFFSET_DAYS * DAY_MS).contains(&offset)
}

/// Moves the demo's clock `days` ahead; refused past [`MAX_OFFSET_DAYS`], changing nothing.
pub fn advance(state: &mut ProductState, days: u32) -> Result<(), DomainError> {
    let offset = state
        .clock_offset
        .saturating_add(i64::from(days).saturating_mul(DAY_MS));
    if days == 0 || !offset_is_valid(offset) {
        return Err(DomainError::ClockLimit {
            max_days: MAX_OFFSET_DAYS,
        });
    }
    state.clock_offset = offset;
    Ok(())
}

/// "Date de la démo : 1er janvier 2027", in the zone `offset_minutes` east of UTC.
pub fn date_label(demo_now: Timestamp, offset_minutes: i32, lang: Lang) -> String {
    lang.clock_date_label(time::format_date(demo_now, offset_minutes, lang))
}

/// How many days ahead of the real time the demo's clock is.
pub fn days_ahead(state: &ProductState) -> i64 {
    state.clock_offset.div_euclid(DAY_MS)
}
