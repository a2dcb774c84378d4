//! Dates as French users read them, in the browser's time zone.

use crate::domain::model::Timestamp;
use crate::domain::time;

use super::state::utc_offset;

/// "3 mars 2026".
pub fn date(ts: Timestamp) -> String {
    time::format_date(ts, utc_offset(ts))
}

/// "3 mars 2026 à 09:05".
pub fn date_time(ts: Timestamp) -> String {
    time::format_date_time(ts, utc_offset(ts))
}

/// "2026-03-03", for `<time datetime>`.
pub fn iso(ts: Timestamp) -> String {
    time::iso_date(ts, utc_offset(ts))
}
