//! "Ce qui va s'arrêter": the data an app reads, its settings as they are, where else it
//! stays installed (only companies the user may access) and who else manages it — before
//! disconnecting, and the same list in the receipt.

mod common;

use common::*;
use mes_apps::domain::disconnection::impact;
use mes_apps::domain::forms::questionnaire::Reason;
use mes_apps::domain::forms::settings;
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::model::Product;

#[test]
fn the_list_says_data_settings_elsewhere_and_manager() {
    let cat = catalogue();
    let s = demo_state(Product::ExpertComptable, &cat);
    let i = impact::of(
        &s,
        &cat,
        &u("marie-dupont"),
        &a("stock-malin"),
        &c("boulangerie-martin"),
        Lang::Fr,
    )
    .expect("installed there");
    assert_eq!(i.data, app_def(&cat, "stock-malin").permissions);
    assert!(!i.settings.is_empty());
    assert!(
        i.elsewhere.contains(&"Pharmacie du Port".to_string()),
        "{:?}",
        i.elsewhere
    );
    assert!(i.other_manager.is_some());
    let lines = i.lines(Lang::Fr);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[2].contains("Pharmacie du Port"));
    // Léa may not see Pharmacie du Port: it is not named to her.
    let lea = impact::of(
        &s,
        &cat,
        &u("lea-moreau"),
        &a("stock-malin"),
        &c("boulangerie-martin"),
        Lang::Fr,
    )
    .unwrap();
    assert!(!lea.elsewhere.iter().any(|n| n == "Pharmacie du Port"));
    assert!(impact::of(
        &s,
        &cat,
        &u("marie-dupont"),
        &a("paie-facile"),
        &c(FIRM),
        Lang::Fr
    )
    .is_none());
    assert!(i.lines(Lang::En)[0].starts_with("The app will no longer read"));
}

#[test]
fn the_receipt_keeps_the_same_list() {
    let cat = catalogue();
    let mut s = demo_state(Product::ExpertComptable, &cat);
    let actor = u("marie-dupont");
    let (app, company) = (a("stock-malin"), c("boulangerie-martin"));
    let before = impact::of(&s, &cat, &actor, &app, &company, Lang::Fr).unwrap();
    let cmd = disconnect(
        "stock-malin",
        "boulangerie-martin",
        reason(Reason::NoLongerNeeded),
    );
    apply_checked(&mut s, &cat, "marie-dupont", &cmd).unwrap();
    let receipt = s.receipts.last().unwrap();
    let kept = impact::of_receipt(&s, receipt, &actor);
    assert_eq!(kept.lines(Lang::Fr), before.lines(Lang::Fr));
}

/// Banque Sereine's settings at Boulangerie Martin, as the demo sets them, in `lang`.
fn banque_sereine(lang: Lang) -> (Vec<String>, Vec<String>) {
    let cat = catalogue();
    let s = demo_state(Product::QuickBooks, &cat);
    let (app, company) = (a("banque-sereine"), c(QB_COMPANY));
    let values = &s.connection(&app, &company).expect("connected").settings;
    let summary = settings::summary(&app_def(&cat, "banque-sereine").settings, values, lang);
    let lines = impact::of(&s, &cat, &u("claire-martin"), &app, &company, lang)
        .expect("connected")
        .lines(lang);
    (summary, lines)
}

#[test]
fn settings_read_in_french_typography_even_when_composed() {
    let (summary, lines) = banque_sereine(Lang::Fr);
    // Before « : » and « ; » a narrow no-break space; a number keeps its word.
    assert_eq!(
        summary,
        [
            "Fréquence d'import\u{202F}: Chaque jour",
            "Historique à reprendre\u{202F}: 90\u{A0}jours",
            "Catégorisation automatique\u{202F}: activé",
        ]
    );
    assert_eq!(
        lines[1],
        "Ses paramètres actuels seront perdus\u{202F}: Fréquence d'import\u{202F}: Chaque \
         jour\u{202F}; Historique à reprendre\u{202F}: 90\u{A0}jours\u{202F}; Catégorisation \
         automatique\u{202F}: activé."
    );
    // English sets no space before its punctuation.
    let (summary, lines) = banque_sereine(Lang::En);
    assert_eq!(summary[1], "Historique à reprendre: 90 jours");
    assert_eq!(
        lines[1],
        "Its current settings will be lost: Fréquence d'import: Chaque jour; Historique à \
         reprendre: 90 jours; Catégorisation automatique: on."
    );
}
