//! Rechercher des applis: a search box that filters as you type (case and accents
//! ignored), a Catégorie filter, the count, and results as links to each app's page. The
//! query and the category live in the URL: a search can be bookmarked, and Back restores it.
//! At most `PAGE` results are put in the page at a time ("Afficher plus" adds more).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::catalogue::Category;
use crate::domain::model::Product;
use crate::domain::queries;
use crate::domain::search::{Searcher, QUERY_MAX};
use crate::domain::text::char_len;

use super::filter_select::FilterSelect;
use super::paths;
use super::shell::use_product;
use super::state::use_app;

/// Results rendered at a time: about three screens of cards on a desktop.
pub const PAGE: usize = 24;

/// How long typing must pause before the address follows the box.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

#[component]
pub fn SearchPage() -> impl IntoView {
    let app = use_app();
    let product = use_product();
    let query = use_query_map();
    let navigate = use_navigate();
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
    // "Afficher plus" adds pages to the search it was pressed for; another search starts
    // from one page again, in the same render (no second pass).
    let more = RwSignal::new((String::new(), None::<Category>, 0usize));
    let shown = Memo::new(move |_| {
        let key = (text.get(), category.get());
        more.with(|(q, c, n)| {
            if (q, c) == (&key.0, &key.1) {
                PAGE * (1 + n)
            } else {
                PAGE
            }
        })
    });
    // Typing usually extends the query: the searcher then filters its last matches.
    let searcher = StoredValue::new(Searcher::default());
    let results = Memo::new(move |_| {
        let (q, c, p) = (text.get(), category.get(), product.get());
        app.catalogue
            .with_value(|cat| searcher.try_update_value(|s| s.search(cat, p, &q, c)))
            .unwrap_or_default()
    });
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
    on_cleanup(move || {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    });
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            text.set(event_target_value(&ev));
            if let Some(h) = pending.try_update_value(Option::take).flatten() {
                h.clear();
            }
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
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        go(
            &text.get_untracked(),
            value.and_then(|v| Category::from_slug(&v)),
        )
    });
    let categories = Memo::new(move |_| app.catalogue.with_value(|c| c.categories(product.get())));
    let count = move || {
        let n = results.with(Vec::len);
        match n {
            0 => "Aucune appli trouvée".to_string(),
            1 => "1 appli trouvée".to_string(),
            n => format!("{n} applis trouvées"),
        }
    };
    let page = move || {
        let n = shown.get();
        results.with(|r| r.iter().take(n).copied().collect::<Vec<_>>())
    };
    view! {
        <h2 id="ma-section-title" tabindex="-1">"Rechercher des applis"</h2>
        <form class="ma-search" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="ma-field ma-search__query">
                <label for="ma-recherche">"Rechercher des applis"</label>
                <input
                    id="ma-recherche"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength=QUERY_MAX.to_string()
                    placeholder="Nom, éditeur, usage…"
                    aria-describedby="ma-recherche-aide"
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <p id="ma-recherche-aide" class="ma-field__hint">
                    {move || {
                        if char_len(&text.get()) >= QUERY_MAX {
                            format!("La recherche tient en {QUERY_MAX} caractères au maximum.")
                        } else {
                            "Les majuscules et les accents ne comptent pas.".to_string()
                        }
                    }}
                </p>
            </div>
            <FilterSelect
                id="ma-categorie"
                label="Catégorie"
                all="Toutes les catégories"
                options=Signal::derive(move || {
                    categories.get().into_iter().map(|c| (c.slug().to_string(), c.label().to_string())).collect()
                })
                current=Signal::derive(move || category.get().map(|c| c.slug().to_string()))
                on_change=on_category
            />
        </form>
        <p class="ma-search__count" role="status">{count}</p>
        <Show
            when=move || results.with(|r| !r.is_empty())
            fallback=move || {
                view! {
                    <div class="ma-empty">
                        <p>"Aucune appli ne correspond à cette recherche. Vérifiez l'orthographe, essayez un autre mot ou une autre catégorie."</p>
                    </div>
                }
            }
        >
            <ul class="ma-results">
                <For each=page key=|i| *i children=move |i| view! { <ResultCard index=i product=product.get_untracked()/> }/>
            </ul>
            <Show when=move || shown.get() < results.with(Vec::len)>
                <button type="button" class="ma-button ma-results__more" on:click=move |_| {
                    let (q, c) = (text.get_untracked(), category.get_untracked());
                    more.update(|m| {
                        let n = if (&m.0, &m.1) == (&q, &c) { m.2 + 1 } else { 1 };
                        *m = (q, c, n);
                    });
                }>
                    {move || format!("Afficher plus ({} sur {})", shown.get().min(results.with(Vec::len)), results.with(Vec::len))}
                </button>
            </Show>
        </Show>
    }
}

/// One result: the app's name as a link to its page, its publisher, category and tagline.
#[component]
fn ResultCard(index: usize, product: Product) -> impl IntoView {
    let app = use_app();
    // Only what the card shows: a page of results is rebuilt as the user types.
    let Some((id, name, category, publisher, tagline)) = app.catalogue.with_value(|c| {
        c.apps().get(index).map(|a| {
            (
                a.id.clone(),
                a.name.clone(),
                a.category.label(),
                a.publisher.clone(),
                a.tagline.clone(),
            )
        })
    }) else {
        return ().into_any();
    };
    let href = paths::href(&paths::app(product, &id));
    // Only where the acting user may look: other clients' installations are not theirs to see.
    let connected = Memo::new(move |_| {
        let actor = app.actor(product);
        app.state(product)
            .with(|s| queries::app_connections(s, &actor, &id).len())
    });
    view! {
        <li class="ma-result">
            <div class="ma-result__head">
                <a href=href class="ma-result__name">{name}</a>
                <span class="ma-tag">{category}</span>
                {move || {
                    let n = connected.get();
                    (n > 0).then(|| {
                        let text = match product {
                            Product::QuickBooks => "Connectée".to_string(),
                            Product::ExpertComptable if n == 1 => "Installée 1 fois".to_string(),
                            Product::ExpertComptable => format!("Installée {n} fois"),
                        };
                        view! {
                            <span class="ma-visually-hidden">", "</span>
                            <span class="ma-badge ma-badge--ok">{text}</span>
                        }
                    })
                }}
            </div>
            <p class="ma-result__publisher">{format!("Par {publisher}")}</p>
            <p class="ma-result__tagline">{tagline}</p>
        </li>
    }
    .into_any()
}
