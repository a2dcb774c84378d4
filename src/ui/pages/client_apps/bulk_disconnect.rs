//! "Déconnecter la sélection": one questionnaire for every chosen connection, the
//! targets listed with the data note of each app, then Déconnecter; each is disconnected
//! by the rules of one disconnection, the whole saved once, and a report says what became
//! of each.

use leptos::prelude::*;

use crate::domain::access::permissions::Action;
use crate::domain::commands::Command;
use crate::domain::forms::questionnaire::{Answers, Reason};
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::split::part;
use crate::ui::widgets::batch_report::ReportLine;
use crate::ui::widgets::chosen::{act_on_each, role_refused, Chosen, ChosenList};
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::lazy_view::lazy_with;
use crate::ui::widgets::questionnaire::Questionnaire;
use crate::ui::widgets::refusal::BulkDialog;
use crate::ui::widgets::selection::{Key, Selection};

/// The form, kept out of the first load: fetched when the dialog first opens.
type Form = fn(Product, Chosen, Selection, RwSignal<Vec<ReportLine>>, Callback<()>) -> AnyView;
part!(pub static FORM: Form = bulk_disconnect_form => |product, chosen, selected, report, on_close| {
    view! {
        <BulkDisconnectForm product=product chosen=chosen selected=selected report=report on_close=on_close/>
    }
    .into_any()
};);

#[component]
pub fn BulkDisconnectDialog(
    product: Product,
    selected: Selection,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let chosen = Chosen::read(product, selected);
    let n = chosen.keys.len();
    let title = lang.ctl_disconnect_n(n);
    view! {
        <BulkDialog title=title refused=role_refused(product, Action::Disconnect) on_close=on_close>
            {lazy_with(&FORM, move |form: Form| form(product, chosen.clone(), selected, report, on_close))}
        </BulkDialog>
    }
}

#[component]
fn BulkDisconnectForm(
    product: Product,
    chosen: Chosen,
    selected: Selection,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let Chosen {
        keys: chosen,
        lines,
        apps,
    } = chosen;
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
        let disconnect = |(company, app): &Key| Command::Disconnect {
            app: app.clone(),
            company: company.clone(),
            answers: answers.clone(),
        };
        let done = lang.client_apps_disconnected();
        act_on_each(
            (products, product),
            &chosen,
            disconnect,
            done,
            (report, selected),
        );
        on_close.run(());
    };
    view! {
        <p>{lang.client_apps_will_disconnect()}</p>
        <ChosenList lines=lines/>
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
