//! What is stored, and how older versions are brought up to date.
//!
//! Keys, for each product slug `P` (`quickbooks`, `expert-comptable`):
//! - `mes-apps/P`: the envelope `{"schema": 2, "revision": N, "data": {...}}`. `data` is
//!   the product's state without its journal, plus `"journal": {"generation": G,
//!   "length": L}`. `revision` grows by one at each save.
//! - `mes-apps/P/journal/G/K`: the journal's entries `K*CHUNK .. (K+1)*CHUNK` as a JSON
//!   array of `[seq, at, actor, company, app, event]` arrays (an entry's product is the
//!   key's). A save rewrites only the chunks that grew, so the journal is appended, not
//!   rewritten; a reset or an import starts a new generation `G`, and the old one is
//!   removed once the envelope points at the new one.
//! - `mes-apps/P/illisible`: a copy of stored text that could not be read, kept for the
//!   user to download.
//! - `mes-apps/preferences`: the chosen product and the acting user of each product.
//!
//! Migrations are pure functions on JSON values, from version N to N+1, applied in turn.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::catalogue::version::FIRST;
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::i18n::args;
use crate::domain::i18n::Said;
use crate::domain::model::update::Published;
use crate::domain::model::{Company, Connection, FormerUser, Product, User};
use crate::domain::requests::AppRequest;
use crate::domain::reviews::Review;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;
/// Journal entries per chunk key.
pub const CHUNK: usize = 250;
pub const PREFIX: &str = "mes-apps";

pub fn state_key(product: Product) -> String {
    format!("{PREFIX}/{}", product.slug())
}

pub fn journal_prefix(product: Product) -> String {
    format!("{PREFIX}/{}/journal/", product.slug())
}

pub fn chunk_key(product: Product, generation: u64, chunk: usize) -> String {
    format!("{}{generation}/{chunk}", journal_prefix(product))
}

pub fn backup_key(product: Product) -> String {
    format!("{PREFIX}/{}/illisible", product.slug())
}

pub fn prefs_key() -> String {
    format!("{PREFIX}/preferences")
}

/// Where the journal lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalRef {
    pub generation: u64,
    pub length: usize,
}

/// The state as the envelope holds it: the journal is referenced, not inlined.
/// `clock_offset` and `receipts` are absent from data saved before they existed (and
/// while they are 0 and empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredData {
    pub product: Product,
    pub companies: Vec<Company>,
    pub users: Vec<User>,
    pub connections: Vec<Connection>,
    pub journal: JournalRef,
    #[serde(default)]
    pub clock_offset: i64,
    #[serde(default)]
    pub receipts: Vec<Receipt>,
    /// Absent from data saved before requests existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<AppRequest>,
    /// The people removed. Absent from data saved before people could be removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former: Vec<FormerUser>,
    /// The access reviews. Absent from data saved before reviews existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// The apps' newer versions published. Absent from data saved before updates existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Published>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub schema: u32,
    pub revision: u64,
    /// Which tab wrote this revision (a random number drawn when the tab opened; 0 when
    /// unknown). Two tabs that saved the same revision at once tell by it that one write
    /// replaced the other.
    #[serde(default)]
    pub writer: u64,
    pub data: T,
}

/// The envelope's first fields, read without building the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct Header {
    pub schema: u32,
    pub revision: u64,
    #[serde(default)]
    pub writer: u64,
}

/// Why data of an older schema could not be brought up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationError(pub Said);

/// Runs `change` on each stored connection, as a JSON object; refused where the data
/// have no list of connections or one is not an object.
fn each_connection(
    data: &mut Value,
    mut change: impl FnMut(&mut serde_json::Map<String, Value>) -> Result<(), MigrationError>,
) -> Result<(), MigrationError> {
    let connections = data
        .get_mut("connections")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| MigrationError(Said::new(|l| l.migration_no_connections().to_string())))?;
    for (i, c) in connections.iter_mut().enumerate() {
        let obj = c
            .as_object_mut()
            .ok_or_else(|| MigrationError(Said::new(|l| l.migration_connection(i))))?;
        change(obj)?;
    }
    Ok(())
}

/// Version 0 (before the first release) wrote `managed_by` where version 1 writes
/// `manager`, and the connection's date as `"AAAA-MM-JJ"` where version 1 writes
/// milliseconds since 1970.
fn v0_to_v1(mut data: Value) -> Result<Value, MigrationError> {
    each_connection(&mut data, |obj| {
        if let Some(manager) = obj.remove("managed_by") {
            obj.insert("manager".into(), manager);
        }
        if let Some(Value::String(date)) = obj.get("since").cloned() {
            let ms = parse_iso_date(&date)
                .ok_or_else(|| MigrationError(Said::new(|l| l.migration_date(&date))))?;
            obj.insert("since".into(), Value::from(ms));
        }
        Ok(())
    })?;
    Ok(data)
}

/// Version 1 knew one version of each app; version 2 says which version each connection
/// is at (see `catalogue::version`): every connection written before is at the first.
/// An older Mes apps reading version 2 refuses it rather than saving it back without
/// the versions and the updates published.
fn v1_to_v2(mut data: Value) -> Result<Value, MigrationError> {
    each_connection(&mut data, |obj| {
        obj.entry("version").or_insert(Value::from(FIRST));
        Ok(())
    })?;
    Ok(data)
}

fn parse_iso_date(s: &str) -> Option<i64> {
    let mut parts = s.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(crate::domain::health::time::at(y, m, d, 0, 0).0)
}

/// Brings `data` written with schema `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut data: Value, from: u32) -> Result<Value, MigrationError> {
    let steps: [fn(Value) -> Result<Value, MigrationError>; 2] = [v0_to_v1, v1_to_v2];
    if from > SCHEMA_VERSION {
        return Err(MigrationError(Said::new(|l| {
            l.migration_newer(args::MigrationNewer {
                newer: &from,
                this: &SCHEMA_VERSION,
            })
        })));
    }
    for step in &steps[from as usize..] {
        data = step(data)?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v0_fixture_migrates_to_v1() {
        let v0 = json!({
            "connections": [
                {"app": "stock-malin", "company": "boulangerie-martin",
                 "managed_by": "julien-petit", "since": "2025-11-20", "settings": {}}
            ]
        });
        let v1 = migrate(v0, 0).unwrap();
        let c = &v1["connections"][0];
        assert_eq!(c["manager"], "julien-petit");
        assert!(c.get("managed_by").is_none());
        assert_eq!(
            c["since"],
            crate::domain::health::time::at(2025, 11, 20, 0, 0).0
        );
    }

    #[test]
    fn current_version_is_left_alone_and_newer_is_refused() {
        let v2 = json!({"connections": [{"manager": "x", "since": 5, "version": 2}]});
        assert_eq!(migrate(v2.clone(), SCHEMA_VERSION).unwrap(), v2);
        assert!(migrate(v2, SCHEMA_VERSION + 1).is_err());
    }

    #[test]
    fn v1_connections_are_at_the_first_version() {
        let v1 = json!({"connections": [
            {"app": "stock-malin", "manager": "x", "since": 5},
            {"app": "notes-eclair", "manager": "y", "since": 6}
        ]});
        let v2 = migrate(v1, 1).unwrap();
        for c in v2["connections"].as_array().unwrap() {
            assert_eq!(c["version"], 1, "{c}");
        }
        assert!(migrate(json!({"connections": [3]}), 1).is_err());
        // A v0 file goes through both steps.
        let v0 = json!({"connections": [{"managed_by": "x", "since": "2025-11-20"}]});
        let c = &migrate(v0, 0).unwrap()["connections"][0];
        assert_eq!(
            (c["manager"].clone(), c["version"].clone()),
            (json!("x"), json!(1))
        );
    }

    #[test]
    fn bad_v0_dates_are_refused() {
        let v0 = json!({"connections": [{"managed_by": "x", "since": "2025-13-40"}]});
        assert!(migrate(v0, 0).is_err());
        assert!(migrate(json!({"connections": 3}), 0).is_err());
    }
}
