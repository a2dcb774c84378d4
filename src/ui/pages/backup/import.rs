//! Importing a file: read and checked entirely first (every problem listed, nothing
//! changed), then "Remplacer les données de … ?" says what the file holds and what it
//! replaces, and only confirming replaces the product's data.

use leptos::prelude::*;

use crate::domain::i18n::Lang;
use crate::domain::model::{Product, ProductState};
use crate::domain::text::names_and_more;
use crate::storage::exchange::{self, IMPORT_MAX_BYTES};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::modal::Modal;

use super::{allowed_now, RIGHTS_ID};
use crate::domain::i18n::args;

/// Users named in the confirmation before "et N autres".
const NAMED_USERS: usize = 4;

#[component]
pub fn ImportCard(
    /// Whether the acting user may not import (the reason is said above).
    refused: Signal<bool>,
) -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let lang = use_lang();
    let problems = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(None::<String>);
    // A file read and checked, waiting for the user to confirm the replacement.
    let pending = RwSignal::new(None::<(Product, ProductState)>);
    let on_file = move |ev: leptos::ev::Event| {
        problems.set(Vec::new());
        done.set(None);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let p = product.get_untracked();
        let lang = crate::ui::state::session::use_lang();
        if !allowed_now(products, p, problems) {
            return;
        }
        if file.size() > IMPORT_MAX_BYTES as f64 {
            problems.set(vec![exchange::too_big(file.size() as u64, lang)]);
            return;
        }
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                problems.set(vec![lang.backup_unreadable_file().into()]);
                return;
            };
            let text = text.as_string().unwrap_or_default();
            match products
                .catalogue
                .with_value(|c| exchange::import(&text, p, c, lang))
            {
                Ok(state) => pending.set(Some((p, state))),
                Err(list) => problems.set(list),
            }
        });
    };
    view! {
        <section class="ma-card" aria-labelledby="ma-import-title">
            <h3 id="ma-import-title">{lang.backup_import()}</h3>
            <p>{lang.backup_import_explained()}</p>
            <div class="ma-field">
                <label for="ma-import">{lang.ctl_import_file()}</label>
                <input
                    id="ma-import"
                    type="file"
                    accept="application/json,.json"
                    disabled=move || refused.get()
                    aria-describedby=move || refused.get().then_some(RIGHTS_ID)
                    on:change=on_file
                />
            </div>
            {move || done.get().map(|d| view! { <p class="ma-message ma-message--success" role="status">{d}</p> })}
            <Show when=move || problems.with(|p| !p.is_empty())>
                <div class="ma-message ma-message--error" role="alert">
                    <p>{lang.backup_not_imported()}</p>
                    <ul class="ma-problems">
                        {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
        </section>
        <ConfirmImport pending=pending problems=problems done=done/>
    }
}

/// "Remplacer les données de … ?", while a checked file waits.
#[component]
fn ConfirmImport(
    pending: RwSignal<Option<(Product, ProductState)>>,
    problems: RwSignal<Vec<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let lang = use_lang();
    let cancel = Callback::new(move |_| pending.set(None));
    let confirm = Callback::new(move |_| {
        let Some((p, state)) = pending.try_update(Option::take).flatten() else {
            return;
        };
        if !allowed_now(products, p, problems) {
            return;
        }
        done.set(Some(match products.replace(p, state) {
            Ok(()) => lang.backup_replaced(p.label()),
            Err(issue) => lang.backup_imported_unsaved(issue),
        }));
    });
    let summary = move || {
        pending.with(|pending| {
            let (p, new) = pending.as_ref()?;
            products.need_journal(*p);
            let (connections, entries) = products
                .state(*p)
                .with_untracked(|s| (s.connections.len(), s.journal.len()));
            let names: Vec<&str> = new.users.iter().map(|u| u.name.as_str()).collect();
            Some(summary_text(
                lang,
                (new.users.len(), names_and_more(&names, NAMED_USERS)),
                new.connections.len(),
                p.label(),
                (connections, entries),
            ))
        })
    };
    view! {
        <Show when=move || pending.with(Option::is_some)>
            <Modal
                title=Signal::derive(move || lang.ctl_replace_title(product.get().label()))
                on_close=cancel
                return_focus="ma-import"
            >
                <p>{summary}</p>
                <ConfirmActions on_cancel=cancel confirm=lang.ctl_replace_data() on_confirm=confirm/>

            </Modal>
        </Show>
    }
}

/// What the file holds and what it replaces: "Le fichier contient 3 utilisateurs (…)".
fn summary_text(
    lang: Lang,
    (users, names): (usize, String),
    new_connections: usize,
    product: &str,
    (connections, entries): (usize, usize),
) -> String {
    lang.backup_summary(args::BackupSummary {
        connections: &lang.firm_overview_connections(new_connections),
        current: &lang.firm_overview_connections(connections),
        entries: &lang.backup_entries(entries),
        names: &names,
        product: &product,
        users: &lang.backup_users(users),
    })
}
