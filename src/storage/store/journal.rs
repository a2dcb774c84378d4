//! The journal in chunks: reading the chunks an envelope points at (at opening, or late
//! for a store opened with `open_deferred`), writing the ones that grew, and collecting
//! the chunks of generations no envelope points at any more.

use crate::domain::catalogue::Catalogue;
use crate::domain::data::demo;
use crate::domain::i18n::Said;
use crate::domain::import::validate::validate_stored;
use crate::domain::journal::{Event, JournalEntry};
use crate::domain::model::{AppId, CompanyId, ProductState, Timestamp, UserId};
use crate::domain::text::json::parse;

use super::envelope::to_json;
use super::issues::{inconsistent, kv_issue, StorageIssue};
use super::phase::Phase;
use super::ProductStore;
use crate::storage::kv::{KeyValue, KvError};
use crate::storage::schema::{chunk_key, journal_prefix, state_key, Header, JournalRef, CHUNK};

/// A journal entry as a chunk stores it: `[seq, at, actor, company, app, event]`. An
/// array rather than an object, and without the product (the key says it): half the
/// size, and faster to read back.
/// `app` is `null` for an entry about people.
type StoredEntry = (u64, Timestamp, UserId, CompanyId, Option<AppId>, Event);

impl<K: KeyValue> ProductStore<K> {
    /// The journal the envelope points at, from its chunks; the inner `Err` says why it
    /// cannot be read.
    pub(super) fn read_chunks(
        &self,
        at: JournalRef,
    ) -> Result<Result<Vec<JournalEntry>, Said>, KvError> {
        let mut journal: Vec<JournalEntry> = Vec::with_capacity(at.length);
        for k in 0..at.length.div_ceil(CHUNK) {
            let key = chunk_key(self.product, at.generation, k);
            let Some(text) = self.kv.get(&key)? else {
                return Ok(Err(Said::new(|l| l.storage_reason_journal_missing(&key))));
            };
            match parse::<Vec<StoredEntry>>(&text) {
                Ok(entries) => journal.extend(entries.into_iter().map(
                    |(seq, at, actor, company, app, event)| JournalEntry {
                        seq,
                        at,
                        product: self.product,
                        actor,
                        company,
                        app,
                        event,
                    },
                )),
                Err(e) => return Ok(Err(Said::new(|l| l.storage_reason_journal(e.text(l))))),
            }
        }
        if journal.len() < at.length {
            return Ok(Err(Said::new(|l| {
                l.storage_reason_journal_incomplete().to_string()
            })));
        }
        // A chunk may hold entries of a save whose envelope did not get written.
        journal.truncate(at.length);
        Ok(Ok(journal))
    }

    /// Reads into `state` the journal left in storage by `open_deferred`, of the revision
    /// `writer` marked (see `read_journal`).
    pub(super) fn read_late(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
        writer: u64,
    ) -> Result<bool, StorageIssue> {
        let issue = |e| kv_issue(self.product, e);
        // Another tab saved since, or wrote the same revision over the one read: what is
        // stored now is read whole (a reset there may have removed the chunks this store
        // was to read).
        let raw = self.kv.get(&state_key(self.product)).map_err(issue)?;
        let stored = raw.as_deref().and_then(|raw| parse::<Header>(raw).ok());
        if stored.map(|h| (h.revision, h.writer)) != Some((self.revision, writer)) {
            return self.read_newer(state, catalogue).map(|()| true);
        }
        let reason = match self.read_chunks(self.saved).map_err(issue)? {
            Ok(journal) => {
                state.journal = journal;
                match validate_stored(state, self.product, catalogue) {
                    Ok(()) => {
                        self.phase = Phase::writable();
                        return Ok(true);
                    }
                    Err(problems) => inconsistent(&problems),
                }
            }
            Err(reason) => reason,
        };
        *state = demo::state(self.product, catalogue, self.opened_at);
        Err(self.hold(raw.unwrap_or_default(), reason))
    }

    /// Writes the chunks `first..` of `state`'s journal under `generation`. When one
    /// cannot be written, those of a new generation written before it are removed:
    /// nothing points at them, and they would take the room the next attempt needs.
    pub(super) fn write_chunks(
        &self,
        state: &ProductState,
        generation: u64,
        first: usize,
        restart: bool,
    ) -> Result<(), StorageIssue> {
        let product = self.product;
        let len = state.journal.len();
        for k in first..len.div_ceil(CHUNK) {
            let slice: Vec<_> = state.journal[k * CHUNK..len.min((k + 1) * CHUNK)]
                .iter()
                .map(|e| (e.seq, e.at, &e.actor, &e.company, &e.app, &e.event))
                .collect();
            let written = to_json(&slice, product).and_then(|text| {
                self.kv
                    .set(&chunk_key(product, generation, k), &text)
                    .map_err(|e| kv_issue(product, e))
            });
            if let Err(issue) = written {
                if restart {
                    self.discard(generation, first..k);
                }
                return Err(issue);
            }
        }
        Ok(())
    }

    /// Removes the chunks `chunks` of `generation`.
    pub(super) fn discard(&self, generation: u64, chunks: std::ops::Range<usize>) {
        for k in chunks {
            let _ = self.kv.remove(&chunk_key(self.product, generation, k));
        }
    }

    /// A generation above every one in storage and the one this store knows.
    pub(super) fn next_generation(&self) -> u64 {
        let prefix = journal_prefix(self.product);
        let highest = self
            .kv
            .keys()
            .unwrap_or_default()
            .iter()
            .filter_map(|k| {
                k.strip_prefix(&prefix)?
                    .split('/')
                    .next()?
                    .parse::<u64>()
                    .ok()
            })
            .max()
            .unwrap_or(0);
        highest.max(self.saved.generation) + 1
    }

    /// Removes journal chunks that the envelope no longer points at.
    pub(super) fn collect_garbage(&self, generation: u64, chunks: usize) {
        let prefix = journal_prefix(self.product);
        let keep: Vec<String> = (0..chunks)
            .map(|k| chunk_key(self.product, generation, k))
            .collect();
        for key in self.kv.keys().unwrap_or_default() {
            if key.starts_with(&prefix) && !keep.contains(&key) {
                let _ = self.kv.remove(&key);
            }
        }
    }
}
