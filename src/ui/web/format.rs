//! Dates and people as the interface's language writes them, in the browser's time zone:
//! "1er décembre 2026" in French, "December 1, 2026" in English.

use crate::domain::health::time;
use crate::domain::i18n::Lang;
use crate::domain::model::Timestamp;

use super::clock::utc_offset;

/// "3 mars 2026", "March 3, 2026".
pub fn date(lang: Lang, ts: Timestamp) -> String {
    time::format_date(ts, utc_offset(ts), lang)
}

/// "3 mars 2026 à 09:05", "March 3, 2026 at 09:05".
pub fn date_time(lang: Lang, ts: Timestamp) -> String {
    time::format_date_time(ts, utc_offset(ts), lang)
}

/// "2026-03-03", for `<time datetime>`.
pub fn iso(ts: Timestamp) -> String {
    time::iso_date(ts, utc_offset(ts))
}

/// A person as lists name them, "(vous)" after the acting user: "Claire Martin (vous)",
/// "Claire Martin (you)".
pub fn person(lang: Lang, name: &str, is_you: bool) -> String {
    if is_you {
        lang.widgets_person_you(name)
    } else {
        name.to_string()
    }
}

/// A person's initials, as a crowded table shows them: "Thomas Leroy" → "TL".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The `lang` of an element showing the catalogue's own texts (an app's tagline,
/// description, permissions and settings, which are written in French) when the
/// interface speaks another language; `None` in French.
pub fn data_lang(lang: Lang) -> Option<&'static str> {
    (lang != Lang::Fr).then_some("fr")
}
