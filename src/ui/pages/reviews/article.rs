//! One connection of the review: `APP — COMPANY`, who manages it, its État, its last use,
//! what it reads, what is pointed out (as text, never a chosen answer), and the radio
//! group of the decisions the reviewer may take. A choice is saved at once.

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::health;
use crate::domain::i18n::Lang;
use crate::domain::model::review::Decision;
use crate::domain::model::{AppId, CompanyId, Product, ProductState, UserId};
use crate::domain::reviews::{self, Hint};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::clock::now;
use crate::ui::web::{dom, format};

/// What the article shows of the connection now; `None` once it is gone.
#[derive(Clone, Debug, PartialEq)]
struct Facts {
    manager: String,
    state: String,
    last_use: String,
    hints: Vec<String>,
    choices: Vec<Decision>,
}

fn hint_text(state: &ProductState, hint: &Hint, lang: Lang) -> String {
    match hint {
        Hint::Unused(n) => lang.reviews_hint_unused(n),
        Hint::ManagedByOther(Some(id)) => lang.reviews_hint_other(state.person(id, lang)),
        Hint::ManagedByOther(None) => lang.reviews_hint_nobody().to_string(),
        Hint::Expired => lang.reviews_hint_expired().to_string(),
        Hint::Suspended => lang.reviews_hint_suspended().to_string(),
    }
}

fn facts(
    state: &ProductState,
    actor: &UserId,
    (app, company): (&AppId, &CompanyId),
    lang: Lang,
) -> Option<Facts> {
    let c = state.connection(app, company)?;
    let days = reviews::days_unused(state, c, now());
    let last_use = if days == 0 {
        lang.reviews_last_use_today().to_string()
    } else {
        lang.reviews_last_use(days as usize)
    };
    Some(Facts {
        manager: state.manager_name(c.manager.as_ref(), lang),
        state: health::of(state, c, now()).label(lang),
        last_use,
        hints: reviews::hints(state, c, actor, now())
            .iter()
            .map(|h| hint_text(state, h, lang))
            .collect(),
        choices: reviews::choices(state, actor, app, company),
    })
}

#[component]
pub fn ReviewArticle(product: Product, app: AppId, company: CompanyId) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let status = use_status();
    let lang = use_lang();
    let (name, data) = products.catalogue.with_value(|cat| {
        let name = products
            .state(product)
            .with_untracked(|s| format!("{} — {}", cat.app_name(&app), s.company_name(&company)));
        let version = products
            .state(product)
            .with_untracked(|s| s.connection(&app, &company).map_or(1, |c| c.version));
        let data = cat
            .app(&app)
            .map(|d| d.reads_at(version))
            .unwrap_or_default();
        (name, data)
    });
    let key = (app.clone(), company.clone());
    let facts = Memo::new(move |_| {
        let actor = session.actor(product);
        products
            .state(product)
            .with(|s| facts(s, &actor, (&key.0, &key.1), lang))
    });
    let key = (app.clone(), company.clone());
    let decision = Memo::new(move |_| {
        products.state(product).with(|s| {
            reviews::under_way(s)
                .and_then(|r| r.item(&key.0, &key.1))
                .and_then(|i| i.decision)
        })
    });
    let heading = dom::unique_id("ma-revue-connexion");
    let group = heading.clone();
    let choose = Callback::new(move |d: Decision| {
        let command = Command::DecideReview {
            app: app.clone(),
            company: company.clone(),
            decision: d,
        };
        if let Err(e) = products.dispatch(product, command) {
            status.say(e.text(lang));
        }
    });
    let choices = Memo::new(move |_| facts.with(|f| f.as_ref().map(|f| f.choices.clone())));
    view! {
        <article class="ma-review__item" aria-labelledby=heading.clone()>
            <h3 id=heading.clone() class="ma-review__name">{name.clone()}</h3>
            {move || match facts.get() {
                None => view! { <p class="ma-message ma-message--info">{lang.reviews_gone()}</p> }.into_any(),
                Some(f) => view! {
                    <dl class="ma-details__list">
                        <dt>{lang.reviews_field_manager()}</dt><dd>{f.manager}</dd>
                        <dt>{lang.reviews_field_state()}</dt><dd>{f.state}</dd>
                    </dl>
                    <p>{f.last_use}</p>
                    {(!f.hints.is_empty()).then(|| view! {
                        <ul class="ma-review__hints">{f.hints.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
                    })}
                }.into_any(),
            }}
            <p class="ma-review__data">
                {lang.reviews_field_data()}" "<span lang=format::data_lang(lang)>{data.join(", ")}</span>
            </p>
            {move || choices.get().map(|list| {
                let group = group.clone();
                view! {
                    <div role="radiogroup" aria-labelledby=group.clone() class="ma-review__choices">
                        {list.into_iter().map(|d| {
                            let id = format!("{group}-{}", d.slug());
                            let label_for = id.clone();
                            view! {
                                <label for=label_for class="ma-radio">
                                    <input
                                        type="radio"
                                        id=id
                                        name=group.clone()
                                        value=d.slug()
                                        prop:checked=move || decision.get() == Some(d)
                                        on:change=move |_| choose.run(d)
                                    />
                                    {d.label(lang)}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                }
            })}
        </article>
    }
}
