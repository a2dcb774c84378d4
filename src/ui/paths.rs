//! The app's URLs, in one place. Every path is absolute from the app's root; the router
//! adds the base path when the app is served under a sub-path.

use std::sync::OnceLock;

use leptos::prelude::{document, window};

use crate::domain::catalogue::Category;
use crate::domain::journal::EventKind;
use crate::domain::model::{AppId, CompanyId, Product};

/// The path the app is served under ("" at the root): Trunk's public URL, which the release
/// build keeps in `<meta name="mes-apps-base">` (its Content-Security-Policy refuses a
/// `<base>` element) and the development build in `<base href>`.
fn base_path() -> Option<String> {
    let doc = document();
    let href = doc
        .query_selector("meta[name=mes-apps-base]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .or_else(|| {
            doc.query_selector("base[href]")
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("href"))
        })?;
    let origin = window().location().origin().ok()?;
    let url = web_sys::Url::new_with_base(&href, &origin).ok()?;
    let path = url.pathname().trim_end_matches('/').to_string();
    (!path.is_empty()).then_some(path)
}

/// The base path, read once.
pub fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| base_path().unwrap_or_default())
}

/// A path of the app as a link's `href` needs it, base path included: for plain `<a>`
/// and for the router's `<A>` alike (which adds the base path to relative links only).
/// `navigate` takes the path without it.
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

pub fn mes_apps(product: Product) -> String {
    format!("/{}/mes-apps", product.slug())
}

/// The section a product opens on: Aperçu, or Applis du cabinet.
pub fn default_section(product: Product) -> String {
    match product {
        Product::QuickBooks => overview(),
        Product::ExpertComptable => firm(),
    }
}

pub fn overview() -> String {
    format!("{}/apercu", mes_apps(Product::QuickBooks))
}

pub fn firm() -> String {
    format!("{}/cabinet", mes_apps(Product::ExpertComptable))
}

pub fn clients(client: Option<&CompanyId>) -> String {
    let base = format!("{}/clients", mes_apps(Product::ExpertComptable));
    match client {
        Some(c) => format!("{base}?client={}", encode(c.as_str())),
        None => base,
    }
}

pub fn search(product: Product, query: &str, category: Option<Category>) -> String {
    let mut params = Vec::new();
    if !query.is_empty() {
        params.push(format!("q={}", encode(query)));
    }
    if let Some(c) = category {
        params.push(format!("categorie={}", c.slug()));
    }
    let base = format!("{}/rechercher", mes_apps(product));
    if params.is_empty() {
        base
    } else {
        format!("{base}?{}", params.join("&"))
    }
}

pub fn app(product: Product, app: &AppId) -> String {
    format!("{}/applis/{}", mes_apps(product), encode(app.as_str()))
}

pub fn settings(product: Product, company: &CompanyId, app: &AppId) -> String {
    format!(
        "{}/connexions/{}/{}/parametres",
        mes_apps(product),
        encode(company.as_str()),
        encode(app.as_str())
    )
}

pub fn launch(product: Product, company: &CompanyId, app: &AppId) -> String {
    format!(
        "{}/connexions/{}/{}/lancer",
        mes_apps(product),
        encode(company.as_str()),
        encode(app.as_str())
    )
}

pub fn journal(product: Product, app: Option<&AppId>, kind: Option<EventKind>) -> String {
    let mut params = Vec::new();
    if let Some(a) = app {
        params.push(format!("appli={}", encode(a.as_str())));
    }
    if let Some(k) = kind {
        params.push(format!("type={}", k.slug()));
    }
    let base = format!("{}/journal", mes_apps(product));
    if params.is_empty() {
        base
    } else {
        format!("{base}?{}", params.join("&"))
    }
}

pub fn backup(product: Product) -> String {
    format!("{}/sauvegarde", mes_apps(product))
}

/// Percent-encodes a URL component, as the browser's `encodeURIComponent` does.
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
