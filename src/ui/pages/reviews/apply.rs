//! "Appliquer les décisions": the confirmation counts each decision, lists the
//! disconnections with the data note and each publisher's contact, and says the rule;
//! "Confirmer" applies them all and opens the review's report.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::commands::{Command, Outcome};
use crate::domain::model::review::Decision;
use crate::domain::model::Product;
use crate::domain::reviews::{self, report};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;
use crate::ui::web::paths;
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::modal::Modal;

#[component]
pub fn ApplyDialog(product: Product, on_close: Callback<()>) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let navigate = use_navigate();
    let (counts, leaving, apps) = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            let Some(r) = reviews::under_way(s) else {
                return (Vec::new(), Vec::new(), Vec::new());
            };
            let counts = report::counts(r, lang);
            let gone: Vec<_> = r
                .items
                .iter()
                .filter(|i| i.decision == Some(Decision::Disconnect))
                .collect();
            let mut apps: Vec<_> = gone.iter().map(|i| i.app.clone()).collect();
            apps.sort();
            apps.dedup();
            let leaving = gone.iter().map(|i| report::name(s, cat, i)).collect();
            (counts, leaving, apps)
        })
    });
    let confirm = Callback::new(move |_| {
        match products.dispatch(product, Command::ApplyReview) {
            Ok(Outcome::ReviewApplied { id }) => {
                navigate(&paths::review(product, id), Default::default())
            }
            Ok(_) => {}
            Err(e) => status.say(e.text(lang)),
        }
        on_close.run(());
    });
    let any_leaving = !leaving.is_empty();
    view! {
        <Modal title=lang.reviews_confirm_title().to_string() on_close=on_close class="ma-dialog--wide">
            <ul class="ma-review__counts">{counts.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            {any_leaving.then(|| view! {
                <p>{lang.reviews_confirm_disconnections()}</p>
                <ul>{leaving.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <DataNotes apps=apps.clone() situation=lang.widgets_situation_disconnection()/>
            })}
            <p class="ma-field__hint">{lang.reviews_confirm_rule()}</p>
            <ConfirmActions on_cancel=on_close confirm=lang.reviews_control_confirm().to_string() on_confirm=confirm/>
        </Modal>
    }
}
