//! The sentence the status line reads after each command, in either language.

use super::batch::{self};
use super::Outcome;

use crate::domain::catalogue::Catalogue;
use crate::domain::health;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, ProductState};

impl Outcome {
    /// The sentence the status message reads after the command, in `lang`.
    pub fn message(&self, state: &ProductState, catalogue: &Catalogue, lang: Lang) -> String {
        let app_name = |app: &AppId| catalogue.app_name(app).to_string();
        let company_name = |company: &CompanyId| state.company_name(company).to_string();
        match self {
            Outcome::Added { app, company, kind } => lang.outcome_added(args::OutcomeAdded {
                app: &app_name(app),
                company: &company_name(company),
                done_at: &kind.done_at(lang),
            }),
            Outcome::Transferred {
                app,
                company,
                from,
                to,
            } => lang.outcome_transferred(args::OutcomeTransferred {
                app: &app_name(app),
                company: &company_name(company),
                from: &state.user_name(from),
                to: &state.user_name(to),
            }),
            Outcome::SettingsSaved { app, changes, .. } => {
                let n = changes.len();
                lang.outcome_settings_saved(n, app_name(app))
            }
            Outcome::Disconnected { app, company } => {
                lang.outcome_disconnected(args::OutcomeDisconnected {
                    app: &app_name(app),
                    company: &company_name(company),
                })
            }
            Outcome::Reset => lang.outcome_reset().into(),
            Outcome::Batch(items) => batch::summary(items, lang),
            Outcome::Launched { app, company } => lang.outcome_launched(args::OutcomeLaunched {
                app: &app_name(app),
                company: &company_name(company),
            }),
            Outcome::Reconnected {
                app,
                company,
                from: None,
            } => lang.outcome_reconnected(args::OutcomeReconnected {
                app: &app_name(app),
                company: &company_name(company),
                days: &health::LIFETIME_DAYS,
            }),
            Outcome::Reconnected {
                app,
                company,
                from: Some(from),
            } => lang.outcome_reconnected_from(args::OutcomeReconnectedFrom {
                app: &app_name(app),
                company: &company_name(company),
                from: &state.user_name(from),
            }),
            Outcome::Suspended { app, company } => {
                lang.requests_done_suspended(args::RequestsDoneSuspended {
                    app: &catalogue.app_name(app),
                    company: &state.company_name(company),
                })
            }
            Outcome::Reactivated { app, company } => {
                lang.requests_done_reactivated(args::RequestsDoneReactivated {
                    app: &catalogue.app_name(app),
                    company: &state.company_name(company),
                })
            }
            Outcome::Requested { app, company } => {
                lang.requests_done_requested(args::RequestsDoneRequested {
                    app: &catalogue.app_name(app),
                    company: &state.company_name(company),
                })
            }
            Outcome::RequestApproved {
                app,
                company,
                kind,
                requester,
            } => lang.requests_done_approved(args::RequestsDoneApproved {
                app: &catalogue.app_name(app),
                company: &state.company_name(company),
                done_at: &kind.done_at(lang),
                requester: &state.user_name(requester),
            }),
            Outcome::RequestDeclined { app, company } => {
                lang.requests_done_declined(args::RequestsDoneDeclined {
                    app: &catalogue.app_name(app),
                    company: &state.company_name(company),
                })
            }
            Outcome::RequestWithdrawn { app, company } => {
                lang.requests_done_withdrawn(args::RequestsDoneWithdrawn {
                    app: &catalogue.app_name(app),
                    company: &state.company_name(company),
                })
            }
            Outcome::Acknowledged => String::new(),
            Outcome::ClockAdvanced { days, .. } => lang.outcome_clock(*days as usize),
        }
    }
}
