//! "Installer pour plusieurs clients": the accessible clients where the app is not
//! installed yet (with a text filter), the app's settings filled once, and a button that
//! says how many ("Installer pour 3 clients"). Each client goes through the rules of one
//! installation; the whole is saved once, and a report says what became of each.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::access::queries;
use crate::domain::commands::{refusal_for_every_target, Command};
use crate::domain::forms::settings::{defaults, validate_input};
use crate::domain::model::{AppId, CompanyId, CompanyKind, Product};
use crate::domain::text::fold;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::dom;
use crate::ui::web::split::part;
use crate::ui::widgets::batch_report::{run_batch, ReportLine};
use crate::ui::widgets::lazy_view::lazy_with;
use crate::ui::widgets::refusal::BulkDialog;
use crate::ui::widgets::setting_field::{field_id_in, Field};

/// The settings fields' id prefix in this dialog.
const PREFIX: &str = "ma-masse-reglage";

/// The form, kept out of the first load: fetched when the dialog first opens.
type Form = fn(Product, AppId, RwSignal<Vec<ReportLine>>, Callback<()>) -> AnyView;
part!(pub static FORM: Form = bulk_install_form => |product, app, report, on_close| {
    view! { <BulkInstallForm product=product app=app report=report on_close=on_close/> }.into_any()
};);

#[component]
pub fn BulkInstallDialog(
    product: Product,
    app: AppId,
    /// Where the report goes once done.
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let actor = use_session().actor_untracked(product);
    let name = products
        .catalogue
        .with_value(|c| c.app_name(&app).to_string());
    let refused = products.with_env_untracked(product, |s, env| {
        refusal_for_every_target(s, env, &actor, &app).map(|e| e.text(lang))
    });
    view! {
        <BulkDialog title=lang.ctl_bulk_install_title(&name) refused=refused on_close=on_close>
            {lazy_with(&FORM, move |form: Form| form(product, app.clone(), report, on_close))}
        </BulkDialog>
    }
}

#[component]
fn BulkInstallForm(
    product: Product,
    app: AppId,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let def = products.catalogue.with_value(|c| c.app(&app).cloned());
    // New connections are at the version published.
    let version = products
        .state(product)
        .with_untracked(|s| s.version_for_new(&app));
    let defs = def.map(|d| d.settings_at(version)).unwrap_or_default();
    let draft = RwSignal::new(defaults(&defs));
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let selected = RwSignal::new(BTreeSet::<CompanyId>::new());
    let clients = {
        let app = app.clone();
        Memo::new(move |_| {
            let actor = session.actor(product);
            products.state(product).with(|s| {
                queries::install_targets(s, &actor, &app)
                    .into_iter()
                    .filter(|(c, conn)| c.kind == CompanyKind::Client && conn.is_none())
                    .map(|(c, _)| (c.id.clone(), c.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let submit = {
        let defs = defs.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let values = draft.get_untracked();
            if let Err(list) = validate_input(&defs, &values) {
                errors.set(
                    list.iter()
                        .map(|e| (e.key.clone(), e.message(lang)))
                        .collect(),
                );
                if let Some(first) = list.first() {
                    dom::focus(&field_id_in(PREFIX, &first.key));
                }
                return;
            }
            let batch = Command::Batch(
                selected
                    .get_untracked()
                    .into_iter()
                    .map(|company| Command::GetWithSettings {
                        app: app.clone(),
                        company,
                        values: values.clone(),
                    })
                    .collect(),
            );
            report.set(run_batch(
                products,
                product,
                batch,
                lang.app_page_installed(),
            ));
            on_close.run(());
        }
    };
    let fields = defs
        .into_iter()
        .map(|d| view! { <Field def=d draft=draft errors=errors disabled=Signal::derive(|| false) prefix=PREFIX/> })
        .collect_view();
    let n = move || selected.with(BTreeSet::len);
    view! {
        <form class="ma-form" on:submit=submit novalidate=true>
            <ClientChoice clients=clients selected=selected/>
            <fieldset class="ma-fieldset">
                <legend>{lang.app_page_bulk_settings()}</legend>
                {fields}
            </fieldset>
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.ctl_cancel()}</button>
                <button type="submit" class="ma-button ma-button--primary" disabled=move || n() == 0>
                    {move || lang.ctl_install_for_n(n())}
                </button>
            </div>
        </form>
    }
}

/// The clients to install for: a text filter, "Tout sélectionner" (the shown ones), and a
/// checkbox each. Chosen clients stay chosen when the filter hides them.
#[component]
fn ClientChoice(
    clients: Memo<Vec<(CompanyId, String)>>,
    selected: RwSignal<BTreeSet<CompanyId>>,
) -> impl IntoView {
    let lang = use_lang();
    let filter = RwSignal::new(String::new());
    let filter_id = dom::unique_id("ma-filtre-masse");
    let shown = Memo::new(move |_| {
        let f = fold(filter.get().trim());
        clients.with(|list| {
            list.iter()
                .filter(|(_, name)| f.is_empty() || fold(name).contains(&f))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let all_shown = move || {
        shown.with(|s| {
            !s.is_empty() && selected.with(|sel| s.iter().all(|(id, _)| sel.contains(id)))
        })
    };
    let toggle_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        selected.update(|sel| {
            for (id, _) in shown.get_untracked() {
                if on {
                    sel.insert(id);
                } else {
                    sel.remove(&id);
                }
            }
        });
    };
    view! {
        <div class="ma-field">
            <label for=filter_id.clone()>{lang.ctl_filter_clients()}</label>
            <input id=filter_id type="search" maxlength="100" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
        </div>
        <fieldset class="ma-fieldset ma-targets">
            <legend>{lang.app_page_bulk_clients()}</legend>
            <Show when=move || clients.with(|c| !c.is_empty()) fallback=move || view! { <p>{lang.app_page_bulk_all_installed()}</p> }>
                <label class="ma-checkbox ma-select-all">
                    <input type="checkbox" prop:checked=all_shown on:change=toggle_all/>
                    {lang.ctl_select_all()}

                </label>
                <For
                    each=move || shown.get()
                    key=|(id, _)| id.clone()
                    children=move |(id, name)| {
                        let input_id = format!("ma-masse-{id}");
                        let key = id.clone();
                        let checked = move || selected.with(|s| s.contains(&id));
                        view! {
                            <div class="ma-checkbox">
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        selected.update(|s| { if on { s.insert(key.clone()); } else { s.remove(&key); } });
                                    }
                                />
                                <label for=input_id>{name}</label>
                            </div>
                        }
                    }
                />
            </Show>
        </fieldset>
    }
}
