//! "Suspendre la sélection": the chosen connections listed, a short confirmation with the
//! data note of each app, then each is suspended by the rules of one suspension, the
//! whole saved once, and a report says what became of each.

use leptos::prelude::*;

use crate::domain::access::permissions::Action;
use crate::domain::commands::Command;
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::widgets::batch_report::ReportLine;
use crate::ui::widgets::chosen::{act_on_each, role_refused, Chosen, ChosenList};
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::refusal::BulkDialog;
use crate::ui::widgets::selection::{Key, Selection};

#[component]
pub fn BulkSuspendDialog(
    product: Product,
    selected: Selection,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let Chosen { keys, lines, apps } = Chosen::read(product, selected);
    let n = keys.len();
    let title = lang.requests_bulk_title(n);
    let confirm = move |_| {
        let suspend = |(company, app): &Key| Command::Suspend {
            app: app.clone(),
            company: company.clone(),
        };
        let done = lang.requests_bulk_done();
        act_on_each(
            (products, product),
            &keys,
            suspend,
            done,
            (report, selected),
        );
        on_close.run(());
    };
    view! {
        <BulkDialog title=title refused=role_refused(product, Action::Suspend) on_close=on_close>
            <p>{lang.requests_bulk_lead()}</p>
            <ChosenList lines=lines/>
            <DataNotes apps=apps situation=lang.requests_suspend_situation()/>
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.requests_control_cancel()}</button>
                <button type="button" class="ma-button ma-button--primary" on:click=confirm>{lang.requests_control_confirm_suspend()}</button>
            </div>
        </BulkDialog>
    }
}
