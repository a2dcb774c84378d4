//! Mounts Mes apps in the page (the browser build); see `lib.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    mes_apps::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Mes apps runs in a browser: `make serve`, then open http://127.0.0.1:8080");
}
