//! What a user fills in — an app's settings and the disconnection questionnaire — with
//! the checks each answer must pass. Built on `text` and `i18n` only.

pub mod questionnaire;
pub mod settings;
