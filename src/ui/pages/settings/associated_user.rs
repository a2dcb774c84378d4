//! "Utilisateur associé": who manages the connection, whether it is the current user, and
//! a take-over ("Reprendre la gestion") when someone else manages it, or why not.

use leptos::prelude::*;

use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::views::association::{association, TakeOver};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::format;
use crate::ui::widgets::get_dialog::GetDialog;

#[component]
pub fn AssociatedUser(product: Product, company: CompanyId, app: AppId) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let taking_over = RwSignal::new(false);
    let lang = use_lang();
    let info = {
        let (app, company) = (app.clone(), company.clone());
        Memo::new(move |_| {
            let actor = session.actor(product);
            products.with_env(product, |s, env| {
                let a = association(s, env, &actor, &app, &company)?;
                Some((s.manager_name(a.manager.as_ref(), lang), a))
            })
        })
    };
    let close = Callback::new(move |_| taking_over.set(false));
    move || {
        let (manager, a) = info.get()?;
        let action = match a.take_over {
            TakeOver::Offered => Some(
                view! {
                    <button type="button" id="ma-reprendre" class="ma-button" on:click=move |_| taking_over.set(true)>
                        {lang.ctl_take_over_management()}
                    </button>
                }
                .into_any(),
            ),
            TakeOver::Refused(e) => Some(view! { <p class="ma-field__hint">{e.text(crate::ui::state::session::use_lang())}</p> }.into_any()),
            TakeOver::NotNeeded => None,
        };
        let badge = if a.is_actor {
            view! { <span class="ma-badge ma-badge--ok">{lang.settings_its_you()}</span> }
                .into_any()
        } else {
            view! { <span class="ma-badge ma-badge--warn">{lang.settings_not_you()}</span> }
                .into_any()
        };
        let (app, company) = (app.clone(), company.clone());
        Some(view! {
                    <section class="ma-card ma-associated" aria-labelledby="ma-associated-title">
                        <p id="ma-associated-title" class="ma-associated__line">
                            <strong>{lang.ctl_associated_user()}</strong>
                            {lang.settings_colon()}
                            <span class="ma-associated__name">{manager}</span>
                            // Read as "Claire Martin, c'est vous", not as one run-on phrase.
                            <span class="ma-visually-hidden">","</span>
                            " "
                            {badge}
                        </p>
                        <p class="ma-field__hint">{lang.settings_managed_since(format::date(lang, a.since))}
        </p>
                        {action}
                        <Show when=move || taking_over.get()>
                            <GetDialog product=product app=app.clone() on_close=close preset=Some(company.clone())/>
                        </Show>
                    </section>
                })
    }
}
