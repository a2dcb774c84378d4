//! Every rule of Mes apps, in plain Rust: no web crate, no storage. The state of a product
//! ([`model::ProductState`]) changes only through [`commands::apply`]; views ask
//! [`access::queries`] and [`views`]; [`import::validate`] checks a whole state read from
//! outside.
//!
//! Folders from the bottom up; each uses only those above it in this list:
//! `i18n` (languages, texts), `text` (folding, lengths, JSON), `forms` (settings and the
//! questionnaire), `model` (ids, the state, its records, refusals), `catalogue` (apps,
//! products' wording), `health` (clock, dates, health, suspension), `journal`, `access`
//! (permissions, queries), `disconnection` (receipts, impact), `requests`, `people` (who
//! may manage whom, successors, the person's form), `reviews` (access reviews), `updates`
//! (permission updates), `data` (demo,
//! scenarios), `commands` (`apply` and its handlers), then `views`, `guide` and `import`.

pub mod i18n;
pub mod text;

pub mod forms;
pub mod model;

pub mod catalogue;
pub mod health;
pub mod journal;

pub mod access;
pub mod disconnection;
pub mod people;
pub mod requests;
pub mod reviews;
pub mod updates;

pub mod data;

pub mod commands;

pub mod guide;
pub mod import;
pub mod views;
