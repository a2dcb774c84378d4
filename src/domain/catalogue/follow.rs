//! Stored settings follow the catalogue. A newer Mes apps may give an app a new setting,
//! drop one, or stop offering a choice; connections saved before must still load. Before
//! a state read from outside is validated, each connection's settings are brought in line
//! with its app's current definitions:
//! - a setting the app now has gets its default value;
//! - a value the setting no longer accepts (an option gone, a new format or length) is
//!   reset to the default;
//! - a setting the app no longer has is removed, and its value is named in the report.
//!
//! Connections to apps that left the catalogue are not touched here: their settings have
//! nothing to follow. They stay listed (`validate_stored` accepts them) and can be
//! disconnected.

use std::collections::BTreeMap;

use crate::domain::catalogue::Catalogue;
use crate::domain::forms::settings::{SettingDef, SettingValue};
use crate::domain::i18n::{args, Lang, Said};
use crate::domain::model::ProductState;
use crate::domain::text::truncate_chars;

/// What happened to one setting of one connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Followed {
    /// A setting the app now has, given its default value.
    Added { label: String },
    /// A value the setting no longer accepts, reset to the default.
    Reset { label: String, was: Said },
    /// A setting the app no longer has, removed with its value.
    Removed { key: String, was: Said },
}

/// The longest part of a removed or reset value quoted in the report.
const QUOTE_MAX: usize = 40;

/// The value as each language shows it ("activé", "on"), cut to [`QUOTE_MAX`].
fn quote(value: &SettingValue, def: Option<&SettingDef>) -> Said {
    Said::new(|lang| {
        let shown = value.display(def, lang);
        let cut = truncate_chars(&shown, QUOTE_MAX);
        if cut.len() < shown.len() {
            format!("{cut}…")
        } else {
            shown
        }
    })
}

/// Brings `values` in line with `defs`; says what changed, in the order of `defs`, then
/// the removed keys alphabetically.
pub fn follow_settings(
    defs: &[SettingDef],
    values: &mut BTreeMap<String, SettingValue>,
) -> Vec<Followed> {
    let mut changes = Vec::new();
    for def in defs {
        match values.get(&def.key) {
            None => {
                values.insert(def.key.clone(), def.default_value());
                changes.push(Followed::Added {
                    label: def.label.clone(),
                });
            }
            Some(v) if def.validate(v).is_err() => {
                let was = quote(v, Some(def));
                values.insert(def.key.clone(), def.default_value());
                changes.push(Followed::Reset {
                    label: def.label.clone(),
                    was,
                });
            }
            Some(_) => {}
        }
    }
    values.retain(|key, value| {
        let known = defs.iter().any(|d| &d.key == key);
        if !known {
            changes.push(Followed::Removed {
                key: key.clone(),
                was: quote(value, None),
            });
        }
        known
    });
    changes
}

/// What following the catalogue changed in one connection's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueChange {
    pub app: String,
    pub company: String,
    pub changes: Vec<Followed>,
}

impl CatalogueChange {
    /// One sentence in `lang`: "Caisse Horizon pour Boulangerie Martin : …".
    pub fn text(&self, lang: Lang) -> String {
        let parts: Vec<String> = self
            .changes
            .iter()
            .map(|c| match c {
                Followed::Added { label } => lang.follow_added(label),
                Followed::Reset { label, was } => lang.follow_reset(args::FollowReset {
                    label: &label,
                    was: &was.text(lang),
                }),
                Followed::Removed { key, was } => lang.follow_removed(args::FollowRemoved {
                    key: &key,
                    was: &was.text(lang),
                }),
            })
            .collect();
        lang.typeset(&lang.follow_line(args::FollowLine {
            app: &self.app,
            changes: &parts.join(lang.follow_separator()),
            company: &self.company,
        }))
    }
}

/// Brings every connection's settings in line with the catalogue. Returns what changed,
/// one item per connection changed, empty when nothing changed.
pub fn follow_catalogue(state: &mut ProductState, catalogue: &Catalogue) -> Vec<CatalogueChange> {
    let mut report = Vec::new();
    for i in 0..state.connections.len() {
        let Some(app) = catalogue.app(&state.connections[i].app) else {
            continue;
        };
        let defs = app.settings_at(state.connections[i].version);
        let changes = follow_settings(&defs, &mut state.connections[i].settings);
        if changes.is_empty() {
            continue;
        }
        report.push(CatalogueChange {
            app: app.name.clone(),
            company: state
                .company_name(&state.connections[i].company)
                .to_string(),
            changes,
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::settings::{validate_all, SettingKind};
    use proptest::prelude::*;

    fn shipped() -> Catalogue {
        Catalogue::shipped().expect("the shipped catalogue parses")
    }

    fn value() -> impl Strategy<Value = SettingValue> {
        prop_oneof![
            any::<bool>().prop_map(SettingValue::Bool),
            "[a-z0-9@. -]{0,12}".prop_map(SettingValue::Text),
            "[0-9]{0,10}".prop_map(SettingValue::Text),
        ]
    }

    proptest! {
        /// Whatever a connection's settings hold, once followed they are exactly what the
        /// app's definitions accept, values already accepted are kept, and following
        /// again changes nothing.
        #[test]
        fn followed_settings_validate_and_keep_what_was_valid(
            app in 0usize..46,
            known in proptest::collection::vec((0usize..6, value()), 0..6),
            unknown in proptest::collection::btree_map("[a-z_]{1,8}", value(), 0..3),
        ) {
            let cat = shipped();
            let def = &cat.apps()[app % cat.apps().len()];
            let mut values: BTreeMap<String, SettingValue> = unknown
                .into_iter()
                .filter(|(k, _)| def.setting(k).is_none())
                .collect();
            for (i, v) in known {
                if let Some(d) = def.settings.get(i) {
                    values.insert(d.key.clone(), v);
                }
            }
            let before = values.clone();
            let changes = follow_settings(&def.settings, &mut values);
            prop_assert!(validate_all(&def.settings, &values).is_ok());
            for (k, v) in &before {
                if def.setting(k).is_some_and(|d| d.validate(v).is_ok()) {
                    prop_assert_eq!(values.get(k), Some(v));
                }
            }
            prop_assert_eq!(changes.is_empty(), values == before);
            prop_assert!(follow_settings(&def.settings, &mut values).is_empty());
        }
    }

    #[test]
    fn reports_added_reset_and_removed_settings_by_connection() {
        let cat = shipped();
        let mut state = crate::domain::data::demo::state(
            crate::domain::model::Product::QuickBooks,
            &cat,
            crate::domain::model::Timestamp(1_800_000_000_000),
        );
        assert!(
            follow_catalogue(&mut state, &cat).is_empty(),
            "demo data matches its catalogue"
        );
        let conn = &mut state.connections[0];
        let app = cat.app(&conn.app).expect("a demo app").clone();
        let (first, second) = (&app.settings[0], &app.settings[1]);
        conn.settings.remove(&first.key);
        let bad = match &second.kind {
            SettingKind::Toggle { .. } => SettingValue::Text("oui".into()),
            _ => SettingValue::Bool(true),
        };
        conn.settings.insert(second.key.clone(), bad);
        conn.settings
            .insert("ancien_reglage".into(), SettingValue::Text("x".repeat(100)));
        conn.settings
            .insert("ancien_interrupteur".into(), SettingValue::Bool(false));
        let company = state
            .company_name(&state.connections[0].company)
            .to_string();

        let report = follow_catalogue(&mut state, &cat);
        assert_eq!(report.len(), 1, "{report:?}");
        // French typography's no-break spaces read as spaces.
        let line = &report[0]
            .text(Lang::Fr)
            .replace(['\u{a0}', '\u{202f}'], " ");
        let english = report[0].text(Lang::En);
        assert!(
            english.starts_with(&format!("{} for {company}: ", app.name)),
            "{english}"
        );
        assert!(
            english.contains(&format!("new setting “{}”", first.label)),
            "{english}"
        );
        assert!(
            english.contains("setting “ancien_reglage” removed"),
            "{english}"
        );
        assert!(
            line.starts_with(&format!("{} pour {company} : ", app.name)),
            "{line}"
        );
        assert!(
            line.contains(&format!("nouveau réglage « {} »", first.label)),
            "{line}"
        );
        assert!(
            line.contains(&format!(
                "« {} » remis à sa valeur par défaut",
                second.label
            )),
            "{line}"
        );
        assert!(line.contains("réglage « ancien_reglage » retiré"), "{line}");
        // The old value is quoted as each language says it.
        assert!(
            line.contains("réglage « ancien_interrupteur » retiré (il valait « désactivé »)"),
            "{line}"
        );
        assert!(
            english.contains("setting “ancien_interrupteur” removed (it was “off”)"),
            "{english}"
        );
        assert!(
            line.contains(&format!("« {}… »", "x".repeat(QUOTE_MAX))),
            "long values are cut: {line}"
        );
        assert_eq!(
            state.connections[0].settings.get(&first.key),
            Some(&first.default_value())
        );
        assert_eq!(
            state.connections[0].settings.get(&second.key),
            Some(&second.default_value())
        );
        assert!(crate::domain::import::validate::validate(
            &state,
            crate::domain::model::Product::QuickBooks,
            &cat
        )
        .is_ok());
    }
}
