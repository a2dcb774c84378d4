//! The receipt itself: its details, what stops, the note, and the buttons that print it
//! or download it as a text file.

use leptos::prelude::*;

use crate::domain::disconnection::impact;
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::utc_offset;
use crate::ui::web::download::download;

fn list(items: Vec<String>, none: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{none}</p> }.into_any();
    }
    view! { <ul lang=crate::ui::web::format::data_lang(crate::ui::state::session::use_lang())>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
}

#[component]
pub fn ReceiptContent(product: Product, receipt: Receipt) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let offset = utc_offset(receipt.at);
    let viewer = use_session().actor_untracked(product);
    let (fields, mut text, context) = products.state(product).with_untracked(|s| {
        (
            receipt.fields(s, offset, lang),
            receipt.text(s, offset, lang),
            impact::of_receipt(s, &receipt, &viewer).context_lines(lang),
        )
    });
    // The disconnect dialog's list, whole: its context after the data and settings.
    for line in &context {
        text.push_str(&format!("- {line}\n"));
    }
    let file = receipt.file_name(offset);
    let save = move |_| {
        if !download(&file, &text, "text/plain;charset=utf-8") {
            status.say(lang.frame_download_refused());
        }
    };
    let print = |_| {
        let _ = window().print();
    };
    let contact = receipt.contact.clone();
    view! {
        <h2 id="ma-section-title" tabindex="-1">{receipt.title(lang)}</h2>
        <p class="ma-lead">{format!("{} — {}", receipt.app_name, product.label())}</p>
        <dl class="ma-details__list ma-receipt__fields">
            {fields.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
        <section class="ma-receipt__section" aria-labelledby="ma-recu-arret">
            <h3 id="ma-recu-arret">{lang.receipt_what_stops()}</h3>
            <p>{lang.receipt_no_access()}</p>
            {list(receipt.permissions.clone(), lang.receipt_view_no_data())}
            <p>{lang.receipt_settings_had()}</p>
            {list(receipt.settings_in(lang).to_vec(), lang.receipt_view_no_settings())}
            {(!context.is_empty()).then(|| list(context.clone(), ""))}
        </section>
        <aside class="ma-note" aria-label=lang.ctl_about_your_data()>
            <p>
                <strong>{lang.widgets_note_lead()}</strong>
                {receipt.note(lang)}
                {(!contact.is_empty()).then(|| view! {
                    " "
                    <a href=format!("mailto:{contact}")>{lang.receipt_write_to(&contact)}</a>
                })}
            </p>
        </aside>
        <div class="ma-receipt__actions ma-no-print">
            <button type="button" class="ma-button" on:click=print>{lang.ctl_print()}</button>
            <button type="button" class="ma-button" on:click=save>{lang.ctl_download_receipt()}</button>

        </div>
    }
}
