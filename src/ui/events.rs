//! Event listeners that the view macro cannot express: capture-phase listeners on the
//! window, removed when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A capture-phase listener on the window; removed when dropped.
pub struct CaptureListener {
    kind: &'static str,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl CaptureListener {
    /// Listens to `kind` on the window before any element's own listener runs.
    pub fn on_window(kind: &'static str, f: impl Fn(web_sys::Event) + 'static) -> Option<Self> {
        let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        web_sys::window()?
            .add_event_listener_with_callback_and_add_event_listener_options(
                kind,
                closure.as_ref().unchecked_ref(),
                &options,
            )
            .ok()?;
        Some(CaptureListener { kind, closure })
    }
}

impl Drop for CaptureListener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback_and_bool(
                self.kind,
                self.closure.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// Offers `text` to the user as a downloaded file. `false` when the browser refused.
pub fn download(file_name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(a) = document.create_element("a") else {
        return false;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoked after the click has been handled.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    }
    true
}
