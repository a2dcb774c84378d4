//! The overview's table: sticky header and first column inside its own scrolling region
//! (the page itself never scrolls sideways), a link in every cell — to the connection's
//! settings where the app is installed, to installing it there where it is not.

use leptos::prelude::*;

use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, Product, ProductState, UserId};
use crate::domain::overview::{Overview, Row};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::html::Html;
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
    // Thousands of cells, each a link: drawn as one HTML string set at once, which the
    // browser parses far faster than as many nodes made one by one.
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move || {
        let mark = highlight.get();
        let html = columns.with(|cols| {
            products.state(product).with(|s| {
                table.with(|t| {
                    let mut out = Html::with_capacity(t.rows.len() * cols.len() * 160);
                    for row in &t.rows {
                        row_html(&mut out, (lang, product), row, cols, s, mark.as_ref());
                    }
                    out
                })
            })
        });
        if let Some(tbody) = body.get() {
            html.set_into(&tbody);
        }
    });
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
                    <tbody node_ref=body></tbody>
                </table>
            </div>
        </Show>
    }
}

/// One row: the company's name, then a cell per app.
fn row_html(
    out: &mut Html,
    (lang, product): (Lang, Product),
    row: &Row,
    cols: &[Column],
    state: &ProductState,
    mark: Option<&UserId>,
) {
    out.tag("<tr><th scope=\"row\" class=\"ma-overview__company\">");
    out.text(&row.name);
    out.tag("</th>");
    for (cell, (app, app_name)) in row.cells.iter().zip(cols) {
        let at = (&row.company, row.name.as_str());
        match cell {
            Some(manager) => {
                let who = state.user_name(manager);
                let marked = mark == Some(manager);
                cell_on(
                    out,
                    (lang, product),
                    (app, app_name),
                    at,
                    (who, marked, mark.is_some()),
                );
            }
            None => cell_off(out, (lang, product), (app, app_name), at),
        }
    }
    out.tag("</tr>");
}

/// A cell where the app is installed: a link to its settings named "APP chez COMPANY",
/// showing the manager's initials (◆ first when they are the highlighted person), then
/// who manages it for screen readers.
fn cell_on(
    out: &mut Html,
    (lang, product): (Lang, Product),
    (app, app_name): (&AppId, &str),
    (company, company_name): (&CompanyId, &str),
    (who, marked, highlighting): (&str, bool, bool),
) {
    let class = match (highlighting, marked) {
        (true, true) => "ma-cell ma-cell--on ma-cell--marked",
        (true, false) => "ma-cell ma-cell--on ma-cell--dimmed",
        _ => "ma-cell ma-cell--on",
    };
    out.tag("<td class=\"");
    out.tag(class);
    out.tag("\"><a class=\"ma-cell__link\" href=\"");
    out.text(&paths::href(&paths::settings(product, company, app)));
    // The name is the link's text, hidden from sight; the initials are seen, not read
    // (a name given by aria-label would not contain the text seen).
    out.tag("\"><span class=\"ma-visually-hidden\">");
    out.text(&lang.ctl_cell_app_at(app_name, company_name));
    out.tag("</span><span aria-hidden=\"true\">");
    if marked {
        out.tag("◆ ");
    }
    out.text(&format::initials(who));
    out.tag("</span></a><span class=\"ma-visually-hidden\">");
    out.text(&lang.firm_overview_managed_by(who));
    out.tag("</span></td>");
}

/// A cell where the app is not installed: a link to installing it there, named
/// "Installer APP chez COMPANY", showing "+".
fn cell_off(
    out: &mut Html,
    (lang, product): (Lang, Product),
    (app, app_name): (&AppId, &str),
    (company, company_name): (&CompanyId, &str),
) {
    let href = paths::href(&paths::with_query(
        paths::app(product, app),
        &[("pour", Some(company.as_str()))],
    ));
    out.tag("<td class=\"ma-cell ma-cell--off\"><a class=\"ma-cell__add\" href=\"");
    out.text(&href);
    out.tag("\" aria-label=\"");
    out.text(&lang.ctl_cell_install_at(app_name, company_name));
    out.tag("\">+</a></td>");
}
