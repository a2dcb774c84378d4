//! What getting the app at the chosen target would do: the details (where, who will
//! manage it, the data it will access), a take-over said as such, that the user already
//! manages it there, or the refusal.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::commands::GetPlan;
use crate::domain::i18n::args;
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::{format, paths};

#[component]
pub fn PlanDetails(
    product: Product,
    app: AppId,
    /// The app's name.
    name: String,
    target: RwSignal<Option<CompanyId>>,
    /// The domain's plan for the target (`None` while no target is chosen).
    plan: Memo<Option<Result<GetPlan, DomainError>>>,
    /// Closes the dialog (to open the settings the user already manages).
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let navigate = use_navigate();
    let lang = use_lang();
    move || {
        let company = target.get()?;
        let plan = plan.get()?;
        let company_name = products
            .state(product)
            .with(|s| s.company_name(&company).to_string());
        Some(match plan {
            Err(DomainError::AlreadyManaged { .. }) => {
                let href = paths::settings(product, &company, &app);
                let navigate = navigate.clone();
                let open_settings = move |_| {
                    on_close.run(());
                    navigate(&href, Default::default());
                };
                view! {
                    <p class="ma-message ma-message--info">
                        {lang.widgets_already_managed(args::WidgetsAlreadyManaged { company: &company_name, name: &name })}
                        <button type="button" class="ma-link-button" on:click=open_settings>
                            {lang.ctl_see_its_settings()}
                        </button>
                    </p>
                }
                .into_any()
            }
            Err(e) => {
                view! { <p class="ma-message ma-message--error" role="alert">{e.text(crate::ui::state::session::use_lang())}</p> }
                    .into_any()
            }
            Ok(plan) => {
                let actor = session.actor(product);
                let (actor_name, from) = products.state(product).with(|s| {
                    let from = match &plan {
                        GetPlan::TakeOver { from } => Some(s.former_manager(from.as_ref(), lang)),
                        GetPlan::New { .. } => None,
                    };
                    (s.user_name(&actor).to_string(), from)
                });
                view! {
                    <Details
                        product=product
                        app=app.clone()
                        name=name.clone()
                        company_name=company_name
                        manager=format::person(lang, &actor_name, true)
                        from=from
                    />
                }
                .into_any()
            }
        })
    }
}

#[component]
pub(super) fn Details(
    product: Product,
    app: AppId,
    name: String,
    company_name: String,
    /// Who will manage it: the acting user.
    manager: String,
    /// Who manages it now, for a take-over.
    from: Option<String>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let kind = product.get_kind();
    // What a new connection reads: the version published.
    let version = products
        .state(product)
        .with_untracked(|s| s.version_for_new(&app));
    let permissions = products
        .catalogue
        .with_value(|c| c.app(&app).map(|a| a.reads_at(version)))
        .unwrap_or_default();
    let transfer = from.map(|from| {
        view! {
            <p class="ma-message ma-message--warning">
                {lang.widgets_take_over_warning(args::WidgetsTakeOverWarning { company: &company_name, done_at: &kind.done_at(lang), from: &from, name: &name })}
            </p>
        }
    });
    view! {
        <div class="ma-summary">
            <h3 class="ma-summary__title">{lang.widgets_details()}</h3>
            {transfer}
            <dl class="ma-details__list">
                <dt>{kind.target_label(lang)}</dt>
                <dd>{company_name.clone()}</dd>
                <dt>{lang.widgets_connection_management()}</dt>
                <dd>{manager}</dd>
                <dt>{lang.widgets_data_access()}</dt>

                <dd>
                    <ul lang=format::data_lang(lang)>{permissions.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </dd>
            </dl>
        </div>
    }
}
