//! The better way out the disconnection questionnaire offers for some reasons: someone
//! disconnecting to troubleshoot can reconnect instead; an app whose manager has left
//! can be taken over instead (or the user is told who may). Disconnecting stays possible
//! in every case.

use crate::domain::commands::{plan_get, plan_reconnect, Env, GetPlan};
use crate::domain::forms::questionnaire::Reason;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState, UserId};

/// What the questionnaire offers beside "Déconnecter" for the chosen reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WayOut {
    /// "Reconnecter plutôt": renewing the connection is what troubleshooting needs.
    Reconnect,
    /// "Prendre en charge plutôt": the acting user may take it over from `from` (`None`:
    /// nobody manages it).
    TakeOver { from: Option<UserId> },
    /// The acting user manages it already: there is nobody to replace.
    AlreadyYours,
    /// Reconnecting is not theirs to do (someone else manages it, and only the primary
    /// admin takes over): why, and who may.
    ReconnectRefused(DomainError),
    /// Taking it over is not theirs to do: why, and who may.
    TakeOverRefused(DomainError),
}

/// The way out offered for `reason`, if that reason has one.
pub fn for_reason(
    state: &ProductState,
    env: &Env,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    reason: Reason,
) -> Option<WayOut> {
    match reason {
        Reason::Troubleshooting => Some(match plan_reconnect(state, env, actor, app, company) {
            Ok(_) => WayOut::Reconnect,
            Err(e) => WayOut::ReconnectRefused(e),
        }),
        Reason::ManagerLeft => Some(match plan_get(state, env, actor, app, company) {
            Ok(GetPlan::TakeOver { from }) => WayOut::TakeOver { from },
            Err(DomainError::AlreadyManaged { .. }) => WayOut::AlreadyYours,
            // Not connected there (any more): nothing to take over.
            Ok(GetPlan::New { .. }) => return None,
            Err(e) => WayOut::TakeOverRefused(e),
        }),
        _ => None,
    }
}

impl WayOut {
    /// The button that takes the better way, if the user may.
    pub fn button(&self, lang: Lang) -> Option<&'static str> {
        match self {
            WayOut::Reconnect => Some(lang.way_out_reconnect()),
            WayOut::TakeOver { .. } => Some(lang.way_out_take_over()),
            WayOut::AlreadyYours | WayOut::ReconnectRefused(_) | WayOut::TakeOverRefused(_) => None,
        }
    }

    /// The sentence that explains it.
    pub fn explanation(&self, state: &ProductState, app_name: &str, lang: Lang) -> String {
        match self {
            WayOut::Reconnect => lang.way_out_reconnect_why(app_name),
            WayOut::TakeOver { from } => lang.way_out_take_over_why(args::WayOutTakeOverWhy {
                app: &app_name,
                from: &state.former_manager(from.as_ref(), lang),
            }),
            WayOut::AlreadyYours => lang.way_out_already_yours(app_name),
            WayOut::ReconnectRefused(e) => {
                lang.way_out_reconnect_refused(args::WayOutReconnectRefused {
                    app: &app_name,
                    why: &e.text(lang),
                })
            }
            WayOut::TakeOverRefused(e) => {
                lang.way_out_take_over_refused(args::WayOutTakeOverRefused {
                    app: &app_name,
                    why: &e.text(lang),
                })
            }
        }
    }
}
