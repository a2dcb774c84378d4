//! What the browser tests share: a container to mount into, the whole app mounted at an
//! address, waiting for the app to settle, and events built by the browser's own
//! constructors.
#![allow(dead_code)]

use leptos::prelude::*;
use mes_apps::domain::model::Timestamp;
use wasm_bindgen::{JsCast, JsValue};

/// A fixed real time for demo data made in a test (after every demo date).
pub const NOW: Timestamp = Timestamp(1_800_000_000_000);

/// A fresh element at the end of the body, to mount a component into.
pub fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Resolves at the next animation frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets effects run, a frame pass, and effects run again.
pub async fn settle() {
    leptos::task::tick().await;
    next_frame().await;
    leptos::task::tick().await;
}

/// An event built with the page's own constructor (`KeyboardEvent`, `Event`…).
pub fn event(ctor: &str, kind: &str, props: &[(&str, JsValue)]) -> web_sys::Event {
    let init = js_sys::Object::new();
    for (name, value) in props {
        js_sys::Reflect::set(&init, &JsValue::from_str(name), value).unwrap();
    }
    let ctor: js_sys::Function = js_sys::Reflect::get(&window(), &ctor.into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of2(&kind.into(), &init);
    js_sys::Reflect::construct(&ctor, &args)
        .unwrap()
        .unchecked_into()
}

/// A bubbling `Event` of `kind` ("input", "change"…), made by the browser's constructor.
pub fn plain_event(kind: &str) -> web_sys::Event {
    event("Event", kind, &[("bubbles", JsValue::TRUE)])
}

/// A bubbling, cancelable `keydown` of `key` (Shift held when `shift`).
pub fn keydown(key: &str, shift: bool) -> web_sys::Event {
    event(
        "KeyboardEvent",
        "keydown",
        &[
            ("key", JsValue::from_str(key)),
            ("shiftKey", JsValue::from_bool(shift)),
            ("bubbles", JsValue::TRUE),
            ("cancelable", JsValue::TRUE),
        ],
    )
}

/// What has focus, readably: a menu item's text, an element's id, or its tag.
pub fn focused() -> String {
    match document().active_element() {
        Some(e) if e.get_attribute("role").as_deref() == Some("menuitem") => {
            e.text_content().unwrap_or_default().trim().to_string()
        }
        Some(e) if !e.id().is_empty() => format!("#{}", e.id()),
        Some(e) => e.tag_name().to_lowercase(),
        None => "(rien)".into(),
    }
}

/// The first element under `root` matching `selector`.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

/// What localStorage holds under `key` (`mes-apps/quickbooks`), as a reload reads it.
pub fn saved(key: &str) -> Option<String> {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

/// Changes the address without loading a page (the router follows it).
pub fn go_to(path: &str) {
    window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The whole app mounted at an address; unmounted, and the address back at "/", when
/// dropped (or unmounted earlier by taking `handle`).
pub struct Mounted {
    pub root: web_sys::HtmlElement,
    pub state: mes_apps::ui::state::Contexts,
    pub handle: Option<Box<dyn std::any::Any>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.take();
        self.root.remove();
        go_to("/");
    }
}

impl Mounted {
    /// The input of this id (it must be on the page).
    pub fn input(&self, id: &str) -> web_sys::HtmlInputElement {
        document()
            .get_element_by_id(id)
            .unwrap_or_else(|| panic!("#{id} is on the page"))
            .unchecked_into()
    }

    /// The button whose text (visible and hidden) reads `name`.
    pub fn button(&self, name: &str) -> web_sys::HtmlElement {
        let list = document().query_selector_all("button").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == name)
            .unwrap_or_else(|| panic!("a button {name:?}"))
    }

    /// Clicks the button named `name`, and lets the app settle.
    pub async fn click(&self, name: &str) {
        self.button(name).click();
        settle().await;
    }

    /// Types `text` into the input, as its `input` event tells the app.
    pub async fn type_into(&self, id: &str, text: &str) {
        let input = self.input(id);
        input.set_value(text);
        input.dispatch_event(&plain_event("input")).unwrap();
        settle().await;
    }
}

/// Mounts the app at `path` with `state`, once it has settled.
pub async fn mount_app(path: &str, state: mes_apps::ui::state::Contexts) -> Mounted {
    go_to(path);
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        state.provide();
        view! { <mes_apps::ui::App/> }
    });
    settle().await;
    Mounted {
        root,
        state,
        handle: Some(Box::new(handle)),
    }
}
