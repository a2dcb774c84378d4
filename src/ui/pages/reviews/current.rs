//! The review under way: when it started, how far it has got, the Afficher filter, one
//! article per connection, and the buttons that apply the decisions (once each
//! connection has one) or abandon the review.

use leptos::prelude::*;

use crate::domain::i18n::args;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::reviews::{self, Show};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::clock::now;
use crate::ui::web::format;
use crate::ui::widgets::filter_select::FilterSelect;

use super::abandon::AbandonButton;
use super::apply::ApplyDialog;
use super::article::ReviewArticle;

/// The progress line, focused when the review starts.
pub const PROGRESS_ID: &str = "ma-revue-progression";
const LEFT_ID: &str = "ma-revue-reste";

type Key = (AppId, CompanyId);

#[component]
pub fn CurrentReview(product: Product) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    // (examined, total, started)
    let progress = Memo::new(move |_| {
        products.state(product).with(|s| {
            reviews::under_way(s).map_or((0, 0, None), |r| {
                let (done, total) = reviews::progress(s, r);
                (done, total, Some(r.started))
            })
        })
    });
    let show = RwSignal::new(Show::All);
    // The articles shown, chosen when the filter changes: a decision taken under "À
    // examiner" leaves its article in place, so that focus stays where it is.
    let shown = RwSignal::new(Vec::<Key>::new());
    let pick = move |show: Show| {
        let keys = products.state(product).with_untracked(|s| {
            reviews::under_way(s).map_or_else(Vec::new, |r| {
                r.items
                    .iter()
                    .filter(|i| show.shows(s, i, now()))
                    .map(|i| (i.app.clone(), i.company.clone()))
                    .collect()
            })
        });
        shown.set(keys);
    };
    pick(Show::All);
    let on_show = Callback::new(move |v: Option<String>| {
        let s = v.and_then(|v| Show::from_slug(&v)).unwrap_or_default();
        show.set(s);
        pick(s);
    });
    let options: Vec<(String, String)> = [Show::ToExamine, Show::Unused]
        .into_iter()
        .map(|s| (s.slug().to_string(), s.label(lang).to_string()))
        .collect();
    let applying = RwSignal::new(false);
    let close = Callback::new(move |_| applying.set(false));
    let left = move || {
        let (done, total, _) = progress.get();
        total - done
    };
    let undecided = move || left() != 0;
    view! {
        <div class="ma-review">
            {move || progress.get().2.map(|at| view! { <p>{lang.reviews_started_on(format::date_time(lang, at))}</p> })}
            <p id=PROGRESS_ID class="ma-review__progress" tabindex="-1" aria-live="polite">
                {move || {
                    let (done, total, _) = progress.get();
                    lang.reviews_progress(args::ReviewsProgress { done: &done, total: &total })
                }}
            </p>
            <div class="ma-filters">
                <FilterSelect
                    id="ma-revue-afficher"
                    label=lang.reviews_control_show()
                    all=lang.reviews_control_show_all()
                    options=options
                    current=Signal::derive(move || (show.get() != Show::All).then(|| show.get().slug().to_string()))
                    on_change=on_show
                />
            </div>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="ma-message ma-message--info">{lang.reviews_none_shown()}</p>
            </Show>
            <ol class="ma-review__items">
                <For each=move || shown.get() key=|k| k.clone() let((app, company))>
                    <li><ReviewArticle product=product app=app company=company/></li>
                </For>
            </ol>
            <div class="ma-toolbar">
                <button
                    type="button"
                    class="ma-button ma-button--primary"
                    disabled=undecided
                    aria-describedby=LEFT_ID
                    on:click=move |_| applying.set(true)
                >
                    {lang.reviews_control_apply()}
                </button>
                <AbandonButton product=product/>
            </div>
            <p id=LEFT_ID class="ma-field__hint">
                {move || undecided().then(|| lang.reviews_error_undecided(left()))}
            </p>
            <Show when=move || applying.get()>
                <ApplyDialog product=product on_close=close/>
            </Show>
        </div>
    }
}
