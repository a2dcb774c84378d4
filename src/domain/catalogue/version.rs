//! An app's versions: every app is at version 1 (its `permissions` and `settings`); some
//! have a newer version that reads more data and may add settings. A newer version is
//! published in a product by the demo (see `updates`); a connection stays at its version
//! until someone approves the newer one.

use serde::{Deserialize, Serialize};

use super::AppDef;
use crate::domain::forms::settings::SettingDef;

pub use crate::domain::model::update::FIRST;

/// What an app's newer version adds to the one before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextVersion {
    pub version: u32,
    /// The data it reads that the version before did not.
    pub reads: Vec<String>,
    /// The settings it adds, each with its default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<SettingDef>,
}

/// One item of data a version reads, and whether the version before did not read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read<'a> {
    pub data: &'a str,
    pub new: bool,
}

impl AppDef {
    /// The app's newest version: its newer one's, or [`FIRST`].
    pub fn latest(&self) -> u32 {
        self.next.as_ref().map_or(FIRST, |n| n.version)
    }

    /// The newer version, when `version` is the one it follows or later.
    fn next_at(&self, version: u32) -> Option<&NextVersion> {
        self.next.as_ref().filter(|n| version >= n.version)
    }

    /// The data the app reads at `version`, in the catalogue's order.
    pub fn reads_at(&self, version: u32) -> Vec<String> {
        let mut reads = self.permissions.clone();
        if let Some(n) = self.next_at(version) {
            reads.extend(n.reads.iter().cloned());
        }
        reads
    }

    /// The settings a connection at `version` has.
    pub fn settings_at(&self, version: u32) -> Vec<SettingDef> {
        let mut settings = self.settings.clone();
        if let Some(n) = self.next_at(version) {
            settings.extend(n.settings.iter().cloned());
        }
        settings
    }

    /// The app as a connection at `version` has it: what it reads and its settings are
    /// that version's (what pages showing one connection ask for).
    pub fn at(&self, version: u32) -> AppDef {
        AppDef {
            permissions: self.reads_at(version),
            settings: self.settings_at(version),
            ..self.clone()
        }
    }

    /// What `to` reads, each item marked when `from` did not read it.
    pub fn reads_from(&self, from: u32, to: u32) -> Vec<Read<'_>> {
        let before = self.reads_at(from);
        let mut all: Vec<&str> = self.permissions.iter().map(String::as_str).collect();
        if let Some(n) = self.next_at(to) {
            all.extend(n.reads.iter().map(String::as_str));
        }
        all.into_iter()
            .map(|data| Read {
                data,
                new: !before.iter().any(|b| b == data),
            })
            .collect()
    }

    /// The settings `to` adds to `from`, each with its default.
    pub fn settings_added(&self, from: u32, to: u32) -> Vec<&SettingDef> {
        match self.next_at(to) {
            Some(n) if from < n.version => n.settings.iter().collect(),
            _ => Vec::new(),
        }
    }
}
