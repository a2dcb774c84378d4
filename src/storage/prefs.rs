//! The session's preferences: which product is shown and who acts in each. They are
//! conveniences, so unreadable preferences fall back to the defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::model::{Product, UserId};

use super::kv::KeyValue;
use super::schema::prefs_key;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub product: Option<Product>,
    #[serde(default)]
    pub users: BTreeMap<Product, UserId>,
    /// The interface's language code ("fr", "en"); French when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

pub fn load(kv: &impl KeyValue) -> Prefs {
    kv.get(&prefs_key())
        .ok()
        .flatten()
        .and_then(|raw| crate::domain::text::json::parse(&raw).ok())
        .unwrap_or_default()
}

/// Saves the preferences; a failure only means they are not remembered.
pub fn save(kv: &impl KeyValue, prefs: &Prefs) -> bool {
    serde_json::to_string(prefs)
        .ok()
        .is_some_and(|text| kv.set(&prefs_key(), &text).is_ok())
}
