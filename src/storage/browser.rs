//! localStorage, for the browser build: the key-value implementation the store writes
//! through, and the `storage` event that tells this tab another tab saved.
//!
//! gloo-storage panics when the browser blocks storage, so access is probed with
//! `window.localStorage` first and gloo is only used once the probe succeeded.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::kv::{KeyValue, KvError, MemoryKv};
use super::schema::PREFIX;

/// localStorage, once the browser allowed it.
#[derive(Clone, Debug)]
pub struct BrowserKv(web_sys::Storage);

/// Maps a thrown `DOMException` to what the store understands.
fn kv_error(e: JsValue) -> KvError {
    match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
        Some(name) if name == "QuotaExceededError" => KvError::QuotaExceeded,
        Some(name) if name == "SecurityError" => KvError::Blocked,
        Some(name) => KvError::Other(name),
        None => KvError::Other(format!("{e:?}")),
    }
}

impl BrowserKv {
    /// localStorage, or `Blocked` when the browser refuses it (it throws a `SecurityError`
    /// on access when site data is blocked).
    pub fn open() -> Result<BrowserKv, KvError> {
        let window = web_sys::window().ok_or(KvError::Blocked)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(BrowserKv(LocalStorage::raw())),
            Ok(None) => Err(KvError::Blocked),
            Err(e) => Err(match kv_error(e) {
                KvError::Other(_) => KvError::Blocked,
                other => other,
            }),
        }
    }
}

impl KeyValue for BrowserKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get_item(key).map_err(kv_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.set_item(key, value).map_err(kv_error)
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.0.remove_item(key).map_err(kv_error)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let n = self.0.length().map_err(kv_error)?;
        Ok((0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect())
    }
}

/// localStorage when allowed, memory otherwise.
#[derive(Clone, Debug)]
pub enum AnyKv {
    Browser(BrowserKv),
    Memory(MemoryKv),
}

impl AnyKv {
    /// localStorage, or memory with the reason storage is unavailable.
    pub fn open() -> (AnyKv, Option<KvError>) {
        match BrowserKv::open() {
            Ok(kv) => (AnyKv::Browser(kv), None),
            Err(e) => (AnyKv::Memory(MemoryKv::volatile()), Some(e)),
        }
    }
}

impl KeyValue for AnyKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        match self {
            AnyKv::Browser(kv) => kv.get(key),
            AnyKv::Memory(kv) => kv.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        match self {
            AnyKv::Browser(kv) => kv.set(key, value),
            AnyKv::Memory(kv) => kv.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        match self {
            AnyKv::Browser(kv) => kv.remove(key),
            AnyKv::Memory(kv) => kv.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        match self {
            AnyKv::Browser(kv) => kv.keys(),
            AnyKv::Memory(kv) => kv.keys(),
        }
    }

    fn lasts(&self) -> bool {
        match self {
            AnyKv::Browser(kv) => kv.lasts(),
            AnyKv::Memory(kv) => kv.lasts(),
        }
    }
}

/// Listens to other tabs' writes to Mes apps' keys until dropped.
pub struct ChangeListener {
    callback: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl ChangeListener {
    /// Calls `on_change` with the key another tab wrote (`None` when it cleared storage).
    pub fn new(mut on_change: impl FnMut(Option<String>) + 'static) -> Option<ChangeListener> {
        let callback = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(
            move |e: web_sys::StorageEvent| match e.key() {
                Some(key) if key.starts_with(PREFIX) => on_change(Some(key)),
                Some(_) => {}
                None => on_change(None),
            },
        );
        web_sys::window()?
            .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(ChangeListener { callback })
    }
}

impl Drop for ChangeListener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "storage",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}
