//! The envelope: reading it (current data in one pass, older schemas migrated first, the
//! state checked against the rules and brought in line with the catalogue), and writing
//! it, by reference, once the journal chunks it points at are written.

use serde::Serialize;

use crate::domain::catalogue::follow::{follow_catalogue, CatalogueChange};
use crate::domain::catalogue::Catalogue;
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::i18n::Said;
use crate::domain::import::validate::validate_stored;
use crate::domain::model::update::Published;
use crate::domain::model::FormerUser;
use crate::domain::model::{Company, Connection, Product, ProductState, User};
use crate::domain::people::form::fill_missing_addresses;
use crate::domain::requests::AppRequest;
use crate::domain::reviews::Review;
use crate::domain::text::json::parse;

use super::issues::{inconsistent, kv_issue, said, unwritable, StorageIssue};
use super::ProductStore;
use crate::storage::kv::{KeyValue, KvError};
use crate::storage::schema::{
    migrate, state_key, Envelope, Header, JournalRef, StoredData, SCHEMA_VERSION,
};

/// What storage holds for the product.
pub(super) enum Read {
    Empty,
    Found {
        /// Boxed: a state is far larger than the other variants.
        state: Box<ProductState>,
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

impl<K: KeyValue> ProductStore<K> {
    /// The stored state; with `defer`, without its journal (left for `read_journal`).
    pub(super) fn read(&self, catalogue: &Catalogue, defer: bool) -> Result<Read, KvError> {
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
            former: data.former,
            reviews: data.reviews,
            updates: data.updates,
        };
        // Addresses for people saved before they had one.
        fill_missing_addresses(&mut state);
        let followed = follow_catalogue(&mut state, catalogue);
        if let Err(problems) = validate_stored(&state, self.product, catalogue) {
            return unreadable(inconsistent(&problems));
        }
        Ok(Read::Found {
            state: Box::new(state),
            revision: header.revision,
            writer: header.writer,
            journal: data.journal,
            followed,
        })
    }

    /// The stored revision, when its header can be read.
    pub(super) fn stored_revision(&self) -> Result<Option<u64>, KvError> {
        Ok(self
            .kv
            .get(&state_key(self.product))?
            .and_then(|raw| parse::<Header>(&raw).ok())
            .map(|h| h.revision))
    }

    /// Writes `state` as the next revision, its journal at `journal` (whose chunks are
    /// already written).
    pub(super) fn write_envelope(
        &self,
        state: &ProductState,
        journal: JournalRef,
    ) -> Result<(), StorageIssue> {
        let product = self.product;
        let envelope = Envelope {
            schema: SCHEMA_VERSION,
            revision: self.revision + 1,
            writer: self.writer,
            data: StoredDataRef {
                product: state.product,
                companies: &state.companies,
                users: &state.users,
                connections: &state.connections,
                journal,
                clock_offset: state.clock_offset,
                receipts: &state.receipts,
                requests: &state.requests,
                former: &state.former,
                reviews: &state.reviews,
                updates: &state.updates,
            },
        };
        let text = to_json(&envelope, product)?;
        self.kv
            .set(&state_key(product), &text)
            .map_err(|e| kv_issue(product, e))
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
    companies: &'a [Company],
    users: &'a [User],
    connections: &'a [Connection],
    journal: JournalRef,
    #[serde(skip_serializing_if = "is_zero")]
    clock_offset: i64,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    receipts: &'a [Receipt],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    requests: &'a [AppRequest],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    former: &'a [FormerUser],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reviews: &'a [Review],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    updates: &'a [Published],
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// `value` as JSON text.
pub(super) fn to_json<T: Serialize + ?Sized>(
    value: &T,
    product: Product,
) -> Result<String, StorageIssue> {
    serde_json::to_string(value).map_err(|e| unwritable(product, e))
}
