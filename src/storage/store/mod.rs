//! One product's state in storage: loaded once, saved after every command, never written
//! over data it could not read, and never over a newer revision saved by another tab.
//!
//! Commands applied since the last successful save are kept ("pending"). When another
//! tab saved a newer revision, the store reloads it and applies the pending commands
//! again on top, so neither tab's change is lost. When a save fails (full quota, storage
//! refused), the state stays in memory with its commands pending and the next save
//! writes everything.
//!
//! This file holds the store and its public API; its parts each do one job: `phase`
//! (what the store may do: read late, hold, write), `envelope` (the envelope, its
//! migration), `journal` (the journal's chunks, their collection), `save` (a save, chunks
//! then envelope), `sync` (two tabs: loading another tab's revision, replaying the
//! pending commands) and `issues` (the wording of storage problems).

mod envelope;
mod issues;
mod journal;
mod phase;
mod save;
mod sync;

pub use issues::{kv_issue, StorageIssue};

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::{apply, Command, Env, Outcome};
use crate::domain::data::demo;
use crate::domain::i18n::Said;
use crate::domain::model::error::DomainError;
use crate::domain::model::{Product, ProductState, Timestamp, UserId};

use super::kv::KeyValue;
use super::schema::{backup_key, JournalRef};
use envelope::Read;
use phase::{JournalPlan, Phase};

/// Another tab's newer revision, loaded before a command or a save: the commands of this
/// tab that no longer applied on it, each with why (empty when all still applied).
pub type Merged = Option<Vec<DomainError>>;

/// The result of a command run through the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Executed {
    pub outcome: Outcome,
    pub merged: Merged,
    pub saved: Result<(), StorageIssue>,
}

/// A command the domain refused. The state is as it was, except that another tab's
/// newer revision may have been loaded first (`merged`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub error: DomainError,
    pub merged: Merged,
}

/// The result of saving again what is pending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retried {
    pub merged: Merged,
    pub saved: Result<(), StorageIssue>,
}

/// What a refresh found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refresh {
    Unchanged,
    /// Another tab's revision was loaded (with this tab's pending commands on top).
    Reloaded {
        dropped: Vec<DomainError>,
    },
    Failed(StorageIssue),
}

/// A command applied since the last successful save, kept to be applied again on
/// another tab's newer revision.
#[derive(Clone, Debug)]
struct Pending {
    actor: UserId,
    command: Command,
    at: Timestamp,
}

pub struct ProductStore<K: KeyValue> {
    kv: K,
    product: Product,
    /// What the store may do: read the journal late, hold unreadable data, or save.
    phase: Phase,
    /// The revision this store stands on: the one it last read or wrote (after
    /// `replace`, the one it writes over).
    revision: u64,
    /// Where that revision's journal is.
    saved: JournalRef,
    /// How the next save writes the journal.
    plan: JournalPlan,
    /// The commands applied since the last successful save.
    pending: Vec<Pending>,
    /// This store's mark in the envelopes it writes (see `set_writer`).
    writer: u64,
    /// Something was saved to memory that does not outlast the tab (see `KeyValue::lasts`).
    volatile_changes: bool,
    /// When the store was opened: the demo data shown in place of a journal found
    /// unreadable later are the ones `open` would have made.
    opened_at: Timestamp,
}

impl<K: KeyValue> ProductStore<K> {
    /// Opens the product's storage: its state, or the demo data (made at the real time
    /// `now`) with the reason it could not be read.
    pub fn open(
        kv: K,
        product: Product,
        catalogue: &Catalogue,
        now: Timestamp,
    ) -> (Self, ProductState, Option<StorageIssue>) {
        Self::open_with(kv, product, catalogue, now, false)
    }

    /// Like `open`, but the journal is left in storage: the state comes back with an
    /// empty journal, to be read by [`ProductStore::read_journal`] once the first page is
    /// shown, or by the first command or save, whichever comes first. Its thousands of
    /// entries are most of what loading reads.
    pub fn open_deferred(
        kv: K,
        product: Product,
        catalogue: &Catalogue,
        now: Timestamp,
    ) -> (Self, ProductState, Option<StorageIssue>) {
        Self::open_with(kv, product, catalogue, now, true)
    }

    fn open_with(
        kv: K,
        product: Product,
        catalogue: &Catalogue,
        now: Timestamp,
        defer: bool,
    ) -> (Self, ProductState, Option<StorageIssue>) {
        let mut store = ProductStore {
            kv,
            product,
            phase: Phase::writable(),
            revision: 0,
            saved: JournalRef {
                generation: 0,
                length: 0,
            },
            plan: JournalPlan::Append,
            pending: Vec::new(),
            writer: 0,
            volatile_changes: false,
            opened_at: now,
        };
        let demo = || demo::state(product, catalogue, now);
        match store.read(catalogue, defer) {
            Ok(Read::Found {
                state,
                revision,
                writer,
                journal,
                followed,
            }) => {
                let mut state = *state;
                let phase = if defer && journal.length > 0 {
                    Phase::ReadLate { writer }
                } else {
                    Phase::writable()
                };
                store.adopt(revision, journal, phase);
                if followed.is_empty() {
                    return (store, state, None);
                }
                // Saving needs the journal.
                if let Err(issue) = store.read_journal(&mut state, catalogue) {
                    return (store, state, Some(issue));
                }
                // Saved at once, so that the next visit reads settings that already match.
                // A failed save changes nothing: the next load follows the catalogue again.
                let _ = store.save(&state);
                let issue = StorageIssue::CatalogueChanged {
                    product,
                    changes: followed,
                };
                (store, state, Some(issue))
            }
            Ok(Read::Empty) => (store, demo(), None),
            Ok(Read::Unreadable { raw, reason }) => {
                let issue = store.hold(raw, reason);
                (store, demo(), Some(issue))
            }
            Err(e) => (store, demo(), Some(kv_issue(product, e))),
        }
    }

    pub fn product(&self) -> Product {
        self.product
    }

    /// The unreadable text kept, for the user to download.
    pub fn unreadable(&self) -> Option<&str> {
        self.phase.held()
    }

    /// Whether changes are waiting to be saved.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty() || self.plan == JournalPlan::Restart
    }

    /// Whether nothing of this product was ever saved here (nor read): replacing it loses
    /// nothing, as on a fresh browser profile.
    pub fn is_untouched(&self) -> bool {
        self.revision == 0 && !self.has_pending() && self.phase.held().is_none()
    }

    /// Whether closing the tab now would lose changes: some are waiting to be saved, or
    /// they were saved to memory that does not outlast the tab (storage blocked).
    pub fn would_lose_on_close(&self) -> bool {
        self.has_pending() || self.volatile_changes
    }

    /// Marks what this store writes with `writer` (non-zero, different in each tab), so
    /// that a write of the same revision by another tab, which replaced this one's, is
    /// noticed and this store's changes applied again on top of it. Set before the
    /// first command.
    pub fn set_writer(&mut self, writer: u64) {
        self.writer = writer;
    }

    /// Whether the journal is still to be read (see `open_deferred`).
    pub fn journal_unread(&self) -> bool {
        matches!(self.phase, Phase::ReadLate { .. })
    }

    /// Reads into `state` the journal `open_deferred` left in storage; `Ok(false)` when
    /// there was nothing left to read. Checked like the rest of the state at opening.
    ///
    /// When it cannot be read, it is as if `open` had found the data unreadable: the
    /// stored text is held (copied under the backup key, nothing saved over it) and
    /// `state` becomes the demo data. When storage cannot be read at all, the journal
    /// stays unread, and so nothing is saved either.
    pub fn read_journal(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
    ) -> Result<bool, StorageIssue> {
        match self.phase {
            Phase::ReadLate { writer } => self.read_late(state, catalogue, writer),
            Phase::Held { .. } | Phase::Writable { .. } => Ok(false),
        }
    }

    /// Runs a command: catches up with another tab's newer revision, applies the command,
    /// saves. A refused command changes nothing and saves nothing.
    pub fn execute(
        &mut self,
        state: &mut ProductState,
        env: &Env,
        actor: &UserId,
        command: &Command,
    ) -> Result<Executed, Refused> {
        let synced = self.sync(state, env.catalogue);
        // Even when the command is refused, `state` may now be another tab's newer one.
        let merged = synced.as_ref().ok().cloned().flatten();
        let outcome = match apply(state, env, actor, command) {
            Ok(outcome) => outcome,
            Err(error) => return Err(Refused { error, merged }),
        };
        if outcome == Outcome::Reset {
            self.plan = JournalPlan::Restart;
        }
        self.pending.push(Pending {
            actor: actor.clone(),
            command: command.clone(),
            at: env.now,
        });
        let saved = match synced {
            Err(issue) => Err(issue),
            Ok(_) => self.save(state),
        };
        Ok(Executed {
            outcome,
            merged,
            saved,
        })
    }

    /// Re-reads storage after another tab wrote to it.
    pub fn refresh(&mut self, state: &mut ProductState, catalogue: &Catalogue) -> Refresh {
        match self.sync(state, catalogue) {
            Ok(None) => Refresh::Unchanged,
            Ok(Some(dropped)) => {
                if self.has_pending() {
                    // This tab's own unsaved commands now sit on the newer revision.
                    let _ = self.save(state);
                }
                Refresh::Reloaded { dropped }
            }
            Err(issue) => Refresh::Failed(issue),
        }
    }

    /// Tries again to save what is pending (after space was freed). Like `execute`, it
    /// first loads another tab's newer revision, if any.
    pub fn retry(&mut self, state: &mut ProductState, catalogue: &Catalogue) -> Retried {
        match self.sync(state, catalogue) {
            Ok(merged) => Retried {
                merged,
                saved: self.save(state),
            },
            Err(issue) => Retried {
                merged: None,
                saved: Err(issue),
            },
        }
    }

    /// Replaces the whole state and saves it: an import, or the user's choice to start
    /// over after unreadable data (whose copy stays under the backup key).
    pub fn replace(
        &mut self,
        state: &mut ProductState,
        new: ProductState,
    ) -> Result<(), StorageIssue> {
        *state = new;
        // The stored revision is written over, not continued: no earlier save of this
        // store is to be applied again on it.
        self.phase = Phase::writable();
        self.pending.clear();
        self.plan = JournalPlan::Restart;
        if let Ok(Some(r)) = self.stored_revision() {
            self.revision = self.revision.max(r);
        }
        self.save(state)
    }

    /// Stands on the stored revision `revision` just read, whose journal is at `journal`,
    /// in `phase` (in which nothing of this store's earlier saves is `mine`).
    fn adopt(&mut self, revision: u64, journal: JournalRef, phase: Phase) {
        self.revision = revision;
        self.saved = journal;
        self.phase = phase;
    }

    /// Keeps the unreadable text `raw` (copied under the backup key): nothing is saved
    /// over it until the state is replaced.
    fn hold(&mut self, raw: String, reason: Said) -> StorageIssue {
        let backed_up = self.kv.set(&backup_key(self.product), &raw).is_ok();
        self.phase = Phase::Held { raw };
        StorageIssue::Unreadable {
            product: self.product,
            reason,
            backed_up,
        }
    }
}
