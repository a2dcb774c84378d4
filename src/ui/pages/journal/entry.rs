//! One journal entry: its kind, the app and company, who and when, and its details (who
//! management passed between, each setting's change, the questionnaire's answer); a
//! disconnection links to its receipt while it is kept.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::i18n::args;
use crate::domain::journal::{self, Event, JournalEntry};
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::{format, paths};

#[component]
pub fn Entry(entry: JournalEntry, product: Product) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let (who, company, app_name, lines, receipt) = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            let receipt = matches!(entry.event, Event::Disconnection { .. })
                && s.receipts.iter().any(|r| r.id == entry.seq);
            (
                s.person(&entry.actor, lang),
                s.company_name(&entry.company).to_string(),
                // An entry about people names no app: the kind says what it is.
                entry
                    .app
                    .as_ref()
                    .map(|a| cat.app_name(a).to_string())
                    .unwrap_or_default(),
                journal::details(s, cat, &entry, crate::ui::state::session::use_lang()),
                receipt,
            )
        })
    });
    let kind = entry.event.kind();
    let receipt = receipt.then(|| {
        let href = paths::href(&paths::receipt(product, entry.seq));
        let context = lang.journal_receipt_context(args::JournalReceiptContext { app: &app_name, company: &company });
        view! {
            <p class="ma-journal__receipt">
                <A href=href>{lang.ctl_see_receipt()}<span class="ma-visually-hidden">{context}</span></A>
            </p>
        }
    });
    view! {
        <li class=format!("ma-journal__entry ma-journal__entry--{}", kind.slug())>
            <p class="ma-journal__head">
                <span class="ma-tag">{kind.label(crate::ui::state::session::use_lang())}</span>
                {(!app_name.is_empty()).then(|| view! { <strong>{app_name.clone()}</strong>{" · "} })}
                {company.clone()}
            </p>
            <p class="ma-journal__meta">
                {lang.journal_by_on(&who)}
                <time datetime=format::iso(entry.at)>{format::date_time(lang, entry.at)}</time>

            </p>
            {(!lines.is_empty()).then(|| view! { <ul class="ma-journal__details">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })}
            {receipt}
        </li>
    }
}
