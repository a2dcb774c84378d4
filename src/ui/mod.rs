//! The user interface: components that read the state and dispatch commands through
//! [`state::AppState`]. Rules stay in the domain; a component asks, renders and sends.

pub mod app_page;
pub mod backup;
pub mod banner;
pub mod connections;
pub mod dialog;
pub mod disconnect;
pub mod events;
pub mod filter_select;
pub mod format;
pub mod get_app;
pub mod home;
pub mod journal;
pub mod launch;
pub mod menu_button;
pub mod paths;
pub mod search;
pub mod settings;
pub mod shell;
pub mod state;

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
pub use shell::App;
use state::AppState;

/// The catalogue: the shipped one, or for measurements only a generated one of `n` apps
/// when the page's URL holds `?banc=n` (never saved: the demo's data stay as they are).
fn catalogue() -> Result<Catalogue, String> {
    let search = window().location().search().unwrap_or_default();
    let bench = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("banc="))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=50_000).contains(n));
    match bench {
        Some(n) => Ok(Catalogue::generated(n)),
        None => Catalogue::shipped().map_err(|e| e.to_string()),
    }
}

/// Builds the state and mounts the app in `#app`, replacing the loading placeholder.
pub fn mount() {
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
            provide_context(AppState::new(c));
            view! { <App/> }.into_any()
        }
        Err(e) => view! { <p class="ma-loading" role="alert">{e}</p> }.into_any(),
    });
    handle.forget();
}
