//! The header: the product and company shown, the main links, the Démo area (its date,
//! its clock and its reset), and the Produit and Utilisateur controls. Both controls go through the leave guard: with
//! unsaved settings they ask first, and show the current choice until the user answers.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::i18n::Lang;
use crate::domain::model::{Product, UserId};
use crate::ui::state::leave::Leave;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_product, use_session};
use crate::ui::web::paths;

use super::demo_clock::DemoArea;
use super::leave_dialog::use_guarded_leave;

#[component]
pub fn Header() -> impl IntoView {
    let products = use_products();
    let product = use_product();
    let lang = use_lang();
    let company = move || {
        products
            .state(product.get())
            .with(|s| s.home_company().map(|c| c.name.clone()))
            .unwrap_or_default()
    };
    view! {
        <header class="ma-header">
            <div class="ma-header__inner">
                <span class="ma-brand">
                    <span class="ma-brand__logo" aria-hidden="true"></span>
                    <span class="ma-brand__text">
                        <span class="ma-brand__product">{move || product.get().label()}</span>
                        <span class="ma-brand__company">{company}</span>
                    </span>
                </span>
                <nav class="ma-nav" aria-label=lang.ctl_main_navigation()>
                    <A href=paths::href("/") exact=true attr:class="ma-nav__link">{lang.ctl_home()}</A>
                    <A href=move || paths::href(&paths::mes_apps(product.get())) attr:class="ma-nav__link">
                        {lang.ctl_mes_apps()}
                    </A>
                    <A href=move || paths::href(&paths::users(product.get())) attr:class="ma-nav__link">
                        {lang.users_ctl_title()}
                    </A>
                </nav>
                <DemoArea/>
                <div class="ma-header__controls">
                    <ProductControl/>
                    <UserControl/>
                    <LangControl/>
                </div>
            </div>
        </header>
    }
}

/// "Produit": opens the chosen product's first section.
#[component]
fn ProductControl() -> impl IntoView {
    let product = use_product();
    let lang = use_lang();
    let leave = use_guarded_leave();
    let on_change = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        if let Some(p) = Product::from_slug(&select.value()) {
            if !leave(Leave::Navigate(paths::default_section(p))) {
                // The product shown stays shown while the leave question waits.
                select.set_value(product.get_untracked().slug());
            }
        }
    };
    view! {
        <div class="ma-field ma-field--inline">
            <label for="ma-produit">{lang.ctl_product()}</label>
            <select id="ma-produit" on:change=on_change>
                {Product::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <option value=p.slug() prop:selected=move || product.get() == p>
                                {p.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// "Langue": the interface's language, Français or English, each named in itself.
#[component]
fn LangControl() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let leave = use_guarded_leave();
    let on_change = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        if let Some(l) = Lang::from_code(&select.value()) {
            if !leave(Leave::SwitchLang(l)) {
                select.set_value(session.lang_untracked().code());
            }
        }
    };
    view! {
        <div class="ma-field ma-field--inline">
            <label for="ma-langue">{lang.control_language()}</label>
            <select id="ma-langue" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code() selected=l == lang>{l.name()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// "Utilisateur": who acts in the current product, each with their role.
#[component]
fn UserControl() -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let product = use_product();
    let lang = use_lang();
    let leave = use_guarded_leave();
    let on_change = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let p = product.get_untracked();
        if !leave(Leave::SwitchUser {
            product: p,
            user: UserId::new(select.value()),
        }) {
            // The acting user stays shown while the leave question waits.
            select.set_value(session.actor_untracked(p).as_str());
        }
    };
    // Rebuilt when the acting user changes. `prop:selected` rather than the attribute: the
    // attribute no longer moves the choice once the user has changed it.
    let options = move || {
        let p = product.get();
        let actor = session.actor(p);
        products.state(p).with(|s| {
            s.users
                .iter()
                .map(|u| {
                    let selected = u.id == actor;
                    view! { <option value=u.id.to_string() prop:selected=selected>{u.label(use_lang())}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="ma-field ma-field--inline">
            <label for="ma-utilisateur">{lang.ctl_user()}</label>

            <select id="ma-utilisateur" on:change=on_change>{options}</select>
        </div>
    }
}
