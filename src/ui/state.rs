//! The app's reactive state and the one way to change it: [`AppState::dispatch`] runs a
//! domain command through the product's store, then publishes the new state, the status
//! message and any storage notice. Components read signals and call `dispatch`.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::command::{Command, Env, Outcome};
use crate::domain::demo;
use crate::domain::error::DomainError;
use crate::domain::model::{AppId, CompanyId, Product, ProductState, Timestamp, User, UserId};
use crate::domain::settings::SettingValue;
use crate::storage::browser::{AnyKv, ChangeListener};
use crate::storage::kv::KvError;
use crate::storage::prefs::{self, Prefs};
use crate::storage::schema::state_key;
use crate::storage::store::{ProductStore, Refresh, StorageIssue};

/// Something the banner shows until dismissed or resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Storage(StorageIssue),
    /// Another tab changed a product; this tab now shows it.
    OtherTab {
        product: Product,
        dropped: Vec<String>,
    },
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

struct Stores {
    qb: ProductStore<AnyKv>,
    ec: ProductStore<AnyKv>,
    kv: AnyKv,
    _listener: Option<ChangeListener>,
}

impl Stores {
    fn get_mut(&mut self, product: Product) -> &mut ProductStore<AnyKv> {
        match product {
            Product::QuickBooks => &mut self.qb,
            Product::ExpertComptable => &mut self.ec,
        }
    }

    fn get(&self, product: Product) -> &ProductStore<AnyKv> {
        match product {
            Product::QuickBooks => &self.qb,
            Product::ExpertComptable => &self.ec,
        }
    }
}

/// Everything the views share. `Copy`: pass it around freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub catalogue: StoredValue<Catalogue>,
    qb: RwSignal<ProductState>,
    ec: RwSignal<ProductState>,
    acting: RwSignal<BTreeMap<Product, UserId>>,
    stores: StoredValue<Stores, LocalStorage>,
    /// The banner's notices.
    pub notices: RwSignal<Vec<Notice>>,
    /// The polite live region's text.
    pub status: RwSignal<String>,
    /// Set by a view with unsaved changes: leaving it asks first.
    pub unsaved: RwSignal<bool>,
    /// A navigation waiting for the user to confirm leaving unsaved changes.
    pub pending_leave: RwSignal<Option<String>>,
    /// The last product shown (for pages outside a product, such as the home page).
    pub last_product: RwSignal<Product>,
    drafts: StoredValue<Vec<SettingsDraft>>,
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The browser's UTC offset at `ts`, in minutes east of UTC (summer time included).
pub fn utc_offset(ts: Timestamp) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.0 as f64));
    -(date.get_timezone_offset() as i32)
}

impl AppState {
    /// Opens storage and loads both products. Never fails: storage problems become notices.
    pub fn new(catalogue: Catalogue) -> AppState {
        let (kv, kv_error) = AnyKv::open();
        let mut notices = Vec::new();
        if let Some(e) = kv_error {
            notices.push(Notice::Storage(match e {
                KvError::Blocked => StorageIssue::Blocked,
                other => StorageIssue::Failed {
                    product: Product::QuickBooks,
                    detail: other.to_string(),
                },
            }));
        }
        let (mut qb_store, qb, qb_issue) =
            ProductStore::open(kv.clone(), Product::QuickBooks, &catalogue);
        let (mut ec_store, ec, ec_issue) =
            ProductStore::open(kv.clone(), Product::ExpertComptable, &catalogue);
        // This tab's mark in what it saves: a random number, never 0 ("unknown").
        let tab = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64 | 1;
        qb_store.set_writer(tab);
        ec_store.set_writer(tab);
        for issue in [qb_issue, ec_issue].into_iter().flatten() {
            if issue != StorageIssue::Blocked || notices.is_empty() {
                notices.push(Notice::Storage(issue));
            }
        }
        let saved = prefs::load(&kv);
        let acting = Product::ALL
            .into_iter()
            .map(|p| {
                let state = if p == Product::QuickBooks { &qb } else { &ec };
                let user = saved
                    .users
                    .get(&p)
                    .filter(|u| state.user(u).is_some())
                    .cloned()
                    .or_else(|| state.primary_admin().map(|u| u.id.clone()))
                    .unwrap_or_else(|| UserId::new(""));
                (p, user)
            })
            .collect();
        let state = AppState {
            catalogue: StoredValue::new(catalogue),
            qb: RwSignal::new(qb),
            ec: RwSignal::new(ec),
            acting: RwSignal::new(acting),
            stores: StoredValue::new_local(Stores {
                qb: qb_store,
                ec: ec_store,
                kv,
                _listener: None,
            }),
            notices: RwSignal::new(notices),
            status: RwSignal::new(String::new()),
            unsaved: RwSignal::new(false),
            pending_leave: RwSignal::new(None),
            last_product: RwSignal::new(saved.product.unwrap_or(Product::QuickBooks)),
            drafts: StoredValue::new(Vec::new()),
        };
        state.listen_to_other_tabs();
        state
    }

    fn listen_to_other_tabs(self) {
        let listener = ChangeListener::new(move |key| {
            for product in Product::ALL {
                if key.as_deref().is_none_or(|k| k == state_key(product)) {
                    self.refresh(product);
                }
            }
        });
        self.stores.update_value(|s| s._listener = listener);
    }

    /// Re-reads a product after another tab saved it.
    pub fn refresh(self, product: Product) {
        let signal = self.state(product);
        let mut result = Refresh::Unchanged;
        self.stores.update_value(|stores| {
            let store = stores.get_mut(product);
            self.catalogue.with_value(|catalogue| {
                signal.maybe_update(|state| {
                    result = store.refresh(state, catalogue);
                    matches!(result, Refresh::Reloaded { .. })
                });
            });
        });
        match result {
            Refresh::Unchanged => {}
            Refresh::Reloaded { dropped } => {
                self.fix_acting_user(product);
                self.notify(Notice::OtherTab { product, dropped });
                self.status.set(format!(
                    "{} a été mis à jour depuis un autre onglet.",
                    product.label()
                ));
            }
            Refresh::Failed(issue) => self.notify(Notice::Storage(issue)),
        }
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

    /// The unsaved settings kept for this user and connection, removed from the kept ones.
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

    /// Forgets every kept draft (the data they were edits of is gone).
    pub fn forget_drafts(self, product: Product) {
        self.drafts
            .update_value(|drafts| drafts.retain(|d| d.product != product));
    }

    pub fn state(self, product: Product) -> RwSignal<ProductState> {
        match product {
            Product::QuickBooks => self.qb,
            Product::ExpertComptable => self.ec,
        }
    }

    /// The acting user's id in `product` (reactive).
    pub fn actor(self, product: Product) -> UserId {
        self.acting
            .with(|a| a.get(&product).cloned())
            .unwrap_or_else(|| UserId::new(""))
    }

    /// The acting user (reactive).
    pub fn actor_user(self, product: Product) -> Option<User> {
        let id = self.actor(product);
        self.state(product).with(|s| s.user(&id).cloned())
    }

    pub fn set_actor(self, product: Product, user: UserId) {
        self.acting.update(|a| {
            a.insert(product, user);
        });
        self.save_prefs();
    }

    pub fn set_last_product(self, product: Product) {
        if self.last_product.get_untracked() != product {
            self.last_product.set(product);
            self.save_prefs();
        }
    }

    fn save_prefs(self) {
        let prefs = Prefs {
            product: Some(self.last_product.get_untracked()),
            users: self.acting.get_untracked(),
        };
        self.stores.with_value(|s| prefs::save(&s.kv, &prefs));
    }

    /// After a reload the acting user may no longer exist (an import): fall back to the
    /// primary admin.
    fn fix_acting_user(self, product: Product) {
        let id = self.acting.with_untracked(|a| a.get(&product).cloned());
        let state = self.state(product);
        let exists = id.is_some_and(|id| state.with_untracked(|s| s.user(&id).is_some()));
        if !exists {
            if let Some(primary) = state.with_untracked(|s| s.primary_admin().map(|u| u.id.clone()))
            {
                self.set_actor(product, primary);
            }
        }
    }

    fn notify(self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    pub fn dismiss(self, notice: &Notice) {
        self.notices.update(|n| n.retain(|x| x != notice));
    }

    /// Whether closing the tab now would lose changes: a product holds changes it could
    /// not save (a full quota, unreadable data kept aside, a failed write).
    pub fn has_unsaved_changes(self) -> bool {
        self.stores
            .with_value(|s| s.qb.has_pending() || s.ec.has_pending())
    }

    /// Runs a command as the acting user of `product`; sets the status message on success.
    pub fn dispatch(self, product: Product, command: Command) -> Result<Outcome, DomainError> {
        let actor = self.actor(product);
        let signal = self.state(product);
        let mut result = None;
        let mut refused_after_merge = None;
        self.stores.update_value(|stores| {
            let store = stores.get_mut(product);
            self.catalogue.with_value(|catalogue| {
                let env = Env {
                    catalogue,
                    now: now(),
                };
                signal.maybe_update(|state| {
                    let r = store.execute(state, &env, &actor, &command);
                    // A refused command may still have loaded another tab's changes.
                    let merged = store.take_merged();
                    let changed = r.is_ok() || merged.is_some();
                    if r.is_err() {
                        if let Some(dropped) = merged {
                            refused_after_merge = Some(dropped);
                        }
                    }
                    result = Some(r);
                    changed
                });
            });
        });
        if let Some(dropped) = refused_after_merge {
            self.fix_acting_user(product);
            self.notify(Notice::OtherTab { product, dropped });
        }
        let executed = result.unwrap_or(Err(DomainError::UnknownUser(actor.to_string())))?;
        // Kept unsaved settings of what is gone are edits of nothing.
        match &command {
            Command::Reset => self.forget_drafts(product),
            Command::Disconnect { app, company, .. } => self
                .drafts
                .update_value(|drafts| drafts.retain(|d| !d.is_for(product, None, company, app))),
            _ => {}
        }
        if executed.merged {
            self.notify(Notice::OtherTab {
                product,
                dropped: executed.dropped.clone(),
            });
        }
        self.clear_save_failures(product);
        if let Err(issue) = executed.saved {
            if !matches!(issue, StorageIssue::Held { .. }) {
                self.notify(Notice::Storage(issue));
            }
        }
        let message = self
            .catalogue
            .with_value(|c| signal.with_untracked(|s| executed.outcome.message(s, c)));
        self.status.set(message);
        if executed.outcome == Outcome::Reset {
            self.fix_acting_user(product);
        }
        Ok(executed.outcome)
    }

    /// A save that works again clears the earlier failure of that product.
    fn clear_save_failures(self, product: Product) {
        self.notices.update(|n| {
            n.retain(|x| {
                !matches!(x, Notice::Storage(StorageIssue::Full { product: p } | StorageIssue::Failed { product: p, .. }) if *p == product)
            })
        });
    }

    /// Tries to save what is pending again (after the quota was full).
    pub fn retry_save(self, product: Product) {
        let signal = self.state(product);
        let mut result = Ok(());
        let mut merged = None;
        self.stores.update_value(|stores| {
            let store = stores.get_mut(product);
            self.catalogue.with_value(|catalogue| {
                signal.maybe_update(|state| {
                    result = store.retry(state, catalogue);
                    merged = store.take_merged();
                    merged.is_some()
                });
            });
        });
        self.clear_save_failures(product);
        if let Some(dropped) = merged {
            self.fix_acting_user(product);
            self.notify(Notice::OtherTab { product, dropped });
        }
        match result {
            Ok(()) => self.status.set("Vos changements sont enregistrés.".into()),
            Err(issue) => self.notify(Notice::Storage(issue)),
        }
    }

    /// The unreadable text kept for `product`, to download.
    pub fn unreadable(self, product: Product) -> Option<String> {
        self.stores
            .with_value(|s| s.get(product).unreadable().map(str::to_string))
    }

    /// Replaces a product's state (an import, or starting over with the demo data) and
    /// saves it.
    pub fn replace(self, product: Product, new: ProductState) -> Result<(), StorageIssue> {
        self.forget_drafts(product);
        let signal = self.state(product);
        let mut result = Ok(());
        self.stores.update_value(|stores| {
            let store = stores.get_mut(product);
            signal.update(|state| result = store.replace(state, new));
        });
        self.notices.update(|n| {
            n.retain(|x| match x {
                Notice::Storage(
                    StorageIssue::Unreadable { product: p, .. }
                    | StorageIssue::Full { product: p }
                    | StorageIssue::Held { product: p }
                    | StorageIssue::Failed { product: p, .. }
                    | StorageIssue::CatalogueChanged { product: p, .. },
                ) => *p != product,
                _ => true,
            })
        });
        self.fix_acting_user(product);
        if let Err(issue) = &result {
            self.notify(Notice::Storage(issue.clone()));
        }
        result
    }

    /// Starts a product over with the demo data, replacing unreadable data.
    pub fn start_over(self, product: Product) -> Result<(), StorageIssue> {
        let demo = self.catalogue.with_value(|c| demo::state(product, c));
        self.replace(product, demo)
    }
}

/// The app state from context. Every view is mounted under the root that provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
