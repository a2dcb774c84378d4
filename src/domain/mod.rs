//! Every rule of Mes apps, in plain Rust: no web crate, no storage. The state of a product
//! ([`model::ProductState`]) changes only through [`command::apply`]; views ask
//! [`queries`] and [`search`]; [`validate`] checks a whole state read from outside.

pub mod catalogue;
pub mod command;
pub mod demo;
pub mod error;
pub mod follow;
pub mod journal;
pub mod json;
pub mod model;
pub mod permissions;
pub mod queries;
pub mod questionnaire;
pub mod search;
pub mod settings;
pub mod text;
pub mod time;
pub mod validate;
