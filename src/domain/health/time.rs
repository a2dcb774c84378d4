//! Dates without a calendar crate: civil dates from and to day counts (Howard Hinnant's
//! algorithms) and their formatting in each language. The UTC offset is given by the
//! caller, so this stays pure.

use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::Timestamp;

/// A month's name, `m` from 1 to 12.
fn month(m: u32, lang: Lang) -> &'static str {
    match m {
        1 => lang.month_1(),
        2 => lang.month_2(),
        3 => lang.month_3(),
        4 => lang.month_4(),
        5 => lang.month_5(),
        6 => lang.month_6(),
        7 => lang.month_7(),
        8 => lang.month_8(),
        9 => lang.month_9(),
        10 => lang.month_10(),
        11 => lang.month_11(),
        _ => lang.month_12(),
    }
}

const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a civil date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month 1–12, day 1–31) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A UTC timestamp from a civil date and time (used for the demo data).
pub fn at(y: i64, m: u32, d: u32, hour: u32, minute: u32) -> Timestamp {
    Timestamp(
        days_from_civil(y, m, d) * MS_PER_DAY
            + i64::from(hour) * 3_600_000
            + i64::from(minute) * 60_000,
    )
}

fn local_parts(ts: Timestamp, offset_minutes: i32) -> (i64, u32, u32, i64, i64) {
    let local = ts.0 + i64::from(offset_minutes) * 60_000;
    let days = local.div_euclid(MS_PER_DAY);
    let ms = local.rem_euclid(MS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    (y, m, d, ms / 3_600_000, (ms / 60_000) % 60)
}

/// "3 mars 2026", in the zone `offset_minutes` east of UTC.
pub fn format_date(ts: Timestamp, offset_minutes: i32, lang: Lang) -> String {
    let (y, m, d, _, _) = local_parts(ts, offset_minutes);
    let day = if d == 1 {
        lang.time_first_day().to_string()
    } else {
        d.to_string()
    };
    lang.time_date(args::TimeDate {
        day: &day,
        month: &month(m, lang),
        year: &y,
    })
}

/// "3 mars 2026 à 09:05".
pub fn format_date_time(ts: Timestamp, offset_minutes: i32, lang: Lang) -> String {
    let (_, _, _, h, min) = local_parts(ts, offset_minutes);
    lang.time_date_time(args::TimeDateTime {
        date: &format_date(ts, offset_minutes, lang),
        time: &(format!("{h:02}:{min:02}")),
    })
}

/// The date and time as `AAAA-MM-JJ HH:MM`, for files that spreadsheets read.
pub fn iso_date_time(ts: Timestamp, offset_minutes: i32) -> String {
    let (_, _, _, h, min) = local_parts(ts, offset_minutes);
    format!("{} {h:02}:{min:02}", iso_date(ts, offset_minutes))
}

/// The date as `AAAA-MM-JJ`, for `<time datetime>` and file names.
pub fn iso_date(ts: Timestamp, offset_minutes: i32) -> String {
    let (y, m, d, _, _) = local_parts(ts, offset_minutes);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(20_419), (2025, 11, 27));
        assert_eq!(
            format_date(at(2026, 3, 1, 9, 5), 0, Lang::Fr),
            "1er mars 2026"
        );
        assert_eq!(
            format_date_time(at(2026, 8, 14, 23, 30), 60, Lang::Fr),
            "15 août 2026 à 00:30"
        );
        assert_eq!(
            format_date(at(2026, 3, 1, 9, 5), 0, Lang::En),
            "March 1, 2026"
        );
        assert_eq!(
            format_date_time(at(2026, 8, 14, 23, 30), 60, Lang::En),
            "August 15, 2026 at 00:30"
        );
        assert_eq!(iso_date(at(2026, 12, 31, 23, 0), 120), "2027-01-01");
        assert_eq!(
            iso_date_time(at(2026, 12, 31, 23, 5), 120),
            "2027-01-01 01:05"
        );
    }

    proptest! {
        #[test]
        fn civil_round_trip(days in -1_000_000i64..1_000_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert!((1..=12).contains(&m) && (1..=31).contains(&d));
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
