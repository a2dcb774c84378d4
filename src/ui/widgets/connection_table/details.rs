//! A selected row's details, read from the current state: a reset or another tab's change
//! shows at once in an open panel.

use leptos::prelude::*;

use crate::domain::access::queries;
use crate::domain::forms::settings;
use crate::domain::guide::Seen;
use crate::domain::model::Product;
use crate::ui::state::guide::use_reporter;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::format;

use super::RowKey;
use crate::domain::i18n::args;

/// What the panel shows of the connection as it is now.
#[derive(Clone, PartialEq)]
struct Shown {
    company: String,
    since: String,
    permissions: Vec<String>,
    settings: Vec<String>,
}

#[component]
pub fn Details(
    product: Product,
    key: RowKey,
    /// The app's name.
    name: String,
    /// Who manages it ("Claire Martin (vous)").
    manager: Signal<String>,
    /// The details row's id, which the name's button controls.
    id: String,
    /// How many columns the table has.
    columns: usize,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    use_reporter().tell(Seen::Details(key.1.clone(), key.0.clone()));
    let shown = Memo::new(move |_| {
        let actor = session.actor(product);
        let (company, app) = &key;
        products.catalogue.with_value(|cat| {
            products.state(product).with(|s| {
                let c = queries::visible_connection(s, &actor, app, company)?;
                let def = cat.app(app);
                Some(Shown {
                    company: s.company_name(company).to_string(),
                    since: format::date(lang, c.since),
                    permissions: def.map(|d| d.reads_at(c.version)).unwrap_or_default(),
                    settings: def
                        .map(|d| {
                            settings::summary(
                                &d.settings,
                                &c.settings,
                                crate::ui::state::session::use_lang(),
                            )
                        })
                        .unwrap_or_default(),
                })
            })
        })
    });
    let kind = product.get_kind();
    let list = move |items: Vec<String>| {
        view! { <ul lang=format::data_lang(lang)>{items.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> }
    };
    view! {
        <tr class="ma-table__details" id=id>
            <td colspan=columns>
                {move || shown.get().map(|s| view! {
                    <div class="ma-details">
                        <h3 class="ma-details__title">{lang.widgets_details_title(args::WidgetsDetailsTitle { company: &s.company, name: &name })}</h3>
                        <dl class="ma-details__list">
                            <dt>{lang.ctl_col_client()}</dt>
                            <dd>{s.company.clone()}</dd>
                            <dt>{lang.ctl_col_managed_by()}</dt>
                            <dd>{manager}</dd>
                            <dt>{kind.since_label(crate::ui::state::session::use_lang())}</dt>
                            <dd>{s.since.clone()}</dd>
                            <dt>{lang.widgets_details_data()}</dt>
                            <dd>{list(s.permissions.clone())}</dd>
                            <dt>{lang.ctl_settings()}</dt>
                            <dd>{list(s.settings.clone())}</dd>
                        </dl>
                        <p class="ma-details__hint">{lang.widgets_details_hint()}</p>

                    </div>
                })}
            </td>
        </tr>
    }
}
