//! Reading a whole state from outside (a backup, or what another version stored): every
//! field checked, every problem said where it is.

mod records;
mod reviews;
mod updates;
pub mod validate;
