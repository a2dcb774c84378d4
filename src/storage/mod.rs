//! Storage: the only code that touches localStorage. [`store::ProductStore`] keeps a
//! product's state behind a versioned envelope (see [`schema`] for the keys), over any
//! [`kv::KeyValue`]: the browser's localStorage (`browser`, in the browser only) or
//! memory. Export and import live in [`exchange`], preferences in [`prefs`].

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod exchange;
pub mod kv;
pub mod prefs;
pub mod schema;
pub mod store;
