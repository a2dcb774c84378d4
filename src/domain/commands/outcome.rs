//! What a successful command did: the outcome each caller reports.

use super::batch::BatchItem;
use super::people::Handed;

use crate::domain::catalogue::product::GetKind;
use crate::domain::journal::SettingChange;
use crate::domain::model::review::Decision;
use crate::domain::model::{AppId, CompanyId, Timestamp, UserId};

/// What a successful command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The app is connected (QuickBooks) or installed (Expert-Comptable): `kind` says which.
    Added {
        app: AppId,
        company: CompanyId,
        kind: GetKind,
    },
    /// Management changed hands; `from` is `None` when nobody managed it.
    Transferred {
        app: AppId,
        company: CompanyId,
        from: Option<UserId>,
        to: UserId,
    },
    SettingsSaved {
        app: AppId,
        company: CompanyId,
        changes: Vec<SettingChange>,
    },
    Disconnected {
        app: AppId,
        company: CompanyId,
    },
    Reset,
    /// What each command of a batch did, in order; at least one succeeded.
    Batch(Vec<BatchItem>),
    /// The app was opened (and its connection's use recorded).
    Launched {
        app: AppId,
        company: CompanyId,
    },
    /// The connection was renewed; `from` is set when it was taken over, to who managed
    /// it then (`Some(None)`: nobody).
    Reconnected {
        app: AppId,
        company: CompanyId,
        from: Option<Option<UserId>>,
    },
    Suspended {
        app: AppId,
        company: CompanyId,
    },
    Reactivated {
        app: AppId,
        company: CompanyId,
    },
    Requested {
        app: AppId,
        company: CompanyId,
    },
    /// The requested app is connected or installed, managed by the approver.
    RequestApproved {
        app: AppId,
        company: CompanyId,
        kind: GetKind,
        requester: UserId,
    },
    RequestDeclined {
        app: AppId,
        company: CompanyId,
    },
    RequestWithdrawn {
        app: AppId,
        company: CompanyId,
    },
    Acknowledged,
    UserAdded {
        id: UserId,
    },
    /// A person changed; `handed` is what became of the connections the change took out
    /// of their rights.
    UserChanged {
        id: UserId,
        handed: Vec<Handed>,
    },
    /// A person removed; `handed` is what became of each connection they managed.
    UserRemoved {
        id: UserId,
        handed: Vec<Handed>,
    },
    PrimaryHanded {
        from: UserId,
        to: UserId,
    },
    ReviewStarted {
        id: u64,
    },
    ReviewDecided {
        app: AppId,
        company: CompanyId,
        decision: Decision,
    },
    ReviewAbandoned {
        id: u64,
    },
    /// The review's decisions were applied: its report says what each did.
    ReviewApplied {
        id: u64,
    },
    /// The demo published the app's newer version.
    UpdatePublished {
        app: AppId,
        version: u32,
    },
    /// The connection moved to `version`.
    UpdateApproved {
        app: AppId,
        company: CompanyId,
        version: u32,
    },
    /// The connection stays as it was; `version` was refused.
    UpdateRefused {
        app: AppId,
        company: CompanyId,
        version: u32,
    },
    /// The demo's clock moved `days` ahead; `now` is its new time.
    ClockAdvanced {
        days: u32,
        now: Timestamp,
    },
}
