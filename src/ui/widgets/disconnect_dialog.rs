//! The disconnection dialog: the questionnaire, the note about data the app may keep
//! processing with its publisher's contact, and Déconnecter, enabled once the answers are
//! valid. Some reasons offer a better way out (reconnect, take over), which replaces this
//! dialog with that one's. A user who may not disconnect is told who may, and nothing
//! changes.

use leptos::prelude::*;

use crate::domain::access::permissions::{self, Action};
use crate::domain::commands::Command;
use crate::domain::disconnection::impact;
use crate::domain::forms::questionnaire::{Answers, Reason};
use crate::domain::guide::{Dialog, Seen};
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::guide::use_reporter;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};

use super::data_note::DataNote;
use super::get_dialog::{GetDialog, ReconnectDialog};
use super::modal::Modal;
use super::questionnaire::Questionnaire;
use super::refusal::Refusal;
use super::way_out::{Instead, WayOutOffer};
use super::what_stops::WhatStops;
use crate::domain::i18n::args;

#[component]
pub fn DisconnectDialog(
    /// The product the connection belongs to.
    product: Product,
    /// The app to disconnect.
    app: AppId,
    /// The company it is connected to.
    company: CompanyId,
    /// Called on Annuler or Escape: nothing changed.
    on_close: Callback<()>,
    /// Called once the app is disconnected.
    on_done: Callback<()>,
    /// The element to focus when the dialog closes without disconnecting.
    #[prop(into)]
    return_focus: String,
    /// The element to focus once disconnected (the row and its ▼ are gone by then).
    #[prop(optional, into)]
    fallback_focus: Option<String>,
) -> impl IntoView {
    let products = use_products();
    let actor = use_session().actor_untracked(product);
    let name = products
        .catalogue
        .with_value(|c| c.app_name(&app).to_string());
    let guide = use_reporter();
    guide.tell(Seen::Opened(Dialog::Disconnect, app.clone()));
    on_cleanup(move || guide.tell(Seen::Closed(Dialog::Disconnect)));
    let refused = products.state(product).with_untracked(|s| {
        permissions::check_ids(s, &actor, Action::Disconnect, &company)
            .err()
            .map(|e| e.text(crate::ui::state::session::use_lang()))
    });
    let instead = RwSignal::new(None::<Instead>);
    let choose = Callback::new(move |way| instead.set(Some(way)));
    // The other way's dialog takes this one's place, once this one has closed (and given
    // focus back to where it was opened from).
    move || {
        let (app, company) = (app.clone(), company.clone());
        match instead.get() {
            Some(Instead::Reconnect) => {
                view! { <ReconnectDialog product=product app=app company=company on_close=on_close/> }
                    .into_any()
            }
            Some(Instead::TakeOver) => {
                view! { <GetDialog product=product app=app on_close=on_close preset=Some(company)/> }
                    .into_any()
            }
            None => {
                let body = match refused.clone() {
                    Some(message) => {
                        view! { <Refusal message=message on_close=on_close/> }.into_any()
                    }
                    None => view! {
                        <DisconnectForm product=product app=app name=name.clone() company=company on_close=on_close on_done=on_done on_choose=choose/>
                    }
                    .into_any(),
                };
                view! {
                    <Modal title=use_lang().ctl_disconnect_title(&name) on_close=on_close return_focus=return_focus.clone() fallback_focus=fallback_focus.clone()>
                        {body}
                    </Modal>
                }
                .into_any()
            }
        }
    }
}

/// The questionnaire and the buttons, for a user who may disconnect.
#[component]
fn DisconnectForm(
    product: Product,
    app: AppId,
    name: String,
    company: CompanyId,
    on_close: Callback<()>,
    on_done: Callback<()>,
    on_choose: Callback<Instead>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let actor = use_session().actor_untracked(product);
    let (company_name, stops) = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            let stops = impact::of(s, cat, &actor, &app, &company, lang)
                .map(|i| i.lines(lang))
                .unwrap_or_default();
            (s.company_name(&company).to_string(), stops)
        })
    });
    let reason = RwSignal::new(None::<Reason>);
    let other = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let answers = move || Answers {
        reason: reason.get(),
        other: other.get(),
    };
    let valid = Memo::new(move |_| answers().validate().is_ok());
    let guide = use_reporter();
    Effect::new(move || {
        if valid.get() {
            guide.tell(Seen::Answered);
        }
    });
    let note_app = app.clone();
    let offer = view! {
        <WayOutOffer product=product app=app.clone() company=company.clone() name=name.clone() reason=reason on_choose=on_choose/>
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::Disconnect {
            app: app.clone(),
            company: company.clone(),
            answers: answers(),
        };
        match products.dispatch(product, command) {
            Ok(_) => on_done.run(()),
            Err(e) => error.set(Some(e.text(crate::ui::state::session::use_lang()))),
        }
    };
    view! {
        <p>{lang.widgets_disconnect_intro(args::WidgetsDisconnectIntro { company: &company_name, name: &name })}</p>
        <WhatStops heading=lang.requests_control_what_stops() lines=stops/>
        <form class="ma-form" on:submit=submit>
            <Questionnaire legend=lang.widgets_disconnect_why(&name) reason=reason other=other/>
            {offer}
            <DataNote app=note_app situation=lang.widgets_situation_disconnection()/>
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.ctl_cancel()}</button>
                <button type="submit" class="ma-button ma-button--danger" disabled=move || !valid.get()>
                    {lang.ctl_disconnect()}

                </button>
            </div>
        </form>
    }
}
