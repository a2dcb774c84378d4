//! The connections one person manages that the acting user may see, each with its
//! checkbox, and the button that takes the chosen ones over.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::commands::handover;
use crate::domain::model::{Product, UserId};
use crate::domain::text::fold;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::format;
use crate::ui::widgets::batch_report::ReportLine;
use crate::ui::widgets::selection::{label, Key, SelectAll, SelectOne};

use super::confirm::ConfirmHandover;

/// One row: the connection, its app's and company's names, since when.
#[derive(Clone, PartialEq)]
struct Line {
    key: Key,
    app: String,
    company: String,
    since: String,
}

#[component]
pub fn HandoverList(
    product: Product,
    /// Whose connections (`None`: those nobody manages).
    from: Option<UserId>,
    /// Whether the acting user may only look.
    read_only: Signal<bool>,
    /// Where the handover's result goes.
    report: RwSignal<Vec<ReportLine>>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let from_name = products
        .state(product)
        .with_untracked(|s| s.former_manager(from.as_ref(), lang));
    let lines = {
        let from = from.clone();
        Memo::new(move |_| {
            let actor = session.actor(product);
            products.catalogue.with_value(|cat| {
                products.state(product).with(|s| {
                    let mut lines: Vec<Line> = handover::candidates(s, &actor, from.as_ref())
                        .into_iter()
                        .map(|c| Line {
                            key: (c.company.clone(), c.app.clone()),
                            app: cat.app_name(&c.app).to_string(),
                            company: s.company_name(&c.company).to_string(),
                            since: format::date(lang, c.managed_since()),
                        })
                        .collect();
                    lines.sort_by_cached_key(|l| (fold(&l.company), fold(&l.app)));
                    lines
                })
            })
        })
    };
    let selected = RwSignal::new(BTreeSet::<Key>::new());
    // What is no longer listed (taken over, disconnected elsewhere) is no longer chosen.
    Effect::new(move || {
        let listed: BTreeSet<Key> = lines.with(|l| l.iter().map(|l| l.key.clone()).collect());
        selected.update(|s| s.retain(|k| listed.contains(k)));
    });
    let keys = Signal::derive(move || lines.with(|l| l.iter().map(|l| l.key.clone()).collect()));
    let confirming = RwSignal::new(false);
    let (empty_text, caption) = match from {
        Some(_) => (
            lang.handover_none(&from_name),
            lang.handover_caption(&from_name),
        ),
        None => (
            lang.users_handover_none_unmanaged().to_string(),
            lang.users_handover_caption_unmanaged().to_string(),
        ),
    };
    view! {
        <Show when=move || lines.with(|l| !l.is_empty()) fallback=move || view! { <p class="ma-empty">{empty_text.clone()}</p> }>
            <Show when=move || !read_only.get()>
                <div class="ma-toolbar"><SelectAll keys=keys selected=selected/></div>
            </Show>
            <HandoverTable lines=lines read_only=read_only selected=selected caption=caption.clone()/>
            <Show when=move || !read_only.get()>
                <div class="ma-form__actions">
                    <button
                        type="button"
                        class="ma-button ma-button--primary"
                        disabled=move || selected.with(BTreeSet::is_empty)
                        on:click=move |_| confirming.set(true)
                    >
                        {lang.ctl_take_over_selection()}
                    </button>
                    <span class="ma-field__hint">
                        {move || {
                            let n = selected.with(BTreeSet::len);
                            lang.handover_chosen(n)
                        }}
                    </span>
                </div>
            </Show>
        </Show>
        <Show when=move || confirming.get()>
            <ConfirmHandover
                product=product
                from=from.clone()
                selected=selected
                report=report
                on_close=Callback::new(move |_| confirming.set(false))
            />
        </Show>
    }
}

/// The listed connections, a checkbox each unless the user may only look.
#[component]
fn HandoverTable(
    lines: Memo<Vec<Line>>,
    read_only: Signal<bool>,
    selected: RwSignal<BTreeSet<Key>>,
    /// The table's caption.
    caption: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
            <table class="ma-table ma-handover">
                <caption class="ma-visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <Show when=move || !read_only.get()>
                            <th scope="col" class="ma-table__choose"><span class="ma-visually-hidden">{lang.ctl_col_choose()}</span></th>
                        </Show>
                        <th scope="col">{lang.ctl_col_app()}</th>
                        <th scope="col">{lang.ctl_col_company()}</th>
                        <th scope="col">{lang.ctl_col_managed_since()}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || lines.get()
                        key=|l| l.key.clone()
                        children=move |l| {
                            let name = label(&l.app, &l.company);
                            view! {
                                <tr>
                                    <Show when=move || !read_only.get()>
                                        <td class="ma-table__choose"><SelectOne key=l.key.clone() label=name.clone() selected=selected/></td>
                                    </Show>
                                    <td data-label=lang.ctl_col_app()>{l.app.clone()}</td>
                                    <td data-label=lang.ctl_col_company()>{l.company.clone()}</td>
                                    <td data-label=lang.ctl_col_managed_since()>{l.since.clone()}</td>

                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
    }
}
