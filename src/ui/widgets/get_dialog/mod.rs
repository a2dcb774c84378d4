//! "Obtenir l'appli": the dialog that connects an app (QuickBooks) or installs it for the
//! firm or one client (Expert-Comptable, with the "Installer pour" choice), says what will
//! happen before the user confirms — including a take-over of someone else's connection —
//! and explains a refusal without changing anything. Then the connection's settings open.
//! Approving a request ("Approuver") is the same dialog on the request's target, naming
//! who asked; confirming approves it.
//! The dialogs that say the same details live here too: Reconnecter (`reconnect`), and
//! connecting an app again as a receipt says it was (`undo`).

mod plan;
mod reconnect;
mod target_chooser;
mod undo;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::commands::{plan_get, refusal_for_every_target, Command};
use crate::domain::guide::{Dialog, Seen};
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::guide::use_reporter;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::paths;

use super::data_note::DataNote;
use super::modal::Modal;
use super::refusal::Refusal;
use plan::PlanDetails;
pub use reconnect::ReconnectDialog;
pub use target_chooser::TargetChooser;
pub use undo::UndoDialog;

#[component]
pub fn GetDialog(
    /// The product to connect or install in.
    product: Product,
    /// The app to get.
    app: AppId,
    /// Called on Annuler, Escape, or after success.
    on_close: Callback<()>,
    /// The target chosen in advance (a take-over from the settings view).
    #[prop(optional_no_strip)]
    preset: Option<CompanyId>,
    /// The request being approved: its number, who asked and their message (the
    /// target is then `preset`, not chosen).
    #[prop(optional_no_strip)]
    request: Option<(u64, String, String)>,
) -> impl IntoView {
    let products = use_products();
    let actor = use_session().actor_untracked(product);
    let name = products
        .catalogue
        .with_value(|c| c.app_name(&app).to_string());
    let guide = use_reporter();
    guide.tell(Seen::Opened(Dialog::Get, app.clone()));
    on_cleanup(move || guide.tell(Seen::Closed(Dialog::Get)));
    // A refusal that holds whatever the target (a standard user): said at once.
    let refused = products.with_env_untracked(product, |s, env| {
        refusal_for_every_target(s, env, &actor, &app)
            .map(|e| e.text(crate::ui::state::session::use_lang()))
    });
    let body = match refused {
        Some(message) => view! { <Refusal message=message on_close=on_close/> }.into_any(),
        None => view! { <GetForm product=product app=app name=name.clone() on_close=on_close preset=preset request=request/> }
            .into_any(),
    };
    view! {
        <Modal title=use_lang().ctl_get_title(&name) on_close=on_close class="ma-dialog--wide">
            {body}
        </Modal>
    }
}

/// The target (chosen, or the company), what will happen there, and the button.
#[component]
fn GetForm(
    product: Product,
    app: AppId,
    name: String,
    on_close: Callback<()>,
    preset: Option<CompanyId>,
    request: Option<(u64, String, String)>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let navigate = use_navigate();
    let lang = use_lang();
    let kind = product.get_kind();
    let approving = request.as_ref().map(|(id, ..)| *id);
    let chooses = kind.chooses_target() && approving.is_none();
    let home = products
        .state(product)
        .with_untracked(|s| s.home_company().map(|c| c.id.clone()));
    let target = RwSignal::new(if kind.chooses_target() { preset } else { home });
    report_target(target);
    let asked = request.map(|(_, who, message)| {
        let message = (!message.is_empty()).then(|| lang.requests_detail_message(&message));
        view! {
            <p class="ma-message ma-message--info">{lang.requests_get_for_requester(&who)}</p>
            {message.map(|m| view! { <p>{m}</p> })}
        }
    });
    let filter = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let plan = {
        let app = app.clone();
        Memo::new(move |_| {
            let actor = session.actor(product);
            let company = target.get()?;
            Some(products.with_env(product, |s, env| plan_get(s, env, &actor, &app, &company)))
        })
    };
    let submit = {
        let app = app.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(company) = target.get_untracked() else {
                error.set(Some(lang.widgets_choose_target().into()));
                return;
            };
            let command = match approving {
                Some(id) => Command::ApproveRequest { id },
                None => Command::Get {
                    app: app.clone(),
                    company: company.clone(),
                },
            };
            match products.dispatch(product, command) {
                Ok(_) => {
                    on_close.run(());
                    navigate(
                        &paths::settings(product, &company, &app),
                        Default::default(),
                    );
                }
                Err(e) => error.set(Some(e.text(crate::ui::state::session::use_lang()))),
            }
        }
    };
    let can_submit = move || plan.with(|p| matches!(p, Some(Ok(_))));
    let chooser = chooses.then(
        || view! { <TargetChooser product=product app=app.clone() target=target filter=filter/> },
    );
    view! {
        <form class="ma-form" on:submit=submit>
            {asked}
            {chooser}
            <PlanDetails product=product app=app.clone() name=name target=target plan=plan on_close=on_close/>
            <DataNote app=app situation=lang.widgets_situation_transfer_or_disconnection()/>
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.ctl_cancel()}</button>

                <button type="submit" class="ma-button ma-button--primary" disabled=move || !can_submit()>
                    {kind.verb(crate::ui::state::session::use_lang())}
                </button>
            </div>
        </form>
    }
}

/// Tells a guide under way which company is chosen: its step then points at the button
/// that confirms, once its company is the one.
fn report_target(target: RwSignal<Option<CompanyId>>) {
    let guide = use_reporter();
    Effect::new(move || {
        if let Some(company) = target.get() {
            guide.tell(Seen::Target(company));
        }
    });
}
