//! One request: its heading (app — company), who asked and when, the message, the
//! outcome, and the actions the acting user may take on it.

use leptos::prelude::*;

use crate::domain::model::Product;
use crate::domain::requests::{self, AppRequest, Status};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::format;
use crate::ui::widgets::get_dialog::GetDialog;

use super::decline::DeclineDialog;
use crate::domain::i18n::args;

#[component]
pub fn RequestItem(product: Product, request: AppRequest) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let actor = session.actor_untracked(product);
    let r = request;
    let name = products
        .catalogue
        .with_value(|c| c.app_name(&r.app).to_string());
    let (company, requester, status, may_decide) = products.state(product).with_untracked(|s| {
        (
            s.company_name(&r.company).to_string(),
            s.person(&r.requester, lang),
            r.status.label(s, lang),
            requests::may_decide(s, &actor, &r),
        )
    });
    let heading_id = format!("ma-demande-{}", r.id);
    let labelled = heading_id.clone();
    let title = format!("{name} — {company}");
    let asked = lang.requests_item_asked(args::RequestsItemAsked {
        date: &format::date_time(lang, r.at),
        user: &requester,
    });
    let message = (!r.message.is_empty()).then(|| lang.requests_detail_message(&r.message));
    let reason = match &r.status {
        Status::Declined { reason, .. } if !reason.is_empty() => {
            Some(lang.requests_detail_reason(reason))
        }
        _ => None,
    };
    let pending = r.status.is_pending();
    let mine = r.requester == actor;
    let approving = RwSignal::new(false);
    let declining = RwSignal::new(false);
    let close_approve = Callback::new(move |_| approving.set(false));
    let close_decline = Callback::new(move |_| declining.set(false));
    let id = r.id;
    let withdraw = move |_| {
        let _ = products.dispatch(
            product,
            crate::domain::commands::Command::WithdrawRequest { id },
        );
    };
    let approve_with = (id, requester.clone(), r.message.clone());
    let (app, target) = (r.app.clone(), r.company.clone());
    view! {
        <article class="ma-request" aria-labelledby=labelled>
            <h3 id=heading_id class="ma-request__title">{title}</h3>
            <p>{asked}</p>
            {message.map(|m| view! { <p class="ma-request__message">{m}</p> })}
            <p class=format!("ma-request__status ma-request__status--{}", if pending { "pending" } else { "done" })>
                {status}
            </p>
            {reason.map(|m| view! { <p>{m}</p> })}
            {pending.then(|| view! {
                <div class="ma-request__actions">
                    {may_decide.then(|| view! {
                        <button type="button" class="ma-button ma-button--primary" on:click=move |_| approving.set(true)>{lang.requests_control_approve()}</button>
                        <button type="button" class="ma-button" on:click=move |_| declining.set(true)>{lang.requests_control_decline()}</button>
                    })}
                    {mine.then(|| view! {
                        <button type="button" class="ma-button" on:click=withdraw>{lang.requests_control_withdraw()}</button>
                    })}
                </div>
            })}
            <Show when=move || approving.get()>
                <GetDialog product=product app=app.clone() on_close=close_approve preset=Some(target.clone()) request=Some(approve_with.clone())/>
            </Show>
            <Show when=move || declining.get()>
                <DeclineDialog product=product id=id title=format!("{name} — {company}") on_close=close_decline/>
            </Show>
        </article>
    }
}
