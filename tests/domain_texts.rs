//! Every text the domain produces exists in both languages: English with no French word
//! left in it, French with no English one, and every refusal saying something in each.

mod common;

use mes_apps::domain::access::permissions::Action;
use mes_apps::domain::catalogue::follow::{CatalogueChange, Followed};
use mes_apps::domain::catalogue::product::GetKind;
use mes_apps::domain::commands::batch::BatchItem;
use mes_apps::domain::forms::questionnaire::{QuestionnaireError, Reason};
use mes_apps::domain::i18n::Lang;
use mes_apps::domain::model::error::{DomainError, Refused};
use mes_apps::domain::model::{AppId, CompanyId, Gender, Product, Role};

/// Words only French has (whole words, lower case), and its accented letters.
const FRENCH: [&str; 16] = [
    "est", "pas", "une", "les", "des", "vous", "pour", "dans", "qui", "aucun", "aucune", "sont",
    "votre", "elle", "avec", "appli",
];
const FRENCH_LETTERS: [char; 8] = ['é', 'è', 'ê', 'à', 'ù', 'ç', 'ô', 'î'];
/// Words only English has.
const ENGLISH: [&str; 14] = [
    "the", "is", "you", "not", "for", "and", "with", "your", "app", "has", "have", "this",
    "cannot", "could",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Fails when `text`, said in `lang`, holds a word of the other language.
pub fn assert_in(lang: Lang, text: &str) {
    assert!(!text.trim().is_empty(), "{lang:?}: empty text");
    let words = words(text);
    match lang {
        Lang::En => {
            for w in FRENCH {
                assert!(!words.iter().any(|x| x == w), "French {w:?} in: {text}");
            }
            for c in FRENCH_LETTERS {
                assert!(!text.contains(c), "French {c:?} in: {text}");
            }
        }
        Lang::Fr => {
            for w in ENGLISH {
                assert!(!words.iter().any(|x| x == w), "English {w:?} in: {text}");
            }
        }
    }
}

#[test]
fn the_telltale_check_can_fail() {
    let caught = std::panic::catch_unwind(|| assert_in(Lang::En, "Vous ne pouvez pas"));
    assert!(caught.is_err());
    let caught = std::panic::catch_unwind(|| assert_in(Lang::Fr, "You cannot"));
    assert!(caught.is_err());
    let caught = std::panic::catch_unwind(|| assert_in(Lang::Fr, " "));
    assert!(caught.is_err());
}

fn questionnaire_errors() -> Vec<QuestionnaireError> {
    vec![
        QuestionnaireError::MissingReason,
        QuestionnaireError::MissingOther,
        QuestionnaireError::OtherTooLong { len: 501 },
        QuestionnaireError::OtherHasControlChars,
        QuestionnaireError::OtherHasBidiControls,
    ]
}

/// One of each variant (names neutral, so that only the wording is checked).
fn domain_errors() -> Vec<DomainError> {
    let item = |error| Refused {
        app: AppId::new("x"),
        company: CompanyId::new("y"),
        error,
    };
    let mut all = vec![
        DomainError::UnknownUser("X".into()),
        DomainError::UnknownApp("X".into()),
        DomainError::UnknownCompany("X".into()),
        DomainError::AppNotAvailable {
            app: "X".into(),
            product: Product::QuickBooks,
        },
        DomainError::ClientNotAccessible {
            client: "Y".into(),
            allowed: vec!["A".into(), "B".into(), "C".into()],
        },
        DomainError::ClientNotAccessible {
            client: "Y".into(),
            allowed: vec![],
        },
        DomainError::TakeOverReserved {
            primary: "A".into(),
            primary_gender: Gender::Feminine,
        },
        DomainError::AlreadyManaged {
            app: "X".into(),
            company: "Y".into(),
        },
        DomainError::NotConnected {
            app: "X".into(),
            company: "Y".into(),
        },
        DomainError::InvalidSettings(vec![]),
        DomainError::NoChange,
        DomainError::NotInBatch,
        DomainError::BatchSize { len: 0, max: 9 },
        DomainError::BatchSize { len: 10, max: 9 },
        DomainError::NoneDone(vec![item(DomainError::NoChange)]),
        DomainError::NoneDone(vec![
            item(DomainError::NotInBatch),
            item(DomainError::NoChange),
        ]),
        DomainError::NoneDone(vec![]),
        DomainError::ClockLimit { max_days: 365 },
        DomainError::Expired {
            app: "X".into(),
            company: "Y".into(),
        },
    ];
    for kind in [GetKind::Connect, GetKind::Install] {
        all.push(DomainError::AlreadyThere {
            app: "X".into(),
            company: "Y".into(),
            kind,
        });
    }
    for product in Product::ALL {
        for action in [
            Action::Get,
            Action::ChangeSettings,
            Action::TakeOver,
            Action::Disconnect,
            Action::ManageData,
        ] {
            for (role, gender) in [
                (Role::Standard, Gender::Feminine),
                (Role::Admin, Gender::Masculine),
            ] {
                for allowed in [vec![], vec!["A".to_string(), "B".to_string()]] {
                    all.push(DomainError::Forbidden {
                        action,
                        product,
                        role,
                        gender,
                        allowed,
                    });
                }
            }
        }
    }
    all.extend(
        questionnaire_errors()
            .into_iter()
            .map(DomainError::Questionnaire),
    );
    all
}

#[test]
fn every_refusal_is_said_in_both_languages() {
    for e in domain_errors() {
        for lang in Lang::ALL {
            assert_in(lang, &e.text(lang));
        }
        assert_ne!(e.text(Lang::Fr), e.text(Lang::En), "{e:?}");
    }
    for e in questionnaire_errors() {
        for lang in Lang::ALL {
            assert_in(lang, &e.text(lang));
        }
        assert_eq!(e.to_string(), e.text(Lang::Fr));
    }
}

#[test]
fn refusals_keep_their_french_wording_with_its_typography() {
    let e = DomainError::Forbidden {
        action: Action::Get,
        product: Product::QuickBooks,
        role: Role::Standard,
        gender: Gender::Feminine,
        allowed: vec!["A".into(), "B".into(), "C".into()],
    };
    assert_eq!(
        e.text(Lang::Fr),
        "En tant qu'utilisatrice standard, vous ne pouvez pas connecter une appli. \
         Demandez à A, B ou C\u{202F}: ces personnes ont ce droit."
    );
    assert_eq!(
        e.text(Lang::En),
        "Your role (standard user) does not let you connect an app. \
         Ask A, B or C: they have this right."
    );
    let e = DomainError::AlreadyThere {
        app: "X".into(),
        company: "Y".into(),
        kind: GetKind::Install,
    };
    assert_eq!(e.text(Lang::Fr), "X est déjà installée pour Y.");
    assert_eq!(e.text(Lang::En), "X is already installed for Y.");
}

#[test]
fn reasons_are_named_in_both_languages_and_french_ones_as_written() {
    for r in Reason::ALL {
        for lang in Lang::ALL {
            assert_in(lang, r.label(lang));
        }
    }
    // Control names: set as written, no narrow space added.
    assert_eq!(
        Reason::Troubleshooting.label(Lang::Fr),
        "Dépannage : je vais la reconnecter ensuite"
    );
    assert_eq!(Reason::Other.label(Lang::En), "Other");
}

#[test]
fn every_setting_refusal_is_said_in_both_languages() {
    use mes_apps::domain::forms::settings::FieldIssue;
    for issue in FieldIssue::ALL_KINDS {
        for lang in Lang::ALL {
            assert_in(lang, &issue.text(lang));
        }
        assert_ne!(issue.text(Lang::Fr), issue.text(Lang::En));
    }
}

/// A state broken in many ways at once, so that most problems are found.
fn broken_state(product: Product) -> mes_apps::domain::model::ProductState {
    use mes_apps::domain::model::{CompanyKind, Timestamp};
    let cat = common::catalogue();
    let mut s = common::demo_state(product, &cat);
    s.product = match product {
        Product::QuickBooks => Product::ExpertComptable,
        Product::ExpertComptable => Product::QuickBooks,
    };
    s.clock_offset = -1;
    s.companies[0].kind = CompanyKind::Client;
    s.companies[0].name = " X".into();
    s.users[0].id = mes_apps::domain::model::UserId::new("Pas Un Id");
    s.users[1].name = "a\u{7}b".into();
    s.users[2].name = "a\u{202e}b".into();
    s.users[2].role = Role::PrimaryAdmin;
    if let Some(c) = s.connections.first_mut() {
        c.manager = Some(mes_apps::domain::model::UserId::new("nobody"));
        c.company = CompanyId::new("nowhere");
        c.since = Timestamp(i64::MIN);
        c.settings.insert(
            "nothing".into(),
            mes_apps::domain::forms::settings::SettingValue::Bool(true),
        );
    }
    if let Some(c) = s.connections.get(1).cloned() {
        s.connections.push(c);
    }
    for e in &mut s.journal {
        e.seq = 0;
        e.product = s.product;
    }
    s
}

#[test]
fn every_problem_of_an_import_is_said_in_both_languages() {
    use mes_apps::domain::import::validate::validate;
    let cat = common::catalogue();
    for product in Product::ALL {
        let problems = validate(&broken_state(product), product, &cat).expect_err("broken");
        assert!(problems.len() > 5, "{problems:?}");
        for p in &problems {
            for lang in Lang::ALL {
                assert_in(lang, p.message(lang));
            }
            assert_eq!(p.to_string(), p.text(Lang::Fr));
            assert!(p.text(Lang::En).ends_with(p.message(Lang::En)));
        }
    }
}

#[test]
fn health_and_journal_wording_in_both_languages() {
    use mes_apps::domain::health::{self, Health};
    use mes_apps::domain::journal::EventKind;
    let all = [
        Health::Active,
        Health::ExpiresIn(1),
        Health::ExpiresIn(9),
        Health::Expired,
    ];
    for lang in Lang::ALL {
        for h in all {
            assert_in(lang, &h.label(lang));
            assert_in(lang, &h.sentence(lang));
        }
        for list in [&all[..], &all[1..2], &all[1..3], &all[3..]] {
            assert_in(
                lang,
                &health::attention(list, lang).expect("something to say"),
            );
        }
        for k in EventKind::ALL {
            assert_in(lang, k.label(lang));
        }
        for c in mes_apps::domain::journal::csv::columns(lang) {
            assert_in(lang, c);
        }
    }
    assert_eq!(Health::ExpiresIn(1).label(Lang::En), "Expires in 1 day");
    assert_eq!(
        Health::ExpiresIn(9).label(Lang::Fr),
        "Expire dans 9\u{A0}jours"
    );
}

#[test]
fn journal_details_in_both_languages() {
    use mes_apps::domain::journal::details;
    let cat = common::catalogue();
    for product in Product::ALL {
        let state = common::demo_state(product, &cat);
        for e in &state.journal {
            for lang in Lang::ALL {
                for line in details(&state, &cat, e, lang) {
                    // Only the wording: names and values come from the demo.
                    let words: String = line
                        .split([':', '→'])
                        .next()
                        .unwrap_or_default()
                        .to_string();
                    assert!(!line.is_empty());
                    if line.starts_with("Gestion") || line.starts_with("Management") {
                        assert_in(lang, &words);
                    }
                }
            }
        }
    }
}

#[test]
fn what_a_command_did_is_said_in_both_languages() {
    use mes_apps::domain::commands::Outcome;
    use mes_apps::domain::model::{Timestamp, UserId};
    let cat = common::catalogue();
    let state = common::demo_state(Product::QuickBooks, &cat);
    // Ids the state does not know: their names are the ids themselves, neutral words.
    let (app, company) = (AppId::new("x"), CompanyId::new("y"));
    let ok = |result| BatchItem {
        app: app.clone(),
        company: company.clone(),
        result,
    };
    let outcomes = vec![
        Outcome::Added {
            app: app.clone(),
            company: company.clone(),
            kind: GetKind::Connect,
        },
        Outcome::Transferred {
            app: app.clone(),
            company: company.clone(),
            from: Some(UserId::new("a")),
            to: UserId::new("b"),
        },
        Outcome::SettingsSaved {
            app: app.clone(),
            company: company.clone(),
            changes: vec![],
        },
        Outcome::Disconnected {
            app: app.clone(),
            company: company.clone(),
        },
        Outcome::Reset,
        Outcome::Batch(vec![
            ok(Ok(Outcome::Reset)),
            ok(Ok(Outcome::Reset)),
            ok(Err(DomainError::NoChange)),
        ]),
        Outcome::Launched {
            app: app.clone(),
            company: company.clone(),
        },
        Outcome::Reconnected {
            app: app.clone(),
            company: company.clone(),
            from: None,
        },
        Outcome::Reconnected {
            app: app.clone(),
            company: company.clone(),
            from: Some(Some(UserId::new("a"))),
        },
        Outcome::ClockAdvanced {
            days: 1,
            now: Timestamp(0),
        },
    ];
    for o in &outcomes {
        for lang in Lang::ALL {
            assert_in(lang, &o.message(&state, &cat, lang));
        }
    }
    assert_eq!(
        outcomes[5].message(&state, &cat, Lang::Fr),
        "2\u{A0}actions faites sur 3\u{202F}; 1\u{A0}refusée."
    );
    assert_eq!(
        outcomes[5].message(&state, &cat, Lang::En),
        "2 actions done out of 3; 1 refused."
    );
}

#[test]
fn sections_and_the_ways_of_adding_in_both_languages() {
    use mes_apps::domain::catalogue::product::Section;
    for lang in Lang::ALL {
        for s in Section::ALL {
            assert!(!s.label(lang).is_empty());
        }
        for k in [GetKind::Connect, GetKind::Install] {
            for text in [
                k.verb(lang),
                k.done_at(lang),
                k.done_at_capitalised(lang),
                k.target_label(lang),
                k.since_label(lang),
                k.where_heading(lang),
                k.nowhere(lang),
            ] {
                assert_in(lang, text);
            }
            assert_in(lang, &k.badge(3, lang));
        }
    }
    assert_eq!(Section::Search.label(Lang::En), "Find apps");
    assert_eq!(Section::FirmOverview.label(Lang::Fr), "Vue d'ensemble");
}

#[test]
fn receipts_and_dates_in_both_languages() {
    use mes_apps::domain::health::time::{at, format_date, format_date_time};
    let cat = common::catalogue();
    let mut state = common::demo_state(Product::QuickBooks, &cat);
    common::apply_checked(
        &mut state,
        &cat,
        "claire-martin",
        &common::disconnect(
            "banque-sereine",
            common::QB_COMPANY,
            common::reason(Reason::Replaced),
        ),
    )
    .expect("disconnected");
    let r = state.receipts.last().expect("a receipt");
    for lang in Lang::ALL {
        assert_in(lang, &r.title(lang));
        for (label, _) in r.fields(&state, 0, lang) {
            assert_in(lang, label);
        }
    }
    // The note names the publisher and its contact, content as the catalogue has it.
    assert!(r.note(Lang::En).starts_with("After the disconnection"));
    assert!(r.note(Lang::Fr).starts_with("Après la déconnexion"));
    let t = at(2026, 12, 1, 9, 5);
    assert_eq!(format_date(t, 0, Lang::Fr), "1er décembre 2026");
    assert_eq!(format_date(t, 0, Lang::En), "December 1, 2026");
    assert_in(Lang::En, &format_date_time(t, 0, Lang::En));
    assert_in(Lang::Fr, &format_date_time(t, 0, Lang::Fr));
}

#[test]
fn guides_and_scenarios_in_both_languages() {
    use mes_apps::domain::data::scenario::Scenario;
    use mes_apps::domain::guide::{GuideId, Hint};
    for lang in Lang::ALL {
        for g in GuideId::ALL {
            assert_in(lang, g.title(lang));
            assert_in(lang, g.summary(lang));
            for step in g.steps() {
                assert_in(lang, &step.text.text("X", "Y", lang));
                assert_in(lang, &step.control.described("X", "Y", lang));
            }
        }
        for h in [Hint::Closed, Hint::WrongPage, Hint::WrongApp] {
            assert_in(lang, h.text(lang));
        }
        for s in Scenario::ALL {
            for p in Product::ALL {
                assert_in(lang, s.description(p, lang));
            }
        }
    }
    // Control names and the guides' titles are set as written: no narrow space.
    assert_eq!(
        GuideId::DisconnectQuickBooks.title(Lang::Fr),
        "Déconnecter une appli — QuickBooks"
    );
    assert_eq!(
        Scenario::GrandCabinet.label(Lang::Fr),
        "Grand cabinet (200 clients)"
    );
}

#[test]
fn a_guide_says_what_it_chose_in_both_languages() {
    use mes_apps::domain::guide::{prepare, GuideId};
    let cat = common::catalogue();
    for g in GuideId::ALL {
        let state = common::demo_state(g.product(), &cat);
        let p = prepare(g, &state, &common::env(&cat), &common::u("claire-martin"))
            .expect("the demo fits every guide");
        assert!(p
            .said(&state, &cat, Lang::En)
            .starts_with("You are acting as "));
        assert!(p
            .said(&state, &cat, Lang::Fr)
            .starts_with("Vous agissez en tant que "));
    }
}

#[test]
fn storage_problems_in_both_languages() {
    use mes_apps::storage::exchange::{import, too_big};
    use mes_apps::storage::kv::KvError;
    use mes_apps::storage::store::StorageIssue;
    let p = Product::QuickBooks;
    let issues = [
        StorageIssue::Unreadable {
            product: p,
            reason: mes_apps::domain::i18n::Said::new(|l| {
                l.storage_reason_journal_incomplete().to_string()
            }),
            backed_up: true,
        },
        StorageIssue::Blocked,
        StorageIssue::Full { product: p },
        StorageIssue::Held { product: p },
        StorageIssue::Failed {
            product: p,
            detail: "X".into(),
        },
        StorageIssue::CatalogueChanged {
            product: p,
            changes: vec![],
        },
    ];
    let cat = common::catalogue();
    for lang in Lang::ALL {
        for i in &issues {
            assert_in(lang, &i.text(lang));
        }
        for e in [
            KvError::Blocked,
            KvError::QuotaExceeded,
            KvError::Other("X".into()),
        ] {
            assert_in(lang, &e.text(lang));
        }
        assert_in(lang, &too_big(6 * 1024 * 1024, lang));
        let followed = CatalogueChange {
            app: "X".into(),
            company: "X".into(),
            changes: vec![
                Followed::Added { label: "X".into() },
                Followed::Reset {
                    label: "X".into(),
                    was: mes_apps::domain::i18n::Said::new(|l| l.setting_on().to_string()),
                },
                Followed::Removed {
                    key: "X".into(),
                    was: mes_apps::domain::i18n::Said::new(|l| l.setting_off().to_string()),
                },
            ],
        };
        assert_in(lang, &followed.text(lang));
        for file in [
            "{",
            "{}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]",
        ] {
            for m in import(file, p, &cat, lang).expect_err("refused") {
                assert_in(lang, &m);
            }
        }
    }
    assert_eq!(issues[1].to_string(), issues[1].text(Lang::Fr));
    assert_eq!(
        too_big(6 * 1024 * 1024, Lang::En),
        "The file weighs 6.0 MB: 5 MB at most."
    );
}

#[test]
fn an_unreadable_catalogue_is_said_in_each_language() {
    use mes_apps::domain::catalogue::CatalogueError;
    use mes_apps::domain::i18n::Said;
    let e = CatalogueError(Said::new(|l| l.json_eof().to_string()));
    for lang in Lang::ALL {
        assert_in(lang, &e.text(lang));
        assert!(e.text(lang).contains(lang.json_eof()), "{}", e.text(lang));
    }
    assert!(e
        .text(Lang::En)
        .starts_with("The app catalogue cannot be read"));
}
