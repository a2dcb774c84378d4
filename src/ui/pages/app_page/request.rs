//! "Demander l'appli": for whoever may not connect or install the app somewhere (a
//! standard user, an admin and a client they may not access), a dialog that asks those
//! who may — the target (fixed when there is one), an optional bounded message, and
//! "Envoyer la demande". A request the domain answers at once (the app is already there,
//! someone asked already) is said in the dialog, and nothing is stored.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::requests::{self, MAX_MESSAGE};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::dom::unique_id;
use crate::ui::widgets::char_counter::CharCounter;
use crate::ui::widgets::modal::Modal;

/// The button, shown while the acting user may ask for the app somewhere, and its dialog.
#[component]
pub fn RequestButton(product: Product, app: AppId) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let open = RwSignal::new(false);
    let targets = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            requests::targets(s, &actor)
                .into_iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let close = Callback::new(move |_| open.set(false));
    move || {
        let list = targets.get();
        (!list.is_empty()).then(|| {
            let app = app.clone();
            view! {
                <button type="button" class="ma-button ma-button--primary" on:click=move |_| open.set(true)>
                    {lang.requests_control_request_app()}
                </button>
                <Show when=move || open.get()>
                    <RequestDialog product=product app=app.clone() targets=list.clone() on_close=close/>
                </Show>
            }
        })
    }
}

#[component]
fn RequestDialog(
    product: Product,
    app: AppId,
    /// Where the user may ask: (company, name), at least one.
    targets: Vec<(CompanyId, String)>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let name = products
        .catalogue
        .with_value(|c| c.app_name(&app).to_string());
    let target = RwSignal::new(match targets.as_slice() {
        [(only, _)] => Some(only.clone()),
        _ => None,
    });
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (field, counter, group) = (
        unique_id("ma-demande-message"),
        unique_id("ma-demande-compte"),
        unique_id("ma-demande-pour"),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(company) = target.get_untracked() else {
            error.set(Some(lang.requests_choose_target().to_string()));
            return;
        };
        let command = Command::Request {
            app: app.clone(),
            company,
            message: message.get_untracked(),
        };
        match products.dispatch(product, command) {
            Ok(_) => on_close.run(()),
            Err(e) => error.set(Some(e.text(lang))),
        }
    };
    let choice = if targets.len() == 1 {
        let only = targets[0].1.clone();
        view! { <p>{lang.requests_target_only(&only)}</p> }.into_any()
    } else {
        let radios = targets
            .into_iter()
            .map(|(id, label)| {
                let radio = format!("{group}-{id}");
                view! {
                    <div class="ma-radio">
                        <input type="radio" id=radio.clone() name=group.clone() on:change=move |_| target.set(Some(id.clone()))/>
                        <label for=radio>{label}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="ma-fieldset">
                <legend>{lang.requests_control_target()}</legend>
                {radios}
            </fieldset>
        }
        .into_any()
    };
    view! {
        <Modal title=lang.requests_dialog_title(&name) on_close=on_close>
            <form class="ma-form" on:submit=submit>
                <p>{lang.requests_dialog_lead(&name)}</p>
                {choice}
                <div class="ma-field">
                    <label for=field.clone()>{lang.requests_control_message()}</label>
                    <textarea
                        id=field
                        rows="3"
                        maxlength=MAX_MESSAGE.to_string()
                        aria-describedby=counter.clone()
                        prop:value=move || message.get()
                        on:input=move |ev| message.set(event_target_value(&ev))
                    ></textarea>
                    <CharCounter id=counter text=message max=MAX_MESSAGE announce_limit=true/>
                </div>
                {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
                <div class="ma-dialog__actions">
                    <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.requests_control_cancel()}</button>
                    <button type="submit" class="ma-button ma-button--primary">{lang.requests_control_send()}</button>
                </div>
            </form>
        </Modal>
    }
}
