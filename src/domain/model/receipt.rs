//! A disconnection's receipt, as the state keeps it (its wording and making live in
//! `disconnection`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{AppId, CompanyId, Timestamp, UserId};
use crate::domain::forms::questionnaire::Questionnaire;
use crate::domain::forms::settings::SettingValue;

/// How many receipts a product keeps (the oldest go first).
pub const RECEIPTS_KEPT: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The number of the disconnection's journal entry, and the receipt's in its address.
    pub id: u64,
    pub at: Timestamp,
    pub app: AppId,
    pub company: CompanyId,
    /// Who disconnected it.
    pub actor: UserId,
    /// Who managed it until then; `None` when nobody did ("Sans gestionnaire").
    pub manager: Option<UserId>,
    pub answers: Questionnaire,
    /// The app as the catalogue described it then.
    pub app_name: String,
    pub publisher: String,
    pub contact: String,
    /// The data it had access to.
    pub permissions: Vec<String>,
    /// Its settings as they read in French ("Label : valeur").
    pub settings: Vec<String>,
    /// The same lines in English ("Label: value"). Absent from receipts written before
    /// English existed, which show the French lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings_en: Vec<String>,
    /// The same settings' raw values, to connect it again as it was.
    pub values: BTreeMap<String, SettingValue>,
    /// The other companies it stayed installed for. Absent from receipts written before
    /// it existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<CompanyId>,
}
