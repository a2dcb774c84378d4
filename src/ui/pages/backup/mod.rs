//! Sauvegarde: export a product's data as a JSON file, import one back (checked entirely,
//! then confirmed, before anything changes). Export and import are the primary admin's
//! (an import sets every role); others see who may, and the controls are disabled.

mod import;

use leptos::prelude::*;

use crate::domain::access::permissions;
use crate::domain::model::Product;
use crate::storage::exchange;
use crate::ui::state::products::{use_products, Products};
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::now;
use crate::ui::web::download::download;
use crate::ui::web::format;

use crate::domain::i18n::args;
use import::ImportCard;

/// The id of the sentence that says who may export or import.
const RIGHTS_ID: &str = "ma-sauvegarde-droits";

/// Whether the acting user of `p` may export or import; why not otherwise (`Err(None)`:
/// nobody acts).
fn may_manage_data(products: Products, p: Product) -> Result<(), Option<String>> {
    let user = products.actor_user(p).ok_or(None)?;
    products
        .state(p)
        .with(|s| permissions::check_manage_data(s, &user))
        .map_err(|e| Some(e.text(crate::ui::state::session::use_lang())))
}

#[component]
pub fn BackupPage() -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let lang = use_lang();
    // One computation for the message and the controls it disables.
    let refusal = Memo::new(move |_| may_manage_data(products, product.get()).err().flatten());
    view! {
        <h2 id="ma-section-title" tabindex="-1">{lang.ctl_backup()}</h2>
        <p class="ma-lead">{lang.backup_lead()}</p>
        {move || refusal.get().map(|r| view! { <p class="ma-message ma-message--info" id=RIGHTS_ID>{r}</p> })}
        <div class="ma-app__grid">
            <ExportCard refused=Signal::derive(move || refusal.with(Option::is_some))/>
            <ImportCard refused=Signal::derive(move || refusal.with(Option::is_some))/>
        </div>
    }
}

/// Checked again at the moment of acting: the acting user may have changed meanwhile.
/// The refusal's sentence goes to `problems`.
fn allowed_now(products: Products, p: Product, problems: RwSignal<Vec<String>>) -> bool {
    match untrack(|| may_manage_data(products, p)) {
        Ok(()) => true,
        Err(reason) => {
            problems.set(reason.into_iter().collect());
            false
        }
    }
}

#[component]
fn ExportCard(
    /// Whether the acting user may not export (the reason is said above).
    refused: Signal<bool>,
) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let product = use_product();
    let lang = use_lang();
    let problems = RwSignal::new(Vec::<String>::new());
    let export = move |_| {
        let p = product.get_untracked();
        problems.set(Vec::new());
        if !allowed_now(products, p, problems) {
            return;
        }
        products.need_journal(p);
        let text = products
            .state(p)
            .with_untracked(|s| exchange::export(s, now()));
        let name = exchange::file_name(p, &format::iso(now()));
        if download(&name, &text, "application/json") {
            status.say(lang.backup_exported(args::BackupExported {
                name: &name,
                product: &p.label(),
            }));
        } else {
            problems.set(vec![lang.frame_download_refused().into()]);
        }
    };
    view! {
        <section class="ma-card" aria-labelledby="ma-export-title">
            <h3 id="ma-export-title">{lang.backup_export()}</h3>
            <p>{lang.backup_export_explained()}</p>
            <button
                type="button"
                class="ma-button ma-button--primary"
                disabled=move || refused.get()
                aria-describedby=move || refused.get().then_some(RIGHTS_ID)
                on:click=export
            >
                {lang.ctl_export_data()}

            </button>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <p class="ma-message ma-message--error" role="alert">{move || problems.get().join(" ")}</p>
            </Show>
        </section>
    }
}
