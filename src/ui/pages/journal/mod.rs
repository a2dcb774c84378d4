//! The journal: every connection, installation, transfer, reconnection, settings change
//! and disconnection, newest first, with who, when, which company and the details.
//! Filters by app, kind and (Expert-Comptable) client live in the URL; what they show can
//! be exported as CSV.

mod entry;
mod export;
mod filters;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::access::queries;
use crate::domain::journal::{EventKind, JournalFilter};
use crate::domain::model::{AppId, CompanyId};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths::JournalQuery;

use entry::Entry;
use export::ExportButton;
use filters::JournalFilters;

/// Entries shown at a time ("Afficher plus" adds as many).
const PAGE: usize = 50;

#[component]
pub fn JournalPage() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let product = use_product();
    // Read now if it is still in storage, rather than shown empty first.
    products.need_journal(product.get_untracked());
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|q| {
            let get = |k: &str| q.get(k).filter(|v| !v.is_empty());
            JournalQuery {
                app: get("appli"),
                kind: get("type"),
                client: get("client"),
            }
        })
    });
    let filter = Memo::new(move |_| {
        query.with(|q| JournalFilter {
            app: q.app.clone().map(AppId::new),
            kind: q.kind.as_deref().and_then(EventKind::from_slug),
            company: q.client.clone().map(CompanyId::new),
        })
    });
    let shown = RwSignal::new(PAGE);
    let entries = Memo::new(move |_| {
        let p = product.get();
        let actor = session.actor(p);
        let f = filter.get();
        products.state(p).with(|s| {
            queries::journal(s, &actor, &f)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move || {
        filter.track();
        shown.set(PAGE);
    });
    // The client in the file's name: one the user may see, never what the address says.
    let client = Signal::derive(move || {
        let p = product.get();
        let actor = session.actor(p);
        let asked = filter.with(|f| f.company.clone());
        products
            .state(p)
            .with(|s| queries::client_filter(s, &actor, asked.as_ref()).client)
    });
    let found = move || match entries.with(Vec::len) {
        0 => lang.journal_none().to_string(),
        n => lang.journal_entries(n),
    };
    view! {
        <h2 id="ma-section-title" tabindex="-1">{lang.ctl_journal()}</h2>
        <p class="ma-lead">{lang.journal_lead()}</p>
        <JournalFilters query=query/>
        <div class="ma-journal__tools">
            <p class="ma-search__count" role="status">{found}</p>
            <ExportButton product=Signal::derive(move || product.get()) entries=entries client=client/>
        </div>
        // No empty list for "Aucune entrée": a screen reader would announce a list of 0 items.
        <Show when=move || entries.with(|e| !e.is_empty())>
            <ol class="ma-journal">
                <For
                    each=move || entries.with(|e| e.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    key=|e| e.seq
                    children=move |e| view! { <Entry entry=e product=product.get_untracked()/> }
                />
            </ol>
        </Show>
        <Show when=move || shown.get() < entries.with(Vec::len)>
            <button type="button" class="ma-button" on:click=move |_| shown.update(|n| *n += PAGE)>
                {lang.ctl_show_more_plain()}

            </button>
        </Show>
    }
}
