//! What the store may do with storage, as one value ([`Phase`]), and how its next save
//! writes the journal ([`JournalPlan`]).
//!
//! The phases and what moves the store from one to another:
//! - opening gives `Writable` (nothing stored, storage refused, or everything read),
//!   `ReadLate` (`open_deferred` left a journal in storage) or `Held` (unreadable data);
//! - `ReadLate` becomes `Writable` once the journal is read, or once another tab's newer
//!   revision is read whole in its place (or nothing is stored any more); `Held` when
//!   what it reads cannot be read; it stays `ReadLate` while storage cannot be read;
//! - `Writable` stays `Writable`: a save makes its commands `mine`, reading another
//!   revision empties `mine`; it becomes `Held` when another tab's newer revision cannot
//!   be read;
//! - `Held` becomes `Writable` only when the state is replaced (`replace`);
//! - `replace` makes any phase `Writable`, with nothing `mine`.

use super::Pending;

/// What the store may do with storage.
#[derive(Debug)]
pub(super) enum Phase {
    /// Opened by `open_deferred`: the journal of the revision read (at `saved`), which
    /// `writer` marked, is still in storage and not in the state. Nothing is saved until
    /// it is read: a save would write over it.
    ReadLate { writer: u64 },
    /// Stored text that could not be read, kept for the user to download (and copied
    /// under the backup key). Nothing is saved over it until the state is replaced.
    Held { raw: String },
    /// The state may be saved. `mine` are the commands of this store's last save while
    /// that save is the revision it stands on (empty otherwise): if another tab's write
    /// of the same revision replaced it, they are applied again on that write.
    Writable { mine: Vec<Pending> },
}

impl Phase {
    /// Writable, with no save of this store to apply again.
    pub(super) fn writable() -> Phase {
        Phase::Writable { mine: Vec::new() }
    }

    /// The unreadable text kept, while held.
    pub(super) fn held(&self) -> Option<&str> {
        match self {
            Phase::Held { raw } => Some(raw),
            Phase::ReadLate { .. } | Phase::Writable { .. } => None,
        }
    }

    /// The commands of this store's last save, taken out: they are pending again.
    pub(super) fn take_mine(&mut self) -> Vec<Pending> {
        match self {
            Phase::Writable { mine } => std::mem::take(mine),
            Phase::ReadLate { .. } | Phase::Held { .. } => Vec::new(),
        }
    }
}

/// How the next save writes the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum JournalPlan {
    /// The journal in memory continues the saved one: the chunks that grew are written.
    Append,
    /// It does not (after a reset, an import, or the stored data removed by another
    /// tab): it is written whole under a new generation, and the old one is removed.
    /// Until then there is something to save.
    Restart,
}
