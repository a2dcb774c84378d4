//! An app's settings: their definitions (from the catalogue), their values (in a
//! connection) and the validation that refuses a bad value with a French message.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::{char_len, has_bidi_control};

/// A setting's value as stored in a connection: `true`/`false` or a string. A choice is
/// stored as its option's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SettingValue {
    Bool(bool),
    Text(String),
}

/// By hand rather than `untagged`: a JSON boolean or string is all there is to tell, and
/// serde's untagged machinery buffers every value to try each variant in turn.
impl<'de> Deserialize<'de> for SettingValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SettingValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a boolean or a string")
            }
            fn visit_bool<E>(self, v: bool) -> Result<SettingValue, E> {
                Ok(SettingValue::Bool(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<SettingValue, E> {
                Ok(SettingValue::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<SettingValue, E> {
                Ok(SettingValue::Text(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl SettingValue {
    /// How the value reads in the journal and summaries.
    pub fn display(&self, def: Option<&SettingDef>) -> String {
        match (self, def.map(|d| &d.kind)) {
            (SettingValue::Bool(true), _) => "activé".into(),
            (SettingValue::Bool(false), _) => "désactivé".into(),
            (SettingValue::Text(v), Some(SettingKind::Choice { options, .. })) => options
                .iter()
                .find(|o| &o.value == v)
                .map(|o| o.label.clone())
                .unwrap_or_else(|| v.clone()),
            (SettingValue::Text(v), _) if v.is_empty() => "(vide)".into(),
            (SettingValue::Text(v), _) => v.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingOption {
    pub value: String,
    pub label: String,
}

/// The rule a text setting's value must follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextFormat {
    /// Any text.
    Free,
    /// An e-mail address.
    Email,
    /// Digits only (an account number, a day of the month…).
    Digits,
    /// Capital letters, digits and dashes (a code or a reference).
    Code,
}

/// Written `{"toggle": {…}}`, `{"choice": {…}}` or `{"text": {…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SettingKind {
    /// On/off.
    Toggle { default: bool },
    /// One of a few options.
    Choice {
        options: Vec<SettingOption>,
        default: String,
    },
    /// Free text with a rule. An empty value is allowed only when `min_len` is 0.
    Text {
        default: String,
        format: TextFormat,
        min_len: usize,
        max_len: usize,
        /// An example shown under the field ("706000").
        #[serde(default)]
        example: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingDef {
    /// Stable key in a connection's settings.
    pub key: String,
    /// The field's label.
    pub label: String,
    /// One sentence under the field.
    #[serde(default)]
    pub help: String,
    pub kind: SettingKind,
}

impl SettingDef {
    pub fn default_value(&self) -> SettingValue {
        match &self.kind {
            SettingKind::Toggle { default } => SettingValue::Bool(*default),
            SettingKind::Choice { default, .. } => SettingValue::Text(default.clone()),
            SettingKind::Text { default, .. } => SettingValue::Text(default.clone()),
        }
    }

    /// Checks one value; `Err` holds the message to show next to the field.
    pub fn validate(&self, value: &SettingValue) -> Result<(), String> {
        match (&self.kind, value) {
            (SettingKind::Toggle { .. }, SettingValue::Bool(_)) => Ok(()),
            (SettingKind::Choice { options, .. }, SettingValue::Text(v)) => {
                if options.iter().any(|o| &o.value == v) {
                    Ok(())
                } else {
                    Err("Choisissez une des options proposées.".into())
                }
            }
            (
                SettingKind::Text {
                    format,
                    min_len,
                    max_len,
                    ..
                },
                SettingValue::Text(v),
            ) => validate_text(v, *format, *min_len, *max_len),
            (SettingKind::Toggle { .. }, SettingValue::Text(_)) => {
                Err("Cette option s'active ou se désactive.".into())
            }
            (_, SettingValue::Bool(_)) => Err("Ce champ attend un texte.".into()),
        }
    }
}

fn validate_text(
    v: &str,
    format: TextFormat,
    min_len: usize,
    max_len: usize,
) -> Result<(), String> {
    let len = char_len(v);
    if len == 0 {
        return if min_len == 0 {
            Ok(())
        } else {
            Err("Ce champ est obligatoire.".into())
        };
    }
    if v.trim() != v {
        return Err("Retirez les espaces au début ou à la fin.".into());
    }
    if len > max_len {
        return Err(format!("{max_len} caractères au maximum ({len} saisis)."));
    }
    if len < min_len {
        return Err(format!("{min_len} caractères au minimum ({len} saisis)."));
    }
    match format {
        TextFormat::Free => {
            if v.chars().any(char::is_control) {
                Err("Ce texte contient des caractères de contrôle.".into())
            } else {
                Ok(())
            }
        }
        TextFormat::Digits => {
            if v.chars().all(|c| c.is_ascii_digit()) {
                Ok(())
            } else {
                Err("Saisissez uniquement des chiffres.".into())
            }
        }
        TextFormat::Code => {
            if v.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            {
                Ok(())
            } else {
                Err("Utilisez des majuscules, des chiffres et des tirets.".into())
            }
        }
        TextFormat::Email => {
            if is_email(v) {
                Ok(())
            } else {
                Err("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.".into())
            }
        }
    }
}

/// A deliberately plain check: one `@`, a non-empty local part, a domain with a dot,
/// no spaces. Enough to catch typing mistakes without refusing real addresses.
fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !v.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !domain.ends_with('.'))
}

/// A field's refusal, keyed by the setting's key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub key: String,
    pub label: String,
    pub message: String,
}

/// Checks a whole set of values against an app's settings: every setting present and
/// valid, no unknown key. Returns every error at once.
pub fn validate_all(
    defs: &[SettingDef],
    values: &BTreeMap<String, SettingValue>,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    for def in defs {
        let result = match values.get(&def.key) {
            Some(v) => def.validate(v),
            None => Err("Ce réglage manque.".into()),
        };
        if let Err(message) = result {
            errors.push(FieldError {
                key: def.key.clone(),
                label: def.label.clone(),
                message,
            });
        }
    }
    for key in values.keys() {
        if !defs.iter().any(|d| &d.key == key) {
            errors.push(FieldError {
                key: key.clone(),
                label: key.clone(),
                message: "Ce réglage n'existe pas pour cette appli.".into(),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The message of a text holding a direction control (see [`has_bidi_control`]).
pub const BIDI_MESSAGE: &str =
    "Ce texte contient des caractères invisibles qui inversent le sens de lecture.";

/// Like [`validate_all`], for values entered now (the settings form, an imported file):
/// a text may not hold a direction control either. Values this browser saved before that
/// rule existed are still read with [`validate_all`].
pub fn validate_input(
    defs: &[SettingDef],
    values: &BTreeMap<String, SettingValue>,
) -> Result<(), Vec<FieldError>> {
    let mut errors = validate_all(defs, values).err().unwrap_or_default();
    for def in defs {
        if let Some(SettingValue::Text(v)) = values.get(&def.key) {
            if has_bidi_control(v) && !errors.iter().any(|e| e.key == def.key) {
                errors.push(FieldError {
                    key: def.key.clone(),
                    label: def.label.clone(),
                    message: BIDI_MESSAGE.into(),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The default value of every setting.
pub fn defaults(defs: &[SettingDef]) -> BTreeMap<String, SettingValue> {
    defs.iter()
        .map(|d| (d.key.clone(), d.default_value()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(format: TextFormat, min_len: usize, max_len: usize) -> SettingDef {
        SettingDef {
            key: "k".into(),
            label: "Champ".into(),
            help: String::new(),
            kind: SettingKind::Text {
                default: String::new(),
                format,
                min_len,
                max_len,
                example: String::new(),
            },
        }
    }

    fn t(s: &str) -> SettingValue {
        SettingValue::Text(s.into())
    }

    #[test]
    fn digits_refuse_letters_and_respect_lengths() {
        let d = text(TextFormat::Digits, 6, 8);
        assert!(d.validate(&t("706000")).is_ok());
        assert_eq!(
            d.validate(&t("70a000")).unwrap_err(),
            "Saisissez uniquement des chiffres."
        );
        assert!(d
            .validate(&t("7060"))
            .unwrap_err()
            .contains("6 caractères au minimum"));
        assert!(d
            .validate(&t("123456789"))
            .unwrap_err()
            .contains("8 caractères au maximum"));
        assert_eq!(d.validate(&t("")).unwrap_err(), "Ce champ est obligatoire.");
    }

    #[test]
    fn optional_text_accepts_empty() {
        assert!(text(TextFormat::Email, 0, 80).validate(&t("")).is_ok());
    }

    #[test]
    fn email_rule() {
        let d = text(TextFormat::Email, 1, 80);
        for ok in ["a@b.fr", "compta.martin@boulangerie-martin.fr"] {
            assert!(d.validate(&t(ok)).is_ok(), "{ok}");
        }
        for bad in ["a", "a@", "@b.fr", "a@b", "a b@c.fr", "a@b.", "a@@b.fr"] {
            assert!(d.validate(&t(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn code_rule_and_spaces() {
        let d = text(TextFormat::Code, 1, 12);
        assert!(d.validate(&t("FR-2026")).is_ok());
        assert!(d.validate(&t("fr-2026")).is_err());
        assert_eq!(
            d.validate(&t(" FR")).unwrap_err(),
            "Retirez les espaces au début ou à la fin."
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let d = text(TextFormat::Free, 1, 3);
        assert!(d.validate(&t("ééé")).is_ok());
        assert!(d.validate(&t("éééé")).is_err());
    }

    #[test]
    fn choice_and_toggle_types() {
        let choice = SettingDef {
            key: "f".into(),
            label: "Fréquence".into(),
            help: String::new(),
            kind: SettingKind::Choice {
                options: vec![SettingOption {
                    value: "jour".into(),
                    label: "Chaque jour".into(),
                }],
                default: "jour".into(),
            },
        };
        assert!(choice.validate(&t("jour")).is_ok());
        assert!(choice.validate(&t("heure")).is_err());
        assert!(choice.validate(&SettingValue::Bool(true)).is_err());
        let toggle = SettingDef {
            key: "s".into(),
            label: "Sync".into(),
            help: String::new(),
            kind: SettingKind::Toggle { default: true },
        };
        assert!(toggle.validate(&SettingValue::Bool(false)).is_ok());
        assert!(toggle.validate(&t("oui")).is_err());
    }

    #[test]
    fn validate_all_lists_missing_and_unknown_keys() {
        let defs = vec![text(TextFormat::Free, 1, 10)];
        let mut values = BTreeMap::new();
        values.insert("autre".to_string(), t("x"));
        let errors = validate_all(&defs, &values).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].key, "k");
        assert_eq!(errors[1].key, "autre");
    }
}
