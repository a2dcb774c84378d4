//! The overview's table: sticky header and first column inside its own scrolling region
//! (the page itself never scrolls sideways), a link in every cell — to the connection's
//! settings where the app is installed, to installing it there where it is not.

use leptos::prelude::*;

use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, Product, UserId};
use crate::domain::overview::Overview;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::{format, paths};

/// What a column heads: the app's id and name.
type Column = (AppId, String);

#[component]
pub fn OverviewTable(
    product: Product,
    table: Memo<Overview>,
    /// Whose connections to mark, if anyone's.
    highlight: Signal<Option<UserId>>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let columns = Memo::new(move |_| {
        products.catalogue.with_value(|cat| {
            table.with(|t| {
                t.columns
                    .iter()
                    .map(|a| (a.clone(), cat.app_name(a).to_string()))
                    .collect::<Vec<Column>>()
            })
        })
    });
    let body = move || {
        let mark = highlight.get();
        let cols = columns.get();
        products.state(product).with(|s| {
            table.with(|t| {
                t.rows
                    .iter()
                    .map(|row| {
                        let cells = row
                            .cells
                            .iter()
                            .zip(&cols)
                            .map(|(cell, (app, name))| {
                                let manager = cell.as_ref().map(|m| (s.user_name(m).to_string(), mark.as_ref() == Some(m)));
                                cell_view(lang, product, (app, name), (&row.company, &row.name), manager, mark.is_some())
                            })
                            .collect_view();
                        view! { <tr><th scope="row" class="ma-overview__company">{row.name.clone()}</th>{cells}</tr> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <Show
            when=move || table.with(|t| !t.columns.is_empty())
            fallback=move || view! { <p class="ma-empty">{lang.firm_overview_empty()}</p> }
        >
            <div class="ma-overview" role="region" aria-label=lang.ctl_overview_region() tabindex="0">
                <table class="ma-overview__table">
                    <caption class="ma-visually-hidden">{lang.firm_overview_caption()}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="ma-overview__corner">{lang.ctl_col_client()}</th>
                            {move || columns.get().into_iter().map(|(_, name)| view! {
                                <th scope="col" class="ma-overview__app"><span>{name}</span></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </Show>
    }
}

/// One cell: a link to the settings where the app is installed (with who manages it,
/// marked when it is the highlighted person), or to installing it there.
fn cell_view(
    lang: Lang,
    product: Product,
    (app, app_name): (&AppId, &str),
    (company, company_name): (&CompanyId, &str),
    manager: Option<(String, bool)>,
    highlighting: bool,
) -> impl IntoView {
    match manager {
        Some((who, marked)) => {
            let href = paths::href(&paths::settings(product, company, app));
            let class = match (highlighting, marked) {
                (true, true) => "ma-cell ma-cell--on ma-cell--marked",
                (true, false) => "ma-cell ma-cell--on ma-cell--dimmed",
                _ => "ma-cell ma-cell--on",
            };
            view! {
                <td class=class>
                    <a href=href class="ma-cell__link">
                        <span class="ma-visually-hidden">{lang.ctl_cell_app_at(app_name, company_name)}</span>
                        <span aria-hidden="true">{marked.then_some("◆ ")}{format::initials(&who)}</span>
                    </a>
                    <span class="ma-visually-hidden">{lang.firm_overview_managed_by(&who)}</span>
                </td>
            }
            .into_any()
        }
        None => {
            let href = paths::href(&paths::with_query(
                paths::app(product, app),
                &[("pour", Some(company.as_str()))],
            ));
            view! {
                <td class="ma-cell ma-cell--off">
                    <a href=href class="ma-cell__add">
                        <span class="ma-visually-hidden">{lang.ctl_cell_install_at(app_name, company_name)}
</span>
                        <span aria-hidden="true">"+"</span>
                    </a>
                </td>
            }
            .into_any()
        }
    }
}
