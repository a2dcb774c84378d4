//! The banner of storage problems and of changes made in another tab, each with the
//! actions that make sense: download the unreadable data, start over, reload, save again.

use leptos::prelude::*;

use crate::domain::model::Product;
use crate::storage::store::StorageIssue;

use super::events::download;
use super::state::{use_app, Notice};

#[component]
pub fn Banner() -> impl IntoView {
    let app = use_app();
    let visible = move || {
        app.notices
            .get()
            .into_iter()
            .filter(|n| !matches!(n, Notice::Storage(StorageIssue::Held { .. })))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="ma-banner">
            <For each=visible key=|n| format!("{n:?}") children=move |n| view! { <NoticeView notice=n/> }/>
        </div>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let app = use_app();
    let dismiss = {
        let notice = notice.clone();
        move |_| app.dismiss(&notice)
    };
    let reload = |_| {
        let _ = window().location().reload();
    };
    let (text, kind, actions) = match &notice {
        Notice::Storage(StorageIssue::Unreadable { product, .. }) => {
            let product = *product;
            let save = move |_| {
                if let Some(raw) = app.unreadable(product) {
                    let name = format!("mes-apps-{}-illisible.txt", product.slug());
                    if !download(&name, &raw, "text/plain;charset=utf-8") {
                        app.status
                            .set("Le navigateur a refusé le téléchargement.".into());
                    }
                }
            };
            let start_over = move |_| {
                if app.start_over(product).is_ok() {
                    app.status.set(format!(
                        "{} repart des données de démonstration.",
                        product.label()
                    ));
                }
            };
            (
                notice_text(&notice),
                "error",
                view! {
                    <button type="button" class="ma-button" on:click=save>"Télécharger les données illisibles"</button>
                    <button type="button" class="ma-button" on:click=start_over>"Recommencer avec la démo"</button>
                    <button type="button" class="ma-button" on:click=reload>"Recharger"</button>
                }
                .into_any(),
            )
        }
        Notice::Storage(StorageIssue::Full { product } | StorageIssue::Failed { product, .. }) => {
            let product: Product = *product;
            (
                notice_text(&notice),
                "warning",
                view! {
                    <button type="button" class="ma-button" on:click=move |_| app.retry_save(product)>"Réessayer l'enregistrement"</button>
                    <button type="button" class="ma-button" on:click=dismiss.clone()>"Fermer"</button>
                }
                .into_any(),
            )
        }
        Notice::Storage(StorageIssue::CatalogueChanged { .. }) => (
            notice_text(&notice),
            "info",
            view! { <button type="button" class="ma-button" on:click=dismiss.clone()>"Fermer"</button> }.into_any(),
        ),
        _ => (
            notice_text(&notice),
            if matches!(notice, Notice::OtherTab { .. }) {
                "info"
            } else {
                "warning"
            },
            view! {
                <button type="button" class="ma-button" on:click=reload>"Recharger"</button>
                <button type="button" class="ma-button" on:click=dismiss.clone()>"Fermer"</button>
            }
            .into_any(),
        ),
    };
    let dropped = match &notice {
        Notice::OtherTab { dropped: list, .. }
        | Notice::Storage(StorageIssue::CatalogueChanged { changes: list, .. })
            if !list.is_empty() =>
        {
            Some(view! {
                <ul>{list.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
            })
        }
        _ => None,
    };
    view! {
        <div class=format!("ma-notice ma-notice--{kind}") role="alert">
            <p class="ma-notice__text">{text}</p>
            {dropped}
            <div class="ma-notice__actions">{actions}</div>
        </div>
    }
}

fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::Storage(issue) => issue.to_string(),
        Notice::OtherTab { product, dropped } if dropped.is_empty() => format!(
            "Les données de {} ont été modifiées dans un autre onglet : cette page les affiche à jour.",
            product.label()
        ),
        Notice::OtherTab { product, .. } => format!(
            "Les données de {} ont été modifiées dans un autre onglet. Certaines de vos actions non enregistrées ne s'appliquaient plus :",
            product.label()
        ),
    }
}
