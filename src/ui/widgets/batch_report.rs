//! What a batch did, one line per target: done, or refused with the refusal's sentence.
//! Its heading takes focus when it appears, so that the report is read first.

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::batch::BatchItem;
use crate::domain::commands::{Command, Outcome};
use crate::domain::model::error::DomainError;
use crate::domain::model::Product;
use crate::domain::model::ProductState;
use crate::ui::state::products::Products;
use crate::ui::state::session::use_lang;
use crate::ui::web::dom;

use super::selection::label;
use crate::domain::i18n::args;

/// Runs a batch as the acting user of `product` and reports each of its commands: what
/// a success was is `done` ("prise en charge"). A batch refused whole reports nothing.
pub fn run_batch(
    products: Products,
    product: Product,
    batch: Command,
    done: &'static str,
) -> Vec<ReportLine> {
    let items: Vec<BatchItem> = match products.dispatch(product, batch) {
        Ok(Outcome::Batch(items)) => items,
        Err(DomainError::NoneDone(refused)) => refused.into_iter().map(BatchItem::from).collect(),
        _ => Vec::new(),
    };
    products.catalogue.with_value(|cat| {
        products
            .state(product)
            .with_untracked(|s| lines_of(&items, s, cat, done))
    })
}

/// A batch's items as report lines; `done` says what a success was ("prise en charge").
pub fn lines_of(
    items: &[BatchItem],
    state: &ProductState,
    catalogue: &Catalogue,
    done: &'static str,
) -> Vec<ReportLine> {
    items
        .iter()
        .map(|i| ReportLine {
            target: label(catalogue.app_name(&i.app), state.company_name(&i.company)),
            result: i
                .result
                .as_ref()
                .map(|_| done)
                .map_err(|e| e.text(crate::ui::state::session::use_lang())),
        })
        .collect()
}

/// One target's line: its name ("Stock Malin — Boulangerie Martin") and what happened.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportLine {
    pub target: String,
    /// `Ok` with what was done ("prise en charge"), or the refusal's sentence.
    pub result: Result<&'static str, String>,
}

#[component]
pub fn BatchReport(
    /// The report's heading ("Résultat de la prise en charge").
    title: &'static str,
    /// The lines; nothing is shown while empty.
    lines: Signal<Vec<ReportLine>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = dom::unique_id("ma-rapport");
    let heading = id.clone();
    Effect::new(move || {
        if lines.with(|l| !l.is_empty()) {
            let heading = heading.clone();
            request_animation_frame(move || dom::focus(&heading));
        }
    });
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <section class="ma-card ma-report" aria-labelledby=id.clone()>
                <h3 id=id.clone() tabindex="-1">{title}</h3>
                <ul class="ma-report__list">
                    {move || {
                        lines
                            .get()
                            .into_iter()
                            .map(|line| {
                                let (class, text) = match line.result {
                                    Ok(done) => ("ma-report__line ma-report__line--done", lang.widgets_report_done(args::WidgetsReportDone { done: &done, target: &line.target })),
                                    Err(why) => ("ma-report__line ma-report__line--refused", lang.widgets_report_refused(args::WidgetsReportRefused { target: &line.target, why: &why })),

                                };
                                view! { <li class=class>{text}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
