//! Each product's data and the one way to change it: [`Products::dispatch`] runs a domain
//! command through the product's store (which checks it, applies it and saves once), then
//! publishes the new state, says what happened in the status line and reports storage
//! problems and other tabs' changes in the banner. Views read `state` and dispatch.

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::{Command, Env, Outcome};
use crate::domain::data::demo;
use crate::domain::disconnection::receipt;
use crate::domain::model::error::DomainError;
use crate::domain::model::{Product, ProductState, User};
use crate::storage::browser::{AnyKv, ChangeListener};
use crate::storage::schema::state_key;
use crate::storage::store::{Merged, ProductStore, Refresh, StorageIssue};

use super::leave::LeaveGuard;
use super::notices::{Notice, Notices};
use super::session::Session;
use super::status::{Status, StatusLink};
use crate::ui::web::clock::now;
use crate::ui::web::paths;

/// Where `product`'s store and signal sit in the lists (the order of `Product::ALL`).
fn slot(product: Product) -> usize {
    Product::ALL.iter().position(|p| *p == product).unwrap_or(0)
}

struct Stores {
    list: Vec<ProductStore<AnyKv>>,
    _listener: Option<ChangeListener>,
}

/// The products' data, stores and the contexts a command reports to.
#[derive(Clone, Copy)]
pub struct Products {
    pub catalogue: StoredValue<Catalogue>,
    states: StoredValue<Vec<RwSignal<ProductState>>>,
    stores: StoredValue<Stores, LocalStorage>,
    session: Session,
    notices: Notices,
    status: Status,
    leave: LeaveGuard,
}

/// Each product's store, opened on `kv`, with the state it read and what went wrong.
pub type Opened = Vec<(ProductStore<AnyKv>, ProductState, Option<StorageIssue>)>;

/// Opens every product's store. This tab's mark goes into what each one saves.
pub fn open_stores(kv: &AnyKv, catalogue: &Catalogue) -> Opened {
    // A random number, never 0 ("unknown").
    let tab = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64 | 1;
    Product::ALL
        .into_iter()
        .map(|p| {
            // The journal is read once the first page is shown (see `Products::need_journal`).
            let (mut store, state, issue) =
                ProductStore::open_deferred(kv.clone(), p, catalogue, now());
            store.set_writer(tab);
            (store, state, issue)
        })
        .collect()
}

impl Products {
    /// The products, from their opened stores (in the order of `Product::ALL`).
    pub fn new(
        catalogue: Catalogue,
        stores: Vec<ProductStore<AnyKv>>,
        states: Vec<ProductState>,
        (session, notices, status, leave): (Session, Notices, Status, LeaveGuard),
    ) -> Products {
        let products = Products {
            catalogue: StoredValue::new(catalogue),
            states: StoredValue::new(states.into_iter().map(RwSignal::new).collect()),
            stores: StoredValue::new_local(Stores {
                list: stores,
                _listener: None,
            }),
            session,
            notices,
            status,
            leave,
        };
        products.listen_to_other_tabs();
        // Once the first page is shown: the journals left in storage at start.
        request_idle_callback(move || {
            for product in Product::ALL {
                products.need_journal(product);
            }
        });
        products
    }

    /// Reads `product`'s journal if it was left in storage at start
    /// (`ProductStore::open_deferred`), and tells its readers. Views that show, follow or
    /// export the journal call it first; it also runs on its own once the first page is
    /// shown, and before any command.
    pub fn need_journal(self, product: Product) {
        let signal = self.signal(product);
        let read = self.stores.try_update_value(|stores| {
            let store = &mut stores.list[slot(product)];
            if !store.journal_unread() {
                return None;
            }
            let mut out = None;
            self.catalogue.with_value(|catalogue| {
                signal.maybe_update(|state| {
                    let r = store.read_journal(state, catalogue);
                    out = Some(r);
                    true
                })
            });
            out
        });
        match read {
            // Another tab's newer revision may have come with it: its users are the ones.
            Some(Some(Ok(_))) => signal.with_untracked(|s| self.session.keep_valid(s)),
            Some(Some(Err(issue))) => {
                // Found unreadable, the data gave way to the demo's, as at start.
                if matches!(issue, StorageIssue::Unreadable { .. }) {
                    self.leave.forget_drafts(product);
                    signal.with_untracked(|s| self.session.keep_valid(s));
                }
                self.notices.notify(Notice::Storage(issue));
            }
            _ => {}
        }
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

    fn signal(self, product: Product) -> RwSignal<ProductState> {
        self.states.with_value(|s| s[slot(product)])
    }

    /// A product's state, to read (reactive).
    pub fn state(self, product: Product) -> ReadSignal<ProductState> {
        self.signal(product).read_only()
    }

    /// Reads `product`'s state (reactive) with what a command sees: the catalogue and
    /// the real time.
    pub fn with_env<T>(self, product: Product, f: impl FnOnce(&ProductState, &Env) -> T) -> T {
        self.catalogue.with_value(|catalogue| {
            self.signal(product).with(|s| {
                f(
                    s,
                    &Env {
                        catalogue,
                        now: now(),
                    },
                )
            })
        })
    }

    /// [`Products::with_env`], without tracking the state.
    pub fn with_env_untracked<T>(
        self,
        product: Product,
        f: impl FnOnce(&ProductState, &Env) -> T,
    ) -> T {
        self.catalogue.with_value(|catalogue| {
            self.signal(product).with_untracked(|s| {
                f(
                    s,
                    &Env {
                        catalogue,
                        now: now(),
                    },
                )
            })
        })
    }

    /// The acting user of `product` (reactive).
    pub fn actor_user(self, product: Product) -> Option<User> {
        let id = self.session.actor(product);
        self.signal(product).with(|s| s.user(&id).cloned())
    }

    /// Runs `f` on the product's store, state and the catalogue; the state's readers are
    /// told when `f` says it changed. `None` only once the app is gone.
    fn with_store<R>(
        self,
        product: Product,
        f: impl FnOnce(&mut ProductStore<AnyKv>, &mut ProductState, &Catalogue) -> (R, bool),
    ) -> Option<R> {
        self.need_journal(product);
        let signal = self.signal(product);
        let mut out = None;
        self.stores.try_update_value(|stores| {
            let store = &mut stores.list[slot(product)];
            self.catalogue.with_value(|catalogue| {
                signal.maybe_update(|state| {
                    let (r, changed) = f(store, state, catalogue);
                    out = Some(r);
                    changed
                });
            });
        });
        out
    }

    /// Another tab's newer revision is now shown: said in the banner, and the acting user
    /// kept valid.
    fn report_merge(self, product: Product, merged: Merged) {
        if let Some(dropped) = merged {
            self.signal(product)
                .with_untracked(|s| self.session.keep_valid(s));
            self.notices.notify(Notice::OtherTab { product, dropped });
        }
    }

    /// Runs a command as the acting user of `product`; says what it did in the status
    /// line. A refusal changes nothing and is returned, with its sentence.
    pub fn dispatch(self, product: Product, command: Command) -> Result<Outcome, DomainError> {
        let actor = self.session.actor_untracked(product);
        let result = self.with_store(product, |store, state, catalogue| {
            let env = Env {
                catalogue,
                now: now(),
            };
            let r = store.execute(state, &env, &actor, &command);
            // A refused command may still have loaded another tab's changes.
            let changed = r.as_ref().map_or_else(|e| e.merged.is_some(), |_| true);
            (r, changed)
        });
        let executed = match result {
            Some(Ok(executed)) => executed,
            Some(Err(refused)) => {
                self.report_merge(product, refused.merged);
                return Err(refused.error);
            }
            None => return Err(DomainError::UnknownUser(actor.to_string())),
        };
        // Kept unsaved settings of what is gone are edits of nothing.
        match &command {
            Command::Reset => self.leave.forget_drafts(product),
            Command::Disconnect { app, company, .. } => {
                self.leave.forget_connection_drafts(product, company, app)
            }
            _ => {}
        }
        self.report_merge(product, executed.merged);
        self.report_save(product, executed.saved);
        let (message, receipt) = self.catalogue.with_value(|c| {
            self.signal(product).with_untracked(|s| {
                let receipt = match &executed.outcome {
                    Outcome::Disconnected { app, company } => {
                        receipt::latest_for(s, app, company).map(|r| r.id)
                    }
                    _ => None,
                };
                (
                    executed
                        .outcome
                        .message(s, c, self.session.lang_untracked()),
                    receipt,
                )
            })
        });
        match receipt {
            Some(id) => self.status.say_with_link(
                message,
                StatusLink {
                    label: self.session.lang_untracked().ctl_see_receipt(),
                    path: paths::receipt(product, id),
                },
            ),
            None => self.status.say(message),
        }
        if executed.outcome == Outcome::Reset {
            self.signal(product)
                .with_untracked(|s| self.session.keep_valid(s));
        }
        Ok(executed.outcome)
    }

    /// A save that worked clears the earlier failures; one that failed is said (except
    /// while unreadable data is kept, which the banner already says).
    fn report_save(self, product: Product, saved: Result<(), StorageIssue>) {
        self.notices.clear_save_failures(product);
        if let Err(issue) = saved {
            if !matches!(issue, StorageIssue::Held { .. }) {
                self.notices.notify(Notice::Storage(issue));
            }
        }
    }

    /// Re-reads a product after another tab saved it.
    pub fn refresh(self, product: Product) {
        let result = self.with_store(product, |store, state, catalogue| {
            let r = store.refresh(state, catalogue);
            let changed = matches!(r, Refresh::Reloaded { .. });
            (r, changed)
        });
        match result {
            Some(Refresh::Reloaded { dropped }) => {
                self.report_merge(product, Some(dropped));
                self.status.say(
                    self.session
                        .lang_untracked()
                        .frame_updated_elsewhere(product.label()),
                );
            }
            Some(Refresh::Failed(issue)) => self.notices.notify(Notice::Storage(issue)),
            Some(Refresh::Unchanged) | None => {}
        }
    }

    /// Tries to save what is pending again (after the quota was full).
    pub fn retry_save(self, product: Product) {
        let Some(retried) = self.with_store(product, |store, state, catalogue| {
            let r = store.retry(state, catalogue);
            let changed = r.merged.is_some();
            (r, changed)
        }) else {
            return;
        };
        self.report_merge(product, retried.merged);
        let worked = retried.saved.is_ok();
        self.report_save(product, retried.saved);
        if worked {
            self.status
                .say(self.session.lang_untracked().frame_changes_saved());
        }
    }

    /// The unreadable text kept for `product`, to download.
    pub fn unreadable(self, product: Product) -> Option<String> {
        self.stores
            .with_value(|s| s.list[slot(product)].unreadable().map(str::to_string))
    }

    /// Whether `product` holds nothing saved here: replacing it loses nothing.
    pub fn is_untouched(self, product: Product) -> bool {
        self.stores
            .try_with_value(|s| s.list[slot(product)].is_untouched())
            .unwrap_or(false)
    }

    /// Whether closing the tab now would lose changes: a product holds changes it could
    /// not save (a full quota, unreadable data kept aside, a failed write), or saved them
    /// to memory only (storage blocked).
    pub fn would_lose_on_close(self) -> bool {
        self.stores
            .try_with_value(|s| s.list.iter().any(|store| store.would_lose_on_close()))
            .unwrap_or(false)
    }

    /// Replaces a product's state (an import, or starting over with the demo data) and
    /// saves it.
    pub fn replace(self, product: Product, new: ProductState) -> Result<(), StorageIssue> {
        self.leave.forget_drafts(product);
        let result = self
            .with_store(product, |store, state, _| (store.replace(state, new), true))
            .unwrap_or(Ok(()));
        self.notices.clear_data_notices(product);
        self.signal(product)
            .with_untracked(|s| self.session.keep_valid(s));
        if let Err(issue) = &result {
            self.notices.notify(Notice::Storage(issue.clone()));
        }
        result
    }

    /// Starts a product over with the demo data, replacing unreadable data.
    pub fn start_over(self, product: Product) -> Result<(), StorageIssue> {
        let demo = self
            .catalogue
            .with_value(|c| demo::state(product, c, now()));
        self.replace(product, demo)
    }
}

/// The products from context.
pub fn use_products() -> Products {
    expect_context::<Products>()
}
