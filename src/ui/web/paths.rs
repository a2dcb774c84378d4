//! The app's URLs, in one place. Every path is absolute from the app's root; the router
//! adds the base path when the app is served under a sub-path.

use std::sync::OnceLock;

use leptos::prelude::{document, window};

use crate::domain::catalogue::product::Section;
use crate::domain::catalogue::Category;
use crate::domain::guide::Page;
use crate::domain::model::{AppId, CompanyId, Product};

/// The path the app is served under ("" at the root): the build's public URL, which
/// `scripts/build.sh` writes in `<meta name="mes-apps-base">` (the Content-Security-Policy
/// refuses a `<base>` element); a `<base href>` is read too.
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

/// Utilisateurs: the product's people.
pub fn users(product: Product) -> String {
    format!("/{}/utilisateurs", product.slug())
}

/// `path` with a query string of the pairs that have a value: `?q=paie&categorie=paie`.
/// The one place query strings are written.
pub fn with_query(path: String, pairs: &[(&str, Option<&str>)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| {
            v.filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", encode(v)))
        })
        .collect();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The value of `key` in a query string (`?lang=en&banc=10`, the `?` optional), decoded
/// as the browser decodes a form (`%C3%A9` is é, `+` a space), keys included; the first
/// one when the key is repeated (as `URLSearchParams.get`). The one place query strings
/// are read outside the router, whose `use_query_map` serves the pages.
pub fn query_param(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(key)
}

/// [`query_param`] of the page's address, for what is read before the router starts.
pub fn address_param(key: &str) -> Option<String> {
    query_param(&window().location().search().ok()?, key)
}

/// A finished access review's report: `…/mes-apps/revue/3`.
pub fn review(product: Product, id: u64) -> String {
    format!("{}/{id}", section(product, Section::Review))
}

/// A section of Mes apps, without filters.
pub fn section(product: Product, section: Section) -> String {
    format!("{}/{}", mes_apps(product), section.slug())
}

/// The section a product opens on: Aperçu, or Applis du cabinet.
pub fn default_section(product: Product) -> String {
    section(product, product.default_section())
}

/// Applis clientes, narrowed to one client when given.
pub fn clients(product: Product, client: Option<&CompanyId>) -> String {
    with_query(
        section(product, Section::ClientApps),
        &[("client", client.map(CompanyId::as_str))],
    )
}

pub fn search(product: Product, query: &str, category: Option<Category>) -> String {
    with_query(
        section(product, Section::Search),
        &[
            ("q", Some(query)),
            ("categorie", category.map(Category::slug)),
        ],
    )
}

pub fn app(product: Product, app: &AppId) -> String {
    format!("{}/applis/{}", mes_apps(product), encode(app.as_str()))
}

fn connection(product: Product, company: &CompanyId, app: &AppId, page: &str) -> String {
    format!(
        "{}/connexions/{}/{}/{page}",
        mes_apps(product),
        encode(company.as_str()),
        encode(app.as_str())
    )
}

pub fn settings(product: Product, company: &CompanyId, app: &AppId) -> String {
    connection(product, company, app, "parametres")
}

pub fn launch(product: Product, company: &CompanyId, app: &AppId) -> String {
    connection(product, company, app, "lancer")
}

/// A disconnection's receipt.
pub fn receipt(product: Product, id: u64) -> String {
    format!("{}/recus/{id}", mes_apps(product))
}

/// The journal's filters, as its address holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalQuery {
    pub app: Option<String>,
    pub kind: Option<String>,
    pub client: Option<String>,
}

pub fn journal(product: Product, query: &JournalQuery) -> String {
    with_query(
        section(product, Section::Journal),
        &[
            ("appli", query.app.as_deref()),
            ("type", query.kind.as_deref()),
            ("client", query.client.as_deref()),
        ],
    )
}

/// What page a path (the router's, without the base path) shows, as a guide sees it.
pub fn page_of(path: &str) -> Page {
    let path = path.strip_prefix(base()).unwrap_or(path);
    let parts: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| js_sys::decode_uri_component(s).map_or_else(|_| s.to_string(), String::from))
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let Some(product) = parts.first().and_then(|p| Product::from_slug(p)) else {
        return Page::Other;
    };
    match parts[1..] {
        ["mes-apps", "applis", app] => Page::App(product, AppId::new(app)),
        ["mes-apps", "connexions", company, app, "parametres"] => {
            Page::Settings(product, AppId::new(app), CompanyId::new(company))
        }
        ["mes-apps", section] => Section::ALL
            .into_iter()
            .find(|s| s.slug() == section)
            .map_or(Page::Other, |s| Page::Section(product, s)),
        _ => Page::Other,
    }
}

/// Percent-encodes a URL component, as the browser's `encodeURIComponent` does.
/// The app whose page `pathname` is (`…/mes-apps/applis/ID`), if it is one.
pub fn app_in(pathname: &str) -> Option<AppId> {
    let (_, rest) = pathname.split_once("/mes-apps/applis/")?;
    let id = rest
        .split(['/', '?', '#'])
        .next()
        .filter(|s| !s.is_empty())?;
    let id: String = js_sys::decode_uri_component(id).ok()?.into();
    Some(AppId::new(id))
}

pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
