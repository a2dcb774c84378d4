//! The sentence the status line reads after each command, in either language.

use super::batch::{self};
use super::people::Handed;
use super::Outcome;

use crate::domain::catalogue::Catalogue;
use crate::domain::health;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

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
                from: &state.former_manager(from.as_ref(), lang),
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
            Outcome::UserAdded { .. }
            | Outcome::UserChanged { .. }
            | Outcome::UserRemoved { .. }
            | Outcome::PrimaryHanded { .. } => self.people_message(state, lang),
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
                from: &state.former_manager(from.as_ref(), lang),
            }),
            Outcome::Suspended { .. }
            | Outcome::Reactivated { .. }
            | Outcome::Requested { .. }
            | Outcome::RequestApproved { .. }
            | Outcome::RequestDeclined { .. }
            | Outcome::RequestWithdrawn { .. } => self.request_message(state, catalogue, lang),
            Outcome::Acknowledged => String::new(),
            Outcome::ReviewStarted { .. } => lang.reviews_done_started().to_string(),
            Outcome::ReviewDecided { .. } => String::new(),
            Outcome::ReviewAbandoned { .. } => lang.reviews_done_abandoned().to_string(),
            Outcome::ReviewApplied { id } => crate::domain::reviews::review(state, *id)
                .map(|r| {
                    let (done, refused) = r.applied();
                    lang.reviews_done_applied(args::ReviewsDoneApplied {
                        done: &done,
                        refused: &refused,
                    })
                })
                .unwrap_or_default(),
            Outcome::ClockAdvanced { days, .. } => lang.outcome_clock(*days as usize),
            Outcome::UpdatePublished { .. }
            | Outcome::UpdateApproved { .. }
            | Outcome::UpdateRefused { .. } => self.update_message(state, catalogue, lang),
        }
    }

    /// The sentence of an update's outcome; empty for any other.
    fn update_message(&self, state: &ProductState, catalogue: &Catalogue, lang: Lang) -> String {
        match self {
            Outcome::UpdatePublished { app, version } => {
                lang.updates_done_published(args::UpdatesDonePublished {
                    app: &catalogue.app_name(app),
                    version: &version,
                })
            }
            Outcome::UpdateApproved {
                app,
                company,
                version,
            } => lang.updates_done_approved(args::UpdatesDoneApproved {
                app: &catalogue.app_name(app),
                company: &state.company_name(company),
                version: &version,
            }),
            Outcome::UpdateRefused { app, company, .. } => {
                lang.updates_done_refused(args::UpdatesDoneRefused {
                    app: &catalogue.app_name(app),
                    company: &state.company_name(company),
                })
            }
            _ => String::new(),
        }
    }

    /// The sentence of a suspension's or a request's outcome; empty for any other.
    fn request_message(&self, state: &ProductState, catalogue: &Catalogue, lang: Lang) -> String {
        match self {
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
            _ => String::new(),
        }
    }

    /// The sentence of a change to the product's people; empty for any other outcome.
    fn people_message(&self, state: &ProductState, lang: Lang) -> String {
        match self {
            Outcome::UserAdded { id } => lang.users_done_added(state.user_name(id)),
            Outcome::UserChanged { id, handed } => {
                lang.users_done_changed(state.user_name(id)) + &handed_summary(state, handed, lang)
            }
            Outcome::UserRemoved { id, handed } => {
                lang.users_done_removed(state.user_name(id)) + &handed_summary(state, handed, lang)
            }
            Outcome::PrimaryHanded { to, .. } => lang.users_done_primary(state.user_name(to)),
            _ => String::new(),
        }
    }
}

/// What became of a person's connections: how many went to whom, how many have no
/// manager now.
fn handed_summary(state: &ProductState, handed: &[Handed], lang: Lang) -> String {
    let mut out = String::new();
    let given: Vec<&UserId> = handed.iter().filter_map(|h| h.to.as_ref()).collect();
    if let Some(to) = given.first() {
        out += &lang.users_handed_given(given.len(), state.user_name(to));
    }
    let left = handed.len() - given.len();
    if left > 0 {
        out += &lang.users_handed_left(left);
    }
    out
}
