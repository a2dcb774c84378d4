//! "Suspendre": a short confirmation — the app stops working but keeps its settings,
//! manager and history, and can be reactivated — with the note about data the app
//! already has. A refusal says who may, and changes nothing.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::i18n::args;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::widgets::data_note::DataNote;
use crate::ui::widgets::modal::Modal;

#[component]
pub fn SuspendDialog(
    product: Product,
    app: AppId,
    company: CompanyId,
    /// Called on Annuler or Escape.
    on_close: Callback<()>,
    /// Called once suspended.
    on_done: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let (name, company_name) = products.catalogue.with_value(|c| {
        products.state(product).with_untracked(|s| {
            (
                c.app_name(&app).to_string(),
                s.company_name(&company).to_string(),
            )
        })
    });
    let error = RwSignal::new(None::<String>);
    let confirm = {
        let (app, company) = (app.clone(), company.clone());
        move |_| {
            let command = Command::Suspend {
                app: app.clone(),
                company: company.clone(),
            };
            match products.dispatch(product, command) {
                Ok(_) => on_done.run(()),
                Err(e) => error.set(Some(e.text(lang))),
            }
        }
    };
    view! {
        <Modal title=lang.requests_suspend_title(&name) on_close=on_close>
            <p>{lang.requests_suspend_explained(args::RequestsSuspendExplained { app: &name, company: &company_name })}</p>
            <DataNote app=app situation=lang.requests_suspend_situation()/>
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.requests_control_cancel()}</button>
                <button type="button" class="ma-button ma-button--primary" on:click=confirm>{lang.requests_control_confirm_suspend()}</button>
            </div>
        </Modal>
    }
}
