//! Saving: the journal chunks that grew (or all of them under a new generation), then the
//! envelope that points at them. Until the envelope is written nothing points at the new
//! chunks, so a failed save leaves what was stored as it was.

use crate::domain::model::ProductState;

use super::issues::StorageIssue;
use super::phase::{JournalPlan, Phase};
use super::ProductStore;
use crate::storage::kv::KeyValue;
use crate::storage::schema::{JournalRef, CHUNK};

impl<K: KeyValue> ProductStore<K> {
    /// Saves `state` as the next revision, with the commands pending.
    pub(super) fn save(&mut self, state: &ProductState) -> Result<(), StorageIssue> {
        // A journal still to read is not in `state`, and held text is the user's: a save
        // would write over either.
        if !matches!(self.phase, Phase::Writable { .. }) {
            return Err(StorageIssue::Held {
                product: self.product,
            });
        }
        let len = state.journal.len();
        let restart = self.plan == JournalPlan::Restart || len < self.saved.length;
        let (generation, first) = if restart {
            (self.next_generation(), 0)
        } else {
            (self.saved.generation, self.saved.length / CHUNK)
        };
        let chunks = len.div_ceil(CHUNK);
        self.write_chunks(state, generation, first, restart)?;
        let journal = JournalRef {
            generation,
            length: len,
        };
        if let Err(issue) = self.write_envelope(state, journal) {
            if restart {
                self.discard(generation, first..chunks);
            }
            return Err(issue);
        }
        self.revision += 1;
        self.volatile_changes |= !self.kv.lasts();
        self.saved = journal;
        self.phase = Phase::Writable {
            mine: std::mem::take(&mut self.pending),
        };
        if restart {
            self.collect_garbage(generation, chunks);
        }
        self.plan = JournalPlan::Append;
        Ok(())
    }
}
