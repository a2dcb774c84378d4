//! Every rule of Mes apps, in plain Rust: no web crate, no storage. The state of a product
//! ([`model::ProductState`]) changes only through [`command::apply`]; views ask
//! [`queries`] and [`search`]; [`validate`] checks a whole state read from outside.

pub mod association;
pub mod batch;
pub mod catalogue;
pub mod clock;
pub mod command;
pub mod demo;
pub mod error;
pub mod follow;
pub mod generated;
pub mod guide;
pub mod handover;
pub mod health;
pub mod i18n;
pub mod impact;
pub mod journal;
pub mod journal_csv;
pub mod json;
pub mod locales_check;
pub mod model;
pub mod overview;
pub mod permissions;
pub mod product;
pub mod queries;
pub mod questionnaire;
pub mod receipt;
pub mod request;
pub mod request_check;
pub mod scenario;
pub mod search;
pub mod settings;
pub mod suspend;
pub mod text;
pub mod time;
pub mod typography;
pub mod validate;
pub mod visible_rows;
pub mod way_out;
