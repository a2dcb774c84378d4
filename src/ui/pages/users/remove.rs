//! "Supprimer NAME ?": the connections that person manages, "Confier ses connexions à",
//! the data note, and "Supprimer l'utilisateur". Confirming removes the person and hands
//! each connection over in the same command; the report says what became of each.

use leptos::prelude::*;

use crate::domain::commands::{Command, Outcome};
use crate::domain::model::{AppId, Product, UserId};
use crate::domain::people;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::selection::label;

use super::report::{lines_of, ReportLine};
use super::successor::{self, Successor, SuccessorChoice};

#[component]
pub fn RemoveDialog(
    product: Product,
    who: UserId,
    report: RwSignal<Option<Vec<ReportLine>>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let (name, lines, apps) = products.catalogue.with_value(|cat| {
        products.state(product).with_untracked(|s| {
            let managed = people::managed(s, &who);
            let lines: Vec<String> = managed
                .iter()
                .map(|c| label(cat.app_name(&c.app), s.company_name(&c.company)))
                .collect();
            let mut apps: Vec<AppId> = managed.iter().map(|c| c.app.clone()).collect();
            apps.sort();
            apps.dedup();
            (s.user_name(&who).to_string(), lines, apps)
        })
    });
    let to = RwSignal::new(successor::first(product, &who));
    let error = RwSignal::new(None::<String>);
    let confirm = {
        let (who, name) = (who.clone(), name.clone());
        Callback::new(move |_| {
            let command = Command::RemoveUser {
                id: who.clone(),
                to: to.get_untracked(),
            };
            match products.dispatch(product, command) {
                Ok(Outcome::UserRemoved { handed, .. }) => {
                    let lines = products.catalogue.with_value(|cat| {
                        products
                            .state(product)
                            .with_untracked(|s| lines_of(&handed, s, cat, &name, lang))
                    });
                    report.set(Some(lines));
                    on_close.run(());
                }
                Ok(_) => on_close.run(()),
                Err(e) => error.set(Some(e.text(lang))),
            }
        })
    };
    let choice = if lines.is_empty() {
        view! { <p>{lang.users_remove_none(&name)}</p> }.into_any()
    } else {
        let lead = lang.users_remove_lead(lines.len(), &name);
        view! { <SuccessorChoice product=product leaving=who.clone() successor=Successor { lead, lines, to }/> }.into_any()
    };
    view! {
        <Modal title=lang.users_ctl_remove_title(&name) on_close=on_close fallback_focus=Some("ma-section-title".to_string()) class="ma-dialog--wide">
            {choice}
            <p>{lang.users_remove_note()}</p>
            {(!apps.is_empty()).then(|| view! { <DataNotes apps=apps situation=lang.widgets_situation_transfer()/> })}
            {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
            <ConfirmActions on_cancel=on_close confirm=lang.users_ctl_remove_confirm() on_confirm=confirm/>
        </Modal>
    }
}
