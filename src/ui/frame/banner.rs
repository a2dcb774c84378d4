//! The banner of storage problems and of changes made in another tab, each with the
//! actions that make sense: download the unreadable data, start over, reload, save again.

use leptos::prelude::*;

use crate::domain::i18n::Lang;
use crate::domain::model::Product;

use crate::storage::store::StorageIssue;
use crate::ui::state::notices::{use_notices, Notice};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;
use crate::ui::web::download::download;

#[component]
pub fn Banner() -> impl IntoView {
    let notices = use_notices();
    // Saving held back while unreadable data is kept is said by the unreadable notice.
    let visible = move || {
        notices
            .list()
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

/// How a notice looks: "error", "warning" or "info".
fn tone(notice: &Notice) -> &'static str {
    match notice {
        Notice::Storage(StorageIssue::Unreadable { .. }) => "error",
        Notice::Storage(StorageIssue::CatalogueChanged { .. }) | Notice::OtherTab { .. } => "info",
        Notice::Storage(_) => "warning",
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let lines: Vec<String> = match &notice {
        Notice::OtherTab { dropped, .. } => dropped.iter().map(|e| e.text(use_lang())).collect(),
        Notice::Storage(StorageIssue::CatalogueChanged { changes, .. }) => {
            changes.iter().map(|c| c.text(use_lang())).collect()
        }
        _ => Vec::new(),
    };
    let dropped = (!lines.is_empty()).then(|| {
        view! { <ul>{lines.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> }
    });
    let (class, text) = (
        format!("ma-notice ma-notice--{}", tone(&notice)),
        notice_text(&notice, use_lang()),
    );
    view! {
        <div class=class role="alert">
            <p class="ma-notice__text">{text}</p>
            {dropped}
            <div class="ma-notice__actions"><Actions notice=notice/></div>
        </div>
    }
}

/// The notice's buttons.
#[component]
fn Actions(notice: Notice) -> impl IntoView {
    let notices = use_notices();
    let products = use_products();
    let lang = use_lang();
    let dismiss = {
        let notice = notice.clone();
        move |_| notices.dismiss(&notice)
    };
    let reload = |_| {
        let _ = window().location().reload();
    };
    match notice {
        Notice::Storage(StorageIssue::Unreadable { product, .. }) => {
            view! { <UnreadableActions product=product/> }.into_any()
        }
        Notice::Storage(StorageIssue::Full { product } | StorageIssue::Failed { product, .. }) => {
            view! {
                <button type="button" class="ma-button" on:click=move |_| products.retry_save(product)>{lang.ctl_retry_save()}</button>
                <button type="button" class="ma-button" on:click=dismiss>{lang.ctl_close()}</button>
            }
            .into_any()
        }
        Notice::Storage(StorageIssue::CatalogueChanged { .. }) => {
            view! { <button type="button" class="ma-button" on:click=dismiss>{lang.ctl_close()}</button> }
                .into_any()
        }
        _ => view! {
            <button type="button" class="ma-button" on:click=reload>{lang.ctl_reload()}</button>
            <button type="button" class="ma-button" on:click=dismiss>{lang.ctl_close()}</button>
        }
        .into_any(),
    }
}

/// Unreadable data: download it, start over with the demo, or reload.
#[component]
fn UnreadableActions(product: Product) -> impl IntoView {
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    let save = move |_| {
        if let Some(raw) = products.unreadable(product) {
            let name = format!("mes-apps-{}-illisible.txt", product.slug());
            if !download(&name, &raw, "text/plain;charset=utf-8") {
                status.say(lang.frame_download_refused());
            }
        }
    };
    let start_over = move |_| {
        if products.start_over(product).is_ok() {
            status.say(lang.frame_started_over(product.label()));
        }
    };
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <button type="button" class="ma-button" on:click=save>{lang.ctl_download_unreadable()}</button>
        <button type="button" class="ma-button" on:click=start_over>{lang.ctl_start_over_demo()}</button>
        <button type="button" class="ma-button" on:click=reload>{lang.ctl_reload()}</button>
    }
}

fn notice_text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::Storage(issue) => issue.text(lang),
        Notice::OtherTab { product, dropped } if dropped.is_empty() => {
            lang.frame_other_tab_updated(product.label())
        }
        Notice::OtherTab { product, .. } => lang.frame_other_tab_dropped(product.label()),
    }
}
