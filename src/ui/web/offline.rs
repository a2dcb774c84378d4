//! Offline after the first visit: registers the service worker the build writes beside
//! `index.html` (`scripts/sw.js`), once the first page is shown, so that its download of
//! the build's files never competes with the first screen. A browser that refuses service
//! workers (a private window, a page opened from a file) simply keeps using the network.

use leptos::prelude::window;

use super::paths;

/// Registers `sw.js` for the app's root (its sub-path included).
pub fn keep_for_offline() {
    let navigator = window().navigator();
    // `navigator.serviceWorker` is undefined outside secure contexts.
    let has_workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_workers {
        return;
    }
    let root = format!("{}/", paths::base());
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&root);
    let promise = navigator
        .service_worker()
        .register_with_options(&format!("{root}sw.js"), &options);
    // A refusal is not an error for the user: the app works online as before.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
