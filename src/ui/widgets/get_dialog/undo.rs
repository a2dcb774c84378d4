//! "Reconnecter avec les mêmes paramètres": the dialog of getting the app, for the app a
//! receipt says was disconnected, listing the settings it will get back. The rights are
//! those of connecting (or installing) it and setting its settings; then its settings
//! view opens, as after getting an app.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::undo::{self, Undo};
use crate::domain::disconnection::receipt::Receipt;
use crate::domain::forms::settings;
use crate::domain::model::{Product, ProductState};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::{format, paths};
use crate::ui::widgets::data_note::DataNote;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::refusal::Refusal;

use super::plan::Details;
use crate::domain::i18n::args;

/// The settings the app will get back, as they read (at the version a new connection
/// is at).
fn restored(state: &ProductState, catalogue: &Catalogue, r: &Receipt) -> Vec<String> {
    catalogue
        .app(&r.app)
        .map(|d| {
            settings::summary(
                &d.settings_at(state.version_for_new(&r.app)),
                &undo::values(state, catalogue, r),
                crate::ui::state::session::use_lang(),
            )
        })
        .unwrap_or_default()
}

#[component]
pub fn UndoDialog(
    product: Product,
    /// The receipt of the disconnection to undo.
    receipt: Receipt,
    /// Called on Annuler, Escape, or once connected again.
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let navigate = use_navigate();
    let lang = use_lang();
    let kind = product.get_kind();
    let error = RwSignal::new(None::<String>);
    let actor = session.actor_untracked(product);
    let (undo, company_name, actor_name, lines) = products.with_env_untracked(product, |s, env| {
        (
            undo::plan(s, env, &actor, &receipt),
            s.company_name(&receipt.company).to_string(),
            s.user_name(&actor).to_string(),
            restored(s, env.catalogue, &receipt),
        )
    });
    let body = match undo {
        Undo::Refused(e) => view! { <Refusal message=e.text(crate::ui::state::session::use_lang()) on_close=on_close/> }.into_any(),
        Undo::Reconnected => view! {
            <Refusal message=lang.widgets_undo_already(args::WidgetsUndoAlready { app: &receipt.app_name, company: &company_name, done_at: &kind.done_at(lang) }) on_close=on_close/>
        }
        .into_any(),
        Undo::Offered => {
            let r = receipt.clone();
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let command = products.with_env_untracked(product, |s, env| undo::command(s, env.catalogue, &r));
                match products.dispatch(product, command) {
                    Ok(_) => {
                        on_close.run(());
                        navigate(&paths::settings(product, &r.company, &r.app), Default::default());
                    }
                    Err(e) => error.set(Some(e.text(crate::ui::state::session::use_lang()))),
                }
            };
            view! {
                <form class="ma-form" on:submit=submit>
                    <Details
                        product=product
                        app=receipt.app.clone()
                        name=receipt.app_name.clone()
                        company_name=company_name
                        manager=format::person(lang, &actor_name, true)
                        from=None
                    />
                    <h3 class="ma-summary__title">{lang.widgets_settings_restored()}</h3>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <DataNote app=receipt.app.clone() situation=lang.widgets_situation_transfer_or_disconnection()/>
                    {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
                    <div class="ma-dialog__actions">
                        <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.ctl_cancel()}</button>
                        <button type="submit" class="ma-button ma-button--primary">{kind.verb(lang)}</button>
                    </div>
                </form>
            }
            .into_any()
        }
    };
    view! {
           <Modal title=lang.ctl_reconnect_title(&receipt.app_name)
    on_close=on_close class="ma-dialog--wide">
               {body}
           </Modal>
       }
}
