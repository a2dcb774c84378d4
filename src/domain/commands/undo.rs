//! Undoing a disconnection from its receipt: connecting the app again where it was, with
//! its settings, when the actor may.

use std::collections::BTreeMap;

use super::{plan_get, Command, Env, GetPlan};
use crate::domain::access::permissions::{self, Action};
use crate::domain::catalogue::Catalogue;
use crate::domain::forms::settings::SettingValue;
use crate::domain::model::error::DomainError;
use crate::domain::model::receipt::Receipt;
use crate::domain::model::{ProductState, UserId};

/// Whether "Reconnecter avec les mêmes paramètres" is offered to the acting user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    Offered,
    /// The app is connected there again: there is nothing to undo.
    Reconnected,
    /// They may not connect it there (or not set its settings): why, and who may.
    Refused(DomainError),
}

/// What undoing the disconnection of `receipt` would be for `actor`: the rights of
/// connecting the app with its settings, while it is not connected there again.
pub fn plan(state: &ProductState, env: &Env, actor: &UserId, receipt: &Receipt) -> Undo {
    if state.connection(&receipt.app, &receipt.company).is_some() {
        return Undo::Reconnected;
    }
    let planned = plan_get(state, env, actor, &receipt.app, &receipt.company).and_then(|plan| {
        permissions::check_ids(state, actor, Action::ChangeSettings, &receipt.company)?;
        Ok(plan)
    });
    match planned {
        Ok(GetPlan::New { .. }) => Undo::Offered,
        // Connected there meanwhile (another tab): nothing to undo.
        Ok(GetPlan::TakeOver { .. }) | Err(DomainError::AlreadyManaged { .. }) => Undo::Reconnected,
        Err(e) => Undo::Refused(e),
    }
}

/// The settings to connect it again with: each of today's settings of the app (at the
/// version a new connection is at) takes the receipt's value when it is still valid, its
/// default otherwise (a setting the catalogue or a newer version has added since).
pub fn values(
    state: &ProductState,
    catalogue: &Catalogue,
    receipt: &Receipt,
) -> BTreeMap<String, SettingValue> {
    let Some(def) = catalogue.app(&receipt.app) else {
        return BTreeMap::new();
    };
    def.settings_at(state.version_for_new(&receipt.app))
        .iter()
        .map(|s| {
            let value = receipt
                .values
                .get(&s.key)
                .filter(|v| s.validate(v).is_ok())
                .cloned()
                .unwrap_or_else(|| s.default_value());
            (s.key.clone(), value)
        })
        .collect()
}

/// The command that undoes the disconnection: the app connected again, with its settings.
pub fn command(state: &ProductState, catalogue: &Catalogue, receipt: &Receipt) -> Command {
    Command::GetWithSettings {
        app: receipt.app.clone(),
        company: receipt.company.clone(),
        values: values(state, catalogue, receipt),
    }
}
