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
