//! The pages a first visit does not show, each kept in a wasm chunk of its own (see
//! `web::split`): its code and texts cost nothing until it is opened, or fetched ahead
//! once the first page is shown. The other parts (the bulk dialogs' forms, the scenarios)
//! are declared where they are used, and listed here to be fetched ahead too.

use leptos::prelude::*;

use crate::ui::pages::{
    app_page, backup, client_apps, firm_overview, guides, handover, journal, receipt, requests,
    reviews, updates, users,
};
use crate::ui::web::split::{part, Ahead};
use crate::ui::widgets::lazy_view::Draw;

part!(pub static JOURNAL: Draw = page_journal => || view! { <journal::JournalPage/> }.into_any(););
part!(pub static BACKUP: Draw = page_backup => || view! { <backup::BackupPage/> }.into_any(););
part!(pub static RECEIPT: Draw = page_receipt => || view! { <receipt::ReceiptPage/> }.into_any(););
part!(pub static GUIDES: Draw = page_guides => || view! { <guides::GuidesPage/> }.into_any(););
part!(pub static OVERVIEW: Draw = page_firm_overview => || {
    view! { <firm_overview::FirmOverviewPage/> }.into_any()
};);
part!(pub static HANDOVER: Draw = page_handover => || view! { <handover::HandoverPage/> }.into_any(););
part!(pub static REQUESTS: Draw = page_requests => || view! { <requests::RequestsPage/> }.into_any(););
part!(pub static REVIEWS: Draw = page_reviews => || view! { <reviews::ReviewsPage/> }.into_any(););
part!(pub static UPDATES: Draw = page_updates => || view! { <updates::UpdatesPage/> }.into_any(););
part!(pub static USERS: Draw = page_users => || view! { <users::UsersPage/> }.into_any(););

/// Every part, in the order they are fetched ahead: the likeliest next first.
pub static AHEAD: [&dyn Ahead; 13] = [
    &HANDOVER,
    &OVERVIEW,
    &USERS,
    &JOURNAL,
    &app_page::BULK_INSTALL_FORM,
    &client_apps::BULK_DISCONNECT_FORM,
    &REQUESTS,
    &REVIEWS,
    &UPDATES,
    &GUIDES,
    &RECEIPT,
    &BACKUP,
    &super::scenario::BUILD,
];
