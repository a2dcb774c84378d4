//! The texts of Mes apps, at build time and at run time. Plain Rust, no dependency:
//! - [`typography`]: French typography, applied to the French translations at build time
//!   and to every sentence composed at run time;
//! - [`locales_check`]: the build's check that both languages have every text, with the
//!   same placeholders;
//! - [`generate`]: the `Lang` type's Rust code, written by the build script from
//!   `locales/`: a method per text, named arguments where a text has several
//!   placeholders, one method per plural pair.

pub mod generate;
pub mod locales_check;
pub mod typography;
