//! "Déconnecter la sélection": one questionnaire for every chosen connection, the
//! targets listed with the data note of each app, then Déconnecter; each is disconnected
//! by the rules of one disconnection, the whole saved once, and a report says what became
//! of each.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::command::Command;
use crate::domain::model::{AppId, Product};
use crate::domain::permissions::{role_refusal, Action};
use crate::domain::questionnaire::{Answers, Reason};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::state::session::use_session;
use crate::ui::widgets::batch_report::{run_batch, ReportLine};
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::questionnaire::Questionnaire;
use crate::ui::widgets::refusal::Refusal;
use crate::ui::widgets::selection::{label, Key, Selection};

#[component]
pub fn BulkDisconnectDialog(
    product: Product,
    selected: Selection,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let actor = use_session().actor_untracked(product);
    let chosen: Vec<Key> = selected.get_untracked().into_iter().collect();
    let refused = products
        .state(product)
        .with_untracked(|s| role_refusal(s, &actor, Action::Disconnect).map(|e| e.text(lang)));
    let title = if lang.is_plural(chosen.len()) {
        lang.ctl_disconnect_n_many(chosen.len())
    } else {
        lang.ctl_disconnect_n_one(chosen.len())
    };
    let body = match refused {
        Some(message) => view! { <Refusal message=message on_close=on_close/> }.into_any(),
        None => view! { <BulkDisconnectForm product=product chosen=chosen selected=selected report=report on_close=on_close/> }
            .into_any(),
    };
    view! {
        <Modal title=title on_close=on_close class="ma-dialog--wide">
            {body}
        </Modal>
    }
}

#[component]
fn BulkDisconnectForm(
    product: Product,
    chosen: Vec<Key>,
    selected: Selection,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let lines: Vec<String> = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            chosen
                .iter()
                .map(|(company, app)| label(cat.app_name(app), s.company_name(company)))
                .collect()
        })
    });
    let mut apps: Vec<AppId> = chosen.iter().map(|(_, a)| a.clone()).collect();
    apps.sort();
    apps.dedup();
    let reason = RwSignal::new(None::<Reason>);
    let other = RwSignal::new(String::new());
    let answers = move || Answers {
        reason: reason.get(),
        other: other.get(),
    };
    let valid = Memo::new(move |_| answers().validate().is_ok());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = answers();
        let batch = Command::Batch(
            chosen
                .iter()
                .map(|(company, app)| Command::Disconnect {
                    app: app.clone(),
                    company: company.clone(),
                    answers: answers.clone(),
                })
                .collect(),
        );
        report.set(run_batch(
            products,
            product,
            batch,
            lang.client_apps_disconnected(),
        ));
        selected.set(BTreeSet::new());
        on_close.run(());
    };
    view! {
        <p>{lang.client_apps_will_disconnect()}</p>
        <ul class="ma-dialog__list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        <form class="ma-form" on:submit=submit>
            <Questionnaire legend=lang.client_apps_why() reason=reason other=other/>
            <DataNotes apps=apps situation=lang.widgets_situation_disconnection()/>
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.ctl_cancel()}</button>
                <button type="submit" class="ma-button ma-button--danger" disabled=move || !valid.get()>
                    {lang.ctl_disconnect()}

                </button>
            </div>
        </form>
    }
}
