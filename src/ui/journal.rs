//! The journal: every connection, installation, transfer, settings change and
//! disconnection, newest first, with who, when, which company and the details. Filters by
//! app, kind and (Expert-Comptable) client live in the URL.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::journal::{Event, EventKind, JournalEntry, JournalFilter};
use crate::domain::model::{AppId, CompanyId, Product, ProductState};
use crate::domain::queries;

use super::filter_select::FilterSelect;
use super::format;
use super::shell::use_product;
use super::state::use_app;

const PAGE: usize = 50;

fn query_string(pairs: &[(&str, Option<String>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| {
            v.as_ref()
                .filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", super::paths::encode(v)))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let app = use_app();
    let product = use_product();
    let query = use_query_map();
    let navigate = use_navigate();
    let get = move |k: &'static str| {
        Memo::new(move |_| query.with(|q| q.get(k)).filter(|v| !v.is_empty()))
    };
    let (app_q, kind_q, client_q) = (get("appli"), get("type"), get("client"));
    let filter = Memo::new(move |_| JournalFilter {
        app: app_q.get().map(AppId::new),
        kind: kind_q.get().and_then(|k| EventKind::from_slug(&k)),
        company: client_q.get().map(CompanyId::new),
    });
    let shown = RwSignal::new(PAGE);
    let entries = Memo::new(move |_| {
        let p = product.get();
        let actor = app.actor(p);
        let f = filter.get();
        app.state(p).with(|s| {
            queries::journal(s, &actor, &f)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move || {
        filter.track();
        shown.set(PAGE);
    });
    let set = move |key: &'static str, value: String| {
        let mut pairs = vec![
            ("appli", app_q.get_untracked()),
            ("type", kind_q.get_untracked()),
            ("client", client_q.get_untracked()),
        ];
        for p in &mut pairs {
            if p.0 == key {
                p.1 = Some(value.clone());
            }
        }
        let path = format!(
            "{}{}",
            super::paths::journal(product.get_untracked(), None, None),
            query_string(&pairs)
        );
        navigate(&path, Default::default());
    };
    // The apps and clients that appear in what the user may read.
    let choices = Memo::new(move |_| {
        let p = product.get();
        let actor = app.actor(p);
        app.catalogue.with_value(|cat| {
            app.state(p).with(|s| {
                let all = queries::journal(s, &actor, &JournalFilter::default());
                let mut apps: Vec<(String, String)> = all
                    .iter()
                    .map(|e| (e.app.to_string(), cat.app_name(&e.app).to_string()))
                    .collect();
                apps.sort_by(|a, b| a.1.cmp(&b.1));
                apps.dedup();
                let clients: Vec<(String, String)> = s
                    .user(&actor)
                    .map(|u| {
                        queries::accessible_clients(s, u)
                            .into_iter()
                            .map(|c| (c.id.to_string(), c.name.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                (apps, clients)
            })
        })
    });
    let filter = |key: &'static str| {
        let set = set.clone();
        Callback::new(move |v: Option<String>| set(key, v.unwrap_or_default()))
    };
    let (on_app, on_kind, on_client) = (filter("appli"), filter("type"), filter("client"));
    let kinds = Signal::derive(move || {
        EventKind::ALL
            .into_iter()
            .filter(|k| match product.get() {
                Product::QuickBooks => *k != EventKind::Installation,
                Product::ExpertComptable => *k != EventKind::Connection,
            })
            .map(|k| (k.slug().to_string(), k.label().to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <h2 id="ma-section-title" tabindex="-1">"Journal"</h2>
        <p class="ma-lead">"Tout ce qui a été fait sur les applis : connexions, installations, transferts, paramètres et déconnexions."</p>
        <div class="ma-filters">
            <FilterSelect
                id="ma-journal-appli"
                label="Appli"
                all="Toutes les applis"
                options=Signal::derive(move || choices.get().0)
                current=app_q
                on_change=on_app
            />
            <FilterSelect id="ma-journal-type" label="Type" all="Tous les types" options=kinds current=kind_q on_change=on_kind/>
            <Show when=move || product.get() == Product::ExpertComptable>
                <FilterSelect
                    id="ma-journal-client"
                    label="Client"
                    all="Tous les clients"
                    options=Signal::derive(move || choices.get().1)
                    current=client_q
                    on_change=on_client
                />
            </Show>
        </div>
        <p class="ma-search__count" role="status">
            {move || match entries.with(Vec::len) {
                0 => "Aucune entrée".to_string(),
                1 => "1 entrée".to_string(),
                n => format!("{n} entrées"),
            }}
        </p>
        // No empty list for "Aucune entrée": a screen reader would announce a list of 0 items.
        <Show when=move || entries.with(|e| !e.is_empty())>
            <ol class="ma-journal">
                <For
                    each=move || entries.with(|e| e.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    key=|e| e.seq
                    children=move |e| view! { <Entry entry=e product=product.get_untracked()/> }
                />
            </ol>
        </Show>
        <Show when=move || shown.get() < entries.with(Vec::len)>
            <button type="button" class="ma-button" on:click=move |_| shown.update(|n| *n += PAGE)>
                "Afficher plus"
            </button>
        </Show>
    }
}

fn details(
    s: &ProductState,
    cat: &crate::domain::catalogue::Catalogue,
    e: &JournalEntry,
) -> Vec<String> {
    match &e.event {
        Event::Connection | Event::Installation => Vec::new(),
        Event::Transfer { from, to } => vec![format!(
            "Gestion transférée de {} à {}",
            s.user_name(from),
            s.user_name(to)
        )],
        Event::SettingsChange { changes } => {
            let def = cat.app(&e.app);
            changes
                .iter()
                .map(|c| {
                    let sdef = def.and_then(|d| d.setting(&c.key));
                    let label = sdef
                        .map(|d| d.label.clone())
                        .unwrap_or_else(|| c.key.clone());
                    let from = c
                        .from
                        .as_ref()
                        .map(|v| v.display(sdef))
                        .unwrap_or_else(|| "(aucun)".into());
                    format!("{label} : {from} → {}", c.to.display(sdef))
                })
                .collect()
        }
        Event::Disconnection { answers } => vec![format!("Raison : {}", answers.summary())],
    }
}

#[component]
fn Entry(entry: JournalEntry, product: Product) -> impl IntoView {
    let app = use_app();
    let (who, company, app_name, lines) = app.catalogue.with_value(|cat| {
        app.state(product).with_untracked(|s| {
            (
                s.user_name(&entry.actor).to_string(),
                s.company_name(&entry.company).to_string(),
                cat.app_name(&entry.app).to_string(),
                details(s, cat, &entry),
            )
        })
    });
    let kind = entry.event.kind();
    view! {
        <li class=format!("ma-journal__entry ma-journal__entry--{}", kind.slug())>
            <p class="ma-journal__head">
                <span class="ma-tag">{kind.label()}</span>
                <strong>{app_name}</strong>
                {format!(" · {company}")}
            </p>
            <p class="ma-journal__meta">
                {format!("Par {who}, le ")}
                <time datetime=format::iso(entry.at)>{format::date_time(entry.at)}</time>
            </p>
            {(!lines.is_empty()).then(|| view! { <ul class="ma-journal__details">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })}
        </li>
    }
}
