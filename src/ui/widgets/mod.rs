//! Reusable pieces of the pages: they take props and callbacks, and ask the domain
//! through the shared contexts, never another page.

pub mod batch_report;
pub mod char_counter;
pub mod chosen;
pub mod confirm_actions;
pub mod connection_table;
pub mod data_note;
pub mod disconnect_dialog;
pub mod filter_select;
pub mod get_dialog;
pub mod health_badge;
pub mod lazy_view;
pub mod menu_button;
pub mod modal;
pub mod not_found;
pub mod questionnaire;
pub mod refusal;
pub mod selection;
pub mod setting_field;
pub mod suspend_dialog;
pub mod way_out;
pub mod what_stops;
