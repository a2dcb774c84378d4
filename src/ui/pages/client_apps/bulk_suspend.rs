//! "Suspendre la sélection": the chosen connections listed, a short confirmation with the
//! data note of each app, then each is suspended by the rules of one suspension, the
//! whole saved once, and a report says what became of each.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::command::Command;
use crate::domain::model::{AppId, Product};
use crate::domain::permissions::{role_refusal, Action};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::widgets::batch_report::{run_batch, ReportLine};
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::refusal::Refusal;
use crate::ui::widgets::selection::{label, Key, Selection};

#[component]
pub fn BulkSuspendDialog(
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
        .with_untracked(|s| role_refusal(s, &actor, Action::Suspend).map(|e| e.text(lang)));
    let n = chosen.len();
    let title = if lang.is_plural(n) {
        lang.requests_bulk_title_many(n)
    } else {
        lang.requests_bulk_title_one(n)
    };
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
    let confirm = move |_| {
        let batch = Command::Batch(
            chosen
                .iter()
                .map(|(company, app)| Command::Suspend {
                    app: app.clone(),
                    company: company.clone(),
                })
                .collect(),
        );
        report.set(run_batch(
            products,
            product,
            batch,
            lang.requests_bulk_done(),
        ));
        selected.set(BTreeSet::new());
        on_close.run(());
    };
    let body = match refused {
        Some(message) => view! { <Refusal message=message on_close=on_close/> }.into_any(),
        None => view! {
            <p>{lang.requests_bulk_lead()}</p>
            <ul class="ma-dialog__list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            <DataNotes apps=apps situation=lang.requests_suspend_situation()/>
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.requests_control_cancel()}</button>
                <button type="button" class="ma-button ma-button--primary" on:click=confirm>{lang.requests_control_confirm_suspend()}</button>
            </div>
        }
        .into_any(),
    };
    view! {
        <Modal title=title on_close=on_close class="ma-dialog--wide">
            {body}
        </Modal>
    }
}
