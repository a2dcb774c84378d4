//! The wording of storage problems: what the user is told when storage cannot be read,
//! refuses a write, is full or blocked, or when stored settings followed a new catalogue;
//! and the reasons given for data that cannot be read.

use std::fmt;

use crate::domain::catalogue::follow::CatalogueChange;
use crate::domain::i18n::{args, Lang, Said};
use crate::domain::import::validate::Problem;
use crate::domain::model::Product;
use crate::domain::text::json::JsonError;

use crate::storage::kv::KvError;

/// A storage problem the user is told about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageIssue {
    /// The stored data could not be read. It is left as it is (and copied under the
    /// backup key when `backed_up`); the product runs on demo data in memory and saves
    /// nothing until the user chooses.
    Unreadable {
        product: Product,
        reason: Said,
        backed_up: bool,
    },
    /// The browser refuses storage: everything stays in this tab's memory.
    Blocked,
    /// The quota is full: the change is kept in memory, what was saved before is intact.
    Full {
        product: Product,
    },
    /// Saving is suspended while unreadable data is kept.
    Held {
        product: Product,
    },
    Failed {
        product: Product,
        detail: String,
    },
    /// The stored settings were saved under another catalogue: they were brought in line
    /// with it (what changed, per connection) and saved again.
    CatalogueChanged {
        product: Product,
        changes: Vec<CatalogueChange>,
    },
}

impl fmt::Display for StorageIssue {
    /// The French text, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

impl StorageIssue {
    /// What the banner says, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StorageIssue::Unreadable {
                product,
                reason,
                backed_up,
            } => {
                let mut text = lang.storage_unreadable(args::StorageUnreadable {
                    product: &product.label(),
                    reason: &reason.text(lang),
                });
                if *backed_up {
                    text.push_str(lang.storage_unreadable_backed_up());
                }
                text + lang.storage_unreadable_end()
            }
            StorageIssue::Blocked => lang.storage_blocked().to_string(),
            StorageIssue::Full { product } => lang.storage_full(product.label()),
            StorageIssue::Held { product } => lang.storage_held(product.label()),
            StorageIssue::Failed { product, detail } => lang.storage_failed(args::StorageFailed {
                detail: &detail,
                product: &product.label(),
            }),
            StorageIssue::CatalogueChanged { product, .. } => {
                lang.storage_catalogue_changed(product.label())
            }
        }
    }
}

/// What the user is told of a storage error while working on `product`.
pub fn kv_issue(product: Product, e: KvError) -> StorageIssue {
    match e {
        KvError::Blocked => StorageIssue::Blocked,
        KvError::QuotaExceeded => StorageIssue::Full { product },
        KvError::Other(detail) => StorageIssue::Failed { product, detail },
    }
}

/// Why a state that breaks the rules cannot be read: its first problem.
pub(super) fn inconsistent(problems: &[Problem]) -> Said {
    let first = problems.first();
    Said::new(|l| l.storage_reason_inconsistent(first.map(|p| p.text(l)).unwrap_or_default()))
}

/// A JSON problem, in every language.
pub(super) fn said(e: JsonError) -> Said {
    Said::new(|l| e.text(l))
}

/// A value that could not be written as JSON.
pub(super) fn unwritable(product: Product, e: serde_json::Error) -> StorageIssue {
    StorageIssue::Failed {
        product,
        detail: e.to_string(),
    }
}
