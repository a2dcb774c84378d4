//! The banner's notices: storage problems and changes made in another tab, each shown
//! until dismissed or resolved.

use leptos::prelude::*;

use crate::domain::model::error::DomainError;
use crate::domain::model::Product;
use crate::storage::store::StorageIssue;

/// Something the banner shows until dismissed or resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Storage(StorageIssue),
    /// Another tab changed a product; this tab now shows it. `dropped` lists this tab's
    /// changes that no longer applied, with why.
    OtherTab {
        product: Product,
        dropped: Vec<DomainError>,
    },
}

impl Notice {
    /// Whether the notice is about a failed save of `product` (which a save that works
    /// again resolves).
    fn is_save_failure_of(&self, product: Product) -> bool {
        matches!(self, Notice::Storage(StorageIssue::Full { product: p } | StorageIssue::Failed { product: p, .. }) if *p == product)
    }

    /// Whether the notice is about `product`'s stored data (which replacing that data
    /// resolves).
    fn is_about_data_of(&self, product: Product) -> bool {
        match self {
            Notice::Storage(
                StorageIssue::Unreadable { product: p, .. }
                | StorageIssue::Full { product: p }
                | StorageIssue::Held { product: p }
                | StorageIssue::Failed { product: p, .. }
                | StorageIssue::CatalogueChanged { product: p, .. },
            ) => *p == product,
            _ => false,
        }
    }
}

/// The banner's notices, in the order they came.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    pub fn new(initial: Vec<Notice>) -> Notices {
        Notices(RwSignal::new(initial))
    }

    /// The notices (reactive).
    pub fn list(self) -> Vec<Notice> {
        self.0.get()
    }

    /// Shows a notice, once.
    pub fn notify(self, notice: Notice) {
        self.0.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    pub fn dismiss(self, notice: &Notice) {
        self.0.update(|n| n.retain(|x| x != notice));
    }

    /// A save of `product` that worked clears its earlier failures.
    pub fn clear_save_failures(self, product: Product) {
        self.0
            .update(|n| n.retain(|x| !x.is_save_failure_of(product)));
    }

    /// `product`'s data was replaced: what was said about the old data no longer holds.
    pub fn clear_data_notices(self, product: Product) {
        self.0
            .update(|n| n.retain(|x| !x.is_about_data_of(product)));
    }
}

/// The notices from context.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
