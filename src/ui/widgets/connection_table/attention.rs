//! What a list opens with when connections need attention: "2 applis à reconnecter,
//! 1 expire dans 9 jours", then a link to each one's row, which moves focus to where it
//! is acted on (its Reconnecter button once expired, its Lancer button when nobody
//! manages it, which says so and offers "Reprendre la gestion"; its ▼ menu before).
//! Aperçu and Applis du cabinet also say when an access review is due, to those who may
//! run one, with a link to Revue des accès.

use leptos::prelude::*;

use crate::domain::catalogue::product::Section;
use crate::domain::health::{self, Health};
use crate::domain::model::{Connection, Product};
use crate::domain::reviews;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::web::clock::now;
use crate::ui::web::dom;
use crate::ui::web::paths;

use super::actions::main_id;
use super::menu_id;
use crate::domain::i18n::args;

/// A connection needing attention: its label, and the id of the control to focus.
type Item = (String, String);

/// The most urgent first: those nobody manages, expired ones, then the soonest to expire.
fn urgency(h: Health) -> u32 {
    match h {
        Health::Unmanaged => 0,
        Health::Expired => 1,
        Health::ExpiresIn(n) => n + 1,
        Health::Active
        | Health::Suspended
        | Health::UpdatePending { .. }
        | Health::UpdateRefused { .. } => u32::MAX,
    }
}

#[component]
pub fn Attention(
    product: Product,
    rows: Memo<Vec<Connection>>,
    /// Whether the list says when an access review is due (Aperçu, Applis du cabinet).
    review: Signal<bool>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let review_due = Memo::new(move |_| {
        let actor = session.actor(product);
        review.get()
            && products
                .state(product)
                .with(|s| reviews::refusal(s, &actor).is_none() && reviews::is_due(s, now()))
    });
    let found = Memo::new(move |_| {
        products.catalogue.with_value(|cat| {
            products.state(product).with(|s| {
                let mut healths = Vec::new();
                let mut updates = false;
                let mut items: Vec<(u32, Item)> = Vec::new();
                rows.with(|rows| {
                    for c in rows {
                        let h = health::of(s, c, now());
                        // A suspension or a refused update is deliberate: nothing to
                        // warn about.
                        if matches!(
                            h,
                            Health::Active | Health::Suspended | Health::UpdateRefused { .. }
                        ) {
                            continue;
                        }
                        healths.push(h);
                        // Counted in the summary; acted on in Mises à jour, which the
                        // summary links to.
                        if h.is_update_pending() {
                            updates = true;
                            continue;
                        }
                        let label = lang.widgets_attention_item(args::WidgetsAttentionItem {
                            app: &cat.app_name(&c.app),
                            company: &s.company_name(&c.company),
                            state: &h.label(lang),
                        });

                        let target = if h.is_expired() || h.is_unmanaged() {
                            main_id(c)
                        } else {
                            menu_id(c)
                        };
                        items.push((urgency(h), (label, target)));
                    }
                });
                items.sort_by_key(|(u, _)| *u);
                let items: Vec<Item> = items.into_iter().map(|(_, i)| i).collect();
                health::attention(&healths, lang).map(|summary| (summary, items, updates))
            })
        })
    });
    let review_link = paths::href(&paths::section(product, Section::Review));
    let updates_link = paths::href(&paths::section(product, Section::Updates));
    move || {
        let due = review_due.get();
        let found = found.get();
        (due || found.is_some()).then(|| {
            let (summary, items, updates) = found.unwrap_or_default();
            let review_link = review_link.clone();
            let updates_link = updates_link.clone();
            view! {
                <div class="ma-message ma-message--warning ma-attention">
                    {(!summary.is_empty()).then(|| view! { <p class="ma-attention__summary"><strong>{summary}</strong></p> })}
                    {updates.then(|| view! { <p><a href=updates_link>{lang.updates_attention_link()}</a></p> })}
                    {due.then(|| view! {
                        <p class="ma-attention__summary">
                            <strong>{lang.reviews_attention()}</strong>" "
                            <a href=review_link>{lang.reviews_attention_link()}</a>
                        </p>
                    })}
                    {(!items.is_empty()).then(|| view! {
                        <ul class="ma-attention__list">
                            {items.into_iter().map(|(label, target)| view! { <li><AttentionLink label=label target=target/></li> }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

/// A link to a row's control: it moves focus there (the router would not move focus for
/// an in-page link).
#[component]
fn AttentionLink(label: String, target: String) -> impl IntoView {
    let href = format!("#{target}");
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(el) = dom::element(&target) {
            let _ = el.focus();
        }
    };
    view! { <a href=href on:click=go>{label}</a> }
}
