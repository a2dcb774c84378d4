//! A newer version of an app published in a product, and the refusals of an update.

use serde::{Deserialize, Serialize};

use super::ids::{AppId, Timestamp, UserId};
use crate::domain::i18n::{args, Lang};

/// Every app's first version, and every connection's before an update.
pub const FIRST: u32 = 1;

/// An app's newer version, published in this product ("Simuler une mise à jour"): the
/// connections at an older version keep working as they are until someone approves it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub app: AppId,
    pub version: u32,
    /// When (the demo's clock), and who simulated it.
    pub at: Timestamp,
    pub by: UserId,
}

/// An update's refusals; each says what is the case instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpdateError {
    /// The app has no newer version in the catalogue.
    NoNewVersion { app: String },
    /// Its newer version is already published.
    AlreadyPublished { app: String, version: u32 },
    /// The connection is at the newest published version: nothing to approve or refuse.
    UpToDate { app: String, company: String },
    /// The update was already refused there.
    AlreadyRefused { app: String, company: String },
}

impl UpdateError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            UpdateError::NoNewVersion { app } => lang.updates_error_no_new_version(app),
            UpdateError::AlreadyPublished { app, version } => {
                lang.updates_error_already_published(args::UpdatesErrorAlreadyPublished {
                    app: &app,
                    version: &version,
                })
            }
            UpdateError::UpToDate { app, company } => {
                lang.updates_error_up_to_date(args::UpdatesErrorUpToDate {
                    app: &app,
                    company: &company,
                })
            }
            UpdateError::AlreadyRefused { app, company } => {
                lang.updates_error_already_refused(args::UpdatesErrorAlreadyRefused {
                    app: &app,
                    company: &company,
                })
            }
        }
    }
}
