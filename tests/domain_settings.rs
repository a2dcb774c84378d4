//! An app's settings: each kind's checks, and how a summary reads.

use std::collections::BTreeMap;

use mes_apps::domain::forms::settings::*;
use mes_apps::domain::i18n::Lang;

#[test]
fn a_summary_lists_each_setting_with_its_value() {
    let defs = vec![text(TextFormat::Digits, 0, 8)];
    let mut values = BTreeMap::new();
    assert_eq!(summary(&defs, &values, Lang::Fr), ["Champ\u{202F}: "]);
    values.insert("k".to_string(), t("706"));
    assert_eq!(summary(&defs, &values, Lang::Fr), ["Champ\u{202F}: 706"]);
    assert_eq!(summary(&defs, &values, Lang::En), ["Champ: 706"]);
    assert_eq!(defs[0].kind_description(Lang::Fr), "texte");
    assert_eq!(defs[0].kind_description(Lang::En), "text");
}

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
        d.validate(&t("70a000")).unwrap_err().text(Lang::Fr),
        "Saisissez uniquement des chiffres."
    );
    assert_eq!(
        d.validate(&t("7060")).unwrap_err().text(Lang::Fr),
        "6 caractères au minimum (4\u{A0}saisis)."
    );
    assert_eq!(
        d.validate(&t("123456789")).unwrap_err(),
        FieldIssue::TooLong { len: 9, max: 8 }
    );
    assert_eq!(
        d.validate(&t("")).unwrap_err().text(Lang::Fr),
        "Ce champ est obligatoire."
    );
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
    assert_eq!(d.validate(&t(" FR")).unwrap_err(), FieldIssue::Spaces);
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
