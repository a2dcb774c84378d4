//! What a dialog acting on chosen connections starts from, read once as it opens: the
//! connections, a line "APP — COMPANY" for each, their apps once each (for the data
//! notes), and whether the acting user's role refuses the action whatever the target.

use leptos::prelude::*;

use crate::domain::access::permissions::{role_refusal, Action};
use crate::domain::commands::Command;
use crate::domain::model::{AppId, Product};
use crate::ui::state::products::{use_products, Products};
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::widgets::batch_report::{run_batch, ReportLine};
use crate::ui::widgets::selection::{label, Key, Selection};

/// The chosen connections, as the dialog lists them.
#[derive(Clone)]
pub struct Chosen {
    pub keys: Vec<Key>,
    /// "Stock Malin — Boulangerie Martin", one per connection, in the order of `keys`.
    pub lines: Vec<String>,
    /// The apps concerned, each once, in order.
    pub apps: Vec<AppId>,
}

impl Chosen {
    /// What `selected` holds now.
    pub fn read(product: Product, selected: Selection) -> Chosen {
        let products = use_products();
        let keys: Vec<Key> = selected.get_untracked().into_iter().collect();
        let lines = products.catalogue.with_value(|cat| {
            products.state(product).with_untracked(|s| {
                keys.iter()
                    .map(|(company, app)| label(cat.app_name(app), s.company_name(company)))
                    .collect()
            })
        });
        let mut apps: Vec<AppId> = keys.iter().map(|(_, a)| a.clone()).collect();
        apps.sort();
        apps.dedup();
        Chosen { keys, lines, apps }
    }
}

/// Why the acting user may not do `action` at all in `product` (their role), in the
/// page's language; `None` when their role allows it somewhere.
pub fn role_refused(product: Product, action: Action) -> Option<String> {
    let lang = use_lang();
    let actor = use_session().actor_untracked(product);
    use_products()
        .state(product)
        .with_untracked(|s| role_refusal(s, &actor, action).map(|e| e.text(lang)))
}

/// The chosen connections, one line each.
#[component]
pub fn ChosenList(lines: Vec<String>) -> impl IntoView {
    view! {
        <ul class="ma-dialog__list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
    }
}

/// Runs `command` on each of `keys` as one batch (each by the rules of one, the whole
/// saved once), puts what became of each in `report` (`done` for those that worked),
/// and empties the selection.
pub fn act_on_each(
    (products, product): (Products, Product),
    keys: &[Key],
    command: impl Fn(&Key) -> Command,
    done: &'static str,
    (report, selected): (RwSignal<Vec<ReportLine>>, Selection),
) {
    let batch = Command::Batch(keys.iter().map(command).collect());
    report.set(run_batch(products, product, batch, done));
    selected.set(Default::default());
}
