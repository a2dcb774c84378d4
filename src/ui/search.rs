//! Rechercher des applis: a search box that filters as you type (case and accents
//! ignored), a Catégorie filter, the count, and results as links to each app's page. The
//! query and the category live in the URL: a search can be bookmarked, and Back restores it.
//! At most `PAGE` results are put in the page at a time ("Afficher plus" adds more).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::catalogue::Category;
use crate::domain::model::Product;
use crate::domain::queries;
use crate::domain::search::{Searcher, QUERY_MAX};
use crate::domain::text::char_len;

use super::paths;
use super::shell::use_product;
use super::state::use_app;

/// Results rendered at a time.
pub const PAGE: usize = 50;

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
    let shown = RwSignal::new(PAGE);
    // Typing usually extends the query: the searcher then filters its last matches.
    let searcher = StoredValue::new(Searcher::default());
    let results = Memo::new(move |_| {
        let (q, c, p) = (q.get(), category.get(), product.get());
        app.catalogue
            .with_value(|cat| searcher.try_update_value(|s| s.search(cat, p, &q, c)))
            .unwrap_or_default()
    });
    // A new search starts from the first page again.
    Effect::new(move || {
        results.track();
        shown.set(PAGE);
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
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| go(&event_target_value(&ev), category.get_untracked())
    };
    let on_category = move |ev: leptos::ev::Event| {
        go(
            &q.get_untracked(),
            Category::from_slug(&event_target_value(&ev)),
        )
    };
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
                    prop:value=move || q.get()
                    on:input=on_input
                />
                <p id="ma-recherche-aide" class="ma-field__hint">
                    {move || {
                        if char_len(&q.get()) >= QUERY_MAX {
                            format!("La recherche tient en {QUERY_MAX} caractères au maximum.")
                        } else {
                            "Les majuscules et les accents ne comptent pas.".to_string()
                        }
                    }}
                </p>
            </div>
            <div class="ma-field">
                <label for="ma-categorie">"Catégorie"</label>
                <select id="ma-categorie" on:change=on_category>
                    <option value="" selected=move || category.get().is_none()>"Toutes les catégories"</option>
                    {move || {
                        categories
                            .get()
                            .into_iter()
                            .map(|c| view! { <option value=c.slug() selected=move || category.get() == Some(c)>{c.label()}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
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
                <button type="button" class="ma-button ma-results__more" on:click=move |_| shown.update(|n| *n += PAGE)>
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
    let Some(def) = app.catalogue.with_value(|c| c.apps().get(index).cloned()) else {
        return ().into_any();
    };
    let id = def.id.clone();
    // Only where the acting user may look: other clients' installations are not theirs to see.
    let connected = Memo::new(move |_| {
        let actor = app.actor(product);
        app.state(product)
            .with(|s| queries::app_connections(s, &actor, &id).len())
    });
    view! {
        <li class="ma-result">
            <div class="ma-result__head">
                <A href=paths::app(product, &def.id) attr:class="ma-result__name">{def.name.clone()}</A>
                <span class="ma-tag">{def.category.label()}</span>
                {move || {
                    let n = connected.get();
                    (n > 0).then(|| {
                        let text = match product {
                            Product::QuickBooks => "Connectée".to_string(),
                            Product::ExpertComptable if n == 1 => "Installée 1 fois".to_string(),
                            Product::ExpertComptable => format!("Installée {n} fois"),
                        };
                        view! { <span class="ma-badge ma-badge--ok">{text}</span> }
                    })
                }}
            </div>
            <p class="ma-result__publisher">{format!("Par {}", def.publisher)}</p>
            <p class="ma-result__tagline">{def.tagline.clone()}</p>
        </li>
    }
    .into_any()
}
