//! Two tabs on one storage: before a command or a save, another tab's newer revision is
//! loaded and this tab's pending commands are applied again on top of it (those that no
//! longer apply are dropped, each with why). A write of the same revision by another
//! tab, over this store's own, counts as newer: the commands of that save are pending
//! again.

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::{apply, Env, Outcome};
use crate::domain::data::demo;
use crate::domain::model::error::DomainError;
use crate::domain::model::ProductState;
use crate::domain::text::json::parse;

use super::envelope::Read;
use super::issues::{kv_issue, StorageIssue};
use super::phase::{JournalPlan, Phase};
use super::{Merged, ProductStore};
use crate::storage::kv::KeyValue;
use crate::storage::schema::{state_key, Header, SCHEMA_VERSION};

impl<K: KeyValue> ProductStore<K> {
    /// Loads a newer revision saved elsewhere, if there is one, and applies this tab's
    /// pending commands on it.
    pub(super) fn sync(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
    ) -> Result<Merged, StorageIssue> {
        self.read_journal(state, catalogue)?;
        // Once the journal is read the store is writable, unless something is held.
        let Phase::Writable { mine } = &self.phase else {
            return Ok(None);
        };
        let mine = !mine.is_empty();
        // Text whose header cannot be read, or of a newer schema, is read (and so held)
        // rather than taken for "nothing newer" and written over.
        let raw = self
            .kv
            .get(&state_key(self.product))
            .map_err(|e| kv_issue(self.product, e))?;
        let header = raw.map(|raw| parse::<Header>(&raw));
        // Another tab wrote the revision this store wrote, over it (both read the same
        // revision before saving): its commands are pending again, to apply on that write.
        let replaced = matches!(&header, Some(Ok(h))
            if mine && h.revision == self.revision && h.writer != self.writer);
        let newer = replaced
            || header.is_some_and(|h| match h {
                Ok(h) => h.revision > self.revision || h.schema > SCHEMA_VERSION,
                Err(_) => true,
            });
        if !newer {
            return Ok(None);
        }
        if replaced {
            let mut again = self.phase.take_mine();
            again.append(&mut self.pending);
            self.pending = again;
        }
        // Another tab saved it: settings it had to bring in line were reported there.
        if !self.take_stored(state, catalogue)? {
            return Ok(None);
        }
        Ok(Some(self.replay(state, catalogue)))
    }

    /// Applies the pending commands again on `state`, each at its own time; returns why
    /// those that no longer apply were dropped.
    fn replay(&mut self, state: &mut ProductState, catalogue: &Catalogue) -> Vec<DomainError> {
        let mut dropped = Vec::new();
        let mut kept = Vec::new();
        for p in std::mem::take(&mut self.pending) {
            let env = Env {
                catalogue,
                now: p.at,
            };
            match apply(state, &env, &p.actor, &p.command) {
                Ok(Outcome::Reset) => {
                    self.plan = JournalPlan::Restart;
                    kept.push(p);
                }
                Ok(_) => kept.push(p),
                Err(e) => dropped.push(e),
            }
        }
        self.pending = kept;
        dropped
    }

    /// The stored revision in place of `state`, journal included, while the journal of
    /// the one it replaces was not read (no command ran on it).
    pub(super) fn read_newer(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
    ) -> Result<(), StorageIssue> {
        match self.take_stored(state, catalogue) {
            Ok(true) => Ok(()),
            // Removed by another tab: what was read stays, and is saved whole next time.
            Ok(false) => {
                self.phase = Phase::writable();
                self.plan = JournalPlan::Restart;
                Ok(())
            }
            Err(issue) => {
                // Unreadable: the demo data in memory, as at opening. Storage that could
                // not be read leaves the journal unread, and so nothing is saved.
                if self.phase.held().is_some() {
                    *state = demo::state(self.product, catalogue, self.opened_at);
                }
                Err(issue)
            }
        }
    }

    /// What is stored, in place of `state`: `Ok(false)` when nothing is. Unreadable
    /// text is held.
    fn take_stored(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
    ) -> Result<bool, StorageIssue> {
        match self
            .read(catalogue, false)
            .map_err(|e| kv_issue(self.product, e))?
        {
            Read::Found {
                state: stored,
                revision,
                journal,
                ..
            } => {
                *state = *stored;
                self.adopt(revision, journal, Phase::writable());
                Ok(true)
            }
            Read::Empty => Ok(false),
            Read::Unreadable { raw, reason } => Err(self.hold(raw, reason)),
        }
    }
}
