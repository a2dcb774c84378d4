//! One product's state in storage: loaded once, saved after every command, never written
//! over data it could not read, and never over a newer revision saved by another tab.
//!
//! Commands applied since the last successful save are kept ("pending"). When another
//! tab saved a newer revision, the store reloads it and applies the pending commands
//! again on top, so neither tab's change is lost. When a save fails (full quota, storage
//! refused), the state stays in memory with its commands pending and the next save
//! writes everything.

use std::fmt;

use serde::Serialize;

use crate::domain::catalogue::Catalogue;
use crate::domain::command::{apply, Command, Env, Outcome};
use crate::domain::demo;
use crate::domain::error::DomainError;
use crate::domain::follow::{follow_catalogue, CatalogueChange};
use crate::domain::i18n::{Lang, Said};
use crate::domain::journal::{Event, JournalEntry};
use crate::domain::json::{parse, JsonError};
use crate::domain::model::{AppId, CompanyId, Product, ProductState, Timestamp, UserId};
use crate::domain::validate::validate_stored;

use super::kv::{KeyValue, KvError};
use super::schema::{
    backup_key, chunk_key, journal_prefix, migrate, state_key, Envelope, Header, JournalRef,
    StoredData, CHUNK, SCHEMA_VERSION,
};

/// A journal entry as a chunk stores it: `[seq, at, actor, company, app, event]`. An
/// array rather than an object, and without the product (the key says it): half the
/// size, and faster to read back.
type StoredEntry = (u64, Timestamp, UserId, CompanyId, AppId, Event);

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
                let mut text = lang.storage_unreadable(product.label(), reason.text(lang));
                if *backed_up {
                    text.push_str(lang.storage_unreadable_backed_up());
                }
                text + lang.storage_unreadable_end()
            }
            StorageIssue::Blocked => lang.storage_blocked().to_string(),
            StorageIssue::Full { product } => lang.storage_full(product.label()),
            StorageIssue::Held { product } => lang.storage_held(product.label()),
            StorageIssue::Failed { product, detail } => {
                lang.storage_failed(detail, product.label())
            }
            StorageIssue::CatalogueChanged { product, .. } => {
                lang.storage_catalogue_changed(product.label())
            }
        }
    }
}

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

#[derive(Clone, Debug)]
struct Pending {
    actor: UserId,
    command: Command,
    at: Timestamp,
}

enum Read {
    Empty,
    Found {
        state: ProductState,
        revision: u64,
        writer: u64,
        journal: JournalRef,
        /// How the settings were brought in line with the catalogue (see `follow`).
        followed: Vec<CatalogueChange>,
    },
    Unreadable {
        raw: String,
        reason: Said,
    },
}

pub struct ProductStore<K: KeyValue> {
    kv: K,
    product: Product,
    /// Unreadable text kept for the user; while it is here nothing is saved.
    held: Option<String>,
    revision: u64,
    generation: u64,
    saved_len: usize,
    /// The next save writes the journal under a new generation (after a reset or an
    /// import, when the journal does not continue the saved one).
    regenerate: bool,
    pending: Vec<Pending>,
    /// This store's mark in the envelopes it writes (see `set_writer`).
    writer: u64,
    /// The mark of the revision this store last read or wrote.
    revision_writer: u64,
    /// The commands of this store's last save, while that save is the stored revision: if
    /// another tab's write of the same revision replaced it, they are applied again.
    last_saved: Vec<Pending>,
    /// Something was saved to memory that does not outlast the tab (see `KeyValue::lasts`).
    volatile_changes: bool,
    /// The stored journal `open_deferred` left unread: nothing is saved until it is read
    /// (see `read_journal`).
    unread: Option<JournalRef>,
    /// When the store was opened: the demo data shown in place of a journal found
    /// unreadable later are the ones `open` would have made.
    opened_at: Timestamp,
}

/// What the user is told of a storage error while working on `product`.
pub fn kv_issue(product: Product, e: KvError) -> StorageIssue {
    match e {
        KvError::Blocked => StorageIssue::Blocked,
        KvError::QuotaExceeded => StorageIssue::Full { product },
        KvError::Other(detail) => StorageIssue::Failed { product, detail },
    }
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
            held: None,
            revision: 0,
            generation: 0,
            saved_len: 0,
            regenerate: false,
            pending: Vec::new(),
            writer: 0,
            revision_writer: 0,
            last_saved: Vec::new(),
            volatile_changes: false,
            unread: None,
            opened_at: now,
        };
        match store.read(catalogue, defer) {
            Ok(Read::Found {
                mut state,
                revision,
                writer,
                journal,
                followed,
            }) => {
                store.adopt(revision, writer, journal);
                store.unread = (defer && journal.length > 0).then_some(journal);
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
            Ok(Read::Empty) => (store, demo::state(product, catalogue, now), None),
            Ok(Read::Unreadable { raw, reason }) => {
                let issue = store.hold(raw, reason);
                (store, demo::state(product, catalogue, now), Some(issue))
            }
            Err(e) => {
                let issue = kv_issue(product, e);
                (store, demo::state(product, catalogue, now), Some(issue))
            }
        }
    }

    pub fn product(&self) -> Product {
        self.product
    }

    /// The unreadable text kept, for the user to download.
    pub fn unreadable(&self) -> Option<&str> {
        self.held.as_deref()
    }

    /// Whether changes are waiting to be saved.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty() || self.regenerate
    }

    /// Whether nothing of this product was ever saved here (nor read): replacing it loses
    /// nothing, as on a fresh browser profile.
    pub fn is_untouched(&self) -> bool {
        self.revision == 0 && !self.has_pending() && self.held.is_none()
    }

    /// Whether closing the tab now would lose changes: some are waiting to be saved, or
    /// they were saved to memory that does not outlast the tab (storage blocked).
    pub fn would_lose_on_close(&self) -> bool {
        self.has_pending() || self.volatile_changes
    }

    /// Marks what this store writes with `writer` (non-zero, different in each tab), so
    /// that a write of the same revision by another tab, which replaced this one's, is
    /// noticed and this store's changes applied again on top of it.
    pub fn set_writer(&mut self, writer: u64) {
        self.writer = writer;
    }

    fn adopt(&mut self, revision: u64, writer: u64, journal: JournalRef) {
        self.revision = revision;
        self.revision_writer = writer;
        self.last_saved.clear();
        self.generation = journal.generation;
        self.saved_len = journal.length;
    }

    fn hold(&mut self, raw: String, reason: Said) -> StorageIssue {
        let backed_up = self.kv.set(&backup_key(self.product), &raw).is_ok();
        self.held = Some(raw);
        StorageIssue::Unreadable {
            product: self.product,
            reason,
            backed_up,
        }
    }

    /// The stored state; with `defer`, without its journal (left for `read_journal`).
    fn read(&self, catalogue: &Catalogue, defer: bool) -> Result<Read, KvError> {
        let Some(raw) = self.kv.get(&state_key(self.product))? else {
            return Ok(Read::Empty);
        };
        let unreadable = |reason: Said| {
            Ok(Read::Unreadable {
                raw: raw.clone(),
                reason,
            })
        };
        let (header, data) = match decode(&raw) {
            Ok(read) => read,
            Err(reason) => return unreadable(reason),
        };
        let journal = if defer {
            Vec::new()
        } else {
            match self.read_chunks(data.journal)? {
                Ok(journal) => journal,
                Err(reason) => return unreadable(reason),
            }
        };
        let mut state = ProductState {
            product: data.product,
            companies: data.companies,
            users: data.users,
            connections: data.connections,
            journal,
            clock_offset: data.clock_offset,
            receipts: data.receipts,
            requests: data.requests,
        };
        let followed = follow_catalogue(&mut state, catalogue);
        if let Err(problems) = validate_stored(&state, self.product, catalogue) {
            return unreadable(inconsistent(&problems));
        }
        Ok(Read::Found {
            state,
            revision: header.revision,
            writer: header.writer,
            journal: data.journal,
            followed,
        })
    }

    /// The journal the envelope points at, from its chunks; the inner `Err` says why it
    /// cannot be read.
    fn read_chunks(&self, at: JournalRef) -> Result<Result<Vec<JournalEntry>, Said>, KvError> {
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

    /// Whether the journal is still to be read (see `open_deferred`).
    pub fn journal_unread(&self) -> bool {
        self.unread.is_some()
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
        let Some(at) = self.unread else {
            return Ok(false);
        };
        let issue = |e| kv_issue(self.product, e);
        // Another tab saved since, or wrote the same revision over the one read: what is
        // stored now is read whole (a reset there may have removed the chunks this store
        // was to read).
        let raw = self.kv.get(&state_key(self.product)).map_err(issue)?;
        let stored = raw.as_deref().and_then(|raw| parse::<Header>(raw).ok());
        if stored.map(|h| (h.revision, h.writer)) != Some((self.revision, self.revision_writer)) {
            return self.read_newer(state, catalogue).map(|()| true);
        }
        let reason = match self.read_chunks(at).map_err(issue)? {
            Ok(journal) => {
                state.journal = journal;
                match validate_stored(state, self.product, catalogue) {
                    Ok(()) => {
                        self.unread = None;
                        return Ok(true);
                    }
                    Err(problems) => inconsistent(&problems),
                }
            }
            Err(reason) => reason,
        };
        self.unread = None;
        *state = demo::state(self.product, catalogue, self.opened_at);
        Err(self.hold(raw.unwrap_or_default(), reason))
    }

    /// The stored revision in place of `state`, journal included, while the journal of
    /// the one it replaces was not read (no command ran on it).
    fn read_newer(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
    ) -> Result<(), StorageIssue> {
        let taken = self.take_stored(state, catalogue);
        if self.held.is_some() {
            // Unreadable: the demo data in memory, as at opening.
            *state = demo::state(self.product, catalogue, self.opened_at);
        } else if taken.is_err() {
            // Storage could not be read: the journal stays unread, nothing is saved.
            return taken.map(|_| ());
        }
        self.unread = None;
        // Removed by another tab: what was read stays, and is saved whole next time.
        if taken == Ok(false) {
            self.regenerate = true;
        }
        taken.map(|_| ())
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
                writer,
                journal,
                followed: _,
            } => {
                *state = stored;
                self.adopt(revision, writer, journal);
                Ok(true)
            }
            Read::Empty => Ok(false),
            Read::Unreadable { raw, reason } => Err(self.hold(raw, reason)),
        }
    }

    fn stored_revision(&self) -> Result<Option<u64>, KvError> {
        Ok(self
            .kv
            .get(&state_key(self.product))?
            .and_then(|raw| parse::<Header>(&raw).ok())
            .map(|h| h.revision))
    }

    /// Loads a newer revision saved elsewhere, if there is one, and applies this tab's
    /// pending commands on it.
    fn sync(
        &mut self,
        state: &mut ProductState,
        catalogue: &Catalogue,
    ) -> Result<Merged, StorageIssue> {
        self.read_journal(state, catalogue)?;
        if self.held.is_some() {
            return Ok(None);
        }
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
            if h.revision == self.revision
                && h.writer != self.revision_writer
                && !self.last_saved.is_empty());
        let newer = replaced
            || header.is_some_and(|h| match h {
                Ok(h) => h.revision > self.revision || h.schema > SCHEMA_VERSION,
                Err(_) => true,
            });
        if !newer {
            return Ok(None);
        }
        if replaced {
            let mut again = std::mem::take(&mut self.last_saved);
            again.append(&mut self.pending);
            self.pending = again;
        }
        // Another tab saved it: settings it had to bring in line were reported there.
        if !self.take_stored(state, catalogue)? {
            return Ok(None);
        }
        let mut dropped = Vec::new();
        let mut kept = Vec::new();
        for p in std::mem::take(&mut self.pending) {
            let env = Env {
                catalogue,
                now: p.at,
            };
            match apply(state, &env, &p.actor, &p.command) {
                Ok(Outcome::Reset) => {
                    self.regenerate = true;
                    kept.push(p);
                }
                Ok(_) => kept.push(p),
                Err(e) => dropped.push(e),
            }
        }
        self.pending = kept;
        Ok(Some(dropped))
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
            self.regenerate = true;
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
        self.held = None;
        self.unread = None;
        self.pending.clear();
        // The stored revision is written over, not continued: no earlier save of this
        // store is to be applied again on it.
        self.last_saved.clear();
        self.regenerate = true;
        if let Ok(Some(r)) = self.stored_revision() {
            self.revision = self.revision.max(r);
        }
        self.save(state)
    }

    fn next_generation(&self) -> u64 {
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
        highest.max(self.generation) + 1
    }

    /// Removes journal chunks that the envelope no longer points at.
    fn collect_garbage(&self, generation: u64, chunks: usize) {
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

    fn save(&mut self, state: &ProductState) -> Result<(), StorageIssue> {
        // A journal not read is not in `state`: saving would write over it.
        if self.held.is_some() || self.unread.is_some() {
            return Err(StorageIssue::Held {
                product: self.product,
            });
        }
        let product = self.product;
        let len = state.journal.len();
        let regenerate = self.regenerate || len < self.saved_len;
        let (generation, first) = if regenerate {
            (self.next_generation(), 0)
        } else {
            (self.generation, self.saved_len / CHUNK)
        };
        let chunks = len.div_ceil(CHUNK);
        // A failed save under a new generation removes the chunks it wrote: nothing points
        // at them, and they would take the room the next attempt needs.
        let discard = |written: usize| {
            if regenerate {
                for k in first..written {
                    let _ = self.kv.remove(&chunk_key(product, generation, k));
                }
            }
        };
        for k in first..chunks {
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
                discard(k);
                return Err(issue);
            }
        }
        let envelope = Envelope {
            schema: SCHEMA_VERSION,
            revision: self.revision + 1,
            writer: self.writer,
            data: StoredDataRef {
                product: state.product,
                companies: &state.companies,
                users: &state.users,
                connections: &state.connections,
                journal: JournalRef {
                    generation,
                    length: len,
                },
                clock_offset: state.clock_offset,
                receipts: &state.receipts,
                requests: &state.requests,
            },
        };
        let written = to_json(&envelope, product).and_then(|text| {
            self.kv
                .set(&state_key(product), &text)
                .map_err(|e| kv_issue(product, e))
        });
        if let Err(issue) = written {
            discard(chunks);
            return Err(issue);
        }
        self.revision += 1;
        self.revision_writer = self.writer;
        self.volatile_changes |= !self.kv.lasts();
        self.saved_len = len;
        self.last_saved = std::mem::take(&mut self.pending);
        if regenerate {
            self.collect_garbage(generation, chunks);
            self.generation = generation;
            self.regenerate = false;
        }
        Ok(())
    }
}

/// The envelope's header and its data at the current schema, or why they cannot be read.
///
/// Current data is read in one pass; the header alone is read only when that fails, to
/// tell which schema the text claims (and so why it failed, or how to migrate).
fn decode(raw: &str) -> Result<(Header, StoredData), Said> {
    let whole = parse::<Envelope<StoredData>>(raw);
    let header = match &whole {
        Ok(e) => Header {
            schema: e.schema,
            revision: e.revision,
            writer: e.writer,
        },
        Err(_) => parse::<Header>(raw).map_err(said)?,
    };
    if header.schema > SCHEMA_VERSION {
        return Err(Said::new(|l| l.storage_reason_newer(header.schema)));
    }
    let data = if header.schema == SCHEMA_VERSION {
        whole.map(|e| e.data).map_err(said)?
    } else {
        migrated(raw, header)?
    };
    Ok((header, data))
}

/// Why a state that breaks the rules cannot be read: its first problem.
fn inconsistent(problems: &[crate::domain::validate::Problem]) -> Said {
    let first = problems.first();
    Said::new(|l| l.storage_reason_inconsistent(first.map(|p| p.text(l)).unwrap_or_default()))
}

/// A JSON problem, in every language.
fn said(e: JsonError) -> Said {
    Said::new(|l| e.text(l))
}

/// Older data brought up to date, then read like current data.
fn migrated(raw: &str, header: Header) -> Result<StoredData, Said> {
    let old = parse::<Envelope<serde_json::Value>>(raw).map_err(said)?;
    let data = migrate(old.data, header.schema).map_err(|m| m.0)?;
    let current = serde_json::json!({
        "schema": SCHEMA_VERSION,
        "revision": header.revision,
        "data": data,
    });
    parse::<Envelope<StoredData>>(&current.to_string())
        .map(|e| e.data)
        .map_err(said)
}

/// `StoredData` by reference, so that saving does not clone the state.
#[derive(Serialize)]
struct StoredDataRef<'a> {
    product: Product,
    companies: &'a [crate::domain::model::Company],
    users: &'a [crate::domain::model::User],
    connections: &'a [crate::domain::model::Connection],
    journal: JournalRef,
    #[serde(skip_serializing_if = "is_zero")]
    clock_offset: i64,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    receipts: &'a [crate::domain::receipt::Receipt],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    requests: &'a [crate::domain::request::AppRequest],
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

fn to_json<T: Serialize + ?Sized>(value: &T, product: Product) -> Result<String, StorageIssue> {
    serde_json::to_string(value).map_err(|e| StorageIssue::Failed {
        product,
        detail: e.to_string(),
    })
}
