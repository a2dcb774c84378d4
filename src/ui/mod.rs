//! The user interface, laid out as the app reads: the [`frame`] (routes, header, banner,
//! status line), one module per page in [`pages`], reusable [`widgets`], the shared
//! contexts in [`state`], and web plumbing in [`web`]. Rules stay in the domain: a view
//! asks, renders and dispatches.

pub mod frame;
pub mod pages;
pub mod state;
pub mod web;
pub mod widgets;

use leptos::prelude::*;

use crate::domain::catalogue::{Catalogue, CatalogueError};
use crate::domain::i18n::Lang;
pub use frame::App;
use state::Contexts;

/// The catalogue: the shipped one, or for measurements only a generated one of `n` apps
/// when the page's URL holds `?banc=n` (never saved: the demo's data stay as they are).
fn catalogue() -> Result<Catalogue, CatalogueError> {
    let bench = web::paths::address_param("banc")
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=50_000).contains(n));
    match bench {
        Some(n) => Ok(Catalogue::generated(n)),
        None => Catalogue::shipped(),
    }
}

/// A named instant of the startup, for measurements (`make bench` reads them).
fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Builds the state and mounts the app in `#app`, replacing the loading placeholder.
pub fn mount() {
    // The wasm is fetched, compiled and instantiated: its code runs from here.
    mark("ma:start");
    // A panic is a bug; its message goes to the console instead of a bare "unreachable".
    console_error_panic_hook::set_once();
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    root.set_text_content(None);
    let handle = leptos::mount::mount_to(root, || match catalogue() {
        Ok(c) => {
            let contexts = Contexts::new(c);
            mark("ma:state-loaded");
            contexts.provide();
            let session = contexts.session;
            // `<html lang>` follows the language; the app is shown anew in it, every view
            // reading its texts once.
            Effect::new(move || {
                if let Some(html) = document().document_element() {
                    let _ = html.set_attribute("lang", session.lang().code());
                }
            });
            (move || {
                session.lang();
                view! { <App/> }
            })
            .into_any()
        }
        // Before any preference is read: said in each language.
        Err(e) => view! {
            <div class="ma-loading" role="alert">
                {Lang::ALL.map(|l| view! { <p lang=l.code()>{e.text(l)}</p> })}
            </div>
        }
        .into_any(),
    });
    handle.forget();
    // Once the browser has drawn the first page.
    request_animation_frame(|| {
        mark("ma:first-render");
        frame::fetch_ahead();
        web::offline::keep_for_offline();
    });
}
