//! Lancer on a connection nobody manages: nothing opens; the view says the app stops
//! syncing until someone takes it over, and offers "Reprendre la gestion" to those who
//! may (a sentence saying who may to the others).

use leptos::prelude::*;

use crate::domain::commands::{plan_get, Command, GetPlan};
use crate::domain::model::team::PeopleError;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};

use super::blocked::Blocked;

#[component]
pub fn Unmanaged(
    product: Product,
    app: AppId,
    /// The app's name.
    name: String,
    company: CompanyId,
    company_name: String,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let actor = session.actor_untracked(product);
    let allowed = products.with_env_untracked(product, |s, env| {
        match plan_get(s, env, &actor, &app, &company) {
            Ok(GetPlan::TakeOver { .. }) => Ok(()),
            Ok(GetPlan::New { .. }) => Err(String::new()),
            Err(e) => Err(e.text(lang)),
        }
    });
    let sentence = PeopleError::Unmanaged {
        app: name.clone(),
        company: company_name,
    }
    .message(lang);
    view! {
        <Blocked
            product=product
            heading=lang.ctl_cannot_open(&name)
            sentence=sentence
            action=lang.ctl_take_over_management()
            allowed=allowed
            command=Command::Get { app, company }
        />
    }
}
