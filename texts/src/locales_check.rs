//! The check the build runs on the translations (see `build.rs`, which includes this
//! file): the same files and keys in every language, each text with the same
//! `{placeholders}`. Plain Rust with no dependency, so that the build script and the host
//! tests share it.

use std::collections::{BTreeMap, BTreeSet};

/// One language's texts, by file name then key.
pub type Files = BTreeMap<String, BTreeMap<String, String>>;

/// The `{placeholders}` of a text (`{{` is a literal brace).
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        if rest[start..].starts_with("{{") {
            rest = &rest[start + 2..];
            continue;
        }
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        found.insert(rest[start + 1..start + end].to_string());
        rest = &rest[start + end + 1..];
    }
    found
}

/// What differs between two languages: missing files, keys, placeholders; empty when
/// every text has both.
pub fn differences(fr: &Files, en: &Files) -> Vec<String> {
    let mut problems = Vec::new();
    let files: BTreeSet<&String> = fr.keys().chain(en.keys()).collect();
    for file in files {
        let (Some(f), Some(e)) = (fr.get(file), en.get(file)) else {
            problems.push(format!("{file}: not in both locales/fr and locales/en"));
            continue;
        };
        for key in f.keys().chain(e.keys()).collect::<BTreeSet<_>>() {
            match (f.get(key), e.get(key)) {
                (Some(a), Some(b)) if placeholders(a) != placeholders(b) => problems.push(format!(
                    "{file}: {key}: placeholders differ ({:?} / {:?})",
                    placeholders(a),
                    placeholders(b)
                )),
                (Some(_), None) => problems.push(format!("{file}: {key}: no English text")),
                (None, Some(_)) => problems.push(format!("{file}: {key}: no French text")),
                (Some(a), Some(b)) if a.trim().is_empty() || b.trim().is_empty() => {
                    problems.push(format!("{file}: {key}: an empty text"))
                }
                _ => {}
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str, &str)]) -> Files {
        let mut f = Files::new();
        for (file, key, text) in pairs {
            f.entry(file.to_string())
                .or_default()
                .insert(key.to_string(), text.to_string());
        }
        f
    }

    #[test]
    fn every_key_needs_both_languages_and_the_same_placeholders() {
        let fr = files(&[
            ("a.json", "k", "Bonjour {name}"),
            ("a.json", "only_fr", "x"),
        ]);
        let en = files(&[("a.json", "k", "Hello {who}"), ("b.json", "x", "y")]);
        let problems = differences(&fr, &en);
        assert_eq!(
            problems,
            [
                "a.json: k: placeholders differ ({\"name\"} / {\"who\"})",
                "a.json: only_fr: no English text",
                "b.json: not in both locales/fr and locales/en",
            ]
        );
        assert!(differences(&fr, &fr).is_empty());
        assert_eq!(
            placeholders("{{literal}} {n} et {m}"),
            ["m", "n"].map(String::from).into()
        );
    }
}
