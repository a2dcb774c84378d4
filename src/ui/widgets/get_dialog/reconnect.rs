//! "Reconnecter": the same dialog as getting the app — where, who will manage it, the
//! data it accesses, the note — for a connection that expires soon or has expired. It
//! renews the connection for the acting user; when someone else managed it, the dialog
//! says that reconnecting takes it over. A refusal says who may, and changes nothing.

use leptos::prelude::*;

use crate::domain::commands::{plan_reconnect, Command, ReconnectPlan};
use crate::domain::health;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::clock::now;
use crate::ui::web::format;
use crate::ui::widgets::data_note::DataNote;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::refusal::Refusal;

use super::plan::Details;
use crate::domain::i18n::args;

#[component]
pub fn ReconnectDialog(
    product: Product,
    app: AppId,
    company: CompanyId,
    /// Called on Annuler or Escape, and once reconnected unless `on_done` is given.
    on_close: Callback<()>,
    /// Called once reconnected.
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let on_done = on_done.unwrap_or(on_close);
    let name = products
        .catalogue
        .with_value(|c| c.app_name(&app).to_string());
    let plan = {
        let (app, company) = (app.clone(), company.clone());
        Memo::new(move |_| {
            let actor = session.actor(product);
            products.with_env(product, |s, env| {
                plan_reconnect(s, env, &actor, &app, &company)
                    .map_err(|e| e.text(crate::ui::state::session::use_lang()))
            })
        })
    };
    let title = lang.ctl_reconnect_title(&name);
    let body = move || {
        match plan.get() {
        Err(message) => view! { <Refusal message=message on_close=on_close/> }.into_any(),
        Ok(p) => view! {
            <ReconnectForm product=product app=app.clone() company=company.clone() name=name.clone() plan=p on_close=on_close on_done=on_done/>
        }
        .into_any(),
    }
    };
    view! {
        <Modal title=title on_close=on_close class="ma-dialog--wide">
            {body}
        </Modal>
    }
}

/// What reconnecting will do, the note, and the buttons.
#[component]
fn ReconnectForm(
    product: Product,
    app: AppId,
    company: CompanyId,
    name: String,
    plan: ReconnectPlan,
    on_close: Callback<()>,
    on_done: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let actor = session.actor_untracked(product);
    let (company_name, actor_name, from, state_sentence) =
        products.state(product).with_untracked(|s| {
            let from = match &plan {
                ReconnectPlan::TakeOver { from } => Some(s.former_manager(from.as_ref(), lang)),
                ReconnectPlan::Renew => None,
            };
            let sentence = s
                .connection(&app, &company)
                .map(|c| health::of(s, c, now()).sentence(crate::ui::state::session::use_lang()))
                .unwrap_or_default();
            (
                s.company_name(&company).to_string(),
                s.user_name(&actor).to_string(),
                from,
                sentence,
            )
        });
    let situation = if from.is_some() {
        lang.widgets_situation_transfer()
    } else {
        lang.widgets_situation_reconnection()
    };
    let submit = {
        let (app, company) = (app.clone(), company.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let command = Command::Reconnect {
                app: app.clone(),
                company: company.clone(),
            };
            match products.dispatch(product, command) {
                Ok(_) => on_done.run(()),
                Err(e) => error.set(Some(e.text(crate::ui::state::session::use_lang()))),
            }
        }
    };
    view! {
        <form class="ma-form" on:submit=submit>
            <p>{lang.widgets_reconnect_renews(args::WidgetsReconnectRenews { days: &health::LIFETIME_DAYS, state: &state_sentence })}</p>
            <Details
                product=product
                app=app.clone()
                name=name
                company_name=company_name
                manager=format::person(lang, &actor_name, true)
                from=from
            />
            <DataNote app=app situation=situation/>
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.ctl_cancel()}</button>
                <button type="submit" class="ma-button ma-button--primary">{lang.ctl_reconnect()}</button>

            </div>
        </form>
    }
}
