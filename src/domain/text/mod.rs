//! Text rules shared by search, validation and import: folding for accent- and
//! case-insensitive matching, and lengths counted in characters as users see them.

pub mod json;

/// Length in characters (Unicode scalar values), the unit every limit in the product uses.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The folded form of U+00C0..=U+017F (Latin-1 Supplement and Latin Extended-A): the
/// letter without its accent, in lower case, ligatures spelled out. Generated from
/// Unicode's canonical decompositions; `×` and `÷` stay as they are.
const LATIN: [&str; 192] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", "×", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a",
    "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "÷",
    "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c",
    "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g",
    "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l",
    "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r",
    "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z",
    "z", "z", "z", "z", "s",
];

/// Folds text for matching: accents dropped, lower case, ligatures spelled out
/// ("Œuvre" → "oeuvre"), typographic apostrophes and dashes made plain.
///
/// A table of the 192 accented Latin letters rather than a Unicode normalisation crate:
/// French and the other Latin-script languages of a company's data live in that range,
/// and the crate's decomposition tables would cost a tenth of the app's size budget.
/// Combining accents (text typed in decomposed form) are dropped too.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7f}' => out.push(c),
            '\u{c0}'..='\u{17f}' => out.push_str(LATIN[c as usize - 0xc0]),
            // Combining diacritical marks.
            '\u{300}'..='\u{36f}' => {}
            '\u{2019}' | '\u{2018}' | '\u{2bc}' => out.push('\''),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            // Invisible: direction controls, zero-width spaces and joiners, the word joiner
            // and its kin, the byte-order mark.
            c if is_bidi_control(c) => {}
            '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2065}' | '\u{feff}' => {}
            // Full-width forms of ASCII ("ＰＡＩＥ"), as East Asian keyboards type them.
            '\u{ff01}'..='\u{ff5e}' => {
                if let Some(ascii) = char::from_u32(c as u32 - 0xfee0) {
                    out.push(ascii.to_ascii_lowercase());
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether `c` changes the direction in which text is shown (the Arabic letter mark,
/// left-to-right and right-to-left marks, embeddings, overrides and isolates). Typed into a
/// value, one can reverse the text after it on screen: "AVANT → APRÈS" read backwards.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

pub fn has_bidi_control(s: &str) -> bool {
    s.chars().any(is_bidi_control)
}

/// Cuts a text to at most `max` characters, on a character boundary.
pub fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The French form of a noun for `n`: the singular for 0 and 1, the plural from 2.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n < 2 {
        one
    } else {
        many
    }
}

/// "0 connexion", "1 connexion", "3 connexions": the number and its noun, in French.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", plural(n, one, many))
}

/// The first `shown` names, then how many more: "Claire Martin, Julien Petit et 3 autres".
pub fn names_and_more(names: &[&str], shown: usize) -> String {
    let first = names[..names.len().min(shown)].join(", ");
    match names.len().saturating_sub(shown) {
        0 => first,
        n => format!("{first} et {}", count(n, "autre", "autres")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_plurals_start_at_two() {
        assert_eq!(count(0, "connexion", "connexions"), "0 connexion");
        assert_eq!(count(1, "connexion", "connexions"), "1 connexion");
        assert_eq!(count(2, "connexion", "connexions"), "2 connexions");
        assert_eq!(
            count(3, "entrée du journal", "entrées du journal"),
            "3 entrées du journal"
        );
        assert_eq!(plural(2, "gérée", "gérées"), "gérées");
    }

    #[test]
    fn names_past_the_first_few_are_counted() {
        assert_eq!(names_and_more(&["A", "B"], 4), "A, B");
        assert_eq!(names_and_more(&["A", "B", "C"], 2), "A, B et 1 autre");
        assert_eq!(names_and_more(&["A", "B", "C", "D"], 2), "A, B et 2 autres");
        assert_eq!(names_and_more(&[], 2), "");
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Déconnexion"), "deconnexion");
        assert_eq!(fold("ÉLÈVE à Noël"), "eleve a noel");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("l’appli"), "l'appli");
        assert_eq!(
            fold("ÇA GÈRE L'ÂGE ŒNOLOGIQUE"),
            "ca gere l'age oenologique"
        );
        assert_eq!(fold("Straße Łódź"), "strasse lodz");
    }

    #[test]
    fn invisible_and_full_width_characters_fold_away() {
        assert_eq!(fold("pa\u{200b}ie"), "paie");
        assert_eq!(fold("\u{202e}paie\u{feff}"), "paie");
        assert_eq!(fold("ＰＡＩＥ　Ｆａｃｉｌｅ"), "paie\u{3000}facile");
        assert!(has_bidi_control("AVANT \u{202e}debut"));
        assert!(has_bidi_control("\u{2067}x"));
        assert!(!has_bidi_control("Café – 👩\u{200d}💻 ok"));
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(fold("De\u{301}connexion"), fold("Déconnexion"));
    }

    #[test]
    fn every_french_letter_folds_to_ascii() {
        let french = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ";
        for c in french.chars() {
            let f = fold(&c.to_string());
            assert!(f.chars().all(|x| x.is_ascii_lowercase()), "{c} → {f}");
        }
    }

    #[test]
    fn lengths_are_in_characters() {
        assert_eq!(char_len("été"), 3);
        assert_eq!(truncate_chars("éléphant", 3), "élé");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }
}
