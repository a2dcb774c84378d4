//! Lancer on a suspended connection: nothing opens; the view says who suspended it and
//! when, and offers Réactiver to those who may (a sentence saying who may to the others).

use leptos::prelude::*;

use crate::domain::access::permissions::{self, Action};
use crate::domain::commands::Command;
use crate::domain::i18n::args;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::format;

use super::blocked::Blocked;

#[component]
pub fn Suspended(
    product: Product,
    app: AppId,
    /// The app's name.
    name: String,
    company: CompanyId,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let actor = session.actor_untracked(product);
    let (sentence, by, allowed) = products.catalogue.with_value(|catalogue| {
        products.state(product).with_untracked(|s| {
            let sentence = crate::domain::health::suspension::refusal(s, catalogue, &app, &company)
                .map(|e| e.text(lang))
                .unwrap_or_default();
            let by = s
                .connection(&app, &company)
                .and_then(|c| c.suspended.as_ref())
                .map(|x| {
                    lang.requests_suspended_by(args::RequestsSuspendedBy {
                        date: &format::date(lang, x.at),
                        user: &s.user_name(&x.by),
                    })
                })
                .unwrap_or_default();
            let allowed = permissions::check_ids(s, &actor, Action::Suspend, &company);
            (sentence, by, allowed.map_err(|e| e.text(lang)))
        })
    });
    view! {
        <Blocked
            product=product
            heading=lang.requests_launch_suspended_heading(&name)
            sentence=format!("{sentence} {by}")
            action=lang.requests_control_reactivate()
            allowed=allowed
            command=Command::Reactivate { app, company }
        />
    }
}
