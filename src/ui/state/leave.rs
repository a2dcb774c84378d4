//! The leave guard: while a view holds unsaved changes, leaving it (a link, the Produit or
//! Utilisateur control) waits for the user's answer; edits left without that question
//! (the browser's Back button) are kept as drafts for the user who typed them.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::forms::settings::SettingValue;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, Product, UserId};

/// A way of leaving the current view that waits for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// To another page of the app (a path without the base path).
    Navigate(String),
    /// Another user acts in `product` (the Utilisateur control).
    SwitchUser { product: Product, user: UserId },
    /// The interface in another language (the Langue control): every view is made anew.
    SwitchLang(Lang),
}

/// Settings edited, not saved, and left without the leave question (the browser's Back
/// button, or the view closing under them): given back when the same user opens the same
/// connection's settings again.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsDraft {
    pub product: Product,
    pub user: UserId,
    pub company: CompanyId,
    pub app: AppId,
    pub values: BTreeMap<String, SettingValue>,
}

impl SettingsDraft {
    /// Whether these are edits of `app`'s settings at `company`, by `user` when given.
    fn is_for(
        &self,
        product: Product,
        user: Option<&UserId>,
        company: &CompanyId,
        app: &AppId,
    ) -> bool {
        self.product == product
            && user.is_none_or(|u| &self.user == u)
            && &self.company == company
            && &self.app == app
    }
}

/// Drafts kept at most; the oldest goes first.
const MAX_DRAFTS: usize = 20;

#[derive(Clone, Copy)]
pub struct LeaveGuard {
    unsaved: RwSignal<bool>,
    pending: RwSignal<Option<Leave>>,
    drafts: StoredValue<Vec<SettingsDraft>>,
}

impl LeaveGuard {
    pub fn new() -> LeaveGuard {
        LeaveGuard {
            unsaved: RwSignal::new(false),
            pending: RwSignal::new(None),
            drafts: StoredValue::new(Vec::new()),
        }
    }

    /// Set by a view while it holds unsaved changes.
    pub fn set_unsaved(self, unsaved: bool) {
        if self.unsaved.get_untracked() != unsaved {
            self.unsaved.set(unsaved);
        }
    }

    /// Whether the current view holds unsaved changes (not tracked).
    pub fn is_unsaved(self) -> bool {
        self.unsaved.try_get_untracked().unwrap_or(false)
    }

    /// `leave`, to carry out at once when nothing would be lost; otherwise `None`, and
    /// `leave` waits for the user's answer.
    pub fn ask(self, leave: Leave) -> Option<Leave> {
        if self.is_unsaved() {
            self.pending.set(Some(leave));
            None
        } else {
            Some(leave)
        }
    }

    /// What waits for the user's answer (reactive).
    pub fn pending(self) -> Option<Leave> {
        self.pending.get()
    }

    /// The user chose to stay.
    pub fn stay(self) {
        self.pending.set(None);
    }

    /// The user chose to leave without saving: what was waiting, to carry out now.
    pub fn leave_anyway(self) -> Option<Leave> {
        let leave = self.pending.try_update(Option::take).flatten()?;
        self.unsaved.set(false);
        Some(leave)
    }

    /// Keeps unsaved settings for later (replacing an older draft of the same settings).
    pub fn keep_draft(self, draft: SettingsDraft) {
        self.drafts.update_value(|drafts| {
            drafts.retain(|d| {
                !d.is_for(draft.product, Some(&draft.user), &draft.company, &draft.app)
            });
            if drafts.len() >= MAX_DRAFTS {
                drafts.remove(0);
            }
            drafts.push(draft);
        });
    }

    /// The unsaved settings `user` kept for this connection, removed from the kept ones.
    /// Another user's draft is never given back.
    pub fn take_draft(
        self,
        product: Product,
        user: &UserId,
        company: &CompanyId,
        app: &AppId,
    ) -> Option<BTreeMap<String, SettingValue>> {
        let mut found = None;
        self.drafts.update_value(|drafts| {
            if let Some(i) = drafts
                .iter()
                .position(|d| d.is_for(product, Some(user), company, app))
            {
                found = Some(drafts.remove(i).values);
            }
        });
        found
    }

    /// Forgets every kept draft of `product` (the data they were edits of is gone).
    pub fn forget_drafts(self, product: Product) {
        self.drafts
            .update_value(|drafts| drafts.retain(|d| d.product != product));
    }

    /// Forgets every user's kept draft of one connection (it was disconnected).
    pub fn forget_connection_drafts(self, product: Product, company: &CompanyId, app: &AppId) {
        self.drafts
            .update_value(|drafts| drafts.retain(|d| !d.is_for(product, None, company, app)));
    }
}

impl Default for LeaveGuard {
    fn default() -> Self {
        LeaveGuard::new()
    }
}

/// The leave guard from context.
pub fn use_leave_guard() -> LeaveGuard {
    expect_context::<LeaveGuard>()
}
