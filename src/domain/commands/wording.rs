//! The sentence the status line reads after each command, in either language.

use super::batch::{self};
use super::Outcome;

use crate::domain::catalogue::Catalogue;
use crate::domain::health;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, ProductState};

impl Outcome {
    /// The sentence the status message reads after the command, in `lang`.
    pub fn message(&self, state: &ProductState, catalogue: &Catalogue, lang: Lang) -> String {
        let app_name = |app: &AppId| catalogue.app_name(app).to_string();
        let company_name = |company: &CompanyId| state.company_name(company).to_string();
        match self {
            Outcome::Added { app, company, kind } => {
                lang.outcome_added(app_name(app), company_name(company), kind.done_at(lang))
            }
            Outcome::Transferred {
                app,
                company,
                from,
                to,
            } => lang.outcome_transferred(
                app_name(app),
                company_name(company),
                state.user_name(from),
                state.user_name(to),
            ),
            Outcome::SettingsSaved { app, changes, .. } => {
                let n = changes.len();
                if lang.is_plural(n) {
                    lang.outcome_settings_saved_many(app_name(app), n)
                } else {
                    lang.outcome_settings_saved_one(app_name(app), n)
                }
            }
            Outcome::Disconnected { app, company } => {
                lang.outcome_disconnected(app_name(app), company_name(company))
            }
            Outcome::Reset => lang.outcome_reset().into(),
            Outcome::Batch(items) => batch::summary(items, lang),
            Outcome::Launched { app, company } => {
                lang.outcome_launched(app_name(app), company_name(company))
            }
            Outcome::Reconnected {
                app,
                company,
                from: None,
            } => lang.outcome_reconnected(
                app_name(app),
                company_name(company),
                health::LIFETIME_DAYS,
            ),
            Outcome::Reconnected {
                app,
                company,
                from: Some(from),
            } => lang.outcome_reconnected_from(
                app_name(app),
                company_name(company),
                state.user_name(from),
            ),
            Outcome::Suspended { app, company } => {
                lang.requests_done_suspended(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::Reactivated { app, company } => {
                lang.requests_done_reactivated(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::Requested { app, company } => {
                lang.requests_done_requested(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::RequestApproved {
                app,
                company,
                kind,
                requester,
            } => lang.requests_done_approved(
                catalogue.app_name(app),
                state.company_name(company),
                kind.done_at(lang),
                state.user_name(requester),
            ),
            Outcome::RequestDeclined { app, company } => {
                lang.requests_done_declined(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::RequestWithdrawn { app, company } => {
                lang.requests_done_withdrawn(catalogue.app_name(app), state.company_name(company))
            }
            Outcome::Acknowledged => String::new(),
            Outcome::ClockAdvanced { days, .. } => {
                if lang.is_plural(*days as usize) {
                    lang.outcome_clock_many(days)
                } else {
                    lang.outcome_clock_one(days)
                }
            }
        }
    }
}
