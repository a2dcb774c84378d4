//! One module per page of the app. A page reads the shared contexts and uses widgets; it
//! never reaches into another page.

pub mod app_page;
pub mod backup;
pub mod client_apps;
pub mod firm_apps;
pub mod firm_overview;
pub mod guides;
pub mod handover;
pub mod home;
pub mod journal;
pub mod launch;
pub mod overview;
pub mod receipt;
pub mod requests;
pub mod reviews;
pub mod search;
pub mod settings;
pub mod updates;
pub mod users;
