//! The "Installer pour" radio group: the firm first, then each client the user may
//! access, each marked when the app is already installed there and by whom; a text filter
//! when there are many clients.

use leptos::prelude::*;

use crate::domain::access::queries;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::text::fold;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::dom::unique_id;

/// More clients than this and the choice gets a filter box.
const FILTER_FROM: usize = 8;

/// One choice: the company, its name, and where it stands ("déjà installée, gérée par …").
type Choice = (CompanyId, String, Option<String>);

#[component]
pub fn TargetChooser(
    /// The product installing (the one whose targets are listed).
    product: Product,
    /// The app being installed.
    app: AppId,
    /// The chosen target.
    target: RwSignal<Option<CompanyId>>,
    /// The text filter's value (shown when there are many clients).
    filter: RwSignal<String>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let options = Memo::new(move |_| {
        let actor = session.actor(product);
        products.state(product).with(|s| {
            queries::install_targets(s, &actor, &app)
                .into_iter()
                .map(|(c, conn)| {
                    let mark = conn.map(|conn| match &conn.manager {
                        Some(m) if *m == actor => lang.widgets_installed_by_you().to_string(),
                        Some(m) => lang.widgets_installed_by(s.user_name(m)),
                        None => lang.widgets_installed_by(s.manager_name(None, lang)),
                    });
                    (c.id.clone(), c.name.clone(), mark)
                })
                .collect::<Vec<Choice>>()
        })
    });
    let many = move || options.with(|o| o.len() > FILTER_FROM + 1);
    let filter_id = unique_id("ma-filtre-cibles");
    // The firm and the chosen target stay whatever the filter.
    let visible = move || {
        let f = fold(filter.get().trim());
        options
            .get()
            .into_iter()
            .enumerate()
            .filter(|(i, (id, name, _))| {
                *i == 0
                    || f.is_empty()
                    || fold(name).contains(&f)
                    || target.with(|t| t.as_ref() == Some(id))
            })
            .map(|(_, o)| o)
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=many>
            <div class="ma-field">
                <label for=filter_id.clone()>{lang.ctl_filter_clients()}</label>
                <input
                    id=filter_id.clone()
                    type="search"
                    maxlength="100"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </div>
        </Show>
        <fieldset class="ma-fieldset ma-targets">
            <legend>{lang.ctl_install_for()}</legend>

            <For
                each=visible
                key=|(id, _, mark)| (id.clone(), mark.clone())
                children=move |choice| view! { <TargetRadio choice=choice target=target/> }
            />
        </fieldset>
    }
}

#[component]
fn TargetRadio(choice: Choice, target: RwSignal<Option<CompanyId>>) -> impl IntoView {
    let (id, name, mark) = choice;
    let input_id = format!("ma-cible-{id}");
    let mark_id = format!("{input_id}-etat");
    let value = id.clone();
    view! {
        <div class="ma-radio">
            <input
                type="radio"
                name="ma-cible"
                id=input_id.clone()
                value=id.to_string()
                aria-describedby=mark.as_ref().map(|_| mark_id.clone())
                prop:checked=move || target.with(|t| t.as_ref() == Some(&id))
                on:change=move |_| target.set(Some(value.clone()))
            />
            <label for=input_id>{name}</label>
            {mark.map(|m| view! { <span class="ma-radio__mark" id=mark_id>{m}</span> })}
        </div>
    }
}
