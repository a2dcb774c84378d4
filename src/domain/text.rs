//! Text rules shared by search, validation and import: folding for accent- and
//! case-insensitive matching, and lengths counted in characters as users see them.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Length in characters (Unicode scalar values), the unit every limit in the product uses.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Folds text for matching: canonical decomposition with the accents dropped, lower
/// case, and the ligatures French uses spelled out ("Œuvre" → "oeuvre").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            // Apostrophes and dashes of every typographic kind match each other.
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Cuts a text to at most `max` characters, on a character boundary.
pub fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Déconnexion"), "deconnexion");
        assert_eq!(fold("ÉLÈVE à Noël"), "eleve a noel");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("l’appli"), "l'appli");
    }

    #[test]
    fn lengths_are_in_characters() {
        assert_eq!(char_len("été"), 3);
        assert_eq!(truncate_chars("éléphant", 3), "élé");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }
}
