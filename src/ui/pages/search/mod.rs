//! Rechercher des applis: a search box that filters as you type (case and accents
//! ignored), a Catégorie filter, the count, and results as links to each app's page. The
//! query and the category live in the URL: a search can be bookmarked, and Back restores it.
//! At most `PAGE` results are put in the page at a time ("Afficher plus" adds more).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

mod result_card;

use crate::domain::catalogue::Category;
use crate::domain::text::char_len;
use crate::domain::views::search::{Searcher, QUERY_MAX};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product};
use crate::ui::web::paths;
use crate::ui::widgets::filter_select::FilterSelect;

use crate::domain::i18n::args;
use result_card::ResultCard;

/// Results rendered at a time: about three screens of cards on a desktop.
pub const PAGE: usize = 24;

/// How long typing must pause before the address follows the box.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// The pages of results "Afficher plus" added, and the search it added them for: another
/// search starts from one page again, in the same render (no second pass).
#[derive(Clone, Default, PartialEq)]
struct More {
    query: String,
    category: Option<Category>,
    pages: usize,
}

impl More {
    /// How many results to show for this search.
    fn shown(&self, query: &str, category: Option<Category>) -> usize {
        if self.query == query && self.category == category {
            PAGE * (1 + self.pages)
        } else {
            PAGE
        }
    }

    /// One page more for this search.
    fn add(&mut self, query: String, category: Option<Category>) {
        let pages = if self.query == query && self.category == category {
            self.pages + 1
        } else {
            1
        };
        *self = More {
            query,
            category,
            pages,
        };
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| m.get("q").unwrap_or_default()));
    let category = Memo::new(move |_| {
        query
            .with(|m| m.get("categorie"))
            .and_then(|c| Category::from_slug(&c))
    });
    // What the box holds and what is searched, at each keystroke. The address follows once
    // typing pauses (a bookmark, Back and a reload give the search back), and an address
    // changed from outside (Back, a link) sets the box.
    let text = RwSignal::new(q.get_untracked());
    Effect::new(move || {
        let from_url = q.get();
        if from_url != text.get_untracked() {
            text.set(from_url);
        }
    });
    let more = RwSignal::new(More::default());
    let shown = Memo::new(move |_| more.with(|m| m.shown(&text.get(), category.get())));
    // Typing usually extends the query: the searcher then filters its last matches.
    let searcher = StoredValue::new(Searcher::default());
    let results = Memo::new(move |_| {
        let (q, c, p) = (text.get(), category.get(), product.get());
        products
            .catalogue
            .with_value(|cat| searcher.try_update_value(|s| s.search(cat, p, &q, c)))
            .unwrap_or_default()
    });
    // The first keystrokes would run the matching code for the first time, which the
    // browser runs slower than once it has seen it: run it once while the page is idle,
    // on a searcher of its own (the page may be gone by then: nothing is read from it).
    request_idle_callback(move || {
        let Some(p) = product.try_get_untracked() else {
            return;
        };
        products.catalogue.with_value(|cat| {
            let mut warm = Searcher::default();
            for q in ["e", "es", "a"] {
                std::hint::black_box(warm.search(cat, p, q, None));
            }
        });
    });
    let on_more = Callback::new(move |_| {
        more.update(|m| m.add(text.get_untracked(), category.get_untracked()))
    });
    view! {
        <h2 id="ma-section-title" tabindex="-1">{use_lang().ctl_search_apps()}</h2>
        <SearchForm text=text category=category/>
        <Results results=results shown=shown on_more=on_more/>
    }
}

/// The search box and the Catégorie filter; the address follows them.
#[component]
fn SearchForm(text: RwSignal<String>, category: Memo<Option<Category>>) -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let navigate = use_navigate();
    let lang = use_lang();
    let go = move |q: &str, c: Option<Category>| {
        navigate(
            &paths::search(product.get_untracked(), q, c),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    on_cleanup(cancel_pending);
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            text.set(event_target_value(&ev));
            cancel_pending();
            let go = go.clone();
            let handle = set_timeout_with_handle(
                move || {
                    pending.update_value(|p| *p = None);
                    go(&text.get_untracked(), category.get_untracked());
                },
                URL_DELAY,
            );
            pending.set_value(handle.ok());
        }
    };
    let on_category = Callback::new(move |value: Option<String>| {
        cancel_pending();
        go(
            &text.get_untracked(),
            value.and_then(|v| Category::from_slug(&v)),
        )
    });
    let categories = Signal::derive(move || {
        products.catalogue.with_value(|c| {
            c.categories(product.get())
                .into_iter()
                .map(|c| {
                    (
                        c.slug().to_string(),
                        c.label(crate::ui::state::session::use_lang()).to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <form class="ma-search" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="ma-field ma-search__query">
                <label for="ma-recherche">{lang.ctl_search_apps()}</label>
                <input
                    id="ma-recherche"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength=QUERY_MAX.to_string()
                    placeholder=lang.search_placeholder()
                    aria-describedby="ma-recherche-aide"
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <p id="ma-recherche-aide" class="ma-field__hint">
                    {move || {
                        if char_len(&text.get()) >= QUERY_MAX {
                            lang.search_too_long(QUERY_MAX)
                        } else {
                            lang.search_hint().to_string()
                        }
                    }}
                </p>
            </div>
            <FilterSelect
                id="ma-categorie"
                label=lang.ctl_category()
                all=lang.ctl_all_categories()
                options=categories
                current=Signal::derive(move || category.get().map(|c| c.slug().to_string()))
                on_change=on_category
            />
        </form>
    }
}

/// How many apps were found, a page of them, and "Afficher plus".
#[component]
fn Results(results: Memo<Vec<usize>>, shown: Memo<usize>, on_more: Callback<()>) -> impl IntoView {
    let product = use_product();
    let lang = use_lang();
    let found = move || match results.with(Vec::len) {
        0 => lang.search_none_found().to_string(),
        n => lang.search_found(n),
    };
    let page = move || {
        let n = shown.get();
        results.with(|r| r.iter().take(n).copied().collect::<Vec<_>>())
    };
    view! {
        <p class="ma-search__count" role="status">{found}</p>
        <Show
            when=move || results.with(|r| !r.is_empty())
            fallback=move || {
                view! {
                    <div class="ma-empty">
                        <p>{lang.search_no_match()}</p>
                    </div>
                }
            }
        >
            <ul class="ma-results">
                <For each=page key=|i| *i children=move |i| view! { <ResultCard index=i product=product.get_untracked()/> }/>
            </ul>
            <Show when=move || shown.get() < results.with(Vec::len)>
                <button type="button" class="ma-button ma-results__more" on:click=move |_| on_more.run(())>
                    {move || lang.ctl_show_more(args::CtlShowMore { shown: &shown.get().min(results.with(Vec::len)), total: &results.with(Vec::len) })}

                </button>
            </Show>
        </Show>
    }
}
