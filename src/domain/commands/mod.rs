//! Commands: every change to a product's state goes through [`apply`], which checks the
//! actor's rights and the command's validity first and changes nothing when it refuses.
//! A success changes the state and appends exactly one journal entry per action on an
//! app's connection (a reset restores the demo data, journal included; Lancer and the
//! demo's clock are not such actions, and write none).
//!
//! Every date a command writes is the demo's (`clock::now`): `Env.now` is the real time.

pub mod batch;
pub mod handover;
pub mod people;
pub mod requests;
pub mod review;
pub mod suspend;
pub mod undo;
pub mod update;

use std::collections::BTreeMap;

use crate::domain::catalogue::Catalogue;
use crate::domain::forms::questionnaire::Answers;
use crate::domain::forms::settings::SettingValue;
use crate::domain::model::review::Decision;
use crate::domain::model::{AppId, CompanyId, Timestamp, UserId};
use crate::domain::people::form::UserForm;

mod apply;
mod checks;
mod connection;
mod outcome;
mod plan;
mod wording;

pub use apply::apply;
pub use outcome::Outcome;
pub use plan::{plan_get, plan_reconnect, refusal_for_every_target, GetPlan, ReconnectPlan};

/// What the world gives a command: the catalogue and the real time (the demo's time is
/// derived from it and the state, by `clock::now`).
#[derive(Clone, Copy, Debug)]
pub struct Env<'a> {
    pub catalogue: &'a Catalogue,
    pub now: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// "Obtenir l'appli": connects (QuickBooks) or installs (Expert-Comptable) the app for
    /// the company; when it is already there and managed by someone else, takes over its
    /// management.
    Get { app: AppId, company: CompanyId },
    /// Replaces the connection's settings with these values.
    UpdateSettings {
        app: AppId,
        company: CompanyId,
        values: BTreeMap<String, SettingValue>,
    },
    /// Disconnects the app from the company, with the questionnaire's answers.
    Disconnect {
        app: AppId,
        company: CompanyId,
        answers: Answers,
    },
    /// Restores the demo data. Open to every role: it is the demo's own control, not a
    /// QuickBooks action.
    Reset,
    /// Several commands at once (a handover, a bulk install or disconnection), each
    /// checked and journaled as if alone; a refusal never blocks the others, and the
    /// whole is saved once. See `batch`.
    Batch(Vec<Command>),
    /// Connects or installs a new connection with these settings (a bulk install's,
    /// filled once): journaled as the connection, then the settings change.
    GetWithSettings {
        app: AppId,
        company: CompanyId,
        values: BTreeMap<String, SettingValue>,
    },
    /// "Lancer": opens the app, which counts as using its connection; refused once the
    /// connection has expired. Not journaled: the journal records what changes who may
    /// use an app and how, and opening it changes neither.
    Launch { app: AppId, company: CompanyId },
    /// "Reconnecter": renews the connection for the acting user; when someone else
    /// managed it, that is a take-over (journaled as the transfer).
    Reconnect { app: AppId, company: CompanyId },
    /// "Avancer de 30 jours": moves the demo's clock ahead. Open to every role, like the
    /// reset, and not journaled: it is the demo's control, not an action on an app, and
    /// the journal's dates already show it.
    AdvanceClock { days: u32 },
    /// "Suspendre": the connection stays but the app stops working (see `suspend`).
    Suspend { app: AppId, company: CompanyId },
    /// "Réactiver" a suspended connection.
    Reactivate { app: AppId, company: CompanyId },
    /// "Envoyer la demande": asks for an app where the actor may not get it (see
    /// `request`).
    Request {
        app: AppId,
        company: CompanyId,
        message: String,
    },
    /// "Approuver": connects or installs the requested app, managed by the approver.
    ApproveRequest { id: u64 },
    /// "Refuser", with an optional reason.
    DeclineRequest { id: u64, reason: String },
    /// "Retirer la demande": its author only.
    WithdrawRequest { id: u64 },
    /// The author has seen the outcomes of their requests. Not journaled.
    AcknowledgeRequests,
    /// "Ajouter": a new person (see `people`).
    AddUser(UserForm),
    /// "Enregistrer" a person's form; `to` is given the connections the change takes out
    /// of their rights (`None`: nobody manages them any more).
    ChangeUser {
        id: UserId,
        form: UserForm,
        to: Option<UserId>,
    },
    /// "Supprimer l'utilisateur"; `to` is given their connections (`None`: "Personne").
    RemoveUser { id: UserId, to: Option<UserId> },
    /// "Confirmer le transfert" of the primary admin's role.
    HandPrimary { to: UserId },
    /// "Commencer une revue" (see `review`).
    StartReview,
    /// A decision on one connection of the review under way; saved, not journaled.
    DecideReview {
        app: AppId,
        company: CompanyId,
        decision: Decision,
    },
    /// "Abandonner la revue".
    AbandonReview,
    /// "Confirmer" the review's decisions: each applied as if alone.
    ApplyReview,
    /// "Simuler une mise à jour": the demo publishes the app's newer version (see
    /// `update`). Open to every role, as the demo's other controls; journaled.
    PublishUpdate { app: AppId },
    /// "Approuver" the published newer version at one connection.
    ApproveUpdate { app: AppId, company: CompanyId },
    /// "Refuser" it there: the connection stays as it was.
    RefuseUpdate { app: AppId, company: CompanyId },
}

impl Command {
    /// The app and company the command acts on; `None` for a reset or a batch.
    pub fn target(&self) -> Option<(&AppId, &CompanyId)> {
        match self {
            Command::Get { app, company }
            | Command::UpdateSettings { app, company, .. }
            | Command::Disconnect { app, company, .. }
            | Command::GetWithSettings { app, company, .. }
            | Command::Launch { app, company }
            | Command::Reconnect { app, company }
            | Command::Suspend { app, company }
            | Command::Reactivate { app, company }
            | Command::Request { app, company, .. }
            | Command::ApproveUpdate { app, company }
            | Command::RefuseUpdate { app, company } => Some((app, company)),
            Command::Reset
            | Command::Batch(_)
            | Command::AdvanceClock { .. }
            | Command::ApproveRequest { .. }
            | Command::DeclineRequest { .. }
            | Command::WithdrawRequest { .. }
            | Command::AcknowledgeRequests
            | Command::AddUser(_)
            | Command::ChangeUser { .. }
            | Command::RemoveUser { .. }
            | Command::HandPrimary { .. }
            | Command::StartReview
            | Command::DecideReview { .. }
            | Command::AbandonReview
            | Command::ApplyReview
            | Command::PublishUpdate { .. } => None,
        }
    }
}
