//! Vue d'ensemble (Expert-Comptable): every connection of the firm and of the clients
//! the user may access, as one table (a row per company, a column per app installed
//! anywhere among them). "Géré par" highlights one person's connections and says how
//! many; "Trier par" orders the rows; both live in the address.

mod cells;
mod reader;
mod table;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::catalogue::product::Section;
use crate::domain::i18n::Lang;
use crate::domain::model::UserId;
use crate::domain::views::overview::{overview, RowOrder};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;
use crate::ui::widgets::filter_select::FilterSelect;
use crate::ui::widgets::not_found::ForSection;

use crate::domain::i18n::args;
use table::OverviewTable;

#[component]
pub fn FirmOverviewPage() -> impl IntoView {
    view! {
        <ForSection section=Section::FirmOverview>
            <FirmOverview/>
        </ForSection>
    }
}

/// The address's choices: whose connections to highlight, and the rows' order.
#[derive(Clone, Debug, Default, PartialEq)]
struct Choices {
    manager: Option<UserId>,
    order: RowOrder,
}

#[component]
fn FirmOverview() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let product = use_product().get_untracked();
    let query = use_query_map();
    let navigate = use_navigate();
    let lang = use_lang();
    let choices = Memo::new(move |_| {
        query.with(|q| Choices {
            manager: q.get("gere-par").filter(|v| !v.is_empty()).map(UserId::new),
            order: q
                .get("tri")
                .and_then(|t| RowOrder::from_slug(&t))
                .unwrap_or_default(),
        })
    });
    let table = Memo::new(move |_| {
        let actor = session.actor(product);
        let order = choices.with(|c| c.order);
        products.catalogue.with_value(|cat| {
            products
                .state(product)
                .with(|s| overview(s, cat, &actor, order))
        })
    });
    let go = move |c: Choices| {
        let path = paths::with_query(
            paths::section(product, Section::FirmOverview),
            &[
                ("gere-par", c.manager.as_ref().map(UserId::as_str)),
                (
                    "tri",
                    (c.order != RowOrder::default()).then(|| c.order.slug()),
                ),
            ],
        );
        navigate(&path, Default::default());
    };
    let on_manager = {
        let go = go.clone();
        Callback::new(move |v: Option<String>| {
            go(Choices {
                manager: v.map(UserId::new),
                ..choices.get_untracked()
            })
        })
    };
    let on_order = Callback::new(move |v: Option<String>| {
        go(Choices {
            order: v.and_then(|v| RowOrder::from_slug(&v)).unwrap_or_default(),
            ..choices.get_untracked()
        })
    });
    let people = Signal::derive(move || {
        products.state(product).with(|s| {
            s.users
                .iter()
                .map(|u| (u.id.to_string(), u.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let orders = Signal::derive(move || {
        RowOrder::ALL
            .iter()
            .skip(1)
            .map(|o| (o.slug().to_string(), o.label(lang).to_string()))
            .collect::<Vec<_>>()
    });
    let highlight = Signal::derive(move || choices.with(|c| c.manager.clone()));
    view! {
        <h2 id="ma-section-title" tabindex="-1">{Section::FirmOverview.label(lang)}</h2>
        <p class="ma-lead">{lang.firm_overview_lead()}</p>
        <div class="ma-filters">
            <FilterSelect id="ma-vue-gere-par" label=lang.ctl_managed_by_person() all=lang.ctl_everyone() options=people current=Signal::derive(move || highlight.get().map(|u| u.to_string())) on_change=on_manager/>
            <FilterSelect
                id="ma-vue-tri"
                label=lang.ctl_sort_by()
                all=RowOrder::ByName.label(lang)
                options=orders
                current=Signal::derive(move || choices.with(|c| (c.order != RowOrder::default()).then(|| c.order.slug().to_string())))
                on_change=on_order
            />
        </div>
        <Count product=product table=table highlight=highlight/>
        <OverviewTable product=product table=table highlight=highlight/>
    }
}

/// How many connections the table holds, or how many the highlighted person manages.
#[component]
fn Count(
    product: crate::domain::model::Product,
    table: Memo<crate::domain::views::overview::Overview>,
    highlight: Signal<Option<UserId>>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    view! {
        <p class="ma-search__count" role="status">
            {move || {
                let all = connections(lang, table.with(|t| t.connections()));
                match highlight.get() {
                    None => lang.firm_overview_in_table(all),
                    Some(user) => {
                        let n = table.with(|t| t.managed_by(&user));
                        let name = products.state(product).with(|s| s.user_name(&user).to_string());
                        lang.firm_overview_manages(args::FirmOverviewManages { all: &all, n: &n, name: &name })

                    }
                }
            }}
        </p>
    }
}

/// "3 connexions", "3 connections".
fn connections(lang: Lang, n: usize) -> String {
    lang.firm_overview_connections(n)
}
