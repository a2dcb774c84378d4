//! Web plumbing the views share: the app's URLs, the clock, date formatting, downloads,
//! window listeners and small DOM helpers.

pub mod clock;
pub mod dom;
pub mod download;
pub mod format;
pub mod html;
pub mod listeners;
pub mod offline;
pub mod paths;
pub mod split;
