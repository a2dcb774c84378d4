//! The languages of the interface and every text in each, generated at build time from
//! `locales/` (see `build.rs`): `Lang::Fr.some_text()`. French is the default whatever
//! the browser's language; every key has both languages, or the build fails.
//!
//! Conventions: one file per area in `locales/fr/` and `locales/en/` (same names); keys in
//! snake_case, prefixed by the area (`search_heading`); one `{placeholder}` is the
//! method's argument, several are the fields of a struct of named arguments
//! (`args::OutcomeAdded { app, company, done_at }`); a pair `key_one`/`key_many` is one
//! method `key(n, …)`; literal braces are doubled. See `texts/src/generate.rs`.
//! Names that outside tests find controls by go in `controls.json` or `AREA_controls.json`,
//! set as written (the rest of the French is set by French typography at build time).

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

pub use mes_apps_texts::typography;

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language's code, for `<html lang>`, the address (`?lang=en`) and preferences.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Whether `n` takes the plural: in French from 2 (0 and 1 are singular), in English
    /// for every number but 1. Texts with a count have a `_one` and a `_many` key.
    pub fn is_plural(self, n: usize) -> bool {
        match self {
            Lang::Fr => n >= 2,
            Lang::En => n != 1,
        }
    }

    /// `text`, composed at run time, set by the language's typography: in French the
    /// helper that sets the translations at build time (`typography::french`).
    pub fn typeset(self, text: &str) -> String {
        match self {
            Lang::Fr => typography::french(text),
            Lang::En => text.to_string(),
        }
    }

    /// The language's name, in itself, as the Langue control lists it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => Lang::Fr.language_fr(),
            Lang::En => Lang::En.language_en(),
        }
    }
}

// The enum is generated: its default cannot be derived there.
#[allow(clippy::derivable_impls)]
impl Default for Lang {
    fn default() -> Self {
        Lang::Fr
    }
}

/// A sentence made before anyone knows which language will show it (why stored data
/// could not be read, say), kept in every language of [`Lang::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said([String; 2]);

impl Said {
    /// The sentence `text` says in each language.
    pub fn new(text: impl Fn(Lang) -> String) -> Said {
        Said(Lang::ALL.map(text))
    }

    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.0[i]
    }
}
