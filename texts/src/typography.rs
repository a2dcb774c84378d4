//! French typography, as a typographer sets it: a narrow no-break space (U+202F) before
//! « ; : ! ? » and inside « » guillemets, and between a number and its unit; a no-break
//! space (U+00A0) between a number and the word it counts or the month after it
//! ("1er décembre 2026", "3 connexions"), so that a line never breaks there. Applied once,
//! where strings are defined (the French translations, at build time), and to sentences
//! composed at run time (`Lang::typeset`: settings as "Label : valeur"). Also read by the
//! build script.

/// The narrow no-break space.
pub const NNBSP: char = '\u{202F}';
/// The no-break space.
pub const NBSP: char = '\u{A0}';

/// Units a number is set apart from by a narrow no-break space.
const UNITS: [&str; 12] = [
    "%", "€", "Mo", "Ko", "Go", "KB", "MB", "ms", "s", "min", "h", "j",
];

/// Whether `word` (what follows a number) is a unit.
fn is_unit(word: &str) -> bool {
    let w: String = word
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '%' || *c == '€')
        .collect();
    UNITS.contains(&w.as_str())
}

/// Whether the text before a space ends with a number, as in "3", "1er", "{n}".
fn ends_with_number(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == NBSP || c == NNBSP)
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(['(', '«']);
    !word.is_empty()
        && (word.chars().all(|c| c.is_ascii_digit())
            || word == "1er"
            || (word.starts_with('{') && word.ends_with('}') && is_number_param(word)))
}

/// Placeholders that hold a number: `{n}`, `{count}`…
fn is_number_param(word: &str) -> bool {
    matches!(
        word.trim_matches(['{', '}']),
        "n" | "count" | "days" | "max" | "len" | "total" | "size" | "done" | "refused"
    )
}

/// Whether the text after a space starts with a year ("décembre 2026").
fn starts_with_year(after: &str) -> bool {
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    digits == 4
}

/// Whether the text before a space ends with a French month's name.
fn ends_with_month(before: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    MONTHS.iter().any(|m| before.ends_with(m))
}

/// The space at byte `i` of `text` (an ASCII space), as a French typographer sets it.
fn space_at(text: &str, i: usize) -> char {
    let (before, after) = (&text[..i], &text[i + 1..]);
    let next = after.chars().next().unwrap_or(' ');
    let prev = before.chars().next_back().unwrap_or(' ');
    if matches!(next, ';' | ':' | '!' | '?' | '»') || prev == '«' {
        NNBSP
    } else if ends_with_number(before) && !after.is_empty() {
        if is_unit(after) {
            NNBSP
        } else if next.is_alphabetic() || next == '{' {
            NBSP
        } else {
            ' '
        }
    } else if ends_with_month(before) && starts_with_year(after) {
        NBSP
    } else {
        ' '
    }
}

/// `text` set by French typography rules (idempotent: spaces already set stay).
pub fn french(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        if c == ' ' {
            out.push(space_at(text, i));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_guillemets_get_a_narrow_no_break_space() {
        assert_eq!(
            french("Rien à enregistrer : fini !"),
            "Rien à enregistrer\u{202F}: fini\u{202F}!"
        );
        assert_eq!(french("Quitter ?"), "Quitter\u{202F}?");
        assert_eq!(
            french("le bouton « Lancer »"),
            "le bouton «\u{202F}Lancer\u{202F}»"
        );
        assert_eq!(french("a ; b"), "a\u{202F}; b");
        // Not a space, not touched: an address, a time.
        assert_eq!(
            french("https://exemple.fr à 09:05"),
            "https://exemple.fr à 09:05"
        );
    }

    #[test]
    fn numbers_keep_their_unit_and_their_word() {
        assert_eq!(french("5 Mo au maximum"), "5\u{202F}Mo au maximum");
        assert_eq!(french("1er décembre 2026"), "1er\u{A0}décembre\u{A0}2026");
        assert_eq!(french("3 connexions"), "3\u{A0}connexions");
        assert_eq!(french("{n} caractères"), "{n}\u{A0}caractères");
        assert_eq!(french("{app} est"), "{app} est", "not a number");
        assert_eq!(french("12 / 500"), "12 / 500");
    }

    #[test]
    fn setting_twice_changes_nothing_more() {
        let once = french("Le « test » : 3 jours !");
        assert_eq!(french(&once), once);
    }
}
