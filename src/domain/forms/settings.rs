//! An app's settings: their definitions (from the catalogue), their values (in a
//! connection) and the validation that refuses a bad value with a French message.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::text::{char_len, has_bidi_control};

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
    pub fn display(&self, def: Option<&SettingDef>, lang: Lang) -> String {
        match (self, def.map(|d| &d.kind)) {
            (SettingValue::Bool(true), _) => lang.setting_on().into(),
            (SettingValue::Bool(false), _) => lang.setting_off().into(),
            (SettingValue::Text(v), Some(SettingKind::Choice { options, .. })) => options
                .iter()
                .find(|o| &o.value == v)
                .map(|o| o.label.clone())
                .unwrap_or_else(|| v.clone()),
            (SettingValue::Text(v), _) if v.is_empty() => lang.setting_empty().into(),
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

    /// Checks one value; `Err` holds what to say next to the field.
    pub fn validate(&self, value: &SettingValue) -> Result<(), FieldIssue> {
        match (&self.kind, value) {
            (SettingKind::Toggle { .. }, SettingValue::Bool(_)) => Ok(()),
            (SettingKind::Choice { options, .. }, SettingValue::Text(v)) => {
                if options.iter().any(|o| &o.value == v) {
                    Ok(())
                } else {
                    Err(FieldIssue::NotAnOption)
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
            (SettingKind::Toggle { .. }, SettingValue::Text(_)) => Err(FieldIssue::ToggleOnly),
            (_, SettingValue::Bool(_)) => Err(FieldIssue::TextExpected),
        }
    }
}

fn validate_text(
    v: &str,
    format: TextFormat,
    min_len: usize,
    max_len: usize,
) -> Result<(), FieldIssue> {
    let len = char_len(v);
    if len == 0 {
        return if min_len == 0 {
            Ok(())
        } else {
            Err(FieldIssue::Required)
        };
    }
    if v.trim() != v {
        return Err(FieldIssue::Spaces);
    }
    if len > max_len {
        return Err(FieldIssue::TooLong { len, max: max_len });
    }
    if len < min_len {
        return Err(FieldIssue::TooShort { len, min: min_len });
    }
    match format {
        TextFormat::Free => {
            if v.chars().any(char::is_control) {
                Err(FieldIssue::ControlChars)
            } else {
                Ok(())
            }
        }
        TextFormat::Digits => {
            if v.chars().all(|c| c.is_ascii_digit()) {
                Ok(())
            } else {
                Err(FieldIssue::DigitsOnly)
            }
        }
        TextFormat::Code => {
            if v.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            {
                Ok(())
            } else {
                Err(FieldIssue::CodeOnly)
            }
        }
        TextFormat::Email => {
            if is_email(v) {
                Ok(())
            } else {
                Err(FieldIssue::Email)
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

/// What is wrong with a setting's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldIssue {
    NotAnOption,
    ToggleOnly,
    TextExpected,
    Required,
    Spaces,
    TooLong {
        len: usize,
        max: usize,
    },
    TooShort {
        len: usize,
        min: usize,
    },
    ControlChars,
    DigitsOnly,
    CodeOnly,
    Email,
    /// No value for a setting the app has.
    Missing,
    /// A value for a setting the app does not have.
    Unknown,
    /// A direction control (see [`has_bidi_control`]).
    BidiControls,
}

impl FieldIssue {
    pub const ALL_KINDS: [FieldIssue; 14] = [
        FieldIssue::NotAnOption,
        FieldIssue::ToggleOnly,
        FieldIssue::TextExpected,
        FieldIssue::Required,
        FieldIssue::Spaces,
        FieldIssue::TooLong { len: 9, max: 8 },
        FieldIssue::TooShort { len: 1, min: 2 },
        FieldIssue::ControlChars,
        FieldIssue::DigitsOnly,
        FieldIssue::CodeOnly,
        FieldIssue::Email,
        FieldIssue::Missing,
        FieldIssue::Unknown,
        FieldIssue::BidiControls,
    ];

    /// The message shown next to the field, in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            FieldIssue::NotAnOption => lang.setting_not_an_option().into(),
            FieldIssue::ToggleOnly => lang.setting_toggle_only().into(),
            FieldIssue::TextExpected => lang.setting_text_expected().into(),
            FieldIssue::Required => lang.setting_required().into(),
            FieldIssue::Spaces => lang.setting_spaces().into(),
            FieldIssue::TooLong { len, max } => lang.setting_too_long(args::SettingTooLong {
                len: &len,
                max: &max,
            }),
            FieldIssue::TooShort { len, min } => lang.setting_too_short(args::SettingTooShort {
                len: &len,
                min: &min,
            }),
            FieldIssue::ControlChars => lang.setting_control_chars().into(),
            FieldIssue::DigitsOnly => lang.setting_digits_only().into(),
            FieldIssue::CodeOnly => lang.setting_code_only().into(),
            FieldIssue::Email => lang.setting_email().into(),
            FieldIssue::Missing => lang.setting_missing().into(),
            FieldIssue::Unknown => lang.setting_unknown().into(),
            FieldIssue::BidiControls => lang.setting_bidi_controls().into(),
        }
    }
}

/// A field's refusal, keyed by the setting's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub key: String,
    pub label: String,
    pub issue: FieldIssue,
}

impl FieldError {
    /// The message shown next to the field, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.issue.text(lang)
    }
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
            None => Err(FieldIssue::Missing),
        };
        if let Err(issue) = result {
            errors.push(FieldError {
                key: def.key.clone(),
                label: def.label.clone(),
                issue,
            });
        }
    }
    for key in values.keys() {
        if !defs.iter().any(|d| &d.key == key) {
            errors.push(FieldError {
                key: key.clone(),
                label: key.clone(),
                issue: FieldIssue::Unknown,
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

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
                    issue: FieldIssue::BidiControls,
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

/// The settings as a list shows them: "Label : value", in the catalogue's order; a
/// setting without a value shows an empty value.
pub fn summary(
    defs: &[SettingDef],
    values: &BTreeMap<String, SettingValue>,
    lang: Lang,
) -> Vec<String> {
    defs.iter()
        .map(|d| {
            let value = values
                .get(&d.key)
                .map(|v| v.display(Some(d), lang))
                .unwrap_or_default();
            lang.typeset(&lang.setting_line(args::SettingLine {
                label: &d.label,
                value: &value,
            }))
        })
        .collect()
}

impl SettingDef {
    /// What the setting takes, as an app's page describes it: "activé ou désactivé", its
    /// choices, or "texte".
    pub fn kind_description(&self, lang: Lang) -> String {
        match &self.kind {
            SettingKind::Toggle { .. } => lang.setting_kind_toggle().to_string(),
            SettingKind::Choice { options, .. } => options
                .iter()
                .map(|o| o.label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            SettingKind::Text { .. } => lang.setting_kind_text().to_string(),
        }
    }

    /// The setting's help, with its example when it has one.
    pub fn help_with_example(&self, lang: Lang) -> String {
        match &self.kind {
            SettingKind::Text { example, .. } if !example.is_empty() => {
                lang.setting_help_example(args::SettingHelpExample {
                    example: &example,
                    help: &self.help,
                })
            }
            _ => self.help.clone(),
        }
    }
}
