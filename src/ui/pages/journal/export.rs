//! "Exporter le journal (CSV)": what the journal's filters show (one client's audit trail,
//! say), every entry and not only the page shown, as a CSV file for spreadsheets.

use leptos::prelude::*;

use crate::domain::i18n::args;
use crate::domain::journal::csv as journal_csv;
use crate::domain::journal::JournalEntry;
use crate::domain::model::{CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;
use crate::ui::web::clock::{now, utc_offset};
use crate::ui::web::download::download;
use crate::ui::web::format;

#[component]
pub fn ExportButton(
    product: Signal<Product>,
    /// The entries the filters show, newest first.
    entries: Memo<Vec<JournalEntry>>,
    /// The client the journal is narrowed to, when it is one the user may see.
    client: Signal<Option<CompanyId>>,
) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let export = move |_| {
        let p = product.get_untracked();
        let text = products.catalogue.with_value(|cat| {
            products.state(p).with_untracked(|s| {
                entries.with_untracked(|list| {
                    let refs: Vec<&JournalEntry> = list.iter().collect();
                    journal_csv::write(
                        s,
                        cat,
                        &refs,
                        &utc_offset,
                        crate::ui::state::session::use_lang(),
                    )
                })
            })
        });
        let client = client.get_untracked();
        let name = journal_csv::file_name(
            p,
            client.as_ref().map(CompanyId::as_str),
            &format::iso(now()),
        );
        let n = entries.with_untracked(Vec::len);
        if download(&name, &text, "text/csv;charset=utf-8") {
            let entries = lang.journal_entries(n);
            status.say(lang.journal_exported(args::JournalExported {
                entries: &entries,
                name: &name,
            }));
        } else {
            status.say(lang.frame_download_refused());
        }
    };
    view! {
        <button type="button" class="ma-button" on:click=export>{lang.ctl_export_journal()}</button>

    }
}
