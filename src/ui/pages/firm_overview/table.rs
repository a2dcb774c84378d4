//! The overview's table: sticky header and first column inside its own scrolling region
//! (the page itself never scrolls sideways). A long table puts only the rows around the
//! view in the page (`domain::views::visible_rows`), with empty space for the others, and says
//! how many rows it has (`aria-rowcount`) and where each drawn row is (`aria-rowindex`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::model::{AppId, Product, UserId};
use crate::domain::views::overview::Overview;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::html::Html;

use super::cells::row_html;
use super::reader::Reader;

/// What a column heads: the app's id and name.
pub(super) type Column = (AppId, String);

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
    let total = Memo::new(move |_| table.with(|t| t.rows.len()));
    let reader = Reader::new(total);
    let (drawn, row_height) = (reader.drawn, reader.row_height);
    let region = NodeRef::<leptos::html::Div>::new();
    let body = NodeRef::<leptos::html::Tbody>::new();
    // Thousands of cells, each a link: drawn as one HTML string set at once, which the
    // browser parses far faster than as many nodes made one by one.
    Effect::new(move || {
        let mark = highlight.get();
        let drawn = drawn.get();
        // The rows not drawn, before and after the drawn ones, each stood for by a gap.
        let (html, gaps) = columns.with(|cols| {
            products.state(product).with(|s| {
                table.with(|t| {
                    let total = t.rows.len();
                    let rows = drawn.start.min(total)..drawn.end.min(total);
                    let gaps = [rows.start, total - rows.end];
                    let mut out = Html::with_capacity(rows.len() * cols.len() * 160);
                    gap_html(&mut out, gaps[0], cols.len());
                    for (i, row) in t.rows[rows.clone()].iter().enumerate() {
                        row_html(
                            &mut out,
                            (lang, product),
                            (rows.start + i, row),
                            cols,
                            s,
                            mark.as_ref(),
                        );
                    }
                    gap_html(&mut out, gaps[1], cols.len());
                    (out, gaps)
                })
            })
        });
        if let Some(tbody) = body.get() {
            redraw(&tbody, &html, region.get_untracked());
            size_gaps(&tbody, gaps, row_height.get());
        }
    });
    let on_scroll = move |_| {
        if let (Some(region), Some(tbody)) = (region.get_untracked(), body.get_untracked()) {
            reader.scrolled(&region, &tbody);
        }
    };
    let on_focus = move |e: web_sys::FocusEvent| {
        if let Some(target) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            reader.focused(&target);
        }
    };
    view! {
        <Show
            when=move || table.with(|t| !t.columns.is_empty())
            fallback=move || view! { <p class="ma-empty">{lang.firm_overview_empty()}</p> }
        >
            <div class="ma-overview" role="region" aria-label=lang.ctl_overview_region() tabindex="0" node_ref=region on:scroll=on_scroll>
                <table class="ma-overview__table" aria-rowcount=move || (total.get() + 1).to_string()>
                    <caption class="ma-visually-hidden">{lang.firm_overview_caption()}</caption>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col" class="ma-overview__corner">{lang.ctl_col_client()}</th>
                            {move || columns.get().into_iter().map(|(_, name)| view! {
                                <th scope="col" class="ma-overview__app"><span>{name}</span></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody class="ma-overview__rows" node_ref=body on:focusin=on_focus></tbody>
                </table>
            </div>
        </Show>
    }
}

/// The empty row that stands for `rows` rows not drawn, if there are any (its height is
/// set once it is in the page: a style attribute in HTML would be refused by the page's
/// security policy).
fn gap_html(out: &mut Html, rows: usize, columns: usize) {
    if rows > 0 {
        out.tag("<tr class=\"ma-overview__gap\" aria-hidden=\"true\"><td colspan=\"");
        out.text(&(columns + 1).to_string());
        out.tag("\"></td></tr>");
    }
}

/// Gives the gaps drawn, in order, the height of the rows they stand for (`rows[0]`
/// before the drawn rows, `rows[1]` after them).
fn size_gaps(tbody: &web_sys::HtmlTableSectionElement, rows: [usize; 2], row_height: f64) {
    let gaps = tbody.get_elements_by_class_name("ma-overview__gap");
    let mut rows = rows.into_iter().filter(|n| *n > 0);
    for i in 0..gaps.length() {
        let cell = gaps.item(i).and_then(|tr| tr.first_element_child());
        let cell = cell.and_then(|td| td.dyn_into::<web_sys::HtmlElement>().ok());
        if let (Some(td), Some(n)) = (cell, rows.next()) {
            // Whole pixels: the gap need not be exact, only about as tall as its rows.
            let px = (n as f64 * row_height).round() as u64;
            _ = td.style().set_property("height", &format!("{px}px"));
        }
    }
}

/// Sets the rows' HTML, keeping focus on the same cell's link when it is still drawn, on
/// the region when it is not.
fn redraw(
    tbody: &web_sys::HtmlTableSectionElement,
    html: &Html,
    region: Option<web_sys::HtmlDivElement>,
) {
    let doc = document();
    let focused = doc
        .active_element()
        .filter(|e| tbody.contains(Some(e)))
        .and_then(|e| e.get_attribute("href"));
    html.set_into(tbody);
    let Some(href) = focused else { return };
    let links = tbody.get_elements_by_tag_name("a");
    let again = (0..links.length())
        .filter_map(|i| links.item(i))
        .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    match (again, region) {
        (Some(link), _) => _ = link.focus(),
        (None, Some(region)) => _ = region.focus(),
        (None, None) => {}
    }
}
